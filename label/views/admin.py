"""The reviewers' screens in the Wagtail admin: the list of requests and the review of one.

Only « Instructeurs du label NEC » (permission label.review_labelrequest) reach them; anyone else
with admin access gets a 403 (base admins included), and nobody reviews their own request. The
review screen takes its decisions through label.workflow, which refuses illegal moves whatever
the POST says.
"""

from django import forms
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.views.generic import HistoryView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.base import BasePermissionPolicy

from .. import workflow
from ..affiliation import is_verified
from ..criteria import CRITERION_DEFINITIONS, Status, Verdict
from ..models import CriterionAssessment, LabelRequest


class ReviewerPolicy(BasePermissionPolicy):
    """Reviewers see and review every request; nobody adds or deletes one from the admin."""

    ALLOWED = {"view", "change"}

    def user_has_permission(self, user, action):
        return action in self.ALLOWED and workflow.is_reviewer(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_permission(self, action):
        from django.contrib.auth import get_user_model

        users = get_user_model().objects.filter(is_active=True)
        if action not in self.ALLOWED:
            return users.none()
        return users.filter(
            groups__permissions__codename="review_labelrequest"
        ).distinct() | users.filter(is_superuser=True)

    def instances_user_has_permission_for(self, user, action):
        if self.user_has_permission(user, action):
            return self.model.objects.all()
        return self.model.objects.none()


def forbidden(request):
    return TemplateResponse(
        request,
        "label/admin/forbidden.html",
        {"page_title": _("Accès réservé aux instructeurs du label NEC")},
        status=403,
    )


class ReviewerOnlyMixin:
    """A 403 page, not Wagtail's redirect: the screen exists, the person may not use it."""

    def dispatch(self, request, *args, **kwargs):
        if not workflow.is_reviewer(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class LabelRequestIndexView(ReviewerOnlyMixin, IndexView):
    def get_base_queryset(self):
        """A draft is the applicant's own work until it is filed: reviewers see the others."""
        return super().get_base_queryset().exclude(status=Status.DRAFT)


class LabelRequestHistoryView(ReviewerOnlyMixin, HistoryView):
    pass


class VerdictForm(forms.ModelForm):
    class Meta:
        model = CriterionAssessment
        fields = ["verdict", "reviewer_comment"]
        widgets = {
            "verdict": forms.RadioSelect,
            "reviewer_comment": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {
            "verdict": gettext_lazy("Avis"),
            "reviewer_comment": gettext_lazy("Commentaire (le demandeur le lira)"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verdict"].choices = list(Verdict.choices)
        self.fields["verdict"].required = False
        self.fields["verdict"].error_messages["invalid_choice"] = _(
            "Choisissez « critère satisfait » ou « critère non satisfait »."
        )
        self.definition = CRITERION_DEFINITIONS[self.instance.criterion]


class DecisionForm(forms.Form):
    NONE = ""
    decision = forms.ChoiceField(
        label=gettext_lazy("Décision"),
        choices=[
            (NONE, gettext_lazy("Pas encore : enregistrer seulement les avis")),
            (Status.LABELLED, gettext_lazy("Labellisée")),
            (Status.COMPLEMENTS, gettext_lazy("Compléments demandés")),
            (Status.REFUSED, gettext_lazy("Refusée")),
        ],
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Choisissez une décision de la liste.")},
    )
    message = forms.CharField(
        label=gettext_lazy("Message au demandeur"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "Obligatoire pour un refus (ses raisons) ou une demande de compléments (ce qui est "
            "attendu) ; facultatif pour une labellisation."
        ),
    )

    def clean(self):
        data = super().clean()
        decision, message = data.get("decision"), (data.get("message") or "").strip()
        if decision == Status.REFUSED and not message:
            self.add_error("message", _("Un refus doit être motivé : indiquez ses raisons."))
        if decision == Status.COMPLEMENTS and not message:
            self.add_error("message", _("Dites au demandeur quels compléments sont attendus."))
        return data


class ReviewView(ReviewerOnlyMixin, WagtailAdminTemplateMixin, View):
    """The review screen of one request (the viewset's « edit » URL)."""

    template_name = "label/admin/review.html"
    header_icon = "tick-inverse"
    viewset = None

    def dispatch(self, request, *args, **kwargs):
        # Permission first: a non-reviewer learns nothing, not even whether the request exists.
        if not workflow.is_reviewer(request.user):
            return forbidden(request)
        self.object = get_object_or_404(
            LabelRequest.objects.exclude(status=Status.DRAFT).select_related(
                "applicant", "organisation", "resource", "reviewer", "previous"
            ),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Instruction de la demande %(reference)s") % {"reference": self.object.reference}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": self.viewset and self._index_url(), "label": _("Demandes de label NEC")},
            {"url": "", "label": self.object.reference},
        ]

    def _index_url(self):
        from django.urls import reverse

        return reverse(self.viewset.get_url_name("index"))

    def forms(self, data=None):
        assessments = self.object.ordered_assessments()
        verdicts = [VerdictForm(data, instance=a, prefix=a.criterion) for a in assessments]
        return verdicts, DecisionForm(data, prefix="decision")

    def render(self, verdicts, decision, status=200):
        context = self.get_context_data(
            label_request=self.object,
            verdict_forms=verdicts,
            decision_form=decision,
            history=self.object.history.select_related("by").order_by("at", "pk"),
            own_request=self.object.applicant_id == self.request.user.pk,
            organisation_verified=is_verified(self.object),
            can_start=self.object.status == Status.SUBMITTED,
            can_decide=self.object.status == Status.IN_REVIEW,
            index_url=self._index_url() if self.viewset else "",
            history_url=self._history_url(),
        )
        return TemplateResponse(self.request, self.template_name, context, status=status)

    def _history_url(self):
        from django.urls import reverse

        if not self.viewset:
            return ""
        return reverse(self.viewset.get_url_name("history"), args=[self.object.pk])

    def get(self, request, pk):
        if self.object.applicant_id == request.user.pk:
            messages.warning(
                request,
                _("C'est votre propre demande : un autre instructeur doit l'instruire."),
            )
        return self.render(*self.forms())

    def post(self, request, pk):
        if not workflow.can_review(request.user, self.object):
            return forbidden(request)
        action = request.POST.get("action")
        verdicts, decision = self.forms(request.POST)
        try:
            if action == "start":
                workflow.start_review(self.object, request.user)
                messages.success(request, _("La demande est en instruction : vous l'instruisez."))
                return redirect(request.path)
            if action != "decide":
                raise workflow.TransitionError(_("Action inconnue : rien n'a été modifié."))
            if self.object.status != Status.IN_REVIEW:
                raise workflow.TransitionError(
                    _(
                        "La demande est « %(status)s » : prenez-la d'abord en instruction (ou "
                        "elle a déjà été décidée)."
                    )
                    % {"status": self.object.get_status_display()}
                )
            if not (all(form.is_valid() for form in verdicts) and decision.is_valid()):
                messages.error(
                    request, _("Rien n'est enregistré : corrigez les erreurs signalées.")
                )
                return self.render(verdicts, decision, status=400)
            choice = decision.cleaned_data["decision"]
            message = decision.cleaned_data["message"].strip()
            missing = [form for form in verdicts if not form.cleaned_data.get("verdict")]
            if choice in (Status.LABELLED, Status.REFUSED) and missing:
                for form in missing:
                    form.add_error(
                        "verdict", _("Donnez votre avis sur ce critère avant de décider.")
                    )
                messages.error(request, _("Chaque critère doit avoir un avis avant la décision."))
                return self.render(verdicts, decision, status=400)
            with transaction.atomic():
                for form in verdicts:
                    form.save()
                if choice == Status.LABELLED:
                    workflow.grant(self.object, request.user, message)
                elif choice == Status.REFUSED:
                    workflow.refuse(self.object, request.user, message)
                elif choice == Status.COMPLEMENTS:
                    workflow.request_complements(self.object, request.user, message)
        except workflow.TransitionError as error:
            messages.error(request, str(error))
            self.object.refresh_from_db()
            return self.render(*self.forms(), status=409)
        done = {
            Status.LABELLED: _("Le dispositif est labellisé ; le demandeur est prévenu."),
            Status.REFUSED: _("La demande est refusée ; le demandeur est prévenu."),
            Status.COMPLEMENTS: _("Les compléments sont demandés ; le demandeur est prévenu."),
        }
        messages.success(request, done.get(choice, _("Avis enregistrés.")))
        return redirect(request.path)
