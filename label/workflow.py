"""Every change of a label request's status goes through this module.

Each function locks the request row (`SELECT … FOR UPDATE`, so two reviewers clicking at once
cannot both decide), checks the move against `label.criteria.TRANSITIONS` and who may make it,
then writes one `StatusChange` (the history the applicant reads and the tracking figures count),
one audit-log entry (`wagtail.log_actions.log`, labels in label/wagtail_hooks.py) and notifies the
applicant (in-site + e-mail, `accounts.notifications.notify`). A decision or an expiry changes what
the public sees of the resource, so it re-indexes the resource through `search.lifecycle`.

Views never set `status` themselves: an illegal move (forged POST, stale screen) raises
`TransitionError`, whose message is French and shown as is.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .criteria import TRANSITIONS, Status
from .models import LabelRequest, StatusChange

# Audit-log actions (labels registered in label/wagtail_hooks.py).
SUBMIT = "label.submit"
START_REVIEW = "label.start_review"
REQUEST_COMPLEMENTS = "label.request_complements"
GRANT = "label.grant"
REFUSE = "label.refuse"
EXPIRE = "label.expire"
REMIND = "label.remind"
ACTIONS = {
    Status.SUBMITTED: SUBMIT,
    Status.IN_REVIEW: START_REVIEW,
    Status.COMPLEMENTS: REQUEST_COMPLEMENTS,
    Status.LABELLED: GRANT,
    Status.REFUSED: REFUSE,
    Status.EXPIRED: EXPIRE,
}
REVIEW_PERMISSION = "label.review_labelrequest"
NOTIFICATION_KIND = "label_nec"
REVIEW_NOTIFICATION_KIND = "label_nec_review"
REVIEWERS_GROUP = "Instructeurs du label NEC"


class TransitionError(Exception):
    """A move the workflow refuses; `str(error)` is the French message for the person."""


# Who may do what ------------------------------------------------------------------------------


def is_reviewer(user):
    """Members of « Instructeurs du label NEC » (and platform superusers)."""
    return bool(user and user.is_authenticated and user.is_active) and user.has_perm(
        REVIEW_PERMISSION
    )


def can_review(user, label_request):
    """A reviewer, never on their own request."""
    return is_reviewer(user) and label_request.applicant_id != user.pk


def can_view(user, label_request):
    """The applicant sees a request (its files included); the reviewers once it is filed (a
    draft is not in their queue: the admin list leaves drafts out too); nobody else."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if label_request.applicant_id == user.pk:
        return True
    return label_request.status != Status.DRAFT and is_reviewer(user)


# Dates ---------------------------------------------------------------------------------------


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def validity_end(decided_at):
    """The last day a label decided at `decided_at` is valid (LABEL_NEC_VALIDITY_YEARS)."""
    day = timezone.localdate(decided_at) if timezone.is_aware(decided_at) else decided_at.date()
    return add_years(day, settings.LABEL_NEC_VALIDITY_YEARS) - datetime.timedelta(days=1)


# The moves ------------------------------------------------------------------------------------


def submit(label_request, user, *, at=None, quiet=False):
    """The applicant files the request (a draft, or after complements were asked for).

    The caller has checked completeness (label.forms.submission_errors)."""
    return _move(
        label_request,
        Status.SUBMITTED,
        user,
        at=at,
        quiet=quiet,
        allowed=lambda locked: locked.applicant_id == user.pk,
        denied=_("Seule la personne qui a rédigé la demande peut la déposer."),
    )


def start_review(label_request, user, *, at=None, quiet=False):
    """A reviewer takes the request into instruction (and becomes its reviewer)."""
    return _review_move(label_request, Status.IN_REVIEW, user, at=at, quiet=quiet)


def request_complements(label_request, user, message, *, at=None, quiet=False):
    if not message.strip():
        raise TransitionError(_("Dites au demandeur quels compléments sont attendus."))
    return _review_move(
        label_request, Status.COMPLEMENTS, user, comment=message, at=at, quiet=quiet
    )


def grant(label_request, user, comment="", *, at=None, quiet=False):
    """Label the dispositif: decided now, valid LABEL_NEC_VALIDITY_YEARS years."""
    return _review_move(label_request, Status.LABELLED, user, comment=comment, at=at, quiet=quiet)


def refuse(label_request, user, reasons, *, at=None, quiet=False):
    if not reasons.strip():
        raise TransitionError(_("Un refus doit être motivé : indiquez ses raisons."))
    return _review_move(label_request, Status.REFUSED, user, comment=reasons, at=at, quiet=quiet)


def expire(label_request, *, at=None, quiet=False):
    """The label reached the end of its validity (the daily command, no person acting)."""
    return _move(label_request, Status.EXPIRED, None, at=at, quiet=quiet)


def remind(label_request, days_before, *, at=None, quiet=False):
    """Tell the applicant the label ends soon, once per entry of LABEL_NEC_REMINDER_DAYS.

    Not a change of status: the row is locked, `reminders_sent` records it, the log says it.
    Returns False when that reminder was already sent (idempotent)."""
    with transaction.atomic():
        locked = LabelRequest.objects.select_for_update().get(pk=label_request.pk)
        sent = set(locked.reminder_days_sent)
        if locked.status != Status.LABELLED or days_before in sent:
            return False
        # A reminder sent late (the command did not run) stands for the earlier ones too.
        sent |= {d for d in settings.LABEL_NEC_REMINDER_DAYS if d >= days_before}
        locked.reminders_sent = ",".join(str(d) for d in sorted(sent, reverse=True))
        locked.save(update_fields=["reminders_sent", "updated_at"])
        log(
            locked,
            REMIND,
            user=None,
            data={"days_before": days_before},
            title=str(locked),
            timestamp=at or timezone.now(),
        )
        end = date_format(locked.valid_until, "j F Y")
        if quiet:
            label_request.reminders_sent = locked.reminders_sent
            return True
        _notify(
            locked,
            _("Votre label NEC pour « %(title)s » prend fin le %(date)s")
            % {"title": _dispositif(locked), "date": end},
            _(
                "Le label NEC de ce dispositif est valable jusqu'au %(date)s. Pour qu'il reste "
                "labellisé, déposez une demande de renouvellement depuis « Mes demandes » "
                "(bouton « Renouveler ») : elle reprend votre demande précédente."
            )
            % {"date": end},
        )
        label_request.reminders_sent = locked.reminders_sent
    return True


def _review_move(label_request, to_status, user, **kwargs):
    return _move(
        label_request,
        to_status,
        user,
        allowed=lambda locked: can_review(user, locked),
        denied=_(
            "Vous ne pouvez pas instruire cette demande : il faut être instructeur du label NEC, "
            "et l'on n'instruit jamais sa propre demande."
        ),
        **kwargs,
    )


def _move(
    label_request,
    to_status,
    user,
    *,
    comment="",
    at=None,
    quiet=False,
    allowed=None,
    denied="",
):
    """Lock, check, change, record, log, notify, re-index. Returns the fresh request."""
    at = at or timezone.now()
    with transaction.atomic():
        locked = LabelRequest.objects.select_for_update().get(pk=label_request.pk)
        from_status = locked.status
        if to_status not in TRANSITIONS.get(from_status, set()):
            raise TransitionError(
                _("Une demande « %(from)s » ne peut pas passer à « %(to)s ».")
                % {"from": Status(from_status).label, "to": Status(to_status).label}
            )
        if allowed is not None and not allowed(locked):
            raise TransitionError(denied)
        locked.status = to_status
        fields = ["status", "updated_at"]
        if to_status == Status.SUBMITTED:
            locked.submitted_at = at
            locked.first_submitted_at = locked.first_submitted_at or at
            fields += ["submitted_at", "first_submitted_at"]
        elif to_status == Status.IN_REVIEW:
            locked.reviewer = user
            fields.append("reviewer")
        elif to_status in (Status.LABELLED, Status.REFUSED):
            locked.decided_at = at
            locked.decision_comment = comment
            locked.reviewer = user
            fields += ["decided_at", "decision_comment", "reviewer"]
            if to_status == Status.LABELLED:
                locked.valid_until = validity_end(at)
                locked.reminders_sent = ""
                fields += ["valid_until", "reminders_sent"]
        locked.save(update_fields=fields)
        StatusChange.objects.create(
            request=locked,
            from_status=from_status,
            to_status=to_status,
            by=user,
            at=at,
            comment=comment,
        )
        log(
            locked,
            ACTIONS[to_status],
            user=user,
            title=str(locked),
            data={"from": from_status, "to": to_status, "comment": comment},
            timestamp=at,
        )
        if to_status in (Status.LABELLED, Status.EXPIRED) and locked.resource_id:
            _reindex(locked.resource_id)
        if to_status == Status.LABELLED and locked.previous_id:
            _supersede(locked, at)
        if not quiet:
            if to_status == Status.SUBMITTED:
                _alert_reviewers(locked, from_status)
            _announce(locked, to_status, comment)
    return locked


def _supersede(renewal, at):
    """A renewal granted ends the label it renews, if still in force (one label at a time)."""
    previous = LabelRequest.objects.filter(pk=renewal.previous_id, status=Status.LABELLED).first()
    if previous is not None:
        _move(
            previous,
            Status.EXPIRED,
            None,
            comment=_("Remplacé par le renouvellement %(reference)s.")
            % {"reference": renewal.reference},
            at=at,
            quiet=True,
        )


def _reindex(resource_id):
    """The resource's search document carries its label status (search.documents)."""
    from search import lifecycle

    lifecycle.schedule([resource_id])


# Notifications ---------------------------------------------------------------------------------


def _dispositif(label_request):
    return label_request.resource.title if label_request.resource_id else label_request.reference


def _notify(label_request, subject, message):
    from accounts.notifications import notify

    notify(
        [label_request.applicant],
        kind=NOTIFICATION_KIND,
        subject=subject,
        message=message,
        url=reverse("label:detail", args=[label_request.pk]),
    )


def reviewers():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True, groups__name=REVIEWERS_GROUP).distinct()


def _alert_reviewers(label_request, from_status):
    """A filed request waits for a reviewer: tell them (never the applicant themself)."""
    from accounts.notifications import notify

    again = from_status == Status.COMPLEMENTS
    subject = (
        _("Demande de label NEC complétée : %(reference)s « %(title)s »")
        if again
        else _("Nouvelle demande de label NEC à instruire : %(reference)s « %(title)s »")
    ) % {"reference": label_request.reference, "title": _dispositif(label_request)}
    notify(
        reviewers(),
        kind=REVIEW_NOTIFICATION_KIND,
        subject=subject,
        message=_("Déposée par %(name)s.")
        % {"name": label_request.applicant.display_name if label_request.applicant else "—"},
        url=reverse("label_requests:edit", args=[label_request.pk]),
        exclude=label_request.applicant,
    )


def _announce(label_request, to_status, comment):
    """Tell the applicant what happened (a submission is confirmed to them too)."""
    title = _dispositif(label_request)
    subjects = {
        Status.SUBMITTED: _("Votre demande de label NEC pour « %(title)s » est déposée"),
        Status.IN_REVIEW: _("Votre demande de label NEC pour « %(title)s » est en instruction"),
        Status.COMPLEMENTS: _(
            "Des compléments sont demandés pour votre demande de label NEC « %(title)s »"
        ),
        Status.LABELLED: _("« %(title)s » est labellisé NEC"),
        Status.REFUSED: _("Votre demande de label NEC pour « %(title)s » est refusée"),
        Status.EXPIRED: _("Le label NEC de « %(title)s » a expiré"),
    }
    messages = {
        Status.SUBMITTED: _(
            "Votre demande %(reference)s est déposée. Un instructeur du label NEC va la prendre "
            "en charge ; vous serez informé de chaque étape."
        ),
        Status.IN_REVIEW: _("Un instructeur du label NEC examine votre demande %(reference)s."),
        Status.COMPLEMENTS: _(
            "L'instructeur demande des compléments :\n\n%(comment)s\n\nModifiez votre demande "
            "puis déposez-la de nouveau depuis « Mes demandes »."
        ),
        Status.LABELLED: _(
            "Le dispositif est labellisé NEC jusqu'au %(valid_until)s. Le label apparaît sur sa "
            "page et dans le registre des dispositifs labellisés.%(comment_block)s"
        ),
        Status.REFUSED: _(
            "La demande %(reference)s est refusée, pour ces raisons :\n\n%(comment)s"
        ),
        Status.EXPIRED: _(
            "La période de validité du label est terminée. Vous pouvez demander son "
            "renouvellement depuis « Mes demandes » (bouton « Renouveler »)."
        ),
    }
    values = {
        "title": title,
        "reference": label_request.reference,
        "comment": comment,
        "comment_block": f"\n\n{comment}" if comment else "",
        "valid_until": date_format(label_request.valid_until, "j F Y")
        if label_request.valid_until
        else "",
    }
    _notify(label_request, subjects[to_status] % values, messages[to_status] % values)
