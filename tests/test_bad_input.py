"""Crafted, outdated or broken addresses answer a normal page, never a server error."""

from urllib.parse import unquote

from django.test import TestCase

from base.input_guard import has_control_characters
from tests.factories import BasePageFactory, ResourcePageFactory
from tests.helpers import page_text, soup

LONG = "a" * 5000
# Wherever they go: page numbers, repeated and unknown parameters, control characters, length.
ANY_PAGE = [
    "?page=999999",
    "?page=abc",
    "?page=-1&page=0",
    "?page=1.5",
    "?page=99999999999999999999999",
    "?%00=%00&x=%ff%fe",
    "?" + "&".join(f"p{n}=x" for n in range(500)),
    "?" + LONG + "=" + LONG,
]
# Filters of the bases directory and of a base page.
FILTERS = [
    "?region=zz&departement=999",
    "?region=53&region=11&departement=2A",
    "?type=<script>alert(1)</script>",
    "?type=hub&type=association&tri=nom'--",
    "?tri=-pk&onglet=<b>x</b>&view=DROP%20TABLE",
    "?thematique=inconnue&type=%00&beneficiaire=&secteur=" + LONG,
    "?thematique=maitrise_des_outils_numeriques&thematique=donnees&page=abc",
]
# The search text.
SEARCHES = [
    "?q=%00%01%1b",
    "?q=%ff%fe",
    "?q=" + LONG,
    "?q=" + "%C3%A9" * 2000,
    "?q=a" + "&q=x" * 500,
    '?q="&q=*&q=\\',
    "?q=AND%20OR%20NOT%20NEAR",
    "?q=(((%22unclosed",
    "?q=a:b%20-c%20%2Bd%20~e%20^f%20*",
    "?q=%E2%80%8B%E2%80%AE",
    "?q=<script>alert(1)</script>",
    "?q=kit&page=abc",
    "?q=kit&page=999999",
]


class BadInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.base = BasePageFactory(title="Base des kits")
        for n in range(14):
            ResourcePageFactory(parent=cls.base, title=f"Kit n°{n}")

    def test_no_server_error(self):
        cases = [
            *(("/bases/", q) for q in ANY_PAGE + FILTERS),
            *((self.base.url, q) for q in ANY_PAGE + FILTERS),
            *(("/rechercher/", q) for q in ANY_PAGE + SEARCHES),
            *(("/", q) for q in ANY_PAGE[-3:]),
        ]
        for path, query in cases:
            with self.subTest(path=path, query=query[:60]):
                response = self.client.get(path + query)
                # Control characters are refused at the door (base.input_guard), in French.
                refused = has_control_characters(unquote(query))
                self.assertEqual(response.status_code, 400 if refused else 200)
                self.assertEqual(len(soup(response).find_all("h1")), 1)
                if refused:
                    self.assertIn("caractères de contrôle", page_text(response))

    def test_script_in_a_parameter_is_not_echoed_as_markup(self):
        for path in ("/bases/", self.base.url, "/rechercher/"):
            response = self.client.get(
                path + "?q=<script>alert(1)</script>&type=<script>x</script>"
            )
            self.assertNotIn(b"<script>alert(1)</script>", response.content)
            self.assertNotIn(b"<script>x</script>", response.content)

    def test_out_of_range_page_shows_the_last_page(self):
        response = self.client.get(self.base.url + "?page=999999")
        titles = [t.get_text(strip=True) for t in soup(response).select(".fr-card__title")]
        self.assertEqual(len(titles), 2)  # 14 resources, 12 a page

    def test_invalid_filter_is_dropped(self):
        response = self.client.get("/bases/?region=zz")
        self.assertIn("Base des kits", page_text(response))

    def test_search_with_a_long_query_says_it_was_shortened(self):
        response = self.client.get("/rechercher/?q=" + "kit " * 100)
        self.assertEqual(response.status_code, 200)
        self.assertIn("seuls ses 200 premiers caractères", page_text(response))

    def test_too_many_parameters_is_a_client_error(self):
        query = "&".join(f"p{n}=x" for n in range(11_000))
        for path in ("/bases/", "/rechercher/"):
            with self.subTest(path=path):
                response = self.client.get(path + "?" + query)
                self.assertIn(response.status_code, (200, 400))
