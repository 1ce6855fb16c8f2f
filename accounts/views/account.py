"""Account pages of the public site: sign-up and confirmation, log in, password reset and
change, « Mon compte » (profile edit), account deletion, and public profiles."""

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView, TemplateView

from accounts import lifecycle as accounts
from accounts import ratelimit
from accounts.forms import (
    DeleteAccountForm,
    EmailChangeForm,
    LoginForm,
    PasswordResetForm,
    ProfileForm,
    ResendVerificationForm,
    SignupForm,
)

User = get_user_model()


class RateLimitMixin:
    """Counts attempts of `rate_limit_action` per IP and per the `rate_limit_field` typed in
    the form; past the limit the form comes back (HTTP 429) with what was typed and a
    « Trop de tentatives » error. Every accepted submission counts (each one sends an e-mail);
    `count_failures = True` counts failed ones instead; None leaves counting to someone else."""

    rate_limit_action = None
    rate_limit_field = None
    count_failures = False

    def rate_limit_identifier(self):
        return self.request.POST.get(self.rate_limit_field, "")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.request.method == "POST":
            wait = ratelimit.retry_after(
                self.rate_limit_action, self.request, self.rate_limit_identifier()
            )
            if wait:
                form.rate_limit_message = ratelimit.message(wait)
        return form

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.is_rate_limited:
            response.status_code = 429
        elif self.count_failures:
            ratelimit.hit(self.rate_limit_action, self.request, self.rate_limit_identifier())
        return response

    def form_valid(self, form):
        if self.count_failures:
            ratelimit.clear(self.rate_limit_action, self.request, self.rate_limit_identifier())
        elif self.count_failures is not None:
            ratelimit.hit(self.rate_limit_action, self.request, self.rate_limit_identifier())
        return super().form_valid(form)


class LoginView(RateLimitMixin, auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    rate_limit_action = "login"
    rate_limit_field = "username"
    count_failures = (
        None  # counted by the authentication backend (ratelimit.RateLimitedModelBackend)
    )

    def rate_limit_identifier(self):
        return ratelimit.login_identifier(super().rate_limit_identifier())


class SignupView(RateLimitMixin, FormView):
    template_name = "accounts/signup.html"
    form_class = SignupForm
    rate_limit_action = "signup"
    rate_limit_field = "email"
    success_url = reverse_lazy("signup_sent")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            messages.info(request, _("Vous avez déjà un compte : vous êtes connecté."))
            return redirect("account")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        existing = accounts.find_by_email(form.cleaned_data["email"])
        if existing is not None:
            accounts.send_existing_account_notice(existing)
        else:
            user = form.save(commit=False)
            user.is_active = False
            user.terms_accepted_at = timezone.now()
            try:
                with transaction.atomic():
                    user.save()
            except IntegrityError:
                # Two sign-ups at once: the other one took the address or the username.
                existing = accounts.find_by_email(form.cleaned_data["email"])
                if existing is None:
                    form.add_error(
                        "username", _("Cet identifiant est déjà pris : choisissez-en un autre.")
                    )
                    return self.form_invalid(form)
                accounts.send_existing_account_notice(existing)
            else:
                accounts.send_verification(user)
        self.request.session["signup_email"] = form.cleaned_data["email"]
        return super().form_valid(form)


class SignupSentView(TemplateView):
    template_name = "accounts/signup_sent.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["email"] = self.request.session.get("signup_email", "")
        context["days"] = accounts.verification_max_age() // 86400
        return context


@require_http_methods(["GET", "POST"])
def signup_confirm(request, token):
    """GET only reads the link; the account is activated by the POST of its button, so that
    mail scanners that open links cannot confirm an address on the person's behalf."""
    try:
        if request.method == "POST":
            user = accounts.confirm_email(token)
            messages.success(
                request,
                _("Votre adresse est confirmée : connectez-vous avec l'identifiant « %(u)s ».")
                % {"u": user.username},
            )
            return redirect(reverse("login"))
        check = accounts.peek_confirmation(token)
    except accounts.InvalidLink as error:
        return render(
            request,
            "accounts/signup_invalid.html",
            {"expired": error.expired},
            status=400,
        )
    return render(request, "accounts/signup_confirm.html", {"account": check})


class ResendVerificationView(RateLimitMixin, FormView):
    template_name = "accounts/signup_resend.html"
    form_class = ResendVerificationForm
    rate_limit_action = "resend_verification"
    rate_limit_field = "email"
    success_url = reverse_lazy("signup_sent")

    def form_valid(self, form):
        user = accounts.find_by_email(form.cleaned_data["email"])
        if user is not None and user.is_awaiting_verification:
            accounts.send_verification(user)
        self.request.session["signup_email"] = form.cleaned_data["email"]
        return super().form_valid(form)


class PasswordResetView(RateLimitMixin, auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/emails/password_reset.txt"
    subject_template_name = "accounts/emails/password_reset_subject.txt"
    form_class = PasswordResetForm
    success_url = reverse_lazy("password_reset_done")
    rate_limit_action = "password_reset"
    rate_limit_field = "email"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("account")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Votre mot de passe est modifié."))
        return response


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
    return render(request, "accounts/account.html", {"form": form, "account": user})


class EmailChangeView(RateLimitMixin, FormView):
    """Change the account's address: a link to the new one, which only changes on its POST."""

    template_name = "accounts/email_change.html"
    form_class = EmailChangeForm
    rate_limit_action = "email_change"
    success_url = reverse_lazy("account")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def rate_limit_identifier(self):
        return str(self.request.user.pk)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        new_email = form.cleaned_data["new_email"]
        accounts.request_email_change(self.request.user, new_email)
        messages.success(
            self.request,
            _(
                "Un lien de confirmation vient d'être envoyé à %(email)s : votre adresse changera "
                "quand vous l'ouvrirez."
            )
            % {"email": new_email},
        )
        return super().form_valid(form)


@require_http_methods(["GET", "POST"])
def email_change_confirm(request, token):
    retry = {"retry_url": reverse("account_email"), "retry_label": _("Changer d'adresse")}
    try:
        if request.method == "POST":
            user = accounts.confirm_email_change(token)
            messages.success(
                request, _("Votre adresse est maintenant %(email)s.") % {"email": user.email}
            )
            return redirect("account" if request.user.is_authenticated else "login")
        user, new_email = accounts.peek_email_change(token)
    except accounts.InvalidLink as error:
        return render(
            request,
            "accounts/signup_invalid.html",
            {"expired": error.expired, **retry},
            status=400,
        )
    return render(
        request,
        "accounts/email_change_confirm.html",
        {"account": user, "new_email": new_email},
    )


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
