"""The demo data: organisations, people, bases, collections and the home page.

Built from the sector's documents (shared/domain/sources, brief §4): organisations, titles, dates,
figures and licences are the real ones. People are pseudonymised: every person's name and e-mail
address here is invented (addresses at demo.bases-communes.example); organisations keep their names.
The resources are in `resources.py`. Dates are "YYYY-MM-DD HH:MM", Europe/Paris.

Over 500 lines: data, not code.
"""

EMAIL_DOMAIN = "demo.bases-communes.example"

# slug, name, kind, territory (scope, region, department), website, logo (colour, initials), text
ORGANISATIONS = [
    {
        "slug": "anct",
        "name": "Agence nationale de la cohésion des territoires (ANCT)",
        "kind": "etablissement_public",
        "scope": "national",
        "website": "https://agence-cohesion-territoires.gouv.fr",
        "logo": ("bleu-france", "ANCT"),
        "description": (
            "Administration de l'État qui conseille et soutient les collectivités territoriales. "
            "Son programme Société Numérique porte la politique nationale d'inclusion numérique : "
            "France Numérique Ensemble, Conseiller numérique, Aidants Connect, Numérique en "
            "Commun[s], le Labo Société Numérique…"
        ),
    },
    {
        "slug": "la-mednum",
        "name": "La Mednum",
        "kind": "cooperative",
        "scope": "national",
        "website": "https://lamednum.coop",
        "logo": ("glycine", "LM"),
        "description": (
            "Coopérative nationale (SCIC) des acteurs de la médiation numérique, créée en 2017 pour "
            "former, outiller, fédérer et soutenir les structures qui œuvrent à l'inclusion "
            "numérique. Tête de réseau, elle développe des communs (Indice de Fragilité Numérique, "
            "Solidarité Numérique…) et publie l'Observatoire de l'inclusion numérique."
        ),
    },
    {
        "slug": "interhubs",
        "name": "InterHubs",
        "kind": "collectif",
        "scope": "national",
        "logo": ("ecume", "IH"),
        "description": (
            "L'alliance des 14 Hubs territoriaux pour un numérique inclusif : un espace d'échange "
            "de pratiques, de coopération et de création de ressources entre Hubs, pour les Hubs "
            "et leurs écosystèmes régionaux."
        ),
    },
    {
        "slug": "les-assembleurs",
        "name": "Les Assembleurs",
        "kind": "hub",
        "scope": "regional",
        "region": "32",
        "website": "https://assembleurs.co",
        "logo": ("archipel", "LA"),
        "description": (
            "Hub territorial pour un numérique inclusif des Hauts-de-France. Les Assembleurs ont "
            "rédigé le Glossaire des acteurs et dispositifs de l'inclusion numérique, un commun "
            "pédagogique mis en ligne sur les Bases."
        ),
    },
    {
        "slug": "hub-du-sud",
        "name": "Hub du Sud",
        "kind": "hub",
        "scope": "regional",
        "region": "93",
        "logo": ("tuile", "HdS"),
        "description": (
            "Hub territorial pour un numérique inclusif de Provence-Alpes-Côte d'Azur. Il anime le "
            "groupe régional multi-acteurs qui a créé le Kit élections."
        ),
    },
    {
        "slug": "hub-numi",
        "name": "Hub NUMI",
        "kind": "hub",
        "scope": "regional",
        "region": "28",
        "logo": ("cumulus", "NUMI"),
        "description": (
            "Hub territorial pour un numérique inclusif de Normandie, porté par le Réseau Grain. "
            "Ses suggestions sont à l'origine de la version 1.1 du Glossaire des acteurs."
        ),
    },
    {
        "slug": "reseau-grain",
        "name": "Réseau Grain",
        "kind": "collectif",
        "scope": "regional",
        "region": "28",
        "logo": ("opera", "RG"),
        "description": (
            "Structure régionale normande qui porte le Hub NUMI et lui apporte ses fonctions "
            "support et sa capacité de développement de projets."
        ),
    },
    {
        "slug": "hubest",
        "name": "HubEst",
        "kind": "hub",
        "scope": "regional",
        "region": "44",
        "logo": ("emeraude", "HE"),
        "description": "Hub territorial pour un numérique inclusif du Grand Est.",
    },
    {
        "slug": "hub-lo",
        "name": "Hub-Lo",
        "kind": "hub",
        "scope": "regional",
        "region": "24",
        "logo": ("macaron", "HL"),
        "description": (
            "Hub territorial pour un numérique inclusif du Centre-Val de Loire : réseau régional "
            "des médiateurs numériques et coordination régionale."
        ),
    },
    {
        "slug": "hinaura",
        "name": "Hinaura",
        "kind": "hub",
        "scope": "regional",
        "region": "84",
        "logo": ("bourgeon", "HI"),
        "description": (
            "Hub territorial pour un numérique inclusif d'Auvergne-Rhône-Alpes, qui mobilise des "
            "relais dans chacun des départements de la région."
        ),
    },
    {
        "slug": "gip-pix",
        "name": "GIP Pix",
        "kind": "gip",
        "scope": "national",
        "website": "https://pix.fr",
        "logo": ("cumulus", "Pix"),
        "description": (
            "Groupement d'intérêt public qui exploite la plateforme Pix : évaluer et certifier les "
            "compétences numériques de tous les publics. Il a conçu ABC Diag et ABC Pix avec l'ANCT."
        ),
    },
    {
        "slug": "banque-des-territoires",
        "name": "Banque des Territoires",
        "kind": "etablissement_public",
        "scope": "national",
        "website": "https://www.banquedesterritoires.fr",
        "logo": ("ecume", "BdT"),
        "description": (
            "Au sein du groupe Caisse des Dépôts, la Banque des Territoires propose des solutions "
            "de financement et d'accompagnement aux collectivités ; elle appuie l'ANCT pour "
            "déployer ses dispositifs d'inclusion numérique."
        ),
    },
    {
        "slug": "un-oeil-sur-tout",
        "name": "Un Oeil Sur Tout",
        "kind": "entreprise",
        "scope": "national",
        "logo": ("rouge-marianne", "UO"),
        "description": (
            "Studio de design, auteur des infographies et de la mise en page de l'Observatoire de "
            "l'inclusion numérique 2024 de La Mednum."
        ),
    },
    {
        "slug": "datactivist",
        "name": "Datactivist",
        "kind": "cooperative",
        "scope": "national",
        "logo": ("menthe", "DA"),
        "description": (
            "Coopérative spécialisée dans l'ouverture des données, qui a accompagné La Mednum dans "
            "la co-construction du schéma de données des lieux de médiation numérique."
        ),
    },
    {
        "slug": "les-interconnectes",
        "name": "Les Interconnectés",
        "kind": "association",
        "scope": "national",
        "logo": ("tournesol", "LI"),
        "description": (
            "Association d'élus et de collectivités engagés dans le numérique territorial. Son "
            "manifeste « Agir face à l'urgence de l'illectronisme » (février 2020) a inspiré "
            "l'expérimentation des Coordinations territoriales de l'inclusion numérique (CTIN)."
        ),
    },
    {
        "slug": "afnor",
        "name": "AFNOR",
        "kind": "association",
        "scope": "national",
        "website": "https://www.afnor.org",
        "logo": ("ecume", "AF"),
        "description": (
            "Organisme de normalisation qui a construit avec l'ANCT et Les Interconnectés le "
            "dispositif d'évaluation des CTIN : 7 axes stratégiques, 11 indicateurs."
        ),
    },
    {
        "slug": "credoc",
        "name": "CRÉDOC",
        "kind": "recherche",
        "scope": "national",
        "website": "https://www.credoc.fr",
        "logo": ("archipel", "CR"),
        "description": (
            "Centre de recherche pour l'étude et l'observation des conditions de vie. Son pôle "
            "Société réalise le Baromètre du numérique."
        ),
    },
    {
        "slug": "asdo-etudes",
        "name": "Asdo études",
        "kind": "recherche",
        "scope": "national",
        "logo": ("opera", "ASDO"),
        "description": (
            "Bureau d'études qui a conduit pour l'ANCT l'enquête nationale auprès des bénéficiaires "
            "de la médiation numérique (2024)."
        ),
    },
    {
        "slug": "coll-in",
        "name": "Coll-in",
        "kind": "collectif",
        "scope": "regional",
        "region": "76",
        "logo": ("terre-battue", "CI"),
        "description": (
            "Collectif occitan pour l'inclusion numérique, qui forme et accompagne les acteurs de "
            "terrain ; il porte le projet d'auto-réparation Court-circlic."
        ),
    },
    {
        "slug": "bordeaux-metropole",
        "name": "Bordeaux Métropole",
        "kind": "collectivite",
        "scope": "local",
        "department": "33",
        "website": "https://www.bordeaux-metropole.fr",
        "logo": ("cumulus", "BM"),
        "description": (
            "Métropole de Gironde. Elle porte la formation « Sésame » des acteurs sociaux et "
            "coordonne des conseillers numériques sur son territoire."
        ),
    },
    {
        "slug": "cias-val-aigo",
        "name": "CIAS Val'Aigo",
        "kind": "collectivite",
        "scope": "local",
        "department": "07",
        "logo": ("menthe", "VA"),
        "description": (
            "Centre intercommunal d'action sociale en Ardèche, employeur de conseillers numériques "
            "France Services."
        ),
    },
    {
        "slug": "departement-de-la-drome",
        "name": "Département de la Drôme",
        "kind": "collectivite",
        "scope": "departemental",
        "department": "26",
        "website": "https://www.ladrome.fr",
        "logo": ("emeraude", "26"),
        "description": (
            "Chef de file de la stratégie d'inclusion numérique de son territoire, accompagné dans "
            "le cadre de l'AMI « Outiller la médiation numérique » sur les modèles économiques de "
            "la médiation numérique."
        ),
    },
    {
        "slug": "departement-du-lot",
        "name": "Département du Lot",
        "kind": "collectivite",
        "scope": "departemental",
        "department": "46",
        "logo": ("macaron", "46"),
        "description": "Département d'Occitanie, employeur d'une coordination de conseillers numériques.",
    },
    {
        "slug": "metropole-de-lyon",
        "name": "Métropole de Lyon",
        "kind": "collectivite",
        "scope": "local",
        "department": "69",
        "website": "https://www.grandlyon.com",
        "logo": ("rouge-marianne", "ML"),
        "description": (
            "Collectivité à l'origine de Res'in, l'outil d'orientation qui réunit le réseau des "
            "professionnels de l'inclusion numérique de la métropole ; l'une des cinq CTIN."
        ),
    },
    {
        "slug": "compas",
        "name": "COMPAS",
        "kind": "recherche",
        "scope": "national",
        "website": "https://lecompas.fr",
        "logo": ("glycine", "CO"),
        "description": (
            "Bureau d'études spécialisé dans les politiques sociales locales : diagnostics locaux "
            "et groupes d'analyse partagée avec les collectivités."
        ),
    },
    {
        "slug": "insee",
        "name": "INSEE",
        "kind": "administration_centrale",
        "scope": "national",
        "website": "https://www.insee.fr",
        "logo": ("bleu-france", "INSEE"),
        "description": "Institut national de la statistique et des études économiques.",
    },
    {
        "slug": "terra-nova",
        "name": "Terra Nova",
        "kind": "recherche",
        "scope": "national",
        "website": "https://tnova.fr",
        "logo": ("rouge-marianne", "TN"),
        "description": "Groupe de réflexion qui a publié l'étude « Le capital numérique » (2023).",
    },
]

MEMBER_PASSWORD = "demo-membre-2026"

# Every person is fictional. `password` defaults to MEMBER_PASSWORD.
PEOPLE = [
    {
        "username": "admin",
        "first_name": "Équipe",
        "last_name": "plateforme",
        "email": f"admin@{EMAIL_DOMAIN}",
        "job_title": "Administration de la plateforme",
        "password": "demo-admin-2026",
        "is_superuser": True,
        "is_staff": True,
    },
    {
        "username": "sarah.hub",
        "first_name": "Sarah",
        "last_name": "Delmas",
        "organisation": "hub-du-sud",
        "job_title": "Chargée de mission ressources et outils",
        "password": "demo-hub-2026",
    },
    {
        "username": "medi.contrib",
        "first_name": "Mehdi",
        "last_name": "Garnier",
        "organisation": "cias-val-aigo",
        "job_title": "Conseiller numérique France Services",
        "password": "demo-mediateur-2026",
    },
    {
        "username": "claire.anct",
        "first_name": "Claire",
        "last_name": "Vasseur",
        "organisation": "anct",
        "job_title": "Cheffe de projet ressources, programme Société Numérique",
    },
    {
        "username": "hugo.labo",
        "first_name": "Hugo",
        "last_name": "Ferrand",
        "organisation": "anct",
        "job_title": "Chargé d'études, Labo Société Numérique",
    },
    {
        "username": "margaux.nec",
        "first_name": "Margaux",
        "last_name": "Lefort",
        "organisation": "anct",
        "job_title": "Chargée de mission Numérique en Commun[s]",
    },
    {
        "username": "julien.mednum",
        "first_name": "Julien",
        "last_name": "Peyrac",
        "organisation": "la-mednum",
        "job_title": "Chargé de ressources et de communs",
    },
    {
        "username": "elodie.assembleurs",
        "first_name": "Élodie",
        "last_name": "Carpentier",
        "organisation": "les-assembleurs",
        "job_title": "Chargée de projets",
    },
    {
        "username": "thomas.numi",
        "first_name": "Thomas",
        "last_name": "Lebrun",
        "organisation": "hub-numi",
        "job_title": "Chargé de mission ressources",
    },
    {
        "username": "nadia.interhubs",
        "first_name": "Nadia",
        "last_name": "Ferhat",
        "organisation": "hub-lo",
        "job_title": "Chargée d'animation du collectif InterHubs",
    },
    {
        "username": "manon.sud",
        "first_name": "Manon",
        "last_name": "Giraud",
        "organisation": "hub-du-sud",
        "job_title": "Chargée de projets territoriaux",
    },
    {
        "username": "lucas.coord",
        "first_name": "Lucas",
        "last_name": "Fabre",
        "organisation": "departement-du-lot",
        "job_title": "Conseiller numérique coordinateur",
    },
    {
        "username": "ines.cnfs",
        "first_name": "Inès",
        "last_name": "Moulin",
        "organisation": "bordeaux-metropole",
        "job_title": "Conseillère numérique",
    },
]

ADMIN, CONTRIBUTOR = "admin", "contributor"

# In the order of the directory. `members`: (username, role).
BASES = [
    {
        "slug": "conseiller-numerique",
        "title": "Conseiller Numérique",
        "organisation": "anct",
        "dedicated_to": "Conseillers numériques et leurs coordinateurs",
        "description": (
            "<p>La base dédiée aux conseillers numériques : elle prend le relai de l'ancienne "
            "rubrique ressources de l'Espace Coop et regroupe toutes les ressources produites par "
            "<b>l'équipe d'animation nationale et ses partenaires</b> – outils de diagnostic, "
            "fiches de mission, plan de formation, liste des coordinateurs.</p>"
        ),
        "contribution_mode": "curated",
        "is_certified": True,
        "contact_email": "societe.numerique@anct.gouv.fr",
        "website": "https://www.conseiller-numerique.gouv.fr",
        "colour": "bleu-france",
        "members": [
            ("claire.anct", ADMIN),
            ("julien.mednum", CONTRIBUTOR),
            ("lucas.coord", CONTRIBUTOR),
        ],
        "first_published": "2022-09-15 10:00",
        "last_published": "2025-10-06 14:30",
    },
    {
        "slug": "conseillers-numeriques-ressources-partagees",
        "title": "Conseillers numériques – ressources partagées",
        "organisation": "anct",
        "dedicated_to": "Conseillers numériques",
        "description": (
            "<p>La base <b>contributive</b> des conseillers numériques : chacun peut y publier et "
            "mettre en commun les ressources qu'il produit – fiches atelier, retours "
            "d'expérience, synthèses – et améliorer celles des autres.</p>"
        ),
        "contribution_mode": "open",
        "is_certified": True,
        "colour": "menthe",
        "members": [
            ("lucas.coord", ADMIN),
            ("claire.anct", ADMIN),
            ("medi.contrib", CONTRIBUTOR),
            ("ines.cnfs", CONTRIBUTOR),
        ],
        "first_published": "2022-09-15 10:30",
        "last_published": "2025-09-18 11:00",
    },
    {
        "slug": "societe-numerique",
        "title": "Société Numérique",
        "organisation": "anct",
        "dedicated_to": "Acteurs de l'inclusion numérique",
        "description": (
            "<p>La base du programme Société Numérique de l'ANCT : ses publications, ses outils "
            "(cartographie, Aidants Connect…) et de nombreuses initiatives locales inspirantes "
            "pour accompagner les usages numériques de la population.</p>"
        ),
        "contribution_mode": "curated",
        "is_certified": True,
        "contact_email": "societe.numerique@anct.gouv.fr",
        "website": "https://anct.gouv.fr/programmes-dispositifs/societe-numerique",
        "colour": "bleu-france",
        "members": [("claire.anct", ADMIN), ("hugo.labo", CONTRIBUTOR)],
        "first_published": "2022-06-01 09:00",
        "last_published": "2026-06-22 10:00",
    },
    {
        "slug": "france-numerique-ensemble",
        "title": "France Numérique Ensemble",
        "organisation": "anct",
        "dedicated_to": "Gouvernances locales FNE et collectivités",
        "description": (
            "<p>De nombreuses ressources utiles pour accompagner la territorialisation de la "
            "politique d'inclusion numérique et structurer une dynamique locale : gouvernances, "
            "feuilles de route, Coordinations territoriales de l'inclusion numérique (CTIN).</p>"
        ),
        "contribution_mode": "curated",
        "is_certified": True,
        "contact_email": "societe.numerique@anct.gouv.fr",
        "website": "https://inclusion-numerique.anct.gouv.fr",
        "colour": "ecume",
        "members": [("claire.anct", ADMIN), ("lucas.coord", CONTRIBUTOR)],
        "first_published": "2023-09-12 09:30",
        "last_published": "2025-03-04 16:00",
    },
    {
        "slug": "interhubs",
        "title": "InterHubs",
        "organisation": "interhubs",
        # The collective's base is its Hubs' too (those of the demo's organisations).
        "co_owners": ["les-assembleurs", "hub-du-sud", "hub-numi", "hubest", "hub-lo", "hinaura"],
        "dedicated_to": "Hubs territoriaux et acteurs de leurs écosystèmes",
        "description": (
            "<p>La base dédiée du collectif InterHubs, l'alliance des 14 Hubs territoriaux pour "
            "un numérique inclusif : le collectif y partage des ressources pour l'ensemble des "
            "acteurs de l'écosystème, et le répertoire pour contacter le Hub de votre région.</p>"
        ),
        "contribution_mode": "curated",
        "colour": "ecume",
        "members": [
            ("nadia.interhubs", ADMIN),
            ("sarah.hub", CONTRIBUTOR),
            ("thomas.numi", CONTRIBUTOR),
            ("elodie.assembleurs", CONTRIBUTOR),
        ],
        "first_published": "2024-03-19 10:00",
        "last_published": "2026-02-10 09:00",
    },
    {
        "slug": "ami-outiller-la-mediation-numerique",
        "title": "AMI « Outiller la médiation numérique »",
        "organisation": "anct",
        "dedicated_to": "Porteurs de dispositifs lauréats et territoires d'essaimage",
        "description": (
            "<p>Les dispositifs soutenus par l'appel à manifestation d'intérêt « Outiller la "
            "médiation numérique » (juin 2021 – juin 2022, 8,3 M€) et les trois mobiliers "
            "d'inclusion numérique conçus avec des designers et artisans français.</p>"
            "<p><i>Base de démonstration : les documents sources ne donnent ni le nom des 24 "
            "lauréats ni celui des trois mobiliers ; les noms employés ici sont fictifs et "
            "signalés comme tels.</i></p>"
        ),
        "contribution_mode": "curated",
        "is_certified": True,
        "colour": "menthe",
        "members": [("claire.anct", ADMIN)],
        "first_published": "2022-07-05 10:00",
        "last_published": "2024-11-12 15:00",
    },
    {
        "slug": "numerique-en-communs",
        "title": "Numérique en Commun[s]",
        "organisation": "anct",
        "dedicated_to": "Acteurs du numérique d'intérêt général",
        "description": (
            "<p>Numérique en Commun[s] (NEC), portée par l'ANCT et La Mednum, est la démarche qui "
            "permet de construire un numérique d'intérêt général : ouvert, inclusif, accessible, "
            "durable, souverain et éthique. Carnets, label NEC, NEC locaux : ses ressources sont "
            "en licence ouverte.</p>"
        ),
        "contribution_mode": "curated",
        "is_certified": True,
        "website": "https://numerique-en-communs.fr",
        "colour": "glycine",
        "members": [("margaux.nec", ADMIN), ("julien.mednum", CONTRIBUTOR)],
        "first_published": "2022-06-01 09:30",
        "last_published": "2026-03-02 11:00",
    },
    {
        "slug": "la-mednum",
        "title": "La Mednum",
        "organisation": "la-mednum",
        "dedicated_to": "Structures de la médiation numérique",
        "description": (
            "<p>Les publications et les communs de la coopérative nationale des acteurs de la "
            "médiation numérique : l'Observatoire de l'inclusion numérique et ses focus, le schéma "
            "de données des lieux de médiation numérique, l'Indice de Fragilité Numérique…</p>"
        ),
        "contribution_mode": "curated",
        "contact_email": "contact@lamednum.coop",
        "website": "https://lamednum.coop",
        "colour": "glycine",
        "members": [("julien.mednum", ADMIN)],
        "first_published": "2022-06-20 10:00",
        "last_published": "2025-01-15 10:00",
    },
    {
        "slug": "labo-societe-numerique",
        "title": "Labo Société Numérique",
        "organisation": "anct",
        "dedicated_to": "Décideurs, collectivités et professionnels",
        "description": (
            "<p>Un espace de documentation et de réflexion sur les enjeux sociétaux du numérique : "
            "rapports, études et analyses pour comprendre l'éloignement numérique et outiller les "
            "politiques publiques.</p>"
        ),
        "contribution_mode": "curated",
        "is_certified": True,
        "website": "https://labo.societenumerique.gouv.fr",
        "colour": "archipel",
        "members": [("hugo.labo", ADMIN), ("claire.anct", CONTRIBUTOR)],
        "first_published": "2022-06-01 10:00",
        "last_published": "2026-02-26 10:00",
    },
    {
        "slug": "les-assembleurs",
        "title": "Les Assembleurs",
        "organisation": "les-assembleurs",
        "dedicated_to": "Acteurs de l'inclusion numérique des Hauts-de-France",
        "description": (
            "<p>Les ressources du Hub territorial pour un numérique inclusif des Hauts-de-France, "
            "dont le Glossaire des acteurs et dispositifs de l'inclusion numérique.</p>"
        ),
        "contribution_mode": "curated",
        "scope": "regional",
        "region": "32",
        "website": "https://assembleurs.co",
        "colour": "archipel",
        "members": [("elodie.assembleurs", ADMIN)],
        "first_published": "2024-04-15 09:00",
        "last_published": "2024-09-24 10:00",
    },
    {
        "slug": "hub-du-sud",
        "title": "Hub du Sud",
        "organisation": "hub-du-sud",
        "dedicated_to": "Acteurs de l'inclusion numérique de Provence-Alpes-Côte d'Azur",
        "description": (
            "<p>Les ressources du Hub territorial pour un numérique inclusif de la région "
            "Provence-Alpes-Côte d'Azur, dont le <b>Kit élections</b> créé avec les acteurs "
            "de la région.</p>"
        ),
        "contribution_mode": "curated",
        "scope": "regional",
        "region": "93",
        "colour": "tuile",
        "members": [("sarah.hub", ADMIN), ("manon.sud", CONTRIBUTOR)],
        "first_published": "2024-05-13 10:00",
        "last_published": "2025-12-11 16:00",
    },
    {
        "slug": "hub-numi",
        "title": "Hub NUMI",
        "organisation": "hub-numi",
        "dedicated_to": "Acteurs de l'inclusion numérique de Normandie",
        "description": (
            "<p>Les ressources de référence sélectionnées par le Hub territorial pour un numérique "
            "inclusif de Normandie. Toute personne inscrite peut y <b>proposer des "
            "modifications</b>, que l'équipe du Hub relit avant publication.</p>"
        ),
        "contribution_mode": "suggestions",
        "scope": "regional",
        "region": "28",
        "colour": "cumulus",
        "members": [("thomas.numi", ADMIN)],
        "first_published": "2024-06-03 10:00",
        "last_published": "2025-02-17 10:00",
    },
    {
        "slug": "espace-de-travail-du-hub-du-sud",
        "title": "Espace de travail du Hub du Sud",
        "organisation": "hub-du-sud",
        "dedicated_to": "Équipe et partenaires du Hub du Sud",
        "description": (
            "<p>Base <b>privée</b> : l'espace de travail interne de l'équipe du Hub du Sud "
            "(comptes rendus, rétroplannings, documents en préparation). Elle n'est visible que "
            "de ses membres.</p>"
        ),
        "contribution_mode": "curated",
        "visibility": "private",
        "scope": "regional",
        "region": "93",
        "colour": "tuile",
        "members": [("sarah.hub", ADMIN), ("manon.sud", CONTRIBUTOR)],
        "first_published": "2025-10-01 09:00",
        "last_published": "2025-12-05 17:00",
    },
]

# Collections: a base owns each; items are "base-slug/resource-slug", from any base.
COLLECTIONS = [
    {
        "base": "hub-du-sud",
        "slug": "kit-elections-fiches-et-flyer",
        "title": "Kit élections",
        "description": (
            "Le kit créé en région PACA pour accompagner les citoyens pendant les élections "
            "municipales : la présentation du kit, ses fiches pratiques et le flyer récapitulatif."
        ),
        "author": "sarah.hub",
        "items": [
            ("hub-du-sud/kit-elections", "Présentation et objectifs du kit"),
            ("hub-du-sud/fiche-pratique-s-inscrire-sur-les-listes-electorales", ""),
            ("hub-du-sud/fiche-pratique-faire-une-procuration-en-ligne", ""),
            ("hub-du-sud/flyer-recapitulatif-du-kit-elections", "À imprimer et à afficher"),
        ],
        "image": {
            "kind": "cover",
            "key": "collection-kit-elections",
            "title": "Kit élections",
            "colour": "tuile",
        },
        "first_published": "2025-12-02 09:30",
        "last_published": "2025-12-11 16:00",
    },
    {
        "base": "interhubs",
        "slug": "pour-les-communes-agir-contre-les-inegalites-numeriques",
        "title": "Pour les communes : agir contre les inégalités numériques",
        "description": (
            "Une sélection pour les élus et les agents communaux, venue de plusieurs bases : "
            "comprendre les inégalités numériques, identifier les acteurs, rejoindre la "
            "gouvernance France Numérique Ensemble, outiller les agents."
        ),
        "author": "nadia.interhubs",
        "items": [
            ("interhubs/webinaire-agir-contre-les-inegalites-numeriques-dans-votre-commune", ""),
            (
                "interhubs/pack-agir-contre-les-inegalites-numeriques-sur-mon-territoire",
                "Les 5 mesures simples",
            ),
            (
                "la-mednum/collectivites-territoriales-et-inclusion-numerique-focus",
                "Évaluer la maturité de sa collectivité",
            ),
            (
                "france-numerique-ensemble/france-numerique-ensemble-genese-et-objectifs",
                "Rejoindre la gouvernance de son département",
            ),
            ("hub-du-sud/kit-elections", "Pour la période électorale"),
            ("interhubs/repertoire-de-l-interhubs", "Trouver le Hub de sa région"),
        ],
        "image": {
            "kind": "cover",
            "key": "collection-pour-les-communes",
            "title": "Pour les communes",
            "colour": "ecume",
        },
        "first_published": "2026-02-10 09:00",
        "last_published": "2026-02-10 09:00",
    },
    {
        "base": "la-mednum",
        "slug": "observatoire-de-l-inclusion-numerique",
        "title": "Observatoire de l'inclusion numérique",
        "description": (
            "La série des Observatoires de La Mednum – éditions 2022 et 2024, focus thématique – "
            "et les adaptations que la communauté en a tirées."
        ),
        "author": "julien.mednum",
        "items": [
            ("la-mednum/observatoire-de-l-inclusion-numerique-2024", "Deuxième édition"),
            ("la-mednum/observatoire-de-l-inclusion-numerique-2022", "Première édition"),
            (
                "la-mednum/collectivites-territoriales-et-inclusion-numerique-focus",
                "Focus thématique n°1",
            ),
            (
                "conseillers-numeriques-ressources-partagees/observatoire-2024-synthese-en-12-chiffres",
                "Adaptation (CC BY-SA 4.0)",
            ),
        ],
        "image": {
            "kind": "cover",
            "key": "collection-observatoire",
            "title": "Observatoire",
            "colour": "glycine",
        },
        "first_published": "2024-12-03 10:00",
        "last_published": "2025-03-21 10:00",
    },
    {
        "base": "france-numerique-ensemble",
        "slug": "kit-ctin",
        "title": "Kit des Coordinations territoriales de l'inclusion numérique (CTIN)",
        "description": (
            "Les quatre livrables de l'expérimentation des CTIN menée avec Les Interconnectés dans "
            "cinq territoires : gouvernance, charte, financements publics-privés, indicateurs."
        ),
        "author": "claire.anct",
        "items": [
            ("france-numerique-ensemble/ctin-proposition-de-gouvernance", ""),
            ("france-numerique-ensemble/ctin-charte-de-fonctionnement", ""),
            ("france-numerique-ensemble/ctin-gestion-de-financements-publics-prives", ""),
            ("france-numerique-ensemble/ctin-indicateurs-afnor", ""),
        ],
        "first_published": "2023-09-12 10:00",
        "last_published": "2023-09-12 10:00",
    },
    {
        "base": "labo-societe-numerique",
        "slug": "comprendre-l-eloignement-numerique",
        "title": "Comprendre l'éloignement numérique",
        "description": (
            "Définir, mesurer et comprendre l'éloignement numérique : la série « La société "
            "numérique française », le Baromètre du numérique et les études de référence."
        ),
        "author": "hugo.labo",
        "items": [
            ("labo-societe-numerique/la-societe-numerique-francaise-eloignement-numerique", ""),
            ("labo-societe-numerique/les-professionnels-de-la-mediation-numerique-au-defi", ""),
            ("labo-societe-numerique/comprendre-les-freins-psychosociaux", ""),
            ("labo-societe-numerique/barometre-du-numerique-edition-2026", ""),
            ("labo-societe-numerique/illectronisme-insee-2021", ""),
            ("labo-societe-numerique/le-capital-numerique", ""),
        ],
        "image": {
            "kind": "cover",
            "key": "collection-eloignement",
            "title": "Comprendre l'éloignement numérique",
            "colour": "archipel",
        },
        "first_published": "2026-02-26 10:00",
        "last_published": "2026-02-26 10:00",
    },
    {
        "base": "numerique-en-communs",
        "slug": "carnets-et-label-nec",
        "title": "Numérique en Commun[s] : carnets et label",
        "description": (
            "Les carnets qui documentent les éditions de NEC et ses événements locaux, et tout "
            "ce qu'il faut savoir pour demander le label NEC ou organiser un NEC local."
        ),
        "author": "margaux.nec",
        "items": [
            ("numerique-en-communs/carnet-nec-2021", ""),
            (
                "numerique-en-communs/comment-les-cnfs-accelerent-les-politiques-d-inclusion-numerique",
                "Extrait du carnet NEC 2021, p. 26",
            ),
            ("numerique-en-communs/carnets-des-nec-locaux", ""),
            ("numerique-en-communs/label-nec", ""),
            ("numerique-en-communs/organiser-un-nec-local", ""),
        ],
        "first_published": "2022-09-20 10:00",
        "last_published": "2026-03-02 11:00",
    },
    {
        "base": "ami-outiller-la-mediation-numerique",
        "slug": "les-trois-mobiliers-d-inclusion-numerique",
        "title": "Les trois mobiliers d'inclusion numérique",
        "description": (
            "Les trois modèles de mobilier conçus avec des designers et artisans français pour "
            "créer des espaces d'accueil de médiation numérique. Les noms « Le Comptoir », "
            "« L'Îlot » et « La Vigie » sont fictifs : les documents sources ne les nomment pas."
        ),
        "author": "claire.anct",
        "items": [
            ("ami-outiller-la-mediation-numerique/mobilier-le-comptoir", ""),
            ("ami-outiller-la-mediation-numerique/mobilier-l-ilot", ""),
            ("ami-outiller-la-mediation-numerique/mobilier-la-vigie", ""),
        ],
        "image": {
            "kind": "cover",
            "key": "collection-mobiliers",
            "title": "Mobiliers d'inclusion numérique",
            "colour": "menthe",
        },
        "first_published": "2022-07-05 11:00",
        "last_published": "2022-07-05 11:00",
    },
    {
        "base": "ami-outiller-la-mediation-numerique",
        "slug": "projets-laureats-selection-de-demonstration",
        "title": "Projets lauréats de l'AMI (sélection de démonstration)",
        "description": (
            "Trois exemples, un par famille de dispositifs de l'AMI : numérique, tangible ou "
            "itinérant, ingénierie. Les documents sources ne nomment pas les 24 lauréats : "
            "« Numéribus des vallées » et « Parcours Clic'Droits » sont des noms fictifs ; "
            "l'accompagnement de la Drôme est, lui, réel."
        ),
        "author": "claire.anct",
        "items": [
            (
                "ami-outiller-la-mediation-numerique/numeribus-des-vallees-laureat-fictif",
                "Dispositif itinérant (fictif)",
            ),
            (
                "ami-outiller-la-mediation-numerique/parcours-clic-droits-laureat-fictif",
                "Dispositif numérique (fictif)",
            ),
            (
                "ami-outiller-la-mediation-numerique/modeles-economiques-de-la-mediation-numerique-drome",
                "Ingénierie",
            ),
        ],
        "first_published": "2022-11-08 10:00",
        "last_published": "2024-11-12 15:00",
    },
    {
        "base": "espace-de-travail-du-hub-du-sud",
        "slug": "preparation-des-municipales-2026",
        "title": "Préparation des municipales 2026 (interne)",
        "description": (
            "Collection privée de l'équipe : le compte rendu du groupe de travail, le "
            "rétroplanning de diffusion et le kit publié."
        ),
        "author": "sarah.hub",
        "visibility": "private",
        "items": [
            ("espace-de-travail-du-hub-du-sud/compte-rendu-groupe-de-travail-kit-elections", ""),
            ("espace-de-travail-du-hub-du-sud/retroplanning-de-diffusion-du-kit-elections", ""),
            ("hub-du-sud/kit-elections", "Version publiée"),
        ],
        "first_published": "2025-12-05 17:00",
        "last_published": "2025-12-05 17:00",
    },
]

HOME_PAGE = {
    "featured_bases": [
        "conseiller-numerique",
        "hub-du-sud",
        "la-mednum",
        "interhubs",
        "les-assembleurs",
        "conseillers-numeriques-ressources-partagees",
    ],
    "featured_collections": [
        "interhubs/pour-les-communes-agir-contre-les-inegalites-numeriques",
        "hub-du-sud/kit-elections-fiches-et-flyer",
        "la-mednum/observatoire-de-l-inclusion-numerique",
    ],
}


# Contributions in flight, so that the review and following screens have something to show.
# `proposals`: a registered person suggests a change in a « suggestions » base.
PROPOSALS = [
    {
        "resource": "hub-numi/approche-compas-comprendre-les-besoins-des-publics",
        "proposer": "medi.contrib",
        "summary": (
            "Préciser dans le résumé que l'indice de rupture numérique se calcule à l'échelle "
            "du quartier (IRIS), comme l'explique le corps de la fiche."
        ),
        "summary_addition": (
            " L'indice se calcule à l'échelle de chaque quartier (IRIS) de la commune."
        ),
        "created": "2026-11-12 09:40",
    },
]
# (username, resource key): people who keep watch on a resource's new versions.
FOLLOWS = [
    (
        "medi.contrib",
        "les-assembleurs/glossaire-des-acteurs-et-dispositifs-de-l-inclusion-numerique",
    ),
    (
        "thomas.numi",
        "les-assembleurs/glossaire-des-acteurs-et-dispositifs-de-l-inclusion-numerique",
    ),
]
