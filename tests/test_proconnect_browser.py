"""« S'identifier avec ProConnect » in a real browser (Debian's Chromium), against the loopback
OpenID Connect provider of tests/oidc_provider.py: the button, ProConnect's consent, the sign-up
form with the conditions of use, landing logged in with the organisation of the SIRET, and the
log-out through ProConnect."""

import copy

import pytest

from config.settings.common import proconnect_origin, proconnect_providers
from tests.factories import OrganisationFactory
from tests.oidc_provider import CLIENT_ID, CLIENT_SECRET, FakeProConnect

pytestmark = [pytest.mark.browser]


def test_a_professional_signs_up_with_proconnect_and_logs_out_through_it(
    browser, live_server, transactional_db, django_db_serialized_rollback, settings
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    from accounts.models import User

    provider = FakeProConnect(
        identity={
            "sub": "sub-browser-1",
            "given_name": "Nadia",
            "usual_name": "Ferhat",
            "email": "nadia.ferhat@hub-sud.fr",
            "siret": "13002526500013",
            "uid": "7",
        }
    ).start()
    try:
        settings.SOCIALACCOUNT_PROVIDERS = proconnect_providers(
            CLIENT_ID, CLIENT_SECRET, provider.discovery_url
        )
        # As the settings do when PROCONNECT_DISCOVERY_URL is set: the forms that end at
        # ProConnect (the button, « Se déconnecter ») are allowed to by the CSP.
        policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
        policy["DIRECTIVES"]["form-action"].append(proconnect_origin(provider.discovery_url))
        settings.CONTENT_SECURITY_POLICY = policy
        organisation = OrganisationFactory(name="Hub du Sud", siret="13002526500013")
        wait = WebDriverWait(browser, 20)
        browser.delete_all_cookies()
        browser.get(live_server.url + "/")
        wait.until(EC.element_to_be_clickable((By.LINK_TEXT, "Se connecter"))).click()
        button = wait.until(EC.element_to_be_clickable((By.ID, "proconnect-button")))
        assert "S’identifier avec" in button.text and "ProConnect" in button.text
        button.send_keys(Keys.ENTER)  # a button of its own: the keyboard reaches it

        # ProConnect consented at once and sent the browser back: the sign-up form, filled.
        wait.until(EC.url_contains("/compte/proconnect/inscription/"))
        assert browser.find_element(By.NAME, "first_name").get_attribute("value") == "Nadia"
        assert browser.find_element(By.NAME, "last_name").get_attribute("value") == "Ferhat"
        selected = browser.find_element(By.CSS_SELECTOR, "select[name=organisation] option:checked")
        assert selected.text == "Hub du Sud"
        terms = browser.find_element(By.NAME, "accept_terms")
        browser.execute_script("arguments[0].click();", terms)  # DSFR draws its own checkbox
        browser.find_element(By.XPATH, "//button[normalize-space()='Créer mon compte']").click()

        wait.until(EC.presence_of_element_located((By.LINK_TEXT, "Mon compte"))).click()
        wait.until(EC.url_contains("/compte/profil/"))
        main = browser.find_element(By.TAG_NAME, "main").text
        assert "Organisation reconnue : Hub du Sud" in main
        assert "13002526500013" in main
        user = User.objects.get(email="nadia.ferhat@hub-sud.fr")
        assert user.organisation == organisation

        # Log-out: through ProConnect's end-session endpoint, and back home, logged out.
        browser.find_element(By.XPATH, "//button[normalize-space()='Se déconnecter']").click()
        wait.until(EC.presence_of_element_located((By.LINK_TEXT, "Se connecter")))
        assert browser.current_url == live_server.url + "/"
        ends = provider.calls_to("/api/v2/session/end")
        assert len(ends) == 1
        assert ends[0]["id_token_hint"] == provider.issued_id_tokens[-1]
    finally:
        provider.stop()
