"""Veille: what a person follows, « Mon fil » (what is new in it) and the weekly digest.

A `Follow` points at a resource, a base, a collection or an organisation (all its bases).
« Mon fil » is computed at read time from the journal of versions (`ResourceVersion`: version
1.0 is a new resource, the others updates with their change lines) and from
`CollectionAddition` (when a resource entered a collection), always through the visibility
querysets of `base.listing` and `ressources.listing`: whoever loses access to a base stops seeing anything of it, without
any clean-up of their follows.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Substr
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.signals import page_published

from accounts.lifecycle import account_deleted
from accounts.models import User
from accounts.notifications import SUBJECT_PREFIX, absolute_url, notify
from base.listing import visible_bases
from base.visibility import BASE_PATH_LENGTH
from ressources.listing import visible_collections, visible_resources
from ressources.models import (
    CollectionItem,
    ResourceCollectionPage,
    ResourcePage,
    ResourceVersion,
)
from ressources.signals import version_published
from veille.models import CollectionAddition, Follow

NEW_RESOURCE = "new_resource"
NEW_VERSION = "new_version"
ADDED_TO_COLLECTION = "added_to_collection"
# At most this many items in one digest e-mail; the rest is on « Mon fil ».
DIGEST_MAX_ITEMS = 50
UNSUBSCRIBE_SALT = "base.veille.digest-unsubscribe"


# Following -----------------------------------------------------------------------------------


def follow_filter(user, *, page=None, organisation=None):
    if page is not None:
        return Follow.objects.filter(user=user, page_id=page.pk)
    return Follow.objects.filter(user=user, organisation_id=organisation.pk)


def is_following(user, *, page=None, organisation=None):
    if not user.is_authenticated:
        return False
    return follow_filter(user, page=page, organisation=organisation).exists()


def set_following(user, following, *, page=None, organisation=None):
    """Follow or stop following; idempotent (a double submission changes nothing more)."""
    if following:
        if page is not None:
            Follow.objects.get_or_create(user=user, page_id=page.pk)
        else:
            Follow.objects.get_or_create(user=user, organisation_id=organisation.pk)
    else:
        follow_filter(user, page=page, organisation=organisation).delete()


# What one follows and may still read -----------------------------------------------------------


@dataclass
class Scope:
    """The followed targets a person may still read."""

    resource_ids: set = field(default_factory=set)
    # base path → why its resources are in the feed (« la base X », « l'organisation Y »).
    base_reasons: dict = field(default_factory=dict)
    collections: dict = field(default_factory=dict)  # pk → ResourceCollectionPage

    @property
    def is_empty(self):
        return not (self.resource_ids or self.base_reasons or self.collections)


def watch_scope(user):
    rows = list(Follow.objects.filter(user=user).values_list("page_id", "organisation_id"))
    page_ids = {page_id for page_id, _org in rows if page_id}
    organisation_ids = {org_id for _page, org_id in rows if org_id}
    scope = Scope()
    if page_ids:
        scope.resource_ids = set(
            visible_resources(user).filter(pk__in=page_ids).values_list("pk", flat=True)
        )
        scope.collections = {
            collection.pk: collection
            for collection in visible_collections(user).filter(pk__in=page_ids)
        }
    if page_ids or organisation_ids:
        bases = visible_bases(user).filter(
            Q(pk__in=page_ids) | Q(organisation_id__in=organisation_ids)
        )
        for base in bases.select_related("organisation").order_by("path"):
            if base.pk in page_ids:
                reason = _("la base « %(title)s »") % {"title": base.title}
            else:
                reason = _("l'organisation « %(name)s »") % {"name": base.organisation.name}
            scope.base_reasons.setdefault(base.path, reason)
    return scope


# « Mon fil » -----------------------------------------------------------------------------------


@dataclass
class FeedItem:
    kind: str
    date: datetime
    resource: ResourcePage
    version: ResourceVersion | None = None
    collection: ResourceCollectionPage | None = None
    reason: str = ""

    @property
    def url(self):
        if self.kind == NEW_VERSION:
            return self.resource.url + self.resource.reverse_subpage(
                "version", args=[self.version.url_number]
            )
        return self.resource.url

    @property
    def change_lines(self):
        return self.version.change_lines if self.version is not None else []

    @property
    def heading(self):
        if self.kind == NEW_RESOURCE:
            return _("Nouvelle ressource : %(title)s") % {"title": self.resource.title}
        if self.kind == NEW_VERSION:
            return _("Version %(number)s : %(title)s") % {
                "number": self.version.number,
                "title": self.resource.title,
            }
        return _("Ajoutée à la collection « %(collection)s » : %(title)s") % {
            "collection": self.collection.title,
            "title": self.resource.title,
        }


class WatchFeed:
    """What is new in what `user` follows, newest first, between `since` and `until`.

    Sliceable and countable, so that Django's Paginator pages it: a slice reads at most `stop`
    rows of each source and merges them by date."""

    def __init__(self, user, since=None, until=None):
        self.scope = watch_scope(user)
        readable = visible_resources(user).values("pk")
        versions = ResourceVersion.objects.none()
        if self.scope.resource_ids or self.scope.base_reasons:
            versions = (
                ResourceVersion.objects.annotate(
                    base_path=Substr("resource__path", 1, BASE_PATH_LENGTH)
                )
                .filter(
                    Q(resource_id__in=self.scope.resource_ids)
                    | Q(base_path__in=list(self.scope.base_reasons))
                )
                .filter(resource_id__in=readable)
                .select_related("resource")
                .order_by("-published_at", "-pk")
            )
        additions = CollectionAddition.objects.none()
        if self.scope.collections:
            still_there = CollectionItem.objects.filter(
                collection_id=OuterRef("collection_id"), resource_id=OuterRef("resource_id")
            )
            additions = (
                CollectionAddition.objects.filter(
                    collection_id__in=list(self.scope.collections), resource_id__in=readable
                )
                .filter(Exists(still_there))
                .order_by("-added_at", "-pk")
            )
        if since is not None:
            versions = versions.filter(published_at__gte=since)
            additions = additions.filter(added_at__gte=since)
        if until is not None:
            versions = versions.filter(published_at__lt=until)
            additions = additions.filter(added_at__lt=until)
        self.versions, self.additions = versions, additions
        self._count = None

    def count(self):
        if self._count is None:
            self._count = self.versions.count() + self.additions.count()
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        items = [self._version_item(version) for version in self.versions[:stop]]
        additions = list(self.additions[:stop])
        resources = ResourcePage.objects.in_bulk([a.resource_id for a in additions])
        items += [
            FeedItem(
                kind=ADDED_TO_COLLECTION,
                date=addition.added_at,
                resource=resources[addition.resource_id],
                collection=self.scope.collections[addition.collection_id],
            )
            for addition in additions
            if addition.resource_id in resources
        ]
        items.sort(key=lambda item: item.date, reverse=True)
        return items[start:stop]

    def _version_item(self, version):
        resource = version.resource
        if resource.pk in self.scope.resource_ids:
            reason = _("la ressource suivie")
        else:
            reason = self.scope.base_reasons.get(resource.path[:BASE_PATH_LENGTH], "")
        first = (version.major, version.minor) == (1, 0) and version.restored_from_id is None
        return FeedItem(
            kind=NEW_RESOURCE if first else NEW_VERSION,
            date=version.published_at,
            resource=resource,
            version=version,
            reason=reason,
        )


# Collection additions --------------------------------------------------------------------------


def record_collection_additions(collection, when=None):
    """Date the resources that entered `collection` since its last publication (and forget
    those that left it, so that coming back counts as a new addition)."""
    current = set(
        CollectionItem.objects.filter(collection_id=collection.pk).values_list(
            "resource_id", flat=True
        )
    )
    known = CollectionAddition.objects.filter(collection_id=collection.pk)
    known.exclude(resource_id__in=current).delete()
    new = current - set(known.values_list("resource_id", flat=True))
    when = when or timezone.now()
    CollectionAddition.objects.bulk_create(
        [
            CollectionAddition(collection_id=collection.pk, resource_id=pk, added_at=when)
            for pk in sorted(new)
        ],
        ignore_conflicts=True,
    )
    return len(new)


@receiver(page_published, sender=ResourceCollectionPage)
def collection_published(sender, instance, **kwargs):
    record_collection_additions(instance)


# Weekly digest ---------------------------------------------------------------------------------


@dataclass
class Week:
    monday: object  # date: the week's key, stored in User.digest_last_week
    start: datetime
    end: datetime

    @property
    def label(self):
        last = self.monday + timedelta(days=6)
        return _("du %(start)s au %(end)s") % {
            "start": date_format(self.monday, "j F"),
            "end": date_format(last, "j F Y"),
        }


def last_complete_week(now=None):
    """The last complete week (Monday 00:00 to Monday 00:00, in the site's time zone)."""
    local = timezone.localtime(now or timezone.now())
    this_monday = local.date() - timedelta(days=local.weekday())
    monday = this_monday - timedelta(days=7)
    zone = timezone.get_current_timezone()
    return Week(
        monday=monday,
        start=datetime.combine(monday, time.min, tzinfo=zone),
        end=datetime.combine(this_monday, time.min, tzinfo=zone),
    )


def unsubscribe_token(user):
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def user_from_token(token):
    """The person a signed unsubscribe token names, or None if it is forged or mangled."""
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return User.objects.filter(pk=pk).first()


def unsubscribe_urls(user):
    token = unsubscribe_token(user)
    return (
        absolute_url(reverse("digest_unsubscribe", args=[token])),
        absolute_url(reverse("digest_unsubscribe_one_click", args=[token])),
    )


def digest_message(user, week, items, total, connection=None, since=None):
    page_url, one_click_url = unsubscribe_urls(user)
    context = {
        "user": user,
        "week": week,
        # A wider period (--since) is said as such.
        "since": since if since is not None and since != week.start else None,
        "items": [
            {
                "item": item,
                "url": absolute_url(item.url),
                "lines": item.change_lines if item.kind == NEW_VERSION else [],
            }
            for item in items
        ],
        "total": total,
        "more": total - len(items),
        "feed_url": absolute_url(reverse("mon_fil")),
        "unsubscribe_url": page_url,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("%(prefix)s Votre veille de la semaine %(week)s") % {
            "prefix": SUBJECT_PREFIX,
            "week": week.label,
        }
        body = render_to_string("veille/digest_email.txt", context)
    return EmailMessage(
        subject,
        body,
        to=[user.email],
        connection=connection,
        # RFC 2369 / RFC 8058: mail clients offer « Se désabonner » and POST to the one-click
        # address, whose signed token is the only authorisation needed.
        headers={
            "List-Unsubscribe": f"<{one_click_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def send_digest(user, week, since=None, dry_run=False, connection=None):
    """Send `user` the digest of `week` (items from `since`, default the week's start).

    Returns (status, number of items), status one of "sent", "empty", "already_sent",
    "would_send". The week is claimed with a conditional UPDATE before sending, so two runs (or
    a rerun after an interruption) never send it twice; a failed send releases the claim."""
    if user.digest_last_week is not None and user.digest_last_week >= week.monday:
        return "already_sent", 0
    feed = WatchFeed(user, since=since or week.start, until=week.end)
    total = feed.count()
    if dry_run:
        return ("would_send" if total else "empty"), total
    previous = user.digest_last_week
    pending = Q(digest_last_week__isnull=True) | Q(digest_last_week__lt=week.monday)
    claimed = (
        User.objects.filter(pk=user.pk, weekly_digest=True, is_active=True)
        .filter(pending)
        .update(digest_last_week=week.monday)
    )
    if not claimed:
        return "already_sent", 0
    if not total:
        return "empty", 0
    try:
        digest_message(user, week, feed[:DIGEST_MAX_ITEMS], total, connection, since).send()
    except Exception:
        User.objects.filter(pk=user.pk, digest_last_week=week.monday).update(
            digest_last_week=previous
        )
        raise
    return "sent", total


def digest_recipients():
    return User.objects.filter(weekly_digest=True, is_active=True).exclude(email="").order_by("pk")


@receiver(account_deleted)
def erase_follows(sender, user, **kwargs):
    """What a deleted account followed goes with it."""
    Follow.objects.filter(user=user).delete()


@receiver(version_published)
def announce_version(sender, version_id, **kwargs):
    """Tell the resource's followers about a new version, with its change lines."""
    version = ResourceVersion.objects.select_related("resource", "user").filter(pk=version_id)
    version = version.first()
    if version is None:
        return
    resource = version.resource
    followers = [
        follow.user
        for follow in Follow.objects.filter(page=resource).select_related("user")
        if resource.base.user_can_view(follow.user)
    ]
    notify(
        followers,
        kind="new_version",
        subject=_("« %(title)s » : nouvelle version %(number)s")
        % {"title": resource.title, "number": version.number},
        message="\n".join(f"– {line}" for line in version.change_lines),
        url=version.url,
        exclude=version.user,
    )
