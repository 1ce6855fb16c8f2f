"""The account pages that are the project's own: « Mon compte » (the profile) and the deletion.
Sign-up, log-in, passwords and the address are django-allauth's (accounts/urls.py)."""

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import lifecycle as accounts
from accounts.forms import DeleteAccountForm, ProfileForm

User = get_user_model()


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    """« Mon compte »: the profile form, and links to the password and deletion pages."""
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=user)
        if form.is_valid():
            form.save()
            messages.success(request, _("Votre profil est enregistré."))
            return redirect("account")
    else:
        form = ProfileForm(instance=user)
    return render(
        request,
        "accounts/account.html",
        {"form": form, "account": user, "proconnect": proconnect_identity(user)},
    )


def proconnect_identity(user):
    """What ProConnect says of the person (SIRET and its organisation here), for « Mon compte »;
    None when the account is not linked to ProConnect."""
    from allauth.socialaccount.models import SocialAccount

    from accounts.adapter import organisation_for_siret, siret_from

    account = SocialAccount.objects.filter(user=user, provider="proconnect").first()
    if account is None:
        return None
    siret = siret_from(account.extra_data)
    return {"siret": siret, "organisation": organisation_for_siret(siret)}


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    user = request.user
    review = accounts.deletion_review_context(user)
    blocking, kept = review["blocking_bases"], review["kept_credits"]
    form = DeleteAccountForm(user, request.POST or None)
    if request.method == "POST" and not blocking and form.is_valid():
        accounts.delete_account(user)
        logout(request)
        messages.success(
            request,
            _(
                "Votre compte est supprimé. Vos contributions publiées restent, au nom de "
                "« Contributeur supprimé »."
            ),
        )
        return redirect("/")
    status = 409 if request.method == "POST" and blocking else 200
    return render(
        request,
        "accounts/delete.html",
        {"form": form, "blocking_bases": blocking, "kept_credits": kept},
        status=status,
    )
