from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import BaseMembership, Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "territory_label"]
    list_filter = ["kind", "scope", "region_code"]
    search_fields = ["name"]


class MembershipViewSet(SnippetViewSet):
    model = BaseMembership
    icon = "user"
    menu_label = _("Membres des bases")
    list_display = ["user", "base", "role", "created_at"]
    list_filter = ["role"]


class CommunityGroup(SnippetViewSetGroup):
    menu_label = _("Communauté")
    menu_icon = "group"
    menu_order = 300
    items = (OrganisationViewSet, MembershipViewSet)


register_snippet(CommunityGroup)


@hooks.register("register_log_actions")
def register_account_actions(actions):
    """Label of an account deletion in Wagtail's audit log (the person is anonymised)."""
    from .accounts import ACCOUNT_DELETED

    actions.register_action(
        ACCOUNT_DELETED, _("Compte supprimé"), _("Compte supprimé par son titulaire")
    )
