"""Publishing from the public site in a real browser (Debian's Chromium, headless): a member
writes a resource with an image and a PDF and publishes it; a newcomer follows « Publier une
ressource » to a join request."""

import os
import tempfile

import pytest

from tests.factories import PASSWORD, BaseMembershipFactory, BasePageFactory, UserFactory
from tests.helpers import png

pytestmark = [pytest.mark.browser]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


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


def click(browser, element):
    """DSFR draws its own radios and checkboxes over the inputs: click through JavaScript."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    browser.execute_script("arguments[0].click();", element)


def test_member_writes_and_publishes_a_resource_with_an_image_and_a_pdf(
    browser, live_server, transactional_db, django_db_serialized_rollback
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait

    from base.models import Role
    from ressources.models import Licence, ResourcePage, Term

    base = BasePageFactory(title="Base des médiateurs du Cher")
    member = BaseMembershipFactory(base=base, role=Role.CONTRIBUTOR).user
    member.first_name, member.last_name = "Léa", "Rousseau"
    member.save()
    folder = tempfile.mkdtemp()
    image_path = os.path.join(folder, "capture.png")
    pdf_path = os.path.join(folder, "guide.pdf")
    with open(image_path, "wb") as handle:
        handle.write(png())
    with open(pdf_path, "wb") as handle:
        handle.write(PDF)
    wait = WebDriverWait(browser, 20)

    log_in(browser, live_server, member)
    wait.until(EC.element_to_be_clickable((By.LINK_TEXT, "Publier une ressource"))).click()
    wait.until(EC.element_to_be_clickable((By.PARTIAL_LINK_TEXT, "Publier dans"))).click()
    wait.until(EC.presence_of_element_located((By.NAME, "title"))).send_keys(
        "Fiche : déclarer ses revenus en ligne"
    )
    browser.find_element(By.NAME, "summary").send_keys(
        "Les étapes, de la connexion à la signature."
    )

    def add_block(kind):
        count = len(browser.find_elements(By.CSS_SELECTOR, ".bc-body-block"))
        Select(browser.find_element(By.ID, "new-block-type")).select_by_visible_text(kind)
        click(browser, browser.find_element(By.ID, "add-block"))
        wait.until(
            lambda driver: len(driver.find_elements(By.CSS_SELECTOR, ".bc-body-block")) == count + 1
        )
        return count

    index = add_block("Texte")
    browser.find_element(By.NAME, f"body-{index}-text").send_keys("Munissez-vous de votre avis.")
    index = add_block("Image")
    index_pdf = add_block("Fichier à télécharger")
    # The file inputs last: a browser does not send files again after « Ajouter un bloc ».
    browser.find_element(By.NAME, f"body-{index}-file").send_keys(image_path)
    browser.find_element(By.NAME, f"body-{index}-alt").send_keys("Page d'accueil de l'espace")
    browser.find_element(By.NAME, f"body-{index_pdf}-file").send_keys(pdf_path)
    browser.find_element(By.NAME, f"body-{index_pdf}-title").send_keys("Guide pas à pas (PDF)")

    theme = Term.objects.get(slug="aides_aux_demarches_administratives")
    click(browser, browser.find_element(By.CSS_SELECTOR, f"input[name=themes][value='{theme.pk}']"))
    kind = Term.objects.get(slug="fiche_pratique")
    click(
        browser,
        browser.find_element(By.CSS_SELECTOR, f"input[name=resource_types][value='{kind.pk}']"),
    )
    licence = Licence.objects.get(spdx_id="CC-BY-SA-4.0")
    click(browser, browser.find_element(By.ID, f"licence-{licence.pk}"))
    assert browser.find_element(By.NAME, "credits-0-name").get_attribute("value") == "Léa Rousseau"
    click(browser, browser.find_element(By.ID, "publish"))

    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "h1")))
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "body"), "version 1.0"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Fiche : déclarer ses revenus en ligne"
    page = ResourcePage.objects.get(title="Fiche : déclarer ses revenus en ligne")
    assert page.live
    image = browser.find_element(By.CSS_SELECTOR, "main img[alt=\"Page d'accueil de l'espace\"]")
    assert image.is_displayed()
    assert browser.find_element(By.PARTIAL_LINK_TEXT, "Guide pas à pas (PDF)")
    attribution = browser.find_element(By.ID, "attribution-line").get_attribute("value")
    assert "Léa Rousseau" in attribution

    browser.get(live_server.url + page.url + "journal-des-versions/")
    journal = browser.find_element(By.TAG_NAME, "table").text
    assert "1.0" in journal and "Léa Rousseau" in journal

    browser.get(live_server.url + "/rechercher/?q=revenus")
    main = wait.until(EC.presence_of_element_located((By.TAG_NAME, "main")))
    assert "Fiche : déclarer ses revenus en ligne" in main.text
    assert "Aide aux démarches administratives" in main.text  # its facet
    assert "Base des médiateurs du Cher" in main.text


def test_newcomer_follows_publier_une_ressource_to_a_join_request(
    browser, live_server, transactional_db, django_db_serialized_rollback
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    from base.models import JoinRequest

    base = BasePageFactory(title="Hub du Sud — ressources")
    newcomer = UserFactory()
    wait = WebDriverWait(browser, 20)

    log_in(browser, live_server, newcomer)
    wait.until(EC.element_to_be_clickable((By.LINK_TEXT, "Publier une ressource"))).click()
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Publier une ressource"))
    assert "Créer une base" in browser.find_element(By.TAG_NAME, "main").text
    link = browser.find_element(By.PARTIAL_LINK_TEXT, "Demander à rejoindre")
    click(browser, link)
    message = wait.until(EC.presence_of_element_located((By.ID, "id_message")))
    message.send_keys("Médiatrice à Marseille, je voudrais partager mes fiches.")
    click(browser, browser.find_element(By.XPATH, "//form[.//textarea[@id='id_message']]//button"))
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "body"), "Votre demande est envoyée"))
    assert JoinRequest.objects.filter(base=base, user=newcomer, status="pending").exists()
    # Back on « Publier une ressource », the request shows as sent.
    browser.get(live_server.url + "/publier/")
    assert "demande envoyée" in browser.find_element(By.TAG_NAME, "main").text.lower()


def test_hub_admin_creates_a_base_and_invites_someone(
    browser, live_server, transactional_db, django_db_serialized_rollback
):
    from django.core import mail
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait

    from base.models import BaseMembership, BasePage, Invitation
    from organisations.models import OrganisationKind
    from tests.factories import OrganisationFactory, OrganisationMembershipFactory

    hub = OrganisationFactory(name="Hub du Sud", kind=OrganisationKind.HUB)
    partner = OrganisationFactory(name="HubEst", kind=OrganisationKind.HUB)
    admin = OrganisationMembershipFactory(organisation=hub).user
    wait = WebDriverWait(browser, 20)

    log_in(browser, live_server, admin)
    wait.until(EC.element_to_be_clickable((By.LINK_TEXT, "Publier une ressource"))).click()
    click(browser, wait.until(EC.presence_of_element_located((By.LINK_TEXT, "Créer une base"))))
    wait.until(EC.presence_of_element_located((By.NAME, "title"))).send_keys(
        "Ressources des Hubs du Sud"
    )
    assert Select(browser.find_element(By.NAME, "organisation")).first_selected_option.text == (
        "Hub du Sud"
    )
    click(browser, browser.find_element(By.CSS_SELECTOR, "details summary"))
    click(
        browser,
        browser.find_element(By.CSS_SELECTOR, f"input[name=co_owners][value='{partner.pk}']"),
    )
    browser.find_element(By.NAME, "dedicated_to").send_keys("Médiateurs numériques")
    Select(browser.find_element(By.NAME, "scope")).select_by_visible_text("Régional")
    Select(browser.find_element(By.NAME, "region_code")).select_by_visible_text(
        "Provence-Alpes-Côte d'Azur"
    )
    click(browser, browser.find_element(By.ID, "create-base"))
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "body"), "Base créée"))
    base = BasePage.objects.get(title="Ressources des Hubs du Sud")
    assert not base.awaiting_moderation
    assert BaseMembership.objects.get(base=base).user == admin

    email = wait.until(EC.presence_of_element_located((By.ID, "id_email")))
    email.send_keys("ines.cnfs@example.org")
    click(browser, browser.find_element(By.XPATH, "//form[.//input[@id='id_email']]//button"))
    wait.until(
        EC.text_to_be_present_in_element((By.TAG_NAME, "body"), "Invitation envoyée à ines.cnfs")
    )
    assert Invitation.objects.filter(base=base, email="ines.cnfs@example.org").exists()
    assert any("ines.cnfs@example.org" in message.to for message in mail.outbox)

    browser.get(live_server.url + base.url)
    header = browser.find_element(By.TAG_NAME, "main").text
    assert "Base de Hub du Sud et HubEst" in header
