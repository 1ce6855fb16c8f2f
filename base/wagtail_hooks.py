from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from base.models import LAST_ADMIN_MESSAGE, BaseMembership, BasePage, OrganisationMembership, Role
from organisations.models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "territory_label"]
    list_filter = ["kind", "scope", "region_code"]
    search_fields = ["name"]
    search_backend_name = None  # the database's icontains, not the full-text backend (a 500)


class MembershipViewSet(SnippetViewSet):
    model = BaseMembership
    icon = "user"
    menu_label = _("Membres des bases")
    list_display = ["user", "base", "role", "created_at"]
    list_filter = ["role"]


class OrganisationMembershipViewSet(SnippetViewSet):
    """Platform admins name an organisation's admins, who then manage all its bases."""

    model = OrganisationMembership
    icon = "crosshairs"
    menu_label = _("Administrateurs des organisations")
    list_display = ["user", "organisation", "role", "created_at"]


class CommunityGroup(SnippetViewSetGroup):
    menu_label = _("Communauté")
    menu_icon = "group"
    menu_order = 300
    items = (OrganisationViewSet, MembershipViewSet, OrganisationMembershipViewSet)


register_snippet(CommunityGroup)


@hooks.register("register_log_actions")
def register_account_actions(actions):
    """Label of an account deletion in Wagtail's audit log (the person is anonymised)."""
    from accounts.lifecycle import ACCOUNT_DELETED

    actions.register_action(
        ACCOUNT_DELETED, _("Compte supprimé"), _("Compte supprimé par son titulaire")
    )


def _last_admin_refusal(request, memberships, back):
    """A redirect with the French reason if deleting `memberships` leaves a base without admin."""
    by_base = {}
    for membership in memberships:
        if membership.role == Role.ADMIN:
            by_base.setdefault(membership.base_id, []).append(membership.pk)
    for base_id, pks in by_base.items():
        if (
            not BaseMembership.objects.filter(base_id=base_id, role=Role.ADMIN)
            .exclude(pk__in=pks)
            .exists()
        ):
            title = BasePage.objects.filter(pk=base_id).values_list("title", flat=True).first()
            messages.error(request, LAST_ADMIN_MESSAGE % {"base": title})
            return redirect(back)
    return None


@hooks.register("before_delete_snippet")
def keep_an_admin_on_snippet_delete(request, instances):
    """The model refuses anyway; here the admin gets the French reason instead of an error."""
    memberships = [obj for obj in instances if isinstance(obj, BaseMembership)]
    if memberships and request.method == "POST":
        return _last_admin_refusal(request, memberships, "wagtailsnippets_base_basemembership:list")
    return None


@hooks.register("before_delete_user")
def keep_an_admin_on_account_delete(request, user):
    if request.method == "POST":
        return _last_admin_refusal(
            request, list(user.base_memberships.all()), "wagtailusers_users:index"
        )
    return None


@hooks.register("register_log_actions")
def register_membership_actions(actions):
    """Labels of the membership changes in Wagtail's audit log (history of the base page)."""
    from . import creation, membership

    actions.register_action(
        creation.CREATE, _("Base créée depuis le site public"), _("Créée depuis le site public")
    )
    actions.register_action(
        creation.ACCEPT, _("Base validée par la modération"), _("Validée par la modération")
    )

    labels = {
        membership.INVITE: (_("Invitation envoyée"), _("Personne invitée dans la base")),
        membership.INVITATION_RESEND: (_("Invitation renvoyée"), _("Invitation renvoyée")),
        membership.INVITATION_CANCEL: (_("Invitation annulée"), _("Invitation annulée")),
        membership.INVITATION_ACCEPT: (
            _("Invitation acceptée"),
            _("A rejoint la base sur invitation"),
        ),
        membership.INVITATION_DECLINE: (_("Invitation déclinée"), _("Invitation déclinée")),
        membership.JOIN_REQUEST: (_("Demande d'adhésion"), _("Demande à rejoindre la base")),
        membership.JOIN_WITHDRAW: (_("Demande d'adhésion retirée"), _("Demande retirée")),
        membership.JOIN_ACCEPT: (_("Demande d'adhésion acceptée"), _("Demande acceptée")),
        membership.JOIN_DECLINE: (_("Demande d'adhésion refusée"), _("Demande refusée")),
        membership.ROLE_CHANGE: (_("Rôle modifié"), _("Rôle d'un membre modifié")),
        membership.MEMBER_REMOVE: (_("Membre retiré"), _("Membre retiré de la base")),
        membership.MEMBER_LEAVE: (_("Membre parti"), _("A quitté la base")),
        membership.MEMBER_ADD: (_("Membre ajouté"), _("Membre ajouté à la base")),
    }
    for action, (label, message) in labels.items():
        formatter = type(
            "Formatter", (MembershipLogFormatter,), {"label": label, "message": message}
        )
        actions.register_action(action)(formatter)


class MembershipLogFormatter(LogFormatter):
    """« Rôle d'un membre modifié : Camille Martin » — who the entry is about."""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        who = data.get("member") or data.get("email")
        return f"{self.message} : {who}" if who else str(self.message)


@hooks.register("after_create_snippet")
def membership_created_in_admin(request, instance):
    """A membership given or changed in the Wagtail admin: the base's log and the person hear
    of it as they do from the public « Membres » page."""
    if isinstance(instance, BaseMembership):
        from . import membership

        membership.admin_saved(instance, request.user, created=True)


@hooks.register("after_edit_snippet")
def membership_edited_in_admin(request, instance):
    if isinstance(instance, BaseMembership):
        from . import membership

        membership.admin_saved(instance, request.user, created=False)


@hooks.register("after_delete_snippet")
def membership_deleted_in_admin(request, instances):
    from . import membership

    for instance in instances:
        if isinstance(instance, BaseMembership):
            membership.admin_deleted(instance, request.user)


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


# Bases created on the site and awaiting moderation (base.creation): a link for moderators.


class PendingBasesMenuItem(MenuItem):
    def is_shown(self, request):
        from .creation import is_moderator

        return is_moderator(request.user)


@hooks.register("register_admin_menu_item")
def register_pending_bases_menu_item():
    return PendingBasesMenuItem(
        _("Bases à valider"), reverse("base_moderation"), icon_name="site", order=9000
    )


# --- One visibility rule in the admin too (base.admin_visibility) ---------------------------


@hooks.register("construct_page_chooser_queryset")
def hide_private_pages_from_chooser(pages, request):
    from .admin_visibility import admin_visible_pages

    return admin_visible_pages(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def hide_private_pages_from_explorer(parent_page, pages, request):
    from .admin_visibility import admin_visible_pages

    return admin_visible_pages(pages, request.user)


@hooks.register("construct_image_chooser_queryset")
def hide_private_images_from_chooser(images, request):
    from .media import visible_media

    return visible_media(images, request.user)


@hooks.register("construct_document_chooser_queryset")
def hide_private_documents_from_chooser(documents, request):
    from .media import visible_media

    return visible_media(documents, request.user)


@hooks.register("construct_admin_api", order=100)
def visible_admin_api(router):
    """The admin API (explorer menu, choosers) answers with visible pages and media only; after
    Wagtail's images and documents apps registered their endpoints (order)."""
    from . import admin_visibility

    router.register_endpoint("pages", admin_visibility.VisiblePagesAdminAPIViewSet)
    router.register_endpoint("images", admin_visibility.VisibleImagesAdminAPIViewSet)
    router.register_endpoint("documents", admin_visibility.VisibleDocumentsAdminAPIViewSet)


@hooks.register("construct_reports_menu")
def page_types_usage_for_platform_admins(request, menu_items):
    """That report counts and names pages over the whole platform (admin_visibility)."""
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]
