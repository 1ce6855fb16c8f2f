"""The public registry of the label NEC (/label-nec/dispositifs-labellises/) and its exports.

Only decided labels are public (label.criteria.DECIDED: labellisée, and expirée shown as such);
a request that is a draft, submitted, in review, waiting for complements or refused never
appears. A label is a public decision, but the dispositif may be a resource of a private base:
its title and address are private content, so for someone who may not read it the entry says
« Dispositif non public » without a name or a link (the organisation, the dates and the criteria
of the label, which the decision made public, stay). The same rule holds in the CSV and JSON
exports, which apply the filters of the page (their links carry them).

CSV: UTF-8 with a byte-order mark and `;` as separator, what a French spreadsheet opens without
an import dialog (`,` is the decimal separator in French); cells that a spreadsheet would run as
a formula (starting with = + - @, a tab or a carriage return) are prefixed with an apostrophe.
"""

import csv
import io
import json

from django import forms
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from base.listing import ListingForm, paginate, querystring
from organisations.territories import (
    DEPARTMENT_CHOICES,
    REGION_CHOICES,
    department_name,
    region_name,
)
from ressources.listing import visible_resources

from ..criteria import DECIDED, ApplicantType, Criterion, DispositifKind, Status
from ..models import LabelRequest

PER_PAGE = 20
FILTERS = ("type", "structure", "region", "departement", "annee", "statut")
CRITERION_LABELS = dict(Criterion.choices)


def decided_labels():
    return LabelRequest.objects.filter(status__in=DECIDED)


def decision_years():
    return sorted(
        {
            moment.year
            for moment in decided_labels().exclude(decided_at=None).datetimes("decided_at", "year")
        },
        reverse=True,
    )


class RegistryFilterForm(ListingForm):
    """Filters of the registry; values that do not validate are dropped (and said so)."""

    type = forms.ChoiceField(
        label=gettext_lazy("Type de dispositif"),
        required=False,
        choices=[("", gettext_lazy("Tous les types")), *DispositifKind.choices],
    )
    structure = forms.ChoiceField(
        label=gettext_lazy("Type de structure"),
        required=False,
        choices=[("", gettext_lazy("Toutes les structures")), *ApplicantType.choices],
    )
    region = forms.ChoiceField(
        label=gettext_lazy("Région"),
        required=False,
        choices=[("", gettext_lazy("Toutes les régions")), *REGION_CHOICES],
    )
    departement = forms.ChoiceField(
        label=gettext_lazy("Département"),
        required=False,
        choices=[("", gettext_lazy("Tous les départements")), *DEPARTMENT_CHOICES],
    )
    annee = forms.ChoiceField(label=gettext_lazy("Année de la décision"), required=False)
    statut = forms.ChoiceField(
        label=gettext_lazy("Statut"),
        required=False,
        choices=[
            ("", gettext_lazy("Labellisés et expirés")),
            (Status.LABELLED.value, gettext_lazy("Label en cours de validité")),
            (Status.EXPIRED.value, gettext_lazy("Label expiré")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["annee"].choices = [
            ("", gettext_lazy("Toutes les années")),
            *((str(year), str(year)) for year in decision_years()),
        ]

    def apply(self, labels):
        data = self.cleaned_data
        if data.get("type"):
            labels = labels.filter(dispositif_kind=data["type"])
        if data.get("structure"):
            labels = labels.filter(applicant_type=data["structure"])
        if data.get("region"):
            labels = labels.filter(organisation__region_code=data["region"])
        if data.get("departement"):
            labels = labels.filter(organisation__department_code=data["departement"])
        if data.get("annee"):
            labels = labels.filter(decided_at__year=int(data["annee"]))
        if data.get("statut"):
            labels = labels.filter(status=data["statut"])
        return labels


def parse_filters(query):
    """The filter form, and whether the address carried a value it had to drop."""
    form = RegistryFilterForm.from_query(query)
    dropped = any(str(query.get(name, "")).strip() and name not in form.params for name in FILTERS)
    return form, dropped


def registry_queryset(form):
    return (
        form.apply(decided_labels())
        .select_related("organisation", "resource")
        .prefetch_related("assessments")
        .order_by("-decided_at", "-pk")
    )


def entries(labels, user):
    """What the registry shows of each label, private resources reduced to their label."""
    labels = list(labels)
    resource_ids = {label.resource_id for label in labels if label.resource_id}
    visible = set(
        visible_resources(user).filter(pk__in=resource_ids).values_list("pk", flat=True).order_by()
    )
    rows = []
    for label in labels:
        organisation = label.organisation
        resource = label.resource if label.resource_id in visible else None
        region = organisation.region_code if organisation else ""
        department = organisation.department_code if organisation else ""
        met = set(label.criteria_met)
        decided = timezone.localtime(label.decided_at).date() if label.decided_at else None
        rows.append(
            {
                "reference": label.reference,
                "dispositif": resource.title if resource else _("Dispositif non public"),
                "url": resource.url if resource else "",
                "public": resource is not None,
                "organisation": organisation.name if organisation else "",
                "applicant_type": label.get_applicant_type_display(),
                "dispositif_kind": label.get_dispositif_kind_display(),
                "region_code": region,
                "region": region_name(region),
                "department_code": department,
                "department": department_name(department),
                "status": label.status,
                "status_label": label.get_status_display(),
                "decided_on": decided,
                "valid_until": label.valid_until,
                "criteria": [c for c in Criterion if c.value in met],
                "is_demo": label.is_demo,
                "demonstration": _("oui") if label.is_demo else _("non"),
            }
        )
    return rows


@require_safe
def registry(request):
    form, dropped = parse_filters(request.GET)
    labels = registry_queryset(form)
    page = paginate(labels, request.GET.get("page"), per_page=PER_PAGE)
    params = form.params
    return TemplateResponse(
        request,
        "label/registry.html",
        {
            "filter_form": form,
            "dropped": dropped,
            "page_obj": page,
            "entries": entries(page.object_list, request.user),
            "result_count": page.paginator.count,
            "params": params,
            "csv_url": reverse("label:registry_csv") + querystring(params),
            "json_url": reverse("label:registry_json") + querystring(params),
        },
    )


CSV_COLUMNS = [
    ("reference", gettext_lazy("Référence")),
    ("dispositif", gettext_lazy("Dispositif")),
    ("url", gettext_lazy("Adresse du dispositif")),
    ("organisation", gettext_lazy("Organisation")),
    ("applicant_type", gettext_lazy("Type de structure")),
    ("dispositif_kind", gettext_lazy("Type de dispositif")),
    ("region", gettext_lazy("Région")),
    ("department", gettext_lazy("Département")),
    ("status_label", gettext_lazy("Statut")),
    ("decided_on", gettext_lazy("Date de décision")),
    ("valid_until", gettext_lazy("Valable jusqu'au")),
    ("criteria", gettext_lazy("Critères satisfaits")),
    ("demonstration", gettext_lazy("Donnée de démonstration")),
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A cell as text, defused if a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = ", ".join(str(CRITERION_LABELS.get(item, item)) for item in value)
    value = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


def export_rows(request):
    form, _dropped = parse_filters(request.GET)
    rows = entries(registry_queryset(form), request.user)
    for row in rows:
        row["url"] = absolute(request, row["url"])
    return form, rows


@require_safe
def registry_csv(request):
    _form, rows = export_rows(request)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([str(label) for _key, label in CSV_COLUMNS])
    for row in rows:
        writer.writerow([csv_cell(row[key]) for key, _label in CSV_COLUMNS])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="label-nec-dispositifs-labellises.csv"'
    return response


@require_safe
def registry_json(request):
    form, rows = export_rows(request)
    data = {
        "filters": form.params,
        "count": len(rows),
        "results": [
            {
                "reference": row["reference"],
                "demonstration": row["is_demo"],
                "dispositif": {
                    "public": row["public"],
                    "title": row["dispositif"] if row["public"] else None,
                    "url": row["url"] or None,
                },
                "organisation": row["organisation"] or None,
                "applicant_type": row["applicant_type"] or None,
                "dispositif_kind": row["dispositif_kind"] or None,
                "region": {"code": row["region_code"], "name": row["region"]}
                if row["region_code"]
                else None,
                "department": {"code": row["department_code"], "name": row["department"]}
                if row["department_code"]
                else None,
                "status": row["status"],
                "decided_on": row["decided_on"].isoformat() if row["decided_on"] else None,
                "valid_until": row["valid_until"].isoformat() if row["valid_until"] else None,
                "criteria_met": [c.value for c in row["criteria"]],
            }
            for row in rows
        ],
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="label-nec-dispositifs-labellises.json"'
    return response
