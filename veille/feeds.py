"""Atom feeds of a base (its new resources and versions) and of a collection (the resources
added to it), for feed readers.

Reached through the routes of `BasePage` and `ResourceCollectionPage`, hence through their
`serve`, which answers 404 to whoever may not read them; each view checks again. Entries are
filtered with the requester's visibility (a feed reader has no session: anonymous).
"""

import re

from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import gettext as _

from base.page_context import request_user
from base.visibility import children_of, ensure_can_view
from ressources.listing import visible_resources
from ressources.models import CollectionItem, ResourcePage, ResourceVersion
from veille.models import CollectionAddition

FEED_SIZE = 30
# Characters XML 1.0 forbids (controls other than tab and line breaks, lone surrogates…).
INVALID_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value):
    """Text an XML parser accepts: the feed generator escapes markup, not invalid characters."""
    return INVALID_XML.sub("", str(value or ""))


class ContentFeed(Atom1Feed):
    """Atom with a plain-text `content` per entry (Django's Atom1Feed only has a summary)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "text"})


def new_feed(request, title, link, subtitle=""):
    link = request.build_absolute_uri(link)
    return ContentFeed(
        title=xml_text(title),
        link=link,
        description=xml_text(subtitle),
        language="fr",
        feed_url=request.build_absolute_uri(),
        feed_guid=link,
    )


def feed_response(feed):
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def add_version(request, feed, version):
    """One entry per publication: version 1.0 announces a new resource, the others an update
    with the journal's change lines."""
    resource = version.resource
    first = (version.major, version.minor) == (1, 0) and version.restored_from_id is None
    if first:
        title = _("Nouvelle ressource : %(title)s") % {"title": resource.title}
        url = request.build_absolute_uri(resource.url)
    else:
        title = _("Version %(number)s : %(title)s") % {
            "number": version.number,
            "title": resource.title,
        }
        url = request.build_absolute_uri(
            resource.url + resource.reverse_subpage("version", args=[version.url_number])
        )
    lines = [xml_text(line) for line in version.change_lines]
    feed.add_item(
        title=xml_text(title),
        link=url,
        unique_id=url,
        description=escape(xml_text(resource.summary))
        if first or not lines
        else format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((li,) for li in lines))
        ),
        content="\n".join(f"– {line}" for line in lines) if lines else xml_text(resource.summary),
        author_name=xml_text(version.responsible),
        pubdate=version.published_at,
        updateddate=version.published_at,
    )


def base_feed(request, base):
    ensure_can_view(base, request)
    if not base.live:
        raise Http404
    readable = visible_resources(
        request_user(request), ResourcePage.objects.filter(children_of(base))
    )
    # The latest ids first, then their rows: sorting every version of a big base with its
    # resource's whole row (body included) to keep twenty grew with the base.
    ids = list(
        ResourceVersion.objects.filter(resource_id__in=readable.values("pk"))
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)[:FEED_SIZE]
    )
    versions = ResourceVersion.objects.filter(pk__in=ids).select_related("resource")
    versions = sorted(versions, key=lambda version: ids.index(version.pk))
    feed = new_feed(
        request,
        _("Nouveautés de la base « %(title)s » — Bases communes") % {"title": base.title},
        base.url,
        _("Nouvelles ressources et nouvelles versions de la base %(title)s.")
        % {"title": base.title},
    )
    for version in versions:
        add_version(request, feed, version)
    return feed_response(feed)


def collection_feed(request, collection):
    user = request_user(request)
    if not collection.live or not collection.user_can_view(user):
        raise Http404
    still_there = CollectionItem.objects.filter(
        collection_id=OuterRef("collection_id"), resource_id=OuterRef("resource_id")
    )
    additions = list(
        CollectionAddition.objects.filter(
            collection_id=collection.pk, resource_id__in=visible_resources(user).values("pk")
        )
        .filter(Exists(still_there))
        .order_by("-added_at", "-pk")[:FEED_SIZE]
    )
    resources = ResourcePage.objects.in_bulk([addition.resource_id for addition in additions])
    feed = new_feed(
        request,
        _("Collection « %(title)s » — Bases communes") % {"title": collection.title},
        collection.url,
        collection.description,
    )
    for addition in additions:
        resource = resources.get(addition.resource_id)
        if resource is None:
            continue
        url = request.build_absolute_uri(resource.url)
        feed.add_item(
            title=xml_text(resource.title),
            link=url,
            # The same resource may leave and come back: each addition is its own entry.
            unique_id=f"{url}#ajout-{addition.added_at:%Y%m%d%H%M%S}",
            description=escape(xml_text(resource.summary)),
            content=xml_text(resource.summary),
            pubdate=addition.added_at,
            updateddate=addition.added_at,
        )
    return feed_response(feed)
