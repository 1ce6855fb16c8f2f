"""Membership of a base: invitations, join requests, roles, removals, leaving.

Views (base.views.membership) check who may do what with the predicates of BasePage
(`user_can_manage`, `user_can_view`) and leave the work to these functions, which check again,
write Wagtail's audit log on the base (labels in base/wagtail_hooks.py) and notify the person
concerned. The rule that a base keeps at least one admin lives in the model
(BaseMembership.save/delete, base.models.ensure_another_admin), so no path can skip it.

Over 500 lines: invitations, join requests, role changes and leaving share the audit-log
actions, the notifications and the last-admin rule; each function stays short.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.log_actions import log

from accounts.notifications import SUBJECT_PREFIX, absolute_url, notify

from . import caps
from .models import (
    BaseMembership,
    BasePage,
    Invitation,
    InvitationStatus,
    JoinRequest,
    JoinRequestStatus,
    Role,
    hash_token,
)

# Audit-log actions (labels registered in base/wagtail_hooks.py).
INVITE = "base.invite"
INVITATION_RESEND = "base.invitation_resend"
INVITATION_CANCEL = "base.invitation_cancel"
INVITATION_ACCEPT = "base.invitation_accept"
INVITATION_DECLINE = "base.invitation_decline"
JOIN_REQUEST = "base.join_request"
JOIN_WITHDRAW = "base.join_withdraw"
JOIN_ACCEPT = "base.join_accept"
JOIN_DECLINE = "base.join_decline"
ROLE_CHANGE = "base.role_change"
MEMBER_REMOVE = "base.member_remove"
MEMBER_LEAVE = "base.member_leave"
MEMBER_ADD = "base.member_add"


class MembershipError(ValidationError):
    """A refused membership action, with the French message to show."""


def members_url(base):
    return base.url + base.reverse_subpage("members")


def _role_label(role):
    return str(Role(role).label).lower()


def _ensure_manager(base, user):
    if not base.user_can_manage(user):
        raise PermissionDenied


def normalise_email(email):
    return (email or "").strip().lower()


def user_with_email(email):
    return get_user_model().objects.filter(email__iexact=normalise_email(email)).first()


def _log(base, action, user, **data):
    log(instance=base, action=action, user=user, data=data)


# Invitations ------------------------------------------------------------------------------


def invitation_url(token):
    return reverse("invitation", args=(token,))


@task()
def send_invitation_email(recipient, subject, body):
    send_mail(subject, body, None, [recipient])


def _email_invitation(invitation, token):
    base = invitation.base
    inviter = invitation.invited_by.display_name if invitation.invited_by else _("L'équipe")
    with translation.override(settings.LANGUAGE_CODE):
        subject = f"{SUBJECT_PREFIX} " + _("Invitation à rejoindre « %(base)s »") % {
            "base": base.title
        }
        body = "\n\n".join(
            [
                _("Bonjour,"),
                _(
                    "%(inviter)s vous invite à rejoindre la base « %(base)s » sur Bases communes, "
                    "en tant que %(role)s."
                )
                % {"inviter": inviter, "base": base.title, "role": _role_label(invitation.role)},
                _("Pour accepter ou décliner l'invitation, ouvrez ce lien : %(url)s")
                % {"url": absolute_url(invitation_url(token))},
                _(
                    "Le lien est valable jusqu'au %(date)s. Il vous demandera de vous connecter "
                    "(ou de créer un compte) avec cette adresse e-mail : %(email)s."
                )
                % {
                    "date": timezone.localtime(invitation.expires_at).strftime("%d/%m/%Y"),
                    "email": invitation.email,
                },
                "-- \n"
                + _(
                    "Vous recevez ce message parce qu'un administrateur de cette base a saisi "
                    "votre adresse. Si vous ne connaissez pas cette base, ignorez-le : sans "
                    "réponse, l'invitation expire d'elle-même."
                ),
            ]
        )
    transaction.on_commit(
        lambda: send_invitation_email.enqueue(invitation.email, subject, body + "\n")
    )


def _check_invitation_caps(base, by, new):
    if caps.reached(
        Invitation.objects.filter(invited_by=by),
        caps.INVITATIONS_PER_PERSON_PER_DAY,
        within=caps.DAY,
        field="sent_at",
    ):
        raise MembershipError(
            _("Vous avez envoyé %(count)s invitations en 24 heures : réessayez demain.")
            % {"count": caps.INVITATIONS_PER_PERSON_PER_DAY},
            code="too_many",
        )
    if new and caps.reached(
        base.invitations.filter(status=InvitationStatus.PENDING),
        caps.PENDING_INVITATIONS_PER_BASE,
    ):
        raise MembershipError(
            _(
                "Cette base a déjà %(count)s invitations en attente : annulez celles qui ne "
                "servent plus avant d'en envoyer d'autres."
            )
            % {"count": caps.PENDING_INVITATIONS_PER_BASE},
            code="too_many",
        )


def invite(base, email, role, by):
    """Invite an address to join the base; inviting it again sends a new link.

    Returns (invitation, resent). Refuses an address whose account is already a member."""
    _ensure_manager(base, by)
    email = normalise_email(email)
    role = Role(role)
    existing_user = user_with_email(email)
    if existing_user and base.memberships.filter(user=existing_user).exists():
        raise MembershipError(
            _("%(name)s (%(email)s) est déjà membre de cette base.")
            % {"name": existing_user.display_name, "email": email},
            code="already_member",
        )
    with transaction.atomic():
        # The base's invitations one after the other: the same address invited twice at once
        # (a double click) is one invitation, sent again, not a unique-constraint error.
        BasePage.objects.select_for_update().filter(pk=base.pk).first()
        invitation = (
            Invitation.objects.select_for_update()
            .filter(base=base, email=email, status=InvitationStatus.PENDING)
            .first()
        )
        resent = invitation is not None
        _check_invitation_caps(base, by, new=not resent)
        if invitation is None:
            invitation = Invitation(base=base, email=email)
        invitation.role = role
        invitation.invited_by = by
        token = invitation.new_token()
        invitation.save()
        _log(
            base,
            INVITATION_RESEND if resent else INVITE,
            by,
            email=email,
            role=role.value,
        )
        _email_invitation(invitation, token)
    return invitation, resent


def cancel_invitation(invitation, by):
    _ensure_manager(invitation.base, by)
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.status != InvitationStatus.PENDING:
            raise MembershipError(_("Cette invitation n'est plus en attente."), code="closed")
        invitation.status = InvitationStatus.CANCELLED
        invitation.answered_at = timezone.now()
        invitation.save(update_fields=["status", "answered_at"])
        _log(invitation.base, INVITATION_CANCEL, by, email=invitation.email)
    return invitation


def invitation_for_token(token):
    """The invitation of a link, or None for a token that matches nothing (forged, replaced)."""
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        return None
    return (
        Invitation.objects.select_related("base", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )


def invitation_problem(invitation, user=None):
    """Why this invitation cannot be answered (French sentence), or None."""
    if invitation is None:
        return _(
            "Ce lien d'invitation n'est pas valable. Vérifiez qu'il est complet ; s'il a été "
            "renvoyé depuis, seul le lien du dernier e-mail fonctionne."
        )
    if invitation.status == InvitationStatus.ACCEPTED:
        return _("Cette invitation a déjà été acceptée.")
    if invitation.status == InvitationStatus.DECLINED:
        return _("Cette invitation a été déclinée.")
    if invitation.status == InvitationStatus.CANCELLED:
        return _("Cette invitation a été annulée par un administrateur de la base.")
    if invitation.is_expired:
        return _(
            "Cette invitation a expiré. Demandez à un administrateur de la base de vous inviter "
            "à nouveau."
        )
    wrong_account = (
        user is not None
        and user.is_authenticated
        and normalise_email(user.email) != invitation.email
    )
    if wrong_account:
        return _(
            "Cette invitation a été envoyée à %(email)s, et vous êtes connecté avec une autre "
            "adresse. Connectez-vous avec le compte de %(email)s pour y répondre."
        ) % {"email": invitation.email}
    return None


def _answer(invitation, user, status):
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update().select_related("base").get(pk=invitation.pk)
        )
        problem = invitation_problem(invitation, user)
        if problem:
            raise MembershipError(problem, code="invalid_invitation")
        invitation.status = status
        invitation.answered_at = timezone.now()
        invitation.answered_by = user
        invitation.save(update_fields=["status", "answered_at", "answered_by"])
        return invitation


def accept_invitation(invitation, user):
    """Join the base with the invitation's role. Returns the membership."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    with transaction.atomic():
        invitation = _answer(invitation, user, InvitationStatus.ACCEPTED)
        base = invitation.base
        membership, created = BaseMembership.objects.get_or_create(
            base=base, user=user, defaults={"role": invitation.role}
        )
        _log(
            base,
            INVITATION_ACCEPT,
            user,
            email=invitation.email,
            member=user.display_name,
            role=membership.role,
        )
        JoinRequest.objects.filter(base=base, user=user, status=JoinRequestStatus.PENDING).update(
            status=JoinRequestStatus.ACCEPTED, decided_at=timezone.now(), role=membership.role
        )
    if invitation.invited_by:
        notify(
            [invitation.invited_by],
            kind="membership",
            subject=_("%(name)s a rejoint « %(base)s »")
            % {"name": user.display_name, "base": base.title},
            message=_("Invitation acceptée : %(name)s est %(role)s de la base.")
            % {"name": user.display_name, "role": _role_label(membership.role)},
            url=members_url(base),
            exclude=user,
        )
    return membership


def decline_invitation(invitation, user):
    if not user.is_authenticated:
        raise PermissionDenied
    invitation = _answer(invitation, user, InvitationStatus.DECLINED)
    _log(invitation.base, INVITATION_DECLINE, user, email=invitation.email)
    if invitation.invited_by:
        notify(
            [invitation.invited_by],
            kind="membership",
            subject=_("%(email)s a décliné l'invitation à « %(base)s »")
            % {"email": invitation.email, "base": invitation.base.title},
            url=members_url(invitation.base),
            exclude=user,
        )
    return invitation


# Join requests ----------------------------------------------------------------------------


def can_request_to_join(base, user):
    return (
        user.is_authenticated
        and user.is_active
        and base.user_can_view(user)
        and not base.memberships.filter(user=user).exists()
    )


def _check_join_request_caps(base, user):
    pending = JoinRequest.objects.filter(status=JoinRequestStatus.PENDING)
    if pending.filter(base=base, user=user).exists():
        return  # the unique constraint answers « already asked », below
    if caps.reached(
        pending.filter(user=user), caps.PENDING_JOIN_REQUESTS_PER_PERSON
    ) or caps.reached(
        JoinRequest.objects.filter(user=user),
        caps.JOIN_REQUESTS_PER_PERSON_PER_DAY,
        within=caps.DAY,
    ):
        raise MembershipError(
            _(
                "Vous avez déjà %(count)s demandes d'adhésion en attente ou envoyées récemment : "
                "attendez les réponses avant d'en envoyer d'autres."
            )
            % {"count": caps.PENDING_JOIN_REQUESTS_PER_PERSON},
            code="too_many",
        )
    if caps.reached(pending.filter(base=base), caps.PENDING_JOIN_REQUESTS_PER_BASE):
        raise MembershipError(
            _(
                "Cette base a déjà %(count)s demandes d'adhésion en attente : ses administrateurs "
                "doivent y répondre avant d'en recevoir d'autres. Réessayez plus tard."
            )
            % {"count": caps.PENDING_JOIN_REQUESTS_PER_BASE},
            code="too_many",
        )


def request_to_join(base, user, message=""):
    """« Demander à rejoindre » : one pending request per person and base."""
    if not user.is_authenticated or not user.is_active or not base.user_can_view(user):
        raise PermissionDenied
    if base.memberships.filter(user=user).exists():
        raise MembershipError(_("Vous êtes déjà membre de cette base."), code="already_member")
    _check_join_request_caps(base, user)
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(
                base=base, user=user, message=(message or "").strip()
            )
            _log(base, JOIN_REQUEST, user, member=user.display_name)
    except IntegrityError:
        raise MembershipError(
            _(
                "Vous avez déjà demandé à rejoindre cette base : votre demande attend la réponse "
                "de ses administrateurs."
            ),
            code="duplicate",
        ) from None
    notify(
        base.managers,
        kind="join_request",
        subject=_("%(name)s demande à rejoindre « %(base)s »")
        % {"name": user.display_name, "base": base.title},
        message=join_request.message,
        url=members_url(base),
        exclude=user,
    )
    return join_request


def _pending_request(join_request):
    locked = (
        JoinRequest.objects.select_for_update()
        .select_related("base", "user")
        .get(pk=join_request.pk)
    )
    if locked.status != JoinRequestStatus.PENDING:
        raise MembershipError(_("Cette demande a déjà reçu une réponse."), code="closed")
    return locked


def withdraw_join_request(join_request, user):
    if join_request.user_id != user.pk:
        raise PermissionDenied
    with transaction.atomic():
        join_request = _pending_request(join_request)
        join_request.status = JoinRequestStatus.WITHDRAWN
        join_request.decided_at = timezone.now()
        join_request.save(update_fields=["status", "decided_at"])
        _log(join_request.base, JOIN_WITHDRAW, user, member=user.display_name)
    return join_request


def accept_join_request(join_request, by, role):
    _ensure_manager(join_request.base, by)
    role = Role(role)
    with transaction.atomic():
        join_request = _pending_request(join_request)
        base, person = join_request.base, join_request.user
        membership, _created = BaseMembership.objects.get_or_create(
            base=base, user=person, defaults={"role": role}
        )
        join_request.status = JoinRequestStatus.ACCEPTED
        join_request.decided_at = timezone.now()
        join_request.decided_by = by
        join_request.role = membership.role
        join_request.save(update_fields=["status", "decided_at", "decided_by", "role"])
        _log(base, JOIN_ACCEPT, by, member=person.display_name, role=membership.role)
    notify(
        [person],
        kind="membership",
        subject=_("Votre demande pour rejoindre « %(base)s » est acceptée") % {"base": base.title},
        message=_("Vous êtes %(role)s de la base.") % {"role": _role_label(membership.role)},
        url=base.url,
        exclude=by,
    )
    return membership


def decline_join_request(join_request, by, reason=""):
    _ensure_manager(join_request.base, by)
    with transaction.atomic():
        join_request = _pending_request(join_request)
        join_request.status = JoinRequestStatus.DECLINED
        join_request.decided_at = timezone.now()
        join_request.decided_by = by
        join_request.reason = (reason or "").strip()
        join_request.save(update_fields=["status", "decided_at", "decided_by", "reason"])
        _log(join_request.base, JOIN_DECLINE, by, member=join_request.user.display_name)
    base = join_request.base
    notify(
        [join_request.user],
        kind="membership",
        subject=_("Votre demande pour rejoindre « %(base)s » n'a pas été acceptée")
        % {"base": base.title},
        message=(_("Motif : %(reason)s") % {"reason": join_request.reason})
        if join_request.reason
        else "",
        url=base.url,
        exclude=by,
    )
    return join_request


# Members ----------------------------------------------------------------------------------


def change_role(membership, role, by):
    base = membership.base
    _ensure_manager(base, by)
    role = Role(role)
    with transaction.atomic():
        # No row lock here: save() locks all the base's admin rows, in one order, so that two
        # admins demoting each other wait for one another instead of deadlocking.
        membership = BaseMembership.objects.select_related("user").get(pk=membership.pk)
        previous = membership.role
        if previous == role:
            return membership
        membership.role = role
        membership.save()  # refuses to demote the last admin (LastAdminError)
        _log(
            base,
            ROLE_CHANGE,
            by,
            member=membership.user.display_name,
            previous=previous,
            role=role.value,
        )
    notify(
        [membership.user],
        kind="membership",
        subject=_("Votre rôle dans « %(base)s » a changé") % {"base": base.title},
        message=_("Vous êtes désormais %(role)s de la base.") % {"role": _role_label(role)},
        url=members_url(base),
        exclude=by,
    )
    return membership


def remove_member(membership, by):
    """Take someone out of a base. Their account, resources and credits stay."""
    base = membership.base
    _ensure_manager(base, by)
    person = membership.user
    with transaction.atomic():
        membership.delete()  # refuses to remove the last admin (LastAdminError)
        _log(base, MEMBER_REMOVE, by, member=person.display_name, role=membership.role)
    notify(
        [person],
        kind="membership",
        subject=_("Vous ne faites plus partie de « %(base)s »") % {"base": base.title},
        message=_("Un administrateur de la base vous en a retiré. Votre compte est inchangé."),
        url=base.url if base.is_public else "",
        exclude=by,
    )


def bases_only_administered_by(user):
    """The bases whose only admin is this person: what stops them leaving or deleting their
    account (say so before trying; BaseMembership refuses anyway with LastAdminError)."""
    own = BaseMembership.objects.filter(user=user, role=Role.ADMIN).values_list("base_id")
    return [
        base
        for base in BasePage.objects.filter(pk__in=own).order_by("title")
        if base.memberships.filter(role=Role.ADMIN).count() == 1
    ]


def leave(base, user):
    membership = base.memberships.filter(user=user).first() if user.is_authenticated else None
    if membership is None:
        raise MembershipError(_("Vous n'êtes pas membre de cette base."), code="not_member")
    with transaction.atomic():
        membership.delete()  # the last admin cannot leave (LastAdminError)
        _log(base, MEMBER_LEAVE, user, member=user.display_name, role=membership.role)
    notify(
        base.managers,
        kind="membership",
        subject=_("%(name)s a quitté « %(base)s »")
        % {"name": user.display_name, "base": base.title},
        url=members_url(base),
        exclude=user,
    )


# From the Wagtail admin (snippets, see base/wagtail_hooks.py) --------------------------------


def admin_saved(member, by, created):
    base = member.base
    action = MEMBER_ADD if created else ROLE_CHANGE
    _log(base, action, by, member=member.user.display_name, role=member.role)
    notify(
        [member.user],
        kind="membership",
        subject=_("Vous êtes %(role)s de « %(base)s »")
        % {"role": _role_label(member.role), "base": base.title},
        url=members_url(base),
        exclude=by,
    )


def admin_deleted(member, by):
    base = BasePage.objects.filter(pk=member.base_id).first()
    if base is None:
        return
    _log(base, MEMBER_REMOVE, by, member=member.user.display_name, role=member.role)
    notify(
        [member.user],
        kind="membership",
        subject=_("Vous ne faites plus partie de « %(base)s »") % {"base": base.title},
        message=_(
            "Un administrateur de la plateforme vous en a retiré. Votre compte est inchangé."
        ),
        exclude=by,
    )


def sole_admin_bases(user):
    """Bases the person administers alone (no other active administrator)."""
    others = BaseMembership.objects.filter(
        base=OuterRef("pk"), role=Role.ADMIN, user__is_active=True
    ).exclude(user=user)
    return (
        BasePage.objects.filter(memberships__user=user, memberships__role=Role.ADMIN)
        .exclude(Exists(others))
        .order_by("title")
    )
