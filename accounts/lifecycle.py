"""Account life cycle: deletion (sign-up, confirmation and log-in are django-allauth's).

Deletion erases the person's data and keeps the row, anonymised: versions, proposals, revisions
and Wagtail's audit log point to it, and published work stays, credited to « Contributeur
supprimé ». A name the person gave in the credits of a resource under a licence that requires
attribution stays as published: reusers were told to cite it.
"""

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from accounts.models import Notification

ACCOUNT_DELETED = "bases.account_deleted"
DELETED_NAME = gettext_lazy("Contributeur supprimé")

# Sent inside the deletion's transaction with `user` (still carrying its data), `label` (« Contributeur
# supprimé ») and `names` (the names to replace in texts): each app erases or anonymises what it
# holds (memberships, credits, versions, follows, collections…).
account_deleted = Signal()


def verified_address(user):
    """Record the account's address as confirmed (accounts an administrator or the demo creates:
    allauth lets an account log in only once its address is confirmed)."""
    address = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
    if address is None:
        EmailAddress.objects.filter(user=user, primary=True).update(primary=False)
        address = EmailAddress.objects.create(
            user=user, email=user.email.lower(), verified=True, primary=True
        )
    elif not (address.verified and address.primary):
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])
    return address


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
        # The addresses and the ProConnect link are personal data too.
        EmailAddress.objects.filter(user=user).delete()
        SocialAccount.objects.filter(user=user).delete()
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
