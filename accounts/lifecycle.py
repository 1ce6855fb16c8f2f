"""Account life cycle: sign-up with e-mail confirmation, and deletion.

Sign-up creates an inactive account and e-mails a signed link (Django's signing, with an
expiry); clicking it activates the account. Nothing ever tells a visitor whether an address
already has an account: the form always answers « lien envoyé », and the owner of an existing
address receives a message instead.

Deletion erases the person's data and keeps the row, anonymised: versions, proposals, revisions
and Wagtail's audit log point to it, and published work stays, credited to « Contributeur
supprimé ». A name the person gave in the credits of a resource under a licence that requires
attribution stays as published: reusers were told to cite it.
"""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from accounts.models import Notification
from accounts.notifications import SUBJECT_PREFIX, absolute_url

VERIFICATION_SALT = "base.accounts.email-verification"
ACCOUNT_DELETED = "bases.account_deleted"
DELETED_NAME = gettext_lazy("Contributeur supprimé")

# Sent inside the deletion's transaction with `user` (still carrying its data), `label` (« Contributeur
# supprimé ») and `names` (the names to replace in texts): each app erases or anonymises what it
# holds (memberships, credits, versions, follows, collections…).
account_deleted = Signal()


def verification_max_age():
    """Seconds a confirmation link stays valid (ACCOUNT_VERIFICATION_DAYS, 3 days by default)."""
    return int(getattr(settings, "ACCOUNT_VERIFICATION_DAYS", 3)) * 24 * 3600


# E-mail ------------------------------------------------------------------------------------


@task()
def send_account_email(recipient, subject, body):
    send_mail(f"{SUBJECT_PREFIX} {subject}", body, None, [recipient])


def _mail(recipient, subject, lines):
    with translation.override(settings.LANGUAGE_CODE):
        body = "\n\n".join(str(line) for line in lines) + "\n"
        send_account_email.enqueue(recipient, str(subject), body)


def _signature():
    return "-- \n" + _(
        "Bases communes — les ressources partagées de l'inclusion numérique.\n"
        "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne sera fait."
    )


# Sign-up and confirmation -------------------------------------------------------------------


def username_from_email(email):
    """A free username derived from the address (« camille.durand », « camille.durand-2 »…)."""
    User = get_user_model()
    local = email.split("@", 1)[0]
    stem = re.sub(r"[^a-z0-9._-]", "", slugify(local.replace(".", "-dot-")).replace("-dot-", "."))
    stem = stem.strip("._-")[:140] or "membre"
    candidate, number = stem, 1
    while User.objects.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{stem}-{number}"
    return candidate


def find_by_email(email):
    return get_user_model().objects.filter(email__iexact=email.strip()).first()


def verification_token(user):
    return signing.dumps({"id": user.pk, "email": user.email}, salt=VERIFICATION_SALT)


def verification_url(user):
    return absolute_url(reverse("signup_confirm", args=[verification_token(user)]))


def send_verification(user):
    days = int(getattr(settings, "ACCOUNT_VERIFICATION_DAYS", 3))
    _mail(
        user.email,
        _("Confirmez votre adresse e-mail"),
        [
            _("Bonjour %(name)s,") % {"name": user.display_name},
            _(
                "Pour activer votre compte « %(username)s » sur Bases communes, ouvrez ce lien "
                "(valable %(days)d jours) :"
            )
            % {"username": user.username, "days": days},
            verification_url(user),
            _("Lien expiré ? Demandez-en un nouveau : %(url)s")
            % {"url": absolute_url(reverse("signup_resend"))},
            _signature(),
        ],
    )


def send_existing_account_notice(user):
    """Someone tried to sign up with the address of an existing account: tell its owner only."""
    if user.is_awaiting_verification:
        send_verification(user)
        return
    if not user.is_active:
        return
    _mail(
        user.email,
        _("Une inscription a été demandée avec votre adresse"),
        [
            _("Bonjour %(name)s,") % {"name": user.display_name},
            _(
                "Quelqu'un (vous, peut-être) a demandé à créer un compte sur Bases communes avec "
                "cette adresse e-mail. Vous avez déjà un compte, avec l'identifiant "
                "« %(username)s » : aucun nouveau compte n'a été créé."
            )
            % {"username": user.username},
            _("Pour vous connecter : %(url)s") % {"url": absolute_url(reverse("login"))},
            _("Mot de passe oublié ? %(url)s") % {"url": absolute_url(reverse("password_reset"))},
            _signature(),
        ],
    )


class InvalidLink(Exception):
    """A confirmation link that cannot be used; `expired` tells the two cases apart."""

    def __init__(self, expired=False):
        super().__init__()
        self.expired = expired


def peek_confirmation(token):
    """The account a confirmation link is for, checked but not activated."""
    try:
        data = signing.loads(token, salt=VERIFICATION_SALT, max_age=verification_max_age())
    except signing.SignatureExpired as error:
        raise InvalidLink(expired=True) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidLink() from error
    if not isinstance(data, dict):
        raise InvalidLink()
    user = get_user_model().objects.filter(pk=data.get("id"), email=data.get("email")).first()
    if user is None or user.deleted_at is not None:
        raise InvalidLink()
    if user.is_active and user.email_verified_at:
        return user
    if not user.is_awaiting_verification:
        raise InvalidLink()  # deactivated by an administrator: a link does not undo that
    return user


def confirm_email(token):
    """Activate the account of a confirmation link and return it (already active: unchanged)."""
    user = peek_confirmation(token)
    if user.is_active:
        return user
    user.is_active = True
    user.email_verified_at = timezone.now()
    user.save(update_fields=["is_active", "email_verified_at"])
    return user


# E-mail change ------------------------------------------------------------------------------

EMAIL_CHANGE_SALT = "base.accounts.email-change"


def request_email_change(user, new_email):
    """Mail a confirmation link to the new address (nothing changes until it is opened), and a
    notice to the current one. An address another account uses gets a notice, not a link, and
    the person asking is told the same thing either way."""
    owner = find_by_email(new_email)
    if owner is not None:
        _mail(
            owner.email,
            _("Votre adresse a été proposée pour un autre compte"),
            [
                _("Bonjour,"),
                _(
                    "Quelqu'un a demandé à utiliser cette adresse pour un autre compte de Bases "
                    "communes. Elle reste celle de votre compte : rien n'a changé."
                ),
                _signature(),
            ],
        )
        return
    token = signing.dumps(
        {"id": user.pk, "email": user.email, "new": new_email}, salt=EMAIL_CHANGE_SALT
    )
    days = verification_max_age() // 86400
    _mail(
        new_email,
        _("Confirmez votre nouvelle adresse e-mail"),
        [
            _("Bonjour %(name)s,") % {"name": user.display_name},
            _(
                "Pour que cette adresse devienne celle de votre compte « %(username)s », ouvrez "
                "ce lien (valable %(days)d jours) :"
            )
            % {"username": user.username, "days": days},
            absolute_url(reverse("account_email_confirm", args=[token])),
            _signature(),
        ],
    )
    _mail(
        user.email,
        _("Changement d'adresse e-mail demandé"),
        [
            _("Bonjour %(name)s,") % {"name": user.display_name},
            _(
                "Un changement de l'adresse de votre compte vers %(new)s a été demandé. Elle ne "
                "changera que si le lien envoyé à cette nouvelle adresse est ouvert."
            )
            % {"new": new_email},
            _(
                "Si vous n'êtes pas à l'origine de cette demande, changez votre mot de passe : "
                "%(url)s"
            )
            % {"url": absolute_url(reverse("password_reset"))},
        ],
    )


def peek_email_change(token):
    """(user, new address) of an e-mail change link, checked but not applied."""
    try:
        data = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=verification_max_age())
    except signing.SignatureExpired as error:
        raise InvalidLink(expired=True) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidLink() from error
    if not isinstance(data, dict) or not data.get("new"):
        raise InvalidLink()
    User = get_user_model()
    # The link dies once the address changed (this link or another one was used).
    user = User.objects.filter(pk=data.get("id"), email=data.get("email"), is_active=True).first()
    if user is None or user.deleted_at is not None:
        raise InvalidLink()
    return user, data["new"]


def confirm_email_change(token):
    user, new_email = peek_email_change(token)
    with transaction.atomic():
        if find_by_email(new_email) is not None:
            raise InvalidLink()
        user.email = new_email
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email", "email_verified_at"])
    return user


# Deletion ----------------------------------------------------------------------------------
#
# Each app holds its part of a person's traces (memberships in base, credits and versions in
# ressources, follows in veille…), and accounts sits below them all: the apps answer two signals
# rather than this module reaching up into them.

# Before: `deletion_review.send(sender=User, user=user)`; each receiver returns a dict for the
# deletion page, e.g. {"blocking_bases": […]} (a base that would lose its last admin: deletion
# is refused) or {"kept_credits": […]} (names kept by a licence that requires attribution).
deletion_review = Signal()


def deletion_review_context(user):
    """What the deletion page shows: the blocking bases and the attributions that stay."""
    context = {"blocking_bases": [], "kept_credits": []}
    for _receiver, response in deletion_review.send(sender=get_user_model(), user=user):
        context.update(response or {})
    return context


def _delete_sessions(user):
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()


def delete_account(user):
    """Erase the person's data and anonymise the account (see the module docstring).

    The caller has checked the password and that no base is left without an administrator."""
    label = str(DELETED_NAME)
    User = get_user_model()
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        names = {user.get_full_name().strip(), user.username} - {""}
        # Each app erases or anonymises what it holds (see `account_deleted`); their answers
        # say what the audit log records (e.g. {"kept_attributions": 2}).
        log_data = {}
        for _receiver, response in account_deleted.send(
            sender=User, user=user, label=label, names=names
        ):
            log_data.update(response or {})

        Notification.objects.filter(recipient=user).delete()

        from wagtail.users.models import UserProfile

        profile = UserProfile.objects.filter(user=user).first()
        if profile is not None:
            if profile.avatar:
                profile.avatar.delete(save=False)
            profile.delete()
        if user.avatar:
            user.avatar.delete(save=False)

        user.first_name = user.last_name = ""
        user.username = f"supprime-{user.pk}"
        user.email = f"supprime-{user.pk}@comptes-supprimes.invalid"
        user.bio = user.job_title = user.department_code = ""
        user.avatar = ""
        user.organisation = None
        user.show_email = False
        user.is_active = user.is_staff = user.is_superuser = False
        user.last_login = None
        user.deleted_at = timezone.now()
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
        _delete_sessions(user)

        # Wagtail's audit log keeps the label an object had: the person's name, for edits of
        # their account in the admin.
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
        ).update(label=label)
        log(
            instance=user,
            action=ACCOUNT_DELETED,
            user=user,
            data=log_data,
        )
    return user
