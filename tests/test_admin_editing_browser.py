"""Editing in the Wagtail admin as people really do, in a real browser (Debian's Chromium).

Autosave is on (Wagtail 8 saves a draft revision half a second after each change): these tests
type, pause past the autosave, then press the buttons, as an editor does. The live server needs a
transactional database; `django_db_serialized_rollback` puts back what the migrations seeded.
"""

import time

import pytest

from base.models import Role
from ressources.versioning import record_version
from tests.factories import (
    PASSWORD,
    BaseMembershipFactory,
    BasePageFactory,
    ResourcePageFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser]

AUTOSAVE_PAUSE = 2  # seconds: Wagtail autosaves 0.5 s after the last change


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


def wait_for_autosave(browser):
    """Pause as a person does, then until the admin's indicator says « autosaved »."""
    from selenium.webdriver.support.ui import WebDriverWait

    time.sleep(AUTOSAVE_PAUSE)
    WebDriverWait(browser, 10).until(
        lambda driver: (
            driver.execute_script(
                "return document.getElementById('w-autosave-indicator')"
                ".getAttribute('data-w-autosave-state-value');"
            )
            == "saved"
        )
    )


def open_editor(browser, live_server, resource):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{live_server.url}/admin/pages/{resource.pk}/edit/")
    WebDriverWait(browser, 10).until(EC.element_to_be_clickable((By.ID, "id_summary")))
    # Wagtail takes the form's initial state 2 s after loading; what is typed before that is
    # not seen as a change (nor autosaved). A person reads the page first.
    time.sleep(2.5)


def type_into(browser, element_id, text, clear=False):
    from selenium.webdriver.common.by import By

    field = browser.find_element(By.ID, element_id)
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", field
    )
    if clear:
        field.clear()
    field.send_keys(text)


def press_publish(browser):
    """« Publier » is in the footer's action menu, behind its arrow."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    toggle = browser.find_element(By.CSS_SELECTOR, "footer [data-w-dropdown-target='toggle']")
    toggle.click()
    publish = WebDriverWait(browser, 10).until(
        EC.element_to_be_clickable((By.CSS_SELECTOR, "button[name='action-publish']"))
    )
    assert publish.text.strip() == "Publier"
    publish.click()


def open_tab(browser, name):
    from selenium.webdriver.common.by import By

    tab = browser.find_element(By.XPATH, f"//a[@role='tab'][contains(., '{name}')]")
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", tab
    )
    tab.click()


def messages(browser):
    """The admin's confirmation messages, as read (non-breaking spaces as spaces)."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.common.by import By

    try:
        return browser.find_element(By.CSS_SELECTOR, ".messages").text.replace("\xa0", " ")
    except (NoSuchElementException, StaleElementReferenceException):
        return ""  # the next page is still loading


def published_resource(base, **fields):
    resource = ResourcePageFactory(parent=base, **fields)
    record_version(resource, resource.latest_revision)  # journal: 1.0
    return resource


def test_base_admin_edits_pauses_and_publishes(
    browser, live_server, transactional_db, django_db_serialized_rollback
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base = BasePageFactory(title="Base des médiateurs")
    resource = published_resource(base, title="Fiche : la carte Vitale", summary="Avant.")
    editor = UserFactory(first_name="Sarah", last_name="Hub")
    BaseMembershipFactory(base=base, user=editor, role=Role.ADMIN)

    log_in(browser, live_server, editor)
    open_editor(browser, live_server, resource)
    type_into(browser, "id_summary", "Après : le résumé revu dans l'administration.", clear=True)
    wait_for_autosave(browser)
    type_into(browser, "id_version_changes", "Résumé revu")
    wait_for_autosave(browser)
    time.sleep(2)  # a long pause: the editor rereads before publishing
    press_publish(browser)

    WebDriverWait(browser, 15).until(lambda d: "/edit/" not in d.current_url)
    assert "Vos modifications n'ont pas été enregistrées" not in browser.page_source
    WebDriverWait(browser, 15).until(lambda d: "a été publiée" in messages(d))
    assert "Fiche : la carte Vitale" in messages(browser)

    browser.get(live_server.url + resource.url + "journal-des-versions/")
    journal = browser.find_element(By.ID, "version-1-1").text
    assert "Résumé revu" in journal
    assert "Sarah Hub" in journal
    browser.get(live_server.url + resource.url)
    assert "Après : le résumé revu dans l'administration." in browser.page_source


def test_second_editor_saving_after_the_first_published_sees_the_conflict(
    browser, second_browser, live_server, transactional_db, django_db_serialized_rollback
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base = BasePageFactory(title="Base partagée")
    resource = published_resource(base, title="Fiche : le compte Ameli", summary="Avant.")
    alice = UserFactory(first_name="Alice", last_name="Premiere")
    bruno = UserFactory(first_name="Bruno", last_name="Second")
    for person in (alice, bruno):
        BaseMembershipFactory(base=base, user=person, role=Role.ADMIN)

    log_in(browser, live_server, alice)
    log_in(second_browser, live_server, bruno)
    open_editor(browser, live_server, resource)
    open_editor(second_browser, live_server, resource)

    # Alice types, pauses (autosave), notes her change and publishes.
    type_into(browser, "id_summary", "Le résumé d'Alice.", clear=True)
    wait_for_autosave(browser)
    type_into(browser, "id_version_changes", "Résumé d'Alice")
    wait_for_autosave(browser)
    press_publish(browser)
    WebDriverWait(browser, 15).until(lambda d: "/edit/" not in d.current_url)
    WebDriverWait(browser, 15).until(lambda d: "a été publiée" in messages(d))

    # Bruno, whose editor was opened before, types: Wagtail refuses his autosave (a newer
    # version exists) and says so; he publishes anyway.
    type_into(second_browser, "id_summary", "Le résumé de Bruno.", clear=True)
    type_into(second_browser, "id_version_changes", "Résumé de Bruno")
    time.sleep(AUTOSAVE_PAUSE)
    press_publish(second_browser)
    # Wagtail may first ask for confirmation (another session saved): he goes on.
    time.sleep(1)
    confirm = second_browser.find_elements(
        By.CSS_SELECTOR, "#w-save-confirmation-dialog [data-w-dialog-target='confirm']"
    )
    if confirm and confirm[0].is_displayed():
        confirm[0].click()
    WebDriverWait(second_browser, 15).until(
        lambda d: "Vos modifications n'ont pas été enregistrées" in d.page_source
    )
    body = second_browser.find_element(By.TAG_NAME, "body").text
    assert "Alice Premiere" in body
    assert "Le résumé d'Alice." in body  # what changed meanwhile
    assert "Le résumé de Bruno." in body  # what he typed, to redo it
    resource.refresh_from_db()
    assert resource.summary == "Le résumé d'Alice."
    assert [str(v.number) for v in resource.versions.order_by("major", "minor")] == ["1.0", "1.1"]


def test_too_long_alternative_text_is_shown_where_it_is(
    browser, live_server, transactional_db, django_db_serialized_rollback
):
    """A limit broken by old content: the error is visible, not inside a collapsed block."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.factories import ImageFactory

    base = BasePageFactory(title="Base illustrée")
    image = ImageFactory()
    long_alt = " ".join(["Un schéma très détaillé."] * 12)  # 299 characters
    resource = published_resource(
        base,
        title="Fiche illustrée",
        body=[
            ("paragraph", "<p>Introduction.</p>"),
            ("image", {"image": image, "alt_text": long_alt, "caption": "", "credit": ""}),
            ("paragraph", "<p>Suite.</p>"),
        ],
    )
    editor = UserFactory()
    BaseMembershipFactory(base=base, user=editor, role=Role.ADMIN)

    log_in(browser, live_server, editor)
    open_editor(browser, live_server, resource)
    type_into(browser, "id_version_changes", "Relecture")
    time.sleep(AUTOSAVE_PAUSE)  # the autosave fails too (the indicator says why)
    press_publish(browser)
    WebDriverWait(browser, 15).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".error-message, .w-field__errors")
    )
    errors = [
        element
        for element in browser.find_elements(By.CSS_SELECTOR, ".error-message, .w-field__errors")
        if "250" in element.get_attribute("textContent")
    ]
    assert errors, "no error about the 250 characters"
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", errors[0]
    )
    assert errors[0].is_displayed()
    assert f"250 caractères (actuellement {len(long_alt)})" in errors[0].text
    banner = browser.find_element(By.CSS_SELECTOR, ".messages").text
    assert "erreurs de validation" in banner
    resource.refresh_from_db()
    assert resource.versions.count() == 1


def test_contributor_creates_a_resource_in_the_admin_and_is_credited(
    browser, live_server, transactional_db, django_db_serialized_rollback
):
    """Create, with pauses (the first autosave turns the new page into a draft), publish."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    from ressources.models import ResourcePage
    from tests.factories import licence, resource_type, theme

    base = BasePageFactory(title="Base des conseillers")
    author = UserFactory(first_name="Inès", last_name="Moreau")
    BaseMembershipFactory(base=base, user=author, role=Role.CONTRIBUTOR)

    log_in(browser, live_server, author)
    browser.get(f"{live_server.url}/admin/pages/add/ressources/resourcepage/{base.pk}/")
    WebDriverWait(browser, 10).until(EC.element_to_be_clickable((By.ID, "id_title")))
    time.sleep(2.5)
    type_into(browser, "id_title", "Fiche : sécuriser son smartphone")
    type_into(browser, "id_summary", "Les réglages essentiels, pas à pas.")
    wait_for_autosave(browser)

    open_tab(browser, "Indexation")
    for term in (theme(), resource_type()):
        selector = f"input[type='checkbox'][value='{term.pk}']"
        box = WebDriverWait(browser, 10).until(
            EC.visibility_of_element_located((By.CSS_SELECTOR, selector))
        )
        browser.execute_script(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", box
        )
        box.send_keys(Keys.SPACE)  # with the keyboard: the footer's action bar may cover it
        assert box.is_selected()
    wait_for_autosave(browser)
    open_tab(browser, "Licence et crédits")
    choose = WebDriverWait(browser, 10).until(
        EC.element_to_be_clickable((By.XPATH, "//button[contains(., 'Choisir licence')]"))
    )
    choose.click()
    chosen = WebDriverWait(browser, 10).until(
        EC.element_to_be_clickable((By.LINK_TEXT, licence().name))
    )
    chosen.click()
    WebDriverWait(browser, 10).until(
        lambda d: d.find_element(By.NAME, "licence").get_attribute("value") == str(licence().pk)
    )
    wait_for_autosave(browser)
    press_publish(browser)

    WebDriverWait(browser, 15).until(lambda d: "a été publiée" in messages(d))
    resource = ResourcePage.objects.get(title="Fiche : sécuriser son smartphone")
    assert resource.live
    assert [str(v.number) for v in resource.versions.all()] == ["1.0"]
    assert list(resource.credits.values_list("name", "role")) == [("Inès Moreau", "redaction")]
    browser.get(live_server.url + resource.url)
    attribution = browser.find_element(By.ID, "attribution-line").get_attribute("value")
    assert "Inès Moreau" in attribution
