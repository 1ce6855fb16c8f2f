"""One row per resource: what the exports (a base, a collection, a search) and the open-data
dump say about it, described once.

`COLUMNS` is the single description of a row: its name (the key in JSON, the header of the
open-data CSV, the field of `datapackage.json`), its French title (the header of the site's CSV),
its type and what it means. `records()` builds the rows in a fixed number of queries per batch;
`csv_row()` and the two writers turn them into CSV (lists joined by « | ») or JSON (lists kept).
The caller says which resources: visibility is decided before, never here.
"""

import csv
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from wagtail.models import Site

from base.models import BasePage
from base.visibility import BASE_PATH_LENGTH
from ressources.models import ResourceCredit, ResourceVersion

# Several values in one CSV cell (themes, tags, credits…) are separated by this.
LIST_SEPARATOR = " | "
# A cell a spreadsheet would read as a formula gets a leading « ' » (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BATCH_SIZE = 500


@dataclass(frozen=True)
class Column:
    name: str
    title: str
    type: str  # a Table Schema type: string, integer, date, datetime
    description: str
    many: bool = False  # a list: a JSON array, one CSV cell joined by LIST_SEPARATOR
    format: str = ""
    pattern: str = ""
    required: bool = False


COLUMNS = [
    Column("identifiant", "Identifiant", "integer", "Identifiant de la ressource sur Bases communes ; il ne change jamais.", required=True),
    Column("titre", "Titre", "string", "Titre de la ressource.", required=True),
    Column("resume", "Résumé", "string", "Résumé de la ressource (560 caractères au plus)."),
    Column("url", "Adresse", "string", "Adresse de la ressource sur Bases communes.", format="uri", required=True),
    Column("base", "Base", "string", "Nom de la base qui publie la ressource.", required=True),
    Column("base_url", "Adresse de la base", "string", "Adresse de la base sur Bases communes.", format="uri"),
    Column("organisation", "Organisation", "string", "Organisation propriétaire de la base."),
    Column("siret", "SIRET de l'organisation", "string", "SIRET de l'organisation propriétaire de la base (14 chiffres), s'il est connu.", pattern=r"\d{14}"),
    Column("thematiques", "Thématiques", "string", "Thématiques de la taxonomie commune.", many=True),
    Column("types", "Types de ressource", "string", "Types de ressource de la taxonomie commune.", many=True),
    Column("beneficiaires", "Bénéficiaires", "string", "Publics bénéficiaires de la taxonomie commune.", many=True),
    Column("secteurs_professionnels", "Secteurs professionnels", "string", "Secteurs professionnels de la taxonomie commune.", many=True),
    Column("mots_cles", "Mots-clés", "string", "Mots-clés libres.", many=True),
    Column("licence", "Licence (identifiant SPDX)", "string", "Identifiant SPDX de la licence de la ressource (par exemple « CC-BY-SA-4.0 », « etalab-2.0 »)."),
    Column("licence_nom", "Licence", "string", "Nom de la licence de la ressource."),
    Column("licence_url", "Texte de la licence", "string", "Adresse du texte de la licence.", format="uri"),
    Column("credits", "Crédits", "string", "Auteurs et contributeurs avec leur rôle, « Nom (Rôle) ».", many=True),
    Column("attribution", "Mention d'attribution", "string", "La ligne à citer pour réutiliser la ressource : titre, crédits, base, licence, adresse."),
    Column("langue", "Langue", "string", "Langue de la ressource (code ISO 639)."),
    Column("date_publication", "Date de publication", "datetime", "Première publication sur Bases communes (ISO 8601, UTC)."),
    Column("date_mise_a_jour", "Date de mise à jour", "datetime", "Dernière publication sur Bases communes (ISO 8601, UTC)."),
    Column("date_publication_origine", "Date de publication d'origine", "date", "Première publication de la ressource, ici ou ailleurs."),
    Column("version", "Version", "string", "Numéro de la version en ligne (journal des versions), par exemple « 1.1 ».", pattern=r"\d+\.\d+"),
]  # fmt: skip
COLUMN_NAMES = [column.name for column in COLUMNS]


def absolute_urls(request=None):
    """page → its absolute address: the address the request came on, or BASE_URL (the dump).

    Computed from the Site root paths read once, not page by page."""
    root_paths = Site.get_site_root_paths()
    prefix = request.build_absolute_uri("/").rstrip("/") if request else settings.BASE_URL

    def url_of(page):
        for root in root_paths:
            if page.url_path.startswith(root.root_path):
                return f"{prefix}/{page.url_path[len(root.root_path) :]}"
        return page.full_url or ""

    return url_of


def _siret(organisation):
    digits = re.sub(r"\s", "", organisation.siret) if organisation else ""
    return digits if re.fullmatch(r"\d{14}", digits) else None


def _iso(value):
    """A date as 2024-04-17, a moment as 2024-04-17T08:30:00Z (UTC, to the second)."""
    if not value:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def _labels(terms):
    return [term.label for term in terms]


def _versions(pages):
    """page id → « major.minor » of its latest version, in one query."""
    latest = {}
    rows = ResourceVersion.objects.filter(resource_id__in=[page.pk for page in pages])
    for resource_id, major, minor in rows.values_list("resource_id", "major", "minor"):
        if (major, minor) > latest.get(resource_id, (-1, -1)):
            latest[resource_id] = (major, minor)
    return {pk: f"{major}.{minor}" for pk, (major, minor) in latest.items()}


def _bases(pages):
    paths = {page.path[:BASE_PATH_LENGTH] for page in pages}
    bases = BasePage.objects.filter(path__in=paths).select_related("organisation")
    return {base.path: base for base in bases}


def record(page, base, version, url_of):
    """The row of one resource (its relations prefetched by `records`)."""
    organisation = base.organisation if base else None
    licence = page.licence
    credits = list(page.credits.all())
    url = url_of(page)
    attribution = [f"« {page.title} »"]
    credit_names = ", ".join(credit.name for credit in credits)
    if credit_names or page.producer:
        attribution.append(credit_names or page.producer.name)
    if base:
        attribution.append(base.title)
    if licence:
        attribution.append(licence.short_name)
    attribution.append(url)
    return {
        "identifiant": page.pk,
        "titre": page.title,
        "resume": page.summary or "",
        "url": url,
        "base": base.title if base else "",
        "base_url": url_of(base) if base else None,
        "organisation": organisation.name if organisation else None,
        "siret": _siret(organisation),
        "thematiques": _labels(page.themes.all()),
        "types": _labels(page.resource_types.all()),
        "beneficiaires": _labels(page.beneficiaries.all()),
        "secteurs_professionnels": _labels(page.professional_sectors.all()),
        "mots_cles": sorted(tag.name for tag in page.tags.all()),
        "licence": licence.spdx_id if licence else None,
        "licence_nom": licence.name if licence else None,
        "licence_url": (licence.url or None) if licence else None,
        "credits": [f"{credit.name} ({credit.get_role_display()})" for credit in credits],
        "attribution": " — ".join(attribution),
        "langue": page.language or None,
        "date_publication": _iso(page.first_published_at),
        "date_mise_a_jour": _iso(page.last_published_at),
        "date_publication_origine": _iso(page.original_publication_date),
        "version": version,
    }


def records(pages, url_of, batch_size=BATCH_SIZE):
    """The rows of `pages` (resources, in the order given), a batch at a time."""
    pages = iter(pages)
    while True:
        batch = [page for _number, page in zip(range(batch_size), pages, strict=False)]
        if not batch:
            return
        yield from _batch_records(batch, url_of)


def _batch_records(batch, url_of):
    prefetch_related_objects(
        batch,
        "licence",
        "producer",
        "themes",
        "resource_types",
        "beneficiaries",
        "professional_sectors",
        "tags",
        Prefetch("credits", queryset=ResourceCredit.objects.order_by("sort_order")),
    )
    bases, versions = _bases(batch), _versions(batch)
    for page in batch:
        base = bases.get(page.path[:BASE_PATH_LENGTH])
        yield record(page, base, versions.get(page.pk), url_of)


def csv_cell(value):
    """A value as one CSV cell: lists joined, None empty, defused if it looks like a formula."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    value = str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_writer(out, delimiter):
    return csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")


def csv_row(row):
    return [csv_cell(row[name]) for name in COLUMN_NAMES]
