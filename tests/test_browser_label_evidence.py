"""The label NEC's evidence upload, in a real browser (Debian's Chromium, headless).

Step 3 once rendered « Ajouter une pièce justificative » as a text input: a hand-built POST
never noticed. Here an applicant logs in, opens step 3 of their draft, chooses a PDF in the
file input of the first criterion, saves the draft, finds the file listed and downloads it.
"""

import pytest

from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_applicant_uploads_and_downloads_an_evidence_file(
    browser, live_server, transactional_db, django_db_serialized_rollback, tmp_path
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    from label.criteria import Criterion
    from label.models import EvidenceFile
    from tests.label_factories import LabelRequestFactory

    applicant = UserFactory(first_name="Aïcha", last_name="Benali")
    draft = LabelRequestFactory(applicant=applicant, with_assessments=False)
    proof = tmp_path / "charte-de-gouvernance.pdf"
    proof.write_bytes(PDF)
    wait = WebDriverWait(browser, 20)

    browser.delete_all_cookies()
    browser.get(live_server.url + "/compte/connexion/")
    browser.find_element(By.NAME, "login").send_keys(applicant.username)
    password = browser.find_element(By.NAME, "password")
    password.send_keys(PASSWORD)
    password.submit()
    wait.until(EC.url_to_be(live_server.url + "/"))

    browser.get(f"{live_server.url}/label-nec/demandes/{draft.pk}/etape-3/")
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "body"), "Étape 3 sur 5"))
    first = list(Criterion)[0].value
    upload = browser.find_element(By.NAME, f"{first}-new_file")
    assert upload.get_attribute("type") == "file"
    label = browser.find_element(By.CSS_SELECTOR, f"label[for='{upload.get_attribute('id')}']")
    assert "Ajouter une pièce justificative" in label.text
    browser.find_element(By.NAME, f"{first}-justification").send_keys(
        "Notre charte de gouvernance est publiée et votée en assemblée."
    )
    upload.send_keys(str(proof))  # what choosing a file in the dialog does
    browser.find_element(By.XPATH, "//button[normalize-space()='Enregistrer le brouillon']").click()
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "body"), "Brouillon enregistré."))

    link = wait.until(EC.presence_of_element_located((By.LINK_TEXT, "charte-de-gouvernance.pdf")))
    section = link.find_element(By.XPATH, "./ancestor::section[1]")
    assert "Pièces déjà jointes" in section.text
    href = link.get_attribute("href")
    evidence = EvidenceFile.objects.get()
    assert evidence.original_name == "charte-de-gouvernance.pdf"
    assert evidence.assessment.criterion == first

    # Downloading it with the applicant's session: the browser fetches the link's address.
    status, content_type, head = browser.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: "same-origin"}).then(async (response) => {
          const bytes = new Uint8Array(await response.arrayBuffer());
          done([response.status, response.headers.get("Content-Type"),
                String.fromCharCode(...bytes.slice(0, 8))]);
        });
        """,
        href,
    )
    assert status == 200
    assert content_type.startswith("application/pdf")
    assert head == "%PDF-1.4"

    # Nobody else can: a logged-out visitor is sent away.
    browser.delete_all_cookies()
    browser.get(live_server.url + "/")
    status = browser.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {redirect: "manual"}).then((r) => done(r.status));
        """,
        href,
    )
    assert status != 200
