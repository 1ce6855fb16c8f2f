"""The « Suivi du label NEC » dashboard in the Wagtail admin (imported by label/wagtail_hooks)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views.tracking import dashboard
from .workflow import is_reviewer


@hooks.register("register_admin_urls")
def register_dashboard_url():
    return [path("label-nec/suivi/", dashboard, name="label_dashboard")]


class ReviewerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_reviewer(request.user)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return ReviewerMenuItem(
        _("Suivi du label NEC"), reverse("label_dashboard"), icon_name="table", order=450
    )
