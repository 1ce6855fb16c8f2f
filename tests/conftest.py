import os

import pytest

# Selenium must never fetch a browser or a driver: the browser tests use Debian's Chromium.
os.environ.setdefault("SE_OFFLINE", "true")


def _patient_waits():
    """A wait polls the page while it navigates: an element read as the new document replaces
    the old one is « stale », or « does not belong to the document » (chromedriver's inspector
    error). Such a read is retried like a missing element; a condition never met still fails
    with the wait's timeout."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support import wait

    wait.IGNORED_EXCEPTIONS = (*wait.IGNORED_EXCEPTIONS, StaleElementReferenceException)
    original = wait.WebDriverWait.until

    def until(self, method, message=""):
        def checked(driver):
            try:
                return method(driver)
            except WebDriverException as error:
                if "does not belong to the document" in str(error):
                    return False
                raise

        return original(self, checked, message)

    wait.WebDriverWait.until = until


_patient_waits()

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
BROWSER_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,900",
    "--lang=fr-FR",
]


def start_browser():
    """Headless Chromium driven by Selenium; the caller quits it."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in BROWSER_FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium driven by Selenium (tests marked `browser`)."""
    driver = start_browser()
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def second_browser():
    """Another person's browser, for tests where two people work at once."""
    driver = start_browser()
    yield driver
    driver.quit()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the rate limits' counters (django-allauth)
    live there, and the whole suite logs in from the same address."""
    from django.core.cache import caches

    for cache in caches.all():  # and the page cache (portal.page_cache)
        cache.clear()
    yield
