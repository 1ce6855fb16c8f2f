from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from base.accounts import account_deleted

from .models import ResourcePage


@receiver(page_published, sender=ResourcePage)
def resource_published(sender, instance, revision, **kwargs):
    from .contribution import announce_version
    from .versioning import record_version

    version = record_version(instance, revision)
    transaction.on_commit(lambda: announce_version(version.pk))


@receiver(account_deleted)
def erase_personal_collections(sender, user, **kwargs):
    """A deleted account's personal collections are its own data: they go with it."""
    from .models import PersonalCollection

    PersonalCollection.objects.filter(owner=user).delete()
