"""The open-data dump: every public resource as CSV and JSON Lines, described by a Frictionless
`datapackage.json`, published at /donnees-ouvertes/ (and on data.gouv.fr from there).

Rows come from `reuse.records` (the same rows as the site's exports), for the resources an
anonymous visitor may read (`visible_resources(None)`), in identifier order.

A download never gets a half-written file. A run writes into `OPEN_DATA_ROOT/en-cours/`, a
batch at a time; after each batch the files are flushed and `progress.json` records the last
identifier written and the size of each file, so an interrupted run resumes where it stopped
(the files are cut back to the recorded sizes first). A finished run becomes a new directory
`versions/<date>/` and the link `courant` is switched to it with one atomic rename: the three
files of a release always go together. The two latest releases are kept.
"""

import fcntl
import hashlib
import io
import json
import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from ressources.listing import visible_resources

from .records import COLUMN_NAMES, COLUMNS, LIST_SEPARATOR, absolute_urls, csv_row, csv_writer
from .records import records as build_records

CSV_NAME = "ressources.csv"
JSONL_NAME = "ressources.jsonl"
PACKAGE_NAME = "datapackage.json"
FILES = {
    CSV_NAME: "text/csv; charset=utf-8",
    JSONL_NAME: "application/jsonl; charset=utf-8",
    PACKAGE_NAME: "application/json; charset=utf-8",
}
CURRENT = "courant"
WORK = "en-cours"
RELEASES = "versions"
PROGRESS = "progress.json"
LOCK = ".verrou"
KEPT_RELEASES = 2
# An unfinished run older than this starts again rather than mixing two days' data.
RESUME_WITHIN = timedelta(hours=20)
BATCH_SIZE = 500

METADATA_LICENCE = {
    "name": "etalab-2.0",
    "title": "Licence Ouverte / Open Licence version 2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}


def root():
    return Path(settings.OPEN_DATA_ROOT)


def published_file(name):
    """The path of a file of the current release, or None before the first one."""
    if name not in FILES:
        return None
    path = root() / CURRENT / name
    return path if path.is_file() else None


def current_package():
    """The current `datapackage.json` as a dict, or None."""
    path = published_file(PACKAGE_NAME)
    if path is None:
        return None
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def public_resources():
    return visible_resources(AnonymousUser()).order_by("pk")


# ---------------------------------------------------------------------------------------------
# The description
# ---------------------------------------------------------------------------------------------


def _field(column, in_csv):
    field = {"name": column.name, "title": column.title, "description": column.description}
    if column.many and in_csv:
        field["type"] = "string"
        field["description"] += (
            f" Plusieurs valeurs sont séparées par « {LIST_SEPARATOR.strip()} »."
        )
    elif column.many:
        field["type"] = "array"
    else:
        field["type"] = column.type
    if column.format:
        field["format"] = column.format
    constraints = {}
    if column.required:
        constraints["required"] = True
    if column.pattern:
        constraints["pattern"] = column.pattern
    if column.name == "identifiant":
        constraints["unique"] = True
    if constraints:
        field["constraints"] = constraints
    return field


def schema(in_csv):
    return {
        "fields": [_field(column, in_csv) for column in COLUMNS],
        "primaryKey": ["identifiant"],
        "missingValues": [""],
    }


def _file_facts(path):
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return {"bytes": path.stat().st_size, "hash": f"sha256:{digest.hexdigest()}"}


def datapackage(directory, created, count):
    """The Frictionless Data Package of the files in `directory` (sizes and hashes included)."""
    home = f"{settings.BASE_URL}/donnees-ouvertes/"
    csv_resource = {
        "name": "ressources-csv",
        "title": "Ressources (CSV)",
        "path": CSV_NAME,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "profile": "tabular-data-resource",
        "dialect": {"delimiter": ",", "quoteChar": '"', "lineTerminator": "\r\n", "header": True},
        "schema": schema(in_csv=True),
        **_file_facts(directory / CSV_NAME),
    }
    jsonl_resource = {
        "name": "ressources-jsonl",
        "title": "Ressources (JSON Lines)",
        "path": JSONL_NAME,
        "format": "jsonl",
        "mediatype": "application/jsonl",
        "encoding": "utf-8",
        "profile": "tabular-data-resource",
        "schema": schema(in_csv=False),
        **_file_facts(directory / JSONL_NAME),
    }
    return {
        "profile": "tabular-data-package",
        "name": "bases-communes-ressources",
        "title": "Ressources pédagogiques de l'inclusion numérique (Bases communes)",
        "description": (
            "Les métadonnées de toutes les ressources publiques de Bases communes, la plateforme "
            "ouverte des ressources de l'inclusion numérique : titre, résumé, base, organisation "
            "et SIRET, taxonomie, mots-clés, licence (identifiant SPDX), crédits, dates, version "
            "et adresse. Les métadonnées sont sous Licence Ouverte 2.0 ; chaque ressource garde "
            f"sa propre licence (colonne « licence »). {count} ressources."
        ),
        "homepage": home,
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "licenses": [METADATA_LICENCE],
        "sources": [{"title": "Bases communes", "path": settings.BASE_URL + "/"}],
        "keywords": ["inclusion numérique", "ressources pédagogiques", "médiation numérique"],
        "resources": [csv_resource, jsonl_resource],
    }


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


@dataclass
class Progress:
    started_at: str
    last_id: int = 0
    rows: int = 0
    csv_bytes: int = 0
    jsonl_bytes: int = 0

    @property
    def started(self):
        return datetime.fromisoformat(self.started_at)


def _save_progress(work, progress):
    """Write progress.json atomically (temp file, fsync, rename)."""
    temporary = work / (PROGRESS + ".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        json.dump(progress.__dict__, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, work / PROGRESS)


def _load_progress(work, now, restart):
    """The unfinished run to resume, or None (and an empty work directory)."""
    try:
        with (work / PROGRESS).open(encoding="utf-8") as handle:
            progress = Progress(**json.load(handle))
    except (OSError, ValueError, TypeError):
        progress = None
    if progress is not None and not restart and now - progress.started <= RESUME_WITHIN:
        return progress
    shutil.rmtree(work, ignore_errors=True)
    return None


class AlreadyRunning(Exception):
    pass


@contextmanager
def _exclusive(base):
    """One run at a time (the nightly job and a hand-started one would write the same files)."""
    base.mkdir(parents=True, exist_ok=True)
    with (base / LOCK).open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise AlreadyRunning from error
        yield


def export(now=None, restart=False, progress=None, batch_size=BATCH_SIZE):
    """Write the dump and publish it; returns (release directory, rows, rows resumed from).

    `progress(total)`, if given, returns a callable told the number of rows written so far
    (search_index's ProgressBar). Raises AlreadyRunning if another run holds the lock."""
    with _exclusive(root()):
        return _export(now, restart, progress, batch_size)


def _export(now, restart, progress, batch_size):
    now = now or datetime.now(UTC)
    base = root()
    work = base / WORK
    state = _load_progress(work, now, restart)
    resumed_from = state.rows if state else 0
    work.mkdir(parents=True, exist_ok=True)
    csv_path, jsonl_path = work / CSV_NAME, work / JSONL_NAME
    if state is None:
        state = Progress(started_at=now.isoformat())
        header = io.StringIO()
        csv_writer(header, ",").writerow(COLUMN_NAMES)
        csv_path.write_bytes(header.getvalue().encode())
        jsonl_path.write_bytes(b"")
        state.csv_bytes = csv_path.stat().st_size
        _save_progress(work, state)

    resources = public_resources()
    total = state.rows + resources.filter(pk__gt=state.last_id).count()
    report = progress(total) if progress else None
    url_of = absolute_urls()
    with csv_path.open("r+b") as csv_file, jsonl_path.open("r+b") as jsonl_file:
        # What an interrupted run wrote after its last checkpoint goes.
        for handle, size in ((csv_file, state.csv_bytes), (jsonl_file, state.jsonl_bytes)):
            handle.truncate(size)
            handle.seek(size)
        if report:
            report(state.rows)
        while batch := list(resources.filter(pk__gt=state.last_id)[:batch_size]):
            csv_text, jsonl_lines = io.StringIO(), []
            writer = csv_writer(csv_text, ",")
            for row in build_records(batch, url_of, batch_size):
                writer.writerow(csv_row(row))
                jsonl_lines.append(json.dumps(row, ensure_ascii=False) + "\n")
            csv_file.write(csv_text.getvalue().encode())
            jsonl_file.write("".join(jsonl_lines).encode())
            for handle in (csv_file, jsonl_file):
                handle.flush()
                os.fsync(handle.fileno())
            state.last_id = batch[-1].pk
            state.rows += len(batch)
            state.csv_bytes, state.jsonl_bytes = csv_file.tell(), jsonl_file.tell()
            _save_progress(work, state)
            if report:
                report(state.rows)

    package = datapackage(work, now, state.rows)
    with (work / PACKAGE_NAME).open("w", encoding="utf-8") as handle:
        json.dump(package, handle, ensure_ascii=False, indent=2)
    (work / PROGRESS).unlink()
    if report and hasattr(report, "finish"):
        report.finish(state.rows)
    return _publish(base, work, now), state.rows, resumed_from


def _publish(base, work, now):
    """Move the finished files to a release directory and point `courant` at it atomically."""
    releases = base / RELEASES
    releases.mkdir(parents=True, exist_ok=True)
    name = now.strftime("%Y%m%dT%H%M%SZ")
    release = releases / name
    suffix = 1
    while release.exists():
        release, suffix = releases / f"{name}-{suffix}", suffix + 1
    os.replace(work, release)
    link = base / (CURRENT + ".tmp")
    link.unlink(missing_ok=True)
    link.symlink_to(Path(RELEASES) / release.name, target_is_directory=True)
    os.replace(link, base / CURRENT)
    for old in sorted(releases.iterdir())[:-KEPT_RELEASES]:
        if old != release:
            shutil.rmtree(old, ignore_errors=True)
    return release
