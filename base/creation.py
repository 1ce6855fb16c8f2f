"""Creating a base from the public site, and how abuse is contained.

Any registered person may create a base and becomes its admin (`BaseMembership`, role admin:
the Wagtail permissions follow through base.permissions). The base is a `BasePage` under the
directory, saved as a revision and published through Wagtail, like one made in the admin.

Containment: a base names its owner organisation. When its creator administers that
organisation on the platform (or is a platform admin), the base is published as asked. Otherwise
anyone could put up a base « de l'ANCT »: the base is created `awaiting_moderation`, which every
listing reads as private (members only: no directory, search, sitemap, API, and 404 to others),
and the platform's moderators are notified; one of them accepts it (`accept`), or deletes it in
the admin. Its creator can already work in it and invite people.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.log_actions import log

from accounts.notifications import notify
from base.models import (
    BaseMembership,
    BasePage,
    BasesIndexPage,
    OrganisationMembership,
    OrganisationRole,
    Role,
)
from organisations.models import Organisation

CREATE = "bases.site_create"
ACCEPT = "bases.moderation_accept"
# The platform's moderators (the « Modérateurs » group of ressources.moderation), named by
# permission: this app sits below ressources and does not import it.
MODERATION_PERMISSION = "ressources.moderate_report"


def is_moderator(user):
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm(MODERATION_PERMISSION))
    )


def moderators():
    app_label, codename = MODERATION_PERMISSION.split(".")
    permission = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    ) | Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    )
    return get_user_model().objects.filter(is_active=True).filter(permission).distinct()


def administered_organisations(user):
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(
        pk__in=OrganisationMembership.objects.filter(user=user, role=OrganisationRole.ADMIN).values(
            "organisation_id"
        )
    )


# How many bases awaiting moderation one person may have at a time (a flood stops here).
MAX_PENDING_BASES = 3


def pending_bases_of(user):
    return BasePage.objects.filter(owner=user, awaiting_moderation=True)


def needs_moderation(user, organisation):
    return not administered_organisations(user).filter(pk=organisation.pk).exists()


def unique_slug(index, title):
    stem = slugify(title)[:70] or "base"
    slug, number = stem, 1
    while index.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{stem}-{number}"
    return slug


def _image(upload, base, user, title):
    image = get_image_model()(
        title=title[:255], file=upload, collection=base.media_collection, uploaded_by_user=user
    )
    image._set_image_file_metadata()
    image.save()
    return image


def create(user, data, *, logo=None, cover=None):
    """A new base owned by `data["organisation"]`, its creator as admin. Uploads are checked
    files (ressources.uploads.clean_image) stored in the new base's media folder."""
    if not (user.is_authenticated and user.is_active):
        raise PermissionDenied
    index = BasesIndexPage.objects.get()
    pending = needs_moderation(user, data["organisation"])
    with transaction.atomic():
        base = BasePage(
            title=data["title"],
            slug=unique_slug(index, data["title"]),
            organisation=data["organisation"],
            description=data.get("description", ""),
            dedicated_to=data.get("dedicated_to", ""),
            contribution_mode=data["contribution_mode"],
            visibility=data["visibility"],
            scope=data["scope"],
            region_code=data.get("region_code", ""),
            department_code=data.get("department_code", ""),
            awaiting_moderation=pending,
            owner=user,
        )
        base.co_owners = [org for org in data.get("co_owners", []) if org != data["organisation"]]
        index.add_child(instance=base)  # BasePage.save gives it its media folder
        if logo is not None:
            base.logo = _image(logo, base, user, _("Logo de %(base)s") % {"base": base.title})
        if cover is not None:
            base.cover = _image(
                cover, base, user, _("Couverture de %(base)s") % {"base": base.title}
            )
        base.save()
        BaseMembership.objects.create(base=base, user=user, role=Role.ADMIN)
        revision = base.save_revision(user=user, log_action=True)
        # The site's view checked who may create; the creator has no page permission on the
        # directory itself.
        revision.publish(user=user, skip_permission_checks=True)
        log(instance=base, action=CREATE, user=user, data={"pending": pending})
    if pending:
        notify(
            moderators(),
            kind="base_moderation",
            subject=_("Nouvelle base à valider : « %(base)s »") % {"base": base.title},
            message=_(
                "Créée par %(name)s au nom de %(organisation)s, qu'il n'administre pas sur la "
                "plateforme. Elle reste visible de ses seuls membres jusqu'à votre décision."
            )
            % {"name": user.display_name, "organisation": base.organisation.name},
            url=reverse("base_moderation"),
            exclude=user,
        )
    return base


def accept(base, moderator):
    """A moderator lets a base awaiting moderation be read as its visibility says."""
    if not is_moderator(moderator):
        raise PermissionDenied
    with transaction.atomic():
        base = BasePage.objects.select_for_update().get(pk=base.pk)
        if not base.awaiting_moderation:
            return base
        # The flag travels in revisions: publish a new one, so that no later publication of
        # the latest revision brings the pending state back.
        state = base.get_latest_revision_as_object()
        state.awaiting_moderation = False
        revision = state.save_revision(user=moderator, log_action=True)
        revision.publish(user=moderator, skip_permission_checks=True)
        log(instance=base, action=ACCEPT, user=moderator)
    # Publishing the base re-indexes every page under it (search.signals).
    base.refresh_from_db()
    notify(
        base.managers,
        kind="base_accepted",
        subject=_("Votre base « %(base)s » est validée") % {"base": base.title},
        message=_("Elle apparaît désormais dans l'annuaire et la recherche."),
        url=base.url,
        exclude=moderator,
    )
    return base
