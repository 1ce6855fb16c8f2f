from django.http import Http404
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


# --- Private spaces: documents of private bases, share-link audit entries (base.sharing) ---


@hooks.register("before_serve_document")
def hide_private_documents(document, request):
    """A private base's documents answer 404 to whoever may not read the base (base.media)."""
    from .media import can_view

    if not can_view(request, document):
        raise Http404


@hooks.register("register_log_actions")
def register_share_link_actions(actions):
    from . import sharing

    actions.register_action(
        sharing.ACTION_CREATE, _("Lien de partage créé"), _("Lien de partage créé")
    )
    actions.register_action(
        sharing.ACTION_ROTATE, _("Lien de partage renouvelé"), _("Lien de partage renouvelé")
    )
    actions.register_action(
        sharing.ACTION_DISABLE, _("Lien de partage désactivé"), _("Lien de partage désactivé")
    )
