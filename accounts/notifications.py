"""In-site notifications, each also sent by e-mail through a django-tasks task after commit.

`notify()` writes one `Notification` per person and queues the e-mail once the transaction
commits (nothing is sent for work that is rolled back). The e-mail repeats the notification in
plain text, with absolute links, and a footer that says why the person receives it and how to
stop.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from accounts.models import Notification

SUBJECT_PREFIX = "[Bases communes]"

# Why a person receives a notification of each kind, and how to stop (e-mail footer).
REASONS = {
    "new_version": gettext_lazy(
        "Vous recevez ce message parce que vous suivez cette ressource sur Bases communes. "
        "Pour ne plus être informé de ses mises à jour, ouvrez la ressource (lien ci-dessus) "
        "et choisissez « Ne plus être informé des mises à jour »."
    ),
    "new_adaptation": gettext_lazy(
        "Vous recevez ce message parce que vous suivez la ressource adaptée sur Bases communes. "
        "Pour ne plus en être informé, ouvrez-la et choisissez « Ne plus être informé des mises "
        "à jour »."
    ),
    "public_edit": gettext_lazy(
        "Vous recevez ce message parce que vous administrez la base de cette ressource : ses "
        "administrateurs sont prévenus de chaque modification faite par une personne qui n'en "
        "est pas membre, et peuvent restaurer une version précédente."
    ),
    "proposal": gettext_lazy(
        "Vous recevez ce message parce que vous administrez la base de cette ressource : ses "
        "administrateurs examinent les propositions de modification."
    ),
    "proposal_accepted": gettext_lazy(
        "Vous recevez ce message parce que vous avez proposé une modification de cette ressource."
    ),
    "proposal_refused": gettext_lazy(
        "Vous recevez ce message parce que vous avez proposé une modification de cette ressource."
    ),
    "label_nec": gettext_lazy(
        "Vous recevez ce message parce que vous avez demandé le label NEC pour ce dispositif."
    ),
    # Moderation (ressources.moderation)
    "report": gettext_lazy(
        "Vous recevez ce message parce que vous êtes modérateur de la plateforme."
    ),
    "report_resolved": gettext_lazy(
        "Vous recevez ce message parce que vous avez signalé cette ressource aux modérateurs."
    ),
    "report_base": gettext_lazy(
        "Vous recevez ce message parce que vous administrez la base de cette ressource, qui a "
        "fait l'objet d'un signalement."
    ),
    # Membership of a base (base.membership).
    "membership": gettext_lazy(
        "Vous recevez ce message parce que votre place dans une base de Bases communes a changé, "
        "ou parce que vous en êtes administrateur."
    ),
    "join_request": gettext_lazy(
        "Vous recevez ce message parce que vous administrez cette base : ses administrateurs "
        "répondent aux demandes pour la rejoindre."
    ),
    "label_nec_review": gettext_lazy(
        "Vous recevez ce message parce que vous êtes instructeur du label NEC."
    ),
}
DEFAULT_REASON = gettext_lazy(
    "Vous recevez ce message parce que vous avez un compte sur Bases communes."
)


def absolute_url(url):
    """`url` made absolute with the site's public address (BASE_URL); absolute ones unchanged."""
    if url.startswith("/") and not url.startswith("//"):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url


def email_subject(notification):
    subject = " ".join(notification.subject.split())  # no line break in a header
    return f"{SUBJECT_PREFIX} {subject}"


def email_body(notification):
    """The plain-text e-mail of a notification: greeting, message, link, footer."""
    recipient = notification.recipient
    parts = [_("Bonjour %(name)s,") % {"name": recipient.display_name}, notification.subject]
    if notification.message:
        parts.append(notification.message)
    if notification.url:
        parts.append(
            _("Voir sur Bases communes : %(url)s") % {"url": absolute_url(notification.url)}
        )
    footer = [
        "-- ",
        str(REASONS.get(notification.kind, DEFAULT_REASON)),
        _("Toutes vos notifications : %(url)s") % {"url": absolute_url(reverse("notifications"))},
    ]
    return "\n\n".join(parts) + "\n\n" + "\n".join(footer) + "\n"


@task()
def send_notification_email(notification_id):
    notification = Notification.objects.select_related("recipient").filter(pk=notification_id)
    notification = notification.first()
    if notification is None:
        return
    recipient = notification.recipient
    if not recipient.email or not recipient.is_active:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = email_subject(notification), email_body(notification)
    send_mail(subject, body, None, [recipient.email])


def notify(recipients, *, kind, subject, message="", url="", exclude=None):
    """Notify each distinct recipient once (never `exclude`, usually the person acting).

    Deactivated accounts are skipped. Returns the notifications created."""
    seen = set()
    created = []
    for user in recipients:
        if user is None or user.pk in seen or (exclude is not None and user.pk == exclude.pk):
            continue
        seen.add(user.pk)
        if not user.is_active:
            continue
        created.append(
            Notification.objects.create(
                recipient=user, kind=kind, subject=str(subject)[:255], message=message, url=url
            )
        )
    for notification in created:
        transaction.on_commit(lambda pk=notification.pk: send_notification_email.enqueue(pk))
    return created
