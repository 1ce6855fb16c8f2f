"""Factories of label NEC requests, shared by the label tests (requests, review, registry, figures)."""

import factory
from factory.django import DjangoModelFactory

from label.criteria import Criterion, SelfAssessment
from label.models import CriterionAssessment, LabelRequest

from .factories import OrganisationFactory, UserFactory


class LabelRequestFactory(DjangoModelFactory):
    """A draft request; tests move it through `label.workflow` to reach other statuses."""

    class Meta:
        model = LabelRequest

    applicant = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    applicant_type = "association"
    dispositif_kind = "numerique"
    documentation_url = "https://exemple.fr/documentation"
    contact_name = "Camille Contact"
    contact_email = factory.Sequence(lambda n: f"contact{n}@exemple.fr")

    @factory.post_generation
    def with_assessments(obj, create, extracted, **kwargs):
        """Every criterion self-assessed and justified, unless `with_assessments=False`."""
        if not create or extracted is False:
            return
        for criterion in Criterion:
            CriterionAssessment.objects.create(
                request=obj,
                criterion=criterion,
                self_assessment=SelfAssessment.MEETS,
                justification=f"Justification du critère {criterion.label}.",
                evidence_links="https://exemple.fr/preuve",
            )
