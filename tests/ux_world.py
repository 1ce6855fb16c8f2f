"""A small site for the real-browser tests of issue 19 (tests/test_ux_browser.py and
tests/test_accessibility.py): a public base with resources, a collection, a version journal,
members, a label decision, and the search index."""

import base64
import subprocess
import tempfile
from types import SimpleNamespace

from wagtail.rich_text import RichText

from base.models import Role
from search import engines
from search.documents import build_document, searchable_pages
from tests.factories import (
    PASSWORD,
    BaseMembershipFactory,
    BasePageFactory,
    ResourceCollectionPageFactory,
    ResourceCreditFactory,
    ResourcePageFactory,
    UserFactory,
    licence,
    resource_type,
    theme,
)

MOBILE = (375, 812)
DESKTOP = (1280, 900)


def build():
    base = BasePageFactory(title="Hub des ateliers numériques")
    admin = UserFactory(first_name="Sarah", last_name="Benali", username="sarah")
    BaseMembershipFactory(base=base, user=admin, role=Role.ADMIN)
    BaseMembershipFactory(base=base, user=UserFactory(first_name="Medi"), role=Role.CONTRIBUTOR)
    resources = [
        ResourcePageFactory(
            parent=base,
            title=f"Atelier numéro {number} : la messagerie",
            summary="Un atelier pour ouvrir et tenir sa boîte mail.",
            themes=[theme()],
            resource_types=[resource_type()],
            licence=licence(),
            body=[("paragraph", RichText("<p>Ouvrez le site du fournisseur de messagerie.</p>"))],
        )
        for number in range(1, 5)
    ]
    ResourceCreditFactory(resource=resources[0], name="Camille Durand")
    collection = ResourceCollectionPageFactory(
        parent=base, title="Premiers ateliers", resources=resources[:2]
    )
    documents = [build_document(page) for page in searchable_pages()]
    engines.database_engine().rebuild(iter(documents), len(documents))
    return SimpleNamespace(base=base, admin=admin, resources=resources, collection=collection)


def log_in(browser, live_server, user):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    browser.delete_all_cookies()
    browser.get(live_server.url + "/compte/connexion/")
    browser.find_element(By.NAME, "login").send_keys(user.username)
    password = browser.find_element(By.NAME, "password")
    password.send_keys(PASSWORD)
    password.submit()
    WebDriverWait(browser, 10).until(EC.url_to_be(live_server.url + "/"))


def pdf_text(browser):
    """The page printed by Chromium (print media, as « Imprimer » does), as text (pdftotext)."""
    printed = browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(base64.b64decode(printed["data"]))
        pdf.flush()
        return subprocess.run(
            ["pdftotext", "-layout", pdf.name, "-"], capture_output=True, text=True, check=True
        ).stdout
