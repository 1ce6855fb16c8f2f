"""The label index follows the requests: any save of a request, a status change or a verdict
re-indexes the request once the transaction commits (never inside it, so a rolled-back change
is never indexed). Nothing happens without Elasticsearch; a failure is logged by
label.index.index_requests and never reaches the workflow."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .index import index_requests
from .models import CriterionAssessment, LabelRequest, StatusChange


def schedule(pk):
    """After commit (at once outside a transaction). A workflow step saves the request and
    writes a StatusChange: the request is sent twice, a cheap idempotent write, rather than
    keeping per-transaction state that a rollback could leave behind."""
    if pk is None or not getattr(settings, "ELASTICSEARCH_URL", ""):
        return
    transaction.on_commit(lambda: index_requests([pk]))


@receiver(post_save, sender=LabelRequest, dispatch_uid="label_index_request")
@receiver(post_delete, sender=LabelRequest, dispatch_uid="label_index_request_deleted")
def request_changed(sender, instance, **kwargs):
    schedule(instance.pk)


@receiver(post_save, sender=StatusChange, dispatch_uid="label_index_status_change")
@receiver(post_save, sender=CriterionAssessment, dispatch_uid="label_index_assessment")
def part_changed(sender, instance, **kwargs):
    schedule(instance.request_id)
