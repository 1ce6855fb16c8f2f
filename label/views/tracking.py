"""The tracking of the label NEC: the public page (/label-nec/suivi/) and the reviewers'
dashboard in the Wagtail admin (Label NEC → Suivi).

Both show the figures of label.stats with the same charts and tables. The public page shows
aggregates only: counts by status (drafts left out, they are nobody's business yet), per month,
the median review time, pass rates, splits, and how many labels expire soon; never a list of
requests nor a name. The dashboard adds the drafts and the list of labels expiring soon, with
their organisations, for people who may review (`label.review_labelrequest`, or superusers).
"""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from organisations.territories import region_name

from ..charts import bar_chart, column_chart, month_name
from ..criteria import ApplicantType, DispositifKind, Status
from ..models import LabelRequest
from ..stats import compute_figures, expiring_labels, fill_months
from ..workflow import is_reviewer

SPLIT_TITLES = {
    "applicant_type": gettext_lazy("Par type de structure"),
    "dispositif_kind": gettext_lazy("Par type de dispositif"),
    "region": gettext_lazy("Par région de l'organisation demandeuse"),
}


def split_label(key, value):
    if key == "applicant_type":
        return dict(ApplicantType.choices).get(value) or _("Non renseigné")
    if key == "dispositif_kind":
        return dict(DispositifKind.choices).get(value) or _("Non renseigné")
    return region_name(value) or _("Non renseignée")


def tracking_context(figures, *, reviewer, prefix):
    """Charts and tables of the figures; `prefix` keeps the SVG ids unique on a page."""
    statuses = [
        (Status(status).label, count)
        for status, count in figures.by_status.items()
        if reviewer or status != Status.DRAFT
    ]
    submitted = dict(figures.submitted_per_month)
    decided = dict(figures.decided_per_month)
    months = fill_months(dict.fromkeys([*submitted, *decided], 0))
    monthly = [
        (month_name(key), submitted.get(key, 0), decided.get(key, 0)) for key, _zero in months
    ]
    rates = [
        (criterion.label, met, total, percent)
        for criterion, met, total, percent in figures.pass_rates
    ]
    splits = []
    for key, values in figures.splits.items():
        rows = sorted(
            ((split_label(key, value), split) for value, split in values.items()),
            key=lambda row: str(row[0]),
        )
        splits.append(
            {
                "key": key,
                "title": SPLIT_TITLES[key],
                "rows": rows,
                "chart": bar_chart(
                    f"{prefix}-{key}",
                    _("Demandes déposées, %(title)s") % {"title": str(SPLIT_TITLES[key]).lower()},
                    _(
                        "Barres horizontales : nombre de demandes déposées pour chaque valeur. "
                        "Le tableau qui suit donne aussi les décisions et les labels obtenus."
                    ),
                    [(label, split.submitted) for label, split in rows],
                ),
            }
        )
    median = figures.median_review_days
    return {
        "figures": figures,
        "reviewer": reviewer,
        "statuses": statuses,
        "status_chart": bar_chart(
            f"{prefix}-statuts",
            _("Demandes par statut"),
            _("Barres horizontales : nombre de demandes dans chaque statut, aujourd'hui."),
            statuses,
        ),
        "monthly": monthly,
        "monthly_chart": column_chart(
            f"{prefix}-mois",
            _("Demandes déposées et décisions par mois"),
            _(
                "Colonnes par mois : en bleu les premières demandes déposées, en vert les "
                "décisions rendues. Les valeurs sont dans le tableau qui suit."
            ),
            [key for key, _zero in months],
            [
                (_("Demandes déposées"), [row[1] for row in monthly]),
                (_("Décisions"), [row[2] for row in monthly]),
            ],
        )
        if months
        else None,
        "median": median,
        "median_text": f"{median:g}".replace(".", ",") if median is not None else "",
        "rates": rates,
        "rates_chart": bar_chart(
            f"{prefix}-criteres",
            _("Taux de réussite par critère"),
            _(
                "Barres horizontales : part des demandes décidées dont le critère a été jugé "
                "satisfait, en pourcentage."
            ),
            [(label, percent or 0) for label, _met, _total, percent in rates],
            maximum=100,
            unit=" %",
        )
        if figures.decided
        else None,
        "splits": splits,
    }


@require_safe
def tracking(request):
    figures = compute_figures()
    context = tracking_context(figures, reviewer=False, prefix="suivi")
    context["registry_url"] = reverse("label:registry")
    # Invented decisions count in the figures: say so rather than present them as real.
    context["includes_demo"] = LabelRequest.objects.filter(is_demo=True).exists()
    return TemplateResponse(request, "label/tracking.html", context)


class DashboardView(WagtailAdminTemplateMixin, TemplateView):
    """The reviewers' dashboard; others get a 403 page (not Wagtail's redirect)."""

    template_name = "label/admin/dashboard.html"
    page_title = gettext_lazy("Suivi du label NEC")
    header_icon = "table"
    http_method_names = ["get", "head", "options"]

    def get(self, request, *args, **kwargs):
        if not is_reviewer(request.user):
            return TemplateResponse(
                request,
                "label/admin/dashboard.html",
                {"forbidden": True, "page_title": self.page_title},
                status=403,
            )
        return super().get(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = compute_figures()
        context.update(tracking_context(figures, reviewer=True, prefix="tableau"))
        context["expiring"] = expiring_labels(figures.today)
        context["public_url"] = reverse("label:tracking")
        return context


dashboard = DashboardView.as_view()
