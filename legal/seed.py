"""Create the legal pages that are missing, under the home page of the default site.

Idempotent: a page that exists (found by its kind, or the plan by its type) is left as staff
edited it. Used by `manage.py legal_pages` (production, after `migrate`) and by `load_demo`."""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from .content import PAGES, SITE_PLAN
from .models import LegalPage, SitePlanPage


def site_root():
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_page.specific if site else None


@transaction.atomic
def ensure_legal_pages(root=None):
    """Returns the titles of the pages it created (none when everything is there)."""
    root = root or site_root()
    if root is None:
        return []
    created = []
    taken = set(root.get_children().values_list("slug", flat=True))
    existing = set(LegalPage.objects.values_list("kind", flat=True))
    for kind, (title, slug, body, description) in PAGES.items():
        if kind in existing:
            continue
        page = LegalPage(
            title=title,
            slug=slug if slug not in taken else f"{slug}-{kind}",
            kind=kind,
            body=body.strip(),
            updated_on=timezone.localdate(),
            search_description=description,
        )
        root.add_child(instance=page)
        page.save_revision().publish()
        created.append(title)
    if not SitePlanPage.objects.exists():
        title, slug, intro, description = SITE_PLAN
        page = SitePlanPage(title=title, slug=slug, intro=intro, search_description=description)
        root.add_child(instance=page)
        page.save_revision().publish()
        created.append(title)
    return created
