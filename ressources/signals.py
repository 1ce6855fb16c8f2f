from django.db import transaction
from django.dispatch import Signal, receiver
from wagtail.signals import page_published

from .models import ResourcePage, ResourceVersion

# Resources whose indexed content changed without a publication (`ids`: page ids), e.g. the
# credits of a deleted account: the search index (search/signals.py) updates them.
resources_changed = Signal()

# A new version of a resource is published (`version_id`), sent once the transaction commits:
# the veille tells the resource's followers (veille/follows.py).
version_published = Signal()


@receiver(page_published, sender=ResourcePage)
def resource_published(sender, instance, revision, **kwargs):
    from .versioning import record_version

    version = record_version(instance, revision)
    transaction.on_commit(
        lambda: version_published.send(sender=ResourceVersion, version_id=version.pk)
    )
