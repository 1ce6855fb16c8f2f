"""Wagtail admin screens that have no hook to filter what they list, replaced by subclasses that
apply the private-base rule (base.admin_visibility). Included by config/urls.py before Wagtail's
admin, at the same addresses, so that the first match (ours) answers."""

from django.urls import path
from wagtail.admin.auth import require_admin_access

from . import admin_visibility as views

urlpatterns = [
    path(
        "admin/choose-page/<int:parent_page_id>/",
        require_admin_access(views.PageChooserBrowse.as_view()),
    ),
    path(
        "admin/choose-page/chosen-multiple/",
        require_admin_access(views.PageChooserChosenMultiple.as_view()),
    ),
    path("admin/tag-autocomplete/", require_admin_access(views.tag_autocomplete)),
    path(
        "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/",
        require_admin_access(views.tag_autocomplete),
    ),
    path("admin/images/", require_admin_access(views.ImagesIndex.as_view())),
    path(
        "admin/images/results/",
        require_admin_access(views.ImagesIndex.as_view(results_only=True)),
    ),
    path("admin/documents/", require_admin_access(views.DocumentsIndex.as_view())),
    path(
        "admin/documents/results/",
        require_admin_access(views.DocumentsIndex.as_view(results_only=True)),
    ),
    path(
        "admin/reports/page-types-usage/",
        require_admin_access(views.PageTypesUsageReport.as_view()),
    ),
    path(
        "admin/reports/page-types-usage/results/",
        require_admin_access(views.PageTypesUsageReport.as_view(results_only=True)),
    ),
]
