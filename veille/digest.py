"""The weekly digest of « Mon fil »: the week's items of what a person follows, by e-mail, on
Mondays (`manage.py send_digests`), never twice for the same week, with unsubscribe links (a
signed link confirmed by POST, and RFC 8058 one-click)."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.notifications import SUBJECT_PREFIX, absolute_url

from .follows import NEW_VERSION, WatchFeed

# At most this many items in one digest e-mail; the rest is on « Mon fil ».
DIGEST_MAX_ITEMS = 50
UNSUBSCRIBE_SALT = "base.veille.digest-unsubscribe"


@dataclass
class Week:
    monday: object  # date: the week's key, stored in User.digest_last_week
    start: datetime
    end: datetime

    @property
    def label(self):
        last = self.monday + timedelta(days=6)
        return _("du %(start)s au %(end)s") % {
            "start": date_format(self.monday, "j F"),
            "end": date_format(last, "j F Y"),
        }


def last_complete_week(now=None):
    """The last complete week (Monday 00:00 to Monday 00:00, in the site's time zone)."""
    local = timezone.localtime(now or timezone.now())
    this_monday = local.date() - timedelta(days=local.weekday())
    monday = this_monday - timedelta(days=7)
    zone = timezone.get_current_timezone()
    return Week(
        monday=monday,
        start=datetime.combine(monday, time.min, tzinfo=zone),
        end=datetime.combine(this_monday, time.min, tzinfo=zone),
    )


def unsubscribe_token(user):
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def user_from_token(token):
    """The person a signed unsubscribe token names, or None if it is forged or mangled."""
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return User.objects.filter(pk=pk).first()


def unsubscribe_urls(user):
    token = unsubscribe_token(user)
    return (
        absolute_url(reverse("digest_unsubscribe", args=[token])),
        absolute_url(reverse("digest_unsubscribe_one_click", args=[token])),
    )


def digest_message(user, week, items, total, connection=None, since=None):
    page_url, one_click_url = unsubscribe_urls(user)
    context = {
        "user": user,
        "week": week,
        # A wider period (--since) is said as such.
        "since": since if since is not None and since != week.start else None,
        "items": [
            {
                "item": item,
                "url": absolute_url(item.url),
                "lines": item.change_lines if item.kind == NEW_VERSION else [],
            }
            for item in items
        ],
        "total": total,
        "more": total - len(items),
        "feed_url": absolute_url(reverse("mon_fil")),
        "unsubscribe_url": page_url,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("%(prefix)s Votre veille de la semaine %(week)s") % {
            "prefix": SUBJECT_PREFIX,
            "week": week.label,
        }
        body = render_to_string("veille/digest_email.txt", context)
    return EmailMessage(
        subject,
        body,
        to=[user.email],
        connection=connection,
        # RFC 2369 / RFC 8058: mail clients offer « Se désabonner » and POST to the one-click
        # address, whose signed token is the only authorisation needed.
        headers={
            "List-Unsubscribe": f"<{one_click_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def send_digest(user, week, since=None, dry_run=False, connection=None):
    """Send `user` the digest of `week` (items from `since`, default the week's start).

    Returns (status, number of items), status one of "sent", "empty", "already_sent",
    "would_send". The week is claimed with a conditional UPDATE before sending, so two runs (or
    a rerun after an interruption) never send it twice; a failed send releases the claim."""
    if user.digest_last_week is not None and user.digest_last_week >= week.monday:
        return "already_sent", 0
    feed = WatchFeed(user, since=since or week.start, until=week.end)
    total = feed.count()
    if dry_run:
        return ("would_send" if total else "empty"), total
    previous = user.digest_last_week
    pending = Q(digest_last_week__isnull=True) | Q(digest_last_week__lt=week.monday)
    claimed = (
        User.objects.filter(pk=user.pk, weekly_digest=True, is_active=True)
        .filter(pending)
        .update(digest_last_week=week.monday)
    )
    if not claimed:
        return "already_sent", 0
    if not total:
        return "empty", 0
    try:
        digest_message(user, week, feed[:DIGEST_MAX_ITEMS], total, connection, since).send()
    except Exception:
        User.objects.filter(pk=user.pk, digest_last_week=week.monday).update(
            digest_last_week=previous
        )
        raise
    return "sent", total


def digest_recipients():
    return User.objects.filter(weekly_digest=True, is_active=True).exclude(email="").order_by("pk")
