"""The label NEC in the Wagtail admin: the reviewers' menu, screens and audit-log labels."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from . import (
    public,
    stats_hooks,  # noqa: F401  (the tracking dashboard: Suivi du label NEC)
    workflow,
)
from .criteria import Status
from .models import LabelRequest
from .views.admin import (
    LabelRequestHistoryView,
    LabelRequestIndexView,
    ReviewerPolicy,
    ReviewView,
)

# Before anything asks for the model's policy (Wagtail would create a default one).
register_permission_policy(LabelRequest, ReviewerPolicy(LabelRequest))


class LabelRequestViewSet(ModelViewSet):
    """The list (filters by status and kind) and the review screen of each request."""

    model = LabelRequest
    icon = "tick-inverse"
    menu_label = _("Label NEC")
    menu_order = 320
    add_to_admin_menu = True
    url_prefix = "label-nec"
    list_display = ["reference", "resource", "organisation", "status", "submitted_at", "reviewer"]
    list_filter = ["status", "dispositif_kind", "applicant_type"]
    ordering = ["-submitted_at", "-created_at"]
    index_view_class = LabelRequestIndexView
    history_view_class = LabelRequestHistoryView
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["decision_comment"]  # never used: the review screen replaces the edit form

    def get_urlpatterns(self):
        """Wagtail's URLs, the edit one answered by the review screen."""
        patterns = [p for p in super().get_urlpatterns() if p.name != "edit"]
        return patterns + [
            path("edit/<int:pk>/", ReviewView.as_view(viewset=self), name="edit"),
        ]


@hooks.register("register_admin_viewset")
def register_label_viewset():
    return LabelRequestViewSet("label_requests")


@hooks.register("register_log_actions")
def register_label_actions(actions):
    """Labels of the label NEC's moves in Wagtail's audit log (« Historique »)."""
    actions.register_action(workflow.SUBMIT, _("Demande de label déposée"), _("Déposée"))
    actions.register_action(
        workflow.START_REVIEW, _("Demande de label prise en instruction"), _("En instruction")
    )
    actions.register_action(
        workflow.REQUEST_COMPLEMENTS,
        _("Compléments demandés sur une demande de label"),
        _("Compléments demandés"),
    )
    actions.register_action(workflow.GRANT, _("Dispositif labellisé NEC"), _("Labellisée"))
    actions.register_action(workflow.REFUSE, _("Demande de label refusée"), _("Refusée"))
    actions.register_action(workflow.EXPIRE, _("Label NEC expiré"), _("Expirée"))
    actions.register_action(
        workflow.REMIND, _("Rappel avant la fin du label NEC"), _("Rappel envoyé")
    )


@hooks.register("search_label_statuses")
def search_label_statuses(resources):
    """The label facet of the search documents of a batch of resources
    (search.documents.label_statuses): {resource id: its decided label}, in one query; a
    resource with no decided request is absent (search reads NONE)."""
    decided = {}
    for request in LabelRequest.objects.filter(
        resource_id__in=[resource.pk for resource in resources],
        status__in=(Status.LABELLED, Status.EXPIRED),
    ):
        decided.setdefault(request.resource_id, []).append(request)
    return {pk: public.label_status(requests) for pk, requests in decided.items()}


@hooks.register("before_delete_page")
def keep_labelled_dispositifs(request, page):
    """A resource (or a base holding one) with a filed label request is not deleted: the
    request, its history and a public label would lose their dispositif. Drafts do not block
    (their dispositif is simply emptied)."""
    from django.shortcuts import redirect
    from wagtail.admin import messages
    from wagtail.models import Page

    from .criteria import Status

    pages = Page.objects.descendant_of(page, inclusive=True).values("pk")
    blocking = LabelRequest.objects.filter(resource_id__in=pages).exclude(status=Status.DRAFT)
    references = list(blocking.values_list("reference", flat=True)[:5])
    if not references:
        return None
    messages.error(
        request,
        _(
            "« %(title)s » ne peut pas être supprimée : elle porte une demande de label NEC "
            "(%(references)s). Dépubliez-la si elle ne doit plus être visible."
        )
        % {"title": page.title, "references": ", ".join(references)},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
