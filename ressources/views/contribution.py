"""Wiki-style contribution from the public site: edit, propose a change, review a proposal.

Reached through the routes of `ResourcePage` (ressources/models.py), hence after
`BaseContentMixin.serve` answered 404 to whoever may not read the base; each view checks the
contribution rules again (ressources.contribution) and leaves the work to its services.

- `edit` publishes a new version (members of a curated base, anyone registered on an open base).
  If someone published since the form was loaded, nothing is saved: the conflict page (409) shows
  both sets of changes and a merge form holding the person's own values.
- `propose` keeps a change aside for the base's admins (suggestions mode).
- `review` shows a proposal to its author and to the reviewers, with its differences, and takes
  their decisions (accept, refuse with a reason, withdraw).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from base.page_context import breadcrumb_items
from base.visibility import ensure_can_act, ensure_can_view

from .. import contribution
from ..contribution_forms import (
    AcceptForm,
    EditForm,
    ProposalForm,
    RefuseForm,
)
from ..diff import compare_pages
from ..editing import apply_edit, edit_data, merge_states
from ..models import ChangeProposal, ProposalStatus, ResourceVersion

EDIT_TEMPLATE = "ressources/contribution/edit.html"
CONFLICT_TEMPLATE = "ressources/contribution/conflict.html"
PROPOSAL_TEMPLATE = "ressources/contribution/proposal.html"


def _ensure_visible(request, page):
    ensure_can_view(page, request)
    if not page.live or page.live_revision_id is None or not page.base.live:
        raise Http404


def _ensure_can_act(request, page):
    """The views that act (edit, propose, review, report, save): a share link is not enough
    (base.visibility.ensure_can_act)."""
    ensure_can_act(page, request)
    _ensure_visible(request, page)


def _resource_url(request, page):
    return page.get_url(request)


def _subpage_url(request, page, name, *args):
    return page.get_url(request) + page.reverse_subpage(name, args=args)


def _version_of(revision):
    if revision is None:
        return None
    return ResourceVersion.objects.filter(revision=revision).first()


def _form_context(request, page, form, *, mode, title):
    return {
        "page": page,
        "form": form,
        "mode": mode,
        "heading": title,
        "current_version": page.current_version,
        "base_version": _version_of(form.base_revision_obj),
        "is_member": contribution.is_member(request.user, page),
        "breadcrumb": breadcrumb_items(request, page, {"label": title}),
    }


def _proposed_page(base_revision, content):
    return apply_edit(base_revision.as_object(), content)


# Edit ----------------------------------------------------------------------------------------


def edit(request, page):
    _ensure_can_act(request, page)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not contribution.can_edit(request.user, page):
        raise PermissionDenied
    can_mark_major = contribution.is_member(request.user, page)
    live_revision = page.live_revision

    if request.method == "POST":
        form = EditForm(
            request.POST, resource=page, user=request.user, can_mark_major=can_mark_major
        )
        if form.is_valid():
            try:
                version = contribution.publish_edit(
                    page,
                    request.user,
                    form.payload(),
                    form.cleaned_data["changes"],
                    form.cleaned_data["base_revision"],
                    major=form.cleaned_data.get("major", False),
                )
            except contribution.EditConflict as conflict:
                return _conflict(request, page, form, conflict.current_revision, can_mark_major)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request,
                    _("Version %(number)s publiée. Merci pour votre contribution !")
                    % {"number": version.number},
                )
                return redirect(_resource_url(request, page))
    else:
        form = EditForm(
            resource=page,
            user=request.user,
            state=edit_data(live_revision.as_object()),
            base_revision=live_revision,
            can_mark_major=can_mark_major,
        )
    context = _form_context(request, page, form, mode="edit", title=_("Modifier la ressource"))
    return TemplateResponse(request, EDIT_TEMPLATE, context)


def _conflict(request, page, form, current_revision, can_mark_major):
    """Someone published since the form was loaded: show both changes, merge by hand."""
    base_revision = form.base_revision_obj
    yours = form.payload()
    base_page = base_revision.as_object()
    current_page = current_revision.as_object()
    your_page = _proposed_page(base_revision, yours)
    state, conflicts = merge_states(edit_data(base_page), edit_data(current_page), yours)
    merge_form = EditForm(
        resource=page,
        user=request.user,
        state=state,
        base_revision=current_revision,
        merged_from=base_revision,
        conflicts=conflicts,
        initial={
            "changes": "\n".join(form.cleaned_data["changes"]),
            "major": form.cleaned_data.get("major", False),
        },
        can_mark_major=can_mark_major,
    )
    context = _form_context(
        request, page, merge_form, mode="edit", title=_("Reprendre votre modification")
    )
    context.update(
        {
            "their_version": _version_of(current_revision),
            "your_base_version": _version_of(base_revision),
            "their_changes": compare_pages(base_page, current_page),
            "your_changes": compare_pages(base_page, your_page),
            "conflicts": conflicts,
        }
    )
    return TemplateResponse(request, CONFLICT_TEMPLATE, context, status=409)


# Propose -------------------------------------------------------------------------------------


def propose(request, page):
    _ensure_can_act(request, page)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not contribution.can_propose(request.user, page):
        raise PermissionDenied
    live_revision = page.live_revision

    if request.method == "POST":
        form = ProposalForm(request.POST, resource=page, user=request.user)
        proposal = None
        if form.is_valid():
            try:
                proposal = contribution.propose(
                    page,
                    request.user,
                    form.payload(),
                    form.cleaned_data["proposal_summary"],
                    form.cleaned_data["base_revision"],
                )
            except contribution.ProposalRefused as refusal:
                form.add_error(None, refusal)  # the form comes back with the person's text
        if proposal is not None:
            messages.success(
                request,
                _(
                    "Votre proposition est enregistrée : les administrateurs de la base vont "
                    "l'examiner, vous serez averti de leur décision."
                ),
            )
            return redirect(_subpage_url(request, page, "proposal", proposal.pk))
    else:
        form = ProposalForm(
            resource=page,
            user=request.user,
            state=edit_data(live_revision.as_object()),
            base_revision=live_revision,
        )
    context = _form_context(
        request, page, form, mode="propose", title=_("Proposer une modification")
    )
    return TemplateResponse(request, EDIT_TEMPLATE, context)


# Review --------------------------------------------------------------------------------------

ACCEPT, REFUSE, WITHDRAW = "accepter", "refuser", "retirer"


def review(request, page, proposal_id):
    _ensure_can_act(request, page)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    proposal = get_object_or_404(
        ChangeProposal.objects.select_related("proposer", "decided_by", "version", "base_revision"),
        pk=proposal_id,
        resource=page,
    )
    user = request.user
    is_proposer = proposal.proposer_id == user.pk
    is_reviewer = contribution.can_review(user, page)
    if not (is_proposer or is_reviewer):
        raise Http404

    accept_form, refuse_form = AcceptForm(), RefuseForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in (ACCEPT, REFUSE, WITHDRAW):
            return HttpResponseBadRequest(_("Action inconnue."))
        if action in (ACCEPT, REFUSE) and not is_reviewer:
            raise PermissionDenied
        if action == ACCEPT and is_proposer:
            raise PermissionDenied(_("Vous ne pouvez pas accepter votre propre proposition."))
        if action == WITHDRAW and not is_proposer:
            raise PermissionDenied
        proposal_url = _subpage_url(request, page, "proposal", proposal.pk)
        if not proposal.is_pending:
            messages.error(request, _("Cette proposition a déjà été traitée."))
            return redirect(proposal_url)

        if action == ACCEPT:
            accept_form = AcceptForm(request.POST)
            if accept_form.is_valid():
                try:
                    version = contribution.accept(
                        proposal,
                        user,
                        extra_lines=accept_form.cleaned_data["changes"],
                        major=accept_form.cleaned_data["major"],
                    )
                except ValidationError as error:
                    accept_form.add_error(
                        None,
                        _("La proposition ne peut pas être publiée en l'état : %(reason)s")
                        % {"reason": " ".join(error.messages)},
                    )
                else:
                    messages.success(
                        request,
                        _("Proposition acceptée : elle est publiée dans la version %(number)s.")
                        % {"number": version.number},
                    )
                    return redirect(proposal_url)
        elif action == REFUSE:
            refuse_form = RefuseForm(request.POST)
            if refuse_form.is_valid():
                contribution.refuse(proposal, user, refuse_form.cleaned_data["reason"])
                messages.success(
                    request, _("Proposition refusée : son auteur en est averti, avec le motif.")
                )
                return redirect(proposal_url)
        else:
            contribution.withdraw(proposal, user)
            messages.success(request, _("Vous avez retiré votre proposition."))
            return redirect(proposal_url)

    base_page = proposal.base_revision.as_object()
    proposed_page = _proposed_page(proposal.base_revision, proposal.content)
    changed_since = proposal.is_pending and page.live_revision_id != proposal.base_revision_id
    context = {
        "page": page,
        "proposal": proposal,
        "is_proposer": is_proposer,
        "is_reviewer": is_reviewer,
        "can_decide": is_reviewer and not is_proposer and proposal.is_pending,
        "can_withdraw": is_proposer and proposal.is_pending,
        "base_version": _version_of(proposal.base_revision),
        "current_version": page.current_version,
        "changed_since": changed_since,
        "proposal_changes": compare_pages(base_page, proposed_page),
        "current_changes": (
            compare_pages(page.live_revision.as_object(), proposed_page) if changed_since else None
        ),
        "accept_form": accept_form,
        "refuse_form": refuse_form,
        "statuses": ProposalStatus,
        "breadcrumb": breadcrumb_items(request, page, {"label": _("Proposition de modification")}),
    }
    return TemplateResponse(request, PROPOSAL_TEMPLATE, context)
