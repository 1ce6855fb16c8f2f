"""Who may change a resource, and the life of a change proposal.

The base's contribution mode decides (brief §2.8, « fonctionne comme Wikipédia »):
- curated: the base's members edit and publish;
- open: any registered person edits and publishes a new version credited to them;
- suggestions: any registered person proposes a change that the base's admins accept or refuse.
Views check these predicates; the functions below do the work and write the audit log.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.notifications import notify
from base import caps
from base.french import de
from base.models import ContributionMode, Role
from base.visibility import BASE_PATH_LENGTH

from . import versioning
from .editing import apply_edit, edit_data, merge_states
from .models import (
    ChangeProposal,
    CreditKind,
    CreditRole,
    ProposalStatus,
    ResourceCredit,
    ResourcePage,
)

# Audit-log actions of the public contribution flows (labels registered in wagtail_hooks).
PROPOSE = "ressources.propose"
ACCEPT = "ressources.proposal_accept"
REFUSE = "ressources.proposal_refuse"
WITHDRAW = "ressources.proposal_withdraw"
RESTORE = "ressources.restore"
PUBLIC_EDIT = "ressources.public_edit"


class EditConflict(Exception):
    """The resource was published again since the edit started: nothing was saved."""

    def __init__(self, current_revision):
        super().__init__("conflict")
        self.current_revision = current_revision


def _can_view(user, resource):
    base = resource.base
    return resource.live and base.live and base.user_can_view(user)


def is_member(user, resource):
    """A member of the resource's base, or an admin of its organisation (base.BasePage)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or resource.base.member_role(user) is not None


def is_base_admin(user, resource):
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return resource.base.member_role(user) == Role.ADMIN


def can_edit(user, resource):
    """Publish a new version from the public edit form."""
    if not user.is_authenticated or not user.is_active or not _can_view(user, resource):
        return False
    return is_member(user, resource) or resource.base.contribution_mode == ContributionMode.OPEN


def can_propose(user, resource):
    if not user.is_authenticated or not user.is_active or not _can_view(user, resource):
        return False
    return resource.base.contribution_mode == ContributionMode.SUGGESTIONS


def can_review(user, resource):
    """Accept or refuse proposals, restore versions: the base's admins."""
    return _can_view(user, resource) and is_base_admin(user, resource)


def can_restore(user, resource):
    return can_review(user, resource)


def base_admins(resource):
    """Who reviews the base's proposals and hears of outsiders' edits: its admins and its
    organisation's admins (BasePage.managers)."""
    return resource.base.managers


def _locked(resource):
    """The resource row, locked until the end of the transaction (serialises publications)."""
    return ResourcePage.objects.select_for_update().get(pk=resource.pk)


def _live_state(resource):
    return resource.live_revision.as_object()


def publish_edit(resource, user, data, changes, base_revision_id, major=False):
    """Publish a public edit, unless someone published since it started (EditConflict)."""
    if not can_edit(user, resource):
        raise PermissionDenied
    with transaction.atomic():
        locked = _locked(resource)
        if locked.live_revision_id != int(base_revision_id):
            raise EditConflict(locked.live_revision)
        page = apply_edit(_live_state(locked), data)
        version = versioning.publish(page, user, changes, major=major)
        log(instance=locked, action=PUBLIC_EDIT, user=user, data={"version": version.number})
    if not is_member(user, resource):
        # Open mode: the base's admins hear of every outside edit and can restore.
        url = version.url
        notify(
            base_admins(resource),
            kind="public_edit",
            subject=_("« %(title)s » modifiée par %(name)s (version %(number)s)")
            % {"title": page.title, "name": user.display_name, "number": version.number},
            message="\n".join(version.change_lines),
            url=url,
            exclude=user,
        )
    return version


class ProposalRefused(ValidationError):
    """Too many proposals (base.caps): the message says why and what to do, in French."""


def _check_proposal_caps(resource, user):
    pending = ChangeProposal.objects.filter(status=ProposalStatus.PENDING)
    if caps.reached(
        ChangeProposal.objects.filter(proposer=user),
        caps.PROPOSALS_PER_PERSON_PER_HOUR,
        within=caps.HOUR,
    ):
        raise ProposalRefused(
            _(
                "Vous avez envoyé %(count)s propositions en une heure : c'est le maximum. "
                "Réessayez un peu plus tard ; votre texte est conservé ci-dessous."
            )
            % {"count": caps.PROPOSALS_PER_PERSON_PER_HOUR}
        )
    if caps.reached(
        pending.filter(proposer=user, resource=resource),
        caps.PENDING_PROPOSALS_PER_PERSON_AND_RESOURCE,
    ):
        raise ProposalRefused(
            _(
                "Vous avez déjà %(count)s propositions en attente sur cette ressource : "
                "attendez la réponse des administrateurs de la base, ou retirez-en une."
            )
            % {"count": caps.PENDING_PROPOSALS_PER_PERSON_AND_RESOURCE}
        )
    base_path = resource.path[:BASE_PATH_LENGTH]
    if caps.reached(
        pending.filter(resource__path__startswith=base_path), caps.PENDING_PROPOSALS_PER_BASE
    ):
        raise ProposalRefused(
            _(
                "Cette base a déjà %(count)s propositions en attente : ses administrateurs "
                "doivent en traiter avant d'en recevoir d'autres. Réessayez plus tard."
            )
            % {"count": caps.PENDING_PROPOSALS_PER_BASE}
        )


def propose(resource, user, data, summary, base_revision_id):
    """Record a proposal and tell the base's admins. The same proposal sent twice (a double
    click) is recorded once; ProposalRefused beyond the caps of base.caps."""
    if not can_propose(user, resource):
        raise PermissionDenied
    with transaction.atomic():
        caps.lock_person(user)
        same = ChangeProposal.objects.filter(
            resource=resource,
            proposer=user,
            status=ProposalStatus.PENDING,
            base_revision_id=int(base_revision_id),
            summary=summary.strip(),
        ).first()
        if same is not None and same.content == data:
            return same
        _check_proposal_caps(resource, user)
        proposal = ChangeProposal.objects.create(
            resource=resource,
            proposer=user,
            base_revision_id=int(base_revision_id),
            content=data,
            summary=summary.strip(),
        )
        log(
            instance=resource,
            action=PROPOSE,
            user=user,
            data={"proposal": proposal.pk, "summary": proposal.summary},
        )
    notify(
        base_admins(resource),
        kind="proposal",
        subject=_("Nouvelle proposition de modification sur « %(title)s »")
        % {"title": resource.title},
        message=_("%(name)s propose : %(summary)s")
        % {"name": user.display_name, "summary": proposal.summary},
        url=proposal.url,
        exclude=user,
    )
    return proposal


def _pending(proposal):
    proposal = ChangeProposal.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.is_pending:
        raise PermissionDenied(_("Cette proposition a déjà été traitée."))
    return proposal


def _decide(proposal, status, user, **fields):
    """Close a pending proposal: its status, who decided and when, never to change again."""
    proposal.status = status
    proposal.decided_at = timezone.now()
    proposal.decided_by = user
    for name, value in fields.items():
        setattr(proposal, name, value)
    proposal.save()


def acceptance_changes(proposal, extra_lines=()):
    proposer = proposal.proposer.display_name if proposal.proposer else _("Contributeur supprimé")
    lines = [
        _("Modifications à la suite de suggestions %(of_name)s") % {"of_name": de(proposer)},
        proposal.summary,
    ]
    return lines + [line for line in extra_lines if line.strip()]


def accept(proposal, user, extra_lines=(), major=False):
    """Publish the proposal over the current version and credit its author."""
    resource = proposal.resource
    if not can_review(user, resource):
        raise PermissionDenied
    if proposal.proposer_id == user.pk:
        raise PermissionDenied(_("Vous ne pouvez pas accepter votre propre proposition."))
    with transaction.atomic():
        locked = _locked(resource)
        proposal = _pending(proposal)
        live = _live_state(locked)
        # Whatever was published since the proposal started is kept, unless the proposal
        # changed the same field or block (the review page shows that diff and warns).
        data, _conflicts = merge_states(
            edit_data(proposal.base_revision.as_object()), edit_data(live), proposal.content
        )
        page = apply_edit(live, data)
        if proposal.proposer and not any(
            credit.user_id == proposal.proposer_id for credit in page.credits.all()
        ):
            credits = list(page.credits.all())
            credits.append(
                ResourceCredit(
                    kind=CreditKind.PERSON,
                    name=proposal.proposer.display_name,
                    role=CreditRole.CONTRIBUTION,
                    user=proposal.proposer,
                    organisation=proposal.proposer.organisation,
                    sort_order=len(credits),
                )
            )
            page.credits = credits
        version = versioning.publish(page, user, acceptance_changes(proposal, extra_lines), major)
        _decide(proposal, ProposalStatus.ACCEPTED, user, version=version)
        log(
            instance=locked,
            action=ACCEPT,
            user=user,
            data={"proposal": proposal.pk, "version": version.number},
        )
    notify(
        [proposal.proposer],
        kind="proposal_accepted",
        subject=_("Votre proposition sur « %(title)s » est acceptée") % {"title": page.title},
        message=_("Elle est publiée dans la version %(number)s.") % {"number": version.number},
        url=version.url,
    )
    return version


def refuse(proposal, user, reason):
    resource = proposal.resource
    if not can_review(user, resource):
        raise PermissionDenied
    if not reason.strip():
        raise ValueError(_("Indiquez le motif du refus."))
    with transaction.atomic():
        proposal = _pending(proposal)
        _decide(proposal, ProposalStatus.REFUSED, user, refusal_reason=reason.strip())
        log(
            instance=resource,
            action=REFUSE,
            user=user,
            data={"proposal": proposal.pk, "reason": proposal.refusal_reason},
        )
    notify(
        [proposal.proposer],
        kind="proposal_refused",
        subject=_("Votre proposition sur « %(title)s » n'est pas retenue")
        % {"title": resource.title},
        message=_("Motif : %(reason)s") % {"reason": proposal.refusal_reason},
        url=proposal.url,
    )
    return proposal


def withdraw(proposal, user):
    if not user.is_authenticated or proposal.proposer_id != user.pk:
        raise PermissionDenied
    with transaction.atomic():
        proposal = _pending(proposal)
        _decide(proposal, ProposalStatus.WITHDRAWN, user)
        log(
            instance=proposal.resource,
            action=WITHDRAW,
            user=user,
            data={"proposal": proposal.pk},
        )
    return proposal


def restore(resource, version, user):
    """Publish an older version again, as a new version; the journal keeps every row."""
    if not can_restore(user, resource):
        raise PermissionDenied
    with transaction.atomic():
        locked = _locked(resource)
        page = version.revision.as_object()
        # A restoration brings back the content, not an address the page has since left.
        page.slug = locked.slug
        lines = [_("Restauration de la version %(number)s") % {"number": version.number}]
        new_version = versioning.publish(page, user, lines)
        new_version.restored_from = version
        new_version.save(update_fields=["restored_from"])
        log(
            instance=locked,
            action=RESTORE,
            user=user,
            data={"restored": version.number, "version": new_version.number},
        )
    return new_version


def contributors(resource):
    """Everyone who made the resource: credited names, then people who published versions
    (open-mode editors, accepted proposals) and are not credited already."""
    credits = list(resource.credits.select_related("user", "organisation"))
    credited_users = {credit.user_id for credit in credits if credit.user_id}
    credited_names = {credit.name for credit in credits}
    people = []
    seen = set(credited_users)
    members = set(resource.base.memberships.values_list("user_id", flat=True))
    versions = resource.versions.select_related("user").order_by("major", "minor")
    for version in versions:
        user = version.user
        if user is None or user.pk in seen or user.pk in members:
            continue
        if user.display_name in credited_names:
            continue
        seen.add(user.pk)
        people.append(user)
    return credits, people
