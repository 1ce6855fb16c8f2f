"""Issue 19 in a real browser (Debian's Chromium): a keyboard reaches the first search result in
a handful of presses, a phone filters through « Filtrer (n) », a refused form puts the focus on
its error summary, a printed resource carries no navigation, a shared link has its card, the
arrow keys move the focus along a base's tabs, a long action cannot be sent twice."""

import pytest

from tests import ux_world

pytestmark = [pytest.mark.browser]


@pytest.fixture
def world(transactional_db, django_db_serialized_rollback):
    return ux_world.build()


def _wait(browser, seconds=10):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, seconds)


def _active(browser):
    return browser.switch_to.active_element


def test_keyboard_reaches_the_first_result_in_a_handful_of_presses(browser, live_server, world):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.set_window_size(*ux_world.DESKTOP)
    browser.get(live_server.url + "/rechercher/?q=atelier")
    first = browser.find_element(By.CSS_SELECTOR, ".bc-search-results h3 a")
    presses = 0
    # Tab to the skip link « Résultats », follow it, then Tab to the first result.
    while (
        _active(browser).get_attribute("href")
        != live_server.url + "/rechercher/?q=atelier#resultats"
    ):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        presses += 1
        assert presses <= 3, _active(browser).get_attribute("outerHTML")[:200]
    assert _active(browser).text == "Résultats"
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    presses += 1
    while _active(browser) != first:
        ActionChains(browser).send_keys(Keys.TAB).perform()
        presses += 1
        assert presses <= 8, _active(browser).get_attribute("outerHTML")[:200]
    assert presses <= 8


def test_on_a_phone_the_filters_are_a_dialog(browser, live_server, world):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC

    browser.set_window_size(*ux_world.MOBILE)
    try:
        browser.get(live_server.url + "/rechercher/?q=atelier")
        dialog = browser.find_element(By.ID, "search-filters")
        assert not dialog.is_displayed()
        # The results come first on a phone: the first one is within the first two screens.
        first = browser.find_element(By.CSS_SELECTOR, ".bc-search-results h3 a")
        assert first.location["y"] < 2 * ux_world.MOBILE[1]

        opener = browser.find_element(By.ID, "filters-open")
        assert opener.text.startswith("Filtrer")
        opener.click()
        _wait(browser).until(EC.visibility_of(dialog))
        assert dialog.get_attribute("aria-modal") == "true"
        # Open the « Thématique » accordion, tick its first value, apply.
        browser.find_element(By.CSS_SELECTOR, "[aria-controls='facet-thematique']").click()
        checkbox = browser.find_element(By.CSS_SELECTOR, "#facet-thematique input[type=checkbox]")
        label = browser.find_element(
            By.CSS_SELECTOR, f"label[for='{checkbox.get_attribute('id')}']"
        )
        _wait(browser).until(EC.visibility_of(label))
        label.click()
        assert checkbox.is_selected()
        apply = browser.find_element(By.CSS_SELECTOR, ".bc-search-filters__apply button")
        assert apply.is_displayed()
        apply.click()
        _wait(browser).until(EC.url_contains("thematique="))
        opener = browser.find_element(By.ID, "filters-open")
        assert opener.text.replace("\n", " ").startswith("Filtrer (1")
    finally:
        browser.set_window_size(*ux_world.DESKTOP)


def test_a_refused_form_puts_the_focus_on_its_error_summary(browser, live_server, world):
    from selenium.webdriver.common.by import By

    browser.delete_all_cookies()
    browser.get(live_server.url + "/compte/inscription/")
    browser.find_element(By.NAME, "email").send_keys("pas-une-adresse")
    browser.find_element(By.XPATH, "//button[normalize-space()='Créer mon compte']").click()
    _wait(browser).until(lambda b: b.title.startswith("Erreur : "))
    summary = browser.find_element(By.CSS_SELECTOR, ".bc-error-summary")
    assert _active(browser) == summary
    link = summary.find_element(By.CSS_SELECTOR, "a[href='#id_email']")
    link.click()
    assert _active(browser).get_attribute("id") == "id_email"
    assert _active(browser).get_attribute("aria-invalid") == "true"


def test_a_printed_resource_has_its_content_attribution_and_address_only(
    browser, live_server, world
):
    from selenium.webdriver.common.by import By

    resource = world.resources[0]
    browser.set_window_size(*ux_world.DESKTOP)
    browser.get(live_server.url + resource.url)
    assert browser.find_element(By.CSS_SELECTOR, "[data-bc-print]").is_displayed()
    text = " ".join(ux_world.pdf_text(browser).split())
    assert "Atelier numéro 1 : la messagerie" in text
    assert "Ouvrez le site du fournisseur de messagerie." in text
    assert "Camille Durand" in text  # the attribution line
    assert "Creative Commons" in text  # the licence
    assert live_server.url + resource.url in text  # the address
    for navigation in (
        "Se connecter",
        "S'inscrire",
        "Espace contributeur",
        "Accès rapide",
        "info.gouv.fr",
        "Paramètres d'affichage",
        "Copier la mention",
        "Informations",  # the side box
        "Partager",
    ):
        assert navigation not in text, navigation


def test_a_printed_journal_and_collection_have_no_navigation(browser, live_server, world):
    resource = world.resources[0]
    browser.get(live_server.url + resource.url + "journal-des-versions/")
    text = " ".join(ux_world.pdf_text(browser).split())
    assert "Journal des versions" in text
    # A long address wraps on paper: compare without the line breaks.
    assert live_server.url + resource.url + "journal-des-versions/" in text.replace(" ", "")
    assert "Se connecter" not in text and "Espace contributeur" not in text
    browser.get(live_server.url + world.collection.url)
    text = " ".join(ux_world.pdf_text(browser).split())
    assert "Premiers ateliers" in text and "Atelier numéro 1 : la messagerie" in text
    assert live_server.url + world.collection.url in text.replace(" ", "")
    assert "Se connecter" not in text and "Partager" not in text and "Suivre" not in text


def test_a_resource_has_its_opengraph_card(browser, live_server, world):
    from selenium.webdriver.common.by import By

    resource = world.resources[0]
    browser.get(live_server.url + resource.url + "?onglet=ressources")

    def meta(key):
        return browser.find_element(By.CSS_SELECTOR, f"meta[property='{key}']").get_attribute(
            "content"
        )

    assert meta("og:title") == "Atelier numéro 1 : la messagerie"
    assert meta("og:description") == "Un atelier pour ouvrir et tenir sa boîte mail."
    assert meta("og:url") == live_server.url + resource.url
    canonical = browser.find_element(By.CSS_SELECTOR, "link[rel=canonical]")
    assert canonical.get_attribute("href") == live_server.url + resource.url


def test_arrow_keys_move_the_focus_along_a_bases_tabs(browser, live_server, world):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(live_server.url + world.base.url)
    tab = browser.find_element(By.ID, "tab-ressources")
    browser.execute_script("arguments[0].focus()", tab)
    ActionChains(browser).send_keys(Keys.ARROW_RIGHT).perform()
    _wait(browser).until(
        lambda b: b.find_element(By.ID, "tab-collections").get_attribute("aria-selected") == "true"
    )
    assert _active(browser).get_attribute("id") == "tab-collections"
    assert browser.title.startswith("Collections — Hub des ateliers numériques")
    ActionChains(browser).send_keys(Keys.END).perform()
    assert _active(browser).get_attribute("id") == "tab-a-propos"


def test_a_long_action_is_sent_once_and_says_it_is_working(browser, live_server, world):
    from selenium.webdriver.common.by import By

    ux_world.log_in(browser, live_server, world.admin)
    browser.get(live_server.url + "/compte/collections/nouvelle/")
    form = browser.find_element(By.CSS_SELECTOR, "form[data-bc-busy]")
    browser.find_element(By.NAME, "title").send_keys("Ateliers du mardi")
    # Count the submissions the page lets through, and keep the page here to look at it.
    browser.execute_script(
        "window.sent = 0; arguments[0].addEventListener('submit', function (event) {"
        " if (!event.defaultPrevented) window.sent += 1; event.preventDefault(); });",
        form,
    )
    button = form.find_element(By.CSS_SELECTOR, "[type=submit]")
    browser.execute_script("arguments[0].click(); arguments[0].click();", button)
    _wait(browser).until(lambda b: button.get_attribute("disabled"))
    button.click() if button.is_enabled() else None
    assert browser.execute_script("return window.sent") == 1
    assert "en cours" in button.text
    assert form.get_attribute("aria-busy") == "true"
