"""Reports (« Signaler ») and their resolution by the platform's moderators.

Anyone registered may report a resource they can read; the « Modérateurs » group (created by
the migration, permission `ressources.moderate_report`) works through the queue in the Wagtail
admin (ressources/views/moderation_admin.py). A resolution unpublishes the resource (Wagtail's
own unpublish action, so the page history says so), contacts the base's administrators, or
dismisses the report with a reason. Each one is written to the audit log and notified to the
reporter and to the base's administrators. Base administrators never learn who reported.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log

from accounts.notifications import notify
from base import caps
from base.visibility import BASE_PATH_LENGTH

from .models import Report, ReportReason, ReportStatus
from .signals import resources_changed

MODERATORS_GROUP = "Modérateurs"
PERMISSION = "ressources.moderate_report"
# Open reports one person may have at a time: enough for honest use, a brake on floods.
MAX_OPEN_REPORTS = 10

# Audit-log actions (labels registered in ressources/wagtail_hooks.py).
REPORT = "ressources.report"
RESOLVE_UNPUBLISH = "ressources.report_unpublish"
RESOLVE_CONTACT = "ressources.report_contact_base"
RESOLVE_DISMISS = "ressources.report_dismiss"
RESOLVE_HIDE_REVIEW = "ressources.report_hide_review"


class Resolution:
    UNPUBLISH = "unpublish"
    CONTACT = "contact"
    DISMISS = "dismiss"
    HIDE_REVIEW = "hide_review"

    choices = [
        (UNPUBLISH, gettext_lazy("Dépublier la ressource")),
        (CONTACT, gettext_lazy("Contacter les administrateurs de la base")),
        (DISMISS, gettext_lazy("Classer sans suite")),
    ]
    # A reported avis is hidden or the report dismissed.
    review_choices = [
        (HIDE_REVIEW, gettext_lazy("Masquer l'avis")),
        (DISMISS, gettext_lazy("Classer sans suite")),
    ]
    status = {
        UNPUBLISH: ReportStatus.UNPUBLISHED,
        CONTACT: ReportStatus.BASE_CONTACTED,
        DISMISS: ReportStatus.DISMISSED,
        HIDE_REVIEW: ReportStatus.REVIEW_HIDDEN,
    }
    log_action = {
        UNPUBLISH: RESOLVE_UNPUBLISH,
        CONTACT: RESOLVE_CONTACT,
        DISMISS: RESOLVE_DISMISS,
        HIDE_REVIEW: RESOLVE_HIDE_REVIEW,
    }


class ReportRefused(Exception):
    """The report cannot be recorded; the message says why, in French."""


def is_moderator(user):
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm(PERMISSION))
    )


def moderators():
    """The people of the « Modérateurs » group, and anyone holding the permission directly."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(groups__permissions__codename="moderate_report")
            | Q(user_permissions__codename="moderate_report")
        )
        .distinct()
    )


def open_report_of(user, resource, review=None):
    """The person's open report of the resource (or of one of its avis, `review`)."""
    if not user.is_authenticated:
        return None
    return Report.objects.filter(
        resource_id=resource.pk, reporter=user, status=ReportStatus.OPEN, review=review
    ).first()


def _admin_queue_url(report=None):
    if report is None:
        return reverse("report:index")
    return reverse("report:edit", args=[report.pk])


def create_report(user, resource, *, reason, comment, duplicate_of="", review=None):
    """Record a report (of the resource, or of one of its avis) and tell the moderators;
    ReportRefused if one is open or too many are."""
    already = (
        _("Vous avez déjà signalé cet avis : les modérateurs examinent votre signalement.")
        if review is not None
        else _(
            "Vous avez déjà signalé cette ressource : les modérateurs examinent votre signalement."
        )
    )
    if open_report_of(user, resource, review) is not None:
        raise ReportRefused(already)
    if Report.objects.filter(reporter=user, status=ReportStatus.OPEN).count() >= MAX_OPEN_REPORTS:
        raise ReportRefused(
            _(
                "Vous avez déjà %(count)s signalements en cours d'examen : attendez que les "
                "modérateurs en aient traité avant d'en envoyer d'autres."
            )
            % {"count": MAX_OPEN_REPORTS}
        )
    if caps.reached(
        Report.objects.filter(reporter=user), caps.REPORTS_PER_PERSON_PER_DAY, within=caps.DAY
    ):
        raise ReportRefused(
            _(
                "Vous avez envoyé %(count)s signalements en 24 heures : c'est le maximum. "
                "Réessayez demain."
            )
            % {"count": caps.REPORTS_PER_PERSON_PER_DAY}
        )
    base_path = resource.path[:BASE_PATH_LENGTH]
    if caps.reached(
        Report.objects.filter(status=ReportStatus.OPEN, resource__path__startswith=base_path),
        caps.OPEN_REPORTS_PER_BASE,
    ):
        raise ReportRefused(
            _(
                "Les ressources de cette base font déjà l'objet de %(count)s signalements en "
                "cours d'examen : les modérateurs les traitent. Réessayez plus tard."
            )
            % {"count": caps.OPEN_REPORTS_PER_BASE}
        )
    if reason != ReportReason.DUPLICATE:
        duplicate_of = ""
    try:
        with transaction.atomic():
            report = Report.objects.create(
                resource=resource,
                review=review,
                reporter=user,
                reason=reason,
                comment=comment,
                duplicate_of=duplicate_of,
            )
            log(
                instance=resource,
                action=REPORT,
                user=user,
                data={"report": report.pk, "reason": reason},
            )
    except IntegrityError as error:  # the same report sent twice at once
        raise ReportRefused(already) from error
    notify(
        moderators(),
        kind="report",
        subject=(
            _("Avis signalé sur « %(title)s »")
            if review is not None
            else _("Nouveau signalement : « %(title)s »")
        )
        % {"title": resource.title},
        message=f"{report.get_reason_display()} — {comment}",
        url=_admin_queue_url(report),
        exclude=user,
    )
    return report


def _reporter_message(report, resolution, note):
    if resolution == Resolution.UNPUBLISH:
        text = _("La ressource a été dépubliée par la modération de la plateforme.")
    elif resolution == Resolution.HIDE_REVIEW:
        text = _("L'avis que vous avez signalé a été masqué par la modération de la plateforme.")
    elif resolution == Resolution.CONTACT:
        text = _(
            "Les modérateurs ont transmis votre signalement aux administrateurs de la base, qui "
            "vont l'examiner."
        )
    else:
        text = _("Les modérateurs ont classé votre signalement sans suite. Motif : %(note)s") % {
            "note": note
        }
    return text


def _base_admins_message(report, resolution, note):
    lines = [
        _("Motif du signalement : %(reason)s") % {"reason": report.get_reason_display()},
        *(
            [_("Avis signalé : %(comment)s") % {"comment": report.review.comment or "—"}]
            if report.review_id
            else []
        ),
        _("Commentaire : %(comment)s") % {"comment": report.comment},
    ]
    if report.duplicate_of:
        lines.append(_("Ressource d'origine indiquée : %(url)s") % {"url": report.duplicate_of})
    if note:
        lines.append(_("Message de la modération : %(note)s") % {"note": note})
    return "\n".join(lines)


def _base_admins_subject(resource, resolution):
    if resolution == Resolution.UNPUBLISH:
        return _("« %(title)s » a été dépubliée par la modération") % {"title": resource.title}
    if resolution == Resolution.CONTACT:
        return _("La modération vous écrit au sujet de « %(title)s »") % {"title": resource.title}
    if resolution == Resolution.HIDE_REVIEW:
        return _("Un avis sur « %(title)s » a été masqué par la modération") % {
            "title": resource.title
        }
    return _("Un signalement sur « %(title)s » a été classé sans suite") % {"title": resource.title}


def resolve(report, moderator, resolution, note=""):
    """Apply a moderator's decision to an open report; returns the reports it closed.

    Unpublishing closes every open report of the resource (there is nothing left to decide on
    them); the other resolutions close this one. Raises ReportRefused if it was already closed
    (a second moderator, or a resubmitted form)."""
    if not is_moderator(moderator):
        raise PermissionDenied
    if resolution not in Resolution.status:
        raise ReportRefused(_("Choisissez une décision."))
    if (resolution == Resolution.HIDE_REVIEW) != (report.review_id is not None) and (
        resolution != Resolution.DISMISS
    ):
        raise ReportRefused(_("Cette décision ne s'applique pas à ce signalement."))
    with transaction.atomic():
        report = Report.objects.select_for_update().select_related("resource").get(pk=report.pk)
        if not report.is_open:
            raise ReportRefused(_("Ce signalement a déjà été traité."))
        resource = report.resource.specific
        base = resource.base
        closed = [report]
        if resolution == Resolution.HIDE_REVIEW:
            # Every open report of the same avis is answered by hiding it.
            closed += list(
                Report.objects.select_for_update()
                .filter(review_id=report.review_id, status=ReportStatus.OPEN)
                .exclude(pk=report.pk)
            )
            type(report.review).objects.filter(pk=report.review_id).update(hidden=True)
            # update() sends no post_save: the search index re-sorts « les mieux notées ».
            resource_id = resource.pk
            transaction.on_commit(lambda: resources_changed.send(sender=Report, ids=[resource_id]))
            resource_url = resource.url or ""
        elif resolution == Resolution.UNPUBLISH:
            closed += list(
                Report.objects.select_for_update()
                .filter(resource_id=resource.pk, status=ReportStatus.OPEN)
                .exclude(pk=report.pk)
            )
            resource_url = ""
            if resource.live:
                # Wagtail's own action: the page's history shows « Dépublié » by the moderator.
                UnpublishPageAction(resource, user=moderator, log_action=True).execute(
                    skip_permission_checks=True
                )
        else:
            resource_url = resource.url or ""
        now = timezone.now()
        for closing in closed:
            closing.status = Resolution.status[resolution]
            closing.resolved_at = now
            closing.resolved_by = moderator
            closing.resolution_note = note
            closing.save(update_fields=["status", "resolved_at", "resolved_by", "resolution_note"])
        log(
            instance=resource,
            action=Resolution.log_action[resolution],
            user=moderator,
            data={
                "reports": [closing.pk for closing in closed],
                "reason": report.reason,
                "note": note,
            },
        )
        subject = _("Votre signalement de « %(title)s » a été traité") % {"title": resource.title}
        for closing in closed:
            notify(
                [closing.reporter],
                kind="report_resolved",
                subject=subject,
                message=_reporter_message(closing, resolution, note),
                url=resource_url,
            )
        notify(
            base.managers,
            kind="report_base",
            subject=_base_admins_subject(resource, resolution),
            message=_base_admins_message(report, resolution, note),
            url=reverse("wagtailadmin_pages:edit", args=[resource.pk]),
            exclude=moderator,
        )
    return closed
