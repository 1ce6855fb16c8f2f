"""Personal collections: « Mes favoris » and the selections each person makes.

A collection only ever shows what its viewer may read: every listing goes through
`ressources.listing.visible_resources`, so a private base's resource saved by one of its members is
left out for anyone else (and for the member too, once they leave the base), and an unpublished
resource disappears until it is published again. The rows stay, so nothing is lost.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from base import caps
from base.models import Visibility
from ressources.listing import attach_bases, resource_cards, visible_resources

from .models import PersonalCollection, PersonalCollectionItem

FAVORITES_KEY = "favoris"
MAX_COLLECTIONS = 100
MAX_ITEMS = 500
# A second creation with the same title this soon after the first is the same click twice.
DOUBLE_POST_SECONDS = 30


class CollectionRefused(Exception):
    """The change cannot be made; the message says why, in French."""


def favorites(user):
    """« Mes favoris », created the first time it is needed (never on a GET)."""
    collection = PersonalCollection.objects.filter(owner=user, is_favorites=True).first()
    if collection is None:
        collection, _created = PersonalCollection.objects.get_or_create(
            owner=user,
            is_favorites=True,
            defaults={"title": str(_("Mes favoris")), "visibility": Visibility.PRIVATE},
        )
    return collection


def collections_of(user):
    """The person's collections, « Mes favoris » first, with `item_count`."""
    return PersonalCollection.objects.filter(owner=user).annotate(item_count=Count("items"))


def save_choices(user, resource):
    """What the « Enregistrer » form lists: (key, title, checked) for each of the person's
    collections, « Mes favoris » first even before it exists."""
    collections = list(PersonalCollection.objects.filter(owner=user))
    saved = set(
        PersonalCollectionItem.objects.filter(
            collection__owner=user, resource_id=resource.pk
        ).values_list("collection_id", flat=True)
    )
    choices = [(str(c.pk), c.title, c.pk in saved) for c in collections]
    if not any(c.is_favorites for c in collections):
        choices.insert(0, (FAVORITES_KEY, str(_("Mes favoris")), False))
    return choices


@transaction.atomic
def create_collection(user, **fields):
    """A new collection; the same title sent again within seconds (a double click, a resent
    form) gives back the one just created rather than a twin."""
    caps.lock_person(user)  # a second post at the same moment waits for the first
    title = fields.get("title", "")
    recent = (
        PersonalCollection.objects.filter(
            owner=user,
            title=title,
            is_favorites=False,
            created_at__gte=timezone.now() - timedelta(seconds=DOUBLE_POST_SECONDS),
        )
        .order_by("-created_at")
        .first()
    )
    if recent is not None:
        return recent
    if PersonalCollection.objects.filter(owner=user).count() >= MAX_COLLECTIONS:
        raise CollectionRefused(
            _("Vous avez atteint le nombre maximal de collections (%(max)s).")
            % {"max": MAX_COLLECTIONS}
        )
    return PersonalCollection.objects.create(owner=user, **fields)


def add(collection, resource):
    """Put the resource at the end of the collection (no-op if it is already there)."""
    if collection.items.filter(resource_id=resource.pk).exists():
        return False
    if collection.items.count() >= MAX_ITEMS:
        raise CollectionRefused(
            _("La collection « %(title)s » compte déjà %(max)s ressources.")
            % {"title": collection.title, "max": MAX_ITEMS}
        )
    last = collection.items.aggregate(last=Max("sort_order"))["last"]
    PersonalCollectionItem.objects.get_or_create(
        collection=collection,
        resource_id=resource.pk,
        defaults={"sort_order": 0 if last is None else last + 1},
    )
    return True


@transaction.atomic
def save_resource(user, resource, keys, new_title=""):
    """Make the resource's presence in the person's collections match the ticked `keys`.

    `new_title` creates one more collection holding it. Returns (added, removed) titles."""
    keys = set(keys)
    added, removed = [], []
    if FAVORITES_KEY in keys:
        keys.discard(FAVORITES_KEY)
        keys.add(str(favorites(user).pk))
    for collection in PersonalCollection.objects.filter(owner=user).select_for_update():
        if str(collection.pk) in keys:
            if add(collection, resource):
                added.append(collection.title)
        else:
            deleted, _rows = collection.items.filter(resource_id=resource.pk).delete()
            if deleted:
                removed.append(collection.title)
    if new_title:
        collection = create_collection(user, title=new_title)
        add(collection, resource)
        added.append(collection.title)
    return added, removed


def remove(item):
    """Take an item out of its collection. Only the row goes: the resource, its image and its
    other collections are untouched (the previous platform failed here without an image)."""
    item.delete()


@transaction.atomic
def move(item, direction):
    """Swap an item with its neighbour ("up" or "down"); positions are renumbered 0…n-1."""
    items = list(item.collection.items.select_for_update().order_by("sort_order", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= target < len(items):
        return False
    items[index], items[target] = items[target], items[index]
    for position, other in enumerate(items):
        if other.sort_order != position:
            other.sort_order = position
            other.save(update_fields=["sort_order"])
    return True


def can_view(collection, viewer):
    return collection.is_public or (viewer.is_authenticated and viewer.pk == collection.owner_id)


def visible_items(collection, viewer):
    """The collection's items the viewer may read, in order, each with `resource` as a card."""
    items = list(collection.items.order_by("sort_order", "pk"))
    resources = {
        resource.pk: resource
        for resource in attach_bases(
            resource_cards(visible_resources(viewer).filter(pk__in=[i.resource_id for i in items]))
        )
    }
    shown = []
    for item in items:
        if item.resource_id in resources:
            item.card = resources[item.resource_id]
            shown.append(item)
    return shown


def public_collections_of(user, viewer):
    """The public collections of `user` as `viewer` sees them, with `visible_count` (the number
    of their resources the viewer may read): for the public profile page."""
    readable = visible_resources(viewer).values("pk")
    return list(
        PersonalCollection.objects.filter(owner=user, visibility=Visibility.PUBLIC)
        .annotate(visible_count=Count("items", filter=Q(items__resource__in=readable)))
        .order_by("-is_favorites", "title", "pk")
    )
