"""The footer's links to the legal pages, found by kind (a renamed page keeps its link)."""

from django import template

from ..content import PAGES, SITE_PLAN
from ..models import LegalPage, SitePlanPage

register = template.Library()


@register.simple_tag(takes_context=True)
def legal_links(context):
    """{kind: url} of the live legal pages and of the plan (key "plan"); a page that does not
    exist yet gets its default address, so the footer is complete on a fresh site too."""
    request = context.get("request")
    if request is not None and hasattr(request, "_legal_links"):
        return request._legal_links
    links = {kind: f"/{slug}/" for kind, (_t, slug, _b, _d) in PAGES.items()}
    links["plan"] = f"/{SITE_PLAN[1]}/"
    # No ORDER BY path: at 100,000 pages SQLite would walk the page tree's index in path order
    # to avoid a sort (0.4 s per query); the legal tables have a handful of rows.
    for page in LegalPage.objects.live().order_by("pk"):
        links[page.kind] = page.get_url(request) or links[page.kind]
    plan = SitePlanPage.objects.live().order_by("pk").first()
    if plan is not None:
        links["plan"] = plan.get_url(request) or links["plan"]
    if request is not None:
        request._legal_links = links
    return links
