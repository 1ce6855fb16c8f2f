"""The label's marks in templates: a request's status badge, a labelled resource's badge."""

from django import template

from ..criteria import Criterion, Status, Verdict
from ..public import public_label

register = template.Library()

STATUS_CLASSES = {
    Status.DRAFT: "",
    Status.SUBMITTED: "fr-badge--info",
    Status.IN_REVIEW: "fr-badge--new",
    Status.COMPLEMENTS: "fr-badge--warning",
    Status.LABELLED: "fr-badge--success",
    Status.REFUSED: "fr-badge--error",
    Status.EXPIRED: "",
}


@register.filter
def status_css(status):
    """The DSFR badge colour of a status: the same on /label-nec/, in « Mes demandes » and in
    the registry."""
    return STATUS_CLASSES.get(status, "")


@register.inclusion_tag("label/includes/status_badge.html")
def status_badge(label_request, small=False):
    return {
        "label": label_request.get_status_display(),
        "css": STATUS_CLASSES.get(label_request.status, ""),
        "small": small,
    }


@register.inclusion_tag("label/includes/resource_badge.html")
def resource_label_badge(page):
    """« Labellisé NEC » with its date and criteria, « Label expiré le … », or nothing.

    Only decided labels are read (label.public): a pending or refused request shows nothing."""
    if not getattr(page, "pk", None):
        return {"label_request": None}
    label_request = public_label(
        page.label_requests.filter(status__in=[Status.LABELLED, Status.EXPIRED])
    )
    if label_request is None:
        return {"label_request": None}
    met = set(
        label_request.assessments.filter(verdict=Verdict.MET).values_list("criterion", flat=True)
    )
    return {
        "label_request": label_request,
        "expired": label_request.status == Status.EXPIRED,
        "criteria_met": [c.label for c in Criterion if c in met],
    }
