"""The production profile: the site deployed as the README says (production settings, static
files collected with the production storage, DEBUG off, PostgreSQL, gunicorn, Debian's nginx
with deploy/nginx/bases-communes.conf over TLS), opened in Chromium through nginx.

One stack for the whole module (tests/production_stack.py), on loopback ports; its own
PostgreSQL database whatever DATABASE_URL says. Select it with `pytest -m production`; `make
test` runs it in its SQLite pass only.
"""

import gzip
import json
import re
import subprocess
import time

import pytest

from tests.conftest import BROWSER_FLAGS, CHROMEDRIVER, CHROMIUM
from tests.production_stack import PYTHON, REPO, start_stack, stop_stack

pytestmark = [pytest.mark.production, pytest.mark.browser]


@pytest.fixture(scope="module")
def stack():
    stack = start_stack()
    yield stack
    stop_stack(stack)


@pytest.fixture(scope="module")
def http():
    import urllib3

    urllib3.disable_warnings()
    return urllib3.PoolManager(cert_reqs="CERT_NONE", retries=False, timeout=30)


@pytest.fixture(scope="module")
def chrome():
    """Chromium that keeps its console (errors, blocked resources, CSP violations) and accepts
    the stack's self-signed certificate."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*BROWSER_FLAGS, "--ignore-certificate-errors"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def console_problems(chrome):
    """Console errors and warnings since the last call: a blocked stylesheet (integrity), a
    Content-Security-Policy violation, a resource that failed to load."""
    return [
        entry["message"]
        for entry in chrome.get_log("browser")
        if entry["level"] in ("SEVERE", "WARNING")
    ]


def open_page(chrome, url):
    chrome.get_log("browser")  # forget what came before
    chrome.get(url)
    chrome.execute_script("return document.fonts.ready")
    return chrome


def status_of_page(chrome):
    return chrome.execute_script(
        "return performance.getEntriesByType('navigation')[0].responseStatus"
    )


def font_family(chrome, selector="body"):
    return chrome.execute_script(
        "return getComputedStyle(document.querySelector(arguments[0])).fontFamily", selector
    )


def log_in(chrome, stack, username):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    chrome.delete_all_cookies()
    open_page(chrome, stack.url("/compte/connexion/"))
    chrome.find_element(By.NAME, "login").send_keys(username)
    password = chrome.find_element(By.NAME, "password")
    password.send_keys(stack.seed["password"])
    password.submit()
    WebDriverWait(chrome, 10).until(EC.url_to_be(stack.url("/")))


def test_pages_are_styled_with_the_dsfr_and_the_console_stays_clean(stack, chrome):
    from selenium.webdriver.common.by import By

    seed = stack.seed
    for path in (
        "/",
        seed["public_base_url"],
        seed["public_resource_url"],
        "/rechercher/?q=atelier",
        "/compte/connexion/",
    ):
        open_page(chrome, stack.url(path))
        assert status_of_page(chrome) == 200, path
        assert "Marianne" in font_family(chrome), (path, font_family(chrome))
        assert console_problems(chrome) == [], path
    # The stylesheet kept its integrity check: the fix is not to switch it off.
    dsfr = chrome.find_element(By.CSS_SELECTOR, "link[rel=stylesheet][href*='dsfr.min']")
    assert dsfr.get_attribute("integrity").startswith("sha384-")
    # The Marianne font file itself was loaded.
    assert chrome.execute_script(
        "return [...document.fonts].some(f => f.family.includes('Marianne') && f.status === 'loaded')"
    )


def test_images_and_documents_are_served_through_nginx(stack, chrome, http):
    from selenium.webdriver.common.by import By

    seed = stack.seed
    open_page(chrome, stack.url(seed["public_resource_url"]))
    images = chrome.find_elements(By.CSS_SELECTOR, "main img")
    assert images
    for image in images:
        assert chrome.execute_script(
            "return arguments[0].complete && arguments[0].naturalWidth > 0", image
        ), image.get_attribute("src")
    assert console_problems(chrome) == []

    response = http.request("GET", stack.url(seed["public_document_url"]))
    assert response.status == 200
    assert response.data.decode() == seed["public_document_bytes"]
    # nginx sent the file: the internal address never reaches the client.
    assert "X-Accel-Redirect" not in response.headers


def test_private_media_go_through_the_permission_check(stack, chrome, http):
    seed = stack.seed
    private = "/media/" + seed["private_image_file"]
    public = "/media/" + seed["public_image_file"]

    assert http.request("GET", stack.url(public)).status == 200
    assert http.request("GET", stack.url(private)).status == 404
    assert http.request("GET", stack.url(seed["private_document_url"])).status == 404
    # The internal location cannot be fetched by address.
    for path in (seed["private_image_file"], seed["public_image_file"]):
        assert http.request("GET", stack.url("/protected-media/" + path)).status == 404

    # A member of the private base sees its image, sent by nginx after Django's check.
    log_in(chrome, stack, seed["member"])
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in chrome.get_cookies())
    response = http.request("GET", stack.url(private), headers={"Cookie": cookies})
    assert response.status == 200
    assert response.data[:4] in (b"\x89PNG", b"GIF8") or response.data[:2] == b"\xff\xd8"
    assert "private" in response.headers["Cache-Control"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    chrome.delete_all_cookies()


def test_a_resource_downloads_as_a_pdf_through_nginx(stack, chrome, http):
    """« Télécharger (PDF) » of the reuse box, as deployed: built by WeasyPrint in a gunicorn
    worker, sent through nginx; a private base's resource only to its members."""
    from selenium.webdriver.common.by import By

    seed = stack.seed
    open_page(chrome, stack.url(seed["public_resource_url"]))
    link = chrome.find_element(By.PARTIAL_LINK_TEXT, "Télécharger (PDF)")
    response = http.request("GET", link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    assert "attachment" in response.headers["Content-Disposition"]

    pdf = stack.url(seed["private_resource_url"] + "telecharger/pdf/")
    assert http.request("GET", pdf).status == 404
    log_in(chrome, stack, seed["member"])
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in chrome.get_cookies())
    response = http.request("GET", pdf, headers={"Cookie": cookies})
    assert response.status == 200
    assert response.data.startswith(b"%PDF-")
    assert "private" in response.headers["Cache-Control"]
    chrome.delete_all_cookies()


def test_the_application_receives_the_client_address_from_nginx_only(stack, http):
    """A client cannot choose the address the rate limits count (TRUSTED_CLIENT_IP_HEADER)."""
    response = http.request(
        "GET",
        stack.url("/robots.txt?adresse"),
        headers={"X-Real-IP": "203.0.113.7", "X-Forwarded-For": "203.0.113.8"},
    )
    assert response.status == 200
    deadline = time.monotonic() + 5
    while not (
        lines := [x for x in stack.log("gunicorn-access.log").splitlines() if "?adresse" in x]
    ):
        assert time.monotonic() < deadline
        time.sleep(0.1)
    _, real_ip, forwarded_for = lines[-1].split("|")
    assert (real_ip, forwarded_for) == ("127.0.0.1", "127.0.0.1")


def test_the_log_in_limit_counts_the_address_nginx_sets(stack, http):
    """Behind nginx, failed log-ins are counted per connecting address (allauth reads the
    X-Real-IP nginx writes): a client forging X-Real-IP or X-Forwarded-For on each attempt does
    not escape the limit of its address."""
    import re

    page = http.request("GET", stack.url("/compte/connexion/"))
    cookies = page.headers.getlist("Set-Cookie") if hasattr(page.headers, "getlist") else []
    csrf = next(c.split(";")[0] for c in cookies if c.startswith("csrftoken="))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.data.decode()).group(1)
    headers = {"Cookie": csrf, "Referer": stack.url("/compte/connexion/")}
    try:
        answers = []
        for attempt in range(11):
            forged = {"X-Real-IP": f"198.51.100.{attempt}", "X-Forwarded-For": f"10.0.0.{attempt}"}
            response = http.request(
                "POST",
                stack.url("/compte/connexion/"),
                fields={
                    "csrfmiddlewaretoken": token,
                    "login": f"inconnu{attempt}",
                    "password": "pas-le-bon",
                },
                headers={**headers, **forged},
                encode_multipart=False,
            )
            answers.append(response.data.decode())
        assert all("Identifiant ou mot de passe incorrect" in a for a in answers[:10])
        assert "Trop de tentatives" in answers[10]
    finally:
        _psql(stack, "DELETE FROM bases_communes_cache")  # the other tests log in from here too


def test_static_files_are_compressed_and_cached(stack, http):
    manifest = json.loads((stack.root / "static" / "staticfiles.json").read_text())["paths"]
    hashed = manifest["dsfr/dist/dsfr/dsfr.min.css"]
    response = http.request(
        "GET",
        stack.url("/static/" + hashed),
        headers={"Accept-Encoding": "gzip"},
        decode_content=False,
    )
    assert response.status == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]
    assert "max-age=31536000" in response.headers["Cache-Control"]
    body = gzip.decompress(response.data)
    # Byte for byte the file django-dsfr's integrity attribute was computed on.
    import base64
    import hashlib

    from dsfr.checksums import INTEGRITY_CSS

    assert "sha384-" + base64.b64encode(hashlib.sha384(body).digest()).decode() == INTEGRITY_CSS


def test_forms_post_with_csrf_and_errors_are_french_pages(stack, chrome, http):
    from selenium.webdriver.common.by import By

    seed = stack.seed
    # Log-in form (POST with CSRF, secure cookies over HTTPS): the person is logged in.
    log_in(chrome, stack, seed["outsider"])
    assert chrome.find_element(By.XPATH, "//button[contains(., 'Se déconnecter')]")

    # A form the person may not use: 403, French page.
    chrome.execute_script(
        """
        const form = document.createElement('form');
        form.method = 'post';
        form.action = arguments[0];
        const token = document.cookie.split('; ').find(c => c.startsWith('csrftoken='));
        const input = document.createElement('input');
        input.name = 'csrfmiddlewaretoken';
        input.value = token.split('=')[1];
        form.appendChild(input);
        document.body.appendChild(form);
        form.submit();
        """,
        seed["public_base_url"] + "membres/inviter/",
    )
    time.sleep(0.5)
    assert chrome.find_element(By.TAG_NAME, "h1").text == "Accès refusé"
    assert status_of_page(chrome) == 403
    assert "Marianne" in font_family(chrome)

    # Without the CSRF token: refused.
    response = http.request("POST", stack.url("/compte/connexion/"), fields={"login": "x"})
    assert response.status == 403
    assert "CSRF" in response.data.decode()

    # 404: French page.
    open_page(chrome, stack.url("/cette-page-n-existe-pas/"))
    assert status_of_page(chrome) == 404
    assert chrome.find_element(By.TAG_NAME, "h1").text == "Page non trouvée"
    assert "Marianne" in font_family(chrome)
    assert [p for p in console_problems(chrome) if "404" not in p] == []

    # 500: a broken installation (the cache table was dropped): French page, no traceback.
    _psql(stack, "DROP TABLE bases_communes_cache")
    try:
        open_page(chrome, stack.url("/"))
        assert status_of_page(chrome) == 500
        assert chrome.find_element(By.TAG_NAME, "h1").text == "Erreur inattendue"
        assert "Traceback" not in chrome.page_source
        assert "Marianne" in font_family(chrome)
    finally:
        stack.manage("createcachetable", env={"DATABASE_URL": _direct_url(stack)})
    chrome.delete_all_cookies()


def test_wagtail_admin_satisfies_the_content_security_policy(stack, chrome):
    from selenium.webdriver.common.by import By

    seed = stack.seed
    # One door: the admin's log-in is the site's « Se connecter ».
    open_page(chrome, stack.url("/admin/login/"))
    assert chrome.current_url.startswith(stack.url("/compte/connexion/"))
    assert console_problems(chrome) == []
    chrome.find_element(By.NAME, "login").send_keys(seed["superuser"])
    password = chrome.find_element(By.NAME, "password")
    password.send_keys(seed["password"])
    password.submit()
    time.sleep(1)
    open_page(chrome, stack.url("/admin/"))
    assert status_of_page(chrome) == 200
    assert chrome.find_elements(By.CSS_SELECTOR, "#main, main")
    assert console_problems(chrome) == []
    chrome.delete_all_cookies()


def test_absolute_addresses_name_the_configured_host(stack, http):
    index = http.request("GET", stack.url("/sitemap.xml")).data.decode()
    children = re.findall(r"<loc>([^<]+)</loc>", index)
    assert children
    assert all(child.startswith(stack.url("/sitemap-pages-")) for child in children), children
    locations = [
        loc
        for child in children
        for loc in re.findall(r"<loc>([^<]+)</loc>", http.request("GET", child).data.decode())
    ]
    assert locations
    assert all(loc.startswith(stack.base_url + "/") for loc in locations), locations[:3]
    assert stack.url(stack.seed["public_resource_url"]) in locations

    pages = json.loads(http.request("GET", stack.url("/api/v2/pages/?limit=5")).data)
    for item in pages["items"]:
        assert item["meta"]["detail_url"].startswith(stack.base_url + "/api/v2/pages/")
        assert item["meta"]["html_url"].startswith(stack.base_url + "/")


def test_the_worker_runs_the_queued_index_updates(stack, http):
    """The seed's publications queued the search index updates (django_tasks_db); the worker
    sends them, and the search page finds the resource."""
    deadline = time.monotonic() + 60
    while True:
        statuses = _query(
            stack,
            "SELECT status FROM django_tasks_database_dbtaskresult "
            "WHERE task_path LIKE '%%drain_pending_updates'",
        )
        if statuses and all(status == "SUCCESSFUL" for (status,) in statuses):
            break
        assert time.monotonic() < deadline, (statuses, stack.log("worker.log")[-2000:])
        time.sleep(0.5)
    page = http.request("GET", stack.url("/rechercher/?q=atelier")).data.decode()
    assert "Atelier ouvert" in page


def test_the_health_endpoint_says_every_part_works(stack, http):
    response = http.request("GET", stack.url("/sante/?format=json"))
    assert response.status == 200
    report = json.loads(response.data)
    assert set(report.values()) == {"OK"}
    assert {name.split("(")[0] for name in report} >= {
        "Database",
        "Cache",
        "Storage",
        "SearchEngine",
    }


def test_while_the_database_is_down_people_get_a_503_and_the_site_recovers(stack, chrome, http):
    from selenium.webdriver.common.by import By

    # The home page read twice by anonymous visitors is in the page cache (portal.page_cache),
    # shared by the workers: it stays readable while the database is away.
    http.request("GET", stack.url("/"))
    assert http.request("GET", stack.url("/")).headers["X-Page-Cache"] == "hit"
    stack.relay.stop()
    try:
        cached = http.request("GET", stack.url("/"))
        assert cached.status == 200 and cached.headers["X-Page-Cache"] == "hit"
        response = http.request("GET", stack.url("/?jamais-lue=1"))
        assert response.status == 503
        assert int(response.headers["Retry-After"]) > 0
        assert "Service momentanément indisponible" in response.data.decode()

        open_page(chrome, stack.url(stack.seed["public_base_url"] + "?jamais-lue=1"))
        assert status_of_page(chrome) == 503
        assert chrome.find_element(By.TAG_NAME, "h1").text == "Service momentanément indisponible"
        assert "Marianne" in font_family(chrome)

        health = http.request("GET", stack.url("/sante/?format=json"))
        assert health.status == 500
        report = json.loads(health.data)
        down = {name.split("(")[0] for name, status in report.items() if status != "OK"}
        assert "Database" in down
        assert next(v for k, v in report.items() if k.startswith("Storage")) == "OK"
    finally:
        stack.relay.start()

    # Back by itself: no restart of gunicorn.
    deadline = time.monotonic() + 15
    while (status := http.request("GET", stack.url("/?retour=1")).status) != 200:
        assert time.monotonic() < deadline, status
        time.sleep(0.3)
    assert http.request("GET", stack.url("/sante/?format=json")).status == 200


def _direct_url(stack):
    from tests.production_stack import POSTGRES_URL

    return f"{POSTGRES_URL}/{stack.database}"


def _psql(stack, sql):
    import psycopg

    with psycopg.connect(_direct_url(stack), autocommit=True) as conn:
        conn.execute(sql)


def _query(stack, sql):
    import psycopg

    with psycopg.connect(_direct_url(stack), autocommit=True) as conn:
        return conn.execute(sql).fetchall()


# Configuration checks (no stack needed) ------------------------------------------------------


DOCUMENTED_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x" * 20 + "-production-profile-secret-key-" + "y" * 20,
    "BASE_URL": "https://bases.example.fr",
    "DATABASE_URL": "postgres://bases:motdepasse@127.0.0.1:5432/bases_communes",
    "EMAIL_HOST": "smtp.example.fr",
    "MEDIA_ACCEL_REDIRECT": "/protected-media",
    "TRUSTED_CLIENT_IP_HEADER": "X-Real-IP",
}


def _manage(*args, env):
    import os

    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=REPO,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_documented_environment():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=DOCUMENTED_ENVIRONMENT)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_mail_server():
    env = {**DOCUMENTED_ENVIRONMENT, "EMAIL_HOST": ""}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "EMAIL_HOST doit être défini en production" in result.stderr
