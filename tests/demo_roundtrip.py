"""Every page of the demo opened and saved unchanged in the admin by its base's admin.

Used by tests/test_load_demo.py on the demo it has loaded (loading it takes long: once).
"""

import json
import re

from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from accounts.models import User
from base.models import BaseMembership, OrganisationMembership, Role
from base.visibility import base_of
from tests.admin_forms import edit_form_post_data, form_errors

# Revision content keys that a save changes by itself (tree, dates, lock, workflow…).
BOOKKEEPING = {
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "last_published_at",
    "first_published_at",
    "has_unpublished_changes",
    "live",
    "owner",
    "locked",
    "locked_at",
    "locked_by",
    "path",
    "depth",
    "numchild",
    "url_path",
    "draft_title",
    "wagtail_admin_comments",
    "version_changes",
    "version_major",
    "pk",
    "id",
    "content_type",
    "translation_key",
}


def editor_for(page):
    """An admin of the page's base (a member, else an organisation admin); outside bases,
    the platform admin."""
    base = base_of(page)
    if base is None:
        return User.objects.filter(is_superuser=True).order_by("pk").first()
    membership = BaseMembership.objects.filter(base=base, role=Role.ADMIN).order_by("pk").first()
    if membership is not None:
        return membership.user
    organisation_admin = (
        OrganisationMembership.objects.filter(organisation_id=base.organisation_id)
        .order_by("pk")
        .first()
    )
    return organisation_admin.user if organisation_admin else None


def normalised(value):
    """Rich text as Draftail writes it back (block keys, quoting) compares equal to the original."""
    if isinstance(value, str) and value.startswith("[{") and '"type"' in value:
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, list):
        return [normalised(item) for item in value]
    if isinstance(value, dict):
        # Inline rows get their order (sort_order) numbered on save: their list order counts.
        return {key: normalised(item) for key, item in value.items() if key != "sort_order"}
    if isinstance(value, str) and "<" in value and ">" in value:
        # Draftail writes <b>/<i> for <strong>/<em> and its own line breaks: same text.
        soup = BeautifulSoup(value, "html.parser")
        for tag in soup.find_all(True):
            tag.attrs.pop("data-block-key", None)
            tag.name = {"strong": "b", "em": "i"}.get(tag.name, tag.name)
        # An empty rich text comes back as an empty paragraph (the browser's Draftail posts
        # "null" instead; the rendered input holds an empty paragraph).
        if not soup.get_text(strip=True) and not soup.find("img"):
            return ""
        return re.sub(r"\s*(<[^>]+>)\s*", r"\1", re.sub(r"\s+", " ", str(soup))).strip()
    return value


def editable_content(page):
    """The page as its editor sees it: the latest revision (or the live page if none newer)."""
    state = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    data = state.serializable_data()
    # Tags are saved anew (same tags, new rows): compare the tags, not the rows.
    data["tagged_items"] = sorted(item["tag"] for item in data.get("tagged_items", []))
    return {key: normalised(value) for key, value in data.items() if key not in BOOKKEEPING}


def round_trip(page, user, publish=False):
    """GET the edit view, post it back unchanged; returns a list of problems (empty if fine)."""
    client = Client()
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = client.get(url)
    if response.status_code != 200:
        return [f"GET {url} → {response.status_code}"]
    data = edit_form_post_data(response.content.decode(), page.specific_class)
    if publish:
        data["action-publish"] = "action-publish"
        if "version_changes" in data:
            data["version_changes"] = "Relecture"
    before = editable_content(page)
    # A QueryDict would post only the last value of each key: every value, as a browser does.
    response = client.post(url, {key: data.getlist(key) for key in data})
    if response.status_code != 302:
        return [f"POST → {response.status_code}", *form_errors(response.content.decode())]
    after = editable_content(page)
    changed = sorted(key for key in before if before.get(key) != after.get(key))
    return [f"{key} changed: {before.get(key)!r} → {after.get(key)!r}" for key in changed]


def demo_round_trip_problems(publish=False):
    """{page title: problems} for every page of the site below the root."""
    problems = {}
    for page in Page.objects.filter(depth__gt=1).order_by("path").specific():
        user = editor_for(page)
        if user is None:
            problems[page.title] = ["no admin for its base"]
            continue
        if not page.permissions_for_user(user).can_edit():
            problems[page.title] = [f"{user.username} may not edit it"]
            continue
        found = round_trip(page, user, publish=publish and page.live)
        if found:
            title = f"{page.title} ({type(page).__name__}, {user.username})"
            problems[title] = [problem[:500] for problem in found]
    return problems
