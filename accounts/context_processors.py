"""Template context of every page of the public site."""

from django.utils.functional import SimpleLazyObject


def notifications(request):
    """`unread_notification_count` for the header: one COUNT query, only when a page shows it.

    Anonymous visitors get nothing; the lazy object keeps the Wagtail admin (which does not
    show the count) from paying for the query.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def count():
        from accounts.models import Notification

        return Notification.objects.filter(recipient=user, read_at__isnull=True).count()

    return {"unread_notification_count": SimpleLazyObject(count)}
