"""Forms of the account pages that are the project's own: what sign-up adds to allauth's form,
the profile (« Mon compte ») with its avatar, and the deletion."""

import io
import uuid

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from organisations.models import Organisation
from organisations.territories import DEPARTMENT_CHOICES

User = get_user_model()

AVATAR_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "png"}
AVATAR_SIDE = 400  # stored avatars are re-encoded to at most this many pixels a side


def avatar_max_size():
    return getattr(settings, "AVATAR_MAX_UPLOAD_SIZE", 2 * 1024 * 1024)


def avatar_max_pixels():
    return getattr(settings, "AVATAR_MAX_IMAGE_PIXELS", 16_000_000)


class SignupForm(forms.Form):
    """What the project adds to allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS), for an
    account with a password as for one through ProConnect: the name, the organisation and the
    conditions of use, which every account accepts."""

    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
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

    def signup(self, request, user):
        """Called by allauth once the account is saved."""
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        if self.cleaned_data.get("organisation"):
            user.organisation = self.cleaned_data["organisation"]
        user.terms_accepted_at = timezone.now()
        user.save()


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


class DeleteAccountForm(forms.Form):
    """The password confirms the deletion; an account without one (created through
    ProConnect) types its username instead."""

    password = forms.CharField(
        label=_("Votre mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        if not user.has_usable_password():
            self.fields["password"] = forms.CharField(
                label=_("Votre identifiant (« %(username)s »), pour confirmer")
                % {"username": user.username},
                strip=True,
            )

    def clean_password(self):
        typed = self.cleaned_data["password"]
        if not self.user.has_usable_password():
            if typed != self.user.username:
                raise ValidationError(
                    _("Ce n'est pas votre identifiant : le compte n'est pas supprimé.")
                )
            return typed
        if not self.user.check_password(typed):
            raise ValidationError(
                _("Ce mot de passe n'est pas le bon : le compte n'est pas supprimé.")
            )
        return typed
