"""compose.yaml cannot run here (no Docker): read it and check that it starts what an operator
needs with the settings the production-profile tests run (tests/production_stack.py)."""

import re
import shlex
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands
from django.utils.module_loading import import_string

from tests.production_stack import production_environment

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((REPO / "compose.yaml").read_text())


def command_text(service):
    command = service["command"]
    return " ".join(command) if isinstance(command, list) else command


def test_every_part_of_the_stack_is_a_service(compose):
    assert set(compose["services"]) >= {
        "app",
        "worker",
        "scheduler",
        "db",
        "elasticsearch",
        "nginx",
    }
    app = compose["services"]["app"]
    assert (REPO / app["build"]["dockerfile"]).is_file()
    assert "gunicorn config.wsgi" in command_text(app)
    assert "manage.py migrate" in command_text(app)
    assert "manage.py collectstatic" in command_text(app)
    assert "db_worker" in command_text(compose["services"]["worker"])
    assert "cron -f" in command_text(compose["services"]["scheduler"])
    assert compose["services"]["elasticsearch"]["image"].split(":")[-1].startswith("8.")


def test_the_application_has_the_settings_of_the_production_profile(compose, tmp_path):
    services = compose["services"]
    env = services["app"]["environment"]
    # The worker and the scheduled jobs run with exactly the same settings.
    assert services["worker"]["environment"] == env
    assert services["scheduler"]["environment"] == env

    tested = production_environment(tmp_path, 443, "postgres://u:p@127.0.0.1:5432/x")
    assert set(tested) <= set(env), set(tested) - set(env)
    for key in ("DJANGO_SETTINGS_MODULE", "MEDIA_ACCEL_REDIRECT", "TRUSTED_CLIENT_IP_HEADER"):
        assert env[key] == tested[key], key
    assert env["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    import_string(env["TASKS_BACKEND"])  # the worker's backend exists

    # The database the application reaches is the one the db service creates.
    database = services["db"]["environment"]
    url = re.match(r"postgres://([^:]+):[^@]+@db:5432/(\w+)$", env["DATABASE_URL"])
    assert url, env["DATABASE_URL"]
    assert url.groups() == (database["POSTGRES_USER"], database["POSTGRES_DB"])
    assert env["ELASTICSEARCH_URL"] == "http://elasticsearch:9200"


def test_nginx_serves_the_folders_the_application_writes(compose):
    services = compose["services"]
    env = services["app"]["environment"]

    def mounts(service):
        return {
            volume.split(":")[1]: volume.split(":")[0] for volume in services[service]["volumes"]
        }

    app, nginx = mounts("app"), mounts("nginx")
    # Same volume at the same path: the paths nginx_config writes are valid in nginx.
    for folder in (env["STATIC_ROOT"], env["MEDIA_ROOT"]):
        assert nginx[folder] == app[folder]
    # Label evidence is never given to nginx.
    assert env["LABEL_NEC_EVIDENCE_ROOT"] not in nginx
    # The site file the app writes is what nginx includes; the certificate is mounted.
    command = shlex.split(command_text(services["app"]))
    site_file = command[command.index(">") + 1]
    assert nginx["/etc/nginx/conf.d"] == app[str(Path(site_file).parent)]
    certificate = command[command.index("--certificate") + 1]
    assert any(certificate.startswith(path + "/") for path in nginx)
    assert {"80:80", "443:443"} <= set(services["nginx"]["ports"])


def test_scheduled_jobs_name_real_commands(compose):
    crontab = (REPO / "deploy" / "cron" / "bases-communes").read_text()
    jobs = [
        line.split()[5:]
        for line in crontab.splitlines()
        if line.strip() and not line.startswith("#") and "=" not in line.split()[0]
    ]
    commands = get_commands()
    names = {job[2] for job in jobs}
    assert {"label_nec_reminders", "send_digests", "search_index", "export_open_data"} <= names
    assert names <= set(commands), names - set(commands)
    assert all(job[0] == "bases" and job[1] == "/srv/bases/deploy/bin/manage" for job in jobs)
    assert (REPO / "deploy" / "bin" / "manage").stat().st_mode & 0o111
