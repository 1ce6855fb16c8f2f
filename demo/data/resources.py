"""The demo resources, base by base, written from the sector's documents (shared/domain/sources).

Each resource names its base, its taxonomy by term slug (ressources migration 0002), its licence
by SPDX id, its credits in order, and its dates. A resource may only point (related, adapted from)
to a resource listed before it, so that each one is created, linked and published in one go.

Licences. Where the documents state one, it is used: the Observatoire 2024 is under CC BY-SA 4.0,
La Mednum's focus thématique and the NEC resources are « en licence ouverte » (etalab-2.0). Where
they state none:
- ANCT publications and the fiches the ANCT writes about its tools: etalab-2.0, the Licence
  Ouverte of State publications;
- resources that members wrote for the platform: etalab-2.0, the default licence of the sector's
  platform since July 2025 (shared/domain/taxonomy.md), unless they adapt a CC BY-SA text, which
  imposes CC BY-SA 4.0;
- third-party publications only referenced here: « tous droits réservés », which is what the law
  assumes when no licence is given, with the publisher to ask for anything else.
Original publication dates: when the documents give only a month or a year, its first day.
People are pseudonymised: the names of persons below are invented.

Over 500 lines: data, not code (one entry per demo resource).
"""

from demo.data.helpers import callout, document, heading, image, link, ol, org, person, text, ul

ETALAB = "etalab-2.0"
CC_BY_SA = "CC-BY-SA-4.0"
RESERVED = "LicenseRef-tous-droits-reserves"

ANCT_CONTACT = "societe.numerique@anct.gouv.fr"
MEDNUM_CONTACT = "contact@lamednum.coop"

OBSERVATOIRE_SOURCE = (
    "Données : La Mednum, Observatoire de l'inclusion numérique 2024 (CC BY-SA 4.0)"
)
DEMO_CHART = "Graphique redessiné pour la démonstration par Bases communes"

ACTIVITIES_2024 = [
    ("Maîtrise des outils numériques du quotidien", 94),
    ("Accompagnement à une utilisation sécurisée", 84),
    ("Compréhension du monde numérique", 83),
    ("Aide aux démarches administratives", 80),
    ("Mise à disposition d'un accès internet et du matériel informatique", 76),
    ("Parentalité et éducation au/par le numérique", 62),
    ("Loisirs et création numérique", 59),
    ("Insertion professionnelle par le numérique", 51),
    ("Acquisition de matériel informatique à prix solidaire", 19),
]

# Drawn once per base that shows it (each base keeps its own media), in that base's colour.
DISTANCE_FIGURES = {
    "key": "chiffres-cles-eloignement-numerique",
    "title": "Les chiffres clefs de l'éloignement numérique",
    "kind": "key_figures",
    "figures": [
        (
            "1/3",
            "des Français de 18 ans et plus sont plus ou moins éloignés du numérique, soit environ 16 millions de personnes",
        ),
        (
            "22 %",
            "des Français manquent de maîtrise pour utiliser pleinement le numérique (1er frein à l'usage)",
        ),
        (
            "60 %",
            "des non-diplômés estiment que le numérique ne facilite pas leur vie quotidienne",
        ),
    ],
    "source": "Sources : ANCT, CRÉDOC, Université Rennes 2 (2023) ; Baromètre du numérique, édition 2026",
}

ACTIVITIES_CHART = {
    "key": "observatoire-2024-activites",
    "title": "Observatoire 2024 – activités proposées par les structures",
    "kind": "bar_chart",
    "colour": "glycine",
    "rows": ACTIVITIES_2024,
    "source": "Source : La Mednum, Observatoire de l'inclusion numérique 2024 (CC BY-SA 4.0)",
}
# Alternative texts stay within the 250 characters of ImageBlock.alt_text: the essential, not
# every label (the caption and the text around the image say the rest).
ACTIVITIES_ALT = (
    "Diagramme en barres, part des structures proposant chaque activité : outils du quotidien "
    "94 %, sécurité 84 %, culture numérique 83 %, démarches 80 %, accès et matériel 76 %, "
    "parentalité 62 %, loisirs 59 %, insertion 51 %, matériel solidaire 19 %."
)

LABO = [
    {
        "base": "labo-societe-numerique",
        "slug": "la-mediation-numerique-quels-effets-sur-quels-publics",
        "title": "La médiation numérique : quels effets sur quels publics ?",
        "summary": (
            "Rapport d'Asdo études pour l'ANCT (2024) issu de l'enquête nationale auprès des "
            "bénéficiaires de la médiation numérique. Il mesure ce que changent les "
            "accompagnements : sentiment d'avoir progressé, tâches désormais réussies, aisance "
            "accrue avec le numérique et stress moindre à l'idée de manipuler des outils."
        ),
        "body": [
            heading("Une enquête auprès des personnes accompagnées"),
            text(
                "<p>Lorsque la médiation numérique est incarnée par des professionnels à "
                "proximité immédiate de la population et de ses enjeux du quotidien, elle "
                "constitue un véritable levier de réduction des inégalités numériques. L'enquête "
                "nationale conduite par Asdo études pour l'ANCT interroge directement les "
                "personnes accompagnées sur les effets qu'elles perçoivent.</p>"
            ),
            heading("Quatre effets mesurés"),
            text(
                ul(
                    "le <b>sentiment d'avoir progressé</b> ;",
                    "la capacité à <b>réussir des tâches</b> qu'elles n'arrivaient pas à réaliser avant l'accompagnement ;",
                    "le fait de se sentir <b>plus à l'aise avec le numérique</b> ;",
                    "le fait d'être <b>moins stressé</b> à l'idée de manipuler des outils numériques.",
                )
            ),
            callout(
                "<p>Le questionnaire de l'enquête est disponible sur la base Société Numérique : "
                "les structures peuvent le réutiliser pour interroger leurs propres publics.</p>",
                title="Réutiliser le questionnaire",
            ),
        ],
        "themes": ["evaluation_et_mesure_d_impact"],
        "types": ["rapport_etude"],
        "beneficiaries": ["adultes", "personnes_tres_eloignees_numerique"],
        "sectors": ["aidants_et_mediateurs_numeriques", "acteurs_publics"],
        "tags": ["enquête", "impact", "bénéficiaires"],
        # ANCT publication (commissioned report), no licence stated: Licence Ouverte.
        "licence": ETALAB,
        "producer": "asdo-etudes",
        "credits": [
            org("Asdo études", "redaction", "asdo-etudes"),
            org("Agence nationale de la cohésion des territoires (ANCT)", "financement", "anct"),
        ],
        "published": "2024-01-01",
        "permission_contact": ANCT_CONTACT,
        "author": "hugo.labo",
        "first_published": "2024-10-08 10:00",
        "last_published": "2024-10-08 10:00",
    },
    {
        "base": "labo-societe-numerique",
        "slug": "la-societe-numerique-francaise-eloignement-numerique",
        "title": "La société numérique française : définir et mesurer l'éloignement numérique",
        "summary": (
            "Étude de l'ANCT, du CRÉDOC et de l'Université Rennes 2 (CREAD-M@rsouin), avril "
            "2023. Elle propose une définition et une mesure de l'éloignement numérique : un tiers "
            "des Français de 18 ans et plus, soit environ 16 millions de personnes, en sont plus "
            "ou moins éloignés, principalement parce qu'ils ne se sentent pas assez compétents "
            "pour utiliser pleinement le numérique."
        ),
        "body": [
            heading("Un phénomène social plus que technique"),
            text(
                "<p>Loin d'être une simple question d'âge, la capacité à tirer profit du "
                "numérique dépend d'abord des conditions d'existence, en particulier du niveau "
                "d'étude : les personnes peu ou pas diplômées sont les plus en difficulté. Dans une "
                "société numérisée, l'éloignement numérique ne peut plus être considéré comme un "
                "simple enjeu technique : <b>il s'agit d'abord d'un phénomène social</b>.</p>"
            ),
            image(
                {**DISTANCE_FIGURES, "colour": "archipel"},
                alt=(
                    "Trois chiffres clés : un tiers des Français de 18 ans et plus éloignés du "
                    "numérique (environ 16 millions) ; 22 % manquent de maîtrise pour l'utiliser "
                    "pleinement ; 60 % des non-diplômés estiment qu'il ne facilite pas leur vie "
                    "quotidienne."
                ),
                caption="Les chiffres clefs de l'éloignement numérique.",
                credit="Infographie de démonstration, d'après l'ANCT, le CRÉDOC et le Baromètre du numérique",
            ),
            link(
                "https://www.credoc.fr/publications/la-societe-numerique-francaise-definir-et-mesurer-leloignement-numerique",
                "Lire l'étude sur le site du CRÉDOC",
            ),
        ],
        "themes": ["evaluation_et_mesure_d_impact", "maitrise_des_outils_numeriques"],
        "types": ["rapport_etude"],
        "beneficiaries": ["tous_publics", "personnes_tres_eloignees_numerique"],
        "sectors": ["acteurs_publics", "aidants_et_mediateurs_numeriques"],
        "tags": ["éloignement numérique", "statistiques", "série La société numérique française"],
        # ANCT co-publication, no licence stated: Licence Ouverte.
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct"),
            org("CRÉDOC", "redaction", "credoc"),
            org("Université Rennes 2 – CREAD-M@rsouin", "redaction"),
        ],
        "published": "2023-04-01",
        "permission_contact": ANCT_CONTACT,
        "author": "hugo.labo",
        "first_published": "2023-05-16 10:00",
        "last_published": "2023-05-16 10:00",
    },
    {
        "base": "labo-societe-numerique",
        "slug": "les-professionnels-de-la-mediation-numerique-au-defi",
        "title": "Les professionnels de la médiation numérique au défi de l'éloignement numérique",
        "summary": (
            "Un volet de la série « La société numérique française » du Labo Société Numérique, "
            "consacré aux professionnels de la médiation numérique face à l'éloignement "
            "numérique : qui sont-ils, comment interviennent-ils en complémentarité des autres "
            "professionnels de terrain, et à quelles difficultés sont-ils confrontés ?"
        ),
        "body": [
            text(
                "<p>Les médiateurs numériques sont les professionnels de l'accompagnement au "
                "numérique pour tous. Ils favorisent la montée en compétence numérique de la "
                "population et permettent à chacun de percevoir et de croire en ses capacités à "
                "se servir du numérique comme vecteur d'opportunités.</p>"
            ),
            link("https://labo.societenumerique.gouv.fr", "Le site du Labo Société Numérique"),
        ],
        "themes": ["formation_des_professionnels"],
        "types": ["rapport_etude"],
        "sectors": ["aidants_et_mediateurs_numeriques", "acteurs_publics"],
        "tags": ["médiateurs numériques", "série La société numérique française"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [org("Labo Société Numérique (ANCT)", "redaction", "anct")],
        "permission_contact": ANCT_CONTACT,
        "author": "hugo.labo",
        "first_published": "2024-06-11 10:00",
        "last_published": "2024-06-11 10:00",
    },
    {
        "base": "labo-societe-numerique",
        "slug": "comprendre-les-freins-psychosociaux",
        "title": "Comprendre les freins psychosociaux à l'usage du numérique",
        "summary": (
            "Un volet de la série « La société numérique française » du Labo Société Numérique. "
            "Au-delà de l'accès et des compétences, la peur de se tromper, le manque de confiance "
            "ou le stress freinent l'usage du numérique : 65 % des citoyens déclarent des "
            "craintes liées à l'utilisation des outils numériques."
        ),
        "body": [
            text(
                "<p>Les Français évoquent principalement <b>la peur de se tromper</b> et "
                "<b>l'incompréhension de ce qui est demandé</b> pour réaliser leurs démarches en "
                "ligne. La confiance est le principal frein à l'usage : c'est pourquoi la "
                "médiation numérique vise une maîtrise du numérique <i>en confiance</i>.</p>"
            ),
            callout(
                "<p>L'Observatoire 2024 de La Mednum recommande d'articuler les référentiels de "
                "compétences numériques avec les référentiels des compétences psychosociales, pour "
                "développer la confiance numérique des publics les plus fragiles.</p>",
                title="Pour aller plus loin",
            ),
        ],
        "themes": ["maitrise_des_outils_numeriques", "aides_aux_demarches_administratives"],
        "types": ["rapport_etude"],
        "beneficiaries": ["personnes_tres_eloignees_numerique", "adultes"],
        "sectors": ["aidants_et_mediateurs_numeriques"],
        "tags": [
            "confiance numérique",
            "compétences psychosociales",
            "série La société numérique française",
        ],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [org("Labo Société Numérique (ANCT)", "redaction", "anct")],
        "permission_contact": ANCT_CONTACT,
        "author": "hugo.labo",
        "first_published": "2025-01-21 10:00",
        "last_published": "2025-01-21 10:00",
    },
    {
        "base": "labo-societe-numerique",
        "slug": "barometre-du-numerique-edition-2026",
        "title": "Baromètre du numérique, édition 2026",
        "summary": (
            "Le rapport annuel du Pôle Société du CRÉDOC pour l'Arcep, l'Arcom, le CGE et l'ANCT "
            "(février 2026) sur l'équipement et les usages numériques des Français. Plus de 9 "
            "Français sur 10 utilisent Internet et possèdent un smartphone, mais 22 % manquent de "
            "maîtrise pour utiliser pleinement le numérique."
        ),
        "body": [
            text(
                "<p>Le numérique est solidement ancré dans le quotidien d'une grande partie de la "
                "population. Pourtant, malgré la large diffusion de la connexion et des "
                "équipements, d'importantes inégalités numériques persistent : être connecté et "
                "équipé ne suffit pas pour être à l'aise avec le numérique.</p>"
            ),
            text(
                ul(
                    "<b>22 %</b> des Français manquent de maîtrise pour utiliser pleinement le numérique, premier frein à l'usage ;",
                    "<b>60 %</b> des non-diplômés estiment que le numérique « complique ou n'a pas d'effet » sur leur vie quotidienne, quand <b>73 %</b> des diplômés du supérieur estiment qu'il la facilite.",
                )
            ),
            link(
                "https://www.credoc.fr",
                "Le site du CRÉDOC",
                "Centre de recherche pour l'étude et l'observation des conditions de vie",
            ),
        ],
        "themes": ["evaluation_et_mesure_d_impact", "navigation_sur_internet"],
        "types": ["rapport_etude"],
        "beneficiaries": ["tous_publics"],
        "sectors": ["acteurs_publics", "acteurs_prives_et_associatifs"],
        "tags": ["baromètre", "statistiques", "usages"],
        # Co-commissioned by the ANCT, no licence stated: Licence Ouverte.
        "licence": ETALAB,
        "producer": "credoc",
        "credits": [
            org("CRÉDOC – Pôle Société", "redaction", "credoc"),
            org("Arcep", "financement"),
            org("Arcom", "financement"),
            org("Conseil général de l'économie (CGE)", "financement"),
            org("Agence nationale de la cohésion des territoires (ANCT)", "financement", "anct"),
        ],
        "published": "2026-02-01",
        "permission_contact": ANCT_CONTACT,
        "author": "hugo.labo",
        "first_published": "2026-02-26 10:00",
        "last_published": "2026-02-26 10:00",
    },
    {
        "base": "labo-societe-numerique",
        "slug": "illectronisme-insee-2021",
        "title": "15 % de la population est en situation d'illectronisme en 2021",
        "summary": (
            "Étude de l'INSEE (juin 2023). L'illectronisme recule, surtout chez les plus âgés "
            "(environ -8 points chez les 75 ans et plus en deux ans), mais beaucoup moins chez les "
            "plus modestes : à niveau de vie égal, les 20 % les plus modestes ont 6,6 fois plus de "
            "risques d'être en situation d'illectronisme que les 20 % les plus aisés."
        ),
        "body": [
            text(
                "<p>En deux ans, l'illectronisme a diminué de manière plus prononcée pour les "
                "personnes les plus âgées (environ -8 points pour les 75 ans et plus, -6 points pour "
                "les 60-74 ans), tandis que la baisse n'a été que d'un point chez les 15-24 ans. La "
                "diminution reste moindre chez les populations les plus modestes, ce qui creuse les "
                "inégalités.</p>"
            ),
            link("https://www.insee.fr/fr/statistiques/7633654", "Lire l'étude sur insee.fr"),
        ],
        "themes": ["maitrise_des_outils_numeriques", "evaluation_et_mesure_d_impact"],
        "types": ["rapport_etude"],
        "beneficiaries": ["tous_publics", "seniors_personnes_agees"],
        "sectors": ["acteurs_publics"],
        "tags": ["illectronisme", "statistiques", "inégalités"],
        # INSEE publications are under the Licence Ouverte.
        "licence": ETALAB,
        "producer": "insee",
        "credits": [org("INSEE", "redaction", "insee")],
        "published": "2023-06-01",
        "author": "hugo.labo",
        "first_published": "2023-07-04 10:00",
        "last_published": "2023-07-04 10:00",
    },
    {
        "base": "labo-societe-numerique",
        "slug": "le-capital-numerique",
        "title": "Le capital numérique (Terra Nova)",
        "summary": (
            "Étude de Terra Nova (octobre 2023) sur le « capital numérique » des Français. Elle "
            "rappelle que l'illectronisme touche aussi les jeunes : 20 % des Français de 12 à 17 "
            "ans en sont touchés, ce qui invite à ne pas réduire la médiation numérique aux "
            "publics seniors."
        ),
        "body": [
            text(
                "<p>Contrairement à une idée encore trop répandue, les actions de médiation "
                "numérique ne se limitent pas aux seniors : les publics jeunes représentent 22 % "
                "des publics accompagnés par les structures de médiation, et les enfants 13 % "
                "(Observatoire 2024 de La Mednum).</p>"
            ),
            link(
                "https://tnova.fr/societe/education/le-capital-numerique/",
                "Lire l'étude sur le site de Terra Nova",
            ),
        ],
        "themes": ["education_aux_medias", "maitrise_des_outils_numeriques"],
        "types": ["rapport_etude"],
        "beneficiaries": ["enfants_mineurs"],
        "sectors": ["autres_professionnels", "acteurs_publics"],
        "tags": ["jeunes", "illectronisme", "éducation"],
        # Third-party publication, no licence stated: all rights reserved.
        "licence": RESERVED,
        "producer": "terra-nova",
        "credits": [org("Terra Nova", "redaction", "terra-nova")],
        "published": "2023-10-01",
        "permission_contact": "https://tnova.fr",
        "author": "hugo.labo",
        "first_published": "2023-11-14 10:00",
        "last_published": "2023-11-14 10:00",
    },
]

MEDNUM = [
    {
        "base": "la-mednum",
        "slug": "observatoire-de-l-inclusion-numerique-2022",
        "title": "Observatoire de l'inclusion numérique 2022",
        "summary": (
            "La première édition de l'Observatoire de l'inclusion numérique de La Mednum (2022). "
            "Son questionnaire et sa méthodologie – enquête en ligne, entretiens, analyse des "
            "travaux du secteur – ont été repris en 2024 pour permettre de comparer les deux "
            "éditions."
        ),
        "body": [
            text(
                "<p>En 2022, les structures privées (associations, entreprises, coopératives) "
                "représentaient 57 % des répondants et les collectivités 32,5 %. 58 % des "
                "répondants intervenaient principalement à l'échelle locale, et 28 % déclaraient "
                "avoir une démarche de mesure d'impact.</p>"
            ),
            callout(
                "<p>La licence de cette édition n'est pas indiquée : sans mention, tous les droits "
                "sont réservés. Pour une réutilisation, écrivez à La Mednum.</p>",
                title="Licence",
                kind="warning",
            ),
        ],
        "themes": ["evaluation_et_mesure_d_impact", "formation_des_professionnels"],
        "types": ["rapport_etude"],
        "sectors": [
            "aidants_et_mediateurs_numeriques",
            "acteurs_publics",
            "acteurs_prives_et_associatifs",
        ],
        "tags": ["observatoire", "enquête", "secteur"],
        # No licence stated for the 2022 edition: all rights reserved.
        "licence": RESERVED,
        "producer": "la-mednum",
        "credits": [org("La Mednum", "conception", "la-mednum")],
        "published": "2022-01-01",
        "permission_contact": MEDNUM_CONTACT,
        "author": "julien.mednum",
        "first_published": "2022-06-20 10:30",
        "last_published": "2022-06-20 10:30",
    },
    {
        "base": "la-mednum",
        "slug": "observatoire-de-l-inclusion-numerique-2024",
        "title": "Observatoire de l'inclusion numérique — Réalités et perspectives du secteur en 2024",
        "summary": (
            "Deuxième édition de l'Observatoire de La Mednum : une enquête en ligne (332 "
            "répondants, 304 retenus, du 25 juin au 31 juillet 2024), 36 entretiens et l'analyse "
            "des dispositifs récents dressent le portrait du secteur – structures, activités, "
            "publics, outils, emplois, financements – et aboutissent à 14 préconisations. 1 390 "
            "médiateurs de 304 structures y sont représentés ; ils ont accompagné 610 280 "
            "personnes en 2023."
        ),
        "body": [
            heading("Méthodologie"),
            text(
                ul(
                    "<b>Une enquête en ligne avec 332 répondants</b>, diffusée du 25 juin au 31 juillet 2024, reprenant la structure du questionnaire de 2022 ; le traitement statistique porte sur 304 répondants ;",
                    "<b>36 entretiens individuels et collectifs</b>, réalisés entre juin et juillet 2024 ;",
                    "<b>une analyse des dispositifs</b> menés ces deux dernières années dans le secteur.",
                )
            ),
            heading("Les neuf activités du champ « Services »"),
            text(
                "<p>Pour faire le lien avec le schéma de données des lieux de médiation numérique, "
                "l'Observatoire reprend les neuf activités d'inclusion numérique du champ "
                "« Services ». La maîtrise des outils numériques du quotidien arrive en tête ; la "
                "parentalité et l'éducation au numérique est en plein essor.</p>"
            ),
            image(
                ACTIVITIES_CHART,
                alt=ACTIVITIES_ALT,
                caption="Part des structures répondantes qui proposent chaque activité (2024).",
                credit=f"{DEMO_CHART}. {OBSERVATOIRE_SOURCE}",
            ),
            document(
                {
                    "key": "observatoire-2024-activites",
                    "title": "Observatoire 2024 – activités des structures (données)",
                    "kind": "csv",
                    "header": ["activite", "part_des_structures_pourcent"],
                    "rows": ACTIVITIES_2024,
                },
                title="Les données du graphique (CSV)",
                description="Neuf activités, part des 304 structures répondantes qui les proposent.",
            ),
            heading("Trois parties, douze questions"),
            text(
                ol(
                    "Panorama des organisations, bénéficiaires et activités de terrain",
                    "Méthodes et outils déployés sur les territoires",
                    "Emplois, compétences et financement du secteur",
                )
            ),
            heading("14 préconisations"),
            text(
                "<p>Cinq pour les professionnels de la médiation numérique, deux pour les Hubs "
                "territoriaux, quatre pour les acteurs publics des territoires et trois pour les "
                "entreprises. Par exemple :</p>"
                + ul(
                    "proposer des réponses pour accompagner la parentalité numérique et concevoir une offre d'éducation au numérique, aux médias et à l'information ;",
                    "développer des programmes de sensibilisation et de formation des élus locaux, transpartisans ;",
                    "réaliser des diagnostics territoriaux initiaux et structurer la mesure d'impact des actions menées ;",
                    "mobiliser les formateurs de la médiation numérique pour l'émancipation numérique des salariés.",
                )
            ),
            callout(
                "<p>« Vous êtes donc libres de copier, de modifier et d'utiliser cette ressource, en "
                "citant La Mednum comme auteur de sa conception et Un Oeil Sur Tout comme auteur des "
                "infographies et du design, sans pour autant suggérer que nous approuvions votre "
                "utilisation. » Les adaptations se partagent sous les mêmes conditions ; pour toute "
                "autre utilisation : contact@lamednum.coop.</p>",
                title="Notre choix de licence : CC BY-SA 4.0",
            ),
            link("https://lamednum.coop", "Le site de La Mednum"),
        ],
        "themes": [
            "evaluation_et_mesure_d_impact",
            "formation_des_professionnels",
            "gouvernances_partagees",
            "economie_numerique",
        ],
        "types": ["rapport_etude", "infographie"],
        "sectors": [
            "aidants_et_mediateurs_numeriques",
            "acteurs_publics",
            "acteurs_prives_et_associatifs",
        ],
        "tags": [
            "observatoire",
            "enquête",
            "préconisations",
            "secteur",
            "France Numérique Ensemble",
        ],
        "licence": CC_BY_SA,
        "producer": "la-mednum",
        "credits": [
            org("La Mednum", "conception", "la-mednum"),
            org("Un Oeil Sur Tout", "infographie", "un-oeil-sur-tout"),
            org("Un Oeil Sur Tout", "design", "un-oeil-sur-tout"),
            person("Nadège Berthier", "direction", "la-mednum"),
            person("Olivier Kessler", "direction", "la-mednum"),
            person("Anaïs Royer", "redaction"),
            person("Clémence Vidal", "redaction"),
            person("Bérénice Lacombe", "redaction", "la-mednum"),
            org("Banque des Territoires", "financement", "banque-des-territoires"),
            org("Orange", "financement"),
            org("La Poste", "financement"),
            org("Fondation Afnic", "financement"),
        ],
        # The documents give the year only (survey closed on 31/07/2024).
        "published": "2024-11-01",
        "permission_contact": MEDNUM_CONTACT,
        "related": [
            "la-mednum/observatoire-de-l-inclusion-numerique-2022",
            "labo-societe-numerique/illectronisme-insee-2021",
            "labo-societe-numerique/le-capital-numerique",
        ],
        "author": "julien.mednum",
        "cover": {
            "kind": "cover",
            "key": "couverture-observatoire-2024",
            "title": "Observatoire de l'inclusion numérique 2024",
            "colour": "glycine",
            "subtitle": "Réalités et perspectives du secteur",
        },
        "first_published": "2024-12-03 10:00",
        "last_published": "2025-01-15 10:00",
    },
    {
        "base": "la-mednum",
        "slug": "collectivites-territoriales-et-inclusion-numerique-focus",
        "title": "Collectivités territoriales et inclusion numérique — Critères et indicateurs de maturité",
        "summary": (
            "Focus thématique de l'Observatoire de l'inclusion numérique (décembre 2023). Issue "
            "d'une enquête auprès des collectivités, cette méthode évalue le degré de maturité "
            "d'une collectivité et l'état d'avancement de sa politique d'inclusion numérique "
            "selon quatre enjeux interdépendants."
        ),
        "body": [
            text(
                "<p>Toutes les collectivités n'ont pas la même maturité : 22 % n'avaient amorcé "
                "aucune action avant France Numérique Ensemble et 21 % avaient mis en œuvre des "
                "actions sans feuille de route. Pour développer des stratégies adaptées à leur "
                "réalité, il faut d'abord pouvoir évaluer où elles en sont.</p>"
            ),
            heading("Quatre enjeux interdépendants"),
            text(
                ol(
                    "Porter politiquement l'inclusion numérique ;",
                    "Garantir une capacité opérationnelle solide ;",
                    "S'assurer l'appui de l'écosystème étendu ;",
                    "Proposer des actions concrètes pour les personnes.",
                )
            ),
            link(
                "https://lamednum.coop/wp-content/uploads/2024/01/Observatoire-de-linclusion-numerique-Focus-thematique-1-Collectivites-territoriales-et-inclusion-numerique.pdf",
                "Télécharger le focus thématique (PDF, site de La Mednum)",
            ),
        ],
        "themes": [
            "gouvernances_partagees",
            "evaluation_et_mesure_d_impact",
            "territoires_connectes_et_durables",
        ],
        "types": ["methodologie", "rapport_etude"],
        "sectors": ["acteurs_publics"],
        "tags": ["collectivités", "maturité", "indicateurs", "feuille de route"],
        # « retrouvez ce document en licence ouverte » (Observatoire 2024).
        "licence": ETALAB,
        "producer": "la-mednum",
        "credits": [org("La Mednum", "conception", "la-mednum")],
        "published": "2023-12-01",
        "permission_contact": MEDNUM_CONTACT,
        "related": ["la-mednum/observatoire-de-l-inclusion-numerique-2024"],
        "author": "julien.mednum",
        "first_published": "2024-01-16 10:00",
        "last_published": "2024-01-16 10:00",
    },
    {
        "base": "la-mednum",
        "slug": "schema-de-donnees-des-lieux-de-mediation-numerique",
        "title": "Schéma de données des lieux de médiation numérique",
        "summary": (
            "Le standard de données qui décrit les lieux de médiation numérique et leurs services, "
            "co-construit par La Mednum avec l'appui de Datactivist et une cinquantaine "
            "d'utilisateurs représentatifs, mis à jour début 2024. La cartographie nationale des "
            "lieux d'inclusion numérique est fondée sur ce schéma."
        ),
        "body": [
            text(
                "<p>Il existait une multitude de jeux de données de recensement des lieux de "
                "médiation numérique qui ne respectaient pas le même format, rendant impossible une "
                "vision complète et partagée de l'offre nationale. Depuis la 4ᵉ édition "
                "de Numérique en Commun[s], La Mednum a mené un travail de co-construction d'un "
                "nouveau schéma de données.</p>"
            ),
            heading("Les neuf activités du champ « Services »"),
            text(ul(*[label for label, _value in ACTIVITIES_2024])),
            link(
                "https://lamednum.coop/schema-de-donnees-des-lieux-de-mediation-numerique-2/",
                "Le schéma de données sur le site de La Mednum",
            ),
        ],
        "themes": ["donnees", "communs_numeriques"],
        "types": ["outils_numeriques", "methodologie"],
        "sectors": [
            "acteurs_publics",
            "acteurs_prives_et_associatifs",
            "aidants_et_mediateurs_numeriques",
        ],
        "tags": ["standard", "schéma de données", "open data", "cartographie"],
        # Published as an open standard (a commun); licence not stated: platform default.
        "licence": ETALAB,
        "producer": "la-mednum",
        "credits": [
            org("La Mednum", "conception", "la-mednum"),
            org("Datactivist", "contribution", "datactivist"),
        ],
        "published": "2024-01-01",
        "author": "julien.mednum",
        "first_published": "2024-02-06 10:00",
        "last_published": "2024-02-06 10:00",
    },
    {
        "base": "la-mednum",
        "slug": "solidarite-numerique",
        "title": "Solidarité Numérique : conseils et tutoriels pour les usages du quotidien",
        "summary": (
            "Lancé pendant le premier confinement, Solidarité Numérique a soutenu en 2020 et 2021 "
            "les Français éloignés du numérique : un numéro d'appel (01 70 772 372) pour être "
            "accompagné à distance par des professionnels, et un site de conseils et de tutoriels "
            "pour communiquer avec ses proches, télétravailler, consulter un médecin à distance ou "
            "faire ses démarches."
        ),
        "body": [
            heading("Trois constats, deux outils"),
            text(
                "<p>Lors du premier confinement : l'accélération de l'exclusion numérique et du "
                "non-recours aux droits, la fermeture des lieux de médiation et des guichets, et la "
                "disponibilité des professionnels de l'accompagnement. Plus de 2 000 médiateurs "
                "numériques et travailleurs sociaux se sont portés volontaires pour répondre au "
                "téléphone ou produire des contenus.</p>"
            ),
            link(
                "https://solidarite-numerique.fr",
                "solidarite-numerique.fr",
                "Conseils et tutoriels pour réaliser soi-même ses usages numériques du quotidien.",
            ),
            callout(
                "<p>La Mednum travaille aux suites à donner à ce service, en lien avec les "
                "collectivités territoriales qui le souhaitent.</p>",
                title="Et aujourd'hui ?",
            ),
        ],
        "themes": [
            "maitrise_des_outils_numeriques",
            "aides_aux_demarches_administratives",
            "communs_numeriques",
        ],
        "types": ["ressource_pedagogique", "outils_numeriques"],
        "beneficiaries": [
            "tous_publics",
            "seniors_personnes_agees",
            "personnes_tres_eloignees_numerique",
        ],
        "sectors": ["aidants_et_mediateurs_numeriques"],
        "tags": ["tutoriels", "confinement", "accompagnement à distance"],
        # Service initiated by the ANCT: Licence Ouverte.
        "licence": ETALAB,
        "producer": "la-mednum",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct"),
            org("La Mednum", "coordination", "la-mednum"),
        ],
        "published": "2020-03-01",
        "author": "julien.mednum",
        "first_published": "2022-06-20 11:00",
        "last_published": "2023-03-14 10:00",
    },
    {
        "base": "la-mednum",
        "slug": "indice-de-fragilite-numerique",
        "title": "Indice de Fragilité Numérique (IFN)",
        "summary": (
            "Carte interactive des zones à risque de fragilité numérique, construite à partir des "
            "données socio-démographiques de l'INSEE et de l'Arcep. Sa nouvelle version compare "
            "les territoires jusqu'à l'échelle du quartier (IRIS), filtre le risque pour les "
            "seniors et les jeunes, et existe dans une déclinaison pour la Nouvelle-Calédonie."
        ),
        "body": [
            text(
                "<p>L'IFN permet d'analyser rapidement les risques de fragilité numérique sur les "
                "territoires et de piloter des actions au plus près des besoins des populations : "
                "comparer deux communes, ou différents quartiers d'une même ville.</p>"
            ),
            text(
                ul(
                    "filtrer le niveau de risque sur les populations seniors (50 ans et plus) et jeunes (de 18 à 30 ans) ;",
                    "objectiver les zones prioritaires d'une feuille de route territoriale ;",
                    "une déclinaison dédiée à la Nouvelle-Calédonie.",
                )
            ),
            link(
                "https://www.fragilite-numerique.fr/", "Consulter l'Indice de Fragilité Numérique"
            ),
            callout(
                "<p>Plus d'un tiers des structures répondantes de l'Observatoire 2024 n'utilisent "
                "ni Pix, ni le Baromètre du numérique, ni l'IFN pour diagnostiquer les besoins.</p>",
                title="Un outil encore peu utilisé",
            ),
        ],
        "themes": [
            "diagnostic_de_competences_numeriques",
            "donnees",
            "territoires_connectes_et_durables",
        ],
        "types": ["outils_numeriques"],
        "sectors": ["acteurs_publics", "aidants_et_mediateurs_numeriques"],
        "tags": [
            "cartographie",
            "diagnostic territorial",
            "fragilité numérique",
            "commun numérique",
        ],
        # A commun « libre et documenté » (ANCT report 2022); exact licence not stated: platform default.
        "licence": ETALAB,
        "producer": "la-mednum",
        "credits": [org("La Mednum", "conception", "la-mednum")],
        "related": ["la-mednum/observatoire-de-l-inclusion-numerique-2024"],
        "author": "julien.mednum",
        "first_published": "2022-06-20 11:30",
        "last_published": "2024-12-10 10:00",
    },
]

SOCIETE_NUMERIQUE = [
    {
        "base": "societe-numerique",
        "slug": "inclusion-et-mediation-numerique-grands-enjeux-et-ecosysteme",
        "title": "Inclusion et médiation numérique — Grands enjeux et écosystème",
        "summary": (
            "Kit à destination du secteur produit par le programme Société Numérique de l'ANCT "
            "(version juin 2026). Il présente les enjeux de l'inclusion numérique – près de 16 "
            "millions de personnes éloignées du numérique, le rôle et les impacts de la médiation "
            "numérique – puis l'écosystème des acteurs à chaque échelon : terrain, département "
            "(gouvernances France Numérique Ensemble), région (les 14 Hubs) et national."
        ),
        "body": [
            heading("Partie 1 – Enjeux et objectifs de l'inclusion numérique"),
            text(
                "<p>Plus de 9 Français sur 10 utilisent Internet et possèdent un smartphone. "
                "Pourtant, <b>près de 16 millions de personnes sont éloignées du numérique</b>, "
                "principalement parce qu'elles ne se sentent pas assez compétentes pour l'utiliser "
                "pleinement. Afin de garantir la cohésion sociale, il est crucial de les accompagner "
                "à utiliser le numérique en lien avec leur vie quotidienne, pour accroître leur "
                "bien-être et favoriser leur pouvoir d'agir.</p>"
            ),
            image(
                {**DISTANCE_FIGURES, "colour": "bleu-france"},
                alt=(
                    "Trois chiffres clés : un tiers des Français de 18 ans et plus sont éloignés du "
                    "numérique ; 22 % manquent de maîtrise pour l'utiliser pleinement ; 60 % des "
                    "non-diplômés estiment qu'il ne facilite pas leur vie quotidienne."
                ),
                credit="Infographie de démonstration, d'après le kit de l'ANCT (juin 2026)",
            ),
            text(
                "<p>La médiation numérique, accompagnement humain de proximité, est le socle d'une "
                "maîtrise du numérique en confiance. Elle réduit l'exposition aux risques "
                "(désinformation, cyber-malveillance, addictions aux écrans) et permet de suivre les "
                "évolutions technologiques, comme l'émergence de l'intelligence artificielle.</p>"
            ),
            heading("Partie 2 – Écosystème de l'inclusion numérique"),
            text(
                ul(
                    "<b>Sur le terrain</b> : les médiateurs et aidants numériques, les conseillers numériques, les agents France Services ;",
                    "<b>Au niveau départemental</b> : plus de 100 gouvernances locales France Numérique Ensemble ;",
                    "<b>Au niveau régional</b> : l'expertise des 14 Hubs territoriaux pour un numérique inclusif, réunis dans l'InterHubs ;",
                    "<b>Au niveau national</b> : le programme Société Numérique de l'ANCT, La Mednum et les réseaux nationaux, le Labo Société Numérique, Numérique en Commun[s].",
                )
            ),
            callout(
                "<p>Pour toute question sur France Numérique Ensemble, les dispositifs Conseiller "
                "numérique et Aidants Connect, la formation, les données ou l'outillage du secteur : "
                "societe.numerique@anct.gouv.fr.</p>",
                title="Contacter le programme Société Numérique",
            ),
            link(
                "https://inclusion-numerique.anct.gouv.fr",
                "Données de l'inclusion numérique par territoire",
                "Au national, régional, départemental.",
            ),
        ],
        "themes": ["gouvernances_partagees", "maitrise_des_outils_numeriques", "acces_aux_droits"],
        "types": ["boite_outils", "rapport_etude"],
        "sectors": [
            "acteurs_publics",
            "acteurs_prives_et_associatifs",
            "aidants_et_mediateurs_numeriques",
        ],
        "tags": ["kit", "écosystème", "chiffres clés", "Hubs", "France Numérique Ensemble"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [org("Programme Société Numérique (ANCT)", "conception", "anct")],
        "published": "2026-06-01",
        "permission_contact": ANCT_CONTACT,
        "related": [
            "labo-societe-numerique/la-societe-numerique-francaise-eloignement-numerique",
            "labo-societe-numerique/barometre-du-numerique-edition-2026",
        ],
        "author": "claire.anct",
        "cover": {
            "kind": "cover",
            "key": "couverture-kit-enjeux-ecosysteme",
            "title": "Grands enjeux et écosystème",
            "colour": "bleu-france",
            "subtitle": "Kit à destination du secteur – juin 2026",
        },
        "first_published": "2026-06-22 10:00",
        "last_published": "2026-06-22 10:00",
    },
    {
        "base": "societe-numerique",
        "slug": "questionnaire-enquete-nationale-beneficiaires",
        "title": "Questionnaire de l'enquête nationale auprès des bénéficiaires de la médiation numérique",
        "summary": (
            "Le questionnaire de l'enquête nationale conduite en 2024 par Asdo études pour l'ANCT "
            "auprès des personnes accompagnées par des médiateurs numériques. Les structures "
            "peuvent le réutiliser pour interroger leurs propres publics sur leur progression, "
            "leur aisance et leur stress face aux outils numériques, et comparer leurs résultats "
            "aux résultats nationaux."
        ),
        "body": [
            heading("Pourquoi le réutiliser ?"),
            text(
                "<p>41 % des structures de médiation numérique disent ne pas mesurer l'impact de "
                "leurs actions, faute de méthode, d'outils ou de temps (Observatoire 2024). Reprendre "
                "un questionnaire éprouvé permet de comparer ses résultats aux résultats nationaux "
                "sans repartir de zéro.</p>"
            ),
            heading("Les dimensions interrogées"),
            text(
                ul(
                    "le sentiment d'avoir progressé ;",
                    "les tâches réussies grâce à l'accompagnement ;",
                    "l'aisance avec le numérique ;",
                    "le stress à l'idée de manipuler des outils numériques.",
                )
            ),
            document(
                {
                    "key": "questionnaire-beneficiaires-mediation-numerique",
                    "title": "Questionnaire bénéficiaires de la médiation numérique (version de démonstration)",
                    "kind": "pdf",
                    "colour": "bleu-france",
                    "subtitle": "Enquête nationale auprès des bénéficiaires de la médiation numérique – version de démonstration",
                    "footer": "ANCT – Licence Ouverte 2.0",
                    "sections": [
                        (
                            "Avant de commencer",
                            [
                                "Ce questionnaire est anonyme. Il prend une dizaine de minutes. Vos réponses aident votre structure à améliorer ses accompagnements.",
                            ],
                        ),
                        (
                            "1. Votre accompagnement",
                            [
                                (
                                    "-",
                                    "Combien de fois avez-vous été accompagné(e) ? (une fois / 2 à 5 fois / plus de 5 fois)",
                                ),
                                (
                                    "-",
                                    "Sur quoi portait l'accompagnement ? (démarches en ligne, messagerie, smartphone, sécurité, autre)",
                                ),
                            ],
                        ),
                        (
                            "2. Ce qui a changé pour vous",
                            [
                                (
                                    "-",
                                    "Avez-vous le sentiment d'avoir progressé ? (pas du tout / un peu / beaucoup)",
                                ),
                                (
                                    "-",
                                    "Réussissez-vous aujourd'hui des tâches que vous n'arriviez pas à réaliser avant ? Lesquelles ?",
                                ),
                                (
                                    "-",
                                    "Vous sentez-vous plus à l'aise avec le numérique qu'avant l'accompagnement ?",
                                ),
                                (
                                    "-",
                                    "Êtes-vous moins stressé(e) à l'idée d'utiliser un outil numérique ?",
                                ),
                            ],
                        ),
                        (
                            "3. Vous",
                            [
                                (
                                    "-",
                                    "Votre tranche d'âge, votre situation (en emploi, en recherche d'emploi, retraité(e), autre)",
                                ),
                                ("-", "Votre niveau de diplôme (facultatif)"),
                            ],
                        ),
                    ],
                },
                title="Le questionnaire (PDF, version de démonstration)",
                description="Questions regroupées en trois parties, à adapter à votre structure.",
            ),
        ],
        "themes": ["evaluation_et_mesure_d_impact"],
        "types": ["questionnaire"],
        "beneficiaries": ["adultes", "personnes_tres_eloignees_numerique"],
        "sectors": ["aidants_et_mediateurs_numeriques", "acteurs_publics"],
        "tags": ["questionnaire", "mesure d'impact", "enquête"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct"),
            org("Asdo études", "conception", "asdo-etudes"),
        ],
        "published": "2024-01-01",
        "permission_contact": ANCT_CONTACT,
        "related": ["labo-societe-numerique/la-mediation-numerique-quels-effets-sur-quels-publics"],
        "author": "claire.anct",
        "first_published": "2024-10-08 11:00",
        "last_published": "2025-02-04 10:00",
    },
    {
        "base": "societe-numerique",
        "slug": "schema-d-intervention-de-la-mediation-numerique",
        "title": "Schéma d'intervention de la médiation numérique",
        "summary": (
            "Ce schéma de l'ANCT situe la médiation numérique parmi les autres accompagnements "
            "professionnels : un préalable à la vie numérique quotidienne, nécessaire partout, qui "
            "n'a pas vocation à se substituer aux accompagnements des autres professionnels sur "
            "leur domaine d'expertise. Il aide à penser la juste articulation entre médiation "
            "numérique et médiation administrative."
        ),
        "body": [
            text(
                "<p>Dans un contexte de numérisation croissante de la société, la médiation "
                "numérique est nécessaire partout, mais elle intervient <b>en complémentarité</b> "
                "des autres professionnels de terrain.</p>"
            ),
            image(
                {
                    "key": "schema-intervention-mediation-numerique",
                    "title": "Schéma d'intervention de la médiation numérique",
                    "kind": "rings",
                    "colour": "bleu-france",
                    "centre": "Médiation numérique",
                    "around": [
                        "Médiation administrative (France Services)",
                        "Travail social",
                        "Éducation et jeunesse",
                        "Santé",
                        "Emploi et insertion",
                        "Bibliothèques et culture",
                    ],
                },
                alt=(
                    "Schéma : la médiation numérique au centre, reliée à six accompagnements "
                    "qu'elle complète : médiation administrative (France Services), travail "
                    "social, éducation et jeunesse, santé, emploi et insertion, bibliothèques et "
                    "culture."
                ),
                caption="La médiation numérique, un préalable à la vie numérique quotidienne.",
                credit="Schéma redessiné pour la démonstration, d'après l'ANCT",
            ),
            heading("Médiation numérique et médiation administrative"),
            text(
                "<p>Près d'un Français sur deux rencontre des difficultés dans la réalisation de "
                "démarches administratives en ligne. Ces difficultés relèvent surtout du domaine "
                "administratif : traduire sa situation personnelle dans des catégories "
                "administratives demande des <b>compétences administratives</b>, pas seulement "
                "numériques. Sur le terrain, cette complémentarité s'incarne déjà entre les "
                "conseillers numériques et les agents France Services.</p>"
            ),
        ],
        "themes": [
            "aides_aux_demarches_administratives",
            "acces_aux_droits",
            "gouvernances_partagees",
        ],
        "types": ["methodologie", "infographie"],
        "sectors": ["aidants_et_mediateurs_numeriques", "autres_professionnels", "acteurs_publics"],
        "tags": ["médiation administrative", "France Services", "complémentarité"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct")
        ],
        "permission_contact": ANCT_CONTACT,
        "author": "claire.anct",
        "first_published": "2025-03-11 10:00",
        "last_published": "2025-03-11 10:00",
    },
    {
        "base": "societe-numerique",
        "slug": "rapport-d-activite-societe-numerique-2017-2022",
        "title": "Société Numérique — Rapport d'activité 2017-2022",
        "summary": (
            "Septembre 2022 : cinq ans après le lancement de la Stratégie nationale pour un "
            "numérique inclusif, le programme Société Numérique de l'ANCT dresse le bilan de son "
            "action selon les quatre axes de la stratégie : atteindre et orienter les publics, "
            "structurer l'offre de médiation et de formation, consolider le modèle économique des "
            "acteurs, inspirer les gouvernances locales."
        ),
        "body": [
            heading("Les quatre axes de la Stratégie nationale pour un numérique inclusif"),
            text(
                ol(
                    "Atteindre et orienter les publics cibles : Aidants Connect, kit d'intervention rapide, Solidarité Numérique, ABC Diag et ABC Pix, cartographie nationale ;",
                    "Structurer l'offre de médiation et de formation : 4 000 conseillers numériques France Services, La Base, l'AMI « Outiller la médiation numérique », le label NEC ;",
                    "Consolidation économique et capacité d'action : les Hubs, le Pass numérique, les Coordinations territoriales de l'inclusion numérique ;",
                    "Modèles de gouvernance et stratégies locales inspirantes : Numérique en Commun[s], les carnets des NEC locaux, le Labo.",
                )
            ),
            image(
                {
                    "key": "rapport-2017-2022-chiffres-cles",
                    "title": "Société Numérique 2017-2022 – chiffres clés",
                    "kind": "key_figures",
                    "colour": "bleu-france",
                    "figures": [
                        ("4 000", "postes de conseillers numériques France Services créés"),
                        ("8 800", "aidants habilités Aidants Connect"),
                        ("27 406", "ABC Diag passés depuis le site de Pix"),
                        ("838 077", "Pass numériques commandés"),
                    ],
                    "source": "Source : ANCT, Société Numérique – Rapport d'activité 2017-2022 (septembre 2022)",
                },
                alt=(
                    "Quatre chiffres clés du programme Société Numérique entre 2017 et 2022 : 4 000 "
                    "postes de conseillers numériques créés, 8 800 aidants habilités Aidants "
                    "Connect, 27 406 ABC Diag passés, 838 077 Pass numériques commandés."
                ),
                credit="Infographie de démonstration, d'après le rapport d'activité de l'ANCT",
            ),
            callout(
                "<p>La page « Chiffres clés » de l'axe 2 indique « 240 000 millions d'euros investis "
                "par l'État » : c'est une coquille. L'éditorial et le cadre d'action mentionnent "
                "l'enveloppe de <b>250 millions d'euros</b> du volet « Inclusion numérique » du plan "
                "France Relance.</p>",
                title="Erratum",
                kind="warning",
            ),
            heading("2017-2022 : et après ?"),
            text(
                ol(
                    "Renforcer l'offre d'inclusion numérique de proximité en consolidant le réseau des aidants et des médiateurs numériques ;",
                    "Proposer un outillage numérique sur-mesure, souverain et interopérable (prise de rendez-vous, orientation, suivi) ;",
                    "Renforcer le pilotage de la politique nationale et mettre en cohérence la gouvernance locale de l'inclusion numérique.",
                )
            ),
        ],
        "themes": [
            "gouvernances_partagees",
            "formation_des_professionnels",
            "evaluation_et_mesure_d_impact",
        ],
        "types": ["rapport_etude"],
        "sectors": ["acteurs_publics", "acteurs_prives_et_associatifs"],
        "tags": ["rapport d'activité", "SNNI", "France Relance", "bilan"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Programme Société Numérique (ANCT)", "conception", "anct"),
            person("Bertrand Moal", "direction", "anct"),
        ],
        "published": "2022-09-01",
        "permission_contact": ANCT_CONTACT,
        "author": "claire.anct",
        "cover": {
            "kind": "cover",
            "key": "couverture-rapport-2017-2022",
            "title": "Rapport d'activité 2017-2022",
            "colour": "ecume",
            "subtitle": "Programme Société Numérique",
        },
        "first_published": "2022-09-29 10:00",
        "last_published": "2022-10-04 09:30",
    },
    {
        "base": "societe-numerique",
        "slug": "cartographie-nationale-des-lieux-d-inclusion-numerique",
        "title": "Cartographie nationale des lieux d'inclusion numérique",
        "summary": (
            "Une vision nationale, complète et actualisée de l'offre de médiation numérique, fondée "
            "sur le standard de données des lieux de médiation numérique. Son module d'orientation, "
            "issu de l'outil Res'in de la Métropole de Lyon, aide un professionnel à orienter une "
            "personne vers un lieu de proximité qui répond à son besoin, grâce à une série de "
            "questions."
        ),
        "body": [
            heading("Identifier une structure"),
            text(
                "<p>La cartographie recense les lieux d'inclusion numérique et les services qu'ils "
                "proposent, dont les lieux d'intervention des conseillers numériques et des "
                "conseillers France Services. Elle s'appuie sur le schéma de données co-construit "
                "par La Mednum.</p>"
            ),
            heading("Orienter un bénéficiaire"),
            text(
                "<p>Partir du besoin de la personne pour trouver l'accompagnement adéquat : c'est le "
                "parti pris de la Métropole de Lyon avec Res'in. Le programme Société Numérique s'est "
                "associé à la démarche, dans le cadre d'un <b>commun numérique</b>, pour l'élargir "
                "à toute la France.</p>"
            ),
            link(
                "https://cartographie.societenumerique.gouv.fr/orientation",
                "Orienter une personne avec la cartographie",
            ),
        ],
        "themes": ["donnees", "communs_numeriques", "acces_aux_droits"],
        "types": ["outils_numeriques", "annuaire"],
        "beneficiaries": ["tous_publics"],
        "sectors": ["aidants_et_mediateurs_numeriques", "autres_professionnels", "acteurs_publics"],
        "tags": ["cartographie", "orientation", "Res'in", "lieux de médiation"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct"),
            org("Métropole de Lyon", "contribution", "metropole-de-lyon"),
            org("La Mednum", "contribution", "la-mednum"),
        ],
        "permission_contact": ANCT_CONTACT,
        "related": ["la-mednum/schema-de-donnees-des-lieux-de-mediation-numerique"],
        "author": "claire.anct",
        "first_published": "2022-06-01 10:00",
        "last_published": "2024-05-14 10:00",
    },
    {
        "base": "societe-numerique",
        "slug": "aidants-connect",
        "title": "Aidants Connect : sécuriser le « faire à la place de »",
        "summary": (
            "Service public numérique incubé par l'Incubateur des Territoires : Aidants Connect "
            "permet aux aidants professionnels – travailleurs sociaux, agents d'accueil, "
            "médiateurs numériques – de réaliser des démarches administratives en ligne pour le "
            "compte d'un usager, en toute sécurité, grâce à un mandat signé entre la structure et "
            "la personne accompagnée."
        ),
        "body": [
            heading("Répondre à l'urgence numérique"),
            text(
                "<p>Dans certaines situations, l'enjeu n'est pas d'apprendre mais de ne pas perdre un "
                "droit ou une allocation. Les aidants font alors à la place de la personne, et en "
                "viennent parfois à stocker ses identifiants et mots de passe dans des carnets "
                "papier. Aidants Connect sécurise ce « faire à la place de ».</p>"
            ),
            heading("Comment ça marche ?"),
            text(
                "<p>Un mandat Aidants Connect est signé entre la structure et l'usager ; tous les "
                "aidants habilités de la structure peuvent ensuite l'accompagner sur les périmètres "
                "et la durée couverts par le mandat. Complémentaire du dispositif Conseiller "
                "numérique, Aidants Connect a vocation à être le premier pas vers l'autonomie.</p>"
            ),
            callout(
                ul(
                    "8 800 aidants habilités et 2 000 en cours d'habilitation ;",
                    "14 762 mandats réalisés ;",
                    "41 538 démarches administratives réalisées ;",
                    "13 030 personnes accompagnées.",
                ),
                title="Chiffres clés (2022)",
            ),
            link(
                "https://aidantsconnect.beta.gouv.fr/",
                "Le site Aidants Connect",
                "Demander l'habilitation de votre structure.",
            ),
        ],
        "themes": [
            "aides_aux_demarches_administratives",
            "risques_cyber_et_protection",
            "acces_aux_droits",
        ],
        "types": ["outils_numeriques"],
        "beneficiaries": [
            "personnes_tres_eloignees_numerique",
            "adultes",
            "seniors_personnes_agees",
        ],
        "sectors": ["aidants_et_mediateurs_numeriques", "autres_professionnels", "acteurs_publics"],
        "tags": ["Aidants Connect", "démarches en ligne", "mandat", "urgence numérique"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct")
        ],
        "published": "2021-03-01",
        "permission_contact": ANCT_CONTACT,
        "author": "claire.anct",
        "first_published": "2022-06-01 10:30",
        "last_published": "2023-01-17 10:00",
    },
    {
        "base": "societe-numerique",
        "slug": "carte-des-structures-de-reconditionnement",
        "title": "Carte des structures de reconditionnement de matériel informatique",
        "summary": (
            "Pour équiper les collectivités et les France Services, le programme Société Numérique "
            "a recensé des structures locales de reconditionnement qui répondent à des critères "
            "qualitatifs – proximité du banc de reconditionnement, taux de réemploi supérieur à "
            "50 %, insertion professionnelle, service après-vente – auprès desquelles acheter du "
            "matériel reconditionné."
        ),
        "body": [
            text(
                "<p>L'équipement matériel des médiateurs fait trop souvent défaut alors qu'il est un "
                "préalable indispensable aux accompagnements. Dans le cadre d'un chantier de "
                "création d'une filière de reconditionnement, 10 000 items de matériel reconditionné "
                "(ordinateurs fixes et portables, tablettes, smartphones) ont été financés pour les "
                "collectivités et les France Services.</p>"
            ),
            link(
                "https://materiel.societenumerique.gouv.fr/carte/",
                "Découvrir la carte des structures recensées",
            ),
        ],
        "themes": ["materiel_reconditionne", "sobriete_numerique"],
        "types": ["outils_numeriques", "annuaire"],
        "sectors": ["acteurs_publics"],
        "tags": ["reconditionnement", "réemploi", "équipement", "économie circulaire"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct")
        ],
        "permission_contact": ANCT_CONTACT,
        "author": "claire.anct",
        "first_published": "2022-06-01 11:00",
        "last_published": "2022-06-01 11:00",
    },
]

CONSEILLER_NUMERIQUE = [
    {
        "base": "conseiller-numerique",
        "slug": "liste-des-conseillers-numeriques-coordinateurs",
        "title": "Liste des conseillers numériques coordinateurs",
        "summary": (
            "Les conseillers et médiateurs numériques sont nombreux à se référer à un conseiller "
            "numérique coordinateur, qui anime le réseau local et fait le lien avec l'équipe "
            "d'animation nationale. Cette ressource présente leur rôle et renvoie vers la "
            "cartographie qui permet d'identifier les coordinateurs de chaque territoire et "
            "d'obtenir leurs contacts."
        ),
        "body": [
            heading("Le rôle des coordinateurs"),
            text(
                "<p>Les conseillers numériques peuvent se voir accorder le rôle de "
                "« coordinateurs ». Leurs missions sont alors de :</p>"
                + ul(
                    "être le relais principal entre les conseillers numériques du territoire et l'équipe d'animation nationale ;",
                    "participer au maillage et aux synergies territoriales ;",
                    "imaginer et mettre en place des collaborations sur la base des besoins de la communauté des conseillers numériques.",
                )
                + "<p>Aujourd'hui, une centaine de coordinatrices et de coordinateurs agissent au "
                "quotidien, majoritairement à l'échelle départementale.</p>"
            ),
            heading("Trouver le coordinateur de son territoire"),
            link(
                "https://www.conseiller-numerique.gouv.fr/coordination-territoriale",
                "La coordination territoriale sur le site Conseiller numérique",
                "Une cartographie spécifique identifie les coordinateurs et donne leurs contacts.",
            ),
            callout(
                "<p>La liste évolue au fil des recrutements : la cartographie en ligne fait foi. "
                "Cette base n'en publie pas de copie nominative, pour ne pas diffuser de données "
                "personnelles périmées.</p>",
                title="Pourquoi un lien plutôt qu'un tableau ?",
            ),
        ],
        "themes": ["gouvernances_partagees", "formation_des_professionnels"],
        "types": ["annuaire"],
        "sectors": ["aidants_et_mediateurs_numeriques", "acteurs_publics"],
        "tags": ["coordination", "conseiller numérique", "réseau local"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "coordination", "anct")
        ],
        "permission_contact": ANCT_CONTACT,
        "author": "claire.anct",
        "first_published": "2023-02-07 10:00",
        "last_published": "2025-10-06 14:30",
    },
    {
        "base": "conseiller-numerique",
        "slug": "plan-national-pour-la-formation-des-mediateurs-et-aidants-numeriques",
        "title": "Plan national pour la formation des médiateurs et des aidants numériques",
        "summary": (
            "Le plan définit un cadre de référence des compétences attendues pour chaque métier "
            "de la médiation et de l'aide numériques (janvier 2021), et un plan d'action pour "
            "développer la demande de formation, structurer l'offre, valoriser les compétences et "
            "favoriser la formation professionnelle continue. Des mesures ont suivi dès 2021 avec "
            "l'OPCO Uniformation, Pix, Aidants Connect et l'UNCCAS."
        ),
        "body": [
            heading("Les objectifs"),
            text(
                ul(
                    "répondre aux enjeux de valorisation des métiers de la médiation et de l'aide numériques, et de développement des compétences de ces professionnels ;",
                    "renforcer l'offre de formation, sa cohérence et son accessibilité.",
                )
            ),
            heading("Un plan d'action en quatre volets"),
            text(
                ol(
                    "développer la demande de formation ;",
                    "développer et structurer l'offre de formation ;",
                    "valoriser les compétences ;",
                    "favoriser la formation professionnelle continue.",
                )
            ),
            heading("Les mesures lancées depuis janvier 2021"),
            text(
                ul(
                    "une convention de 4,4 M€ (dont 2,6 M€ apportés par l'ANCT) avec l'OPCO Uniformation pour 2 000 formations certifiantes et non certifiantes (mars 2021) ;",
                    "un partenariat avec le GIP Pix pour certifier les compétences des médiateurs et des aidants (1,3 M€ en 2021, 1,5 M€ en 2022) ;",
                    "une formation obligatoire aux enjeux du RGPD pour les 20 000 aidants souhaitant être habilités Aidants Connect (2,5 M€) ;",
                    "une convention avec l'UNCCAS pour former les agents des CCAS (500 K€, mars 2021) ;",
                    "un cadre de référence des compétences, en annexe du plan (janvier 2021).",
                )
            ),
            link(
                "https://agence-cohesion-territoires.gouv.fr/plan-national-pour-la-formation-des-mediateurs-et-aidants-numeriques-444",
                "Lire le plan en intégralité",
            ),
        ],
        "themes": ["formation_des_professionnels"],
        "types": ["methodologie", "rapport_etude"],
        "sectors": [
            "aidants_et_mediateurs_numeriques",
            "acteurs_publics",
            "acteurs_prives_et_associatifs",
        ],
        "tags": ["formation", "compétences", "référentiel", "professionnalisation"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct")
        ],
        "published": "2021-01-01",
        "permission_contact": ANCT_CONTACT,
        "author": "claire.anct",
        "first_published": "2022-09-15 11:00",
        "last_published": "2022-09-15 11:00",
    },
    {
        "base": "conseiller-numerique",
        "slug": "kit-d-intervention-rapide",
        "title": "Kit d'intervention rapide",
        "summary": (
            "Un site conçu par le programme Société Numérique pour permettre à toute personne, en "
            "particulier aux non-professionnels de la médiation numérique, d'aborder rapidement "
            "les principaux enjeux de l'accompagnement des personnes en difficulté avec les outils "
            "numériques : agents d'accueil, travailleurs sociaux, bénévoles confrontés à une "
            "« urgence numérique »."
        ),
        "body": [
            text(
                "<p>Dans certaines situations d'urgence, la personne a besoin d'une réponse rapide "
                "et efficace : apprendre n'est pas son objet premier. Ces « urgences numériques », "
                "corollaire des précarités numériques, débouchent rarement sur l'autonomie, mais "
                "permettent d'enclencher une démarche d'inclusion numérique.</p>"
            ),
            link(
                "https://kit-inclusion.societenumerique.gouv.fr/",
                "Ouvrir le kit d'intervention rapide",
            ),
        ],
        "themes": ["aides_aux_demarches_administratives", "acces_aux_droits"],
        "types": ["boite_outils", "outils_numeriques"],
        "beneficiaries": ["personnes_tres_eloignees_numerique"],
        "sectors": ["autres_professionnels", "aidants_et_mediateurs_numeriques"],
        "tags": ["urgence numérique", "premiers gestes", "aidants"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [org("Programme Société Numérique (ANCT)", "conception", "anct")],
        "permission_contact": ANCT_CONTACT,
        "related": ["societe-numerique/aidants-connect"],
        "author": "claire.anct",
        "first_published": "2022-09-15 11:30",
        "last_published": "2022-09-15 11:30",
    },
    {
        "base": "conseiller-numerique",
        "slug": "abc-diag-et-abc-pix",
        "title": "ABC Diag et ABC Pix : diagnostiquer puis développer les compétences de base",
        "summary": (
            "Deux outils conçus par Pix avec l'ANCT et des acteurs de terrain. ABC Diag est un test "
            "en ligne de 5 à 15 minutes, sans création de compte, qui fait le point sur quelques "
            "compétences de base. ABC Pix propose ensuite des séquences progressives pour "
            "développer les compétences numériques essentielles à l'exercice de sa citoyenneté en "
            "ligne."
        ),
        "body": [
            heading("1. ABC Diag pour diagnostiquer"),
            text(
                "<p>Accessible librement, sans création de compte préalable, ABC Diag fait le point "
                "de façon simple et ludique sur l'utilisation de la souris, la saisie de texte dans "
                "des formulaires administratifs ou la messagerie électronique, et détecte les "
                "situations de fragilité numérique qu'un conseiller ou un médiateur pourra "
                "accompagner.</p>"
            ),
            link(
                "https://pix.fr/abc-diag",
                "Faire passer ABC Diag",
                "Test en ligne de 5 à 15 minutes.",
            ),
            heading("2. ABC Pix pour progresser"),
            text(
                "<p>Une fois le diagnostic réalisé, le conseiller peut intégrer ABC Pix à son "
                "accompagnement : navigation sur Internet, bases de la bureautique, droits et risques "
                "du numérique. Les tests permettent d'identifier précisément les besoins et "
                "d'apprendre tout en se testant. L'interface est mise à disposition des médiateurs "
                "qui en font la demande.</p>"
            ),
            callout(
                "<p>27 406 ABC Diag passés, 2 484 espaces Pix Orga ouverts pour les acteurs de la "
                "médiation numérique et 9 017 usagers qui se sont vu proposer au moins un test Pix "
                "(2022).</p>",
                title="En chiffres",
            ),
            link("https://support.pix.fr/fr/support/home", "FAQ Pix : les structures éligibles"),
        ],
        "themes": [
            "diagnostic_de_competences_numeriques",
            "maitrise_des_outils_numeriques",
            "navigation_sur_internet",
        ],
        "types": ["outils_numeriques", "questionnaire"],
        "beneficiaries": [
            "adultes",
            "personnes_tres_eloignees_numerique",
            "seniors_personnes_agees",
        ],
        "sectors": ["aidants_et_mediateurs_numeriques"],
        "tags": ["Pix", "diagnostic", "compétences de base", "test"],
        # Fiche written by the ANCT about the tools: Licence Ouverte (the tools follow Pix's terms).
        "licence": ETALAB,
        "producer": "gip-pix",
        "credits": [
            org("GIP Pix", "conception", "gip-pix"),
            org("Agence nationale de la cohésion des territoires (ANCT)", "contribution", "anct"),
        ],
        "published": "2021-01-01",
        "permission_contact": ANCT_CONTACT,
        "author": "claire.anct",
        "cover": {
            "kind": "cover",
            "key": "couverture-abc-diag",
            "title": "ABC Diag et ABC Pix",
            "colour": "cumulus",
            "subtitle": "Diagnostiquer, puis progresser",
        },
        "first_published": "2022-09-15 12:00",
        "last_published": "2024-09-10 10:00",
    },
    {
        "base": "conseiller-numerique",
        "slug": "les-missions-du-conseiller-numerique",
        "title": "Les missions du conseiller numérique : fiche de mission résumée",
        "summary": (
            "Créer et animer des ateliers numériques, proposer des initiations dans les lieux de "
            "passage, s'intégrer au réseau local de médiation numérique : cette fiche résume les "
            "missions confiées aux conseillers numériques et le rôle des coordinateurs, et rappelle "
            "que la préfecture veille au respect des engagements des structures employeuses."
        ),
        "body": [
            heading("Trois missions"),
            text(
                ul(
                    "créer et animer des ateliers numériques individuels ou collectifs : usages quotidiens, culture numérique, autonomie dans les démarches administratives en ligne ;",
                    "proposer des initiations dans des lieux de passage (mairies, bibliothèques, France Services, marchés, centres sociaux…) ou lors d'événements ;",
                    "participer à toute autre démarche d'accompagnement aux usages numériques (portes ouvertes…).",
                )
            ),
            text(
                "<p>Le conseiller numérique veille aussi à favoriser un usage citoyen et critique du "
                "numérique : vérification des sources d'information, protection des données "
                "personnelles, maîtrise des réseaux sociaux. Il s'intègre au réseau local de "
                "médiation numérique et participe aux événements du réseau professionnel.</p>"
            ),
            document(
                {
                    "key": "fiche-de-mission-conseiller-numerique",
                    "title": "Fiche de mission du conseiller numérique (résumé)",
                    "kind": "pdf",
                    "colour": "bleu-france",
                    "subtitle": "Résumé des missions du conseiller numérique et du coordinateur",
                    "footer": "ANCT – Licence Ouverte 2.0",
                    "sections": [
                        (
                            "Missions du conseiller numérique",
                            [
                                (
                                    "-",
                                    "Créer et animer des ateliers numériques individuels ou collectifs.",
                                ),
                                (
                                    "-",
                                    "Proposer des initiations au numérique dans des lieux de passage ou sur des événements.",
                                ),
                                (
                                    "-",
                                    "Participer à toute autre démarche d'accompagnement aux usages numériques.",
                                ),
                                ("-", "S'intégrer au réseau local de médiation numérique."),
                            ],
                        ),
                        (
                            "Missions du coordinateur",
                            [
                                (
                                    "-",
                                    "Être le relais principal entre les conseillers numériques du territoire et l'équipe d'animation nationale.",
                                ),
                                ("-", "Participer au maillage et aux synergies territoriales."),
                                (
                                    "-",
                                    "Imaginer des collaborations à partir des besoins de la communauté.",
                                ),
                            ],
                        ),
                        (
                            "Le rôle de la préfecture",
                            [
                                "Service déconcentré de l'État, la préfecture pilote le dispositif sur son territoire en s'appuyant sur les coordinateurs, et veille au respect des engagements des structures employeuses.",
                            ],
                        ),
                    ],
                },
                title="La fiche de mission résumée (PDF)",
            ),
        ],
        "themes": ["formation_des_professionnels", "maitrise_des_outils_numeriques"],
        "types": ["fiche_pratique"],
        "sectors": ["aidants_et_mediateurs_numeriques", "acteurs_publics"],
        "tags": ["fiche de mission", "conseiller numérique", "coordinateur"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "redaction", "anct")
        ],
        "permission_contact": ANCT_CONTACT,
        "related": ["conseiller-numerique/liste-des-conseillers-numeriques-coordinateurs"],
        "author": "claire.anct",
        "first_published": "2023-02-07 11:00",
        "last_published": "2023-02-07 11:00",
    },
    {
        "base": "conseiller-numerique",
        "slug": "la-coop-de-la-mediation-numerique",
        "title": "La Coop de la médiation numérique : les outils des médiateurs",
        "summary": (
            "Issue de l'Espace Coop des conseillers numériques, la Coop de la médiation numérique "
            "rassemble les outils professionnels des médiateurs : suivi des accompagnements et des "
            "bénéficiaires, rapport d'activité, prise de rendez-vous, diagnostic avec Pix. Ses "
            "données sont agrégées à l'échelle départementale, régionale et nationale."
        ),
        "body": [
            heading("De l'Espace Coop à la Coop de la médiation numérique"),
            text(
                "<p>L'Espace Coop permettait aux conseillers numériques de saisir leur compte rendu "
                "d'activité, d'accéder à leur boîte mail professionnelle, à Pix, à la prise de "
                "rendez-vous, à un outil de discussion, à La Base et à un kit de communication. Dans "
                "une dynamique de rationalisation des outils, il est devenu le cœur d'une suite "
                "proposée à tous les médiateurs : la Coop de la médiation numérique.</p>"
            ),
            text(
                ul(
                    "suivre ses accompagnements et ses bénéficiaires, et valoriser son activité ;",
                    "proposer la prise de rendez-vous (Rendez-vous Service Public) ;",
                    "diagnostiquer les compétences avec Pix ;",
                    "consulter les données agrégées de son territoire – définir un territoire et choisir « Médiateurs numériques ».",
                )
            ),
            link("https://coop.conseiller-numerique.gouv.fr/a-propos", "À propos de la Coop"),
            link("https://rdv.anct.gouv.fr/", "Rendez-vous Service Public"),
        ],
        "themes": ["donnees", "formation_des_professionnels"],
        "types": ["outils_numeriques"],
        "sectors": ["aidants_et_mediateurs_numeriques"],
        "tags": ["Espace Coop", "rapport d'activité", "pilotage", "outils"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct")
        ],
        "permission_contact": ANCT_CONTACT,
        "related": ["conseiller-numerique/abc-diag-et-abc-pix"],
        "author": "claire.anct",
        "first_published": "2024-11-19 10:00",
        "last_published": "2025-06-03 10:00",
    },
]

CNFS_PARTAGEES = [
    {
        "base": "conseillers-numeriques-ressources-partagees",
        "slug": "fiche-atelier-creer-son-adresse-e-mail-et-un-mot-de-passe-solide",
        "title": "Fiche atelier : créer son adresse e-mail et choisir un mot de passe solide",
        "summary": (
            "Un atelier collectif d'1 h 30 pour 6 personnes débutantes, testé au CIAS Val'Aigo : "
            "créer une adresse e-mail, choisir un mot de passe solide et le retenir sans le noter "
            "n'importe où, envoyer un premier message avec une pièce jointe. Déroulé, matériel, "
            "points de vigilance et support à remettre aux participants."
        ),
        "body": [
            heading("Objectifs"),
            text(
                ul(
                    "créer une adresse e-mail personnelle auprès du fournisseur de son choix ;",
                    "choisir un mot de passe solide : une phrase de passe longue, propre à ce compte ;",
                    "envoyer et recevoir un message, ouvrir une pièce jointe.",
                )
            ),
            heading("Déroulé (1 h 30)"),
            text(
                ol(
                    "<b>Tour de table</b> (10 min) : à quoi vous servira votre adresse ? Démarches, famille, emploi…",
                    "<b>Créer le compte</b> (30 min) : pas à pas, au vidéoprojecteur puis sur les postes.",
                    "<b>Le mot de passe</b> (20 min) : jeu des « mots de passe à trous » pour comprendre ce qui le rend solide.",
                    "<b>Premier message</b> (20 min) : chacun écrit à son voisin, avec une photo en pièce jointe.",
                    "<b>Bilan</b> (10 min) : ce que je sais faire, ce que je veux apprendre ensuite.",
                )
            ),
            callout(
                "<p>Ne notez jamais vous-même le mot de passe d'une personne et ne le conservez pas "
                "pour elle. Si elle a besoin qu'on fasse des démarches à sa place, orientez-la vers "
                "une structure habilitée Aidants Connect.</p>",
                title="Point de vigilance",
                kind="warning",
            ),
            document(
                {
                    "key": "support-participant-adresse-e-mail",
                    "title": "Support participant – mon adresse e-mail et mon mot de passe",
                    "kind": "pdf",
                    "colour": "menthe",
                    "subtitle": "À remettre en fin d'atelier",
                    "footer": "CIAS Val'Aigo – Licence Ouverte 2.0",
                    "sections": [
                        (
                            "Mon adresse e-mail",
                            [
                                "Mon adresse : ............................................@.....................",
                                "Je la donne à mes proches, à mon employeur, aux administrations.",
                            ],
                        ),
                        (
                            "Un mot de passe solide",
                            [
                                (
                                    "-",
                                    "Une phrase de passe longue, facile à retenir pour moi, difficile à deviner pour les autres.",
                                ),
                                ("-", "Un mot de passe différent pour chaque compte important."),
                                ("-", "Je ne le donne à personne, même à quelqu'un qui m'aide."),
                            ],
                        ),
                        (
                            "Pour continuer",
                            [
                                "Les prochains ateliers : envoyer un document scanné, prendre rendez-vous en ligne, repérer les arnaques par SMS et e-mail.",
                            ],
                        ),
                    ],
                },
                title="Support participant (PDF, 1 page)",
            ),
            link(
                "https://www.cybermalveillance.gouv.fr",
                "Cybermalveillance.gouv.fr",
                "Conseils pour sécuriser ses comptes en ligne.",
            ),
        ],
        "themes": ["maitrise_des_outils_numeriques", "risques_cyber_et_protection"],
        "types": ["ressource_pedagogique", "fiche_pratique"],
        "beneficiaries": [
            "adultes",
            "seniors_personnes_agees",
            "personnes_tres_eloignees_numerique",
        ],
        "sectors": ["aidants_et_mediateurs_numeriques"],
        "tags": ["atelier", "e-mail", "mot de passe", "débutants"],
        # Written for the platform by a member, no licence stated: platform default.
        "licence": ETALAB,
        "producer": "cias-val-aigo",
        "credits": [person("Mehdi Garnier", "conception", "cias-val-aigo", "medi.contrib")],
        "scope": "local",
        "department": "07",
        "related": ["societe-numerique/aidants-connect"],
        "author": "medi.contrib",
        "first_published": "2025-03-18 14:00",
        "last_published": "2025-04-02 09:15",
    },
    {
        "base": "conseillers-numeriques-ressources-partagees",
        "slug": "fiche-atelier-reperer-les-arnaques-par-sms-et-e-mail",
        "title": "Fiche atelier : repérer les arnaques par SMS et par e-mail",
        "summary": (
            "Un atelier d'une heure pour apprendre à reconnaître un message frauduleux (faux colis, "
            "fausse amende, faux remboursement), à ne pas cliquer dans l'urgence et à signaler. "
            "Il s'appuie sur des exemples de messages reconstitués et sur un quiz « vrai ou "
            "arnaque ? »."
        ),
        "body": [
            heading("Les signaux d'alerte"),
            text(
                ul(
                    "un sentiment d'urgence (« votre compte sera bloqué ce soir ») ;",
                    "une demande de coordonnées bancaires ou de code reçu par SMS ;",
                    "un lien qui ne correspond pas au site officiel de l'organisme ;",
                    "un expéditeur inconnu, des fautes, un ton inhabituel.",
                )
            ),
            heading("Déroulé (1 h)"),
            text(
                ol(
                    "Quiz « vrai ou arnaque ? » sur dix messages reconstitués (20 min) ;",
                    "Les bons réflexes : ne pas cliquer, vérifier auprès de l'organisme, signaler (20 min) ;",
                    "Que faire si l'on a cliqué ? (20 min).",
                )
            ),
            callout(
                "<p>En cas de doute ou de fraude, le site Cybermalveillance.gouv.fr propose un "
                "parcours d'assistance et des fiches réflexes.</p>",
                title="Être victime, que faire ?",
            ),
            link("https://www.cybermalveillance.gouv.fr", "Cybermalveillance.gouv.fr"),
        ],
        "themes": ["risques_cyber_et_protection", "education_aux_medias"],
        "types": ["ressource_pedagogique", "fiche_pratique"],
        "beneficiaries": ["tous_publics", "seniors_personnes_agees"],
        "sectors": ["aidants_et_mediateurs_numeriques"],
        "tags": ["atelier", "arnaques", "hameçonnage", "cybersécurité"],
        # Written for the platform by a member, no licence stated: platform default.
        "licence": ETALAB,
        "producer": "bordeaux-metropole",
        "credits": [person("Inès Moulin", "conception", "bordeaux-metropole", "ines.cnfs")],
        "scope": "local",
        "department": "33",
        "related": [
            "conseillers-numeriques-ressources-partagees/fiche-atelier-creer-son-adresse-e-mail-et-un-mot-de-passe-solide"
        ],
        "author": "ines.cnfs",
        "first_published": "2025-05-06 10:00",
        "last_published": "2025-05-06 10:00",
    },
    {
        "base": "conseillers-numeriques-ressources-partagees",
        "slug": "court-circlic-ateliers-d-auto-reparation",
        "title": "Court-circlic : des ateliers d'auto-réparation d'ordinateurs (Coll-in)",
        "summary": (
            "Le collectif occitan Coll-in récupère des ordinateurs auprès d'entreprises et de "
            "collectivités, les diagnostique, puis forme des professionnels de structures de "
            "proximité à animer des ateliers : en deux demi-journées, les bénéficiaires réparent "
            "leur matériel et repartent avec gratuitement. Objectif : former 80 professionnels et "
            "distribuer 400 ordinateurs lors de 160 ateliers."
        ),
        "body": [
            heading("Le principe"),
            text(
                "<p>Les ordinateurs sont récupérés auprès d'entreprises ou de collectivités, puis "
                "diagnostiqués par le collectif. Des professionnels de structures de proximité "
                "(maisons des chômeurs, centres sociaux…) sont formés à mettre en place des ateliers "
                "de réparation dans leurs locaux. En deux demi-journées d'atelier d'auto-réparation, "
                "les bénéficiaires réparent leur matériel et repartent avec gratuitement.</p>"
            ),
            heading("Pourquoi c'est intéressant pour un conseiller numérique"),
            text(
                ul(
                    "l'équipement est un préalable : 25 % des personnes sous le seuil de pauvreté n'ont pas d'ordinateur personnel ;",
                    "l'atelier allie montée en compétences, réemploi et lien social ;",
                    "il structure un petit écosystème local autour de l'équipement et de l'inclusion numérique.",
                )
            ),
            callout(
                "<p>Texte adapté de l'Observatoire de l'inclusion numérique 2024 de La Mednum (CC "
                "BY-SA 4.0) : cette fiche est partagée sous la même licence.</p>",
                title="Source et licence",
            ),
        ],
        "themes": [
            "materiel_reconditionne",
            "sobriete_numerique",
            "maitrise_des_outils_numeriques",
        ],
        "types": ["methodologie", "ressource_pedagogique"],
        "beneficiaries": ["personnes_en_insertion_sociale_ou_professionnelle", "adultes"],
        "sectors": ["aidants_et_mediateurs_numeriques", "acteurs_prives_et_associatifs"],
        "tags": ["réemploi", "réparation", "équipement", "Occitanie"],
        # Adapts a CC BY-SA text: CC BY-SA 4.0 (share-alike).
        "licence": CC_BY_SA,
        "producer": "coll-in",
        "credits": [
            org("Coll-in", "conception", "coll-in"),
            org("La Mednum", "redaction", "la-mednum"),
            person("Inès Moulin", "contribution", "bordeaux-metropole", "ines.cnfs"),
        ],
        "published": "2024-01-01",
        "scope": "regional",
        "region": "76",
        "adapted_from": "la-mednum/observatoire-de-l-inclusion-numerique-2024",
        "related": ["societe-numerique/carte-des-structures-de-reconditionnement"],
        "author": "ines.cnfs",
        "first_published": "2025-01-28 10:00",
        "last_published": "2025-01-28 10:00",
    },
    {
        "base": "conseillers-numeriques-ressources-partagees",
        "slug": "formation-sesame-bagage-numerique-minimum",
        "title": "Formation « Sésame » : un bagage numérique minimum pour les acteurs sociaux",
        "summary": (
            "Bordeaux Métropole porte une formation d'une semaine, dite « Sésame », pour aider les "
            "professionnels du champ social à s'outiller et à développer leurs compétences et "
            "connaissances – un « bagage numérique minimum » – afin d'utiliser ou d'adapter les "
            "bonnes pratiques et les outils existants dans leurs structures."
        ),
        "body": [
            text(
                "<p>Les professionnels de l'accompagnement social et les agents administratifs sont "
                "souvent en première ligne face aux usagers en difficulté avec le numérique, alors "
                "que ce n'est pas leur cœur de métier. Ils ont besoin de se former pour intervenir "
                "en situation d'urgence et orienter les personnes vers des professionnels qualifiés, "
                "voire habilités Aidants Connect.</p>"
            ),
            text(
                "<p>Grâce à cette formation d'une semaine, chaque participant s'imprègne des bonnes "
                "pratiques et des outils existants pour les utiliser ou les adapter dans sa "
                "structure.</p>"
            ),
            callout(
                "<p>Texte adapté de l'Observatoire de l'inclusion numérique 2024 de La Mednum (CC "
                "BY-SA 4.0) : cette fiche est partagée sous la même licence.</p>",
                title="Source et licence",
            ),
        ],
        "themes": ["formation_des_professionnels", "aides_aux_demarches_administratives"],
        "types": ["ressource_pedagogique", "methodologie"],
        "sectors": ["autres_professionnels", "aidants_et_mediateurs_numeriques"],
        "tags": ["formation", "travail social", "Gironde"],
        # Adapts a CC BY-SA text: CC BY-SA 4.0 (share-alike).
        "licence": CC_BY_SA,
        "producer": "bordeaux-metropole",
        "credits": [
            org("Bordeaux Métropole", "conception", "bordeaux-metropole"),
            org("La Mednum", "redaction", "la-mednum"),
            person("Inès Moulin", "contribution", "bordeaux-metropole", "ines.cnfs"),
        ],
        "scope": "local",
        "department": "33",
        "adapted_from": "la-mednum/observatoire-de-l-inclusion-numerique-2024",
        "related": ["societe-numerique/aidants-connect"],
        "author": "ines.cnfs",
        "first_published": "2025-02-11 10:00",
        "last_published": "2025-02-11 10:00",
    },
    {
        "base": "conseillers-numeriques-ressources-partagees",
        "slug": "observatoire-2024-synthese-en-12-chiffres",
        "title": "Observatoire 2024 : la synthèse en 12 chiffres pour animer un temps d'équipe",
        "summary": (
            "Une adaptation de l'Observatoire de l'inclusion numérique 2024 de La Mednum pour "
            "animer une réunion d'équipe ou une rencontre de réseau en une heure : douze chiffres "
            "clés, le graphique des activités des structures et trois questions pour en débattre. "
            "Partagée sous la même licence que l'original (CC BY-SA 4.0)."
        ),
        "body": [
            heading("Douze chiffres pour ouvrir la discussion"),
            text(
                ol(
                    "332 structures ont répondu à l'enquête, 304 sont retenues dans les statistiques ;",
                    "1 390 médiateurs numériques y travaillent ;",
                    "ils ont accompagné 610 280 personnes en 2023 ;",
                    "52 % des répondants sont des collectivités (32,5 % en 2022) ;",
                    "68 % interviennent surtout à l'échelle locale ;",
                    "66 % interviennent en territoire rural ;",
                    "31 % des personnes accompagnées sont des seniors, 32 % des adultes, 22 % des jeunes, 13 % des enfants ;",
                    "94 % des structures proposent la maîtrise des outils du quotidien ;",
                    "62 % proposent de la parentalité et de l'éducation au numérique ;",
                    "17 % seulement ont une démarche de mesure d'impact ;",
                    "le salaire moyen d'un médiateur salarié est de 1 484 € par mois ;",
                    "36 % des collectivités se disent impliquées dans la gouvernance France Numérique Ensemble.",
                )
            ),
            image(
                ACTIVITIES_CHART,
                alt=ACTIVITIES_ALT,
                caption="Les neuf activités d'inclusion numérique du champ « Services ».",
                credit=f"{DEMO_CHART}. {OBSERVATOIRE_SOURCE}",
            ),
            heading("Trois questions pour débattre"),
            text(
                ul(
                    "Quelles activités proposons-nous, et lesquelles manquent sur notre territoire ?",
                    "Comment mesurer ce que nos accompagnements changent pour les personnes ?",
                    "Avec qui coopérer dans la gouvernance de notre département ?",
                )
            ),
            callout(
                "<p>Adaptation de « Observatoire de l'inclusion numérique 2024 » – conception La "
                "Mednum, infographies et design Un Oeil Sur Tout – sous licence CC BY-SA 4.0. "
                "Modifications : sélection de chiffres, graphique redessiné, questions ajoutées.</p>",
                title="Mention à reprendre",
            ),
        ],
        "themes": ["evaluation_et_mesure_d_impact", "formation_des_professionnels"],
        "types": ["ressource_pedagogique", "infographie"],
        "sectors": ["aidants_et_mediateurs_numeriques", "acteurs_publics"],
        "tags": ["observatoire", "chiffres clés", "animation d'équipe", "adaptation"],
        # Adaptation of the CC BY-SA Observatoire: same licence (share-alike).
        "licence": CC_BY_SA,
        "producer": "cias-val-aigo",
        "credits": [
            org("La Mednum", "conception", "la-mednum"),
            org("Un Oeil Sur Tout", "infographie", "un-oeil-sur-tout"),
            person("Mehdi Garnier", "redaction", "cias-val-aigo", "medi.contrib"),
        ],
        "published": "2025-03-01",
        "permission_contact": MEDNUM_CONTACT,
        "scope": "local",
        "department": "07",
        "adapted_from": "la-mednum/observatoire-de-l-inclusion-numerique-2024",
        "author": "medi.contrib",
        "first_published": "2025-03-21 10:00",
        "last_published": "2025-09-18 11:00",
    },
]

FNE = [
    {
        "base": "france-numerique-ensemble",
        "slug": "france-numerique-ensemble-genese-et-objectifs",
        "title": "France Numérique Ensemble : genèse et objectifs de la démarche",
        "summary": (
            "France Numérique Ensemble (FNE) est la feuille de route nationale d'inclusion "
            "numérique issue des travaux du Conseil national de la refondation (2023-2027). Elle se "
            "territorialise surtout à l'échelle des départements : plus de 100 gouvernances "
            "locales, co-portées le plus souvent par la préfecture et une collectivité motrice, "
            "écrivent et mettent en œuvre une feuille de route territoriale."
        ),
        "body": [
            heading("Quatre axes"),
            text(
                ol(
                    "Territorialiser la politique d'inclusion numérique et soutenir les initiatives locales (crédits FNE, marché d'ingénierie de l'ANCT) ;",
                    "Outiller les acteurs de la médiation et de l'aidance numérique ;",
                    "Structurer la filière professionnelle et former les professionnels ;",
                    "Collecter et structurer les données d'inclusion numérique, selon la logique du « dites-le-nous une fois ».",
                )
            ),
            text(
                "<p>L'ANCT accompagne cette dynamique par le versement, en 2024-2025, de 5 M€ de "
                "crédits d'ingénierie et de 1,7 M€ de crédits de formation.</p>"
            ),
            heading("Comment participer à une gouvernance territoriale ?"),
            text(
                "<p>Tout acteur public ou privé de l'inclusion numérique peut rejoindre la "
                "gouvernance France Numérique Ensemble de son département, pour porter ou contribuer "
                "à des actions pensées et mises en œuvre de façon collégiale. Les conseillers "
                "numériques coordinateurs et les Hubs, souvent impliqués, sont de précieux points "
                "de contact.</p>"
            ),
            link(
                "https://inclusion-numerique.anct.gouv.fr",
                "Le site Inclusion Numérique",
                "Définir un territoire et choisir « Gouvernance » ou « Feuille de route ». La vidéo de présentation de FNE y revient sur la genèse de la démarche.",
            ),
        ],
        "themes": ["gouvernances_partagees", "territoires_connectes_et_durables"],
        "types": ["article"],
        "sectors": ["acteurs_publics", "acteurs_prives_et_associatifs"],
        "tags": ["France Numérique Ensemble", "gouvernance", "feuille de route", "département"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [org("Programme Société Numérique (ANCT)", "redaction", "anct")],
        "permission_contact": ANCT_CONTACT,
        "related": ["la-mednum/collectivites-territoriales-et-inclusion-numerique-focus"],
        "author": "claire.anct",
        "cover": {
            "kind": "cover",
            "key": "couverture-fne",
            "title": "France Numérique Ensemble",
            "colour": "ecume",
            "subtitle": "La feuille de route nationale 2023-2027",
        },
        "first_published": "2023-09-12 09:30",
        "last_published": "2025-03-04 16:00",
    },
    {
        "base": "france-numerique-ensemble",
        "slug": "ctin-proposition-de-gouvernance",
        "title": "CTIN : proposition de gouvernance",
        "summary": (
            "Premier livrable de l'expérimentation des Coordinations territoriales de l'inclusion "
            "numérique (CTIN), menée avec Les Interconnectés dans cinq territoires sur le modèle "
            "des conférences des financeurs de la prévention de la perte d'autonomie : une "
            "gouvernance souple qui réunit tous les échelons de collectivités et les acteurs "
            "parapublics, privés, associatifs et représentants des bénéficiaires."
        ),
        "body": [
            heading("Cinq territoires pionniers"),
            text(
                ul(
                    "la Métropole de Lyon ;",
                    "la Métropole européenne de Lille ;",
                    "l'Eurométropole de Strasbourg ;",
                    "la communauté d'agglomération du Sicoval ;",
                    "la communauté d'agglomération de La Rochelle.",
                )
            ),
            heading("Une gouvernance pour décider ensemble"),
            text(
                "<p>L'objectif d'une CTIN est de réunir l'ensemble des parties prenantes d'un "
                "territoire autour d'une stratégie commune fondée sur des diagnostics précis, de "
                "financer les actions et d'en évaluer l'impact. La gouvernance, souple et adaptée "
                "aux spécificités du territoire, porte la stratégie, coordonne l'action et fait "
                "émerger des projets.</p>"
            ),
        ],
        "themes": ["gouvernances_partagees", "territoires_connectes_et_durables"],
        "types": ["methodologie"],
        "sectors": ["acteurs_publics"],
        "tags": ["CTIN", "gouvernance", "kit CTIN"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct"),
            org("Les Interconnectés", "conception", "les-interconnectes"),
        ],
        "permission_contact": ANCT_CONTACT,
        "author": "claire.anct",
        "first_published": "2023-09-12 10:00",
        "last_published": "2023-09-12 10:00",
    },
    {
        "base": "france-numerique-ensemble",
        "slug": "ctin-charte-de-fonctionnement",
        "title": "CTIN : charte de fonctionnement à faire signer par chaque membre",
        "summary": (
            "Deuxième livrable de l'expérimentation des CTIN : une charte de fonctionnement que "
            "chaque membre de la coordination signe, pour formaliser les engagements de chacun – "
            "stratégie commune, partage des diagnostics, co-financement et évaluation des actions."
        ),
        "body": [
            text(
                "<p>La charte formalise l'adhésion de chaque membre à la coordination. Le modèle "
                "ci-dessous reprend ses rubriques ; il est à adapter à chaque territoire.</p>"
            ),
            document(
                {
                    "key": "ctin-modele-de-charte",
                    "title": "Modèle de charte de fonctionnement d'une CTIN",
                    "kind": "pdf",
                    "colour": "ecume",
                    "subtitle": "Coordination territoriale de l'inclusion numérique – modèle à adapter",
                    "footer": "ANCT, Les Interconnectés – Licence Ouverte 2.0",
                    "sections": [
                        (
                            "Article 1 – Objet",
                            [
                                "La coordination réunit les parties prenantes du territoire autour d'une stratégie commune d'inclusion numérique, fondée sur des diagnostics partagés.",
                            ],
                        ),
                        (
                            "Article 2 – Membres",
                            [
                                ("-", "Les collectivités des différents échelons concernés ;"),
                                ("-", "Les acteurs parapublics, privés et associatifs ;"),
                                ("-", "Des représentants des citoyens et des bénéficiaires."),
                            ],
                        ),
                        (
                            "Article 3 – Engagements des membres",
                            [
                                (
                                    "-",
                                    "Partager les diagnostics et les données utiles à la stratégie commune ;",
                                ),
                                (
                                    "-",
                                    "Identifier et coordonner les financements publics et privés ;",
                                ),
                                (
                                    "-",
                                    "Contribuer selon ses moyens : mécénat de compétences, dons de matériel, mise à disposition de ressources ;",
                                ),
                                ("-", "Participer à l'évaluation des actions."),
                            ],
                        ),
                        (
                            "Article 4 – Fonctionnement",
                            [
                                "La coordination se réunit au moins deux fois par an. Ses décisions de financement sont prises collégialement.",
                            ],
                        ),
                        (
                            "Signature",
                            [
                                "Pour la structure : ......................................   Date : ....../....../......",
                            ],
                        ),
                    ],
                },
                title="Modèle de charte (PDF)",
                description="Modèle de démonstration reprenant les rubriques de la charte.",
            ),
        ],
        "themes": ["gouvernances_partagees"],
        "types": ["methodologie", "boite_outils"],
        "sectors": ["acteurs_publics", "acteurs_prives_et_associatifs"],
        "tags": ["CTIN", "charte", "kit CTIN"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct"),
            org("Les Interconnectés", "conception", "les-interconnectes"),
        ],
        "permission_contact": ANCT_CONTACT,
        "related": ["france-numerique-ensemble/ctin-proposition-de-gouvernance"],
        "author": "claire.anct",
        "first_published": "2023-09-12 10:05",
        "last_published": "2023-09-12 10:05",
    },
    {
        "base": "france-numerique-ensemble",
        "slug": "ctin-gestion-de-financements-publics-prives",
        "title": "CTIN : exemple de gestion de financements publics-privés",
        "summary": (
            "Troisième livrable de l'expérimentation des CTIN : comment identifier et coordonner "
            "les financements publics et privés existants aux niveaux local, national et européen, "
            "et faire émerger des moyens complémentaires auprès des acteurs locaux (mécénat de "
            "compétences, dons de matériel, mise à disposition de ressources)."
        ),
        "body": [
            text(
                "<p>Le volet financier d'une CTIN vise à sortir de l'éclatement des sources de "
                "financement, l'une des causes de la précarité économique des acteurs de la "
                "médiation numérique.</p>"
            ),
            text(
                ul(
                    "<b>Union européenne</b> : FSE, FEDER ;",
                    "<b>État et opérateurs</b> : Conseiller numérique, France Services, Pass numérique… ;",
                    "<b>Région</b> : programmes régionaux de formation ;",
                    "<b>Département</b> : budget d'action sociale ;",
                    "<b>Communes et intercommunalités</b> : budgets dédiés ;",
                    "<b>Acteurs privés</b> : mécénat, dons de matériel, mécénat de compétences.",
                )
            ),
        ],
        "themes": ["gouvernances_partagees", "economie_numerique"],
        "types": ["methodologie"],
        "sectors": ["acteurs_publics", "acteurs_prives_et_associatifs"],
        "tags": ["CTIN", "financement", "mécénat", "kit CTIN"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct"),
            org("Les Interconnectés", "conception", "les-interconnectes"),
        ],
        "permission_contact": ANCT_CONTACT,
        "related": ["france-numerique-ensemble/ctin-proposition-de-gouvernance"],
        "author": "claire.anct",
        "first_published": "2023-09-12 10:10",
        "last_published": "2023-09-12 10:10",
    },
    {
        "base": "france-numerique-ensemble",
        "slug": "ctin-indicateurs-afnor",
        "title": "CTIN : 7 axes et 11 indicateurs co-construits avec l'AFNOR",
        "summary": (
            "Quatrième livrable de l'expérimentation des CTIN : le dispositif d'évaluation et de "
            "recommandations opérationnelles construit par l'AFNOR avec l'ANCT et Les "
            "Interconnectés, organisé en 7 axes stratégiques et 11 indicateurs, de la "
            "sensibilisation au modèle économique."
        ),
        "body": [
            text(
                ul(
                    "<b>Axe 1 – Donner envie et sensibiliser au numérique</b> : nombre d'organismes impliqués dans la promotion des lieux de médiation numérique.",
                    "<b>Axe 2 – Favoriser l'accès au numérique</b> : cartographie des acteurs ; nombre d'équipements connectés mis à disposition ; nombre de médiateurs et d'aidants numériques.",
                    "<b>Axe 3 – Faire monter en compétences et valoriser</b> : nombre d'actions d'accompagnement ou de formation ; montant des aides financières consommées pour les bénéficiaires de formation.",
                    "<b>Axe 4 – Apporter des solutions pour les plus vulnérables</b> : taux de personnes vulnérables aidées ou formées.",
                    "<b>Axe 5 – Promouvoir un numérique responsable</b> : nombre d'acteurs engagés pour un numérique responsable.",
                    "<b>Axe 6 – Réussir la coordination territoriale</b> : nombre de partenaires signataires d'une charte ; niveau de satisfaction des bénéficiaires.",
                    "<b>Axe 7 – Trouver un modèle économique et un partage des ressources</b> : valorisation financière des engagements des parties prenantes.",
                )
            ),
            document(
                {
                    "key": "ctin-indicateurs",
                    "title": "CTIN – 7 axes et 11 indicateurs",
                    "kind": "csv",
                    "header": ["axe", "intitule_axe", "indicateur"],
                    "rows": [
                        [
                            1,
                            "Donner envie et sensibiliser au numérique",
                            "Nombre d'organismes impliqués dans la promotion des lieux de médiation numérique",
                        ],
                        [
                            2,
                            "Favoriser l'accès au numérique",
                            "Cartographie des acteurs de l'inclusion numérique",
                        ],
                        [
                            2,
                            "Favoriser l'accès au numérique",
                            "Nombre d'équipements numériques connectés Internet, mis à disposition",
                        ],
                        [
                            2,
                            "Favoriser l'accès au numérique",
                            "Nombre de médiateurs et d'aidants numériques",
                        ],
                        [
                            3,
                            "Faire monter en compétences et valoriser",
                            "Nombre d'actions d'accompagnement ou de formation au numérique",
                        ],
                        [
                            3,
                            "Faire monter en compétences et valoriser",
                            "Montant des aides financières consommées pour les bénéficiaires de formation",
                        ],
                        [
                            4,
                            "Apporter des solutions pour les plus vulnérables",
                            "Taux de personnes vulnérables aidées ou formées en matière d'inclusion numérique",
                        ],
                        [
                            5,
                            "Promouvoir un numérique responsable",
                            "Nombre d'acteurs engagés dans des actions en faveur d'un numérique responsable",
                        ],
                        [
                            6,
                            "Réussir la coordination territoriale",
                            "Nombre d'acteurs partenaires, signataires d'une charte pour l'inclusion numérique",
                        ],
                        [
                            6,
                            "Réussir la coordination territoriale",
                            "Niveau de satisfaction des bénéficiaires de l'inclusion numérique",
                        ],
                        [
                            7,
                            "Trouver un modèle économique et un partage des ressources",
                            "Valorisation financière des engagements des parties prenantes dans l'inclusion numérique",
                        ],
                    ],
                },
                title="Les 11 indicateurs (CSV)",
                description="Un indicateur par ligne, avec son axe : à reprendre dans un tableau de bord.",
            ),
        ],
        "themes": ["evaluation_et_mesure_d_impact", "gouvernances_partagees"],
        "types": ["methodologie"],
        "sectors": ["acteurs_publics"],
        "tags": ["CTIN", "indicateurs", "évaluation", "AFNOR", "kit CTIN"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("AFNOR", "conception", "afnor"),
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct"),
            org("Les Interconnectés", "contribution", "les-interconnectes"),
        ],
        "permission_contact": ANCT_CONTACT,
        "related": ["france-numerique-ensemble/ctin-proposition-de-gouvernance"],
        "author": "claire.anct",
        "first_published": "2023-09-12 10:15",
        "last_published": "2023-09-12 10:15",
    },
    {
        "base": "france-numerique-ensemble",
        "slug": "manifeste-agir-face-a-l-urgence-de-l-illectronisme",
        "title": "Manifeste « Agir face à l'urgence de l'illectronisme » (Les Interconnectés)",
        "summary": (
            "Le manifeste remis par Les Interconnectés au secrétaire d'État chargé du numérique en "
            "février 2020. Sa proposition de coordinations locales réunissant financeurs et "
            "acteurs a inspiré l'expérimentation des Coordinations territoriales de l'inclusion "
            "numérique (CTIN), menée ensuite avec l'ANCT dans cinq territoires."
        ),
        "body": [
            text(
                "<p>Le manifeste plaide pour des coordinations territoriales sur le modèle des "
                "conférences des financeurs de la prévention de la perte d'autonomie : une "
                "gouvernance locale qui décide collectivement des financements de l'inclusion "
                "numérique.</p>"
            ),
            callout(
                "<p>La licence du manifeste n'est pas indiquée : tous droits réservés. Pour le "
                "reproduire, adressez-vous aux Interconnectés.</p>",
                title="Licence",
                kind="warning",
            ),
        ],
        "themes": ["gouvernances_partagees", "acces_aux_droits"],
        "types": ["article"],
        "sectors": ["acteurs_publics"],
        "tags": ["manifeste", "élus", "illectronisme", "CTIN"],
        # Third-party publication, no licence stated: all rights reserved.
        "licence": RESERVED,
        "producer": "les-interconnectes",
        "credits": [org("Les Interconnectés", "redaction", "les-interconnectes")],
        "published": "2020-02-01",
        "related": ["france-numerique-ensemble/ctin-proposition-de-gouvernance"],
        "author": "claire.anct",
        "first_published": "2023-09-12 10:20",
        "last_published": "2023-09-12 10:20",
    },
]

NEC = [
    {
        "base": "numerique-en-communs",
        "slug": "label-nec",
        "title": "Le label NEC : qui peut candidater, pour quels dispositifs, selon quels critères ?",
        "summary": (
            "Conçu par l'ANCT, le label Numérique en Commun[s] vise à identifier, reconnaître et "
            "promouvoir les dispositifs qui concourent aux objectifs d'inclusion numérique. "
            "Associations, établissements publics, GIP, administrations centrales, collectivités "
            "et entreprises peuvent candidater pour des dispositifs numériques, tangibles ou "
            "méthodologiques, évalués selon six critères."
        ),
        "body": [
            heading("Qui peut demander une labellisation ?"),
            text(
                ul(
                    "les associations ;",
                    "les établissements publics ;",
                    "les GIP ;",
                    "les administrations centrales ;",
                    "les collectivités territoriales et leurs groupements ;",
                    "les entreprises.",
                )
            ),
            heading("Quels dispositifs peuvent être labellisés ?"),
            text(
                ul(
                    "<b>Dispositifs numériques</b> : logiciels, référentiels, bases de données, etc. ;",
                    "<b>Dispositifs tangibles ou physiques</b> : mobiliers, jeux, kits pédagogiques, etc. ;",
                    "<b>Dispositifs méthodologiques et pédagogiques</b> : mise en réseau, expérimentation sur un public ou une thématique spécifique.",
                )
            ),
            heading("Les six critères du label"),
            heading("Accessible", "h3"),
            text(
                "<p>Avoir mis en œuvre des mesures particulières pour assurer une réelle accessibilité du dispositif au bénéfice des personnes en situation de handicap.</p>"
            ),
            heading("Documenté", "h3"),
            text(
                "<p>Disposer d'une documentation publique complète permettant son appropriation par un utilisateur averti.</p>"
            ),
            heading("Éthique", "h3"),
            text(
                "<p>Avoir mis en œuvre des mesures particulières pour assurer dans la conception du dispositif une démarche éthique et bénéficiant à l'utilisateur.</p>"
            ),
            heading("Ouvert", "h3"),
            text(
                "<p>Avoir mis à disposition les éléments numériques du dispositif (logiciels, bases de données, plans, matériaux de conception, etc.) par principe dans un format ouvert et sous licence Open Data (art. D323-2-1 du CRPA).</p>"
            ),
            heading("Sécurisé", "h3"),
            text(
                "<p>Avoir mis en œuvre des mesures particulières pour assurer une réelle prise en compte des enjeux de sécurité dans la conception et le déploiement du dispositif.</p>"
            ),
            heading("Sobre", "h3"),
            text(
                "<p>Reposer sur une démarche d'écoconception visant à réduire l'empreinte écologique du numérique, en mettant l'accent sur une réutilisation optimale de ressources préexistantes et en démontrant une opportunité d'usages au-delà du secteur de l'inclusion numérique.</p>"
            ),
            callout(
                "<p>Dans le rapport d'activité 2017-2022, le critère de documentation porte par "
                "erreur le titre « ACCESSIBLE » (deux fois), et la licence Open Data renvoie à un "
                "article « DD232-2-1 » du CRPA : il s'agit de l'article D323-2-1, qui fixe la liste "
                "des licences de réutilisation des informations publiques.</p>",
                title="Deux coquilles corrigées",
                kind="warning",
            ),
            link(
                "https://labase.anct.gouv.fr/label",
                "Demander le label NEC",
                "Adresse d'origine du formulaire, sur La Base.",
            ),
        ],
        "themes": [
            "communs_numeriques",
            "accessibilite",
            "ecoconception_de_services_numeriques",
            "open_source_et_licences_libres",
        ],
        "types": ["methodologie", "fiche_pratique"],
        "sectors": ["acteurs_publics", "acteurs_prives_et_associatifs"],
        "tags": ["label NEC", "critères", "dispositifs", "candidature"],
        # NEC resources: « en licence ouverte ».
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct")
        ],
        "permission_contact": ANCT_CONTACT,
        "author": "margaux.nec",
        "cover": {
            "kind": "cover",
            "key": "couverture-label-nec",
            "title": "Le label NEC",
            "colour": "glycine",
            "subtitle": "Accessible, documenté, éthique, ouvert, sécurisé, sobre",
        },
        "first_published": "2022-06-01 10:00",
        "last_published": "2024-03-05 10:00",
    },
    {
        "base": "numerique-en-communs",
        "slug": "organiser-un-nec-local",
        "title": "Organiser un NEC local : la demande de labellisation",
        "summary": (
            "Chaque année sont organisés un grand NEC national avec une collectivité hôte et une "
            "trentaine de NEC locaux portés par des collectivités et des acteurs de terrain, "
            "soutenus par l'ANCT, pour réunir et fédérer les professionnels de l'écosystème local. "
            "Cette fiche explique la démarche et renvoie vers le formulaire de demande de "
            "labellisation « NEC local »."
        ),
        "body": [
            text(
                "<p>Numérique en Commun[s] est la démarche qui permet de construire un numérique "
                "d'intérêt général : ouvert, inclusif, accessible, durable, souverain et éthique. "
                "Elle se décline au niveau territorial par l'organisation de NEC locaux.</p>"
            ),
            heading("Un NEC local, pour quoi faire ?"),
            text(
                ul(
                    "sensibiliser aux enjeux d'un numérique d'intérêt général ;",
                    "rassembler les acteurs concernés et créer une communauté de pratiques ;",
                    "mobiliser durablement des partenaires locaux ;",
                    "contribuer à l'outillage concret des acteurs, et partager à l'échelle nationale.",
                )
            ),
            link(
                "https://numerique-en-communs.fr",
                "Le site de Numérique en Commun[s]",
                "Comprendre la démarche et accéder au formulaire de demande de labellisation « NEC local ».",
            ),
        ],
        "themes": ["gouvernances_partagees", "communs_numeriques"],
        "types": ["fiche_pratique", "methodologie"],
        "sectors": [
            "acteurs_publics",
            "acteurs_prives_et_associatifs",
            "aidants_et_mediateurs_numeriques",
        ],
        "tags": ["NEC local", "événement", "labellisation"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct"),
            org("La Mednum", "contribution", "la-mednum"),
        ],
        "published": "2026-06-01",
        "permission_contact": ANCT_CONTACT,
        "related": ["numerique-en-communs/label-nec"],
        "author": "margaux.nec",
        "first_published": "2023-02-14 10:00",
        "last_published": "2026-03-02 11:00",
    },
    {
        "base": "numerique-en-communs",
        "slug": "carnet-nec-2021",
        "title": "Carnet NEC 2021 — 4e édition de Numérique en Commun[s]",
        "summary": (
            "À l'issue de chaque NEC national, la masse des échanges est synthétisée sous forme de "
            "carnet. Le carnet 2021 documente la 4e édition par des articles de fond, des "
            "témoignages et des outils concrets : inclusion numérique, accessibilité, ouverture des "
            "données, communs numériques, lieux de médiation, tiers-lieux, cybersécurité."
        ),
        "body": [
            text(
                "<p>Numérique en Commun[s] réside autant dans ses événements que dans les ressources "
                "produites en amont, pendant ou en aval de la réunion de la communauté. Porté depuis "
                "2017 par l'ANCT et La Mednum, NEC fédère élus, administrations, agents des "
                "collectivités, chercheurs, médiateurs numériques, associations et entreprises.</p>"
            ),
            callout(
                "<p>5 éditions nationales, plus de 8 000 participants toutes éditions confondues, "
                "plus de 20 NEC locaux (2022).</p>",
                title="NEC en chiffres",
            ),
        ],
        "themes": ["communs_numeriques", "accessibilite", "donnees", "risques_cyber_et_protection"],
        "types": ["rapport_etude", "article"],
        "sectors": [
            "acteurs_publics",
            "acteurs_prives_et_associatifs",
            "aidants_et_mediateurs_numeriques",
        ],
        "tags": ["carnet", "NEC 2021", "communs"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct"),
            org("La Mednum", "conception", "la-mednum"),
        ],
        "published": "2021-01-01",
        "permission_contact": ANCT_CONTACT,
        "author": "margaux.nec",
        "first_published": "2022-06-01 10:30",
        "last_published": "2022-06-01 10:30",
    },
    {
        "base": "numerique-en-communs",
        "slug": "comment-les-cnfs-accelerent-les-politiques-d-inclusion-numerique",
        "title": "Comment les CnFS viennent accélérer ou pérenniser les politiques d'inclusion numérique ?",
        "summary": (
            "Article extrait du carnet NEC 2021 (p. 26). L'arrivée des conseillers numériques "
            "France Services a fait passer à l'action des centaines de collectivités, favorisé "
            "l'émergence de gouvernances dédiées et servi de point de départ à des stratégies "
            "d'inclusion numérique plus globales – à condition de bien articuler ces nouveaux "
            "professionnels avec le réseau de médiation historique."
        ),
        "body": [
            text(
                "<p>Le dispositif Conseillers numériques France Services a constitué un moyen sans "
                "précédent pour les collectivités de passer à l'action. Si celles qui s'attelaient "
                "déjà à la montée en compétences de leurs habitants ont rapidement candidaté, "
                "plusieurs centaines d'autres, alors peu actives dans ce domaine, ont suivi.</p>"
            ),
            heading("L'émergence ou la consolidation de gouvernances dédiées"),
            text(
                "<p>L'exploration « Dispositifs inclusifs » de la 4ᵉ édition de NEC l'a "
                "montré : le déploiement des CnFS a varié selon les territoires. Certaines "
                "collectivités l'ont piloté aux côtés des services déconcentrés de l'État ; la "
                "plupart des territoires ont vu naître des dialogues inédits, par exemple pour "
                "mutualiser un poste entre plusieurs communes voisines.</p>"
            ),
            heading("Des stratégies d'inclusion numérique ad hoc"),
            text(
                "<p>L'arrivée de professionnels formés et qualifiés accélère la réflexion des "
                "collectivités. L'enjeu est alors d'articuler ces nouveaux professionnels avec un "
                "réseau de médiation numérique historique, qui a sa culture, son vocabulaire et ses "
                "pratiques, et de penser dès à présent la pérennisation des postes.</p>"
            ),
            callout(
                "<p>Un programme de recherche financé par l'ANCT mesure l'impact effectif de "
                "l'arrivée des CnFS sur les politiques locales d'inclusion numérique.</p>",
                title="Pour aller plus loin",
            ),
        ],
        "themes": ["gouvernances_partagees", "formation_des_professionnels"],
        "types": ["article"],
        "sectors": ["acteurs_publics", "aidants_et_mediateurs_numeriques"],
        "tags": ["conseillers numériques", "collectivités", "carnet NEC 2021"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Numérique en Commun[s] (ANCT, La Mednum)", "redaction", "anct"),
        ],
        "published": "2021-01-01",
        "permission_contact": ANCT_CONTACT,
        "related": ["numerique-en-communs/carnet-nec-2021"],
        "author": "margaux.nec",
        "first_published": "2022-09-20 10:00",
        "last_published": "2022-09-20 10:00",
    },
    {
        "base": "numerique-en-communs",
        "slug": "carnets-des-nec-locaux",
        "title": "Les carnets des NEC locaux",
        "summary": (
            "Véritable fil rouge, la collection des carnets des NEC locaux regroupe les reportages "
            "des événements et les approches, outils, territoires et personnes qui construisent "
            "les leviers de l'encapacitation au numérique, avec des éclairages sur les concepts "
            "abordés. Dix carnets avaient paru en 2022."
        ),
        "body": [
            text(
                "<p>Les carnets présentent la diversité des approches en matière d'aménagement "
                "numérique des territoires. Le programme Société Numérique a fait le choix d'une "
                "approche « recherche-action » pragmatique : donner à voir, inviter à comprendre et "
                "donner envie de répliquer.</p>"
            ),
            text(
                "<blockquote>« À chaque fois, nous chercherons à témoigner de l'incroyable vitalité "
                "du numérique inclusif, éthique et ouvert en rendant hommage à celles et ceux qui le "
                "font vivre et le défendent depuis de nombreuses années. »</blockquote>"
            ),
            link(
                "https://numerique-en-communs.fr/les-carnets-de-nec-locaux/",
                "Découvrir les carnets des NEC locaux",
            ),
        ],
        "themes": ["communs_numeriques", "territoires_connectes_et_durables"],
        "types": ["rapport_etude", "article"],
        "sectors": ["acteurs_publics", "acteurs_prives_et_associatifs"],
        "tags": ["carnets", "NEC local", "reportages"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "coordination", "anct")
        ],
        "permission_contact": ANCT_CONTACT,
        "related": [
            "numerique-en-communs/organiser-un-nec-local",
            "numerique-en-communs/carnet-nec-2021",
        ],
        "author": "margaux.nec",
        "first_published": "2022-09-20 10:30",
        "last_published": "2022-09-20 10:30",
    },
]


def _glossary_body(version):
    """The glossary page; version 1.1 adds Pix, the education and youth actors and a sentence."""
    entries = [
        "<b>Acteurs nationaux et dispositifs</b> : ANCT, Numérique en Commun[s], Banque des Territoires, La Mednum, Les Bases du numérique d'intérêt général, Aidants Connect"
        + (", Pix" if version == "1.1" else "")
        + ", cartographie nationale des lieux d'inclusion numérique, Indice de fragilité numérique, Réfugiés.info, Mon Suivi Social ;",
        "<b>Acteurs des territoires</b> : Hubs territoriaux pour un numérique inclusif, conseillers numériques et coordinateurs, France Services, EPCI, mairie, conseil départemental, France Numérique Ensemble, conseil régional, préfecture ;",
        "<b>Lieux et structures de proximité</b> : CCAS, centre social, médiathèque, UTAS/UTPAS, tiers-lieux, espace public numérique, organismes de formation, Collecte.tech ;",
        "<b>Autres acteurs</b> : Caf, Cpam, Carsat, Urssaf et MSA, La Poste, gares routières et ferroviaires, Mon espace santé.",
    ]
    families = ["acteurs de la santé", "acteurs économiques", "acteurs de l'insertion"]
    if version == "1.1":
        families.insert(0, "acteurs de l'éducation et de la jeunesse")
    social = (
        "<p>Ces organismes font partie de ce qu'on appelle « la Sécurité sociale ». Ils proposent "
        "souvent un accueil via des bornes numériques et parfois des ateliers pour prendre en main "
        "leurs téléservices."
        + (
            " Ils jouent ainsi un rôle dans la montée en compétences des usagers, mais doivent "
            "aussi être intégrés à l'écosystème de l'inclusion numérique pour renforcer l'impact de "
            "leurs actions."
            if version == "1.1"
            else ""
        )
        + "</p>"
    )
    count = "33" if version == "1.1" else "32"
    body = [
        heading("Se repérer dans l'écosystème"),
        text(
            "<p>Le numérique touche désormais à tous les aspects de la vie : nombreux sont les "
            "acteurs qui ont un rôle à jouer dans l'inclusion numérique. Comment se repérer dans un "
            "écosystème de plus en plus dense et diversifié ? De quelle manière chacun "
            "intervient-il ? Quels dispositifs déploie-t-il à l'échelle locale ou nationale ?</p>"
        ),
        heading(f"{count} acteurs et dispositifs définis"),
        text(ul(*entries)),
        text(
            "<p>Et on pourrait aussi citer les "
            + ", les ".join(families[:-1])
            + " et les "
            + families[-1]
            + ".</p>"
        ),
        heading("Trois définitions extraites du glossaire"),
        heading("Hubs territoriaux pour un numérique inclusif", "h3"),
        text(
            "<p>Implantés le plus souvent à l'échelle régionale, les Hubs ont pour missions de "
            "fédérer les écosystèmes de l'inclusion numérique et d'accompagner la création ou le "
            "renforcement des projets d'inclusion numérique. C'est l'interlocuteur ressource pour "
            "tous les acteurs impliqués de près ou de loin dans l'inclusion numérique !</p>"
        ),
        heading("Caf, Cpam, Carsat, Urssaf et MSA", "h3"),
        text(social),
    ]
    if version == "1.1":
        body += [
            heading("Pix", "h3"),
            text(
                "<p>La plateforme en ligne Pix, exploitée par un groupement d'intérêt public, "
                "permet d'évaluer et de certifier des compétences numériques pour tout type de "
                "publics : élèves, étudiants, apprentis, actifs (dont les salariés, les agents de la "
                "fonction publique et les demandeurs d'emploi).</p>"
            ),
        ]
    body += [
        callout(
            "<p>Le glossaire est un <b>commun pédagogique</b> : il a vocation à évoluer en fonction "
            "des retours de ses utilisateurs et des contributeurs. Il vous manque un acteur ? "
            "Dites-le aux administrateurs de la base Les Assembleurs : la page « Membres » de la "
            "base les nomme, et chacun peut y demander à la rejoindre pour contribuer.</p>",
            title="Un commun pédagogique",
        ),
    ]
    if version == "1.1":
        body.append(
            document(
                {
                    "key": "glossaire-acteurs-dispositifs-inclusion-numerique-v1-1",
                    "title": "Glossaire des acteurs et dispositifs de l'inclusion numérique – v1.1",
                    "kind": "pdf",
                    "colour": "archipel",
                    "subtitle": "Version 1.1 – 5 juillet 2024 – Les Assembleurs",
                    "footer": "Glossaire des acteurs et dispositifs de l'inclusion numérique – v1.1",
                    "sections": [
                        (
                            "Pourquoi ce glossaire ?",
                            [
                                "Dans le contexte de transition numérique que vit la société, le numérique touche désormais à tous les aspects de la vie. Autrement dit, nombreux sont les acteurs qui ont un rôle à jouer dans le processus d'inclusion numérique.",
                            ],
                        ),
                        (
                            "Quelques entrées",
                            [
                                (
                                    "-",
                                    "ANCT – L'Agence Nationale de la Cohésion des Territoires est une administration de l'État qui a pour mission de conseiller et de soutenir les collectivités territoriales.",
                                ),
                                (
                                    "-",
                                    "Numérique en Commun[s] – Une démarche qui permet de construire un numérique d'intérêt général : ouvert, inclusif, accessible, durable, souverain et éthique.",
                                ),
                                (
                                    "-",
                                    "Les Bases du numérique d'intérêt général – Une plateforme collaborative de partage de ressources et communs numériques à l'échelle nationale.",
                                ),
                                (
                                    "-",
                                    "France Services – À moins de 20 minutes de chaque habitant, les agents France Services accueillent et accompagnent sur les démarches administratives au sein d'un guichet unique.",
                                ),
                                (
                                    "-",
                                    "Tiers-lieux – Des espaces physiques pour faire ensemble : coworking, micro-folie, campus connecté, atelier partagé, fablab, garage solidaire…",
                                ),
                                (
                                    "-",
                                    "Pix – La plateforme en ligne qui permet d'évaluer et de certifier des compétences numériques pour tout type de publics.",
                                ),
                            ],
                        ),
                        (
                            "Journal des versions",
                            [
                                "Le glossaire est un commun pédagogique : il est essentiel d'avoir un suivi des mises à jour de la ressource afin que chacun puisse être sûr d'utiliser la dernière version.",
                                (
                                    "table",
                                    ["Date", "Responsable de la version", "Changements", "Version"],
                                    [
                                        [
                                            "17/04/2024",
                                            "Élodie Carpentier",
                                            "Initialisation du glossaire ; rédaction des définitions, mise en page du document ; mise en ligne sur les Bases",
                                            "1.0",
                                        ],
                                        [
                                            "05/07/2024",
                                            "Élodie Carpentier",
                                            "Modifications à la suite de suggestions du hub NUMI ; ajout d'acteurs de l'éducation et de la jeunesse ; ajout de la dernière phrase du paragraphe sur les organismes de protection sociale ; ajout du dispositif Pix",
                                            "1.1",
                                        ],
                                    ],
                                    [1, 1.4, 3.2, 0.7],
                                ),
                            ],
                        ),
                    ],
                },
                title="Le glossaire complet, version 1.1 (PDF)",
                description="Démonstration : extraits du glossaire et son journal des versions.",
            )
        )
    return body


ASSEMBLEURS = [
    {
        "base": "les-assembleurs",
        "slug": "glossaire-des-acteurs-et-dispositifs-de-l-inclusion-numerique",
        "title": "Glossaire des acteurs et dispositifs de l'inclusion numérique",
        "summary": (
            "Comment se repérer dans un écosystème d'acteurs de plus en plus dense ? Ce glossaire "
            "définit 33 acteurs et dispositifs de l'inclusion numérique – ANCT, NEC, Hubs, "
            "conseillers numériques, France Services, Aidants Connect, Pix, CCAS, tiers-lieux, "
            "organismes de sécurité sociale, La Poste… – et cite quatre autres familles d'acteurs. "
            "C'est un commun pédagogique, qui évolue avec les retours de ses utilisateurs."
        ),
        "body": _glossary_body("1.1"),
        # Version 1.0, published first; version 1.1 follows the suggestions of the Hub NUMI.
        "previous_version": {
            "summary": (
                "Comment se repérer dans un écosystème d'acteurs de plus en plus dense ? Ce "
                "glossaire définit 32 acteurs et dispositifs de l'inclusion numérique – ANCT, NEC, "
                "Hubs, conseillers numériques, France Services, Aidants Connect, CCAS, tiers-lieux, "
                "organismes de sécurité sociale, La Poste… – et cite trois autres familles "
                "d'acteurs. C'est un commun pédagogique, qui évolue avec les retours de ses "
                "utilisateurs."
            ),
            "body": _glossary_body("1.0"),
            # The journal of the source document (brief §2.7), line for line.
            "changes": [
                "Initialisation du glossaire",
                "Rédaction des définitions, mise en page du document",
                "Mise en ligne sur les Bases",
            ],
        },
        "changes": [
            "Modifications à la suite de suggestions du hub NUMI",
            "Ajout d'acteurs de l'éducation et de la jeunesse",
            "Ajout de la dernière phrase à la fin du paragraphe sur les organismes de protection "
            "sociale",
            "Ajout du dispositif Pix",
        ],
        "themes": ["gouvernances_partagees", "communs_numeriques"],
        "types": ["ressource_pedagogique", "annuaire"],
        "sectors": [
            "aidants_et_mediateurs_numeriques",
            "acteurs_publics",
            "acteurs_prives_et_associatifs",
            "autres_professionnels",
        ],
        "tags": ["glossaire", "commun pédagogique", "écosystème", "acteurs", "dispositifs"],
        # No licence stated; published under an ANCT header: Licence Ouverte.
        "licence": ETALAB,
        "producer": "les-assembleurs",
        "credits": [
            person("Élodie Carpentier", "redaction", "les-assembleurs", "elodie.assembleurs"),
            org("Les Assembleurs", "conception", "les-assembleurs"),
            org("Hub NUMI", "contribution", "hub-numi"),
        ],
        "published": "2024-04-17",
        "permission_contact": "elodie.carpentier@demo.bases-communes.example",
        "related": [
            "societe-numerique/inclusion-et-mediation-numerique-grands-enjeux-et-ecosysteme"
        ],
        "author": "elodie.assembleurs",
        "cover": {
            "kind": "cover",
            "key": "couverture-glossaire",
            "title": "Glossaire des acteurs et dispositifs",
            "colour": "archipel",
            "subtitle": "Un commun pédagogique",
        },
        "first_published": "2024-04-17 11:00",
        "last_published": "2024-07-05 15:30",
    },
    {
        "base": "les-assembleurs",
        "slug": "fiche-acteurs-organismes-de-securite-sociale",
        "title": "Fiche acteurs : Caf, Cpam, Carsat, Urssaf et MSA dans l'inclusion numérique",
        "summary": (
            "Tirée du Glossaire des acteurs, cette fiche présente les organismes de la Sécurité "
            "sociale et leurs cinq branches, leur rôle dans la montée en compétences numériques des "
            "usagers (bornes, ateliers de prise en main des téléservices) et l'intérêt de les "
            "associer à l'écosystème local de l'inclusion numérique."
        ),
        "body": [
            heading("Les cinq branches du régime général"),
            text(
                ul(
                    "Famille, gérée par les Allocations familiales (Caf) ;",
                    "Maladie et accidents du travail – maladies professionnelles, gérée par l'Assurance Maladie (Cpam) ;",
                    "Retraite, gérée par l'Assurance Retraite (Carsat) ;",
                    "Autonomie, gérée par la Caisse nationale de solidarité pour l'autonomie (CNSA) ;",
                    "Recouvrement, gérée par l'Urssaf.",
                )
            ),
            heading("Leur place dans l'inclusion numérique"),
            text(
                "<p>Ces organismes proposent souvent un accueil via des bornes numériques et "
                "parfois des ateliers pour prendre en main leurs téléservices. Ils jouent ainsi un "
                "rôle dans la montée en compétences des usagers, mais doivent aussi être intégrés à "
                "l'écosystème de l'inclusion numérique pour renforcer l'impact de leurs actions.</p>"
            ),
            callout(
                "<p>Invitez l'organisme local à votre prochaine réunion de réseau ou à la "
                "gouvernance France Numérique Ensemble de votre département.</p>",
                title="Idée d'action",
            ),
        ],
        "themes": ["aides_aux_demarches_administratives", "acces_aux_droits"],
        "types": ["fiche_pratique"],
        "sectors": ["aidants_et_mediateurs_numeriques", "autres_professionnels"],
        "tags": ["Sécurité sociale", "Caf", "acteurs", "glossaire"],
        "licence": ETALAB,
        "producer": "les-assembleurs",
        "credits": [
            person("Élodie Carpentier", "redaction", "les-assembleurs", "elodie.assembleurs")
        ],
        "published": "2024-09-24",
        "adapted_from": "les-assembleurs/glossaire-des-acteurs-et-dispositifs-de-l-inclusion-numerique",
        "author": "elodie.assembleurs",
        "first_published": "2024-09-24 10:00",
        "last_published": "2024-09-24 10:00",
    },
]

NUMI = [
    {
        "base": "hub-numi",
        "slug": "approche-compas-comprendre-les-besoins-des-publics",
        "title": "L'approche du COMPAS pour comprendre les besoins numériques des publics",
        "summary": (
            "Le COMPAS, bureau d'études spécialisé dans les politiques sociales locales, aide les "
            "collectivités à confronter la réalité perçue à la réalité du terrain. Pour identifier "
            "les besoins potentiels des publics, son approche repose sur trois piliers : un indice "
            "de rupture numérique, une typologie des populations, l'adaptation de l'offre "
            "existante aux besoins identifiés."
        ),
        "body": [
            heading("Trois piliers"),
            text(
                ol(
                    "un <b>indice de rupture numérique</b> défini à partir des études nationales et des constats de terrain ;",
                    "une <b>approche par typologie</b>, pour adapter les services à chaque population ;",
                    "une <b>adaptation de la réponse existante</b> aux besoins identifiés sur le territoire.",
                )
            ),
            text(
                "<p>Le COMPAS intervient à deux niveaux : des diagnostics locaux, et des groupes "
                "d'analyse partagée qui accompagnent les collectivités dans l'élaboration de "
                "feuilles de route thématiques.</p>"
            ),
            callout(
                "<p>Sélection du Hub NUMI : à croiser avec l'Indice de Fragilité Numérique pour "
                "préparer un diagnostic territorial. Texte adapté de l'Observatoire 2024 de La "
                "Mednum (CC BY-SA 4.0).</p>",
                title="Pourquoi cette ressource ?",
            ),
            link("https://lecompas.fr", "Le site du COMPAS"),
        ],
        "themes": [
            "diagnostic_de_competences_numeriques",
            "evaluation_et_mesure_d_impact",
            "territoires_connectes_et_durables",
        ],
        "types": ["methodologie"],
        "sectors": ["acteurs_publics"],
        "tags": ["diagnostic territorial", "typologie", "politiques sociales"],
        # Adapts a CC BY-SA text: CC BY-SA 4.0 (share-alike).
        "licence": CC_BY_SA,
        "producer": "compas",
        "credits": [
            org("COMPAS", "conception", "compas"),
            org("La Mednum", "redaction", "la-mednum"),
            person("Thomas Lebrun", "contribution", "hub-numi", "thomas.numi"),
        ],
        "adapted_from": "la-mednum/observatoire-de-l-inclusion-numerique-2024",
        "related": ["la-mednum/indice-de-fragilite-numerique"],
        "scope": "regional",
        "region": "28",
        "author": "thomas.numi",
        "first_published": "2024-12-12 10:00",
        "last_published": "2024-12-12 10:00",
    },
    {
        "base": "hub-numi",
        "slug": "mon-suivi-social",
        "title": "Mon Suivi Social : un logiciel de suivi pour les structures d'accompagnement social",
        "summary": (
            "Un logiciel simple et intuitif pour les structures d'accompagnement social : suivi "
            "complet des bénéficiaires (aides, documents, statistiques automatiques), partage "
            "d'informations entre agents (données centralisées, rappel des tâches) et sécurité des "
            "données (conformité RGPD, hébergement haute sécurité, accès personnalisable)."
        ),
        "body": [
            text(
                ul(
                    "un <b>suivi complet des bénéficiaires</b> : aides, documents, statistiques automatiques ;",
                    "un <b>partage d'informations entre agents</b> : données centralisées, rappel des tâches, pour lutter contre la perte de temps et accroître la qualité du suivi ;",
                    "une <b>sécurité des données</b> : conformité RGPD, hébergement haute sécurité, accès personnalisable aux données pour plus de confidentialité.",
                )
            ),
            callout(
                "<p>Définition reprise du Glossaire des acteurs et dispositifs de l'inclusion "
                "numérique (Les Assembleurs).</p>",
                title="Source",
            ),
        ],
        "themes": ["donnees", "souverainete_numerique_et_hebergement_des_donnees"],
        "types": ["outils_numeriques"],
        "sectors": ["autres_professionnels", "acteurs_publics"],
        "tags": ["logiciel", "travail social", "RGPD"],
        # Text from the glossary (Licence Ouverte).
        "licence": ETALAB,
        "credits": [org("Les Assembleurs", "redaction", "les-assembleurs")],
        "related": [
            "les-assembleurs/glossaire-des-acteurs-et-dispositifs-de-l-inclusion-numerique"
        ],
        "scope": "regional",
        "region": "28",
        "author": "thomas.numi",
        "first_published": "2025-02-17 10:00",
        "last_published": "2025-02-17 10:00",
    },
]

KIT_ELECTIONS_FLYER = {
    "key": "kit-elections-flyer",
    "title": "Kit élections – flyer récapitulatif",
    "kind": "poster",
    "colour": "tuile",
    "subtitle": "Accompagner les citoyens pendant les élections municipales",
    "bullets": [
        (
            "Vérifier son inscription",
            "Service « Interroger sa situation électorale » sur service-public.fr",
        ),
        (
            "S'inscrire en ligne",
            "Justificatifs d'identité et de domicile numérisés ; vérifier la date limite",
        ),
        ("Donner procuration", "Sur maprocuration.gouv.fr, puis validation selon les cas"),
        (
            "Trouver son bureau de vote",
            "Il figure sur la carte électorale et dans le service en ligne",
        ),
        ("Besoin d'aide ?", "Un conseiller numérique ou une France Services près de chez vous"),
    ],
    "footer": "Kit créé en région Provence-Alpes-Côte d'Azur, coordonné par le Hub du Sud.",
}
KIT_ELECTIONS_FLYER_ALT = (
    "Flyer « Kit élections », cinq étapes : vérifier son inscription sur service-public.fr, "
    "s'inscrire en ligne avec ses justificatifs, donner procuration sur maprocuration.gouv.fr, "
    "trouver son bureau de vote, se faire aider par un conseiller numérique."
)
KIT_ELECTIONS_FLYER_PDF = {
    "key": "kit-elections-flyer",
    "title": "Kit élections – flyer récapitulatif (PDF)",
    "kind": "pdf",
    "colour": "tuile",
    "subtitle": "Accompagner les citoyens pendant les élections municipales",
    "footer": "Hub du Sud – Kit élections – Licence Ouverte 2.0",
    "sections": [
        (
            "Cinq étapes",
            [
                (
                    "-",
                    "Vérifier son inscription : service « Interroger sa situation électorale » sur service-public.fr.",
                ),
                (
                    "-",
                    "S'inscrire en ligne : justificatifs d'identité et de domicile numérisés ; vérifier la date limite.",
                ),
                (
                    "-",
                    "Donner procuration : sur maprocuration.gouv.fr, puis validation selon les cas.",
                ),
                (
                    "-",
                    "Trouver son bureau de vote : il figure sur la carte électorale et dans le service en ligne.",
                ),
                (
                    "-",
                    "Besoin d'aide ? Un conseiller numérique ou une France Services près de chez vous.",
                ),
            ],
        ),
    ],
}
PACA_GROUP = (
    "Groupe de travail régional PACA (médiateurs et conseillers numériques, coordinateurs, "
    "collectivités locales, associations, chercheur en sociologie, agents France Services, "
    "préfecture)"
)

HUB_DU_SUD = [
    {
        "base": "hub-du-sud",
        "slug": "kit-elections",
        "title": "Kit élections",
        "summary": (
            "Kit créé en région PACA par un groupe réunissant médiateurs et conseillers "
            "numériques, coordinateurs, collectivités locales, associations, un chercheur en "
            "sociologie, des agents France Services et une préfecture. Il donne aux aidants "
            "numériques des outils clés en main pour accompagner les futurs électeurs pendant les "
            "municipales : accès au droit de vote, inscription sur les listes, informations utiles."
        ),
        "body": [
            heading("Ses objectifs"),
            text(
                ul(
                    "Comment la médiation numérique peut-elle s'impliquer durant des élections municipales ?",
                    "Comment les professionnels peuvent-ils accompagner les citoyens durant cette période électorale ?",
                )
            ),
            heading("Des outils clés en main pour les aidants numériques"),
            text(
                ul(
                    "accompagner au mieux les futurs électeurs ;",
                    "leur rendre l'accès au droit de vote ;",
                    "faciliter leur inscription sur les listes électorales et l'accès aux informations nécessaires.",
                )
            ),
            heading("Ce que contient le kit"),
            text(
                ul(
                    "des fiches pratiques : s'inscrire sur les listes électorales en ligne, faire une procuration en ligne ;",
                    "1 flyer récapitulatif, à imprimer et à afficher ;",
                    "des ressources pédagogiques, documentaires et informationnelles.",
                )
            ),
            image(
                KIT_ELECTIONS_FLYER,
                alt=KIT_ELECTIONS_FLYER_ALT,
                caption="Le flyer récapitulatif du kit.",
                credit="Hub du Sud et groupe de travail régional PACA – visuel de démonstration",
            ),
            document(KIT_ELECTIONS_FLYER_PDF, title="Le flyer à imprimer (PDF)"),
            link(
                "https://www.service-public.fr",
                "Service-public.fr",
                "Le site officiel de l'administration française : élections, démarches en ligne.",
            ),
        ],
        "themes": [
            "citoyennete_et_engagement",
            "aides_aux_demarches_administratives",
            "acces_aux_droits",
        ],
        "types": ["boite_outils", "fiche_pratique"],
        "beneficiaries": ["tous_publics", "adultes", "personnes_tres_eloignees_numerique"],
        "sectors": ["aidants_et_mediateurs_numeriques", "acteurs_publics"],
        "tags": [
            "élections municipales",
            "listes électorales",
            "procuration",
            "citoyenneté",
            "PACA",
        ],
        # Published on the platform by the Hub, no licence stated: platform default.
        "licence": ETALAB,
        "producer": "hub-du-sud",
        "credits": [
            org(PACA_GROUP, "conception"),
            org("Hub du Sud", "coordination", "hub-du-sud"),
            person("Sarah Delmas", "coordination", "hub-du-sud", "sarah.hub"),
            person("Manon Giraud", "redaction", "hub-du-sud", "manon.sud"),
        ],
        "published": "2025-12-02",
        "permission_contact": "sarah.delmas@demo.bases-communes.example",
        "scope": "regional",
        "region": "93",
        "related": ["conseiller-numerique/kit-d-intervention-rapide"],
        "author": "sarah.hub",
        "cover": {
            "kind": "cover",
            "key": "couverture-kit-elections",
            "title": "Kit élections",
            "colour": "tuile",
            "subtitle": "Élections municipales : accompagner les citoyens",
        },
        "first_published": "2025-12-02 09:30",
        "last_published": "2025-12-11 16:00",
    },
    {
        "base": "hub-du-sud",
        "slug": "fiche-pratique-s-inscrire-sur-les-listes-electorales",
        "title": "Fiche pratique : s'inscrire sur les listes électorales en ligne",
        "summary": (
            "Fiche du Kit élections pour accompagner une personne dans son inscription sur les "
            "listes électorales : vérifier d'abord sa situation électorale, préparer ses "
            "justificatifs numérisés, faire la démarche en ligne, puis garder la trace de sa "
            "demande. Avec les points de vigilance pour l'aidant."
        ),
        "body": [
            heading("Avant de commencer"),
            text(
                ul(
                    "vérifier que la personne n'est pas déjà inscrite, avec le service « Interroger sa situation électorale » ;",
                    "préparer un justificatif d'identité et un justificatif de domicile numérisés (photo ou scan lisible) ;",
                    "vérifier la date limite d'inscription pour le scrutin sur service-public.fr.",
                )
            ),
            heading("La démarche pas à pas"),
            text(
                ol(
                    "se connecter au service en ligne d'inscription, avec FranceConnect si la personne a un compte ;",
                    "choisir la commune d'inscription et renseigner l'état civil ;",
                    "joindre les justificatifs ;",
                    "valider, puis noter ou photographier le numéro de la demande.",
                )
            ),
            callout(
                "<p>C'est la personne qui saisit ses informations et ses identifiants : l'aidant "
                "montre, explique et vérifie. S'il doit faire à sa place, il s'appuie sur un cadre "
                "sécurisé comme Aidants Connect.</p>",
                title="Rôle de l'aidant",
                kind="warning",
            ),
            link("https://www.service-public.fr", "Service-public.fr"),
        ],
        "themes": ["citoyennete_et_engagement", "aides_aux_demarches_administratives"],
        "types": ["fiche_pratique"],
        "beneficiaries": ["adultes", "personnes_tres_eloignees_numerique"],
        "sectors": ["aidants_et_mediateurs_numeriques"],
        "tags": ["listes électorales", "inscription", "Kit élections"],
        "licence": ETALAB,
        "producer": "hub-du-sud",
        "credits": [
            org(PACA_GROUP, "conception"),
            person("Manon Giraud", "redaction", "hub-du-sud", "manon.sud"),
        ],
        "published": "2025-12-02",
        "scope": "regional",
        "region": "93",
        "related": ["hub-du-sud/kit-elections", "societe-numerique/aidants-connect"],
        "author": "manon.sud",
        "first_published": "2025-12-02 09:40",
        "last_published": "2025-12-02 09:40",
    },
    {
        "base": "hub-du-sud",
        "slug": "fiche-pratique-faire-une-procuration-en-ligne",
        "title": "Fiche pratique : faire une procuration en ligne avec Ma procuration",
        "summary": (
            "Fiche du Kit élections : aider une personne qui ne pourra pas voter le jour du "
            "scrutin à donner procuration en ligne, sur le service officiel Ma procuration. Les "
            "informations à réunir sur la personne à qui l'on donne procuration, les étapes de la "
            "demande et la validation de l'identité."
        ),
        "body": [
            heading("Ce qu'il faut savoir"),
            text(
                ul(
                    "la demande se fait sur le site officiel maprocuration.gouv.fr ;",
                    "il faut connaître le numéro national d'électeur de la personne à qui l'on donne procuration, ou son état civil et sa commune de vote ;",
                    "l'identité de la personne qui donne procuration doit ensuite être vérifiée, selon les cas en commissariat, en gendarmerie ou au consulat, ou en ligne avec une identité numérique certifiée.",
                )
            ),
            heading("Étapes"),
            text(
                ol(
                    "se connecter avec FranceConnect ;",
                    "renseigner la personne mandataire et la durée de la procuration ;",
                    "noter la référence de la demande ;",
                    "faire valider son identité, puis attendre le courriel de confirmation.",
                )
            ),
            link(
                "https://www.maprocuration.gouv.fr/",
                "Ma procuration",
                "Le service officiel pour faire sa procuration en ligne.",
            ),
        ],
        "themes": ["citoyennete_et_engagement", "aides_aux_demarches_administratives"],
        "types": ["fiche_pratique"],
        "beneficiaries": ["adultes", "seniors_personnes_agees"],
        "sectors": ["aidants_et_mediateurs_numeriques"],
        "tags": ["procuration", "vote", "Kit élections"],
        "licence": ETALAB,
        "producer": "hub-du-sud",
        "credits": [
            org(PACA_GROUP, "conception"),
            person("Manon Giraud", "redaction", "hub-du-sud", "manon.sud"),
        ],
        "published": "2025-12-11",
        "scope": "regional",
        "region": "93",
        "related": ["hub-du-sud/kit-elections"],
        "author": "manon.sud",
        "first_published": "2025-12-11 15:45",
        "last_published": "2025-12-11 15:45",
    },
    {
        "base": "hub-du-sud",
        "slug": "flyer-recapitulatif-du-kit-elections",
        "title": "Flyer récapitulatif du Kit élections",
        "summary": (
            "Le flyer du Kit élections, à imprimer et à afficher dans les lieux de médiation, les "
            "mairies et les France Services : cinq étapes pour vérifier son inscription, "
            "s'inscrire, donner procuration, trouver son bureau de vote et se faire aider."
        ),
        "body": [
            image(
                KIT_ELECTIONS_FLYER,
                alt=KIT_ELECTIONS_FLYER_ALT,
                credit="Hub du Sud et groupe de travail régional PACA – visuel de démonstration",
            ),
            document(KIT_ELECTIONS_FLYER_PDF, title="Le flyer à imprimer (PDF)"),
        ],
        "themes": ["citoyennete_et_engagement"],
        "types": ["infographie"],
        "beneficiaries": ["tous_publics"],
        "sectors": ["aidants_et_mediateurs_numeriques", "acteurs_publics"],
        "tags": ["flyer", "affichage", "Kit élections"],
        "licence": ETALAB,
        "producer": "hub-du-sud",
        "credits": [
            org(PACA_GROUP, "conception"),
            org("Hub du Sud", "design", "hub-du-sud"),
        ],
        "published": "2025-12-02",
        "scope": "regional",
        "region": "93",
        "related": ["hub-du-sud/kit-elections"],
        "author": "sarah.hub",
        "first_published": "2025-12-02 09:50",
        "last_published": "2025-12-02 09:50",
    },
]

HUBS_2026 = [
    ("Mednum Antilles", "Antilles", "01;02"),
    ("Guyaclic", "Guyane", "03"),
    ("Hub Ultra Numérique", "Océan Indien", "04;06"),
    ("Les Assembleurs", "Hauts-de-France", "32"),
    ("Hub NUMI", "Normandie", "28"),
    ("HubEst", "Grand Est", "44"),
    ("Hub FranciIN", "Île-de-France", "11"),
    ("Mednum BFC", "Bourgogne-Franche-Comté", "27"),
    ("Hub-Lo", "Centre-Val de Loire", "24"),
    ("Conumm", "Pays de la Loire", "52"),
    ("Hinaura", "Auvergne-Rhône-Alpes", "84"),
    ("RhinOcc", "Occitanie", "76"),
    ("Hub du Sud", "Provence-Alpes-Côte d'Azur", "93"),
    ("Hub Corsica", "Corse", "94"),
]

FIVE_MEASURES = [
    "Mieux identifier et comprendre les inégalités numériques sur mon territoire, et identifier les acteurs présents.",
    "Former les agents de votre commune à mieux accompagner les habitants sur le numérique.",
    "Participer à la stratégie d'inclusion numérique de mon département et bénéficier des actions et dispositifs disponibles dans le cadre de France Numérique Ensemble.",
    "Organiser des permanences numériques auprès des habitants de votre territoire.",
    "Mobiliser les acteurs de la médiation numérique pour que les citoyens aient accès à de l'accompagnement au numérique et à des équipements informatiques reconditionnés.",
]

INTERHUBS = [
    {
        "base": "interhubs",
        "slug": "webinaire-agir-contre-les-inegalites-numeriques-dans-votre-commune",
        "title": "Webinaire « Agir contre les inégalités numériques dans votre commune »",
        "summary": (
            "Le support du webinaire du 3 février 2026 de La Mednum avec l'InterHubs, destiné aux "
            "communes et aux élus à l'approche des municipales : quelques chiffres sur les "
            "inégalités numériques, des outils et des témoignages de deux collectivités "
            "(Villeurbanne et Boulleret), cinq mesures simples à mettre en place."
        ),
        "body": [
            heading("Quelques chiffres"),
            text(
                ul(
                    "plus de 16 millions de citoyens en situation de fragilité numérique en France ;",
                    "65 % des citoyens ont des craintes liées à l'utilisation des outils numériques ;",
                    "97 % des personnes accompagnées par des conseillers numériques estiment avoir progressé dans leurs usages.",
                )
            ),
            heading("Une situation très paradoxale"),
            text(
                "<p>Le numérique touche toute la population, et la dématérialisation des services "
                "publics et privés progresse sans alternative hors ligne. Pourtant, le budget de "
                "l'État consacré à l'inclusion numérique baisse (83 M€ en 2024, 42 M€ en 2025), "
                "alors que la non-prise en charge des inégalités numériques coûterait 0,6 point de "
                "PIB, soit 16,7 milliards d'euros.</p>"
            ),
            heading("Des outils et des témoignages"),
            text(
                "<p>Les témoignages de deux collectivités – la ville de Villeurbanne (Rhône) et la "
                "commune de Boulleret (Cher) – et la présentation du Kit élections créé en région "
                "PACA.</p>"
            ),
            callout(
                "<p>Téléchargez le pack « Agir contre les inégalités numériques sur mon "
                "territoire », prenez contact avec votre Hub grâce au répertoire de l'InterHubs et "
                "inscrivez-vous à la lettre d'information de La Mednum.</p>",
                title="Avant de partir…",
            ),
        ],
        "themes": ["gouvernances_partagees", "citoyennete_et_engagement", "acces_aux_droits"],
        "types": ["video_webinaire"],
        "sectors": ["acteurs_publics"],
        "tags": ["webinaire", "communes", "élus", "municipales 2026"],
        # Third-party slides (La Mednum), no licence stated: all rights reserved.
        "licence": RESERVED,
        "producer": "la-mednum",
        "credits": [
            org("La Mednum", "conception", "la-mednum"),
            org("InterHubs", "contribution", "interhubs"),
            org("HubEst", "contribution", "hubest"),
            org("Hub-Lo", "contribution", "hub-lo"),
            org("Hub du Sud", "contribution", "hub-du-sud"),
        ],
        "published": "2026-02-03",
        "permission_contact": MEDNUM_CONTACT,
        "related": ["hub-du-sud/kit-elections"],
        "author": "nadia.interhubs",
        "first_published": "2026-02-04 09:00",
        "last_published": "2026-02-04 09:00",
    },
    {
        "base": "interhubs",
        "slug": "pack-agir-contre-les-inegalites-numeriques-sur-mon-territoire",
        "title": "Pack « Agir contre les inégalités numériques sur mon territoire »",
        "summary": (
            "Le pack remis aux communes à l'issue du webinaire du 3 février 2026 : cinq mesures "
            "simples pour agir contre les inégalités numériques – comprendre son territoire, "
            "former les agents, rejoindre la stratégie départementale France Numérique Ensemble, "
            "organiser des permanences numériques, mobiliser les acteurs de la médiation."
        ),
        "body": [
            heading("Cinq mesures simples à mettre en place"),
            text(ol(*FIVE_MEASURES)),
            document(
                {
                    "key": "pack-agir-contre-les-inegalites-numeriques",
                    "title": "Pack « Agir contre les inégalités numériques sur mon territoire »",
                    "kind": "pdf",
                    "colour": "ecume",
                    "subtitle": "Cinq mesures simples pour les communes – La Mednum et l'InterHubs, 2026",
                    "footer": "InterHubs – Licence Ouverte 2.0",
                    "sections": [
                        (
                            "Les facteurs d'inégalités numériques",
                            [
                                ("-", "L'accès au matériel numérique ;"),
                                ("-", "L'accès au réseau via une connexion adaptée ;"),
                                ("-", "Les compétences numériques."),
                                "La conception joue également un rôle déterminant : accessibilité des services, simplicité des interfaces.",
                            ],
                        ),
                        ("Cinq mesures simples", [("-", measure) for measure in FIVE_MEASURES]),
                        (
                            "Pour aller plus loin",
                            [
                                (
                                    "-",
                                    "Contactez le Hub de votre région grâce au répertoire de l'InterHubs.",
                                ),
                                (
                                    "-",
                                    "Rejoignez la gouvernance France Numérique Ensemble de votre département.",
                                ),
                            ],
                        ),
                    ],
                },
                title="Le pack (PDF)",
            ),
        ],
        "themes": [
            "gouvernances_partagees",
            "territoires_connectes_et_durables",
            "materiel_reconditionne",
        ],
        "types": ["boite_outils"],
        "sectors": ["acteurs_publics"],
        "tags": ["communes", "élus", "pack", "municipales 2026"],
        # Written for the platform by its members, no licence stated: platform default.
        "licence": ETALAB,
        "producer": "interhubs",
        "credits": [
            org("La Mednum", "conception", "la-mednum"),
            org("InterHubs", "conception", "interhubs"),
        ],
        "published": "2026-02-03",
        "related": [
            "interhubs/webinaire-agir-contre-les-inegalites-numeriques-dans-votre-commune",
            "france-numerique-ensemble/france-numerique-ensemble-genese-et-objectifs",
        ],
        "author": "nadia.interhubs",
        "cover": {
            "kind": "cover",
            "key": "couverture-pack-communes",
            "title": "Agir contre les inégalités numériques",
            "colour": "ecume",
            "subtitle": "Pack pour les communes",
        },
        "first_published": "2026-02-04 09:15",
        "last_published": "2026-02-10 09:00",
    },
    {
        "base": "interhubs",
        "slug": "repertoire-de-l-interhubs",
        "title": "Répertoire de l'InterHubs : les 14 Hubs territoriaux",
        "summary": (
            "Les 14 Hubs territoriaux pour un numérique inclusif début 2026, région par région, "
            "pour contacter le Hub de votre territoire. Les Hubs organisent et soutiennent le "
            "secteur de l'inclusion numérique et apportent aux acteurs locaux et aux collectivités "
            "les accompagnements nécessaires."
        ),
        "body": [
            text(ul(*[f"<b>{region}</b> : {name}" for name, region, _codes in HUBS_2026])),
            callout(
                "<p>Seize Hubs ont émergé à partir de 2019 ; ils sont quatorze début 2026, "
                "Hubikoop (Nouvelle-Aquitaine) et le Hub Bretagne ayant cessé leur activité "
                "respectivement en 2024 et 2025.</p>",
                title="16 Hubs en 2022, 14 en 2026",
            ),
            document(
                {
                    "key": "repertoire-interhubs-2026",
                    "title": "Répertoire de l'InterHubs – les 14 Hubs (2026)",
                    "kind": "csv",
                    "header": ["hub", "territoire", "codes_region_insee"],
                    "rows": HUBS_2026,
                },
                title="Le répertoire (CSV)",
                description="Un Hub par ligne, avec son territoire et le code INSEE de sa ou ses régions.",
            ),
        ],
        "themes": ["gouvernances_partagees"],
        "types": ["annuaire"],
        "sectors": [
            "acteurs_publics",
            "acteurs_prives_et_associatifs",
            "aidants_et_mediateurs_numeriques",
        ],
        "tags": ["Hubs", "annuaire", "régions"],
        # List taken from the ANCT kit (June 2026): Licence Ouverte.
        "licence": ETALAB,
        "producer": "interhubs",
        "credits": [org("InterHubs", "coordination", "interhubs")],
        "published": "2026-01-01",
        "related": [
            "societe-numerique/inclusion-et-mediation-numerique-grands-enjeux-et-ecosysteme"
        ],
        "author": "nadia.interhubs",
        "first_published": "2024-03-19 10:00",
        "last_published": "2026-01-13 10:00",
    },
]

FICTIONAL = (
    "<p><i>Nom et description fictifs : les documents sources attestent l'existence des trois "
    "modèles de mobilier, leur objectif et leurs lieux de déploiement, mais ne les nomment ni ne "
    "les décrivent.</i></p>"
)
MOBILIERS_INTRO = (
    "<p>En collaboration avec des designers et artisans français, trois mobiliers d'inclusion "
    "numérique ont été pensés pour encourager la création d'espaces d'accueil, les moderniser et "
    "les rendre plus attractifs, afin de favoriser la médiation numérique dans des espaces qui "
    "n'ont pas été pensés pour cela : mairies, bibliothèques, centres sociaux, France Services, "
    "tiers-lieux.</p>"
)
MOBILIERS_LINK = link(
    "https://design-ouvert.societenumerique.gouv.fr/decouvrir-les-mobiliers/",
    "Découvrir les trois mobiliers d'inclusion numérique",
)


def _mobilier(slug, name, variant, summary, description, first_published):
    return {
        "base": "ami-outiller-la-mediation-numerique",
        "slug": slug,
        "title": f"Mobilier d'inclusion numérique « {name} » (nom fictif)",
        "summary": summary,
        "body": [
            text(MOBILIERS_INTRO),
            image(
                {
                    "key": slug,
                    "title": f"Mobilier « {name} » (nom fictif)",
                    "kind": "furniture",
                    "variant": variant,
                    "colour": "menthe",
                },
                alt=description,
                credit="Illustration de démonstration – le modèle réel n'est pas reproduit",
            ),
            text(FICTIONAL),
            MOBILIERS_LINK,
        ],
        "themes": ["accessibilite", "communs_numeriques"],
        "types": ["mobilier"],
        "beneficiaries": ["tous_publics"],
        "sectors": ["acteurs_publics", "aidants_et_mediateurs_numeriques"],
        "tags": ["mobilier", "design ouvert", "espace d'accueil"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct"),
            org("Designers et artisans français", "design"),
        ],
        "published": "2022-01-01",
        "permission_contact": ANCT_CONTACT,
        "related": [
            "ami-outiller-la-mediation-numerique/ami-outiller-la-mediation-numerique-24-projets-laureats"
        ],
        "author": "claire.anct",
        "first_published": first_published,
        "last_published": first_published,
    }


AMI = [
    {
        "base": "ami-outiller-la-mediation-numerique",
        "slug": "ami-outiller-la-mediation-numerique-24-projets-laureats",
        "title": "AMI « Outiller la médiation numérique » : 24 projets lauréats",
        "summary": (
            "Ouvert de juin 2021 à juin 2022 et doté de 8,3 M€, l'appel à manifestation d'intérêt "
            "« Outiller la médiation numérique » a sélectionné 24 projets structurants, tous "
            "expérimentés localement : dispositifs numériques, dispositifs tangibles (kits, "
            "dispositifs itinérants) et ingénieries documentées et reproductibles. Les lauréats "
            "bénéficient d'une subvention et d'un accompagnement pour essaimer."
        ),
        "body": [
            heading("Trois familles de dispositifs"),
            text(
                ul(
                    "des <b>dispositifs numériques</b> : logiciels, bases de données, référentiels… ;",
                    "des <b>dispositifs tangibles</b> : kits de médiation numérique, dispositifs itinérants de médiation numérique… ;",
                    "des <b>ingénieries</b> : expérimentations et méthodologies pour l'inclusion numérique, qui puissent être documentées et reproduites.",
                )
            ),
            text(
                "<p>Les projets retenus bénéficient d'une subvention ainsi que d'un accompagnement "
                "individuel et collectif, afin d'en favoriser l'essaimage dans d'autres territoires "
                "que celui d'expérimentation.</p>"
            ),
            callout(
                "<p>Les documents sources ne donnent pas les noms des 24 lauréats : les fiches "
                "« lauréat » de cette base utilisent des noms d'exemple, signalés comme fictifs. "
                "L'accompagnement de la Drôme sur les modèles économiques est, lui, documenté.</p>",
                title="Base de démonstration",
                kind="warning",
            ),
            link(
                "https://labase.anct.gouv.fr/base/4?view=collections",
                "Les 24 projets lauréats sur La Base (adresse d'origine)",
            ),
        ],
        "themes": ["communs_numeriques", "economie_numerique"],
        "types": ["article"],
        "sectors": ["acteurs_publics", "acteurs_prives_et_associatifs"],
        "tags": ["AMI", "lauréats", "essaimage", "France Relance"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [
            org("Agence nationale de la cohésion des territoires (ANCT)", "conception", "anct")
        ],
        "published": "2021-06-01",
        "permission_contact": ANCT_CONTACT,
        "author": "claire.anct",
        "cover": {
            "kind": "cover",
            "key": "couverture-ami",
            "title": "Outiller la médiation numérique",
            "colour": "menthe",
            "subtitle": "24 projets lauréats – 8,3 M€",
        },
        "first_published": "2022-07-05 10:00",
        "last_published": "2022-11-08 10:00",
    },
    _mobilier(
        "mobilier-le-comptoir",
        "Le Comptoir",
        "comptoir",
        (
            "L'un des trois mobiliers d'inclusion numérique conçus avec des designers et artisans "
            "français. Sous ce nom fictif, un comptoir d'accueil équipé d'un écran, pensé pour "
            "tenir une permanence numérique dans un hall de mairie ou de France Services."
        ),
        (
            "Dessin de démonstration, vue de face : un comptoir d'accueil bas avec un plateau et un "
            "écran posé dessus, sur fond vert clair."
        ),
        "2022-07-05 10:30",
    ),
    _mobilier(
        "mobilier-l-ilot",
        "L'Îlot",
        "ilot",
        (
            "L'un des trois mobiliers d'inclusion numérique conçus avec des designers et artisans "
            "français. Sous ce nom fictif, une grande table d'atelier avec trois postes et des "
            "assises, pour animer des ateliers collectifs dans une bibliothèque ou un tiers-lieu."
        ),
        (
            "Dessin de démonstration, vue de face : une longue table portant trois écrans, avec "
            "trois tabourets devant, sur fond vert clair."
        ),
        "2022-07-05 10:35",
    ),
    _mobilier(
        "mobilier-la-vigie",
        "La Vigie",
        "vigie",
        (
            "L'un des trois mobiliers d'inclusion numérique conçus avec des designers et artisans "
            "français. Sous ce nom fictif, une borne en accès libre surmontée d'un auvent, pour "
            "les lieux de passage : hall de gare, centre social, marché couvert."
        ),
        (
            "Dessin de démonstration, vue de face : une borne verticale avec un écran et une "
            "tablette d'appui, surmontée d'un auvent arrondi, sur fond vert clair."
        ),
        "2022-07-05 10:40",
    ),
    {
        "base": "ami-outiller-la-mediation-numerique",
        "slug": "numeribus-des-vallees-laureat-fictif",
        "title": "Numéribus des vallées : un dispositif itinérant de médiation (lauréat fictif)",
        "summary": (
            "Fiche lauréat de démonstration pour la famille des dispositifs tangibles et "
            "itinérants de l'AMI : un bus aménagé qui tient des permanences numériques dans les "
            "villages d'une vallée, en lien avec les mairies et la France Services itinérante. Le "
            "nom et le projet sont fictifs."
        ),
        "body": [
            text(
                "<p>Les dispositifs d'aller-vers permettent d'atteindre les publics isolés et "
                "précaires en déplaçant la médiation numérique au plus près d'eux : bus numériques "
                "itinérants, ateliers délocalisés dans les lieux de vie, marchés ou lieux d'accueil "
                "temporaire.</p>"
            ),
            callout(
                "<p>Ce lauréat est fictif : les documents sources ne nomment pas les 24 projets "
                "retenus. Il illustre la famille « dispositifs itinérants de médiation numérique » "
                "décrite par l'AMI.</p>",
                title="Exemple fictif",
                kind="warning",
            ),
        ],
        "themes": [
            "maitrise_des_outils_numeriques",
            "mobilites",
            "territoires_connectes_et_durables",
        ],
        "types": ["mobilier", "methodologie"],
        "beneficiaries": ["tous_publics", "seniors_personnes_agees"],
        "sectors": ["acteurs_publics", "aidants_et_mediateurs_numeriques"],
        "tags": ["aller-vers", "itinérance", "bus numérique", "exemple fictif"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [org("Porteur fictif (exemple de démonstration)", "conception")],
        "related": [
            "ami-outiller-la-mediation-numerique/ami-outiller-la-mediation-numerique-24-projets-laureats"
        ],
        "author": "claire.anct",
        "first_published": "2022-11-08 10:00",
        "last_published": "2022-11-08 10:00",
    },
    {
        "base": "ami-outiller-la-mediation-numerique",
        "slug": "parcours-clic-droits-laureat-fictif",
        "title": "Parcours Clic'Droits : un référentiel d'orientation en ligne (lauréat fictif)",
        "summary": (
            "Fiche lauréat de démonstration pour la famille des dispositifs numériques de l'AMI : "
            "un référentiel libre de questions pour orienter une personne vers la bonne démarche "
            "ou le bon lieu d'accompagnement, réutilisable par les collectivités. Le nom et le "
            "projet sont fictifs."
        ),
        "body": [
            text(
                "<p>Les dispositifs numériques soutenus par l'AMI sont des logiciels, des bases de "
                "données ou des référentiels, conçus pour être documentés et essaimés dans d'autres "
                "territoires que celui de leur expérimentation.</p>"
            ),
            callout(
                "<p>Ce lauréat est fictif : les documents sources ne nomment pas les 24 projets "
                "retenus. Il illustre la famille « dispositifs numériques » décrite par l'AMI.</p>",
                title="Exemple fictif",
                kind="warning",
            ),
        ],
        "themes": ["acces_aux_droits", "open_source_et_licences_libres"],
        "types": ["outils_numeriques"],
        "sectors": ["acteurs_publics", "aidants_et_mediateurs_numeriques"],
        "tags": ["orientation", "référentiel", "logiciel libre", "exemple fictif"],
        "licence": ETALAB,
        "producer": "anct",
        "credits": [org("Porteur fictif (exemple de démonstration)", "conception")],
        "related": [
            "ami-outiller-la-mediation-numerique/ami-outiller-la-mediation-numerique-24-projets-laureats",
            "societe-numerique/cartographie-nationale-des-lieux-d-inclusion-numerique",
        ],
        "author": "claire.anct",
        "first_published": "2022-11-08 10:10",
        "last_published": "2022-11-08 10:10",
    },
    {
        "base": "ami-outiller-la-mediation-numerique",
        "slug": "modeles-economiques-de-la-mediation-numerique-drome",
        "title": "Modèles économiques de la médiation numérique : l'accompagnement de la Drôme",
        "summary": (
            "Dans le cadre de l'AMI « Outiller la médiation numérique », le programme Société "
            "Numérique accompagne des territoires comme la Drôme dans l'identification, la "
            "consolidation et l'essaimage de modèles économiques pérennes de la médiation "
            "numérique, un secteur marqué par l'éclatement de ses financements."
        ),
        "body": [
            text(
                "<p>Les réseaux qui délivrent des services de médiation numérique subissent dans la "
                "majorité des cas une situation de précarité économique forte, qui s'explique "
                "notamment par un éclatement des sources de financement. Il n'existe pas de "
                "« solution miracle » : les réponses varient selon les territoires et l'implication "
                "des acteurs publics et privés.</p>"
            ),
            heading("Le choix de la Drôme"),
            text(
                "<p>Dans la Drôme, la stratégie France Numérique Ensemble est la stratégie "
                "d'inclusion numérique du département. Le Département se positionne comme chef de "
                "file : il fédère des partenaires publics et privés pour co-financer la médiation "
                "numérique et mutualise des ressources, notamment humaines, qu'il remet à "
                "disposition des associations du territoire.</p>"
            ),
        ],
        "themes": ["economie_numerique", "gouvernances_partagees"],
        "types": ["methodologie"],
        "sectors": ["acteurs_publics", "acteurs_prives_et_associatifs"],
        "tags": ["modèle économique", "financement", "Drôme", "ingénierie"],
        "licence": ETALAB,
        "producer": "departement-de-la-drome",
        "credits": [
            org("Département de la Drôme", "conception", "departement-de-la-drome"),
            org("Agence nationale de la cohésion des territoires (ANCT)", "financement", "anct"),
        ],
        "scope": "departemental",
        "department": "26",
        "related": [
            "ami-outiller-la-mediation-numerique/ami-outiller-la-mediation-numerique-24-projets-laureats",
            "france-numerique-ensemble/ctin-gestion-de-financements-publics-prives",
        ],
        "author": "claire.anct",
        "first_published": "2022-11-08 10:20",
        "last_published": "2024-11-12 15:00",
    },
]

ESPACE_HUB_DU_SUD = [
    {
        "base": "espace-de-travail-du-hub-du-sud",
        "slug": "compte-rendu-groupe-de-travail-kit-elections",
        "title": "Compte rendu du groupe de travail régional « Kit élections » (novembre 2025)",
        "summary": (
            "Document interne : le compte rendu de la dernière réunion du groupe de travail "
            "régional avant la publication du Kit élections – relecture des fiches pratiques, "
            "choix du flyer, plan de diffusion auprès des France Services et des mairies."
        ),
        "body": [
            heading("Participants"),
            text(
                "<p>Médiateurs et conseillers numériques, deux coordinateurs, trois collectivités, "
                "deux associations, un chercheur en sociologie, des agents France Services et la "
                "préfecture. Animation : Hub du Sud.</p>"
            ),
            heading("Décisions"),
            text(
                ul(
                    "publication du kit sur la base publique du Hub début décembre ;",
                    "fiche « procuration » à finaliser après relecture par la préfecture ;",
                    "flyer en format A4, imprimable en noir et blanc ;",
                    "diffusion prioritaire aux France Services et aux mairies rurales.",
                )
            ),
            callout(
                "<p>Document de travail interne, non destiné à la diffusion.</p>",
                title="Interne",
                kind="warning",
            ),
        ],
        "themes": ["citoyennete_et_engagement", "gouvernances_partagees"],
        "types": ["article"],
        "sectors": ["acteurs_publics", "aidants_et_mediateurs_numeriques"],
        "tags": ["compte rendu", "interne", "Kit élections"],
        "licence": RESERVED,
        "producer": "hub-du-sud",
        "credits": [person("Manon Giraud", "redaction", "hub-du-sud", "manon.sud")],
        "scope": "regional",
        "region": "93",
        "author": "manon.sud",
        "first_published": "2025-11-20 17:00",
        "last_published": "2025-11-21 09:30",
    },
    {
        "base": "espace-de-travail-du-hub-du-sud",
        "slug": "retroplanning-de-diffusion-du-kit-elections",
        "title": "Rétroplanning de diffusion du Kit élections (municipales 2026)",
        "summary": (
            "Document interne : les étapes de diffusion du Kit élections auprès des relais de la "
            "région, de la publication en décembre 2025 au bilan après les municipales de mars "
            "2026, avec les responsables de chaque action."
        ),
        "body": [
            text(
                "<p>Le rétroplanning est tenu à jour par l'équipe ; la version tableur est jointe "
                "ci-dessous.</p>"
            ),
            document(
                {
                    "key": "retroplanning-kit-elections",
                    "title": "Rétroplanning de diffusion du Kit élections",
                    "kind": "csv",
                    "header": ["etape", "echeance", "responsable", "statut"],
                    "rows": [
                        [
                            "Publication du kit sur la base du Hub",
                            "2025-12-02",
                            "Sarah Delmas",
                            "fait",
                        ],
                        [
                            "Envoi aux coordinateurs de la région",
                            "2025-12-04",
                            "Manon Giraud",
                            "fait",
                        ],
                        [
                            "Présentation en réunion France Services",
                            "2025-12-16",
                            "Sarah Delmas",
                            "à faire",
                        ],
                        ["Relance des mairies rurales", "2026-01-13", "Manon Giraud", "à faire"],
                        [
                            "Présentation au webinaire InterHubs",
                            "2026-02-03",
                            "Sarah Delmas",
                            "à faire",
                        ],
                        [
                            "Bilan avec le groupe de travail",
                            "2026-04-07",
                            "Manon Giraud",
                            "à faire",
                        ],
                    ],
                },
                title="Rétroplanning (CSV)",
            ),
        ],
        "themes": ["citoyennete_et_engagement"],
        "types": ["methodologie"],
        "sectors": ["acteurs_publics"],
        "tags": ["rétroplanning", "interne", "Kit élections"],
        "licence": RESERVED,
        "producer": "hub-du-sud",
        "credits": [person("Sarah Delmas", "coordination", "hub-du-sud", "sarah.hub")],
        "scope": "regional",
        "region": "93",
        "related": [
            "espace-de-travail-du-hub-du-sud/compte-rendu-groupe-de-travail-kit-elections",
            "hub-du-sud/kit-elections",
        ],
        "author": "sarah.hub",
        "first_published": "2025-12-05 17:00",
        "last_published": "2025-12-05 17:00",
    },
]

# Creation order: a resource comes after those it points to.
RESOURCES = (
    LABO
    + MEDNUM
    + SOCIETE_NUMERIQUE
    + CONSEILLER_NUMERIQUE
    + CNFS_PARTAGEES
    + FNE
    + NEC
    + ASSEMBLEURS
    + NUMI
    + HUB_DU_SUD
    + INTERHUBS
    + AMI
    + ESPACE_HUB_DU_SUD
)
