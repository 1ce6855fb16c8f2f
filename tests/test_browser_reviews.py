"""In a real browser: a reader says a resource was useful and sees the figures change."""

import pytest
from django.conf import settings
from django.test import Client

from ressources.models import ResourceReview
from tests.factories import BasePageFactory, ResourcePageFactory, UserFactory

pytestmark = [pytest.mark.browser]


def log_in(browser, live_server, user):
    """A logged-in session for `user` (the log-in form has browser tests of its own)."""
    client = Client()
    client.force_login(user)
    browser.get(live_server.url + "/robots.txt")
    browser.add_cookie(
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "path": "/",
        }
    )


def test_a_reader_rates_a_resource_and_sees_the_average(
    browser, live_server, transactional_db, django_db_serialized_rollback
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    base = BasePageFactory(title="Base du Hub")
    resource = ResourcePageFactory(parent=base, title="Fiche : la carte Vitale")
    for usefulness in (4, 3):
        ResourceReview.objects.create(
            resource=resource, author=UserFactory(), usefulness=usefulness
        )
    reader = UserFactory(first_name="Lina", last_name="Perrin")
    log_in(browser, live_server, reader)

    browser.get(live_server.url + resource.url)
    box = browser.find_element(By.ID, "avis")
    assert "2 avis : la note s'affiche à partir de 3." in box.text
    browser.execute_script("arguments[0].scrollIntoView();", box)
    browser.find_element(By.CSS_SELECTOR, "label[for='id_usefulness_3']").click()  # Très utile
    comment = browser.find_element(By.NAME, "comment")
    comment.send_keys("Je l'ai imprimée pour l'atelier de jeudi : parfaite.")
    box.find_element(By.XPATH, ".//button[normalize-space()='Donner mon avis']").click()

    WebDriverWait(browser, 10).until(
        EC.text_to_be_present_in_element((By.ID, "avis"), "Utile pour 100 % des lecteurs")
    )
    box = browser.find_element(By.ID, "avis")
    assert "Note moyenne 3,7 sur 4, 3 avis" in box.text
    assert "Merci, votre avis est enregistré." in browser.page_source
    assert "Modifier mon avis" in box.text
    review = ResourceReview.objects.get(author=reader)
    assert (review.usefulness, review.comment) == (
        4,
        "Je l'ai imprimée pour l'atelier de jeudi : parfaite.",
    )

    box.find_element(By.PARTIAL_LINK_TEXT, "Lire les 3 avis").click()
    WebDriverWait(browser, 10).until(EC.url_contains("/avis/"))
    assert (
        "Je l'ai imprimée pour l'atelier de jeudi" in browser.find_element(By.TAG_NAME, "main").text
    )
