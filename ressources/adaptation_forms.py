"""The form of « Adapter dans ma base »: which base, and which version was read."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .models import ResourceVersion


class AdaptForm(forms.Form):
    """`bases`: where the person may publish; `resource`: the original. The ids come from the
    request: a base outside the list or a version of another resource is refused in French."""

    base = forms.TypedChoiceField(
        label=_lazy("Base où créer l'adaptation"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _lazy("Choisissez la base où créer l'adaptation."),
            "invalid_choice": _lazy(
                "Vous ne pouvez pas publier dans cette base : choisissez l'une de celles proposées."
            ),
        },
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _lazy("La version à adapter manque : rechargez la page."),
            "invalid": _lazy("La version à adapter n'est pas reconnue : rechargez la page."),
        },
    )

    def __init__(self, *args, bases, resource, **kwargs):
        super().__init__(*args, **kwargs)
        self.bases = {base.pk: base for base in bases}
        self.resource = resource
        self.fields["base"].choices = [(base.pk, base.title) for base in bases]
        if len(bases) == 1:
            self.fields["base"].initial = bases[0].pk

    def clean_base(self):
        return self.bases[self.cleaned_data["base"]]

    def clean_version(self):
        version = ResourceVersion.objects.filter(
            pk=self.cleaned_data["version"], resource_id=self.resource.pk
        ).first()
        if version is None:
            raise ValidationError(
                _("Cette version n'existe pas pour cette ressource : rechargez la page.")
            )
        return version
