"""What a deleted account leaves in the resources (receivers of accounts.lifecycle's signals).

Credits, journal lines and the « à la suite de suggestions de … » notes say « Contributeur
supprimé », past revisions included; the name stays where a licence that requires attribution
cites it on a published resource (the deletion page lists those beforehand)."""

from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Revision

from accounts.lifecycle import DELETED_NAME, account_deleted, deletion_review
from base.french import de

from .models import (
    ChangeProposal,
    CreditKind,
    PersonalCollection,
    ProposalStatus,
    ResourceCredit,
    ResourceVersion,
)
from .signals import resources_changed


def _grants_attribution(resource):
    licence = resource.licence
    return bool(
        resource.live and licence is not None and licence.attribution and licence.kind != "reserved"
    )


def attribution_credits(user):
    """The person's credits that are part of a published attribution line: a person credit on
    a live resource whose licence requires citing its authors. Those names stay after
    deletion."""
    credits = ResourceCredit.objects.filter(user=user, kind=CreditKind.PERSON).select_related(
        "resource", "resource__licence"
    )
    kept = []
    for credit in credits:
        resource = credit.resource.specific
        granted = credit.name and _grants_attribution(resource)
        if granted and credit.name in resource.attribution_line():
            kept.append(credit)
    return kept


def _scrub_revisions(resource_ids, user, kept_ids, names):
    """Old versions render from their revision: rewrite the person's credits there too."""
    label = str(DELETED_NAME)
    revisions = Revision.objects.page_revisions().filter(
        object_id__in=[str(pk) for pk in resource_ids]
    )
    for revision in revisions.iterator():
        content = revision.content
        changed = False
        for credit in content.get("credits") or []:
            if credit.get("user") != user.pk:
                continue
            if credit.get("pk") not in kept_ids:
                credit["name"] = label
                credit["organisation"] = None
            credit["user"] = None
            changed = True
        notes = content.get("version_changes") or ""
        for name in names:
            if name and name in notes:
                content["version_changes"] = notes = notes.replace(name, label)
                changed = True
        if changed:
            Revision.objects.filter(pk=revision.pk).update(content=content)


@receiver(deletion_review)
def review_attributions(sender, user, **kwargs):
    return {"kept_credits": attribution_credits(user)}


@receiver(account_deleted)
def anonymise_contributions(sender, user, label, names, **kwargs):
    """Credits, versions and proposals of the deleted account (see the module docstring)."""
    kept_ids = {credit.pk for credit in attribution_credits(user)}
    credited = set(ResourceCredit.objects.filter(user=user).values_list("resource_id", flat=True))
    ResourceCredit.objects.filter(user=user).exclude(pk__in=kept_ids).update(
        name=label, organisation=None, user=None
    )
    ResourceCredit.objects.filter(pk__in=kept_ids).update(user=None)

    versions = ResourceVersion.objects.filter(user=user)
    edited = set(versions.values_list("resource_id", flat=True))
    versions.update(responsible_name=label, responsible_organisation="")
    # « Modifications à la suite de suggestions de <name> »: the journal of accepted proposals.
    for version in ResourceVersion.objects.filter(proposal__proposer=user):
        changes = version.changes
        for name in names:
            # « suggestions d'Amandine Martin » becomes « suggestions de Contributeur supprimé »:
            # the elided form first, then the name wherever else it appears.
            changes = changes.replace(de(name), de(label)).replace(name, label)
        if changes != version.changes:
            ResourceVersion.objects.filter(pk=version.pk).update(changes=changes)
            edited.add(version.resource_id)
    proposals = ChangeProposal.objects.filter(proposer=user)
    proposals.filter(status=ProposalStatus.PENDING).update(
        status=ProposalStatus.WITHDRAWN, decided_at=timezone.now()
    )
    _scrub_revisions(credited | edited, user, kept_ids, names)
    resources_changed.send(sender=ResourceCredit, ids=credited)
    return {"kept_attributions": len(kept_ids)}


@receiver(account_deleted)
def erase_personal_collections(sender, user, **kwargs):
    """A deleted account's personal collections are its own data: they go with it."""
    PersonalCollection.objects.filter(owner=user).delete()
