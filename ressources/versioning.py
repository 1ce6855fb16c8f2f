"""Numbered versions: every publication of a resource becomes a row of its public journal.

All publications go through Wagtail's `Revision.publish()`, whether they come from the admin, a
schedule, a workflow, the public edit form, an accepted proposal or a restoration. The journal
entry is written by the `page_published` signal from the note the revision carries
(`version_changes`, `version_major`), so there is one way to make a version.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from .models import ResourcePage, ResourceVersion


def next_number(resource, major=False):
    """1.0 first, then 1.1, 1.2…; a major publication starts the next major number at .0."""
    last = resource.versions.order_by("-major", "-minor").first()
    if last is None:
        return 1, 0
    if major:
        return last.major + 1, 0
    return last.major, last.minor + 1


def responsible_of(user):
    if user is None:
        return _("Publication automatique"), ""
    organisation = user.organisation.name if getattr(user, "organisation", None) else ""
    return user.display_name, organisation


def adaptation_note(version):
    """The first line of an adaptation's journal: « Adaptée de « Titre » (version 1.1) »."""
    title = version.revision.content.get("title") or version.resource.title
    return _("Adaptée de « %(title)s » (version %(number)s)") % {
        "title": title,
        "number": version.number,
    }


def _adapted_version(content):
    """The version a revision's state says it adapts, if it still adapts that resource."""
    version_id, resource_id = content.get("adapted_from_version"), content.get("adapted_from")
    if not version_id:
        return None
    version = ResourceVersion.objects.select_related("revision", "resource").filter(pk=version_id)
    version = version.first()
    return version if version is not None and version.resource_id == resource_id else None


def record_version(resource, revision, user=None):
    """Write the journal entry for a publication (idempotent per revision)."""
    existing = ResourceVersion.objects.filter(revision=revision).first()
    if existing is not None:
        return existing
    content = revision.content
    user = user or revision.user
    name, organisation = responsible_of(user)
    with transaction.atomic():
        # Lock the resource row so that two publications cannot take the same number.
        ResourcePage.objects.select_for_update().filter(pk=resource.pk).first()
        major, minor = next_number(resource, bool(content.get("version_major")))
        changes = (content.get("version_changes") or "").strip()
        first = (major, minor) == (1, 0)
        adapted = first and _adapted_version(content)
        if adapted:
            # An adaptation's journal starts with what it adapts (« Adapter dans ma base »).
            changes = "\n".join(filter(None, [adaptation_note(adapted), changes]))
        if not changes:
            changes = _("Première publication") if first else _("Mise à jour")
        return ResourceVersion.objects.create(
            resource=resource,
            major=major,
            minor=minor,
            revision=revision,
            user=user,
            responsible_name=name,
            responsible_organisation=organisation,
            changes=changes,
        )


def publish(page, user, changes, major=False, log_action=True):
    """Publish an in-memory state of `page` as a new version credited to `user`.

    The caller has checked the permissions: public contributors have no Wagtail page
    permission, the contribution rules of the base decide (see ressources.contribution)."""
    page.version_changes = "\n".join(line.strip() for line in changes if line.strip())
    page.version_major = major
    with transaction.atomic():
        revision = page.save_revision(user=user, log_action=log_action, changed=True)
        revision.publish(user=user, skip_permission_checks=True, log_action=log_action)
        return ResourceVersion.objects.get(revision=revision)
