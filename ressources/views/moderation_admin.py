"""The moderation queue in the Wagtail admin: « Signalements » (registered in wagtail_hooks).

A ModelViewSet lists the reports (open ones first by default, filters by status and reason,
newest first); its edit view is replaced by the resolve view, where a moderator reads the report
and decides. Everything answers 403 to anyone who is not a moderator (group « Modérateurs »,
permission `ressources.moderate_report`) or a superuser, base administrators included: their
Wagtail access comes from their bases, not from moderation.
"""

import django_filters
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from base.visibility import base_of

from .. import moderation
from ..community_forms import ResolveForm
from ..models import Report, ReportReason, ReportStatus

ALL_STATUSES = "all"


class ModerationPermissionPolicy(BasePermissionPolicy):
    """Moderators may view and resolve reports; nobody creates, copies or deletes them here."""

    READ_ACTIONS = {"view", "change"}

    def user_has_permission(self, user, action):
        return action in self.READ_ACTIONS and moderation.is_moderator(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model
        from django.db.models import Q

        if not self.READ_ACTIONS.intersection(actions):
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(is_superuser=True)
                | Q(groups__permissions__codename="moderate_report")
                | Q(user_permissions__codename="moderate_report")
            )
            .distinct()
        )


policy = ModerationPermissionPolicy(Report)


class ReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Statut"),
        choices=[(ALL_STATUSES, gettext_lazy("Tous les statuts")), *ReportStatus.choices],
        method="filter_status",
        empty_label=None,
    )
    reason = django_filters.ChoiceFilter(
        label=gettext_lazy("Motif"),
        choices=ReportReason.choices,
        empty_label=gettext_lazy("Tous les motifs"),
    )

    class Meta:
        model = Report
        fields = ["status", "reason"]

    def filter_status(self, queryset, name, value):
        if not value or value == ALL_STATUSES:
            return queryset
        return queryset.filter(status=value)


class ModeratorsOnlyMixin:
    """Answer 403 (not Wagtail's redirect to the dashboard) to anyone but moderators, so that a
    base administrator's forged request is plainly refused."""

    def dispatch(self, request, *args, **kwargs):
        if not moderation.is_moderator(request.user):
            return TemplateResponse(
                request, "ressources/moderation/admin_forbidden.html", status=403
            )
        return super().dispatch(request, *args, **kwargs)


class ReportIndexView(ModeratorsOnlyMixin, IndexView):
    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "status" not in kwargs["data"]:
            # The queue shows what is left to do unless asked otherwise.
            data = kwargs["data"].copy()
            data["status"] = ReportStatus.OPEN
            kwargs["data"] = data
        return kwargs

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("resource", "reporter")


def _base(report):
    if not hasattr(report, "_base"):
        report._base = base_of(report.resource)
    return report._base


def _resource_url(report):
    resource = report.resource
    if resource.live:
        return resource.url
    return reverse("wagtailadmin_pages:edit", args=[resource.pk])


class ResolveView(ModeratorsOnlyMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Read a report and decide: unpublish, contact the base, or dismiss."""

    permission_policy = policy
    permission_required = "change"
    template_name = "ressources/moderation/admin_resolve.html"
    form_class = ResolveForm
    header_icon = "warning"

    @cached_property
    def report(self):
        return get_object_or_404(
            Report.objects.select_related("resource", "reporter", "resolved_by", "review__author"),
            pk=self.kwargs["pk"],
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "review": self.report.review}

    def get_page_title(self):
        return _("Signalement n°%(number)s") % {"number": self.report.pk}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("report:index"), "label": _("Signalements")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.report
        context.update(
            {
                "report": report,
                "resource": report.resource,
                "resource_url": _resource_url(report),
                "base": _base(report),
                "other_reports": Report.objects.filter(resource_id=report.resource_id)
                .exclude(pk=report.pk)
                .select_related("reporter")[:20],
                "statuses": ReportStatus,
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.report.is_open:
            messages.error(request, _("Ce signalement a déjà été traité."))
            return redirect(reverse("report:edit", args=[self.report.pk]))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            closed = moderation.resolve(
                self.report,
                self.request.user,
                form.cleaned_data["resolution"],
                form.cleaned_data["note"],
            )
        except moderation.ReportRefused as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        status = closed[0].get_status_display()
        if len(closed) > 1:
            text = _("%(count)s signalements traités : %(status)s.") % {
                "count": len(closed),
                "status": status,
            }
        else:
            text = _("Signalement traité : %(status)s.") % {"status": status}
        messages.success(self.request, text)
        return redirect(reverse("report:index"))


class ReportDeleteView(ModeratorsOnlyMixin, generic.DeleteView):
    pass


class ReportCreateView(ModeratorsOnlyMixin, generic.CreateView):
    pass


class ReportHistoryView(ModeratorsOnlyMixin, HistoryView):
    pass


class ReportViewSet(ModelViewSet):
    model = Report
    icon = "warning"
    menu_label = gettext_lazy("Signalements")
    menu_order = 320
    add_to_admin_menu = True
    index_view_class = ReportIndexView
    add_view_class = ReportCreateView
    delete_view_class = ReportDeleteView
    history_view_class = ReportHistoryView
    filterset_class = ReportFilterSet
    ordering = ["-created_at", "-pk"]
    list_per_page = 30
    copy_view_enabled = False
    inspect_view_enabled = False
    # Only needed by the generic add view, which the permission policy closes to everyone.
    form_fields = ["resolution_note"]

    @cached_property
    def list_display(self):
        return [
            "resource",
            TitleColumn(
                "base",
                label=gettext_lazy("Base"),
                accessor=lambda report: _base(report).title if _base(report) else "",
                get_url=lambda report: _base(report).url if _base(report) else None,
            ),
            TitleColumn(
                "public",
                label=gettext_lazy("Ressource sur le site"),
                accessor=lambda report: _("Voir"),
                get_url=_resource_url,
            ),
            "reason",
            "status",
            DateColumn("created_at", label=gettext_lazy("Signalé le"), sort_key="created_at"),
        ]

    @cached_property
    def edit_view(self):
        return ResolveView.as_view()
