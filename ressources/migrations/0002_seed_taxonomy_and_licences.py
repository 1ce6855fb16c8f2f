"""Seed the controlled taxonomy and the licences.

The vocabulary is that of the sector's platform in production (shared/domain/taxonomy.md, 2025
revision), with the terms its migrations retired kept as inactive terms pointing to their
successors, so that data exported from it imports without loss. A few terms the sector's own
documents need and the list lacks are added (marked `added`; reasons in the README).
The data is frozen here on purpose: later changes are made by admins or by new migrations.
"""

from django.db import migrations

INCLUSION = "Inclusion numérique"
CULTURE = "Culture numérique"
COMMONS = "Communs & souveraineté"
ENVIRONMENT = "Numérique & environnement"

THEMES = [
    ("diagnostic_de_competences_numeriques", "Diagnostic de compétences numériques", INCLUSION),
    ("aides_aux_demarches_administratives", "Aide aux démarches administratives", INCLUSION),
    ("maitrise_des_outils_numeriques", "Maîtrise des outils numériques", INCLUSION),
    ("navigation_sur_internet", "Navigation sur Internet", INCLUSION),
    ("sobriete_numerique", "Sobriété numérique", ENVIRONMENT),
    ("materiel_reconditionne", "Matériel reconditionné", ENVIRONMENT),
    ("mobilites", "Mobilités", ENVIRONMENT),
    ("accessibilite", "Accessibilité", INCLUSION),
    ("loisirs_et_creations_numeriques", "Loisirs et créations numériques", CULTURE),
    ("citoyennete_et_engagement", "Citoyenneté & engagement", CULTURE),
    ("code_et_programmation", "Code & programmation", CULTURE),
    ("reseaux_sociaux_et_communication", "Réseaux sociaux & communication", INCLUSION),
    ("donnees", "Données", CULTURE),
    ("emploi_et_entrepreunariat", "Emploi & entrepreunariat", CULTURE),
    ("jeux_videos", "Jeux vidéos", CULTURE),
    ("numerique_en_sante", "Numérique en santé", INCLUSION),
    ("parentalite", "Parentalité", INCLUSION),
    ("risques_cyber_et_protection", "Risques cyber et protection", INCLUSION),
    ("communs_numeriques", "Communs numériques", COMMONS),
    ("economie_numerique", "Économie numérique", COMMONS),
    ("gouvernances_partagees", "Gouvernances partagées", COMMONS),
    ("intelligence_artificielle", "Intelligence artificielle", CULTURE),
    ("open_source_et_licences_libres", "Open source et licences libres", COMMONS),
    (
        "souverainete_numerique_et_hebergement_des_donnees",
        "Souveraineté numérique & hébergement des données",
        COMMONS,
    ),
    ("ecoconception_de_services_numeriques", "Écoconception de services numériques", ENVIRONMENT),
    ("usages_responsables_du_numerique", "Usages responsables du numérique", ENVIRONMENT),
    (
        "numerique_au_service_de_l_environnement",
        "Numérique au service de l’environnement",
        ENVIRONMENT,
    ),
    ("territoires_connectes_et_durables", "Territoires connectés et durables", ENVIRONMENT),
    ("education_aux_medias", "Éducation aux médias", CULTURE),
    # added: cited throughout the sector's documents, absent from the list
    ("acces_aux_droits", "Accès aux droits", INCLUSION),
    ("formation_des_professionnels", "Formation et professionnalisation des médiateurs", INCLUSION),
    ("evaluation_et_mesure_d_impact", "Évaluation et mesure d'impact", INCLUSION),
]
RETIRED_THEMES = [
    (
        "usage_du_materiel_informatique",
        "Usage du matériel informatique",
        INCLUSION,
        "maitrise_des_outils_numeriques",
    ),
    ("acteurs_du_numerique", "Acteurs du numérique", CULTURE, None),
    ("education_et_formation", "Éducation et formation", CULTURE, None),
    ("inclusion_numerique", "Inclusion numérique", INCLUSION, None),
]

RESOURCE_TYPES = [
    (
        "ressource_pedagogique",
        "Ressources pédagogiques",
        "Tutoriels, supports d'ateliers, jeux, formations...",
    ),
    ("outils_numeriques", "Outils Numériques", "Site web, logiciel, application..."),
    ("annuaire", "Annuaire", ""),
    ("article", "Article", ""),
    ("boite_outils", "Boite à outils", "Kits, packs de ressources..."),
    ("infographie", "Infographie", ""),
    ("methodologie", "Méthodologie", ""),
    ("questionnaire", "Questionnaire", ""),
    ("video_webinaire", "Vidéo / Webinaire", ""),
    # added: the sector publishes many of these and they fit none of the above
    (
        "rapport_etude",
        "Rapport / Étude",
        "Rapports d'activité, observatoires, baromètres, enquêtes...",
    ),
    ("fiche_pratique", "Fiche pratique", ""),
    (
        "mobilier",
        "Mobilier et dispositif physique",
        "Mobiliers, bus numériques, dispositifs tangibles...",
    ),
]
RETIRED_RESOURCE_TYPES = [
    ("modele_notice", "Modèle / notice", "ressource_pedagogique"),
    ("tutoriel", "Tutoriel", "ressource_pedagogique"),
    ("jeu", "Jeu", "ressource_pedagogique"),
    ("support_pedagogique", "Support pédagogique", "ressource_pedagogique"),
    ("site_web", "Site web", "outils_numeriques"),
    ("logiciel", "Logiciel", "outils_numeriques"),
    ("cartographie", "Cartographie", "outils_numeriques"),
    ("video", "Vidéo", "video_webinaire"),
]

BENEFICIARIES = [
    ("tous_publics", "Tous publics"),
    ("enfants_mineurs", "Enfants mineurs"),
    ("adultes", "Adultes"),
    ("seniors_personnes_agees", "Seniors & personnes âgées"),
    ("parents", "Parents"),
    ("personnes_tres_eloignees_numerique", "Personnes très éloignées du numérique"),
    (
        "personne_situation_handicap_ou_perte_autonomie",
        "Personne en situation de handicap et/ou de perte d'autonomie",
    ),
    ("personne_situation_illetrisme", "Personne en situation d’illettrisme"),
    (
        "personne_allophone_ou_refugies_demandeurs_asile",
        "Personne allophone / Réfugiés / demandeurs d’asile",
    ),
    (
        "personnes_en_insertion_sociale_ou_professionnelle",
        "Personnes en insertion sociale et/ou professionnelle",
    ),
]
RETIRED_BENEFICIARIES = [
    ("jeunes_enfants_6", "Jeunes enfants (moins de 6 ans)", "enfants_mineurs"),
    ("enfants_6_12", "Enfants (6-12 ans)", "enfants_mineurs"),
    ("adolescents_12_18", "Adolescents (12-18 ans)", "enfants_mineurs"),
    ("jeunes_adultes_18_25", "Jeunes adultes (18-25 ans)", "enfants_mineurs"),
    (
        "personne_situation_handicap",
        "Personne en situation de handicap",
        "personne_situation_handicap_ou_perte_autonomie",
    ),
    (
        "personnes_perte_autonomie",
        "Personnes en perte d'autonomie",
        "personne_situation_handicap_ou_perte_autonomie",
    ),
    ("personne_allophone", "Personne allophone", "personne_allophone_ou_refugies_demandeurs_asile"),
    (
        "refugies_demandeurs_asile",
        "Réfugiés / demandeurs d'asile",
        "personne_allophone_ou_refugies_demandeurs_asile",
    ),
    (
        "personnes_insertion_professionnelle",
        "Personnes en insertion professionnelle",
        "personnes_en_insertion_sociale_ou_professionnelle",
    ),
    (
        "personnes_en_insertion_sociale",
        "Personnes en insertion sociale",
        "personnes_en_insertion_sociale_ou_professionnelle",
    ),
    ("particuliers", "Particuliers", "tous_publics"),
]

SECTORS = [
    (
        "acteurs_publics",
        "Acteurs publics",
        "Élus, collectivités, Administrations & établissements publics...",
    ),
    (
        "acteurs_prives_et_associatifs",
        "Acteurs privés et associatifs",
        "Entreprises, Associations & acteurs de l'ESS...",
    ),
    ("aidants_et_mediateurs_numeriques", "Aidants et médiateurs numériques", ""),
    ("autres_professionnels", "Autres professionnels", ""),
]
RETIRED_SECTORS = [
    ("mediateurs_numeriques", "Médiateurs numériques", "aidants_et_mediateurs_numeriques"),
    ("aidants_numeriques", "Aidants numériques", "aidants_et_mediateurs_numeriques"),
    ("travailleurs_sociaux", "Travailleurs sociaux", "aidants_et_mediateurs_numeriques"),
    (
        "associations_acteurs_ess",
        "Associations & acteurs de l'ESS",
        "acteurs_prives_et_associatifs",
    ),
    ("entreprises", "Entreprises", "acteurs_prives_et_associatifs"),
    ("collectivites_territoriales", "Collectivités territoriales", "acteurs_publics"),
    (
        "administrations_etablissements_publics",
        "Administrations & établissements publics",
        "acteurs_publics",
    ),
    ("elus", "Élus", "acteurs_publics"),
    (
        "enseignants_professionnels_formation",
        "Enseignants & professionnels de la formation",
        "autres_professionnels",
    ),
]

# spdx, name, short name, url, kind, attribution, share_alike, non_commercial, no_derivatives,
# open, listed by art. D323-2-1 CRPA
LICENCES = [
    (
        "etalab-2.0",
        "Licence Ouverte / Etalab 2.0",
        "Licence Ouverte 2.0",
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        "content",
        True,
        False,
        False,
        False,
        True,
        True,
    ),
    (
        "CC-BY-4.0",
        "Creative Commons Attribution 4.0 International",
        "CC BY 4.0",
        "https://creativecommons.org/licenses/by/4.0/deed.fr",
        "content",
        True,
        False,
        False,
        False,
        True,
        False,
    ),
    (
        "CC-BY-SA-4.0",
        "Creative Commons Attribution - Partage dans les mêmes conditions 4.0 International",
        "CC BY-SA 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
        "content",
        True,
        True,
        False,
        False,
        True,
        False,
    ),
    (
        "CC-BY-NC-SA-4.0",
        "Creative Commons Attribution - Pas d'utilisation commerciale - Partage dans les mêmes conditions 4.0 International",
        "CC BY-NC-SA 4.0",
        "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.fr",
        "content",
        True,
        True,
        True,
        False,
        False,
        False,
    ),
    (
        "CC-BY-ND-4.0",
        "Creative Commons Attribution - Pas de modification 4.0 International",
        "CC BY-ND 4.0",
        "https://creativecommons.org/licenses/by-nd/4.0/deed.fr",
        "content",
        True,
        False,
        False,
        True,
        False,
        False,
    ),
    (
        "CC0-1.0",
        "Creative Commons Zéro 1.0 Universel (domaine public)",
        "CC0 1.0",
        "https://creativecommons.org/publicdomain/zero/1.0/deed.fr",
        "content",
        False,
        False,
        False,
        False,
        True,
        False,
    ),
    (
        "ODbL-1.0",
        "Open Database License 1.0",
        "ODbL 1.0",
        "https://opendatacommons.org/licenses/odbl/1-0/",
        "data",
        True,
        True,
        False,
        False,
        True,
        True,
    ),
    (
        "MIT",
        "Licence MIT",
        "MIT",
        "https://opensource.org/license/mit",
        "software",
        True,
        False,
        False,
        False,
        True,
        True,
    ),
    (
        "Apache-2.0",
        "Licence Apache 2.0",
        "Apache-2.0",
        "https://www.apache.org/licenses/LICENSE-2.0",
        "software",
        True,
        False,
        False,
        False,
        True,
        True,
    ),
    (
        "GPL-3.0-or-later",
        "GNU General Public License v3.0 ou ultérieure",
        "GPL-3.0+",
        "https://www.gnu.org/licenses/gpl-3.0.html",
        "software",
        True,
        True,
        False,
        False,
        True,
        True,
    ),
    (
        "AGPL-3.0-or-later",
        "GNU Affero General Public License v3.0 ou ultérieure",
        "AGPL-3.0+",
        "https://www.gnu.org/licenses/agpl-3.0.html",
        "software",
        True,
        True,
        False,
        False,
        True,
        True,
    ),
    (
        "EUPL-1.2",
        "Licence publique de l'Union européenne 1.2",
        "EUPL-1.2",
        "https://eupl.eu/1.2/fr/",
        "software",
        True,
        True,
        False,
        False,
        True,
        True,
    ),
    (
        "CECILL-2.1",
        "Licence CeCILL 2.1",
        "CeCILL-2.1",
        "https://cecill.info/licences/Licence_CeCILL_V2.1-fr.html",
        "software",
        True,
        True,
        False,
        False,
        True,
        True,
    ),
    (
        "LicenseRef-tous-droits-reserves",
        "Tous droits réservés",
        "Tous droits réservés",
        "",
        "reserved",
        True,
        False,
        True,
        True,
        False,
        False,
    ),
]


def seed(apps, schema_editor):
    Term = apps.get_model("ressources.Term")
    Licence = apps.get_model("ressources.Licence")

    def add(vocabulary, rows, retired):
        terms = {}
        for order, row in enumerate(rows):
            slug, label = row[0], row[1]
            extra = (
                {"category": row[2]}
                if vocabulary == "theme"
                else {"hint": row[2] if len(row) > 2 else ""}
            )
            terms[slug] = Term.objects.create(
                vocabulary=vocabulary, slug=slug, label=label, order=order, **extra
            )
        for order, row in enumerate(retired, start=100):
            slug, label, successor = row[0], row[1], row[-1]
            category = row[2] if vocabulary == "theme" else ""
            Term.objects.create(
                vocabulary=vocabulary,
                slug=slug,
                label=label,
                category=category,
                order=order,
                active=False,
                successor=terms.get(successor),
            )

    add("theme", THEMES, RETIRED_THEMES)
    add("resource_type", RESOURCE_TYPES, RETIRED_RESOURCE_TYPES)
    add("beneficiary", BENEFICIARIES, RETIRED_BENEFICIARIES)
    add("professional_sector", SECTORS, RETIRED_SECTORS)

    for order, row in enumerate(LICENCES):
        spdx, name, short, url, kind, attribution, sa, nc, nd, is_open, crpa = row
        Licence.objects.create(
            spdx_id=spdx,
            name=name,
            short_name=short,
            url=url,
            kind=kind,
            attribution=attribution,
            share_alike=sa,
            non_commercial=nc,
            no_derivatives=nd,
            is_open=is_open,
            crpa_listed=crpa,
            order=order,
        )


def unseed(apps, schema_editor):
    apps.get_model("ressources.Term").objects.all().delete()
    apps.get_model("ressources.Licence").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("ressources", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
