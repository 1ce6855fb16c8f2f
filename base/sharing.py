"""Share links (« liens de partage »): a secret address that opens a private base, or one
resource of a private base, read-only, to whoever holds it, without an account.

- One link per page (`ShareLink`), a `secrets.token_urlsafe(32)` token (256 bits). Its address
  carries the page id, so that the token is looked up by id and compared in constant time.
- Opening the link stores a *grant* in the visitor's session: the page id and a digest of the
  token. A grant counts only while the page's current token still has that digest, so rotating
  or disabling a link ends every session it opened, at once.
- A base grant reads the base as if it were public (its pages, their sub-pages, its media); a
  resource grant reads that resource and its sub-pages, and the media it uses. Nothing else:
  search, suggestions, the API, the sitemap and every permission to act (edit, propose,
  follow…) keep looking at the person's account only.
- Base admins and platform admins create, rotate and disable links from the public site.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field

from django.db import transaction
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import Page

from .models import BASE_DEPTH, BasePage, ShareLink, Visibility

SESSION_KEY = "share_links"
TOKEN_BYTES = 32  # 256 bits, 43 URL-safe characters

ACTION_CREATE = "bases_communes.share_link.create"
ACTION_ROTATE = "bases_communes.share_link.rotate"
ACTION_DISABLE = "bases_communes.share_link.disable"


def _digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def shared_base(page):
    """The private base a page's share link would open, or None when the page cannot have one
    (public bases need no link; only bases and resources get one)."""
    page = page.specific
    if isinstance(page, BasePage):
        base = page
    elif getattr(page, "can_have_share_link", False) and page.depth == BASE_DEPTH + 1:
        base = page.get_parent().specific
    else:
        return None
    return base if base.visibility == Visibility.PRIVATE else None


def can_manage_share_link(user, base):
    """Who may create, rotate or disable the share links of a base and of its resources: its
    managers (base admins, its organisation's admins, platform admins)."""
    if user is None or not user.is_authenticated:
        return False
    return base.user_can_manage(user)


def share_path(link):
    return reverse("share_link_open", args=[link.page_id, link.token])


@transaction.atomic
def create_or_rotate(page, user):
    """A fresh token for the page: the previous one, if any, stops working at once.

    The page's row is locked first, so that two clicks at once on « Créer » make one link (the
    second renews it) rather than a unique-constraint error."""
    Page.objects.select_for_update().filter(pk=page.pk).first()
    link = ShareLink.objects.select_for_update().filter(page=page).first()
    action = ACTION_ROTATE if link else ACTION_CREATE
    if link is None:
        link = ShareLink(page=page)
    link.token = secrets.token_urlsafe(TOKEN_BYTES)
    link.created_by = user
    link.save()
    log(instance=page, action=action, user=user)
    return link


@transaction.atomic
def disable(page, user):
    deleted, _ = ShareLink.objects.filter(page=page).delete()
    if deleted:
        log(instance=page, action=ACTION_DISABLE, user=user)
    return bool(deleted)


def find_link(page_id, token):
    """The link of the page if `token` is its token (constant-time comparison), else None."""
    link = ShareLink.objects.select_related("page").filter(page_id=page_id).first()
    if link is None or not isinstance(token, str):
        # Compare anyway, so that a missing link takes as long as a wrong token.
        hmac.compare_digest(_digest("absent"), _digest(token if isinstance(token, str) else ""))
        return None
    if not hmac.compare_digest(link.token.encode(), token.encode()):
        return None
    return link


def grant(request, link):
    """Remember in the session that this visitor opened this link."""
    grants = dict(request.session.get(SESSION_KEY, {}))
    grants[str(link.page_id)] = _digest(link.token)
    request.session[SESSION_KEY] = grants
    request.__dict__.pop("_share_grants", None)


@dataclass(frozen=True)
class ShareGrants:
    """The bases and resources a visitor's session may read through share links."""

    base_ids: frozenset = field(default_factory=frozenset)
    page_ids: frozenset = field(default_factory=frozenset)

    def __bool__(self):
        return bool(self.base_ids or self.page_ids)

    def allows(self, page, base):
        return base.pk in self.base_ids or page.pk in self.page_ids


NO_GRANTS = ShareGrants()


def grants_for(request):
    """The session's grants whose link still exists with the same token (cached per request)."""
    if request is None:
        return NO_GRANTS
    cached = getattr(request, "_share_grants", None)
    if cached is not None:
        return cached
    session = getattr(request, "session", None)
    stored = session.get(SESSION_KEY) if session is not None else None
    result = NO_GRANTS
    if isinstance(stored, dict) and stored:
        ids = [int(key) for key in stored if str(key).isdigit()]
        base_ids, page_ids = set(), set()
        for link in ShareLink.objects.filter(page_id__in=ids).select_related("page"):
            digest = stored.get(str(link.page_id))
            if isinstance(digest, str) and hmac.compare_digest(digest, _digest(link.token)):
                target = base_ids if link.page.depth == BASE_DEPTH else page_ids
                target.add(link.page_id)
        result = ShareGrants(frozenset(base_ids), frozenset(page_ids))
    request._share_grants = result
    return result


def panel_context(page, request):
    """What the share-link panel of a base or resource page shows, for those who manage it."""
    user = getattr(request, "user", None)
    base = shared_base(page)
    if base is None or not can_manage_share_link(user, base):
        return None
    link = ShareLink.objects.filter(page=page).first()
    return {
        "page": page,
        "is_base": page.pk == base.pk,
        "link": link,
        "url": request.build_absolute_uri(share_path(link)) if link else "",
        "action": reverse("share_link_manage", args=[page.pk]),
    }


def revoke_if_public(base, update_fields=None):
    """A base made public needs no link: revoke its links and its resources', so that making it
    private again does not bring old addresses back to life."""
    if update_fields is not None and "visibility" not in update_fields:
        return  # e.g. a draft revision: the live visibility did not change
    if base.visibility == Visibility.PUBLIC:
        ShareLink.objects.filter(page__path__startswith=base.path).delete()
