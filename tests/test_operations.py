"""Operations without the deployed stack (tests/test_production_profile.py runs it): the health
endpoint, the 503 page, the Content-Security-Policy, the Site aligned with BASE_URL, the static
storage that keeps the DSFR files as django-dsfr pinned them."""

import json
import re

import pytest
from django.db import OperationalError
from django.test import RequestFactory, override_settings
from wagtail.models import Site

from ops.site import align_site_with_base_url
from ops.storage import PINNED_FILES, ProductionStaticFilesStorage
from ops.views import server_error

pytestmark = pytest.mark.django_db


def test_health_endpoint_reports_every_part(client):
    response = client.get("/sante/?format=json")
    assert response.status_code == 200
    report = json.loads(response.content)
    assert {name.split("(")[0] for name in report} == {
        "Database",
        "Cache",
        "Storage",
        "SearchEngine",
    }
    assert set(report.values()) == {"OK"}
    assert "no-cache" in response["Cache-Control"]


def test_health_endpoint_names_a_search_engine_that_cannot_be_reached(client, monkeypatch):
    from search.engines.base import EngineUnavailable
    from search.engines.database import DatabaseEngine

    def unreachable(self):
        raise EngineUnavailable("down")

    monkeypatch.setattr(DatabaseEngine, "status", unreachable)
    response = client.get("/sante/?format=json")
    assert response.status_code == 500
    report = json.loads(response.content)
    assert "moteur database injoignable" in report["SearchEngine()"]
    assert report["Database(alias='default')"] == "OK"


def test_a_lost_database_gives_a_french_503_with_retry_after():
    request = RequestFactory().get("/")
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "Service momentanément indisponible" in page
    assert 'lang="fr"' in page


def test_any_other_error_stays_a_500():
    request = RequestFactory().get("/")
    try:
        raise ValueError("bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500
    assert "Erreur inattendue" in response.content.decode()


def test_public_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in policy


def test_the_admin_may_use_inline_styles_and_scripts(client):
    """Wagtail's chooser widgets start with an inline script (see ops/csp.py)."""
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    style = re.search(r"style-src ([^;]+)", policy).group(1)
    script = re.search(r"script-src ([^;]+)", policy).group(1)
    assert "'unsafe-inline'" in style
    assert script.split() == ["'self'", "'unsafe-inline'"]


@override_settings(BASE_URL="https://bases.example.fr")
def test_the_site_follows_base_url():
    site = align_site_with_base_url()
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("bases.example.fr", 443)
    assert Site.objects.get(is_default_site=True).root_url == "https://bases.example.fr"


def test_the_static_storage_leaves_the_pinned_dsfr_files_unchanged(tmp_path):
    """The manifest storage rewrites url()s in stylesheets; not in the files whose integrity
    django-dsfr prints (the rest of the pipeline is proven by the production profile)."""
    storage = ProductionStaticFilesStorage(location=tmp_path)
    css = "a{background:url(../icons/x.svg)}"
    pattern = re.compile(r"""(?P<matched>url\(['"]{0,1}\s*(?P<url>.*?)["']{0,1}\))""")
    for name in PINNED_FILES:
        converter = storage.url_converter(name, {})
        assert pattern.sub(converter, css) == css
    assert "dsfr/dist/dsfr/dsfr.min.css" in PINNED_FILES
