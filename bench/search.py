#!/usr/bin/env python
"""Search benchmark: N resources of realistic French text, a fixed set of searches through the
real search page, p50/p95 per search.

    .venv/bin/python bench/search.py --resources 1000 10000 100000 --engine database

For each N, a throwaway database is made afresh (SQLite file under /tmp by default, or the
PostgreSQL database of DATABASE_URL — never the development database), migrated (the seeded
taxonomy and licences come with the migrations), filled with 50 bases (8 private) of 50
organisations, N resources and N/100 collections, indexed with the engine's `rebuild`, then every
search runs once to warm up and 30 times through GET /rechercher/ (django.test.Client, DEBUG
off). Printed: the request's p50 and p95, the engine's part as the search page logs it
(SearchLog.duration_ms, p50) and the engine's own `took_ms` on a direct call.

Resources are created in bulk (Page rows with their tree paths computed as treebeard does, then
the ResourcePage rows, taxonomy, tags and credits), because publishing 100,000 pages one by one
would take hours; bases are created and published the ordinary way. The text is generated from a
vocabulary of the sector with a fixed seed, so every run builds the same content.
"""

import argparse
import json
import math
import os
import platform
import random
import shutil
import statistics
import sys
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_SQLITE = "/tmp/bases_communes_bench.sqlite3"
RUNS = 30
SEED = 20240501
BASES = 50
PRIVATE_BASES = 8
CHUNK = 1000
PARIS = ZoneInfo("Europe/Paris")

# Vocabulary ---------------------------------------------------------------------------------

KINDS = [
    ("Fiche pratique", "fiche_pratique"),
    ("Atelier collectif", "atelier"),
    ("Guide", "guide"),
    ("Tutoriel", "tutoriel"),
    ("Kit d'animation", "kit"),
    ("Parcours", "parcours"),
    ("Retour d'expérience", "retour"),
    ("Mémo", "fiche_pratique"),
    ("Module de formation", "formation"),
    ("Quiz", "jeu"),
]
TOPICS = [
    "créer une adresse e-mail",
    "sécuriser ses mots de passe",
    "accompagner les démarches administratives en ligne",
    "déclarer ses revenus sur impots.gouv.fr",
    "ouvrir son compte Ameli",
    "prendre rendez-vous chez le médecin en ligne",
    "actualiser sa situation auprès de France Travail",
    "faire une demande de prime d'activité à la CAF",
    "repérer les arnaques et l'hameçonnage",
    "protéger ses données personnelles (RGPD)",
    "découvrir le smartphone",
    "utiliser la visioconférence en famille",
    "premiers pas sur l'ordinateur",
    "naviguer sur internet en sécurité",
    "comprendre l'intelligence artificielle générative",
    "animer un atelier d'éducation aux médias",
    "accueillir le public dans un espace France Services",
    "orienter vers un conseiller numérique",
    "réaliser un diagnostic de compétences numériques avec Pix",
    "distribuer des Pass numériques",
    "monter un tiers-lieu numérique",
    "ouvrir un espace public numérique (EPN)",
    "reconditionner du matériel informatique",
    "réduire l'empreinte environnementale du numérique",
    "utiliser FranceConnect",
    "accompagner les parents sur Pronote",
    "les réseaux sociaux et les adolescents",
    "rendre un site accessible (RGAA)",
    "écrire en FALC (facile à lire et à comprendre)",
    "mesurer l'impact d'une action de médiation numérique",
    "former les travailleurs sociaux au numérique",
    "le mandat Aidants Connect",
    "la fracture numérique en milieu rural",
    "coder avec Scratch",
    "les logiciels libres au quotidien",
    "gérer ses documents dans un coffre-fort numérique",
    "payer en ligne en toute sécurité",
    "chercher un emploi sur internet",
    "créer son CV en ligne",
    "la santé numérique et Mon espace santé",
]
PUBLICS = [
    "les seniors",
    "les jeunes en insertion",
    "les demandeurs d'emploi",
    "les allocataires du RSA",
    "les familles",
    "les personnes allophones",
    "les personnes en situation de handicap",
    "les habitants des quartiers prioritaires",
    "les agriculteurs",
    "les travailleurs indépendants",
    "les étudiants",
    "les personnes détenues",
]
ACTORS = [
    "les conseillers numériques",
    "les médiateurs numériques",
    "l'équipe de l'espace France Services",
    "les travailleurs sociaux du CCAS",
    "les bénévoles de l'association",
    "les aidants numériques",
    "les agents d'accueil de la CAF",
    "les animateurs du tiers-lieu",
    "les bibliothécaires de la médiathèque",
    "les formateurs du Hub territorial",
    "les coordinateurs de l'inclusion numérique",
    "les agents de la mairie",
]
VERBS = [
    "accompagnent",
    "forment",
    "orientent",
    "aident",
    "sensibilisent",
    "outillent",
    "reçoivent",
    "guident",
]
CONTEXTS = [
    "dans leurs démarches administratives en ligne",
    "pour créer une adresse e-mail et la sécuriser",
    "lors de la déclaration de revenus",
    "pour prendre rendez-vous en ligne",
    "pour actualiser leur dossier auprès de la CAF",
    "pour comprendre le RGPD et protéger leurs données",
    "dans l'usage quotidien du smartphone",
    "pour repérer les arnaques en ligne",
    "en atelier collectif d'une heure trente",
    "lors de permanences individuelles sans rendez-vous",
    "avec un Pass numérique",
    "grâce au mandat Aidants Connect",
    "dans un espace public numérique",
    "en itinérance dans les communes rurales",
    "avec des tablettes prêtées par la médiathèque",
    "en lien avec les partenaires de l'inclusion numérique",
]
EXTRAS = [
    "Durée : {n} heures, en groupe de {m} personnes au plus.",
    "Matériel nécessaire : un vidéoprojecteur, des tablettes et une connexion wifi.",
    "Objectifs pédagogiques : gagner en autonomie et en confiance face aux écrans.",
    "Prérequis : aucun, l'atelier s'adresse aux débutants.",
    "Cette ressource a été testée dans {n} structures du réseau.",
    "Les supports sont imprimables et modifiables librement.",
    "Une version en FALC est disponible en annexe.",
    "Le déroulé détaille chaque étape, avec des conseils d'animation.",
    "Des exercices pratiques permettent de vérifier les acquis.",
    "Retrouvez aussi le glossaire des termes techniques en fin de fiche.",
    "La médiation numérique repose sur l'écoute et la bienveillance.",
    "Pensez à rappeler les règles de confidentialité avant l'atelier.",
]
HEADINGS = [
    "Objectifs",
    "Déroulé de l'atelier",
    "Pour aller plus loin",
    "Points de vigilance",
    "Le contexte",
    "Les étapes",
    "Conseils d'animation",
    "Ressources complémentaires",
]
TAGS = [
    "atelier",
    "débutant",
    "smartphone",
    "e-mail",
    "sécurité",
    "mots de passe",
    "CAF",
    "Ameli",
    "impôts",
    "France Travail",
    "Pix",
    "seniors",
    "jeunes",
    "FALC",
    "accessibilité",
    "IA",
    "réseaux sociaux",
    "parentalité",
    "visio",
    "reconditionnement",
    "FranceConnect",
    "santé",
    "emploi",
    "tiers-lieux",
    "EPN",
]
CITIES = [
    ("Lille", "59"),
    ("Roubaix", "59"),
    ("Amiens", "80"),
    ("Rouen", "76"),
    ("Caen", "14"),
    ("Rennes", "35"),
    ("Brest", "29"),
    ("Nantes", "44"),
    ("Angers", "49"),
    ("Tours", "37"),
    ("Orléans", "45"),
    ("Dijon", "21"),
    ("Besançon", "25"),
    ("Strasbourg", "67"),
    ("Metz", "57"),
    ("Reims", "51"),
    ("Paris", "75"),
    ("Saint-Denis", "93"),
    ("Créteil", "94"),
    ("Lyon", "69"),
    ("Grenoble", "38"),
    ("Clermont-Ferrand", "63"),
    ("Limoges", "87"),
    ("Bordeaux", "33"),
    ("Pau", "64"),
    ("Toulouse", "31"),
    ("Montpellier", "34"),
    ("Nîmes", "30"),
    ("Marseille", "13"),
    ("Nice", "06"),
    ("Ajaccio", "2A"),
    ("Poitiers", "86"),
]
ORGANISATION_NAMES = [
    ("Hub numérique {city}", "hub"),
    ("Association Connexions solidaires {city}", "association"),
    ("Centre communal d'action sociale de {city}", "collectivite"),
    ("Médiathèque de {city}", "collectivite"),
    ("Coopérative des tiers-lieux {city}", "cooperative"),
    ("Réseau des médiateurs de {city}", "collectif"),
]
FIRST_NAMES = ["Camille", "Dominique", "Karim", "Léa", "Nadia", "Julien", "Sophie", "Yann"]
LAST_NAMES = ["Martin", "Bernard", "Haddad", "Le Gall", "Moreau", "Nguyen", "Rousseau", "Diallo"]
LICENCES = [
    ("CC-BY-SA-4.0", 30),
    ("CC-BY-4.0", 25),
    ("etalab-2.0", 15),
    ("CC-BY-NC-SA-4.0", 12),
    ("LicenseRef-tous-droits-reserves", 8),
    ("CC0-1.0", 5),
    ("CC-BY-ND-4.0", 5),
]
LANGUAGES = [("fr", 94), ("en", 2), ("ar", 1), ("uk", 1), ("fsl", 1), ("br", 1)]


def sentence(rng):
    return (
        f"{rng.choice(ACTORS).capitalize()} {rng.choice(VERBS)} {rng.choice(PUBLICS)} "
        f"{rng.choice(CONTEXTS)}."
    )


def extra(rng):
    return rng.choice(EXTRAS).format(n=rng.randint(2, 12), m=rng.randint(6, 12))


def paragraph(rng):
    parts = [sentence(rng) for _ in range(rng.randint(1, 3))]
    parts += [extra(rng) for _ in range(rng.randint(1, 2))]
    rng.shuffle(parts)
    return " ".join(parts)


def weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


# Django -------------------------------------------------------------------------------------


def setup_django(database_url, engine):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    if engine == "database":
        os.environ["ELASTICSEARCH_URL"] = ""
    elif not os.environ.get("ELASTICSEARCH_URL"):
        sys.exit("--engine elasticsearch : définissez ELASTICSEARCH_URL.")
    os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
    import django

    django.setup()
    from django.test.utils import override_settings

    override_settings(DEBUG=False, ALLOWED_HOSTS=["*"]).enable()


def reset_database(database_url):
    """An empty, migrated database (a migrated SQLite template is kept and copied)."""
    from django.core.management import call_command
    from django.db import connections

    connections.close_all()
    if database_url.startswith("sqlite"):
        path = Path(urlsplit(database_url).path)
        template = path.with_suffix(".template")
        migrations = max(p.stat().st_mtime for p in ROOT.glob("*/migrations/*.py"))
        for leftover in (path, Path(f"{path}-journal"), Path(f"{path}-wal")):
            leftover.unlink(missing_ok=True)
        if template.exists() and template.stat().st_mtime > migrations:
            shutil.copyfile(template, path)
            return
        call_command("migrate", verbosity=0)
        connections.close_all()
        shutil.copyfile(path, template)
        return
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        sys.exit(
            f"Base de données « {name} » : son nom doit contenir « bench » (elle est effacée)."
        )
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)


# Content ------------------------------------------------------------------------------------


def create_bases(rng):
    """50 organisations and their bases, created and published the ordinary way."""
    from accounts.models import User
    from base.models import BaseMembership, BasePage, BasesIndexPage, Role
    from organisations.models import Organisation
    from organisations.territories import region_of_department

    index = BasesIndexPage.objects.get()
    admin = User.objects.create_superuser("bench-admin", "admin@bench.example", "bench")
    member = User.objects.create_user("bench-membre", "membre@bench.example", "bench")
    bases = []
    for number in range(BASES):
        city, department = CITIES[number % len(CITIES)]
        template, kind = ORGANISATION_NAMES[number % len(ORGANISATION_NAMES)]
        name = template.format(city=city)
        organisation = Organisation.objects.create(name=name, kind=kind)
        private = number % 6 == 3  # 8 private bases out of 50
        base = BasePage(
            title=f"Base {name}",
            slug=f"base-{number + 1}",
            organisation=organisation,
            dedicated_to=rng.choice(ACTORS),
            description=f"<p>{paragraph(rng)}</p>",
            visibility="private" if private else "public",
            scope="departemental",
            department_code=department,
            region_code=region_of_department(department),
            owner=admin,
        )
        index.add_child(instance=base)
        base.save_revision(user=admin).publish(user=admin)
        bases.append(BasePage.objects.get(pk=base.pk))
    private_bases = [base for base in bases if base.visibility == "private"]
    BaseMembership.objects.create(base=private_bases[0], user=member, role=Role.CONTRIBUTOR)
    return bases, member, private_bases


def published_dates(rng):
    start = datetime(2019, 1, 1, tzinfo=PARIS)
    first = start + timedelta(seconds=rng.randint(0, 6 * 365 * 86400))
    last = min(first + timedelta(days=rng.randint(0, 500)), datetime(2025, 11, 1, tzinfo=PARIS))
    return first, last


def create_resources(rng, bases, count, progress):
    """`count` resources spread over the bases (a few big ones, many small), in bulk."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from taggit.models import Tag
    from wagtail.models import Page

    from organisations.models import Organisation
    from organisations.territories import region_of_department
    from ressources.models import Licence, ResourceCredit, ResourcePage, ResourceTag, Term

    content_type = ContentType.objects.get_for_model(ResourcePage)
    terms = {
        vocabulary: list(Term.objects.filter(vocabulary=vocabulary, active=True))
        for vocabulary in ("theme", "resource_type", "beneficiary", "professional_sector")
    }
    licences = {licence.spdx_id: licence.pk for licence in Licence.objects.all()}
    organisations = list(Organisation.objects.values_list("pk", flat=True))
    tags = {name: Tag.objects.get_or_create(name=name)[0].pk for name in TAGS}
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(bases))]
    per_base = {base.pk: 0 for base in bases}
    child_fields = ResourcePage._meta.local_concrete_fields
    through = {
        relation: getattr(ResourcePage, relation).through
        for relation in ("themes", "resource_types", "beneficiaries", "professional_sectors")
    }
    vocabulary_of = {
        "themes": "theme",
        "resource_types": "resource_type",
        "beneficiaries": "beneficiary",
        "professional_sectors": "professional_sector",
    }
    how_many = {
        "themes": (1, 3),
        "resource_types": (1, 2),
        "beneficiaries": (0, 2),
        "professional_sectors": (0, 2),
    }
    done = 0
    while done < count:
        size = min(CHUNK, count - done)
        pages, relations, tagged, credits = [], [], [], []
        for _ in range(size):
            done += 1
            base = rng.choices(bases, weights)[0]
            per_base[base.pk] += 1
            kind, _type = rng.choice(KINDS)
            topic = rng.choice(TOPICS)
            title = f"{kind} : {topic}"
            if rng.random() < 0.5:
                title += f" pour {rng.choice(PUBLICS)}"
            title = title[:250]
            first, last = published_dates(rng)
            city, department = rng.choice(CITIES)
            own_territory = rng.random() < 0.3
            body = []
            for _block in range(rng.randint(2, 5)):
                if rng.random() < 0.4:
                    body.append(
                        {
                            "type": "heading",
                            "value": {"text": rng.choice(HEADINGS), "level": "h2"},
                            "id": str(uuid.UUID(int=rng.getrandbits(128))),
                        }
                    )
                body.append(
                    {
                        "type": "paragraph",
                        "value": f"<p>{paragraph(rng)}</p>",
                        "id": str(uuid.UUID(int=rng.getrandbits(128))),
                    }
                )
            slug = f"ressource-{done}"
            page = ResourcePage(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                path=ResourcePage._get_path(base.path, base.depth + 1, per_base[base.pk]),
                depth=base.depth + 1,
                numchild=0,
                url_path=f"{base.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=first,
                last_published_at=last,
                latest_revision_created_at=last,
                locale_id=base.locale_id,
                summary=f"{sentence(rng)} {extra(rng)}"[:560],
                body=json.dumps(body),
                licence_id=licences[weighted(rng, LICENCES)],
                language=weighted(rng, LANGUAGES),
                scope="departemental" if own_territory else "national",
                department_code=department if own_territory else "",
                region_code=region_of_department(department) if own_territory else "",
                original_publication_date=(
                    first.date() - timedelta(days=rng.randint(0, 700))
                    if rng.random() < 0.4
                    else None
                ),
                producer_id=rng.choice(organisations) if rng.random() < 0.3 else None,
            )
            page._bench = {
                relation: rng.sample(
                    terms[vocabulary_of[relation]], rng.randint(*how_many[relation])
                )
                for relation in through
            }
            page._bench["tags"] = rng.sample(TAGS, rng.randint(0, 4))
            page._bench["credits"] = [
                f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                for _credit in range(rng.randint(1, 2))
            ]
            pages.append(page)
        with transaction.atomic():
            Page.objects.bulk_create(pages)  # the Page rows (ids come back)
            for page in pages:
                page.page_ptr_id = page.id
            ResourcePage._base_manager._insert(pages, fields=child_fields)
            for page in pages:
                for relation, model in through.items():
                    relations.append(
                        (
                            model,
                            [
                                model(resourcepage_id=page.pk, term_id=t.pk)
                                for t in page._bench[relation]
                            ],
                        )
                    )
                tagged += [
                    ResourceTag(content_object_id=page.pk, tag_id=tags[name])
                    for name in page._bench["tags"]
                ]
                credits += [
                    ResourceCredit(
                        resource_id=page.pk,
                        sort_order=order,
                        kind="person",
                        name=name,
                        role="redaction",
                    )
                    for order, name in enumerate(page._bench["credits"])
                ]
            by_model = {}
            for model, rows in relations:
                by_model.setdefault(model, []).extend(rows)
            for model, rows in by_model.items():
                model.objects.bulk_create(rows, batch_size=2000)
            ResourceTag.objects.bulk_create(tagged, batch_size=2000)
            ResourceCredit.objects.bulk_create(credits, batch_size=2000)
        progress(done)
    for base in bases:
        Page.objects.filter(pk=base.pk).update(numchild=per_base[base.pk])
        base.numchild = per_base[base.pk]
    return per_base


def create_collections(rng, bases, count):
    """`count` collections of 4 to 10 resources of their base, in bulk (10 % private)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from wagtail.models import Page

    from ressources.models import CollectionItem, ResourceCollectionPage, ResourcePage

    content_type = ContentType.objects.get_for_model(ResourceCollectionPage)
    child_fields = ResourceCollectionPage._meta.local_concrete_fields
    candidates = [base for base in bases if base.numchild >= 10]
    pages, items = [], []
    for number in range(count):
        base = rng.choice(candidates)
        base.numchild += 1
        topic = rng.choice(TOPICS)
        title = f"Parcours : {topic}" if rng.random() < 0.5 else f"Sélection « {topic} »"
        first, last = published_dates(rng)
        slug = f"collection-{number + 1}"
        page = ResourceCollectionPage(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            path=ResourceCollectionPage._get_path(base.path, base.depth + 1, base.numchild),
            depth=base.depth + 1,
            numchild=0,
            url_path=f"{base.url_path}{slug}/",
            live=True,
            has_unpublished_changes=False,
            first_published_at=first,
            last_published_at=last,
            latest_revision_created_at=last,
            locale_id=base.locale_id,
            description=paragraph(rng)[:1000],
            visibility="private" if rng.random() < 0.1 else "public",
        )
        page._bench_base = base
        pages.append(page)
    with transaction.atomic():
        Page.objects.bulk_create(pages)
        for page in pages:
            page.page_ptr_id = page.id
        ResourceCollectionPage._base_manager._insert(pages, fields=child_fields)
        for page in pages:
            base = page._bench_base
            resources = list(
                ResourcePage.objects.filter(path__startswith=base.path, depth=base.depth + 1)
                .order_by("?")
                .values_list("pk", flat=True)[: rng.randint(4, 10)]
            )
            items += [
                CollectionItem(collection_id=page.pk, resource_id=pk, sort_order=order)
                for order, pk in enumerate(resources)
            ]
        CollectionItem.objects.bulk_create(items, batch_size=2000)
        for base in bases:
            Page.objects.filter(pk=base.pk).update(numchild=base.numchild)


# Searches -----------------------------------------------------------------------------------


def searches(private_base):
    """(label, GET parameters, as the member?) — the fixed set of searches."""
    return [
        ("un mot", {"q": "médiation"}, False),
        ("deux mots", {"q": "démarches administratives"}, False),
        ("expression exacte", {"q": '"conseiller numérique"'}, False),
        ("exclusion", {"q": "accompagnement -CAF"}, False),
        ("synonyme (CnFS)", {"q": "CnFS"}, False),
        (
            "mot + thématique",
            {"q": "atelier", "thematique": "aides_aux_demarches_administratives"},
            False,
        ),
        (
            "mot + type + licences ouvertes",
            {"q": "smartphone", "type": "fiche_pratique", "ouvertes": "1"},
            False,
        ),
        ("tri par date", {"q": "inclusion numérique", "tri": "recentes"}, False),
        (
            "sans texte, 2 filtres",
            {"thematique": "acces_aux_droits", "type": "fiche_pratique"},
            False,
        ),
        ("page 5", {"q": "numérique", "page": "5"}, False),
        ("membre d'une base privée", {"q": "tiers-lieux"}, True),
        ("onglet bases", {"q": "France Services", "onglet": "bases"}, False),
        ("onglet collections", {"q": "parcours", "onglet": "collections"}, False),
        ("aucun résultat", {"q": "xylophagie"}, False),
    ]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]


def measure(member, private_base, runs):
    from django.http import QueryDict
    from django.test import Client

    from search import engines
    from search.forms import parse_request, visible_base_ids
    from search.models import SearchLog

    anonymous, logged_in = Client(), Client()
    logged_in.force_login(member)
    rows = []
    for label, params, as_member in searches(private_base):
        client = logged_in if as_member else anonymous
        url = "/rechercher/?" + urlencode(params)
        started = time.perf_counter()
        response = client.get(url)  # warm-up
        warm_up = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{url} : HTTP {response.status_code}")
        times, logged = [], []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            logged.append(
                SearchLog.objects.order_by("-pk").values_list("duration_ms", flat=True)[0]
            )
        query = parse_request(
            QueryDict(urlencode(params)), visible_base_ids(member if as_member else None)
        ).query
        results = engines.search(query)
        rows.append(
            {
                "label": label,
                "total": results.total,
                "p50": statistics.median(times),
                "p95": percentile(times, 0.95),
                "view_engine_p50": statistics.median(logged),
                "took_ms": results.took_ms,
                "warm_up": warm_up,
            }
        )
    return rows


def incremental_update(engine, count=10):
    """Milliseconds to send one page to the index (search.lifecycle.send: its document built
    from the live rows, then written), for `count` resources."""
    from ressources.models import ResourcePage
    from search import lifecycle

    ids = list(ResourcePage.objects.order_by("?").values_list("pk", flat=True)[:count])
    times = []
    for pk in ids:
        started = time.perf_counter()
        lifecycle.send(engine, [pk])
        times.append((time.perf_counter() - started) * 1000)
    return times


# Main ---------------------------------------------------------------------------------------


class Progress:
    def __init__(self, total, label):
        from search.management.commands.search_index import ProgressBar

        self.bar = ProgressBar(_Out(), total, label, tty=sys.stdout.isatty())

    def __call__(self, done):
        self.bar(done)

    def finish(self, done=None):
        self.bar.finish(done)


class _Out:
    def write(self, text, ending="\n"):
        sys.stdout.write(text + ending)

    def flush(self):
        sys.stdout.flush()


def database_description(database_url):
    from django.db import connection

    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version} ({urlsplit(database_url).path})"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def create_corpus(rng, count):
    """The bench's content on an empty migrated database: the bases, `count` resources and
    count/100 collections (at least 3). Returns (bases, member, private_bases)."""
    bases, member, private_bases = create_bases(rng)
    bar = Progress(count, "création")
    create_resources(rng, bases, count, bar)
    bar.finish()
    create_collections(rng, bases, max(count // 100, 3))
    return bases, member, private_bases


def run_size(count, args):
    from search import engines, lifecycle

    rng = random.Random(SEED + count)
    print(f"\n=== {count} ressources ===", flush=True)
    started = time.monotonic()
    reset_database(args.database_url)
    migrated = time.monotonic() - started

    started = time.monotonic()
    _bases, member, private_bases = create_corpus(rng, count)
    collections = max(count // 100, 3)
    created = time.monotonic() - started

    engine = engines.get_engine()
    total = lifecycle.count_searchable()
    bar = Progress(total, "indexation")
    started, cpu = time.monotonic(), time.process_time()
    engine.rebuild(lifecycle.iter_documents(), total, bar)
    bar.finish(total)
    indexed, indexed_cpu = time.monotonic() - started, time.process_time() - cpu

    update_ms = incremental_update(engine)
    rows = measure(member, private_bases[0], args.runs)
    print(
        f"\nBase : {database_description(args.database_url)} — moteur : {engine.name} — "
        f"{os.cpu_count()} processeur(s), {platform.machine()}, Python {platform.python_version()}"
    )
    print(
        f"{count} ressources, {collections} collections, {BASES} bases ({PRIVATE_BASES} privées) ; "
        f"migration {migrated:.1f} s, création {created:.1f} s, indexation ({total} documents) "
        f"{indexed:.1f} s ({total / indexed:.0f} documents/s ; temps processeur de ce processus "
        f"{indexed_cpu:.1f} s, soit {total / indexed_cpu:.0f} documents/s)"
    )
    print(
        f"Mise à jour d'une page dans l'index (ce que fait la tâche après une publication) : "
        f"médiane {statistics.median(update_ms):.0f} ms, max {max(update_ms):.0f} ms"
    )
    header = f"{'recherche':34} {'résultats':>9} {'p50 ms':>8} {'p95 ms':>8} {'moteur p50':>10} {'took_ms':>8}"
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['label']:34} {row['total']:>9} {row['p50']:>8.1f} {row['p95']:>8.1f} "
            f"{row['view_engine_p50']:>10.1f} {row['took_ms']:>8.1f}"
        )
    print(
        f"Première requête après l'indexation (chargement de l'index) : {rows[0]['warm_up']:.0f} ms"
    )
    worst = max(row["p95"] for row in rows)
    print(f"p95 le plus lent : {worst:.1f} ms", flush=True)
    return rows


def default_database_url():
    """BENCH_DATABASE_URL, or DATABASE_URL when it names a bench database, or SQLite in /tmp."""
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    if "bench" in os.environ.get("DATABASE_URL", ""):
        return os.environ["DATABASE_URL"]
    return f"sqlite:///{DEFAULT_SQLITE}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--resources", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--engine", choices=("database", "elasticsearch"), default="database")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument(
        "--database-url",
        default=default_database_url(),
        help="Base jetable : SQLite sous /tmp (défaut) ou postgres://…/bases_communes_bench",
    )
    args = parser.parse_args()
    setup_django(args.database_url, args.engine)
    for count in args.resources:
        run_size(count, args)


if __name__ == "__main__":
    main()
