"""Writing a resource from the public site: who may, and the same pages and revisions as the admin.

A resource written on the site is a Wagtail `ResourcePage` under its base, saved as revisions
(`save_revision(user=…, log_action=True)`) and published through `Revision.publish()` via
`ressources.versioning.publish`, so the publication rules (`ressources.rules`, re-checked by the
model) and the version journal are the admin's own. Uploaded files become Wagtail images and
documents in the base's media folder, with Wagtail's checks (see `ressources.uploads`).

Who may add a resource to a base: its members (and its organisation's admins, platform admins)
and, in an open base, any registered person. Drafts are private to the people who may work on
them: their author, and the base's members.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.notifications import notify
from base.models import BasePage, ContributionMode, OrganisationMembership, OrganisationRole

from . import versioning
from .models import CreditKind, CreditRole, ResourceCredit, ResourcePage, Term

CREATE = "ressources.site_create"

TAXONOMY_FIELDS = ("themes", "resource_types", "beneficiaries", "professional_sectors")


class DraftConflict(Exception):
    """Someone saved the resource since this form was loaded: nothing was saved."""


# Who may ------------------------------------------------------------------------------------------


def _active(user):
    return user.is_authenticated and user.is_active


def can_add_resource(user, base):
    """Members of the base (and its organisation's admins), platform admins, and anyone
    registered in an open base."""
    if not _active(user) or not base.live or not base.user_can_view(user):
        return False
    if user.is_superuser or base.member_role(user) is not None:
        return True
    return base.contribution_mode == ContributionMode.OPEN


def member_bases(user):
    """The live bases the person belongs to, or administers through their organisation."""
    if not _active(user):
        return BasePage.objects.none()
    organisations = OrganisationMembership.objects.filter(
        user=user, role=OrganisationRole.ADMIN
    ).values("organisation_id")
    return (
        BasePage.objects.live()
        .filter(Q(memberships__user=user) | Q(organisation_id__in=organisations))
        .distinct()
        .order_by("title")
    )


def open_bases(user):
    """Public live bases open to everyone's contributions, other than the person's own."""
    from base.listing import visible_bases

    return (
        visible_bases(user)
        .filter(contribution_mode=ContributionMode.OPEN)
        .exclude(pk__in=member_bases(user).values("pk"))
        .order_by("title")
    )


def can_work_on(user, page):
    """Edit a resource from the site's full editor: its base's members, and the author of a
    resource never published (an open base's outsider writes their own drafts only)."""
    if not _active(user):
        return False
    base = page.get_parent().specific
    if not base.live or not base.user_can_view(user):
        return False
    if user.is_superuser or base.member_role(user) is not None:
        return True
    return not page.live and page.owner_id == user.pk and can_add_resource(user, base)


# State of the page --------------------------------------------------------------------------------


def unique_slug(base, title, exclude=None):
    stem = slugify(title)[:70] or "ressource"
    if stem in BasePage.ROUTE_SLUGS:
        stem = f"{stem}-ressource"
    siblings = base.get_children()
    if exclude is not None:
        siblings = siblings.exclude(pk=exclude.pk)
    slug, number = stem, 1
    while siblings.filter(slug=slug).exists():
        number += 1
        slug = f"{stem}-{number}"
    return slug


def apply_state(page, state, user):
    """Set what the editor holds (see ResourceAuthoringForm.state) on an in-memory page."""
    page.title = page.draft_title = state["title"]
    page.summary = state["summary"]
    page.body = state["body"]
    for field in TAXONOMY_FIELDS:
        setattr(page, field, list(Term.objects.filter(pk__in=state.get(field, []))))
    page.tags.set(state.get("tags", []))
    page.licence = state.get("licence")
    page.adapted_from = state.get("adapted_from")
    page.language = state.get("language") or page.language
    page.scope = state["scope"]
    page.region_code = state.get("region_code", "")
    page.department_code = state.get("department_code", "")
    previous = {(c.kind, c.name): c for c in page.credits.all()}
    credits = []
    for position, credit in enumerate(state.get("credits", [])):
        kept = previous.get((credit["kind"], credit["name"]))
        linked_user = kept.user if kept else None
        if credit.get("self"):
            linked_user = user
        credits.append(
            ResourceCredit(
                kind=credit["kind"],
                name=credit["name"],
                role=credit["role"],
                user=linked_user,
                organisation=kept.organisation if kept else None,
                sort_order=position,
            )
        )
    page.credits = credits
    return page


def author_credit(user):
    """The first credit row of a new resource: its author, « Rédaction » (editable)."""
    return {
        "kind": CreditKind.PERSON,
        "name": user.display_name,
        "role": CreditRole.WRITING,
        "self": True,
    }


# Actions ------------------------------------------------------------------------------------------


def _check_rules(page, publishing):
    """The model's rules (ressources.rules through ResourcePage.clean); publication rules only
    when publishing, as in the admin."""
    page.defer_publication_rules = not publishing
    was_live = page.live
    page.live = publishing or page.live
    try:
        page.full_clean(exclude=["path", "depth", "numchild", "url_path"])
    finally:
        page.live = was_live


def create(base, user, state, *, publish=False, changes=()):
    """A new resource in `base`: saved as a draft revision, published if asked."""
    if not can_add_resource(user, base):
        raise PermissionDenied
    with transaction.atomic():
        page = ResourcePage(owner=user, live=False, slug=unique_slug(base, state["title"]))
        apply_state(page, state, user)
        # The form already offered the author's credit row (author_credit), which the author
        # may have changed or removed: ResourcePage.save() does not add it back.
        page.credit_owner = False
        page.defer_publication_rules = True
        base.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=True)
        log(instance=page, action=CREATE, user=user, data={"base": base.pk})
        if not publish:
            return page, revision
        _check_rules(page, True)
        version = versioning.publish(page, user, changes or [_("Première publication")])
    _tell_admins_of_outsider(base, page, user, version)
    return page, version


def _tell_admins_of_outsider(base, page, user, version):
    """Open bases: their admins hear of every publication by a non-member, as of public edits."""
    if user.is_superuser or base.member_role(user) is not None:
        return
    notify(
        base.managers,
        kind="public_edit",
        subject=_("« %(title)s » publiée dans « %(base)s » par %(name)s (version %(number)s)")
        % {
            "title": page.title,
            "base": base.title,
            "name": user.display_name,
            "number": version.number,
        },
        message="\n".join(version.change_lines),
        url=version.url,
        exclude=user,
    )


def save(page, user, state, *, latest_revision_id, publish=False, changes=(), major=False):
    """Save a new revision of an existing resource (draft), or publish it as a new version."""
    if not can_work_on(user, page):
        raise PermissionDenied
    with transaction.atomic():
        locked = ResourcePage.objects.select_for_update().get(pk=page.pk)
        if locked.latest_revision_id != latest_revision_id:
            raise DraftConflict
        current = locked.get_latest_revision_as_object()
        apply_state(current, state, user)
        _check_rules(current, publish)
        if not publish:
            current.defer_publication_rules = True
            revision = current.save_revision(user=user, log_action=True, changed=True)
            return current, revision
        version = versioning.publish(current, user, changes, major=major)
    _tell_admins_of_outsider(current.get_parent().specific, current, user, version)
    return current, version


def full_clean_errors(error):
    """A model ValidationError as {field: [messages]}."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        return {
            field: [m for e in errors for m in e.messages]
            for field, errors in error.error_dict.items()
        }
    return {None: list(getattr(error, "messages", [str(error)]))}
