"""« Créer une base » (/publier/nouvelle-base/) and the moderators' list of bases to accept
(/publier/bases-a-valider/); the rules live in base.creation."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST
from wagtail.images.fields import WagtailImageField

from base import creation
from base.models import BasePage, ContributionMode, Visibility
from organisations.models import Organisation
from organisations.territories import DEPARTMENT_CHOICES, REGION_CHOICES, Scope

MAX_CO_OWNERS = 30


class BaseCreationForm(forms.Form):
    title = forms.CharField(
        label=_lazy("Nom de la base"),
        max_length=255,
        error_messages={"required": _lazy("Donnez un nom à la base.")},
    )
    organisation = forms.ModelChoiceField(
        label=_lazy("Organisation propriétaire"),
        queryset=Organisation.objects.order_by("name"),
        help_text=_lazy(
            "Si vous n'administrez pas cette organisation sur la plateforme, la base restera "
            "visible de ses seuls membres jusqu'à sa validation par un modérateur."
        ),
        error_messages={
            "required": _lazy("Choisissez l'organisation à laquelle appartient la base."),
            "invalid_choice": _lazy("Choisissez une organisation de la liste."),
        },
    )
    co_owners = forms.ModelMultipleChoiceField(
        label=_lazy("Organisations copropriétaires"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_lazy(
            "Pour une base commune à plusieurs organisations (un collectif de Hubs, par exemple)."
        ),
        error_messages={"invalid_choice": _lazy("Choisissez des organisations de la liste.")},
    )
    description = forms.CharField(
        label=_lazy("Présentation"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    dedicated_to = forms.CharField(
        label=_lazy("Dédiée à"),
        required=False,
        max_length=255,
        help_text=_lazy("Le public de la base, par exemple « Conseillers numériques »."),
    )
    scope = forms.ChoiceField(label=_lazy("Portée territoriale"), choices=Scope.choices)
    region_code = forms.ChoiceField(
        label=_lazy("Région"), choices=[("", "—"), *REGION_CHOICES], required=False
    )
    department_code = forms.ChoiceField(
        label=_lazy("Département"), choices=[("", "—"), *DEPARTMENT_CHOICES], required=False
    )
    contribution_mode = forms.ChoiceField(
        label=_lazy("Qui peut publier ?"),
        choices=ContributionMode.choices,
        widget=forms.RadioSelect,
        initial=ContributionMode.CURATED,
    )
    visibility = forms.ChoiceField(
        label=_lazy("Visibilité"),
        choices=Visibility.choices,
        widget=forms.RadioSelect,
        initial=Visibility.PUBLIC,
    )
    logo = forms.FileField(
        label=_lazy("Logo"), required=False, help_text=_lazy("JPEG, PNG, GIF ou WebP ; 10 Mo.")
    )
    cover = forms.FileField(
        label=_lazy("Image de couverture"),
        required=False,
        help_text=_lazy("JPEG, PNG, GIF ou WebP ; 10 Mo."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        administered = creation.administered_organisations(user)
        if not user.is_superuser and administered.exists() and not self.is_bound:
            self.initial.setdefault("organisation", administered.first().pk)
        elif user.organisation_id and not self.is_bound:
            self.initial.setdefault("organisation", user.organisation_id)

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if BasePage.objects.filter(title__iexact=title).exists():
            raise ValidationError(_("Une base porte déjà ce nom : choisissez-en un autre."))
        return title

    def clean_co_owners(self):
        owners = list(self.cleaned_data.get("co_owners") or [])
        if len(owners) > MAX_CO_OWNERS:
            raise ValidationError(
                _("Indiquez au plus %(max)d organisations copropriétaires.")
                % {"max": MAX_CO_OWNERS}
            )
        return owners

    def _clean_image(self, name):
        """Wagtail's own checks of an image upload (format, size, pixels), as in the admin."""
        upload = self.cleaned_data.get(name)
        if not upload:
            return None
        WagtailImageField(required=False).clean(upload)
        return upload

    def clean_logo(self):
        return self._clean_image("logo")

    def clean_cover(self):
        return self._clean_image("cover")

    def clean(self):
        cleaned_data = super().clean()
        organisation = cleaned_data.get("organisation")
        if organisation is not None and creation.needs_moderation(self.user, organisation):
            waiting = creation.pending_bases_of(self.user).count()
            if waiting >= creation.MAX_PENDING_BASES:
                raise ValidationError(
                    _(
                        "Vous avez déjà %(count)d bases en attente de validation : attendez la "
                        "décision des modérateurs avant d'en créer une autre."
                    )
                    % {"count": waiting}
                )
        probe = Organisation(
            scope=cleaned_data.get("scope") or Scope.NATIONAL,
            region_code=cleaned_data.get("region_code") or "",
            department_code=cleaned_data.get("department_code") or "",
        )
        try:
            probe.clean()  # the rules of every territory (base.models.Territory)
        except ValidationError as error:
            for field, field_messages in error.message_dict.items():
                for message in field_messages:
                    self.add_error(field if field in self.fields else None, message)
        else:
            cleaned_data["region_code"] = probe.region_code
        return cleaned_data

    def data_for_creation(self):
        data = dict(self.cleaned_data)
        text = data.get("description") or ""
        paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
        data["description"] = "".join(
            "<p>{}</p>".format(escape(part).replace("\n", "<br>")) for part in paragraphs
        )
        return data


@login_required
def create(request):
    if request.method == "POST":
        form = BaseCreationForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            base = creation.create(
                request.user,
                form.data_for_creation(),
                logo=form.cleaned_data.get("logo"),
                cover=form.cleaned_data.get("cover"),
            )
            if base.awaiting_moderation:
                messages.warning(
                    request,
                    _(
                        "Base créée. Comme vous n'administrez pas « %(organisation)s » sur la "
                        "plateforme, elle reste visible de ses seuls membres jusqu'à sa validation "
                        "par un modérateur, qui en est averti. Vous pouvez déjà y inviter des "
                        "personnes et y publier."
                    )
                    % {"organisation": base.organisation.name},
                )
            else:
                messages.success(
                    request,
                    _("Base créée : vous en êtes administrateur. Invitez ses premiers membres."),
                )
            return redirect(base.url + base.reverse_subpage("members"))
        status = 400
    else:
        form = BaseCreationForm(user=request.user)
        status = 200
    context = {
        "form": form,
        "breadcrumb": [
            {"label": _("Publier une ressource"), "url": reverse("publish_start")},
            {"label": _("Créer une base")},
        ],
    }
    return TemplateResponse(request, "base/creation/form.html", context, status=status)


@login_required
def moderation(request):
    if not creation.is_moderator(request.user):
        raise PermissionDenied(_("Cette page est réservée aux modérateurs de la plateforme."))
    bases = BasePage.objects.filter(awaiting_moderation=True).select_related(
        "organisation", "owner"
    )
    context = {
        "bases": bases.order_by("first_published_at"),
        "breadcrumb": [{"label": _("Bases à valider")}],
    }
    return TemplateResponse(request, "base/creation/moderation.html", context)


@login_required
@require_POST
def accept(request, base_id):
    base = get_object_or_404(BasePage, pk=base_id, awaiting_moderation=True)
    creation.accept(base, request.user)
    messages.success(request, _("« %(base)s » est validée.") % {"base": base.title})
    return redirect("base_moderation")
