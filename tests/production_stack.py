"""The site as the README deploys it, on the loopback: production settings, collected static
files, PostgreSQL, gunicorn, nginx with deploy/nginx/bases-communes.conf (TLS), for
tests/test_production_profile.py.

Everything lives in a temporary folder and a PostgreSQL database of its own, whatever
DATABASE_URL the rest of the suite uses: the module runs once per `make test` (the SQLite pass;
the PostgreSQL pass deselects it with `-m "not production"`). gunicorn reaches PostgreSQL
through a small TCP relay, so that a test can cut the database off and bring it back.

The migrated and seeded database is kept as a PostgreSQL template named after a digest of the
migrations, the packages and the seed (`bc_prodprofile_tpl_<digest>`), its uploaded files in
$TMPDIR/bc-prodprofile-cache/<digest>: later runs copy them instead of migrating and seeding
for a minute.
"""

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
POSTGRES_URL = os.environ.get(
    "PRODUCTION_PROFILE_POSTGRES", "postgres://bases_communes:bases_communes@127.0.0.1:5432"
)

SEED = r"""
import json, os
from django.db import transaction
from wagtail.models import ReferenceIndex
from wagtail_factories import DocumentFactory
from base.models import Role, Visibility
from tests.factories import (
    PASSWORD, BaseMembershipFactory, BasePageFactory, ImageFactory, ResourcePageFactory,
    UserFactory,
)

public_base = BasePageFactory(title="Base ouverte des médiateurs")
public_image = ImageFactory(title="Affiche publique")
public_document = DocumentFactory(
    title="Guide public", file__data=b"Guide de l'atelier ouvert.\n",
    file__filename="guide-public.txt",
)
public_resource = ResourcePageFactory(
    parent=public_base, title="Atelier ouvert", summary="Un atelier pour tous.",
    cover_image=public_image,
    body=[("document", {"document": public_document, "title": "Guide", "description": ""})],
)
private_base = BasePageFactory(title="Base du cercle", visibility=Visibility.PRIVATE)
private_image = ImageFactory(title="Schéma interne", collection=private_base.media_collection)
private_document = DocumentFactory(
    title="Trame interne", collection=private_base.media_collection,
    file__data=b"Trame interne.\n", file__filename="trame-interne.txt",
)
private_resource = ResourcePageFactory(
    parent=private_base, title="Compte rendu du cercle", summary="Pour les membres."
)
member = BaseMembershipFactory(base=private_base, role=Role.CONTRIBUTOR).user
outsider = UserFactory()
superuser = UserFactory(superuser=True)
# No drain() here: the publications above queued the index updates for the worker.
with transaction.atomic():
    ReferenceIndex.create_or_update_for_object(public_resource)
print(json.dumps({
    "password": PASSWORD,
    "member": member.username,
    "outsider": outsider.username,
    "superuser": superuser.username,
    "public_base_url": public_base.url,
    "public_resource_url": public_resource.url,
    "public_image_file": public_image.file.name,
    "public_document_url": public_document.url,
    "public_document_bytes": "Guide de l'atelier ouvert.\n",
    "private_image_file": private_image.file.name,
    "private_document_url": private_document.url,
    "private_resource_url": private_resource.url,
}))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=30, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"le processus s'est arrêté (code {process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"rien n'écoute sur 127.0.0.1:{port} après {timeout} s")


class TcpRelay:
    """127.0.0.1:port → target, which a test can cut (`stop`: refuses new connections and
    closes the open ones, like a database that went down) and bring back (`start`)."""

    def __init__(self, target_port):
        self.target = ("127.0.0.1", target_port)
        self.port = free_port()
        self.listener = None
        self.sockets = set()
        self.lock = threading.Lock()

    def start(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self):
        listener, self.listener = self.listener, None
        if listener is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone would not.
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self.lock:
            for sock in list(self.sockets):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.sockets.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets.update({client, upstream})
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.close()
            with self.lock:
                self.sockets.discard(source)
                self.sockets.discard(target)


def _admin_connection():
    import psycopg

    return psycopg.connect(f"{POSTGRES_URL}/postgres", autocommit=True, connect_timeout=5)


def content_digest():
    """What the cached database and media depend on: migrations, packages, the seed."""
    digest = hashlib.sha256()
    paths = [*sorted(REPO.glob("*/migrations/*.py")), REPO / "requirements.lock"]
    paths.append(REPO / "tests" / "factories.py")
    for path in paths:
        digest.update(path.relative_to(REPO).as_posix().encode())
        digest.update(path.read_bytes())
    digest.update(SEED.encode())
    return digest.hexdigest()[:16]


@dataclass
class Stack:
    root: Path
    env: dict
    base_url: str
    https_port: int
    app_port: int
    relay: TcpRelay
    database: str
    seed: dict = field(default_factory=dict)
    processes: list = field(default_factory=list)

    def url(self, path):
        return self.base_url + path

    def manage(self, *args, env=None, check=True, timeout=300):
        return subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=REPO,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            check=check,
            timeout=timeout,
        )

    def log(self, name):
        path = self.root / name
        return path.read_text(errors="replace") if path.exists() else ""


def production_environment(root, https_port, database_url):
    """The environment the README documents, with this stack's ports and folders (compose.yaml
    sets the same variables: tests/test_compose.py)."""
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "BASE_URL": f"https://127.0.0.1:{https_port}",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(free_port()),  # no test here sends an e-mail
        "STATIC_ROOT": str(root / "static"),
        "MEDIA_ROOT": str(root / "media"),
        "LABEL_NEC_EVIDENCE_ROOT": str(root / "label-nec"),
        "PAGE_CACHE_DIR": str(root / "page-cache"),
        "REUSE_DOWNLOADS_ROOT": str(root / "downloads"),
        "LISTING_CACHE_DIR": str(root / "listing-cache"),
        "MEDIA_ACCEL_REDIRECT": "/protected-media",
        "TRUSTED_CLIENT_IP_HEADER": "X-Real-IP",
        "LOG_LEVEL": "ERROR",
    }


def _create_database(name, env, media_root):
    """Database `name` migrated and seeded, and its uploaded files in `media_root`; returns what
    the seed made (SEED's JSON).

    Both are copies: of a PostgreSQL template and a folder named after `content_digest()`, made
    (migrate, then SEED) when missing. Publications in the seed queued index updates, which the
    copy keeps for the worker."""
    digest = content_digest()
    template = f"bc_prodprofile_tpl_{digest}"
    cache = Path(tempfile.gettempdir()) / "bc-prodprofile-cache" / digest
    with _admin_connection() as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template]).fetchone()
    if not (exists and (cache / "seed.json").is_file()):
        building = f"{template}_{os.getpid()}"
        building_media = cache.with_name(f"{digest}-{os.getpid()}")
        shutil.rmtree(building_media, ignore_errors=True)
        with _admin_connection() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{building}"')
            conn.execute(f'CREATE DATABASE "{building}"')
        build_env = {
            **env,
            "DATABASE_URL": f"{POSTGRES_URL}/{building}",
            "MEDIA_ROOT": str(building_media / "media"),
        }
        for args in (["migrate", "--noinput", "-v0"], ["shell", "-c", SEED]):
            done = subprocess.run(
                [PYTHON, "manage.py", *args],
                cwd=REPO,
                env=build_env,
                capture_output=True,
                text=True,
                timeout=600,
            )
            if done.returncode:
                raise RuntimeError(f"{args[0]} a échoué :\n{done.stderr}")
        (building_media / "seed.json").write_text(done.stdout.strip().splitlines()[-1])
        with _admin_connection() as conn:
            # Older templates are dropped; a concurrent run may have won.
            for (old,) in conn.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE 'bc\\_prodprofile\\_tpl\\_%%' "
                "AND datname <> %s AND datname NOT LIKE %s",
                [building, f"{template}_%"],
            ).fetchall():
                # …but not one that another run is still building or copying from.
                builder = re.search(r"_([0-9]+)$", old)
                if builder and Path(f"/proc/{builder.group(1)}").exists():
                    continue
                try:
                    conn.execute(f'DROP DATABASE IF EXISTS "{old}"')
                except Exception:  # psycopg.errors.ObjectInUse: in use by another run
                    continue
            if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template]).fetchone():
                conn.execute(f'DROP DATABASE "{building}"')
            else:
                conn.execute(f'ALTER DATABASE "{building}" RENAME TO "{template}"')
        for old in cache.parent.iterdir():
            if old not in (cache, building_media):
                shutil.rmtree(old, ignore_errors=True)
        if not cache.exists():
            building_media.rename(cache)
        shutil.rmtree(building_media, ignore_errors=True)
    with _admin_connection() as conn:
        # Databases of earlier runs whose process is gone (killed before its cleanup).
        for (old,) in conn.execute(
            "SELECT datname FROM pg_database WHERE datname ~ '^bc_prodprofile_[0-9]+$'"
        ).fetchall():
            if old == name or not Path(f"/proc/{old.rsplit('_', 1)[1]}").exists():
                conn.execute(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    if (cache / "media").is_dir():
        shutil.copytree(cache / "media", media_root)
    return json.loads((cache / "seed.json").read_text())


def _certificate(root):
    cert, key = root / "tls.crt", root / "tls.key"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def _nginx_main_config(root, site):
    temp = root / "nginx-temp"
    temp.mkdir()
    user = "user root root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}worker_processes 1;\npid {root}/nginx.pid;\nerror_log {root}/nginx-error.log;\n"
        "events { worker_connections 256; }\n"
        "http {\n"
        "  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
        "  sendfile on;\n"
        f"  access_log {root}/nginx-access.log;\n"
        f"  client_body_temp_path {temp}/body;\n  proxy_temp_path {temp}/proxy;\n"
        f"  fastcgi_temp_path {temp}/fastcgi;\n  uwsgi_temp_path {temp}/uwsgi;\n"
        f"  scgi_temp_path {temp}/scgi;\n"
        f"  include {site};\n"
        "}\n"
    )


def start_stack():
    root = Path(tempfile.mkdtemp(prefix="bc-production-"))
    database = f"bc_prodprofile_{os.getpid()}"
    https_port, http_port, app_port = free_port(), free_port(), free_port()
    relay = TcpRelay(urllib.parse.urlsplit(POSTGRES_URL).port or 5432)
    relay.start()
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env = {
        **inherited,
        "PYTHONPATH": str(REPO),
        **production_environment(
            root,
            https_port,
            f"{POSTGRES_URL.rsplit('@', 1)[0]}@127.0.0.1:{relay.port}/{database}",
        ),
    }
    direct_env = {**env, "DATABASE_URL": f"{POSTGRES_URL}/{database}"}
    stack = Stack(
        root=root,
        env=env,
        base_url=env["BASE_URL"],
        https_port=https_port,
        app_port=app_port,
        relay=relay,
        database=database,
    )
    try:

        def background(*args, env=direct_env, stdout=subprocess.PIPE):
            return subprocess.Popen(
                [PYTHON, "manage.py", *args],
                cwd=REPO,
                env=env,
                stdout=stdout,
                stderr=subprocess.PIPE,
                text=True,
            )

        def finish(process, what):
            output, errors = process.communicate(timeout=300)
            if process.returncode:
                raise RuntimeError(f"{what} a échoué :\n{errors}")
            return output

        # Meanwhile: the static files (production storage), the nginx site from the settings.
        cert, key = _certificate(root)
        collect = background("collectstatic", "--noinput", "-v0")
        nginx_site = background(
            "nginx_config",
            *("--app", f"127.0.0.1:{app_port}"),
            *("--certificate", str(cert), "--certificate-key", str(key)),
            *("--https-listen", f"127.0.0.1:{https_port}"),
            *("--http-listen", f"127.0.0.1:{http_port}"),
        )
        stack.seed = _create_database(database, direct_env, root / "media")
        # As the README says: `migrate` (nothing left to apply) aligns the Site with this run's
        # BASE_URL and makes sure of the cache table.
        stack.manage("migrate", "--noinput", "-v0", env=direct_env)
        # The task worker, as deploy/systemd/bases-communes-worker.service starts it.
        worker = subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--no-startup-delay"],
            cwd=REPO,
            env=env,
            stdout=open(root / "worker.log", "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        stack.processes.append(worker)
        site = root / "bases-communes.conf"
        site.write_text(finish(nginx_site, "nginx_config"))
        finish(collect, "collectstatic")
        # gunicorn reads the manifest of the static files as it starts.
        gunicorn_log = open(root / "gunicorn.log", "w")  # noqa: SIM115 (closed with the stack)
        gunicorn = subprocess.Popen(
            [
                # The deployed configuration (preload, warm-up), with the test's port and size.
                GUNICORN, "config.wsgi", "-c", str(REPO / "deploy" / "gunicorn.conf.py"),
                "--workers", "2", "--bind", f"127.0.0.1:{app_port}",
                "--graceful-timeout", "1", "--timeout", "60",
                # What the application receives from nginx (tests: the client address).
                "--access-logfile", str(root / "gunicorn-access.log"),
                "--access-logformat", "%(r)s|%({x-real-ip}i)s|%({x-forwarded-for}i)s",
            ],
            cwd=REPO,
            env=env,
            stdout=gunicorn_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        stack.processes.append(gunicorn)
        main = root / "nginx.conf"
        main.write_text(_nginx_main_config(root, site))
        nginx = subprocess.Popen(
            [NGINX, "-c", str(main), "-p", str(root), "-e", str(root / "nginx-error.log"),
             "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=open(root / "nginx-stderr.log", "w"),  # noqa: SIM115
            start_new_session=True,
        )  # fmt: skip
        stack.processes.append(nginx)
        wait_for_port(https_port, process=nginx)
        wait_for_port(app_port, process=gunicorn)
        return stack
    except BaseException:
        stop_stack(stack)
        raise


def stop_stack(stack):
    for process in reversed(stack.processes):
        if process.poll() is None:
            # gunicorn: SIGINT is its quick shutdown; nginx: SIGTERM is.
            os.killpg(
                process.pid, signal.SIGINT if "gunicorn" in process.args[0] else signal.SIGTERM
            )
    for process in stack.processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
    stack.relay.stop()
    # Dropping the database and deleting ~7,000 static files take seconds on a busy machine:
    # a detached process does it while the suite goes on.
    cleanup = (
        "import shutil, sys, psycopg\n"
        "try:\n"
        "    with psycopg.connect(sys.argv[1], autocommit=True) as conn:\n"
        "        conn.execute(sys.argv[2])\n"
        "finally:\n"
        "    if sys.argv[3]:\n"
        "        shutil.rmtree(sys.argv[3], ignore_errors=True)\n"
    )
    keep = os.environ.get("PRODUCTION_PROFILE_KEEP")
    subprocess.Popen(
        [
            PYTHON,
            "-c",
            cleanup,
            f"{POSTGRES_URL}/postgres",
            f'DROP DATABASE IF EXISTS "{stack.database}" WITH (FORCE)',
            "" if keep else str(stack.root),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
