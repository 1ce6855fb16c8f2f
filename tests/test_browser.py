"""One walk through the site in a real browser (Debian's Chromium, headless).

The live server needs a transactional database, which is emptied after the test:
`django_db_serialized_rollback` puts back what the migrations seeded (terms, licences, page
tree) for whatever runs next.
"""

import pytest

from tests.factories import BasePageFactory, ResourceCreditFactory, ResourcePageFactory

pytestmark = [pytest.mark.browser]


def test_visitor_goes_from_home_to_a_resource(
    browser, live_server, transactional_db, django_db_serialized_rollback
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    base = BasePageFactory(title="Base des médiateurs de Bretagne")
    resource = ResourcePageFactory(
        parent=base, title="Fiche : prendre rendez-vous en ligne", summary="Pas à pas."
    )
    ResourceCreditFactory(resource=resource, name="Camille Durand")

    browser.get(live_server.url + "/")
    h1 = browser.find_element(By.TAG_NAME, "h1")
    assert h1.is_displayed()
    assert h1.text == "Bases communes"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"

    browser.get(live_server.url + base.url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Base des médiateurs de Bretagne"
    link = WebDriverWait(browser, 10).until(
        EC.element_to_be_clickable((By.LINK_TEXT, "Fiche : prendre rendez-vous en ligne"))
    )
    link.click()
    WebDriverWait(browser, 10).until(EC.url_to_be(live_server.url + resource.url))

    h1 = browser.find_element(By.TAG_NAME, "h1")
    assert h1.is_displayed()
    assert h1.text == "Fiche : prendre rendez-vous en ligne"
    licence = browser.find_element(By.ID, "licence")
    browser.execute_script("arguments[0].scrollIntoView();", licence)
    assert licence.is_displayed()
    assert "Creative Commons Attribution 4.0 International" in licence.text
    attribution = browser.find_element(By.ID, "attribution-line")
    assert attribution.is_displayed()
    assert "Camille Durand" in attribution.get_attribute("value")


def test_registered_person_proposes_a_change_and_the_admin_accepts_it(
    browser, live_server, transactional_db, django_db_serialized_rollback
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    from base.models import ContributionMode, Role
    from tests.factories import PASSWORD, BaseMembershipFactory, UserFactory

    base = BasePageFactory(
        title="Hub des suggestions", contribution_mode=ContributionMode.SUGGESTIONS
    )
    resource = ResourcePageFactory(parent=base, title="Fiche : la carte Vitale", summary="Avant.")
    admin = UserFactory(first_name="Thomas", last_name="Leroy")
    BaseMembershipFactory(base=base, user=admin, role=Role.ADMIN)
    proposer = UserFactory(first_name="Mehdi", last_name="Garnier")

    def log_in(user):
        browser.delete_all_cookies()
        browser.get(live_server.url + "/compte/connexion/")
        browser.find_element(By.NAME, "login").send_keys(user.username)
        password = browser.find_element(By.NAME, "password")
        password.send_keys(PASSWORD)
        password.submit()
        WebDriverWait(browser, 10).until(EC.url_to_be(live_server.url + "/"))

    log_in(proposer)
    browser.get(live_server.url + resource.url)
    browser.find_element(By.LINK_TEXT, "Proposer une modification").click()
    summary = browser.find_element(By.NAME, "summary")
    summary.clear()
    summary.send_keys("Après : la carte Vitale se met à jour en pharmacie.")
    browser.find_element(By.NAME, "proposal_summary").send_keys("Préciser la mise à jour")
    browser.find_element(By.NAME, "proposal_summary").submit()
    WebDriverWait(browser, 10).until(
        EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Proposition de modification")
    )
    proposal_url = browser.current_url

    log_in(admin)
    browser.get(proposal_url)
    insertions = " ".join(element.text for element in browser.find_elements(By.TAG_NAME, "ins"))
    assert "la carte Vitale se met à jour en pharmacie" in insertions
    browser.find_element(By.XPATH, "//button[contains(., 'Accepter et publier')]").click()
    WebDriverWait(browser, 10).until(
        EC.text_to_be_present_in_element((By.TAG_NAME, "body"), "publiée dans la version 1.1")
    )
    browser.get(live_server.url + resource.url + "journal-des-versions/")
    journal = browser.find_element(By.TAG_NAME, "table").text
    assert "à la suite de suggestions de Mehdi Garnier" in journal


def test_newcomer_signs_up_confirms_and_saves_a_resource(
    browser, live_server, transactional_db, django_db_serialized_rollback
):
    """Sign-up through the real form, the link of the e-mail, log in, then « Enregistrer » a
    resource in « Mes favoris » with the form that opens without JavaScript (<details>)."""
    import re

    from django.core import mail
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    resource = ResourcePageFactory(
        parent=BasePageFactory(title="Base des médiateurs d'Occitanie"),
        title="Fiche : sécuriser sa messagerie",
    )
    wait = WebDriverWait(browser, 20)
    browser.delete_all_cookies()
    browser.get(live_server.url + "/")
    wait.until(EC.element_to_be_clickable((By.LINK_TEXT, "S'inscrire"))).click()
    wait.until(EC.presence_of_element_located((By.NAME, "accept_terms")))
    for name, value in (
        ("first_name", "Noé"),
        ("last_name", "Lambert"),
        ("email", "noe.lambert@example.org"),
        ("username", "noe"),
        ("password1", "Mediatheque-Ouverte-2026"),
        ("password2", "Mediatheque-Ouverte-2026"),
    ):
        browser.find_element(By.NAME, name).send_keys(value)
    terms = browser.find_element(By.NAME, "accept_terms")
    browser.execute_script("arguments[0].click();", terms)  # DSFR draws its own checkbox
    browser.find_element(By.XPATH, "//button[normalize-space()='Créer mon compte']").click()
    wait.until(EC.url_to_be(live_server.url + "/compte/confirmer/"))

    link = re.search(r"https?://\S+(/compte/confirmer/\S+)", mail.outbox[-1].body).group(1)
    browser.get(live_server.url + link)
    button = "//button[normalize-space()='Confirmer mon adresse']"
    wait.until(EC.element_to_be_clickable((By.XPATH, button))).click()
    wait.until(EC.url_contains("/compte/connexion/"))
    wait.until(EC.presence_of_element_located((By.NAME, "login"))).send_keys("noe")
    browser.find_element(By.NAME, "password").send_keys("Mediatheque-Ouverte-2026")
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.presence_of_element_located((By.LINK_TEXT, "Mon compte")))

    browser.get(live_server.url + resource.url)
    wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "details.bc-save summary"))).click()
    label = (By.XPATH, "//details[@open]//label[normalize-space()='Mes favoris']")
    wait.until(EC.visibility_of_element_located(label)).click()
    submit = browser.find_element(By.CSS_SELECTOR, "details.bc-save button[type=submit]")
    submit.click()
    wait.until(EC.staleness_of(submit))  # the page came back from the POST
    browser.get(live_server.url + "/compte/collections/")
    wait.until(EC.element_to_be_clickable((By.PARTIAL_LINK_TEXT, "Mes favoris"))).click()
    wait.until(EC.title_contains("Mes favoris"))
    main = browser.find_element(By.TAG_NAME, "main")
    assert "Fiche : sécuriser sa messagerie" in main.text


def test_visitor_pages_sorts_and_sees_a_new_publication_on_every_page(
    browser, live_server, transactional_db, django_db_serialized_rollback
):
    """A base's list is served from its ids kept in order (base.listing.ordered_ids): the
    pages, the sort and a publication made meanwhile read right in the browser."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait

    base = BasePageFactory(title="Base du Hub des Hauts-de-France")
    for number in range(1, 15):
        ResourcePageFactory(parent=base, title=f"Fiche {number:02} : les démarches en ligne")

    def titles():
        cards = browser.find_elements(By.CSS_SELECTOR, "#panel-ressources .fr-card__title")
        return [card.text.split(" :")[0] for card in cards]

    def next_page(number):
        browser.find_element(
            By.CSS_SELECTOR, "#panel-ressources .fr-pagination__link--next"
        ).click()
        WebDriverWait(browser, 10).until(EC.url_contains(f"page={number}"))

    browser.get(live_server.url + base.url)
    assert titles()[:2] == ["Fiche 14", "Fiche 13"]
    next_page(2)
    assert titles() == ["Fiche 02", "Fiche 01"]

    Select(browser.find_element(By.NAME, "tri")).select_by_visible_text("Titre (A → Z)")
    browser.find_element(By.XPATH, "//button[normalize-space()='Filtrer']").click()
    WebDriverWait(browser, 10).until(EC.url_contains("tri=titre"))
    assert titles()[:2] == ["Fiche 01", "Fiche 02"]
    next_page(2)
    assert titles() == ["Fiche 13", "Fiche 14"]

    # Someone publishes in the base meanwhile: the visitor's next look counts it.
    ResourcePageFactory(parent=base, title="Fiche 00 : accueillir sans rendez-vous")
    browser.refresh()
    assert titles() == ["Fiche 12", "Fiche 13", "Fiche 14"]
    assert "Ressources (15)" in browser.find_element(By.ID, "tab-ressources").text
