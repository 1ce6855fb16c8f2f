"""In-site notifications, each also sent by e-mail through a django-tasks task after commit."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django_tasks import task

from .models import Notification


@task()
def send_notification_email(notification_id):
    notification = Notification.objects.select_related("recipient").filter(pk=notification_id)
    notification = notification.first()
    if notification is None or not notification.recipient.email:
        return
    url = notification.url
    if url.startswith("/"):
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    body = notification.message
    if url:
        body = f"{body}\n\n{url}" if body else url
    send_mail(
        f"[Bases communes] {notification.subject}",
        body,
        None,
        [notification.recipient.email],
    )


def notify(recipients, *, kind, subject, message="", url="", exclude=None):
    """Notify each distinct recipient once (never `exclude`, usually the person acting)."""
    seen = set()
    created = []
    for user in recipients:
        if user is None or user.pk in seen or (exclude is not None and user.pk == exclude.pk):
            continue
        seen.add(user.pk)
        created.append(
            Notification.objects.create(
                recipient=user, kind=kind, subject=str(subject)[:255], message=message, url=url
            )
        )
    for notification in created:
        transaction.on_commit(lambda pk=notification.pk: send_notification_email.enqueue(pk))
    return created
