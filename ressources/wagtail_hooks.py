from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_conflicts  # noqa: F401  (registers the before_edit_page hook)
from .models import Licence, Term


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "tag"
    menu_label = _("Taxonomie")
    list_display = ["label", "vocabulary", "category", "order", "active"]
    list_filter = ["vocabulary", "active"]
    search_fields = ["label", "slug"]
    # The database's own filtering (icontains), not Wagtail's full-text backend, whose SQLite
    # query syntax a lone quote breaks and which knows only the model's indexed fields.
    search_backend_name = None


class LicenceViewSet(SnippetViewSet):
    model = Licence
    icon = "doc-full"
    menu_label = _("Licences")
    list_display = ["name", "spdx_id", "kind", "is_open", "crpa_listed"]
    list_filter = ["kind", "is_open", "crpa_listed"]


class ReferenceGroup(SnippetViewSetGroup):
    menu_label = _("Référentiels")
    menu_icon = "list-ul"
    menu_order = 310
    items = (TermViewSet, LicenceViewSet)


register_snippet(ReferenceGroup)


@hooks.register("register_log_actions")
def register_contribution_actions(actions):
    """Labels of the public contribution flows in Wagtail's audit log (« Historique »)."""
    from . import contribution

    actions.register_action(
        contribution.PROPOSE, _("Proposition de modification"), _("Modification proposée")
    )
    actions.register_action(
        contribution.ACCEPT, _("Proposition acceptée"), _("Proposition acceptée")
    )
    actions.register_action(contribution.REFUSE, _("Proposition refusée"), _("Proposition refusée"))
    actions.register_action(
        contribution.WITHDRAW, _("Proposition retirée"), _("Proposition retirée")
    )
    actions.register_action(contribution.RESTORE, _("Version restaurée"), _("Version restaurée"))
    actions.register_action(
        contribution.PUBLIC_EDIT,
        _("Modification depuis le site public"),
        _("Modifiée depuis le site public"),
    )
    from . import authoring

    actions.register_action(
        authoring.CREATE, _("Création depuis le site public"), _("Créée depuis le site public")
    )
    from wagtail.log_actions import LogFormatter

    from . import adaptation

    @actions.register_action(adaptation.ADAPT)
    class AdaptationFormatter(LogFormatter):
        label = _("Adaptation dans une base")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Adaptée de « %(title)s » (version %(number)s)") % {
                "title": (data.get("original") or {}).get("title", ""),
                "number": data.get("version", ""),
            }


# Moderation: the « Signalements » queue and the labels of its audit-log entries ---------------

from wagtail.permissions import register_permission_policy  # noqa: E402

from .models import Report  # noqa: E402
from .views.moderation_admin import ReportViewSet, policy  # noqa: E402

register_permission_policy(Report, policy)


@hooks.register("register_admin_viewset")
def register_report_viewset():
    return ReportViewSet("report")


@hooks.register("register_log_actions")
def register_moderation_actions(actions):
    from . import moderation

    actions.register_action(moderation.REPORT, _("Signalement"), _("Ressource signalée"))
    actions.register_action(
        moderation.RESOLVE_UNPUBLISH,
        _("Signalement traité : ressource dépubliée"),
        _("Dépubliée à la suite d'un signalement"),
    )
    actions.register_action(
        moderation.RESOLVE_CONTACT,
        _("Signalement traité : base contactée"),
        _("Base contactée à la suite d'un signalement"),
    )
    actions.register_action(
        moderation.RESOLVE_DISMISS,
        _("Signalement classé sans suite"),
        _("Signalement classé sans suite"),
    )
    actions.register_action(
        moderation.RESOLVE_HIDE_REVIEW,
        _("Avis masqué par la modération"),
        _("Avis masqué à la suite d'un signalement"),
    )


@hooks.register("base_page_context")
def base_resources_context(page, request):
    """A base page's tabs: its resources and collections (see base.extensions)."""
    from .page_context import base_page_context

    return base_page_context(page, request)
