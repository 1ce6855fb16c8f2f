"""The documented read API: its OpenAPI description validates, every documented endpoint
answers as described (real answers validated against the description's schemas), on the
configured host, with the site's facets, without private content, readable cross-origin, and
hostile parameters get a French 400."""

from urllib.parse import quote

from django.test import TestCase, override_settings
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from search.lifecycle import drain
from tests.factories import ResourceCollectionPageFactory, ResourcePageFactory, licence, term
from tests.private_fixtures import build_private_space

HOST = "https://bases.example.fr"


# Addresses the API writes itself (a licence's `url`, an organisation's `website` are not).
OWN_URLS = ("detail_url", "html_url", "download_url")


def own_urls(data):
    """Every address the API wrote in an answer, however deeply nested."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in OWN_URLS and isinstance(value, str):
                yield value
            else:
                yield from own_urls(value)
    elif isinstance(data, list):
        for value in data:
            yield from own_urls(value)


def pointer(*parts):
    return "/".join(quote(part.replace("~", "~0").replace("/", "~1"), safe="~") for part in parts)


@override_settings(BASE_URL=HOST, WAGTAILAPI_BASE_URL=HOST)
class OpenAPITests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_private_space(cls)
        cls.shared_resource = ResourcePageFactory(
            parent=cls.public_base,
            title="Fiche partagée",
            licence=licence("CC-BY-SA-4.0"),
            themes=[term("theme", "accessibilite")],
        )
        ResourceCollectionPageFactory(
            parent=cls.public_base,
            title="Premiers pas",
            resources=[cls.public_resource, cls.resource],
        )
        drain()

    def setUp(self):
        self.document = self.client.get("/api/v2/openapi.json").json()
        registry = Registry().with_resource(
            "urn:api", Resource.from_contents(self.document, default_specification=DRAFT202012)
        )
        self.registry = registry

    def assert_answers_as_described(self, url, path, status="200"):
        response = self.client.get(url)
        self.assertEqual(str(response.status_code), status, response.content)
        ref = "urn:api#/" + pointer(
            "paths", path, "get", "responses", status, "content", "application/json", "schema"
        )
        errors = list(
            Draft202012Validator({"$ref": ref}, registry=self.registry).iter_errors(response.json())
        )
        self.assertFalse(errors, f"{url}: {[error.message for error in errors[:3]]}")
        for address in own_urls(response.json()):
            self.assertTrue(address.startswith(HOST + "/"), f"{url}: {address}")
        return response.json()

    def test_description_validates_and_names_the_configured_host(self):
        validate(self.document)
        self.assertEqual(self.document["servers"][0]["url"], f"{HOST}/api/v2")
        names = {path.strip("/").split("/")[0] for path in self.document["paths"]}
        self.assertEqual(
            names,
            {
                "ressources",
                "bases",
                "collections",
                "organisations",
                "taxonomie",
                "licences",
                "versions",
            },
        )

    def test_every_documented_endpoint_answers_as_described(self):
        for path in self.document["paths"]:
            if "{id}" in path:
                continue
            with self.subTest(path=path):
                url = "/api/v2" + path
                listing = self.assert_answers_as_described(url, path)
                self.assertTrue(listing["items"], f"{path} lists nothing")
                self.assert_answers_as_described(url + "?fields=*&limit=100", path)
                item = listing["items"][0]
                self.assertTrue(item["meta"]["detail_url"].startswith(f"{HOST}/api/v2{path}"))
                self.assert_answers_as_described(f"/api/v2{path}{item['id']}/", path + "{id}/")
                self.assert_answers_as_described(
                    f"/api/v2{path}987654321/", path + "{id}/", status="404"
                )
                self.assert_answers_as_described(url + "?inconnu=1", path, status="400")

    def test_versions_are_the_journal_and_link_the_version_page(self):
        journal = self.client.get(
            "/api/v2/versions/", {"ressource": self.public_resource.pk}
        ).json()["items"]
        self.assertEqual([version["number"] for version in journal], ["1.0"])
        self.assertEqual(journal[0]["html_url"], f"{HOST}{self.public_resource.url}versions/1-0/")

    def test_filters_are_the_sites_facets(self):
        def ids(**params):
            response = self.client.get("/api/v2/ressources/", {"limit": 100, **params})
            self.assertEqual(response.status_code, 200, response.content)
            return {item["id"] for item in response.json()["items"]}

        shared, public = self.shared_resource.pk, self.public_resource.pk
        self.assertEqual(ids(thematique="accessibilite"), {shared})
        self.assertEqual(ids(licence="CC-BY-SA-4.0"), {shared})
        self.assertEqual(ids(licence=["CC-BY-SA-4.0", "CC-BY-4.0"]), {shared, public})
        self.assertEqual(ids(base=self.public_base.pk), {shared, public})
        self.assertEqual(ids(search="partagée", thematique="accessibilite"), {shared})
        self.assertFalse(ids(base=self.private_base.pk))

    def test_the_label_filter_reads_decided_labels_only(self):
        from label.criteria import Status
        from tests.label_factories import make_reviewer, request_in

        reviewer = make_reviewer()
        request_in(Status.LABELLED, reviewer, resource=self.shared_resource)
        request_in(Status.IN_REVIEW, reviewer, resource=self.public_resource)

        def ids(value):
            response = self.client.get("/api/v2/ressources/", {"limit": 100, "label": value})
            self.assertEqual(response.status_code, 200, response.content)
            return {item["id"] for item in response.json()["items"]}

        self.assertEqual(ids("labellise"), {self.shared_resource.pk})
        self.assertFalse(ids("expire"))
        self.assertIn(self.public_resource.pk, ids("aucun"))  # a pending request says nothing
        self.assertNotIn(self.shared_resource.pk, ids("aucun"))
        self.assertEqual(self.client.get("/api/v2/ressources/", {"label": "x"}).status_code, 400)

    def test_an_adaptation_names_its_original_and_the_version_adapted(self):
        """…when the reader may read the original: a private base's resource adapted into a
        public base stays unnamed for outsiders."""
        of_public = ResourcePageFactory(
            parent=self.public_base,
            title="Fiche adaptée pour les Hauts-de-France",
            adapted_from=self.public_resource,
            adapted_from_version=self.public_resource.versions.get(),
        )
        of_private = ResourcePageFactory(
            parent=self.public_base,
            title="Fiche adaptée d'un compte rendu",
            adapted_from=self.resource,
        )
        path = "/ressources/{id}/"
        item = self.assert_answers_as_described(f"/api/v2/ressources/{of_public.pk}/", path)
        self.assertEqual(
            item["adapted_from"],
            {
                "id": self.public_resource.pk,
                "title": self.public_resource.title,
                "detail_url": f"{HOST}/api/v2/ressources/{self.public_resource.pk}/",
                "html_url": f"{HOST}{self.public_resource.url}",
                "version": "1.0",
                "version_html_url": f"{HOST}{self.public_resource.url}versions/1-0/",
            },
        )
        item = self.assert_answers_as_described(f"/api/v2/ressources/{of_private.pk}/", path)
        self.assertIsNone(item["adapted_from"])
        listing = self.client.get("/api/v2/ressources/?fields=adapted_from&limit=100").json()
        originals = {row["id"]: row["adapted_from"] for row in listing["items"]}
        self.assertEqual(originals[of_public.pk]["id"], self.public_resource.pk)
        self.assertIsNone(originals[of_private.pk])
        self.client.force_login(self.member)
        item = self.client.get(f"/api/v2/ressources/{of_private.pk}/").json()
        self.assertEqual(
            (item["adapted_from"]["title"], item["adapted_from"]["version"]),
            (self.resource.title, None),
        )

    def test_private_content_is_absent_for_outsiders(self):
        private = {
            self.resource.pk,
            self.other_resource.pk,
            self.collection.pk,
            self.private_base.pk,
        }
        for user, visible in ((None, False), (self.outsider, False), (self.member, True)):
            self.client.logout()
            if user is not None:
                self.client.force_login(user)
            with self.subTest(user=user and user.username):
                listed = set()
                for name in ("ressources", "bases", "collections"):
                    items = self.client.get(f"/api/v2/{name}/?limit=100").json()["items"]
                    listed |= {item["id"] for item in items}
                self.assertEqual(private <= listed, visible)
                self.assertEqual(bool(private & listed), visible)
                journal = self.client.get(f"/api/v2/versions/?ressource={self.resource.pk}")
                self.assertEqual(bool(journal.json()["items"]), visible)
                detail = self.client.get(f"/api/v2/ressources/{self.resource.pk}/")
                self.assertEqual(detail.status_code, 200 if visible else 404)

    def test_hostile_parameters_get_a_french_400(self):
        for query in (
            "/api/v2/ressources/?offset=-1",
            "/api/v2/ressources/?limit=1000",
            "/api/v2/ressources/?order=owner",
            "/api/v2/ressources/?fields=owner",
            "/api/v2/ressources/?fields=title(x)",
            "/api/v2/ressources/?type=wagtailcore.Page&child_of=1",
            "/api/v2/ressources/?base=abc",
            "/api/v2/ressources/?base=99999999999999999999999",
            "/api/v2/ressources/?du=2024-13-45",
            "/api/v2/ressources/?langue=klingon",
            "/api/v2/ressources/?" + "&".join(f"thematique=t{n}" for n in range(40)),
            "/api/v2/ressources/?licence=" + "x" * 500,
            "/api/v2/versions/?ressource=-3",
            "/api/v2/taxonomie/?actif=peut-etre",
            "/api/v2/pages/?child_of=abc",
            "/api/v2/pages/?order=nimporte",
        ):
            with self.subTest(query=query):
                response = self.client.get(query)
                self.assertEqual(response.status_code, 400, response.content)
                message = response.json()["message"]
                for english in ("must", "unknown", "cannot", "doesn't", "not "):
                    self.assertNotIn(english, message)

    def test_cors_on_api_reads_only(self):
        origin = {"HTTP_ORIGIN": "https://reutilisateur.example.org"}
        response = self.client.get("/api/v2/ressources/", **origin)
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        self.assertNotIn("Access-Control-Allow-Credentials", response)
        preflight = self.client.options(
            "/api/v2/openapi.json", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", **origin
        )
        self.assertEqual(preflight["Access-Control-Allow-Origin"], "*")
        self.assertEqual(preflight["Access-Control-Allow-Methods"], "GET, HEAD, OPTIONS")
        for url in ("/documentation-api/", "/", self.public_resource.url):
            with self.subTest(url=url):
                self.assertNotIn("Access-Control-Allow-Origin", self.client.get(url, **origin))

    def test_documentation_page_is_rendered_from_the_description(self):
        page = self.client.get("/documentation-api/")
        self.assertEqual(page.status_code, 200)
        html = page.content.decode()
        for tag in self.document["tags"]:
            self.assertIn(tag["name"], html)
        for parameter in ("thematique", "beneficiaire", "mot-cle", "ressource", "vocabulaire"):
            self.assertIn(f"<code>{parameter}</code>", html)
        self.assertIn(f"{HOST}/api/v2/ressources/", html)
        self.assertNotIn('<script src="http', html)
        home = self.client.get("/").content.decode()
        self.assertTrue('href="/documentation-api/"' in home, "no link in the footer")
