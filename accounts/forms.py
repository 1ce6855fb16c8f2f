"""Forms of the account pages: sign-up, log in, profile, avatar, deletion, password reset."""

import io
import uuid

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template import loader
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from accounts import lifecycle as accounts
from organisations.models import Organisation
from organisations.territories import DEPARTMENT_CHOICES

User = get_user_model()

AVATAR_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "png"}
AVATAR_SIDE = 400  # stored avatars are re-encoded to at most this many pixels a side


def avatar_max_size():
    return getattr(settings, "AVATAR_MAX_UPLOAD_SIZE", 2 * 1024 * 1024)


def avatar_max_pixels():
    return getattr(settings, "AVATAR_MAX_IMAGE_PIXELS", 16_000_000)


class RateLimitedForm:
    """The view sets `rate_limit_message` when the limit is reached: the form is then refused
    before anything is checked against the database (no password is tried), and keeps what
    the person typed."""

    rate_limit_message = None

    def clean(self):
        if self.rate_limit_message:
            raise ValidationError(self.rate_limit_message, code="rate_limited")
        return super().clean()

    @property
    def is_rate_limited(self):
        return bool(self.rate_limit_message)


class SignupForm(RateLimitedForm, auth_forms.UserCreationForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label=_("— Aucune ou pas dans la liste —"),
        help_text=_(
            "Facultatif. Celle pour laquelle vous travaillez, si elle est sur la plateforme."
        ),
    )
    accept_terms = forms.BooleanField(
        label=_("J'accepte les conditions d'utilisation de Bases communes"),
        error_messages={
            "required": _("Acceptez les conditions d'utilisation pour créer votre compte.")
        },
    )

    class Meta(auth_forms.UserCreationForm.Meta):
        model = User
        fields = ("first_name", "last_name", "email", "username", "organisation")
        labels = {
            "first_name": _("Prénom"),
            "last_name": _("Nom"),
            "email": _("Adresse e-mail"),
            "username": _("Identifiant"),
        }
        help_texts = {
            "email": _("Un lien de confirmation y sera envoyé. Format attendu : nom@domaine.fr"),
            "username": _(
                "Facultatif : sinon, il est tiré de votre adresse e-mail. Il figure dans "
                "l'adresse de votre profil public. Lettres, chiffres et . - _ uniquement."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "email"):
            self.fields[name].required = True
        self.fields["username"].required = False

    def clean_username(self):
        username = (self.cleaned_data.get("username") or "").strip()
        if not username:
            return ""
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError(_("Cet identifiant est déjà pris : choisissez-en un autre."))
        return username

    def clean_email(self):
        return User.objects.normalize_email(self.cleaned_data["email"]).strip()

    def _get_validation_exclusions(self):
        # Uniqueness of the address is never reported: it would tell anyone who has an account.
        exclusions = super()._get_validation_exclusions()
        exclusions.add("email")
        return exclusions

    def _post_clean(self):
        if not self.cleaned_data.get("username") and self.cleaned_data.get("email"):
            self.cleaned_data["username"] = accounts.username_from_email(self.cleaned_data["email"])
        super()._post_clean()


class LoginForm(RateLimitedForm, auth_forms.AuthenticationForm):
    """Log in with the username or the e-mail address; says when the address awaits
    confirmation (only to whoever typed the right password)."""

    def clean(self):
        if self.rate_limit_message:
            raise ValidationError(self.rate_limit_message, code="rate_limited")
        identifier = (self.cleaned_data.get("username") or "").strip()
        if "@" in identifier and not User.objects.filter(username=identifier).exists():
            owner = accounts.find_by_email(identifier)
            if owner is not None:
                self.cleaned_data["username"] = owner.username
        try:
            return auth_forms.AuthenticationForm.clean(self)
        except ValidationError:
            candidate = User.objects.filter(username=self.cleaned_data.get("username")).first()
            password = self.cleaned_data.get("password") or ""
            if (
                candidate is not None
                and candidate.is_awaiting_verification
                and candidate.check_password(password)
            ):
                raise ValidationError(
                    _(
                        "Votre adresse e-mail n'est pas encore confirmée : ouvrez le lien que "
                        "nous vous avons envoyé, ou demandez-en un nouveau."
                    ),
                    code="unverified",
                ) from None
            raise


class ResendVerificationForm(RateLimitedForm, forms.Form):
    email = forms.EmailField(
        label=_("Adresse e-mail"), help_text=_("Celle que vous avez donnée à l'inscription.")
    )


class PasswordResetForm(RateLimitedForm, auth_forms.PasswordResetForm):
    """Django's reset form, its e-mail sent through the account e-mail task."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        accounts.send_account_email.enqueue(to_email, subject, body)


class ProfileForm(forms.ModelForm):
    """Only the fields a person may change about themselves; everything else in a POST
    (is_superuser, groups, email, username…) is not a field here and is ignored."""

    department_code = forms.ChoiceField(
        label=_("Département"),
        choices=[("", _("— Non renseigné —"))] + list(DEPARTMENT_CHOICES),
        required=False,
    )

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "organisation",
            "job_title",
            "department_code",
            "bio",
            "avatar",
            "show_email",
        ]
        labels = {
            "first_name": _("Prénom"),
            "last_name": _("Nom"),
            "job_title": _("Fonction"),
            "bio": _("Présentation"),
        }
        help_texts = {
            "job_title": _("Par exemple « Conseillère numérique » ou « Chargé de mission »."),
            "bio": _("Quelques lignes sur votre activité (600 caractères au plus)."),
            "avatar": _("JPEG, PNG, WebP ou GIF, 2 Mo au plus."),
        }
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["organisation"].empty_label = _("— Aucune —")
        self.previous_avatar = self.instance.avatar.name if self.instance.avatar else ""

    def clean_avatar(self):
        upload = self.cleaned_data.get("avatar")
        if not upload or upload is False or not hasattr(upload, "content_type"):
            return upload  # unchanged, or cleared
        if upload.size > avatar_max_size():
            raise ValidationError(
                _("Cette image pèse %(size)s Mo : la limite est de %(limit)s Mo.")
                % {
                    "size": f"{upload.size / 1024 / 1024:.1f}".replace(".", ","),
                    "limit": f"{avatar_max_size() / 1024 / 1024:g}".replace(".", ","),
                }
            )
        image = getattr(upload, "image", None)  # set by forms.ImageField after Pillow's check
        if image is None or image.format not in AVATAR_FORMATS:
            raise ValidationError(
                _("Format d'image non accepté : envoyez une image JPEG, PNG, WebP ou GIF.")
            )
        width, height = image.size
        if width * height > avatar_max_pixels():
            raise ValidationError(
                _(
                    "Cette image fait %(width)d × %(height)d pixels : c'est trop grand "
                    "(%(limit)d millions de pixels au plus)."
                )
                % {"width": width, "height": height, "limit": avatar_max_pixels() // 1_000_000}
            )
        return self._reencoded(upload, image.format)

    @staticmethod
    def _reencoded(upload, source_format):
        """A small copy without metadata (EXIF can hold a place and a date) and a random name."""
        upload.seek(0)
        try:
            with Image.open(upload) as image:
                image = ImageOps.exif_transpose(image)
                image.thumbnail((AVATAR_SIDE, AVATAR_SIDE))
                extension = AVATAR_FORMATS[source_format]
                if extension == "jpg" and image.mode not in ("RGB", "L"):
                    image = image.convert("RGB")
                if extension == "png" and image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                    image = image.convert("RGBA")
                buffer = io.BytesIO()
                image.save(buffer, format="JPEG" if extension == "jpg" else extension.upper())
        except (OSError, ValueError, Image.DecompressionBombError) as error:
            raise ValidationError(
                _("Cette image est illisible ou abîmée : envoyez-en une autre.")
            ) from error
        return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")

    def save(self, commit=True):
        user = super().save(commit=commit)
        current = user.avatar.name if user.avatar else ""
        if commit and self.previous_avatar and self.previous_avatar != current:
            user.avatar.storage.delete(self.previous_avatar)
        return user


class EmailChangeForm(RateLimitedForm, forms.Form):
    new_email = forms.EmailField(
        label=_("Nouvelle adresse e-mail"),
        help_text=_("Un lien de confirmation y sera envoyé. Format attendu : nom@domaine.fr"),
    )
    password = forms.CharField(
        label=_("Votre mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_new_email(self):
        email = User.objects.normalize_email(self.cleaned_data["new_email"]).strip()
        if email.lower() == self.user.email.lower():
            raise ValidationError(_("C'est déjà l'adresse de votre compte."))
        return email

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("Ce mot de passe n'est pas le bon."))
        return password


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Votre mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(
                _("Ce mot de passe n'est pas le bon : le compte n'est pas supprimé.")
            )
        return password
