"""Which pages a person may see: everything under a private base is for its members only.

Every listing, count and search result goes through `visible_pages`, so that a private base
cannot leak through one of them while the others are careful.
"""

from contextvars import ContextVar

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Q, When
from django.db.models.functions import Substr
from django.db.models.lookups import In
from django.http import Http404
from wagtail.models import Page

from .models import BASE_DEPTH, BasePage, Visibility

BASE_PATH_LENGTH = BASE_DEPTH * Page.steplen


def hidden_bases(user):
    """Private bases the user is neither a member nor an organisation admin of (none for
    platform admins)."""
    if user is not None and user.is_authenticated and user.is_superuser:
        return BasePage.objects.none()
    # A base awaiting moderation (base.creation) is read as private.
    bases = BasePage.objects.filter(Q(visibility=Visibility.PRIVATE) | Q(awaiting_moderation=True))
    if user is not None and user.is_authenticated:
        bases = bases.exclude(memberships__user=user).exclude(organisation__memberships__user=user)
    return bases


def children_of(page):
    """The pages right under `page`, as a range of tree paths.

    Wagtail's `child_of` is a prefix `LIKE`, which SQLite answers by scanning the whole page
    table (100,000 rows for one base's listing); a range of paths uses the path index on both
    databases. (Tree paths are steps of `Page.steplen` characters from 0-9A-Z.)"""
    return Q(
        path__gt=page.path,
        path__lte=page.path + "Z" * Page.steplen,
        depth=page.depth + 1,
    )


def in_bases(bases):
    """The pages that sit in one of `bases` (a BasePage queryset), the bases included.

    The bases are read first (one small query on the few bases) and compared as a literal list
    with each page's path prefix. As a subquery, PostgreSQL joined them to the page table and,
    combined with another condition (a list of ids, a base's range), chose a parallel scan of
    every page (30 ms where the index answers in 0.3); an empty list drops the condition."""
    return _path_prefix_in(sorted(bases.order_by().values_list("path", flat=True)))


def _path_prefix_in(paths):
    return In(Substr("path", 1, BASE_PATH_LENGTH), paths)


def visible_pages(queryset, user, grants=None, live_bases=False):
    """Filter a page queryset down to the pages that sit in a base the user may read.

    `grants` (base.sharing.ShareGrants, from `grants_for(request)`) adds what the visitor's
    share links open: whole bases, or single resources. `live_bases` also leaves out the pages
    of unpublished bases (their pages answer 404), in the same condition."""
    granted = frozenset(grants.base_ids) if grants else frozenset()
    if grants and grants.page_ids:
        hidden = _path_prefix_in(_excluded_paths(user, granted))
        queryset = queryset.exclude(hidden & ~Q(pk__in=grants.page_ids))
        if live_bases:
            unpublished = _excluded_paths(user, hidden=False, unpublished=True)
            queryset = queryset.exclude(_path_prefix_in(unpublished))
        return queryset
    return queryset.exclude(_path_prefix_in(_excluded_paths(user, granted, unpublished=live_bases)))


# The excluded bases' paths, read once per request and visitor (a page lists several things,
# each through `visible_pages`). Set by VisibilityMemoMiddleware for the time of a request only:
# outside a request (commands, tasks, a streamed response) every call reads them afresh. A
# change of a base, a membership or an organisation membership empties it (base.signals).
_memo = ContextVar("base_visibility_memo", default=None)


def _excluded_paths(user, granted=frozenset(), hidden=True, unpublished=False):
    """Paths of the bases whose pages `visible_pages` leaves out: those hidden from the user
    (but the `granted` ones), the unpublished ones, or both."""
    return sorted(
        path
        for pk, path, is_hidden, live in _bases_out_of_sight(user)
        if (hidden and is_hidden and pk not in granted) or (unpublished and not live)
    )


def _bases_out_of_sight(user):
    """(pk, path, hidden from the user, live) of the bases hidden from the user or unpublished:
    one small query for every variant a request asks (share links, live bases only)."""
    memo = _memo.get()
    key = (user.pk, user.is_superuser) if user is not None and user.is_authenticated else None
    if memo is not None and key in memo:
        return memo[key]
    hidden = hidden_bases(user).values("pk")
    rows = list(
        BasePage.objects.filter(Q(pk__in=hidden) | Q(live=False))
        .annotate(hidden=Case(When(pk__in=hidden, then=True), default=False))
        .order_by()
        .values_list("pk", "path", "hidden", "live")
    )
    if memo is not None:
        memo[key] = rows
    return rows


def forget_excluded_paths():
    """Drop what this request remembered of the visibility (a base or a membership changed)."""
    memo = _memo.get()
    if memo is not None:
        memo.clear()


class VisibilityMemoMiddleware:
    """Remember the excluded bases for the time of one request (see `_excluded_paths`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def hidden_pages(queryset, user):
    """The complement of `visible_pages`: the pages of the private bases the user may not read."""
    return queryset.filter(_path_prefix_in(_excluded_paths(user)))


def visible_pages_for_request(queryset, request):
    """`visible_pages` for the person making the request, share links included."""
    from .sharing import grants_for

    return visible_pages(queryset, getattr(request, "user", None), grants_for(request))


def base_of(page):
    """The base a page belongs to (the page itself for a base), or None outside bases."""
    if isinstance(page, BasePage):
        return page
    if page.depth < BASE_DEPTH:
        return None
    return BasePage.objects.filter(path=page.path[:BASE_PATH_LENGTH]).first()


def ensure_ancestors_live(page, request):
    """A page is served only if all its ancestors are live too: unpublishing a base takes its
    pages offline with it, even those still published themselves (404). Previews in the admin
    are not served to the public, and stay available to editors."""
    if getattr(request, "is_preview", False):
        return
    if Page.objects.ancestor_of(page).filter(depth__gt=1, live=False).exists():
        raise Http404


def ensure_can_act(page, request):
    """`ensure_can_view` for the views that act (edit, propose, report, save…): a share link
    grants reading only, never an action. Its anonymous holders go on to the view, which asks
    them to log in; once logged in without being members, they are refused (403)."""
    ensure_can_view(page, request)
    if getattr(request, "share_link_view", False) and request.user.is_authenticated:
        raise PermissionDenied


def ensure_can_view(page, request):
    """Answer 404, not 403, so a private base does not even reveal that it exists.

    A share link opened in this session (base.sharing) also lets the page through, read-only:
    `request.share_link_view` then tells the templates to say so and to ask for no indexing."""
    base = base_of(page)
    if base is None or base.user_can_view(request.user):
        return
    from .sharing import grants_for

    if grants_for(request).allows(page, base):
        request.share_link_view = True
        return
    raise Http404
