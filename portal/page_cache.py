"""Anonymous pages from the shared cache, dropped the moment public content changes.

What an anonymous visitor reads is the same for every anonymous visitor, so it is served from
the `pages` cache (PAGE_CACHE_ALIAS) without touching the database. Only requests that cannot
carry anybody's own data are served or stored: GET or HEAD, no session cookie (so no
logged-in person, no share link, no flash message: messages live in the session), outside the
personal and operational addresses (PAGE_CACHE_EXCLUDED_PREFIXES). A response is stored only if
it is a complete 200 that sets no cookie, did not use the CSRF token (a form a visitor could
post), showed no message, is not marked private or no-store, and varies on nothing but the
cookie, the language (the site has one) and `Accept` (which goes into the key).

Invalidation. Every entry's key starts with the current *generation*, a token kept in the same
cache. Any change that may show on a public page replaces the token when its transaction
commits, and every entry of the former generation is unreachable at once (the backend evicts
it later). The changes are the ones the search index follows — publication, unpublication,
move and deletion of any page, a base's changes (visibility, organisation, territory),
taxonomy, licences, organisations, reviews, label decisions — and, more broadly, any row saved
or deleted except those written by reading or by private activity (PAGE_CACHE_IGNORED_MODELS:
sessions, logs, statistics, the index queue, drafts and revisions, notifications…). A new model
therefore invalidates by default; forgetting to list it costs a few misses, never a stale page.
A request that started before the change stores under the old generation, so it cannot plant
an outdated page in the new one. PAGE_CACHE_SECONDS bounds what time alone changes (« il y a
3 jours », label expiry).

Browsers get `Cache-Control: no-cache` and an ETag: they revalidate every time (a 304 when
nothing changed), so a visitor who logs in, or a page just unpublished, is never served from
their own cache. Responses to people with a session are `private`.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_conditional_response, patch_cache_control
from wagtail.models import Page
from wagtail.models.pages import COMMENTS_RELATION_NAME
from wagtail.signals import page_published, page_unpublished, post_page_move

from ressources.models import ResourcePage
from ressources.signals import resources_changed

GENERATION_KEY = "page-cache:generation"
HEADER = "X-Page-Cache"
# Vary headers the key may ignore: the cookie is what decides whether a request is served from
# the cache at all, and the site speaks one language.
IGNORED_VARY = {"cookie", "accept-language"}
# Request headers that become part of the key when a response varies on them (the read API).
KEYED_VARY = {"accept"}
# Page fields a draft, an autosave or a lock writes: none shows on the public site.
DRAFT_FIELDS = {
    COMMENTS_RELATION_NAME,
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}
# Fields of the user model that log-ins and the digest write.
PRIVATE_USER_FIELDS = {"last_login", "password", "digest_last_week"}


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


# Generation ------------------------------------------------------------------------------------


def current_generation():
    """The token every key starts with; a new one when the cache lost it (eviction, restart)."""
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def invalidate():
    """Make every cached page and sitemap unreachable (now)."""
    page_cache().set(GENERATION_KEY, uuid.uuid4().hex, None)


class _InvalidateAtCommit:
    def __init__(self):
        self.ran = False

    def __call__(self):
        self.ran = True
        invalidate()


def invalidate_on_commit():
    """Invalidate once the current transaction commits (at once outside one), once per
    savepoint however many rows it changes. A pending invalidation is reused only if it was
    asked in the same savepoints, so that it is dropped exactly when this one would be."""
    if connection.in_atomic_block:
        savepoints = set(connection.savepoint_ids)
        if any(
            isinstance(func, _InvalidateAtCommit) and not func.ran and set(sids) == savepoints
            for sids, func, *_rest in connection.run_on_commit
        ):
            return
    transaction.on_commit(_InvalidateAtCommit())


def _ignored(sender, update_fields=None):
    label = sender._meta.label_lower
    if label in settings.PAGE_CACHE_IGNORED_MODELS:
        return True
    if update_fields:
        fields = set(update_fields)
        if label == settings.AUTH_USER_MODEL.lower():
            return fields <= PRIVATE_USER_FIELDS
        if issubclass(sender, Page):
            return fields <= DRAFT_FIELDS
    return False


@receiver(post_save, dispatch_uid="page-cache-save")
def _row_saved(sender, update_fields=None, raw=False, **kwargs):
    if not raw and not _ignored(sender, update_fields):
        invalidate_on_commit()


@receiver(post_delete, dispatch_uid="page-cache-delete")
@receiver(m2m_changed, dispatch_uid="page-cache-m2m")
def _rows_changed(sender, **kwargs):
    if not _ignored(sender):
        invalidate_on_commit()


# What changes by queryset updates (no post_save): a move rewrites its subtree's paths, a
# publication or unpublication may update rows in bulk, and the resources of `resources_changed`.
@receiver(page_published, dispatch_uid="page-cache-published")
@receiver(page_unpublished, dispatch_uid="page-cache-unpublished")
@receiver(post_page_move, dispatch_uid="page-cache-moved")
@receiver(resources_changed, dispatch_uid="page-cache-resources")
def _content_changed(sender, **kwargs):
    invalidate_on_commit()


# The middleware --------------------------------------------------------------------------------


def _request_is_anonymous(request):
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not request.path_info.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES))


def _vary(response):
    if not response.has_header("Vary"):
        return set()
    return {h.strip().lower() for h in cc_delim_re.split(response["Vary"]) if h.strip()}


def _storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and len(messages):
        return False
    control = {
        p.strip().split("=")[0].lower() for p in response.get("Cache-Control", "").split(",")
    }
    if control & {"private", "no-store", "no-cache"}:
        return False
    return _vary(response) <= IGNORED_VARY | KEYED_VARY


def _url_hash(request):
    return hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()


def _variant(request, headers):
    values = "\n".join(request.headers.get(h, "") for h in sorted(headers))
    return hashlib.sha256(values.encode()).hexdigest()[:16]


class PageCacheMiddleware:
    """Serves and stores anonymous pages (see the module's docstring). It sits after the
    security, CSP and static-file middleware (their headers apply to cached pages too) and
    before the session, so that it sees every cookie the inner layers set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_is_anonymous(request):
            response = self.get_response(request)
            if request.method not in ("GET", "HEAD") or "Cache-Control" in response:
                return response
            if settings.SESSION_COOKIE_NAME in request.COOKIES or response.cookies:
                patch_cache_control(response, private=True)
            return response
        cache = page_cache()
        generation = current_generation()
        url_key = f"page:{generation}:{_url_hash(request)}"
        entry = cache.get(url_key)
        if entry is not None and entry.get("vary"):
            entry = cache.get(f"{url_key}:{_variant(request, entry['vary'])}")
        if entry is not None and "content" in entry:
            return self._hit(request, entry)

        response = self.get_response(request)
        if request.method == "GET" and _storable(request, response):
            self._store(request, response, cache, url_key)
            response[HEADER] = "miss"
        else:
            response.setdefault(HEADER, "skip")
        return response

    def _store(self, request, response, cache, url_key):
        if "Cache-Control" not in response:
            patch_cache_control(response, no_cache=True)
        if not response.has_header("ETag"):
            response["ETag"] = (
                f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
            )
        page = getattr(request, "page_cache_page", None)
        entry = {
            "status": response.status_code,
            "headers": [(k, v) for k, v in response.items() if k != HEADER],
            "content": response.content,
            "resource": page.pk if isinstance(page, ResourcePage) else None,
        }
        keyed = _vary(response) & KEYED_VARY
        timeout = settings.PAGE_CACHE_SECONDS
        if keyed:
            cache.set(url_key, {"vary": sorted(keyed)}, timeout)
            cache.set(f"{url_key}:{_variant(request, keyed)}", entry, timeout)
        else:
            cache.set(url_key, entry, timeout)

    def _hit(self, request, entry):
        if entry["resource"] and request.method == "GET":
            from .statistics import count_cached_view

            count_cached_view(entry["resource"], request)
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response = get_conditional_response(request, etag=response.get("ETag"), response=response)
        response[HEADER] = "hit"
        return response
