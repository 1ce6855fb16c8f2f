"""An adversarial campaign: hostile input to every address of the site never answers 5xx.

Deterministic, not random: every URL pattern of the resolver (public site, Wagtail admin,
Django admin, API, feeds, files) and every page of a small realistic fixture (public and private
base, resource with its sub-pages, collection) is sent each class of hostile input below, as a
query string and as a form post, by several roles. Control characters must be refused at the
door with a French 400 (base.input_guard); everything else may be refused (4xx), redirected or
answered, but never with a server error. Each probe runs in a savepoint that is rolled back, so
that no probe changes what the next one sees (and PostgreSQL's aborted transactions stay local).

Classes of input: NUL and other control characters; huge numbers (beyond a 64-bit column) for
pages, offsets, limits and ids, in parameters and in the path; negative, zero and fractional
numbers; malformed and overflowing dates (9999-12-31 + one day, 0000-00-00, 31/02); overlong
strings; broken UTF-8 percent-escapes; unknown, duplicated and array-style parameters; the
search syntax's own metacharacters (a lone quote, parentheses, operators).
"""

import re
import time
from urllib.parse import quote

from django.contrib.auth.models import Group
from django.db import transaction
from django.test import TestCase
from django.urls import URLPattern, URLResolver, get_resolver

from base.models import Role
from ressources.moderation import MODERATORS_GROUP
from tests.factories import BaseMembershipFactory, ResourceCollectionPageFactory, UserFactory
from tests.helpers import page_text
from tests.label_factories import LabelRequestFactory, make_reviewer
from tests.private_fixtures import build_private_space

HUGE = "99999999999999999999999"
LONG = "é" * 3000
# Parameter names the site's views and Wagtail's read (pagination, search, filters, API).
NUMERIC = ("page", "p", "offset", "limit", "id", "child_of", "descendant_of", "ancestor_of")
DATES = ("du", "au", "date_from", "date_to", "since")
TEXTS = ("q", "search", "html_path", "order", "ordering", "fields", "type", "locale", "tri")
# The hostile query strings (no control characters: those are checked apart, CONTROL below).
QUERIES = {
    "huge numbers, overflowing dates, overlong and broken text": "&".join(
        [f"{name}={HUGE}" for name in NUMERIC]
        + [f"{name}=9999-12-31" for name in DATES]
        + [f"{name}={quote(LONG)}" for name in TEXTS[:2]]
        + ["html_path=%ff%fe%c3%28", "order=-%ff", "tri=%e2%80%ae", "type=%c0%af"]
    ),
    "negative, fractional, malformed, duplicated and unknown": "&".join(
        [f"{name}=-1&{name}=0&{name}=1.5" for name in NUMERIC]
        + [f"{name}=0000-00-00&{name}=2024-02-31&{name}=31%2F02%2F2024" for name in DATES]
        + ['q="', "q=((-", "search=%22", "search=-", "order=random", "fields=*,-id,__proto__"]
        + ["unknown=1", "x[]=1&x[]=2", "type=wagtailcore.Page", "locale=zz", "html_path=/../"]
    ),
}
CONTROL = "?q=%00&page=%01"
CONTROL_PATH_SUFFIX = "%00/"
# Form posts: the same classes as field values, under the names forms use.
FORM = {
    **dict.fromkeys(NUMERIC, HUGE),
    **dict.fromkeys(DATES, "9999-12-31"),
    "title": LONG,
    "summary": LONG,
    "message": LONG,
    "email": "a" * 300 + "@" + "b" * 300 + ".fr",
    "username": LONG,
    "role": "superadmin",
    "reason": "%ff",
    "action": "next",
    "number": "-1",
    "base_revision": HUGE,
    "resource": HUGE,
    "organisation": HUGE,
    "collection": "-1",
    "position": HUGE,
}
NUL_FORM = {"title": "a\x00b", "action": "draft"}
# Addresses left out: they end the session (a rolled-back probe cannot restore the client).
SKIPPED = re.compile(
    r"deconnexion|logout|failwhale"
)  # failwhale: Wagtail's test of error reporting
# Sample values for converters, by the name a pattern gives them.
CONVERTER_SAMPLES = {
    "str": "x",
    "slug": "x",
    "path": "x",
    "uuid": "00000000-0000-0000-0000-000000000000",
}
# A budget per test (CPU seconds of this process, so that a busy machine does not fail it).
BUDGET_SECONDS = 120


def url_patterns(patterns=None, prefix=""):
    """(route, pattern) of every endpoint, as written (`label-nec/demandes/<int:pk>/`)."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern


def plain(route):
    """The route in path() syntax: anchors dropped, each named regex group turned into a
    converter (`(?P<page_id>[0-9]{1,12})` → `<int:page_id>`); None when some regex is left
    (the catch-all of Wagtail's pages, covered by the page tree below)."""
    route = route.replace("^", "").replace("$", "")

    def group(match):
        converter = "int" if match.group(2).startswith(("[0-9]", "\\d")) else "str"
        return f"<{converter}:{match.group(1)}>"

    route = re.sub(r"\(\?P<(\w+)>((?:[^()]|\([^()]*\))+)\)", group, route)
    return None if any(char in route for char in "()?*+[]\\") else route


def concrete(route, ids, huge=False):
    """The route with each converter filled: an existing id of the right kind where the name
    says which (or any id of the fixture), a harmless word for text; `huge` puts an
    out-of-range number in every integer instead."""

    def fill(match):
        converter, name = match.group(1) or "str", match.group(2)
        if converter == "int":
            return HUGE if huge else str(ids.get(name, ids["default"]))
        return CONVERTER_SAMPLES.get(converter, "x")

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", fill, route)


class AdversarialInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_private_space(cls)
        cls.public_collection = ResourceCollectionPageFactory(
            parent=cls.public_base, title="Sélection ouverte", resources=[cls.public_resource]
        )
        cls.base_admin = BaseMembershipFactory(base=cls.public_base, role=Role.ADMIN).user
        cls.reviewer = make_reviewer()
        cls.moderator = UserFactory()
        cls.moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
        cls.label_request = LabelRequestFactory(applicant=cls.member, resource=cls.resource)
        cls.roles = {
            "anonyme": None,
            "inscrit": cls.outsider,
            "contributeur": cls.member,
            "administrateur de base": cls.base_admin,
            "instructeur": cls.reviewer,
            "modérateur": cls.moderator,
            "administrateur de la plateforme": cls.superuser,
        }
        cls.ids = {
            "default": cls.resource.pk,
            "page_id": cls.resource.pk,
            "parent_page_id": cls.public_base.pk,
            "image_id": cls.image.pk,
            "document_id": cls.document.pk,
            "pk": cls.label_request.pk,
            "number": 3,
            "user_id": cls.member.pk,
        }

    def setUp(self):
        self.failures = []
        self.started = time.process_time()
        self.cookies = {}

    def login(self, role):
        self.client.logout()
        user = self.roles[role]
        if user is not None:
            self.client.force_login(user)
        self.cookies = {key: morsel.value for key, morsel in self.client.cookies.items()}

    def probe(self, method, url, data=None, expect=None):
        """One request in a rolled-back savepoint; a 5xx or an exception is a failure."""
        self.client.cookies.clear()
        for key, value in self.cookies.items():
            self.client.cookies[key] = value
        try:
            with transaction.atomic():
                if method == "get":
                    response = self.client.get(url)
                else:
                    response = self.client.post(url, data or {})
                transaction.set_rollback(True)
        except Exception as error:  # the test client re-raises what the view raised
            self.failures.append(
                f"{method.upper()} {url[:120]} → {type(error).__name__}: {error}"[:300]
            )
            return None
        if response.status_code >= 500 or (expect and response.status_code != expect):
            self.failures.append(f"{method.upper()} {url[:120]} → {response.status_code}")
        return response

    def assert_no_failure(self):
        elapsed = time.process_time() - self.started
        if self.failures:
            self.fail(f"{len(self.failures)} server errors:\n" + "\n".join(self.failures))
        self.assertLess(elapsed, BUDGET_SECONDS)

    # --- the resolver's patterns ----------------------------------------------------------------

    def routes(self, admin):
        for written, _pattern in url_patterns():
            route = plain(written)
            if route is None or SKIPPED.search(route):
                continue
            if route.startswith(("admin/", "django-admin/")) == admin:
                yield route

    def campaign(self, routes, roles, post=True):
        for role in roles:
            self.login(role)
            for route in routes:
                url = concrete(route, self.ids)
                for query in QUERIES.values():
                    self.probe("get", f"{url}?{query}")
                if "<int:" in route:
                    self.probe("get", concrete(route, self.ids, huge=True))
                if post:
                    self.probe("post", f"{url}?{list(QUERIES.values())[0]}", FORM)

    def test_public_addresses_for_every_role(self):
        routes = list(self.routes(admin=False))
        self.assertGreater(len(routes), 55)
        self.campaign(
            routes, ["anonyme", "inscrit", "contributeur", "administrateur de la plateforme"]
        )
        self.campaign(routes, ["instructeur", "modérateur"], post=False)
        self.assert_no_failure()

    def test_admin_addresses(self):
        routes = list(self.routes(admin=True))
        self.assertGreater(len(routes), 200)
        self.campaign(routes, ["administrateur de la plateforme", "contributeur"], post=False)
        self.campaign(routes, ["anonyme", "instructeur"], post=False)
        self.assert_no_failure()

    # --- the page tree --------------------------------------------------------------------------

    def test_pages_and_their_sub_pages(self):
        pages = [self.public_base, self.public_resource, self.public_collection, self.resource]
        urls = ["/", "/bases/"] + [page.url for page in pages]
        sub_pages = [
            "journal-des-versions/",
            "journal-des-versions/atom/",
            f"versions/{HUGE}-0/",
            "versions/1-0/",
            "comparer/",
            "modifier/",
            "proposer/",
            f"propositions/{HUGE}/",
            "suivre/",
            "enregistrer/",
            "signaler/",
            "adapter/",
            "atom/",
            "membres/",
        ]
        urls += [self.public_resource.url + sub for sub in sub_pages]
        urls += [
            self.public_base.url + sub
            for sub in ("membres/", "atom/", "membres/demander/", "exporter/csv/", "exporter/json/")
        ]
        urls += [self.public_collection.url + sub for sub in ("exporter/csv/", "exporter/json/")]
        for role in ("anonyme", "inscrit", "contributeur", "administrateur de base"):
            self.login(role)
            for url in urls:
                for query in QUERIES.values():
                    self.probe("get", f"{url}?{query}")
                self.probe("post", url, FORM)
        self.assert_no_failure()

    # --- refused at the door --------------------------------------------------------------------

    def test_control_characters_are_a_french_400_everywhere(self):
        routes = list(self.routes(admin=False)) + list(self.routes(admin=True))[::10]
        urls = [concrete(route, self.ids) for route in routes]
        urls += [self.public_resource.url, "/media/original_images/x.png", "/profils/x/"]
        self.login("contributeur")
        for url in urls:
            self.probe("get", url + CONTROL, expect=400)
            self.probe("get", url.rstrip("/") + "/" + CONTROL_PATH_SUFFIX, expect=400)
        self.probe("post", "/label-nec/demander/", NUL_FORM, expect=400)
        self.assert_no_failure()
        response = self.client.get("/profils/%00/")
        self.assertIn("caractères de contrôle", page_text(response))
        api = self.client.get("/api/v2/pages/?search=%00")
        self.assertEqual(api.status_code, 400)
        self.assertIn("caractères de contrôle", api.json()["message"])

    # --- the examples of the issue, by name -------------------------------------------------------

    def test_the_reported_defects(self):
        self.login("anonyme")
        for url in (
            "/rechercher/?au=9999-12-31",
            "/rechercher/atom/?au=9999-12-31",
            '/api/v2/pages/?search="',
            "/api/v2/pages/?search=" + "atelier%20" * 2000,
            f"/api/v2/pages/?offset={HUGE}",
            f"/api/v2/pages/?limit={HUGE}",
            f"/api/v2/images/?offset={HUGE}",
            f"/api/v2/documents/?offset={HUGE}",
            '/api/v2/images/?search="',
            '/api/v2/documents/?search="',
        ):
            started = time.monotonic()
            response = self.probe("get", url)
            self.assertLess(time.monotonic() - started, 5, url[:60])
            if response is not None and url.startswith("/api/"):
                self.assertIn(response.status_code, (200, 400), url[:60])
        self.assert_no_failure()
