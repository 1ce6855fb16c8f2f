"""In a real browser: a publisher types a title close to an existing resource's in the admin
page editor and sees the warning, with the ways to help instead."""

import pytest

from tests.factories import BasePageFactory, ResourcePageFactory, UserFactory
from tests.test_browser_reviews import log_in
from tests.test_duplicates import index_everything

pytestmark = [pytest.mark.browser]


def test_a_close_title_shows_the_similar_resources_in_the_admin_editor(
    browser, live_server, transactional_db, django_db_serialized_rollback
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    base = BasePageFactory(title="Base du Hub")
    existing = ResourcePageFactory(parent=base, title="Guide de la médiation numérique")
    index_everything()
    log_in(browser, live_server, UserFactory(is_superuser=True))

    browser.get(f"{live_server.url}/admin/pages/add/ressources/resourcepage/{base.pk}/")
    title = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.NAME, "title")))
    title.send_keys("Guide médiation numérique")
    warning = WebDriverWait(browser, 10).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, "[data-bc-duplicates-found]"))
    )
    assert "Des ressources semblables existent déjà." in warning.text
    link = warning.find_element(By.LINK_TEXT, existing.title)
    assert link.get_attribute("href").endswith(existing.url)
    assert warning.find_element(By.LINK_TEXT, "Proposer une modification")
