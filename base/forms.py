"""The Wagtail admin form of a base: its settings are its admins' to change."""

from wagtail.admin.forms import WagtailAdminPageForm

# What contributors may not change: who owns the base (hence who manages it), where it sits,
# how people contribute and who may read it.
ADMIN_ONLY_FIELDS = (
    "organisation",
    "scope",
    "region_code",
    "department_code",
    "contribution_mode",
    "visibility",
)


class ExpiryForAdminsMixin:
    """An expiry date unpublishes the page when it comes: like unpublishing, a base admin's
    decision (base.permissions.BasePagePermissionTester), so contributors do not get the field
    (the stored date stays)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        page = self.instance if self.instance.pk else self.parent_page
        if user is None or page is None or "expire_at" not in self.fields:
            return
        if not getattr(page.specific.permissions_for_user(user), "is_base_admin", True):
            self.fields.pop("expire_at")


class BasePageForm(ExpiryForAdminsMixin, WagtailAdminPageForm):
    """Contributors edit a base's presentation; the fields of ADMIN_ONLY_FIELDS are left out of
    their form (Wagtail then hides their panels and keeps the stored values)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if self.instance.pk is None or user is None or self.instance.user_can_manage(user):
            return
        for name in ADMIN_ONLY_FIELDS:
            self.fields.pop(name, None)


class BaseContentPageForm(ExpiryForAdminsMixin, WagtailAdminPageForm):
    """The admin form of a base's other pages (collections): expiry for admins only."""
