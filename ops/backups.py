"""One backup = one tar archive: the database, MEDIA_ROOT, LABEL_NEC_EVIDENCE_ROOT, a manifest.

Why one archive: a database without its files shows broken images and evidence that cannot be
downloaded, and files without their database are orphans; restoring them apart is how backups
fail. The manifest says what the archive holds and what a restore must find again: the
database vendor, the applied migrations, the row count of every model, and the size and
SHA-256 of every file. The tar is not compressed: a PostgreSQL custom dump and images are
compressed already.

- Database: PostgreSQL with `pg_dump --format=custom` (every table, the full-text tables of
  the search engine included, which `dumpdata` would miss), restored by `pg_restore` in one
  transaction; SQLite with its online backup API (a consistent copy while the site runs).
- Order: the database first, then the files, so every file the database names was already on
  disk when it was copied (a file uploaded during the backup may be there without its row:
  harmless).
- Resuming: a backup is written to `….tar.partial` and renamed when complete, so an archive
  that exists is whole. A restore skips the files already in place with the right checksum and
  the database step when the target already holds this backup (same row counts), so running it
  again after an interruption continues where it stopped.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.db import connection, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
APPLICATION = "bases-communes"
MANIFEST = "manifest.json"
PREFIX = "bases-communes-"
SUFFIX = ".tar"
DATABASE_MEMBERS = {"postgresql": "database/postgresql.dump", "sqlite": "database/db.sqlite3"}
# Archive folder → setting naming the folder on disk.
FOLDERS = {"media": "MEDIA_ROOT", "label-nec": "LABEL_NEC_EVIDENCE_ROOT"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or a restore that cannot go on; the message says what to do, in French."""


# Helpers --------------------------------------------------------------------------------------


def vendor():
    return connection.vendor


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class HashingReader:
    """Reads a file for tarfile while computing its SHA-256 (each file is read once)."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def row_counts():
    """app_label.Model → number of rows, for every concrete model: what a restore must find."""
    return {
        model._meta.label: model._base_manager.using("default").count()
        for model in counted_models()
    }


def applied_migrations():
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return []
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def folder_root(folder):
    return Path(getattr(settings, FOLDERS[folder])).resolve()


def files_of(root, exclude=()):
    """Regular files under `root` (sorted, relative POSIX paths), leaving out `exclude`."""
    if not root.is_dir():
        return []
    found = []
    for directory, subdirs, names in os.walk(root):
        here = Path(directory)
        subdirs[:] = sorted(d for d in subdirs if (here / d).resolve() not in exclude)
        for name in sorted(names):
            path = here / name
            if path.is_file() and not path.is_symlink():
                found.append(path.relative_to(root).as_posix())
    return found


def pg_arguments(settings_dict):
    """Connection arguments and environment of pg_dump / pg_restore, from DATABASES."""
    arguments = []
    if settings_dict.get("HOST"):
        arguments += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        arguments += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        arguments += ["--username", str(settings_dict["USER"])]
    arguments += ["--dbname", str(settings_dict["NAME"])]
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return arguments, env


def run_tool(command, env):
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise BackupError(
            f"{command[0]} est introuvable : installez le client PostgreSQL "
            "(paquet postgresql-client, de la version du serveur ou plus récent)."
        ) from error
    if result.returncode != 0:
        raise BackupError(f"{command[0]} a échoué : {result.stderr.strip()}")


def archive_name(moment=None):
    moment = timezone.localtime(moment or timezone.now())
    return f"{PREFIX}{moment:%Y%m%d-%H%M%S}{SUFFIX}"


def latest_archive(directory):
    archives = sorted(Path(directory).glob(f"{PREFIX}*{SUFFIX}"))
    if not archives:
        raise BackupError(f"Aucune sauvegarde ({PREFIX}….tar) dans {directory}.")
    return archives[-1]


# Backup ---------------------------------------------------------------------------------------


def counted_models():
    return [m for m in apps.get_models() if not m._meta.proxy and m._meta.managed]


def dump_database(target):
    """Write the database to `target` (custom dump or SQLite file); returns (vendor, counts),
    the row counts of the very state that was dumped, so that a site in use while it is
    backed up never makes its own restore look wrong."""
    kind = vendor()
    if kind == "postgresql":
        arguments, env = pg_arguments(connection.settings_dict)
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges"]
        command += ["--file", target]
        if connection.in_atomic_block:  # inside a transaction already (tests): best effort
            counts = row_counts()
            run_tool(command + arguments, env)
            return kind, counts
        # One snapshot for the counts and for pg_dump: exported by a repeatable-read
        # transaction kept open until pg_dump has finished.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = row_counts()
            run_tool(command + ["--snapshot", snapshot] + arguments, env)
        return kind, counts
    if kind == "sqlite":
        import sqlite3

        if connection.in_atomic_block:
            # With `transaction_mode=IMMEDIATE` (config/settings/common.py) an open transaction
            # holds the write lock the online backup waits for: it would wait for ever.
            raise BackupError(
                "La sauvegarde ne peut pas être faite depuis une transaction en cours : "
                "lancez « manage.py backup » seul."
            )
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            with destination:
                connection.connection.backup(destination, pages=1024)
            # Counted in the copy itself: exactly what was saved.
            counts = {}
            for model in counted_models():
                table = connection.ops.quote_name(model._meta.db_table)
                counts[model._meta.label] = destination.execute(
                    f"SELECT COUNT(*) FROM {table}"
                ).fetchone()[0]
        finally:
            destination.close()
        return kind, counts
    raise BackupError(f"Base de données non prise en charge : {kind}.")


def backup(directory, progress=None, say=print, keep=None):
    """Write a new archive into `directory`; returns (path, manifest)."""
    directory = Path(directory).resolve()
    directory.mkdir(parents=True, exist_ok=True)
    created = timezone.now()
    path = directory / archive_name(created)
    partial = path.with_name(path.name + ".partial")
    manifest = {
        "format": FORMAT,
        "application": APPLICATION,
        "created_at": created.isoformat(),
        "database": {},
        "migrations": applied_migrations(),
        "counts": {},
        "files": {},
    }
    with tempfile.TemporaryDirectory(prefix="bases-communes-backup-") as work:
        say("Base de données…")
        dump = Path(work) / "database"
        kind, manifest["counts"] = dump_database(str(dump))
        member = DATABASE_MEMBERS[kind]
        manifest["database"] = {
            "vendor": kind,
            "member": member,
            "size": dump.stat().st_size,
            "sha256": sha256_of(dump),
        }
        say(f"  {kind} : {dump.stat().st_size} octets.")
        roots = {folder: folder_root(folder) for folder in FOLDERS}
        listing = {
            folder: files_of(root, exclude={directory, *(r for r in roots.values() if r != root)})
            for folder, root in roots.items()
        }
        total = sum(len(paths) for paths in listing.values())
        say(f"Fichiers : {total}…")
        done = 0
        bar = progress(total) if progress else None
        with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as tar:
            tar.add(dump, arcname=member)
            for folder, paths in listing.items():
                entries = []
                for relative in paths:
                    source = roots[folder] / relative
                    info = tar.gettarinfo(str(source), arcname=f"{folder}/{relative}")
                    with open(source, "rb") as handle:
                        reader = HashingReader(handle)
                        tar.addfile(info, reader)
                    entries.append(
                        {"path": relative, "size": info.size, "sha256": reader.digest.hexdigest()}
                    )
                    done += 1
                    if bar:
                        bar(done)
                manifest["files"][folder] = entries
            if bar:
                bar.finish(done)
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(created.timestamp())
            tar.addfile(info, io.BytesIO(data))
    os.replace(partial, path)
    if keep:
        for old in sorted(directory.glob(f"{PREFIX}*{SUFFIX}"))[:-keep]:
            old.unlink()
            say(f"Ancienne sauvegarde supprimée : {old.name}")
    return path, manifest


# Restore --------------------------------------------------------------------------------------


def read_manifest(tar):
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except KeyError as error:
        raise BackupError(
            "Ce fichier n'est pas une sauvegarde complète : pas de manifeste."
        ) from error
    if manifest.get("application") != APPLICATION or manifest.get("format") != FORMAT:
        raise BackupError(
            f"Format de sauvegarde inconnu ({manifest.get('application')}, "
            f"format {manifest.get('format')}) : restaurez-la avec la version qui l'a créée."
        )
    return manifest


def check_migrations(manifest):
    """A backup made by newer code has migrations this code does not know: refuse it."""
    from django.db.migrations.loader import MigrationLoader

    known = {f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations}
    unknown = sorted(set(manifest["migrations"]) - known)
    if unknown:
        raise BackupError(
            "Cette sauvegarde vient d'une version plus récente de l'application (migrations "
            f"inconnues : {', '.join(unknown[:5])}) : déployez cette version avant de restaurer."
        )


def database_is_empty():
    return not connection.introspection.table_names()


# Rows that may change after the database step without the restore being wrong: the index
# repair rewrites the search tables, and people log in as soon as the site is back.
CHANGING_AFTER_RESTORE = ("search", "django.contrib.sessions")  # app names, not labels


def differing_counts(manifest, leave_out=()):
    """Models whose row count differs from the manifest: {label: (expected, found)}, leaving
    out the models of the apps named in `leave_out`."""
    found = row_counts()
    skipped = {
        model._meta.label for model in apps.get_models() if model._meta.app_config.name in leave_out
    }
    return {
        label: (expected, found.get(label))
        for label, expected in manifest["counts"].items()
        if found.get(label) != expected and label not in skipped
    }


def safe_member_path(name):
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts:
        raise BackupError(f"Chemin refusé dans l'archive : {name}")
    return path


def extract_to(tar, member_name, destination, expected_sha):
    """Extract one member to `destination` through a temporary file, checking its SHA-256."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    source = tar.extractfile(member_name)
    digest = hashlib.sha256()
    handle, temporary = tempfile.mkstemp(dir=destination.parent, prefix=".restauration-")
    try:
        with os.fdopen(handle, "wb") as out:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != expected_sha:
            raise BackupError(f"Fichier corrompu dans l'archive : {member_name}")
        os.replace(temporary, destination)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def restore_database(tar, manifest, force=False, say=print):
    """Put the archive's database in place; returns False when it was already there."""
    kind = manifest["database"]["vendor"]
    if kind != vendor():
        raise BackupError(
            f"La sauvegarde vient d'une base {kind}, la base configurée est {vendor()} : "
            "restaurez-la dans une base du même type (DATABASE_URL)."
        )
    if not database_is_empty():
        if not differing_counts(manifest, CHANGING_AFTER_RESTORE) and set(
            applied_migrations()
        ) >= set(manifest["migrations"]):
            say("  La base contient déjà cette sauvegarde : étape passée.")
            return False
        if not force:
            raise BackupError(
                "La base de données cible n'est pas vide et ne contient pas cette sauvegarde : "
                "restaurez dans une base neuve, ou relancez avec --force pour remplacer son "
                "contenu."
            )
    with tempfile.TemporaryDirectory(prefix="bases-communes-restore-") as work:
        dump = Path(work) / "database"
        extract_to(tar, manifest["database"]["member"], dump, manifest["database"]["sha256"])
        if kind == "postgresql":
            arguments, env = pg_arguments(connection.settings_dict)
            connections.close_all()
            command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
            command += ["--single-transaction"]
            if force:
                command += ["--clean", "--if-exists"]
            run_tool(command + arguments + [str(dump)], env)
        else:
            target = Path(connection.settings_dict["NAME"])
            if str(target) in ("", ":memory:") or "mode=memory" in str(target):
                raise BackupError("La base SQLite configurée est en mémoire : donnez un fichier.")
            connections.close_all()
            target.parent.mkdir(parents=True, exist_ok=True)
            staged = target.with_name(target.name + ".restauration")
            shutil.copyfile(dump, staged)
            for suffix in ("-wal", "-shm", "-journal"):  # never pair old journals with new data
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            os.replace(staged, target)
    return True


def restore_files(tar, manifest, progress=None, say=print):
    """Extract MEDIA_ROOT and LABEL_NEC_EVIDENCE_ROOT; files already right are skipped."""
    entries = [(folder, entry) for folder in FOLDERS for entry in manifest["files"].get(folder, [])]
    bar = progress(len(entries)) if progress else None
    written = skipped = 0
    for done, (folder, entry) in enumerate(entries, start=1):
        relative = safe_member_path(entry["path"])
        destination = folder_root(folder).joinpath(*relative.parts)
        if (
            destination.is_file()
            and destination.stat().st_size == entry["size"]
            and sha256_of(destination) == entry["sha256"]
        ):
            skipped += 1
        else:
            extract_to(tar, f"{folder}/{relative.as_posix()}", destination, entry["sha256"])
            written += 1
        if bar:
            bar(done)
    if bar:
        bar.finish(len(entries))
    return written, skipped


def open_archive(path):
    path = Path(path)
    if path.is_dir():
        path = latest_archive(path)
    if not path.is_file():
        raise BackupError(f"Sauvegarde introuvable : {path}")
    try:
        return path, tarfile.open(path, "r:")
    except tarfile.TarError as error:
        raise BackupError(f"Archive illisible : {path} ({error}).") from error


def manifest_summary(manifest):
    counts = manifest["counts"]
    files = manifest["files"]
    created = datetime.datetime.fromisoformat(manifest["created_at"])
    return (
        f"sauvegarde du {timezone.localtime(created):%d/%m/%Y à %H:%M} — "
        f"{counts.get('wagtailcore.Page', 0)} pages, "
        f"{counts.get('ressources.ResourceVersion', 0)} versions, "
        f"{len(files.get('media', []))} fichiers de médias, "
        f"{len(files.get('label-nec', []))} pièces du label"
    )
