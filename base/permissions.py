"""Keep Wagtail's page and media permissions in step with base membership.

Each base has one group per role. A member sits in the group of their role; the groups hold
page permissions on the base's subtree and media permissions on the base's own folder, so the
Wagtail admin shows each member exactly their bases. The admins of the base's organisation sit
in its admin group too.

- contributors add, change and publish pages, and add, change and choose images and documents;
- admins also delete and move pages (Wagtail's « bulk_delete », which this platform reads as
  « delete », see BasePagePermissionTester), lock and unlock them, delete media, and change the
  base's settings (base.forms.BasePageForm).

`sync_base(base)` rewrites a base's groups and their members from scratch: idempotent, so
`manage.py sync_base_permissions` can be interrupted and run again.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupCollectionPermission, GroupPagePermission, PagePermissionTester
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from .models import BASE_DEPTH, OrganisationMembership, OrganisationRole, Role

PAGE_PERMISSIONS = {
    Role.ADMIN: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
    Role.CONTRIBUTOR: ["add_page", "change_page", "publish_page"],
}
CONTRIBUTOR_MEDIA = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
MEDIA_PERMISSIONS = {
    Role.ADMIN: CONTRIBUTOR_MEDIA
    + [("wagtailimages", "delete_image"), ("wagtaildocs", "delete_document")],
    Role.CONTRIBUTOR: CONTRIBUTOR_MEDIA,
}


class BasePagePermissionTester(PagePermissionTester):
    """Wagtail lets whoever may change a page delete it; here only a base's admins delete or
    move its pages, or set their privacy. Their group carries `bulk_delete_page`, which thus
    means « admin of this base »."""

    @property
    def is_base_admin(self):
        return self.user.is_superuser or "bulk_delete" in self.permissions

    def can_delete(self, ignore_bulk=False):
        if self.user.is_active and not self.is_base_admin:
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        """Unpublishing takes a resource, or a whole base with its pages, offline: the same
        decision as deleting, so base admins only (contributors publish)."""
        if self.user.is_active and not self.is_base_admin:
            return False
        return super().can_unpublish()

    def can_set_view_restrictions(self):
        """Wagtail's « Confidentialité » of a page is a setting too: admins only."""
        return self.is_base_admin and super().can_set_view_restrictions()


class MediaPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail counts « delete » as « change » for images and documents (and lets uploaders
    delete their own): here deleting a base's media needs `delete_image` / `delete_document` on
    its folder, which only its admins hold (MEDIA_PERMISSIONS)."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = set(actions)
        if "delete" in actions:
            if self._check_perm(user, ["delete"], collection=instance.collection):
                return True
            actions.discard("delete")
            if not actions:
                return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


def register_media_policies():
    """Called by BaseConfig.ready(). `exact_class`: looked up before the policies Wagtail's
    images and documents apps register for their models whatever the apps' order."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import register_permission_policy

    for model, auth_model in (
        (get_image_model(), "wagtailimages.Image"),
        (get_document_model(), "wagtaildocs.Document"),
    ):
        policy = MediaPermissionPolicy(
            model, auth_model=auth_model, owner_field_name="uploaded_by_user"
        )
        register_permission_policy(model, policy, exact_class=True)


def group_name(base, role):
    return f"Base n°{base.pk} — {Role(role).label.lower()}s"


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _sync_group_permissions(group, base, role):
    """Exactly the permissions of `role` on the base's pages and media folder."""
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    wanted = {_permission("wagtailcore", codename).pk for codename in PAGE_PERMISSIONS[role]}
    GroupPagePermission.objects.filter(group=group).exclude(
        page=base, permission_id__in=wanted
    ).delete()
    have = set(
        GroupPagePermission.objects.filter(group=group, page=base).values_list(
            "permission_id", flat=True
        )
    )
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page=base, permission_id=pk) for pk in wanted - have
    )
    media = {_permission(app, codename).pk for app, codename in MEDIA_PERMISSIONS[role]}
    if not base.media_collection_id:
        media = set()
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection_id=base.media_collection_id, permission_id__in=media
    ).delete()
    have = set(
        GroupCollectionPermission.objects.filter(
            group=group, collection_id=base.media_collection_id
        ).values_list("permission_id", flat=True)
    )
    GroupCollectionPermission.objects.bulk_create(
        GroupCollectionPermission(
            group=group, collection_id=base.media_collection_id, permission_id=pk
        )
        for pk in media - have
    )


def base_group(base, role):
    """The group of a base's role, created with its permissions on first use."""
    group, created = Group.objects.get_or_create(name=group_name(base, role))
    if created:
        _sync_group_permissions(group, base, role)
    return group


def effective_role(base, user):
    """The role the user holds in the Wagtail admin for this base (None: no access)."""
    if OrganisationMembership.objects.filter(
        organisation_id=base.organisation_id, user=user, role=OrganisationRole.ADMIN
    ).exists():
        return Role.ADMIN
    return base.memberships.filter(user=user).values_list("role", flat=True).first()


@transaction.atomic
def sync_member(base, user):
    """Put the user in the group of their current role for this base, and in no other of its."""
    role = effective_role(base, user)
    for each_role in Role:
        group = base_group(base, each_role)
        if each_role == role:
            user.groups.add(group)
        else:
            user.groups.remove(group)


def concerned_users(base):
    """Everyone who holds, or should hold, a group of this base."""
    User = get_user_model()
    names = [group_name(base, role) for role in Role]
    return (
        User.objects.filter(groups__name__in=names)
        | User.objects.filter(base_memberships__base=base)
        | User.objects.filter(
            organisation_memberships__organisation_id=base.organisation_id,
            organisation_memberships__role=OrganisationRole.ADMIN,
        )
    ).distinct()


@transaction.atomic
def sync_base(base):
    """Rewrite the groups of a base (their permissions) and who sits in them."""
    for role in Role:
        group, _created = Group.objects.get_or_create(name=group_name(base, role))
        _sync_group_permissions(group, base, role)
    for user in concerned_users(base):
        sync_member(base, user)


def sync_organisation_member(organisation_id, user):
    """An organisation admin arrived or left: every base of the organisation follows."""
    from .models import BasePage

    for base in BasePage.objects.filter(organisation_id=organisation_id, depth=BASE_DEPTH):
        sync_member(base, user)


def delete_base_groups(base):
    Group.objects.filter(name__in=[group_name(base, role) for role in Role]).delete()
