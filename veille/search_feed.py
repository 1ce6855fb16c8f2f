"""The Atom feed of a search (/rechercher/atom/?q=…&<filtres>): the results of the same search
page, newest first, for a feed reader.

A feed reader has no session, and a feed address is easily shared: the feed always searches
as an anonymous visitor (public content only), whoever asks.
"""

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from search import reading
from search.forms import parse_request
from veille.feeds import feed_response, new_feed, xml_text

FEED_SIZE = 30


def _date(value):
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


@require_safe
def search_feed(request):
    search = parse_request(request.GET, frozenset())
    query = search.query
    query.sort, query.page, query.per_page = "recentes", 1, FEED_SIZE
    try:
        results = reading.read(query)
    except reading.SearchUnavailable as unavailable:
        return unavailable.response
    if search.text:
        title = _("Recherche « %(query)s » — Bases communes") % {"query": search.text}
    else:
        title = _("Nouveautés de la recherche — Bases communes")
    feed = new_feed(
        request,
        title,
        search.url(),
        _("Les résultats les plus récents de cette recherche sur Bases communes."),
    )
    for hit in results.hits:
        document = hit.document or {}
        url = request.build_absolute_uri(hit.url)
        published = _date(document.get("first_published_at"))
        updated = _date(document.get("last_published_at")) or published
        feed.add_item(
            title=xml_text(hit.title),
            link=url,
            unique_id=url,
            description=escape(xml_text(hit.summary)),
            content=xml_text(hit.summary),
            pubdate=published,
            updateddate=updated,
        )
    return feed_response(feed)
