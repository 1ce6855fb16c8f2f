"""The first text of each legal page, written for this platform (staff edit it afterwards).

Facts come from the code (what is stored, for how long, which cookies) and from the sector's
documents (../shared/domain/: the ANCT's programme Société Numérique runs Les Bases, contact
societe.numerique@anct.gouv.fr). The ANCT's postal address (20 avenue de Ségur) is the one it
publishes, not from those documents: check it with the operator. What no document gives is marked « [À compléter par
l'opérateur : …] » so that nobody publishes an invented name or address: the accessibility and
data pages keep their promises only if the operator fills those gaps.
"""

TO_COMPLETE = "[À compléter par l'opérateur : {}]"
CONTACT = "societe.numerique@anct.gouv.fr"


def todo(what):
    return f"<strong>{TO_COMPLETE.format(what)}</strong>"


MENTIONS = f"""
<h2>Éditeur</h2>
<p>Bases communes est la plateforme ouverte où les professionnels de l'inclusion numérique
partagent et améliorent ensemble leurs ressources pédagogiques. Elle est éditée par l'Agence
nationale de la cohésion des territoires (ANCT), établissement public de l'État, pour son
programme Société Numérique, qui porte la politique nationale d'inclusion numérique.</p>
<p>Agence nationale de la cohésion des territoires<br/>20 avenue de Ségur, TSA 10717<br/>
75334 Paris Cedex 07</p>
<p>Contact : <a href="mailto:{CONTACT}">{CONTACT}</a></p>

<h2>Directeur ou directrice de la publication</h2>
<p>Le directeur général ou la directrice générale de l'ANCT : {
    todo("nom de la personne qui exerce la fonction")
}.</p>

<h2>Hébergement</h2>
<p>{todo("nom, adresse et téléphone de l'hébergeur du site et de ses données")}</p>

<h2>Contenus publiés par les membres</h2>
<p>Les ressources, collections, bases et profils sont publiés par les membres de la plateforme,
sous leur responsabilité et sous la licence qu'ils indiquent sur chaque ressource. Chaque
publication est inscrite au journal des versions de la ressource, avec sa date et la personne
qui en est responsable.</p>
<p>Un contenu vous semble illicite, inapproprié, obsolète ou erroné ? Connectez-vous et
utilisez le bouton « Signaler » de la ressource : les modérateurs de la plateforme traitent
chaque signalement et vous informent de la suite donnée. Vous pouvez aussi écrire à
<a href="mailto:{CONTACT}">{CONTACT}</a>.</p>

<h2>Licence et réutilisation</h2>
<p>Sauf mention contraire, les textes de ce site sont proposés sous
<a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">Licence Ouverte 2.0
(etalab-2.0)</a>. Chaque ressource indique sa propre licence et donne la ligne d'attribution à
copier pour la réutiliser : c'est elle qui s'applique à la ressource.</p>
<p>La Marianne, le logo de la République française et le Système de design de l'État sont
réservés aux sites de l'État : ils ne peuvent pas être réutilisés ailleurs.</p>

<h2>Liens</h2>
<p>Vous pouvez faire un lien vers n'importe quelle page publique de ce site sans autorisation.
Les liens vers d'autres sites, nombreux dans les ressources, n'engagent pas l'ANCT sur le
contenu de ces sites.</p>

<h2>Accessibilité, données personnelles et cookies</h2>
<p>Voir la <a href="/accessibilite/">déclaration d'accessibilité</a>, la page
<a href="/donnees-personnelles/">Données personnelles</a> et la page
<a href="/gestion-des-cookies/">Gestion des cookies</a>.</p>
"""

PERSONAL_DATA = f"""
<p>Cette page dit quelles données personnelles Bases communes enregistre, pourquoi, combien de
temps, qui les voit, et comment exercer vos droits.</p>

<h2>Responsable du traitement</h2>
<p>L'Agence nationale de la cohésion des territoires (ANCT), programme Société Numérique,
20 avenue de Ségur, TSA 10717, 75334 Paris Cedex 07 —
<a href="mailto:{CONTACT}">{CONTACT}</a>.</p>
<p>Délégué à la protection des données de l'ANCT : {
    todo("adresse de contact du délégué à la protection des données")
}.</p>

<h2>Pourquoi nous traitons des données</h2>
<ul>
<li>Gérer votre compte et vous authentifier ;</li>
<li>publier et créditer vos contributions (ressources, versions, propositions de modification,
collections) et tenir le journal public des versions ;</li>
<li>gérer les membres des bases : invitations, demandes d'adhésion, rôles ;</li>
<li>vous informer de ce que vous suivez (notifications sur le site et par e-mail, résumé
hebdomadaire si vous l'avez demandé) ;</li>
<li>modérer les contenus signalés ;</li>
<li>instruire les demandes de label Numérique en Commun[s] (NEC) ;</li>
<li>protéger le service (limitation des tentatives de connexion) et mesurer, sans vous
identifier, l'usage de la recherche.</li>
</ul>
<p>Base légale : l'exécution d'une mission d'intérêt public confiée à l'ANCT (article 6-1-e du
RGPD), l'animation de la politique nationale d'inclusion numérique. Le résumé hebdomadaire par
e-mail repose sur votre consentement (article 6-1-a) : il n'est envoyé que si vous cochez la
case de « Mon fil », et se désactive d'un clic.</p>

<h2>Les données enregistrées</h2>
<h3>Votre compte</h3>
<ul>
<li>Identifiant, prénom, nom, adresse e-mail, organisation, mot de passe (jamais en clair : seule
une empreinte est conservée), dates d'inscription, de confirmation de l'adresse et de dernière
connexion.</li>
<li>Si vous les renseignez, sur votre profil public (/profils/votre-identifiant/) :
fonction, département, présentation, photo. Votre adresse e-mail n'y apparaît que si vous le
choisissez.</li>
<li>Vos préférences : résumé hebdomadaire, ce que vous suivez, vos favoris et collections
personnelles (privées ou publiques, à votre choix).</li>
</ul>
<h3>Vos contributions</h3>
<ul>
<li>Chaque version publiée d'une ressource garde, dans son journal public, le nom de la
personne responsable et son organisation au moment de la publication, la date et les
changements. Les crédits d'auteurs sont ceux que vous saisissez.</li>
<li>Les propositions de modification, signalements, demandes d'adhésion et invitations
(l'adresse e-mail de la personne invitée, le lien est valable 14 jours) sont conservés avec leur
auteur et leur date. Le journal d'administration garde qui a publié, modifié ou supprimé quoi.</li>
</ul>
<h3>Les demandes de label NEC</h3>
<p>Les informations de la demande (structure, dispositif, auto-évaluation et justifications,
licences, nom, e-mail et téléphone du contact) et les pièces justificatives que vous joignez.
Les pièces ne sont visibles que de vous et des instructeurs du label : elles sont stockées hors
de tout dossier public et ne sont remises qu'après vérification de vos droits. Un label vaut
3 ans ; le registre public des dispositifs labellisés ne montre que la structure, le dispositif
et les dates, jamais le contact ni les pièces.</p>
<h3>La recherche : un journal anonyme</h3>
<p>Pour améliorer la recherche, chaque recherche est comptée avec : la requête après
normalisation (minuscules, sans accents, mots réduits à leur racine), l'onglet, les filtres choisis, le nombre de
résultats, la durée, le moteur utilisé et la date. <strong>Ni votre compte, ni votre adresse IP,
ni votre session ne sont enregistrés</strong> : ce journal ne permet pas de savoir qui a cherché
quoi. Évitez tout de même de taper des données personnelles dans la barre de recherche.</p>
<h3>La sécurité</h3>
<p>Pour freiner les tentatives de connexion en force, le nombre d'essais est compté par adresse
IP et par identifiant, sous forme d'empreinte, pendant une heure au plus. Les journaux du
serveur web gardent l'adresse IP et la page demandée ({
    todo("durée de conservation des journaux du serveur, un an au plus")
}) ; les adresses des liens de partage n'y sont jamais inscrites.</p>

<h2>Qui voit quoi</h2>
<ul>
<li>Tout le monde : votre profil public, vos contributions publiées et votre nom dans les
journaux des versions et les crédits, vos collections publiques.</li>
<li>Les administrateurs d'une base : les demandes d'adhésion et invitations de leur base, et
l'adresse e-mail de ses membres.</li>
<li>Les modérateurs : les signalements et leur auteur. Les instructeurs du label : les demandes
déposées et leurs pièces.</li>
<li>Les prestataires techniques de l'ANCT, pour son compte : {
    todo("hébergeur et service d'envoi des e-mails")
}. Aucune donnée n'est vendue ni transmise à des fins publicitaires.</li>
</ul>

<h2>Combien de temps</h2>
<ul>
<li>Compte et profil : tant que le compte existe. Vous pouvez le supprimer à tout moment
(« Mon compte » → « Supprimer mon compte ») : vos données personnelles sont alors effacées et
vos contributions publiées restent au nom de « Contributeur supprimé », sauf les crédits d'une
ressource dont la licence impose de citer les auteurs. Comptes jamais confirmés et comptes
inactifs : {todo("délai au terme duquel ils sont supprimés")}.</li>
<li>Journal des versions, propositions, signalements : aussi longtemps que la ressource existe
(le journal est l'histoire publique de la ressource).</li>
<li>Demandes de label et pièces justificatives : pendant la validité du label et {
    todo("durée de conservation après la fin de validité ou le refus")
}.</li>
<li>Journal anonyme des recherches : il ne contient pas de données personnelles.</li>
<li>Session de connexion : deux semaines au plus après la connexion (voir
<a href="/gestion-des-cookies/">Gestion des cookies</a>).</li>
</ul>

<h2>Vos droits</h2>
<p>Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation et
d'opposition sur vos données (articles 15 à 21 du RGPD). La plupart s'exercent directement :
« Mon compte » pour corriger votre profil ou votre adresse, ou pour effacer vos données en
supprimant votre compte, « Mon fil » pour le résumé hebdomadaire et ce que vous suivez. Pour tout le
reste, écrivez à <a href="mailto:{CONTACT}">{CONTACT}</a> : nous répondons dans le délai d'un
mois.</p>
<p>Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à
la <a href="https://www.cnil.fr/fr/plaintes">Commission nationale de l'informatique et des
libertés (CNIL)</a>.</p>
"""

COOKIES = """
<p>Un cookie est un petit fichier déposé par un site dans votre navigateur. <strong>Bases
communes ne dépose que les cookies nécessaires à son fonctionnement</strong> : aucun cookie de
mesure d'audience, de publicité ou de réseau social. Ces cookies sont exemptés de consentement
(article 82 de la loi Informatique et Libertés) : c'est pourquoi le site ne vous demande rien.</p>

<h2>Les cookies du site</h2>
<ul>
<li><b>sessionid</b> : vous garder connecté d'une page à l'autre ; retenir les liens de partage
que vous avez ouverts et les messages de confirmation (« Brouillon enregistré »). Il ne contient
qu'un identifiant aléatoire. Durée : deux semaines, ou jusqu'à votre déconnexion.</li>
<li><b>csrftoken</b> : la sécurité des formulaires, vérifier qu'un formulaire envoyé vient bien
de ce site (protection contre la falsification de requêtes). Durée : un an.</li>
</ul>
<p>Dans l'espace contributeur (l'administration, /admin/), un troisième cookie,
« wagtail_sidebar_collapsed », retient seulement si vous avez replié le menu latéral.</p>
<p>Vos paramètres d'affichage (thème clair ou sombre) ne sont pas un cookie : votre navigateur
les garde pour lui (stockage local) et ne les envoie jamais au site.</p>

<h2>Les vidéos intégrées</h2>
<p>Certaines ressources intègrent une vidéo hébergée ailleurs (par exemple sur une plateforme
de vidéos). Le lecteur est fourni par ce site tiers, qui peut déposer ses propres cookies selon
sa politique : chaque vidéo est aussi proposée par un lien « Voir la vidéo » vers son site
d'origine, et souvent avec sa transcription.</p>

<h2>Les refuser</h2>
<p>Vous pouvez bloquer ou supprimer les cookies dans les réglages de votre navigateur. Sans
« sessionid » et « csrftoken », vous pourrez toujours lire et chercher, mais
pas vous connecter ni envoyer de formulaire.</p>
<p>Pour tout le reste, voir la page <a href="/donnees-personnelles/">Données
personnelles</a>.</p>
"""

ACCESSIBILITY = f"""
<p>L'Agence nationale de la cohésion des territoires (ANCT) s'engage à rendre ses sites
internet, intranet et extranet et ses progiciels accessibles, conformément à l'article 47 de la
loi n° 2005-102 du 11 février 2005. Schéma pluriannuel et plan d'action de l'année : {
    todo("liens vers le schéma pluriannuel de mise en accessibilité de l'ANCT et son plan annuel")
}.</p>
<p>Cette déclaration d'accessibilité s'applique à la plateforme Bases communes.</p>

<h2>État de conformité</h2>
<p>Bases communes est <strong>non conforme</strong> avec le référentiel général d'amélioration
de l'accessibilité (RGAA), version 4.1.2 : aucun audit de conformité complet n'a encore été
réalisé.</p>

<h2>Résultats des tests</h2>
<p>En l'absence d'audit, aucun taux de conformité ne peut être donné. Les vérifications faites
à ce jour sont les suivantes :</p>
<ul>
<li>des tests automatisés avec l'outil axe-core, sur 55 pages représentatives du site
(accueil, annuaire et pages des bases, ressources, collections, recherche, label NEC, pages du
compte, formulaires) : aucune violation relevée. Un outil automatique ne détecte qu'une partie
des défauts : ce résultat ne remplace pas un audit ;</li>
<li>des tests des parcours principaux dans un vrai navigateur (Chromium), au clavier et à la
souris : s'inscrire, se connecter, chercher, proposer une modification, enregistrer une
ressource, joindre une pièce à une demande de label.</li>
</ul>
<p>Le site utilise le Système de design de l'État (DSFR), conçu pour l'accessibilité.</p>

<h2>Contenus non accessibles</h2>
<h3>Non-conformités</h3>
<p>Elles ne sont pas encore connues faute d'audit. Défauts possibles, identifiés mais non
mesurés :</p>
<ul>
<li>les documents joints aux ressources par les membres (PDF, documents bureautiques) ne sont
pas tous accessibles ;</li>
<li>les vidéos intégrées n'ont pas toutes de sous-titres ni de transcription (un champ
« transcription » est proposé aux contributeurs) ;</li>
<li>la qualité des alternatives textuelles des images dépend de ce qu'en écrivent les
contributeurs.</li>
</ul>
<h3>Dérogations pour charge disproportionnée</h3>
<p>Aucune.</p>
<h3>Contenus non soumis à l'obligation d'accessibilité</h3>
<ul>
<li>Les contenus de tiers publiés par les membres qui ne sont ni financés, ni développés par
l'ANCT, ni sous son contrôle (documents, vidéos hébergées par d'autres sites) ;</li>
<li>les fichiers bureautiques publiés avant le 23 septembre 2018.</li>
</ul>

<h2>Établissement de cette déclaration</h2>
<p>Cette déclaration a été établie le 4 décembre 2026. Date de l'audit : {
    todo("date et auteur de l'audit RGAA, une fois réalisé")
}.</p>
<h3>Technologies utilisées</h3>
<ul><li>HTML5</li><li>CSS (Système de design de l'État)</li><li>JavaScript, WAI-ARIA</li></ul>
<h3>Environnement de test</h3>
<p>Navigateur Chromium, sous Linux, piloté par Selenium ; outil axe-core. Les lecteurs
d'écran (NVDA, JAWS, VoiceOver) n'ont pas encore été testés.</p>

<h2>Retour d'information et contact</h2>
<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez-nous pour être
orienté vers une alternative accessible ou obtenir le contenu sous une autre forme :
<a href="mailto:{CONTACT}">{CONTACT}</a> (précisez la page et la difficulté rencontrée).</p>

<h2>Voies de recours</h2>
<p>Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable du
site un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un des services de
la plateforme, et vous n'avez pas obtenu de réponse satisfaisante. Vous pouvez :</p>
<ul>
<li>écrire un message au Défenseur des droits, par le
<a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a> ;</li>
<li>contacter <a href="https://www.defenseurdesdroits.fr/saisir/delegues">le délégué du
Défenseur des droits dans votre région</a> ;</li>
<li>envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits,
Libre réponse 71120, 75342 Paris CEDEX 07.</li>
</ul>
"""

TERMS = """
<p>Bases communes est la plateforme ouverte où les professionnels de l'inclusion numérique
partagent et améliorent ensemble leurs ressources pédagogiques. Tout le monde peut lire et
chercher sans compte ; un compte gratuit permet de contribuer. En créant un compte, vous
acceptez les conditions ci-dessous.</p>

<h2>Vos engagements</h2>
<ul>
<li>Ne publier que des contenus que vous avez le droit de diffuser, sous la licence que vous
indiquez, en créditant leurs auteurs ;</li>
<li>respecter les autres membres : pas de propos injurieux, discriminatoires ou
publicitaires ;</li>
<li>ne pas publier de données personnelles de tiers (noms d'usagers, coordonnées, photos) sans
leur accord ;</li>
<li>garder votre mot de passe pour vous : vous êtes responsable de ce qui est publié depuis
votre compte.</li>
</ul>

<h2>Contribuer</h2>
<p>Selon le mode de la base, ses membres modifient ses ressources, toute personne inscrite les
modifie, ou propose des modifications que les administrateurs de la base acceptent ou refusent.
Chaque publication devient une version numérotée, inscrite au journal public de la ressource
avec votre nom : le journal n'oublie rien, et les administrateurs peuvent restaurer une version
antérieure.</p>

<h2>Modération</h2>
<p>Toute personne inscrite peut signaler une ressource. Les modérateurs de la plateforme
peuvent dépublier un contenu contraire à ces conditions ou à la loi, et en informent la base
concernée. En cas de manquements répétés, l'ANCT peut suspendre un compte.</p>

<h2>Vos données</h2>
<p>Votre nom, votre organisation, votre fonction et votre présentation figurent sur votre
profil public ; votre adresse e-mail n'y apparaît que si vous le choisissez. Vous pouvez
modifier votre profil à tout moment dans « Mon compte », et supprimer votre compte : vos données
personnelles sont alors effacées et vos contributions publiées restent, au nom de
« Contributeur supprimé » — sauf les crédits d'une ressource publiée sous une licence qui impose
de citer ses auteurs, qui restent tels que publiés. Le détail est sur la page
<a href="/donnees-personnelles/">Données personnelles</a>.</p>

<h2>Évolution du service</h2>
<p>Le service est fourni gratuitement et peut évoluer. Ces conditions peuvent être modifiées :
la date de mise à jour figure en haut de cette page.</p>
"""

SITE_PLAN_INTRO = (
    "<p>Toutes les rubriques du site et les bases publiques, avec leurs collections. Les "
    "ressources se trouvent dans leur base ou par la recherche.</p>"
)

# kind → (title, slug, body, search description)
PAGES = {
    "mentions": (
        "Mentions légales",
        "mentions-legales",
        MENTIONS,
        "Éditeur, hébergement, licence et responsabilité des contenus de Bases communes.",
    ),
    "donnees": (
        "Données personnelles",
        "donnees-personnelles",
        PERSONAL_DATA,
        "Ce que Bases communes enregistre, pourquoi, combien de temps, et vos droits.",
    ),
    "cookies": (
        "Gestion des cookies",
        "gestion-des-cookies",
        COOKIES,
        "Bases communes ne dépose que ses cookies de session et de sécurité des formulaires.",
    ),
    "accessibilite": (
        "Déclaration d'accessibilité",
        "accessibilite",
        ACCESSIBILITY,
        "Bases communes est non conforme au RGAA 4.1.2 : état, tests, contact et recours.",
    ),
    "conditions": (
        "Conditions d'utilisation",
        "conditions-d-utilisation",
        TERMS,
        "Les règles de la plateforme Bases communes : contribuer, modérer, vos données.",
    ),
}
SITE_PLAN = ("Plan du site", "plan-du-site", SITE_PLAN_INTRO, "Toutes les rubriques du site.")
