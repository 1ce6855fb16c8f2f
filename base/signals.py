"""Wagtail permissions follow memberships, organisation admins and bases (see permissions)."""

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from accounts.lifecycle import account_deleted, deletion_review

from .models import (
    BASE_DEPTH,
    BaseMembership,
    BasePage,
    OrganisationMembership,
    Role,
    ensure_another_admin,
)
from .permissions import delete_base_groups, sync_base, sync_member, sync_organisation_member
from .visibility import forget_excluded_paths


def _deleting_pages(origin):
    return isinstance(origin, Page) or (
        isinstance(origin, QuerySet) and issubclass(origin.model, Page)
    )


@receiver(post_save, sender=BaseMembership)
@receiver(post_delete, sender=BaseMembership)
def membership_changed(sender, instance, origin=None, **kwargs):
    if _deleting_pages(origin):  # the base goes, and its groups with it
        return
    try:
        base = BasePage.objects.get(pk=instance.base_id)
    except BasePage.DoesNotExist:  # the base itself is being deleted
        return
    sync_member(base, instance.user)


@receiver(pre_delete, sender=BaseMembership)
def keep_an_admin(sender, instance, origin=None, **kwargs):
    """Deletions that do not go through BaseMembership.delete() (a deleted account, a queryset)
    may not take a base's last admin either; the deletion of the base itself may."""
    if instance.role == Role.ADMIN and not _deleting_pages(origin):
        ensure_another_admin(instance.base_id, instance.pk)


@receiver(post_save, sender=OrganisationMembership)
@receiver(post_delete, sender=OrganisationMembership)
def organisation_membership_changed(sender, instance, **kwargs):
    sync_organisation_member(instance.organisation_id, instance.user)


@receiver(pre_save, sender=BasePage)
def remember_organisation(sender, instance, **kwargs):
    if instance.pk and not kwargs.get("raw"):
        instance._stored_organisation_id = (
            BasePage.objects.filter(pk=instance.pk)
            .values_list("organisation_id", flat=True)
            .first()
        )


@receiver(post_save, sender=BasePage)
def base_saved(sender, instance, created, raw=False, **kwargs):
    """A new base gets its groups (and its organisation's admins); a base handed to another
    organisation changes hands in the Wagtail admin too."""
    if raw or instance.depth != BASE_DEPTH:
        return
    if created or getattr(instance, "_stored_organisation_id", None) != instance.organisation_id:
        sync_base(instance)


@receiver(pre_delete, sender=BasePage)
def base_deleted(sender, instance, **kwargs):
    delete_base_groups(instance)


@receiver(post_save, sender=BasePage)
def base_made_public(sender, instance, update_fields=None, **kwargs):
    """A base that becomes public needs no share link any more: its links are deleted."""
    from .sharing import revoke_if_public

    revoke_if_public(instance, update_fields)


@receiver(deletion_review)
def review_sole_admin_bases(sender, user, **kwargs):
    """A base may not lose its last admin: the deletion page lists them and refuses."""
    from .membership import sole_admin_bases

    return {"blocking_bases": list(sole_admin_bases(user))}


@receiver(account_deleted)
def leave_bases(sender, user, **kwargs):
    """A deleted account leaves its bases, one membership at a time so that the receivers
    above take the Wagtail permissions back."""
    for membership in BaseMembership.objects.filter(user=user):
        membership.delete()


@receiver(post_save, sender=BasePage)
@receiver(post_delete, sender=BasePage)
@receiver(page_published, sender=BasePage)
@receiver(page_unpublished, sender=BasePage)
@receiver(post_save, sender=BaseMembership)
@receiver(post_delete, sender=BaseMembership)
@receiver(post_save, sender=OrganisationMembership)
@receiver(post_delete, sender=OrganisationMembership)
def visibility_changed(sender, **kwargs):
    """What a request remembered of the hidden bases is stale (base.visibility)."""
    forget_excluded_paths()
