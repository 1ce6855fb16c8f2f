"""Public forms of personal collections and reports (« Enregistrer », « Signaler »)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from base.models import Visibility

from .models import PersonalCollection, Report, ReportReason, Usefulness


class PersonalCollectionForm(forms.ModelForm):
    visibility = forms.ChoiceField(
        label=_("Visibilité"),
        choices=[
            (Visibility.PRIVATE, _("Privée : vous seul la voyez")),
            (Visibility.PUBLIC, _("Publique : tout le monde peut la consulter")),
        ],
        widget=forms.RadioSelect,
        initial=Visibility.PRIVATE,
    )

    class Meta:
        model = PersonalCollection
        fields = ["title", "description", "visibility"]
        labels = {"title": _("Titre"), "description": _("Description")}
        error_messages = {"title": {"required": _("Donnez un titre à la collection.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].required = False
        if self.instance.is_favorites:
            # « Mes favoris » keeps its name: it is the one collection everyone has.
            del self.fields["title"]


class SaveResourceForm(forms.Form):
    """The person's collections as checkboxes, plus « Nouvelle collection »."""

    collections = forms.MultipleChoiceField(
        label=_("Vos collections"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Cette collection n'est pas l'une des vôtres.")},
    )
    new_title = forms.CharField(
        label=_("Nouvelle collection"),
        max_length=100,
        required=False,
        help_text=_("Indiquez un titre pour créer une collection qui contiendra la ressource."),
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collections"].choices = [(key, title) for key, title, _checked in choices]
        if not self.is_bound:
            self.initial["collections"] = [key for key, _title, checked in choices if checked]

    def clean_new_title(self):
        return " ".join(self.cleaned_data["new_title"].split())


class ReportForm(forms.ModelForm):
    reason = forms.ChoiceField(
        label=_("Motif du signalement"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez le motif du signalement.")},
    )

    duplicate_of = forms.URLField(
        label=_("Adresse de la ressource d'origine (pour un doublon, facultatif)"),
        help_text=_("Par exemple https://…/bases/ma-base/ma-ressource/"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": _("Indiquez une adresse web complète (https://…).")},
    )

    class Meta:
        model = Report
        fields = ["reason", "duplicate_of", "comment"]
        labels = {"comment": _("Commentaire")}
        help_texts = {
            "comment": _("Dites aux modérateurs ce qui pose problème (2 000 caractères au plus)."),
        }
        error_messages = {
            "comment": {
                "required": _("Expliquez en quelques mots ce qui pose problème."),
                "max_length": _("Le commentaire ne doit pas dépasser 2 000 caractères."),
            },
        }
        widgets = {"comment": forms.Textarea(attrs={"rows": 5})}

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(_("Expliquez en quelques mots ce qui pose problème."))
        return comment


class ResolveForm(forms.Form):
    """A moderator's decision on a report (Wagtail admin)."""

    resolution = forms.ChoiceField(
        label=_("Décision"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez une décision.")},
    )
    note = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Envoyé aux administrateurs de la base (et, pour un classement sans suite, à la "
            "personne qui a signalé). Obligatoire pour contacter la base ou classer sans suite."
        ),
    )

    def __init__(self, *args, review=None, **kwargs):
        from .moderation import Resolution

        super().__init__(*args, **kwargs)
        self.fields["resolution"].choices = (
            Resolution.review_choices if review is not None else Resolution.choices
        )

    def clean(self):
        from .moderation import Resolution

        cleaned = super().clean()
        note = (cleaned.get("note") or "").strip()
        cleaned["note"] = note
        resolution = cleaned.get("resolution")
        if resolution == Resolution.CONTACT and not note:
            self.add_error(
                "note", _("Écrivez le message à envoyer aux administrateurs de la base.")
            )
        if resolution == Resolution.DISMISS and not note:
            self.add_error("note", _("Indiquez le motif du classement sans suite."))
        return cleaned


class ReviewForm(forms.Form):
    """« Cette ressource vous a-t-elle été utile ? »"""

    usefulness = forms.TypedChoiceField(
        label=_("Cette ressource vous a-t-elle été utile ?"),
        choices=Usefulness.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Dites si la ressource vous a été utile.")},
    )
    comment = forms.CharField(
        label=_("Commentaire (facultatif)"),
        help_text=_("Ce qui vous a servi, ce qui manque, comment vous l'avez utilisée."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Le commentaire ne doit pas dépasser 2 000 caractères.")},
    )


class ReviewAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Votre réponse"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("La réponse ne doit pas dépasser 2 000 caractères.")},
    )
