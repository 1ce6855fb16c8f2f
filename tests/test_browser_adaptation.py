"""« Adapter dans ma base » in a real browser: a member of two bases adapts a CC BY-SA resource
into the second one, lands on the draft in the site's editor and publishes it."""

import pytest

from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourcePageFactory,
    licence,
)
from tests.test_browser_authoring import click, log_in

pytestmark = [pytest.mark.browser]


def test_adapt_into_my_base_and_land_on_the_draft(
    browser, live_server, transactional_db, django_db_serialized_rollback
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    from base.models import Role
    from ressources.models import ResourcePage

    original = ResourcePageFactory(
        title="Atelier : reconnaître un message frauduleux",
        parent=BasePageFactory(title="Base du Hub du Sud"),
        licence=licence("CC-BY-SA-4.0"),
    )
    first = BasePageFactory(title="Base de l'espace France services")
    second = BasePageFactory(title="Base des médiateurs du Cher")
    person = BaseMembershipFactory(base=first, role=Role.CONTRIBUTOR).user
    BaseMembershipFactory(base=second, user=person, role=Role.ADMIN)
    wait = WebDriverWait(browser, 20)

    log_in(browser, live_server, person)
    browser.get(live_server.url + original.url)
    wait.until(EC.element_to_be_clickable((By.LINK_TEXT, "Adapter dans ma base"))).click()
    wait.until(EC.presence_of_element_located((By.ID, "adapt-form")))
    assert "sera publiée sous la même licence" in browser.find_element(By.TAG_NAME, "main").text
    label = browser.find_element(By.XPATH, "//label[text()='Base des médiateurs du Cher']")
    click(browser, browser.find_element(By.ID, label.get_attribute("for")))
    click(browser, browser.find_element(By.ID, "adapt-submit"))

    wait.until(EC.url_contains("/publier/ressources/"))
    draft = ResourcePage.objects.get(adapted_from=original)
    assert browser.current_url == f"{live_server.url}/publier/ressources/{draft.pk}/"
    assert "Adaptation créée en brouillon dans « Base des médiateurs du Cher »" in (
        browser.find_element(By.TAG_NAME, "body").text
    )
    title = browser.find_element(By.NAME, "title").get_attribute("value")
    assert title == "Atelier : reconnaître un message frauduleux"
    assert draft.get_parent().pk == second.pk and not draft.live

    # Published from the site's editor as it stands: its journal starts with the version adapted.
    click(browser, browser.find_element(By.ID, "publish"))
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "body"), "version 1.0"))
    browser.get(live_server.url + ResourcePage.objects.get(pk=draft.pk).url)
    browser.find_element(By.LINK_TEXT, "Version 1.0").click()
    journal = wait.until(EC.presence_of_element_located((By.TAG_NAME, "table"))).text
    assert "Adaptée de « Atelier : reconnaître un message frauduleux » (version 1.0)" in journal
