"""The « Recherche » menu of the admin: synonyms (editable) and the search log (read-only)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import SearchLog, Synonym


class ReadOnlyForAdminsPolicy(BasePermissionPolicy):
    """Platform admins may look; nobody may add, change or delete (the log is a record)."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


register_permission_policy(SearchLog, ReadOnlyForAdminsPolicy(SearchLog))


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = _("Synonymes")
    list_display = ["terms"]
    search_fields = ["terms"]
    search_backend_name = None


class SearchLogViewSet(ModelViewSet):
    model = SearchLog
    icon = "history"
    menu_label = _("Recherches effectuées")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    # Required by ModelViewSet; the policy above forbids adding and editing anyway.
    form_fields = ["query", "tab", "filters", "results", "duration_ms", "engine", "fallback"]
    list_display = [
        TitleColumn(
            "created_at", label=_("Date"), sort_key="created_at", url_name="searchlog:inspect"
        ),
        Column("query", label=_("Requête normalisée"), sort_key="query"),
        "tab",
        "results",
        "duration_ms",
        "engine",
        BooleanColumn("fallback", label=_("Moteur de secours")),
    ]
    list_filter = ["tab", "engine", "fallback"]
    list_export = ["created_at", "query", "tab", "filters", "results", "duration_ms", "engine"]
    search_fields = ["query"]
    search_backend_name = None
    ordering = ["-created_at"]


class SearchGroup(SnippetViewSetGroup):
    menu_label = _("Recherche")
    menu_icon = "search"
    menu_order = 310
    items = (SynonymViewSet, SearchLogViewSet)


register_snippet(SearchGroup)


# Duplicate warnings: in the page editor, and « Doublons probables » for the moderators --------

from django.templatetags.static import static  # noqa: E402
from django.urls import path, reverse  # noqa: E402
from django.utils.html import format_html  # noqa: E402
from wagtail import hooks  # noqa: E402
from wagtail.admin.menu import MenuItem  # noqa: E402

from .views import duplicates as duplicates_views  # noqa: E402


@hooks.register("insert_editor_js")
def duplicates_editor_js():
    """The similar resources under the title while a resource is created or edited (the script
    acts only on a resource's editor)."""
    return format_html(
        '<span id="bc-duplicates-admin" data-url="{}" hidden></span>'
        '<script src="{}" defer></script>',
        reverse("search_similar"),
        static("js/duplicates.js"),
    )


@hooks.register("register_admin_urls")
def duplicates_admin_urls():
    return [
        path(
            "doublons-probables/",
            duplicates_views.likely_duplicates,
            name="likely_duplicates",
        )
    ]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return duplicates_views.is_moderator(request.user)


@hooks.register("register_admin_menu_item")
def duplicates_menu_item():
    return ModeratorMenuItem(
        _("Doublons probables"), reverse("likely_duplicates"), icon_name="copy", order=460
    )
