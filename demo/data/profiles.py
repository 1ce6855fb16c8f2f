"""Public profiles of the demo people (fictional): department and a short presentation.

Loaded by `load_demo` (step « Profil ») after the people; a field already filled is never
overwritten, so a profile edited on the site keeps its edits when the demo is reloaded.
"""

# username: {field: value}
PROFILES = {
    "admin": {
        "bio": "L'équipe qui fait vivre Bases communes : certification des bases, modération, "
        "accompagnement des administrateurs.",
    },
    "sarah.hub": {
        "department_code": "13",
        "show_email": True,
        "bio": "J'anime les bases du Hub du Sud et la communauté des médiateurs de la région : "
        "repérage des ressources, ateliers de prise en main, veille sur les dispositifs.",
    },
    "medi.contrib": {
        "department_code": "07",
        "bio": "Conseiller numérique en France Services : ateliers e-administration, "
        "accompagnement individuel, fiches pratiques testées avec les usagers.",
    },
    "claire.anct": {
        "department_code": "75",
        "bio": "Je coordonne les ressources du programme Société Numérique et leur mise à "
        "disposition sous licence ouverte.",
    },
    "hugo.labo": {
        "department_code": "75",
        "bio": "Études et évaluation au Labo Société Numérique : baromètres, observatoires, "
        "mesure d'impact de la médiation numérique.",
    },
    "margaux.nec": {
        "department_code": "75",
        "bio": "Numérique en Commun[s] : rencontres nationales et territoriales, label NEC.",
    },
    "julien.mednum": {
        "department_code": "44",
        "bio": "Communs et ressources partagées à La Mednum, coopérative des acteurs de la "
        "médiation numérique.",
    },
    "elodie.assembleurs": {
        "department_code": "59",
        "bio": "Projets territoriaux d'inclusion numérique dans les Hauts-de-France.",
    },
    "thomas.numi": {
        "department_code": "14",
        "bio": "Je relis les propositions faites aux bases du Hub NUMI et accompagne les "
        "structures normandes dans leurs contributions.",
    },
    "nadia.interhubs": {
        "department_code": "45",
        "bio": "Animation du collectif InterHubs : échanges de pratiques entre les Hubs "
        "territoriaux pour un numérique inclusif.",
    },
    "manon.sud": {
        "department_code": "84",
        "bio": "Projets territoriaux du Hub du Sud, en lien avec les collectivités du Vaucluse.",
    },
    "lucas.coord": {
        "department_code": "46",
        "bio": "Coordinateur des conseillers numériques du Lot : formation, outillage, "
        "partage des ressources entre pairs.",
    },
    "ines.cnfs": {
        "department_code": "33",
        "bio": "Conseillère numérique à Bordeaux Métropole : ateliers collectifs et "
        "permanences en médiathèque.",
    },
}
