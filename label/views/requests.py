"""The public side of the label NEC: what it is, « Demander le label », « Mes demandes ».

A request is private: only its applicant reaches these pages (anyone else gets 404, as if it did
not exist); reviewers work in the Wagtail admin (label/views/admin.py). Evidence files are served
here to the applicant and the reviewers only. Status changes go through label.workflow.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from base import caps

from .. import workflow
from ..criteria import (
    CRITERION_DEFINITIONS,
    EDITABLE,
    ApplicantType,
    Criterion,
    DispositifKind,
    Status,
)
from ..forms import (
    LAST_STEP,
    STEPS,
    ApplicantForm,
    DispositifForm,
    OpennessForm,
    applicant_type_of,
    assessment_forms,
    submission_errors,
)
from ..models import CriterionAssessment, EvidenceFile, LabelRequest

# Drafts one person may keep at once (a draft is created by a single click).
MAX_DRAFTS = 5


def index(request):
    """What the label is, who may apply, for what, on which criteria, how requests are reviewed."""
    return TemplateResponse(
        request,
        "label/index.html",
        {
            "criteria": [(c, CRITERION_DEFINITIONS[c]) for c in Criterion],
            "applicant_types": list(ApplicantType),
            "dispositif_kinds": list(DispositifKind),
            "statuses": list(Status),
            "validity_years": settings.LABEL_NEC_VALIDITY_YEARS,
            "reminder_days": sorted(settings.LABEL_NEC_REMINDER_DAYS, reverse=True),
        },
    )


def _own_request(request, pk):
    """The person's own request, else 404 (another person's request does not exist for them)."""
    return get_object_or_404(
        LabelRequest.objects.select_related("resource", "organisation", "previous"),
        pk=pk,
        applicant=request.user,
    )


@login_required
def start(request):
    """GET explains and lists the person's drafts; POST opens a new draft (never on GET).

    A draft not yet started (no dispositif, still at step 1) is reused rather than doubled,
    and a person keeps MAX_DRAFTS drafts at most."""
    drafts = LabelRequest.objects.filter(applicant=request.user, status__in=EDITABLE)
    if request.method == "POST":
        with transaction.atomic():
            caps.lock_person(request.user)
            untouched = drafts.filter(
                status=Status.DRAFT, resource=None, previous=None, step__lte=1
            ).first()
            if untouched is not None:
                return redirect("label:step", untouched.pk, 1)
            if drafts.filter(status=Status.DRAFT).count() >= MAX_DRAFTS:
                messages.error(
                    request,
                    _(
                        "Vous avez déjà %(count)s brouillons de demande : terminez-en un ou "
                        "supprimez-le avant d'en commencer un autre."
                    )
                    % {"count": MAX_DRAFTS},
                )
                return redirect("label:start")
            label_request = LabelRequest.objects.create(
                applicant=request.user,
                organisation=request.user.organisation,
                applicant_type=applicant_type_of(request.user.organisation),
                contact_name=request.user.display_name,
                contact_email=request.user.email,
                step=1,
            )
        return redirect("label:step", label_request.pk, 1)
    return TemplateResponse(
        request,
        "label/start.html",
        {"drafts": drafts.select_related("resource"), "steps": STEPS},
    )


@login_required
def my_requests(request):
    requests = (
        LabelRequest.objects.filter(applicant=request.user)
        .select_related("resource", "organisation")
        .prefetch_related("renewals")
    )
    return TemplateResponse(request, "label/my_requests.html", {"label_requests": requests})


def _renewal_in_progress(label_request):
    return label_request.renewals.exclude(status=Status.REFUSED).first()


def _visible_history(label_request):
    return label_request.history.select_related("by").order_by("at", "pk")


@login_required
def detail(request, pk):
    label_request = _own_request(request, pk)
    show_verdicts = label_request.status not in (Status.SUBMITTED, Status.IN_REVIEW)
    return TemplateResponse(
        request,
        "label/detail.html",
        {
            "label_request": label_request,
            "assessments": label_request.ordered_assessments(),
            "history": _visible_history(label_request),
            "show_verdicts": show_verdicts,
            "renewal": _renewal_in_progress(label_request),
            "can_renew": label_request.status in (Status.LABELLED, Status.EXPIRED),
            "steps": STEPS,
        },
    )


def _not_editable(request, label_request):
    message = _(
        "Cette demande est « %(status)s » : elle ne peut plus être modifiée. Vous la "
        "retrouvez, avec son historique, dans « Mes demandes »."
    ) % {"status": label_request.get_status_display()}
    if request.method == "GET":
        messages.info(request, message)
        return redirect("label:detail", label_request.pk)
    messages.error(request, message)
    response = detail(request, label_request.pk)
    response.status_code = 409
    return response


def _step_context(label_request, number, forms, **extra):
    titles = dict(STEPS)
    return {
        "label_request": label_request,
        "steps": STEPS,
        "step": number,
        "step_title": titles[number],
        "next_title": titles.get(number + 1),
        "last_step": LAST_STEP,
        "forms": forms,
        **extra,
    }


def _forms_of_step(request, label_request, number, bound):
    data = request.POST if bound else None
    files = request.FILES if bound else None
    if number == 1:
        return [DispositifForm(data, user=request.user, label_request=label_request)]
    if number == 2:
        return [ApplicantForm(data, instance=label_request, user=request.user)]
    if number == 3:
        return assessment_forms(label_request, data, files)
    if number == 4:
        return [OpennessForm(data, instance=label_request)]
    return []


@login_required
def step(request, pk, number):
    """One step of the request. Both buttons save the draft; « Étape suivante » moves on."""
    label_request = _own_request(request, pk)
    if not 1 <= number <= LAST_STEP:
        raise Http404
    if not label_request.is_editable:
        if _submitted_again(request, label_request, number):
            return redirect("label:detail", label_request.pk)
        return _not_editable(request, label_request)
    if number == LAST_STEP:
        return _summary(request, label_request)

    bound = request.method == "POST"
    if bound:
        return _save_step(request, label_request, number)
    forms = _forms_of_step(request, label_request, number, bound)
    return TemplateResponse(request, "label/step.html", _step_context(label_request, number, forms))


def _save_step(request, label_request, number):
    """Save a step with the request's row locked: two posts at once (a double click) are
    applied one after the other, the second updating what the first created."""
    with transaction.atomic():
        label_request = LabelRequest.objects.select_for_update().get(pk=label_request.pk)
        if not label_request.is_editable:
            return _not_editable(request, label_request)
        forms = _forms_of_step(request, label_request, number, True)
        if all(form.is_valid() for form in forms):
            for form in forms:
                form.save()
            action = request.POST.get("action")
            target = (
                number + 1 if action == "next" else number - 1 if action == "previous" else number
            )
            target = min(max(target, 1), LAST_STEP)
            label_request.step = max(label_request.step, target)
            label_request.save(update_fields=["step", "updated_at"])
            if target == number:
                messages.success(request, _("Brouillon enregistré."))
            return redirect("label:step", label_request.pk, target)
    messages.error(
        request,
        _("Le brouillon n'est pas enregistré : corrigez les erreurs signalées ci-dessous."),
    )
    return TemplateResponse(
        request, "label/step.html", _step_context(label_request, number, forms), status=400
    )


def _submitted_again(request, label_request, number):
    """« Déposer » clicked twice: the second post finds the request filed by the first."""
    return (
        request.method == "POST"
        and number == LAST_STEP
        and request.POST.get("action") == "submit"
        and label_request.status == Status.SUBMITTED
    )


def _summary(request, label_request):
    errors = []
    if request.method == "POST":
        if request.POST.get("action") == "submit":
            errors = submission_errors(label_request)
            if not errors:
                try:
                    workflow.submit(label_request, request.user)
                except workflow.TransitionError as error:
                    label_request.refresh_from_db(fields=["status"])
                    if label_request.status != Status.SUBMITTED:  # else: a second click
                        messages.error(request, str(error))
                        return redirect("label:detail", label_request.pk)
                messages.success(
                    request,
                    _(
                        "Votre demande est déposée. Vous serez informé de chaque étape de son "
                        "instruction."
                    ),
                )
                return redirect("label:detail", label_request.pk)
        else:
            return redirect("label:step", label_request.pk, LAST_STEP)
    by_step = {}
    for number, message in errors:
        by_step.setdefault(number, []).append(message)
    context = _step_context(
        label_request,
        LAST_STEP,
        [],
        assessments=label_request.ordered_assessments(),
        errors_by_step=[(n, dict(STEPS)[n], by_step[n]) for n in sorted(by_step)],
        resubmission=label_request.status == Status.COMPLEMENTS,
        complements=label_request.history.filter(to_status=Status.COMPLEMENTS).last(),
    )
    return TemplateResponse(request, "label/step.html", context, status=400 if errors else 200)


@login_required
@require_POST
def renew(request, pk):
    """A new draft, linked to the label it renews, pre-filled from it (files copied)."""
    previous = _own_request(request, pk)
    if previous.status not in (Status.LABELLED, Status.EXPIRED):
        messages.error(request, _("Seul un label en cours ou expiré se renouvelle."))
        return redirect("label:detail", previous.pk)
    with transaction.atomic():
        # Locked, so that a second click waits and then finds the renewal the first one made.
        LabelRequest.objects.select_for_update().filter(pk=previous.pk).first()
        existing = _renewal_in_progress(previous)
        if existing is not None:
            messages.info(request, _("Le renouvellement de ce label est déjà commencé."))
            return redirect("label:detail", existing.pk)
        renewal = LabelRequest.objects.create(
            applicant=request.user,
            previous=previous,
            organisation=previous.organisation,
            applicant_type=previous.applicant_type,
            resource=previous.resource,
            dispositif_kind=previous.dispositif_kind,
            documentation_url=previous.documentation_url,
            contact_name=previous.contact_name,
            contact_email=previous.contact_email,
            contact_phone=previous.contact_phone,
            step=LAST_STEP,
        )
        renewal.licences.set(previous.licences.all())
        for old in previous.assessments.prefetch_related("files"):
            new = CriterionAssessment.objects.create(
                request=renewal,
                criterion=old.criterion,
                self_assessment=old.self_assessment,
                justification=old.justification,
                evidence_links=old.evidence_links,
            )
            for evidence in old.files.all():
                copy = EvidenceFile(
                    assessment=new,
                    original_name=evidence.original_name,
                    content_type=evidence.content_type,
                    size=evidence.size,
                )
                try:
                    with evidence.file.open("rb") as source:
                        copy.file.save(evidence.original_name, source, save=False)
                except FileNotFoundError:
                    continue
                copy.save()
    messages.success(
        request,
        _(
            "Demande de renouvellement créée à partir de %(reference)s : vérifiez chaque étape, "
            "mettez à jour ce qui a changé, puis déposez-la."
        )
        % {"reference": previous.reference},
    )
    return redirect("label:step", renewal.pk, 1)


def evidence(request, pk, file_pk):
    """An evidence file, to the applicant and the reviewers only (404 to anyone else)."""
    evidence_file = get_object_or_404(
        EvidenceFile.objects.select_related("assessment__request"),
        pk=file_pk,
        assessment__request_id=pk,
    )
    if not workflow.can_view(request.user, evidence_file.assessment.request):
        raise Http404
    try:
        handle = evidence_file.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=evidence_file.original_name,
        content_type=evidence_file.content_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
