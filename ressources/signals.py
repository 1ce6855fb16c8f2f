from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver
from wagtail.signals import page_published

from .models import ResourcePage, ResourceReview, ResourceVersion

# Resources whose indexed content changed without a publication (`ids`: page ids), e.g. the
# credits of a deleted account: the search index (search/signals.py) updates them.
resources_changed = Signal()

# A new version of a resource is published (`version_id`), sent once the transaction commits:
# the veille tells the resource's followers (veille/follows.py).
version_published = Signal()

# An adaptation of a resource (« adaptée de ») is published for the first time (`adaptation_id`,
# `version_id`), sent once the transaction commits: the veille tells the original's followers.
adaptation_published = Signal()


@receiver(page_published, sender=ResourcePage)
def resource_published(sender, instance, revision, **kwargs):
    from .versioning import record_version

    version = record_version(instance, revision)
    transaction.on_commit(
        lambda: version_published.send(sender=ResourceVersion, version_id=version.pk)
    )
    first = (version.major, version.minor) == (1, 0) and version.restored_from_id is None
    if first and instance.adapted_from_id:
        transaction.on_commit(
            lambda: adaptation_published.send(
                sender=ResourcePage, adaptation_id=instance.pk, version_id=version.pk
            )
        )


@receiver(post_save, sender=ResourceReview)
@receiver(post_delete, sender=ResourceReview)
def review_changed(sender, instance, **kwargs):
    """An avis given, changed, hidden or deleted changes the resource's figures, which the
    search index sorts on (« les mieux notées »)."""
    resource_id = instance.resource_id
    transaction.on_commit(lambda: resources_changed.send(sender=ResourceReview, ids=[resource_id]))
