"""Veille: what a person follows, « Mon fil » (what is new in it) and the weekly digest.

A `Follow` points at a resource, a base, a collection or an organisation (all its bases).
« Mon fil » is computed at read time from the journal of versions (`ResourceVersion`: version
1.0 is a new resource, the others updates with their change lines) and from
`CollectionAddition` (when a resource entered a collection), always through the visibility
querysets of `base.listing` and `ressources.listing`: whoever loses access to a base stops seeing anything of it, without
any clean-up of their follows.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Substr
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.signals import page_published

from accounts.lifecycle import account_deleted
from accounts.notifications import notify
from base.french import de
from base.listing import visible_bases
from base.visibility import BASE_PATH_LENGTH
from ressources.listing import visible_collections, visible_resources
from ressources.models import (
    CollectionItem,
    ResourceCollectionPage,
    ResourcePage,
    ResourceTag,
    ResourceVersion,
)
from ressources.signals import adaptation_published, version_published
from veille.models import CollectionAddition, Follow

NEW_RESOURCE = "new_resource"
NEW_VERSION = "new_version"
ADDED_TO_COLLECTION = "added_to_collection"


# Following -----------------------------------------------------------------------------------


def _target(targets):
    """The one (field, object) named among follow_filter's keyword arguments."""
    given = [(name, obj) for name, obj in targets.items() if obj is not None]
    if len(given) != 1 or given[0][0] not in Follow.TARGETS:
        raise ValueError("Follow exactly one of: " + ", ".join(Follow.TARGETS))
    return given[0]


def follow_filter(user, **targets):
    """The person's follow of one target: `page=`, `organisation=`, `term=`, `tag=` or
    `person=`."""
    name, obj = _target(targets)
    return Follow.objects.filter(user=user, **{f"{name}_id": obj.pk})


def is_following(user, **targets):
    if not user.is_authenticated:
        return False
    return follow_filter(user, **targets).exists()


def set_following(user, following, **targets):
    """Follow or stop following; idempotent (a double submission changes nothing more)."""
    name, obj = _target(targets)
    if following:
        Follow.objects.get_or_create(user=user, **{f"{name}_id": obj.pk})
    else:
        Follow.objects.filter(user=user, **{f"{name}_id": obj.pk}).delete()


# What one follows and may still read -----------------------------------------------------------


@dataclass
class Scope:
    """The followed targets a person may still read."""

    resource_ids: set = field(default_factory=set)
    # base path → why its resources are in the feed (« la base X », « l'organisation Y »).
    base_reasons: dict = field(default_factory=dict)
    collections: dict = field(default_factory=dict)  # pk → ResourceCollectionPage
    # Themes and tags: their new resources; people: what they publish (id → label).
    terms: dict = field(default_factory=dict)
    tags: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)

    @property
    def is_empty(self):
        return not (
            self.resource_ids
            or self.base_reasons
            or self.collections
            or self.terms
            or self.tags
            or self.people
        )


def watch_scope(user):
    follows = list(Follow.objects.filter(user=user).select_related("term", "tag", "person"))
    page_ids = {f.page_id for f in follows if f.page_id}
    organisation_ids = {f.organisation_id for f in follows if f.organisation_id}
    scope = Scope(
        terms={f.term_id: f.term.label for f in follows if f.term_id},
        tags={f.tag_id: f.tag.name for f in follows if f.tag_id},
        people={
            f.person_id: f.person.display_name
            for f in follows
            if f.person_id and f.person.is_active and not f.person.deleted_at
        },
    )
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
        scope = self.scope
        if scope.resource_ids or scope.base_reasons or scope.terms or scope.tags or scope.people:
            # Themes and tags bring their new resources (first publications), people what they
            # publish; followed resources, bases and organisations every version.
            first = Q(major=1, minor=0, restored_from__isnull=True)
            versions = (
                ResourceVersion.objects.annotate(
                    base_path=Substr("resource__path", 1, BASE_PATH_LENGTH)
                )
                .filter(
                    Q(resource_id__in=scope.resource_ids)
                    | Q(base_path__in=list(scope.base_reasons))
                    | Q(user_id__in=list(scope.people))
                    | (
                        first
                        & Q(
                            resource_id__in=ResourcePage.themes.through.objects.filter(
                                term_id__in=list(scope.terms)
                            ).values("resourcepage_id")
                        )
                    )
                    | (
                        first
                        & Q(
                            resource_id__in=ResourceTag.objects.filter(
                                tag_id__in=list(scope.tags)
                            ).values("content_object_id")
                        )
                    )
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
        versions = list(self.versions[:stop])
        self._topic_reasons = self._topics_of([v.resource_id for v in versions])
        items = [self._version_item(version) for version in versions]
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

    def _topics_of(self, resource_ids):
        """resource id → why a followed theme or tag brings it (« la thématique X »)."""
        reasons = {}
        if self.scope.terms:
            rows = ResourcePage.themes.through.objects.filter(
                resourcepage_id__in=resource_ids, term_id__in=list(self.scope.terms)
            ).values_list("resourcepage_id", "term_id")
            for resource_id, term_id in rows:
                reasons.setdefault(
                    resource_id,
                    _("la thématique « %(label)s »") % {"label": self.scope.terms[term_id]},
                )
        if self.scope.tags:
            rows = ResourceTag.objects.filter(
                content_object_id__in=resource_ids, tag_id__in=list(self.scope.tags)
            ).values_list("content_object_id", "tag_id")
            for resource_id, tag_id in rows:
                reasons.setdefault(
                    resource_id, _("le mot-clé « %(name)s »") % {"name": self.scope.tags[tag_id]}
                )
        return reasons

    def _version_item(self, version):
        resource = version.resource
        base_reason = self.scope.base_reasons.get(resource.path[:BASE_PATH_LENGTH], "")
        if resource.pk in self.scope.resource_ids:
            reason = _("la ressource suivie")
        elif base_reason:
            reason = base_reason
        elif version.user_id in self.scope.people:
            reason = _("les publications %(of_name)s") % {
                "of_name": de(self.scope.people[version.user_id])
            }
        else:
            reason = getattr(self, "_topic_reasons", {}).get(resource.pk, "")
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


@receiver(account_deleted)
def erase_follows(sender, user, **kwargs):
    """What a deleted account followed goes with it, and nobody follows it any more."""
    Follow.objects.filter(Q(user=user) | Q(person=user)).delete()


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


@receiver(adaptation_published)
def announce_adaptation(sender, adaptation_id, version_id, **kwargs):
    """Tell the original's followers that an adaptation of it is published, if they may read
    both."""
    version = ResourceVersion.objects.select_related("resource", "user").filter(pk=version_id)
    version = version.first()
    if version is None or version.resource_id != adaptation_id:
        return
    adaptation = version.resource
    original = adaptation.adapted_from
    if original is None:
        return
    followers = [
        follow.user
        for follow in Follow.objects.filter(page=original).select_related("user")
        if original.base.user_can_view(follow.user) and adaptation.base.user_can_view(follow.user)
    ]
    notify(
        followers,
        kind="new_adaptation",
        subject=_("« %(original)s » : nouvelle adaptation « %(title)s » dans la base « %(base)s »")
        % {"original": original.title, "title": adaptation.title, "base": adaptation.base.title},
        message="\n".join(f"– {line}" for line in version.change_lines),
        url=adaptation.url,
        exclude=version.user,
    )
