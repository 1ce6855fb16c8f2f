"""The changes the search index follows (see search.lifecycle for the mechanism).

Pages: publication, unpublication, deletion and move of resources, collections and bases (a
base's publication and move reach every page under it, whose documents carry the base's title,
visibility, organisation and territory). Collections list their resources' titles, so a
resource's change also updates the collections that hold it. Data the documents copy: taxonomy
terms (label, category, slug), licences, organisations (name, kind).

Memberships are deliberately absent: visibility is decided at query time from base ids.
"""

from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from base.models import BasePage
from organisations.models import Organisation
from ressources.models import Licence, ResourcePage, Term
from ressources.signals import resources_changed

from .lifecycle import (
    SEARCHABLE_MODELS,
    collections_containing,
    live_subtree_ids,
    pages_of_bases,
    schedule,
    searchable_subtree_ids,
)
from .models import IndexAction

TAXONOMY_RELATIONS = ("themes", "resource_types", "beneficiaries", "professional_sectors")


# Pages --------------------------------------------------------------------------------------


@receiver(page_published)
def page_was_published(sender, instance, **kwargs):
    if not isinstance(instance, SEARCHABLE_MODELS):
        return
    ids = live_subtree_ids(instance) if isinstance(instance, BasePage) else {instance.pk}
    if isinstance(instance, ResourcePage):
        ids |= collections_containing([instance.pk])
    schedule(ids, IndexAction.UPDATE)


@receiver(page_unpublished)
def page_was_unpublished(sender, instance, **kwargs):
    ids = set(searchable_subtree_ids(instance))
    if not ids:
        return
    schedule(ids, IndexAction.DELETE)
    resources = ResourcePage.objects.filter(pk__in=ids).values_list("pk", flat=True)
    schedule(collections_containing(resources) - ids, IndexAction.UPDATE)


@receiver(post_page_move)
def page_was_moved(sender, instance, **kwargs):
    """A moved page may have changed base (hence visibility and territory) and its URL and its
    descendants' have changed."""
    ids = set(searchable_subtree_ids(instance))
    if ids:
        schedule(ids, IndexAction.UPDATE)


def _page_deleted(sender, instance, **kwargs):
    """Deleting a page deletes its subtree row by row: each row's id is captured before it goes
    (the collections that listed a deleted resource are updated too)."""
    if not isinstance(instance, Page) or instance.pk is None:
        return
    schedule([instance.pk], IndexAction.DELETE)
    if isinstance(instance, ResourcePage):
        schedule(collections_containing([instance.pk]) - {instance.pk}, IndexAction.UPDATE)


for _model in SEARCHABLE_MODELS:
    pre_delete.connect(
        _page_deleted, sender=_model, dispatch_uid=f"search-delete-{_model.__name__}"
    )


# Data the documents copy --------------------------------------------------------------------


def _remember(instance, fields):
    """Keep the stored values of `fields` on the instance, to compare after saving."""
    if instance.pk is None:
        instance._search_before = None
        return
    instance._search_before = type(instance).objects.filter(pk=instance.pk).values(*fields).first()


def _changed(instance, fields):
    before = getattr(instance, "_search_before", None)
    if before is None:
        return False
    return any(before[field] != getattr(instance, field) for field in fields)


TERM_FIELDS = ("label", "category", "slug")
LICENCE_FIELDS = ("spdx_id", "name", "short_name", "is_open")
ORGANISATION_FIELDS = ("name", "kind")


def resources_with_term(term_id):
    ids = set()
    for relation in TAXONOMY_RELATIONS:
        ids |= set(ResourcePage.objects.filter(**{relation: term_id}).values_list("pk", flat=True))
    return ids


@receiver(pre_save, sender=Term)
def term_will_change(sender, instance, **kwargs):
    _remember(instance, TERM_FIELDS)


@receiver(post_save, sender=Term)
def term_changed(sender, instance, created, **kwargs):
    if not created and _changed(instance, TERM_FIELDS):
        schedule(resources_with_term(instance.pk), IndexAction.UPDATE)


@receiver(pre_delete, sender=Term)
def term_deleted(sender, instance, **kwargs):
    ids = resources_with_term(instance.pk)
    if ids:
        schedule(ids, IndexAction.UPDATE)


@receiver(pre_save, sender=Licence)
def licence_will_change(sender, instance, **kwargs):
    _remember(instance, LICENCE_FIELDS)


@receiver(post_save, sender=Licence)
def licence_changed(sender, instance, created, **kwargs):
    if not created and _changed(instance, LICENCE_FIELDS):
        schedule(
            ResourcePage.objects.filter(licence=instance).values_list("pk", flat=True),
            IndexAction.UPDATE,
        )


@receiver(pre_save, sender=Organisation)
def organisation_will_change(sender, instance, **kwargs):
    _remember(instance, ORGANISATION_FIELDS)


@receiver(post_save, sender=Organisation)
def organisation_changed(sender, instance, created, **kwargs):
    """Documents carry their base's organisation (name, kind) and a resource its producer."""
    if created or not _changed(instance, ORGANISATION_FIELDS):
        return
    ids = pages_of_bases(
        BasePage.objects.filter(organisation=instance).values_list("pk", flat=True)
    )
    ids |= set(ResourcePage.objects.filter(producer=instance).values_list("pk", flat=True))
    schedule(ids, IndexAction.UPDATE)


@receiver(resources_changed)
def resources_were_changed(sender, ids, **kwargs):
    """Resources changed outside a publication (e.g. the credits of a deleted account)."""
    schedule(ids)
