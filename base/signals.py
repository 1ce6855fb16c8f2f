from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from .models import BaseMembership, BasePage
from .permissions import delete_base_groups, sync_member


@receiver(post_save, sender=BaseMembership)
@receiver(post_delete, sender=BaseMembership)
def membership_changed(sender, instance, **kwargs):
    try:
        base = BasePage.objects.get(pk=instance.base_id)
    except BasePage.DoesNotExist:  # the base itself is being deleted
        return
    sync_member(base, instance.user)


@receiver(pre_delete, sender=BasePage)
def base_deleted(sender, instance, **kwargs):
    delete_base_groups(instance)


@receiver(post_save, sender=BasePage)
def base_saved(sender, instance, update_fields=None, **kwargs):
    from .sharing import revoke_if_public

    revoke_if_public(instance, update_fields)
