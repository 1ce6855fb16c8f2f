"""What every page context of the public site shares: the reader, and the breadcrumb trail."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from .models import BASE_DEPTH
from .sharing import grants_for
from .visibility import base_of


def request_user(request):
    return getattr(request, "user", None) or AnonymousUser()


def breadcrumb_items(request, page, *tail):
    """Home → … → `page`, then `tail` (`{"label", "url"}` items of the page's sub-pages, the
    page itself then being a link). The one way every page of the tree builds its trail.

    A visitor whose share link opens one resource only gets no link to its base (it would
    answer 404)."""
    items = []
    if page is None or page.depth <= 2:
        return items
    base = base_of(page)
    base_readable = (
        base is None or base.user_can_view(request.user) or base.pk in grants_for(request).base_ids
    )
    for ancestor in page.get_ancestors().filter(depth__gte=2):
        label = _("Accueil") if ancestor.depth == 2 else ancestor.title
        url = ancestor.get_url(request)
        if ancestor.depth == BASE_DEPTH and not base_readable:
            url = None
        items.append({"label": label, "url": url})
    items.append({"label": page.title, "url": page.get_url(request) if tail else None})
    items.extend(tail)
    return items
