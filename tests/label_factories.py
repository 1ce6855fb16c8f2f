"""Factories of label NEC requests, shared by the label tests (requests, review, registry, figures)."""

import factory
from factory.django import DjangoModelFactory

from label.criteria import Criterion, SelfAssessment
from label.models import CriterionAssessment, LabelRequest
from ressources.models import Licence

from .factories import OrganisationFactory, UserFactory


class LabelRequestFactory(DjangoModelFactory):
    """A draft request; tests move it through `label.workflow` to reach other statuses."""

    class Meta:
        model = LabelRequest
        skip_postgeneration_save = True

    applicant = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    applicant_type = "association"
    dispositif_kind = "numerique"
    documentation_url = "https://exemple.fr/documentation"
    contact_name = "Camille Contact"
    contact_email = factory.Sequence(lambda n: f"contact{n}@exemple.fr")

    @factory.post_generation
    def licences(obj, create, extracted, **kwargs):
        """Licence Ouverte 2.0 (listed by art. D323-2-1 CRPA) unless `licences=[…]`."""
        if not create:
            return
        if extracted is None:
            extracted = [Licence.objects.get(spdx_id="etalab-2.0")]
        obj.licences.set(extracted)

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


def make_reviewer(**kwargs):
    """A member of « Instructeurs du label NEC » (created by label's data migration)."""
    from django.contrib.auth.models import Group

    from label.workflow import REVIEWERS_GROUP

    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return user


# How each status is reached from a draft, through label.workflow.
PATHS = {
    "brouillon": [],
    "deposee": ["submit"],
    "en_instruction": ["submit", "start"],
    "complements_demandes": ["submit", "start", "complements"],
    "labellisee": ["submit", "start", "grant"],
    "refusee": ["submit", "start", "refuse"],
    "expiree": ["submit", "start", "grant", "expire"],
}


def request_in(status, reviewer, at=None, quiet=True, **kwargs):
    """A request moved through `label.workflow` to `status` (no notification unless quiet=False).

    `at` dates every move (e.g. to make an old label); criteria get a « satisfait » verdict
    before a grant."""
    from label import workflow
    from label.criteria import Verdict

    request = LabelRequestFactory(**kwargs)
    for step in PATHS[status]:
        if step == "submit":
            request = workflow.submit(request, request.applicant, at=at, quiet=quiet)
        elif step == "start":
            request = workflow.start_review(request, reviewer, at=at, quiet=quiet)
        elif step == "complements":
            request = workflow.request_complements(
                request, reviewer, "Précisez la documentation.", at=at, quiet=quiet
            )
        elif step == "grant":
            request.assessments.update(verdict=Verdict.MET)
            request = workflow.grant(request, reviewer, at=at, quiet=quiet)
        elif step == "refuse":
            request = workflow.refuse(
                request, reviewer, "Critère ouvert non rempli.", at=at, quiet=quiet
            )
        elif step == "expire":
            request = workflow.expire(request, quiet=quiet)
    return request
