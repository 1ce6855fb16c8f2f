"""The bases directory's listing, provided to base.BasesIndexPage (see base.extensions), and the
team's screen of the feedback on the platform."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from . import statistics, views
from .models import PlatformFeedback
from .page_context import bases_index_context


@hooks.register("bases_index_page_context")
def directory_context(page, request):
    return bases_index_context(page, request)


class PlatformFeedbackViewSet(ModelViewSet):
    """« Avis sur la plateforme »: the team reads each message and records what it did."""

    model = PlatformFeedback
    icon = "comment"
    menu_label = _("Avis sur la plateforme")
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["__str__", "kind", "rating", "status", "created_at"]
    list_filter = ["status", "kind", "rating"]
    form_fields = ["status", "staff_note"]
    inspect_view_enabled = True
    inspect_view_fields = ["kind", "message", "rating", "email", "page_url", "created_at", "status"]
    search_fields = ["message"]
    search_backend_name = None


@hooks.register("register_admin_viewset")
def register_platform_feedback_viewset():
    return PlatformFeedbackViewSet("platform_feedback")


@hooks.register("before_serve_page")
def count_resource_view(page, request, serve_args, serve_kwargs):
    """Readings of resources, for /statistiques/ (no cookie, no trace of who). The page cache
    remembers the page, to count the readings it serves (portal.page_cache)."""
    request.page_cache_page = page
    # A routable page's sub-page comes with its view first (the download routes are not readings).
    view = serve_args[0] if serve_args else None
    statistics.count_view(page, request, view)


@hooks.register("base_page_route_views")
def page_route_views():
    return {"base_statistics": views.base_statistics}
