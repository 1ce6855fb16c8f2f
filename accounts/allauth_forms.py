"""allauth's sign-up forms (ACCOUNT_FORMS / SOCIALACCOUNT_FORMS) with the site's French labels
and hints; the fields the project adds are in accounts.forms.SignupForm."""

from allauth.account.forms import LoginForm as AccountLoginForm
from allauth.account.forms import SignupForm as AccountSignupForm
from allauth.socialaccount.forms import SignupForm as SocialSignupForm
from django.utils.translation import gettext_lazy as _

LABELS = {
    "email": (
        _("Adresse e-mail"),
        _("Un lien de confirmation y sera envoyé. Format attendu : nom@domaine.fr"),
    ),
    "username": (
        _("Identifiant"),
        _(
            "Facultatif : sinon, il est tiré de votre adresse e-mail. Il figure dans l'adresse "
            "de votre profil public. Lettres, chiffres et . - _ uniquement."
        ),
    ),
    "password1": (
        _("Mot de passe"),
        _("12 caractères au moins conseillés ; ni trop courant, ni proche de vos nom et adresse."),
    ),
    "password2": (_("Confirmation du mot de passe"), ""),
}


class FrenchLabelsMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (label, help_text) in LABELS.items():
            if name in self.fields:
                self.fields[name].label = label
                self.fields[name].help_text = help_text
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)


class SignupForm(FrenchLabelsMixin, AccountSignupForm):
    pass


class SocialSignupForm(FrenchLabelsMixin, SocialSignupForm):
    """After a first ProConnect log-in: the organisation its SIRET matched comes preselected."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.sociallogin.user
        if user.organisation_id and "organisation" in self.fields:
            self.initial.setdefault("organisation", user.organisation_id)


class LoginForm(AccountLoginForm):
    """What is typed with an « @ » is an address, and only an address: allauth would also try
    it as a username, so that an account whose username is someone else's address (made before
    usernames refused « @ ») would log in under that address."""

    def user_credentials(self):
        credentials = super().user_credentials()
        if "email" in credentials:
            credentials.pop("username", None)
        return credentials
