"""WCAG 2.1 A and AA, audited by axe-core in the real browser on every page type: anonymous and
logged in, on a desktop and on a 375-pixel phone. Any violation fails the suite, with the rule,
the page and the elements at fault.

axe-core comes from npm, pinned by tests/axe/package-lock.json and installed by
`make browser-deps` (nothing is downloaded while the tests run)."""

import json
from pathlib import Path

import pytest
from django.urls import reverse

from tests import ux_world

pytestmark = [pytest.mark.browser]

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = (
    "const done = arguments[arguments.length - 1];"
    "axe.run(document, {runOnly: {type: 'tag', values: " + json.dumps(WCAG_21_AA) + "},"
    " resultTypes: ['violations']})"
    ".then(results => done(JSON.stringify(results.violations)))"
    ".catch(error => done(JSON.stringify([{id: 'axe-error', help: String(error), nodes: []}])));"
)


@pytest.fixture
def world(transactional_db, django_db_serialized_rollback):
    from tests.label_factories import make_reviewer, request_in

    world = ux_world.build()
    world.label = request_in(
        "labellisee", make_reviewer(), applicant=world.admin, resource=world.resources[1]
    )
    return world


def audit(browser, live_server, paths):
    """Every path at both widths; returns the violations as readable lines."""
    if not AXE.exists():
        pytest.fail(f"axe-core manque ({AXE}) : lancez `make browser-deps`.")
    source = AXE.read_text()
    problems = []
    browser.set_script_timeout(30)
    try:
        for width, height in (ux_world.DESKTOP, ux_world.MOBILE):
            browser.set_window_size(width, height)
            for path in paths:
                browser.get(live_server.url + path)
                browser.execute_script(source)
                for violation in json.loads(browser.execute_async_script(RUN_AXE)):
                    targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
                    problems.append(
                        f"{width}px {path} — {violation['id']} : {violation['help']} → {targets}"
                    )
    finally:
        browser.set_window_size(*ux_world.DESKTOP)
    return problems


def test_every_page_type_meets_wcag_21_aa_anonymous_and_logged_in(browser, live_server, world):
    resource = world.resources[0]
    browser.delete_all_cookies()
    anonymous = [
        "/",
        "/rechercher/?q=atelier",
        world.base.url,
        resource.url,
        resource.url + "journal-des-versions/",
        world.collection.url,
        reverse("label:index"),
        reverse("label:registry"),
        reverse("label:tracking"),
        reverse("login"),
        reverse("signup"),
        reverse("profile", args=[world.admin.username]),
        reverse("api_documentation"),
        "/page-qui-n-existe-pas/",
        reverse("open_data"),
    ]
    problems = audit(browser, live_server, anonymous)

    ux_world.log_in(browser, live_server, world.admin)
    member = [
        world.base.url + "membres/",
        resource.url,
        resource.url + "modifier/",
        reverse("account"),
        reverse("mon_fil"),
        reverse("notifications"),
        reverse("my_personal_collections"),
        reverse("label:mine"),
        reverse("label:start"),
        reverse("label:detail", args=[world.label.pk]),
    ]
    problems += audit(browser, live_server, member)
    # A refused form: its error summary and fields in error are audited too.
    browser.get(live_server.url + reverse("personal_collection_create"))
    browser.find_element("css selector", "form[data-bc-busy] [type=submit]").click()
    browser.execute_script(AXE.read_text())
    for violation in json.loads(browser.execute_async_script(RUN_AXE)):
        problems.append(f"formulaire refusé — {violation['id']} : {violation['help']}")
    assert not problems, "\n".join(problems)
