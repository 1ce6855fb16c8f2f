"""/sitemap.xml, its child sitemaps and /robots.txt: what search engines may index is what an
anonymous visitor may read — never a private base, a private collection, a page of an
unpublished base, or a version sub-page.

/sitemap.xml is a sitemap index; it names the child sitemaps /sitemap-pages-<n>.xml. Child n
lists the public pages whose id falls in [n × SITEMAP_PAGE_SIZE, (n + 1) × SITEMAP_PAGE_SIZE):
every public page is in exactly one child, a page never changes child (crawlers keep their
bearings), a child never exceeds the protocol's 50,000 addresses, and each child is read by
an index range, never by OFFSET. The index lists only the children that have pages, with
their latest modification, from one grouped query.

Both are streamed (a child is written as its rows arrive, a bounded number at a time) and kept
in the `pages` cache under the page cache's generation (portal.page_cache), so they are
dropped by the same changes as the cached pages; a child is stored once it has been sent
whole."""

import functools
from urllib.parse import quote
from xml.sax.saxutils import escape

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import ExpressionWrapper, F, IntegerField, Max
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from ressources.listing import api_visible_pages

from .page_cache import HEADER, current_generation, page_cache

XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
CHUNK = 500
# What Wagtail's sitemap gives as a page's last modification.
LASTMOD = Coalesce("last_published_at", "latest_revision_created_at")


def public_pages(request):
    """Wagtail's sitemap rule (live pages of the site without view restrictions) and the
    site's visibility rule for an anonymous reader."""
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    pages = Page.objects.descendant_of(site.root_page, inclusive=True).live().public()
    return api_visible_pages(pages, AnonymousUser()).order_by()


def _child_number():
    return ExpressionWrapper(F("pk") / settings.SITEMAP_PAGE_SIZE, output_field=IntegerField())


def _lastmod(value):
    return f"<lastmod>{value.isoformat(timespec='seconds')}</lastmod>" if value else ""


def _index_chunks(request):
    children = (
        public_pages(request)
        .annotate(child=_child_number())
        .values("child")
        .annotate(lastmod=Max(LASTMOD))
        .order_by("child")
    )
    yield f'{XML_HEAD}<sitemapindex xmlns="{NAMESPACE}">\n'
    for child in children:
        url = request.build_absolute_uri(reverse("sitemap_pages", args=[child["child"]]))
        yield f"<sitemap><loc>{escape(url)}</loc>{_lastmod(child['lastmod'])}</sitemap>\n"
    yield "</sitemapindex>\n"


def _child_chunks(request, pages):
    """The child's XML, CHUNK pages at a time. Each page's address is its own full URL, as
    `Page.get_full_url` writes it (never its sub-routes), computed from its `url_path` and the
    site's root: building a Page object and reversing a URL for each of 10,000 rows would cost
    ten times the query."""
    site = Site.find_for_request(request)
    root_path = site.root_page.url_path
    prefix = site.root_url + reverse("wagtail_serve", args=("",))
    yield f'{XML_HEAD}<urlset xmlns="{NAMESPACE}">\n'
    lines = []
    rows = pages.annotate(lastmod=LASTMOD).values_list("url_path", "lastmod")
    for url_path, lastmod in rows.iterator(chunk_size=CHUNK):
        location = prefix + quote(url_path[len(root_path) :], safe="/")
        lines.append(f"<url><loc>{escape(location)}</loc>{_lastmod(lastmod)}</url>\n")
        if len(lines) >= CHUNK:
            yield "".join(lines)
            lines = []
    yield "".join(lines) + "</urlset>\n"


def _cached_stream(request, name, chunks, exists=None):
    """A streamed XML response, from the cache or written and then stored (404 when `exists`
    says there is nothing to write)."""
    enabled = settings.PAGE_CACHE_ENABLED
    cache = page_cache()
    key = f"sitemap:{current_generation()}:{request.build_absolute_uri('/')}:{name}"
    body = cache.get(key) if enabled else None
    if body is not None:
        response = StreamingHttpResponse([body], content_type="application/xml; charset=utf-8")
        response[HEADER] = "hit"
        return response
    if exists is not None and not exists():
        raise Http404("Ce plan du site n'existe pas.")

    def written_then_stored():
        parts = []
        for chunk in chunks():
            data = chunk.encode()
            parts.append(data)
            yield data
        if enabled:
            cache.set(key, b"".join(parts), settings.PAGE_CACHE_SECONDS)

    response = StreamingHttpResponse(
        written_then_stored(), content_type="application/xml; charset=utf-8"
    )
    response[HEADER] = "miss"
    return response


@require_safe
@cache_control(no_cache=True)
def sitemap_index(request):
    return _cached_stream(request, "index", lambda: _index_chunks(request))


@require_safe
@cache_control(no_cache=True)
def sitemap_pages(request, number):
    size = settings.SITEMAP_PAGE_SIZE

    @functools.cache
    def pages():  # only on a miss
        return (
            public_pages(request)
            .filter(pk__gte=number * size, pk__lt=(number + 1) * size)
            .order_by("pk")
        )

    return _cached_stream(
        request,
        f"pages-{number}",
        lambda: _child_chunks(request, pages()),
        exists=lambda: pages().exists(),
    )


@require_safe
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /compte/",
        "Disallow: /partage/",
        "Disallow: /api/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
