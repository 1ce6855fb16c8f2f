"""The « Membres » page of a base and its forms, and the invitation link of the e-mail.

Reached through the routes of BasePage (`membres/…`), hence after BaseContentMixin.serve
answered 404 to whoever may not read the base. Every change is a POST (CSRF-checked) handled by
base.membership, which checks the permission again; a refused action gets a French message and
the page keeps what the person typed.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from base import membership
from base.listing import paginate
from base.models import (
    BaseMembership,
    Invitation,
    InvitationStatus,
    JoinRequest,
    JoinRequestStatus,
    OrganisationMembership,
    OrganisationRole,
    Role,
)
from base.page_context import breadcrumb_items

MEMBERS_TEMPLATE = "base/membership/members.html"
MEMBERS_PER_PAGE = 50
INVITATION_TEMPLATE = "base/membership/invitation.html"
# Sign-up is another feature's page; the invitation only links to it.
SIGNUP_URL = "/compte/inscription/"


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Adresse e-mail de la personne à inviter"),
        max_length=254,
        error_messages={
            "required": gettext_lazy("Indiquez l'adresse e-mail de la personne à inviter."),
            "invalid": gettext_lazy(
                "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."
            ),
        },
    )
    role = forms.ChoiceField(
        label=gettext_lazy("Rôle"),
        choices=Role.choices,
        initial=Role.CONTRIBUTOR,
        error_messages={"invalid_choice": gettext_lazy("Choisissez un rôle de la liste.")},
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label=gettext_lazy("Rôle"),
        choices=Role.choices,
        error_messages={
            "required": gettext_lazy("Choisissez un rôle."),
            "invalid_choice": gettext_lazy("Choisissez un rôle de la liste."),
        },
    )


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Message aux administrateurs de la base"),
        help_text=gettext_lazy(
            "Facultatif : présentez-vous et dites ce que vous souhaitez y faire."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": gettext_lazy("Le message ne peut dépasser %(limit_value)d caractères.")
        },
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Motif (facultatif, transmis à la personne)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "max_length": gettext_lazy("Le motif ne peut dépasser %(limit_value)d caractères.")
        },
    )


def _members_url(base):
    return membership.members_url(base)


def _error_text(error):
    return " ".join(error.messages)


def members_context(request, base, **forms_in_error):
    """Everything the « Membres » page shows; the managers also see what awaits them."""
    user = request.user
    can_manage = base.user_can_manage(user)
    all_memberships = base.memberships.select_related("user").order_by(
        "role", "user__last_name", "user__first_name", "user__username"
    )
    page_obj = paginate(all_memberships, request.GET.get("page"), per_page=MEMBERS_PER_PAGE)
    organisation_admins = [
        m.user
        for m in OrganisationMembership.objects.filter(
            organisation_id=base.organisation_id, role=OrganisationRole.ADMIN
        )
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    ]
    own = all_memberships.filter(user=user).first() if user.is_authenticated else None
    own_request = None
    if user.is_authenticated and own is None:
        own_request = JoinRequest.objects.filter(
            base=base, user=user, status=JoinRequestStatus.PENDING
        ).first()
    context = {
        "page": base,
        "base": base,
        "memberships": page_obj.object_list,
        "page_obj": page_obj,
        "params": {},
        "admin_count": all_memberships.filter(role=Role.ADMIN).count(),
        "organisation_admins": organisation_admins,
        "own_membership": own,
        "own_request": own_request,
        "can_manage": can_manage,
        "can_request": own is None and own_request is None and user.is_authenticated,
        "roles": Role.choices,
        "role_admin": Role.ADMIN,
        "join_form": forms_in_error.get("join_form") or JoinRequestForm(),
        "invite_form": forms_in_error.get("invite_form") or InviteForm(),
        "decline_forms": forms_in_error.get("decline_forms", {}),
        "breadcrumb": breadcrumb_items(request, base, {"label": _("Membres")}),
        "login_url": reverse("login") + "?" + urlencode({"next": _members_url(base)}),
    }
    if can_manage:
        requests = JoinRequest.objects.filter(base=base, status=JoinRequestStatus.PENDING)
        context["join_requests"] = list(requests.select_related("user").order_by("created_at"))
        context["invitations"] = list(
            Invitation.objects.filter(base=base, status=InvitationStatus.PENDING)
            .select_related("invited_by")
            .order_by("-sent_at")
        )
    return context


def members(request, base):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return TemplateResponse(request, MEMBERS_TEMPLATE, members_context(request, base))


def _render_with_errors(request, base, **forms_in_error):
    context = members_context(request, base, **forms_in_error)
    return TemplateResponse(request, MEMBERS_TEMPLATE, context, status=400)


def members_action(request, base, action, pk):
    """Every form of the « Membres » page posts here (`membres/<action>/[<id>/]`)."""
    handler = ACTIONS.get((action, pk is not None))
    if handler is None:
        raise Http404
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(_members_url(base))
    try:
        return handler(request, base, pk) if pk is not None else handler(request, base)
    except ValidationError as error:  # MembershipError, LastAdminError
        messages.error(request, _error_text(error))
        return redirect(_members_url(base))


def _ensure_manager(request, base):
    if not base.user_can_manage(request.user):
        raise PermissionDenied


def invite(request, base):
    _ensure_manager(request, base)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _render_with_errors(request, base, invite_form=form)
    try:
        invitation, resent = membership.invite(
            base, form.cleaned_data["email"], form.cleaned_data["role"], request.user
        )
    except ValidationError as error:
        form.add_error("email", error)
        return _render_with_errors(request, base, invite_form=form)
    if resent:
        text = _("L'invitation de %(email)s a été renvoyée (nouveau lien, valable 14 jours).")
    else:
        text = _("Invitation envoyée à %(email)s.")
    messages.success(request, text % {"email": invitation.email})
    return redirect(_members_url(base))


def resend_invitation(request, base, pk):
    _ensure_manager(request, base)
    invitation = get_object_or_404(Invitation, pk=pk, base=base, status=InvitationStatus.PENDING)
    membership.invite(base, invitation.email, invitation.role, request.user)
    messages.success(
        request,
        _("L'invitation de %(email)s a été renvoyée (nouveau lien, valable 14 jours).")
        % {"email": invitation.email},
    )
    return redirect(_members_url(base))


def cancel_invitation(request, base, pk):
    _ensure_manager(request, base)
    invitation = get_object_or_404(Invitation, pk=pk, base=base)
    membership.cancel_invitation(invitation, request.user)
    messages.success(
        request, _("L'invitation de %(email)s est annulée.") % {"email": invitation.email}
    )
    return redirect(_members_url(base))


def request_to_join(request, base):
    form = JoinRequestForm(request.POST)
    if not form.is_valid():
        return _render_with_errors(request, base, join_form=form)
    membership.request_to_join(base, request.user, form.cleaned_data["message"])
    messages.success(
        request,
        _(
            "Votre demande est envoyée aux administrateurs de la base. Vous serez prévenu de leur "
            "réponse."
        ),
    )
    return redirect(_members_url(base))


def withdraw_request(request, base):
    join_request = get_object_or_404(
        JoinRequest, base=base, user=request.user, status=JoinRequestStatus.PENDING
    )
    membership.withdraw_join_request(join_request, request.user)
    messages.success(request, _("Votre demande est retirée."))
    return redirect(_members_url(base))


def accept_request(request, base, pk):
    _ensure_manager(request, base)
    join_request = get_object_or_404(JoinRequest, pk=pk, base=base)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _error_text(ValidationError(form.errors["role"])))
        return redirect(_members_url(base))
    member = membership.accept_join_request(join_request, request.user, form.cleaned_data["role"])
    messages.success(
        request,
        _("%(name)s est maintenant %(role)s de la base.")
        % {"name": member.user.display_name, "role": member.get_role_display().lower()},
    )
    return redirect(_members_url(base))


def decline_request(request, base, pk):
    _ensure_manager(request, base)
    join_request = get_object_or_404(JoinRequest, pk=pk, base=base)
    form = DeclineForm(request.POST, prefix=f"refus-{join_request.pk}", auto_id="%s")
    if not form.is_valid():
        return _render_with_errors(request, base, decline_forms={join_request.pk: form})
    membership.decline_join_request(join_request, request.user, form.cleaned_data["reason"])
    messages.success(
        request,
        _("La demande de %(name)s est refusée ; la personne en est prévenue.")
        % {"name": join_request.user.display_name},
    )
    return redirect(_members_url(base))


def change_role(request, base, pk):
    _ensure_manager(request, base)
    member = get_object_or_404(BaseMembership.objects.select_related("user"), pk=pk, base=base)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _error_text(ValidationError(form.errors["role"])))
        return redirect(_members_url(base))
    member = membership.change_role(member, form.cleaned_data["role"], request.user)
    messages.success(
        request,
        _("%(name)s est maintenant %(role)s de la base.")
        % {"name": member.user.display_name, "role": member.get_role_display().lower()},
    )
    return redirect(_members_url(base))


def remove_member(request, base, pk):
    _ensure_manager(request, base)
    member = get_object_or_404(BaseMembership.objects.select_related("user"), pk=pk, base=base)
    membership.remove_member(member, request.user)
    messages.success(
        request,
        _("%(name)s ne fait plus partie de la base (son compte est conservé).")
        % {"name": member.user.display_name},
    )
    return redirect(_members_url(base))


def leave(request, base):
    membership.leave(base, request.user)
    messages.success(request, _("Vous avez quitté la base « %(base)s ».") % {"base": base.title})
    if base.user_can_view(request.user):
        return redirect(base.url)
    return redirect("/")


ACTIONS = {
    ("inviter", False): invite,
    ("demander", False): request_to_join,
    ("retirer-demande", False): withdraw_request,
    ("quitter", False): leave,
    ("renvoyer-invitation", True): resend_invitation,
    ("annuler-invitation", True): cancel_invitation,
    ("accepter-demande", True): accept_request,
    ("refuser-demande", True): decline_request,
    ("role", True): change_role,
    ("retirer", True): remove_member,
}


# The invitation link --------------------------------------------------------------------


def invitation(request, token):
    """/compte/invitations/<token>/ : the invitee reads the invitation and answers it (POST)."""
    found = membership.invitation_for_token(token)
    problem = membership.invitation_problem(found, request.user)
    here = request.path
    if request.method == "POST" and problem is None:
        if not request.user.is_authenticated:
            return redirect_to_login(here)
        decision = request.POST.get("decision")
        try:
            if decision == "accepter":
                member = membership.accept_invitation(found, request.user)
                messages.success(
                    request,
                    _("Bienvenue dans « %(base)s » : vous en êtes %(role)s.")
                    % {"base": found.base.title, "role": member.get_role_display().lower()},
                )
                return redirect(_members_url(found.base))
            if decision == "decliner":
                membership.decline_invitation(found, request.user)
                messages.success(request, _("Vous avez décliné l'invitation."))
                return redirect("/")
            problem = _("Choisissez « Accepter » ou « Décliner ».")
        except ValidationError as error:
            problem = _error_text(error)
    elif request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if found is None:
        status = 404
    elif not found.is_open:
        status = 410  # answered, cancelled or expired
    elif problem:
        status = 403  # another account than the invited address
    else:
        status = 200
    context = {
        "invitation": found,
        "problem": problem,
        "login_url": reverse("login") + "?" + urlencode({"next": here}),
        "signup_url": SIGNUP_URL + "?" + urlencode({"next": here}),
        "breadcrumb": [{"label": _("Accueil"), "url": "/"}, {"label": _("Invitation")}],
    }
    return TemplateResponse(request, INVITATION_TEMPLATE, context, status=status)
