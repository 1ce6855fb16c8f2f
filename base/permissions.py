"""Keep Wagtail's page and media permissions in step with base membership.

Each base has one group per role. A member sits in the group of their role; the groups hold
page permissions on the base's subtree and media permissions on the base's own folder, so the
Wagtail admin shows each member exactly their bases.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from .models import Role

PAGE_PERMISSIONS = {
    Role.ADMIN: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    Role.CONTRIBUTOR: ["add_page", "change_page", "publish_page"],
}
MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def group_name(base, role):
    return f"Base n°{base.pk} — {Role(role).label.lower()}s"


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def base_group(base, role):
    """The group of a base's role, created with its permissions on first use."""
    group, created = Group.objects.get_or_create(name=group_name(base, role))
    if created:
        group.permissions.add(_permission("wagtailadmin", "access_admin"))
        for codename in PAGE_PERMISSIONS[role]:
            GroupPagePermission.objects.create(
                group=group, page=base, permission=_permission("wagtailcore", codename)
            )
        if base.media_collection_id:
            for app_label, codename in MEDIA_PERMISSIONS:
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection_id=base.media_collection_id,
                    permission=_permission(app_label, codename),
                )
    return group


@transaction.atomic
def sync_member(base, user):
    """Put the user in the group of their current role for this base, and in no other of its."""
    role = base.memberships.filter(user=user).values_list("role", flat=True).first()
    for each_role in Role:
        group = base_group(base, each_role)
        if each_role == role:
            user.groups.add(group)
        else:
            user.groups.remove(group)


def delete_base_groups(base):
    Group.objects.filter(name__in=[group_name(base, role) for role in Role]).delete()
