"""Account pages of the public site: « Mes notifications »."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Notification
from base.listing import page_number, paginate, querystring

NOTIFICATIONS_PER_PAGE = 20


def _safe_link(url, request):
    """The notification's link if it stays on this site (relative or to this host), else ''."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def _back_to_list(request):
    """The notifications page the form was posted from (`page` field), as a redirect."""
    raw = request.POST.get("page", "")
    page = page_number(raw)
    return redirect(reverse("notifications") + querystring({"page": page if page > 1 else ""}))


@login_required
def notifications(request):
    queryset = Notification.objects.filter(recipient=request.user).order_by("-created_at", "-pk")
    page_obj = paginate(queryset, request.GET.get("page"), per_page=NOTIFICATIONS_PER_PAGE)
    for notification in page_obj.object_list:
        notification.link = _safe_link(notification.url, request)
    unread = queryset.filter(read_at__isnull=True).count()
    return render(
        request,
        "accounts/notifications.html",
        {"page_obj": page_obj, "unread_count": unread, "params": {}},
    )


@login_required
@require_POST
def mark_notification_read(request, notification_id):
    notification = get_object_or_404(Notification, pk=notification_id, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return _back_to_list(request)


@login_required
@require_POST
def mark_all_notifications_read(request):
    count = Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    if count:
        messages.success(request, _("Toutes vos notifications sont marquées comme lues."))
    return _back_to_list(request)
