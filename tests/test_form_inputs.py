"""Every form field of the site renders the input its type needs (issue 13, item 3).

Our templates write DSFR markup by hand instead of `{{ field }}`, so nothing stops them from
printing `<input type="text">` for a file or an e-mail address (that is how the label's evidence
upload broke: the template compared `widget_type` with names Django no longer uses). This test
opens every page of the site that shows a form, as the person who uses it, and checks each
field's rendered element against the field's type. A second test collects every Form class of
the project's apps, so a new form must be walked here (or its exemption explained).
"""

import importlib
import pkgutil

from django import forms
from django.forms.formsets import BaseFormSet
from django.test import TestCase

from base.models import ContributionMode, Role
from label.criteria import Status
from ressources import contribution, editing, moderation
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourceCollectionPageFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.helpers import soup
from tests.label_factories import LabelRequestFactory, make_reviewer, request_in
from tests.test_moderation import moderator_account

PROJECT_APPS = (
    "organisations",
    "accounts",
    "base",
    "ressources",
    "search",
    "veille",
    "label",
    "portal",
    "legal",
)

# Form classes no page of the walk shows, and why.
NOT_WALKED = {
    # Abstract parents: only their subclasses are instantiated.
    "RateLimitedForm": "mixin of the account forms",
    "ListingForm": "parent of the listing filter forms",
    "ResourceContentForm": "parent of EditForm and ProposalForm",
    # Only bound to a POST: « Membres » writes their <select name="role"> and reason <textarea>
    # by hand for each member and each request (tests/test_membership.py posts them).
    "RoleForm": "members page, POST only",
    "DeclineForm": "members page, POST only",
    # Wagtail's admin renders these with its own widgets (date picker, rich text, choosers):
    # their markup is Wagtail's, not ours.
    "BasePageForm": "Wagtail admin page form",
    "ResourcePageForm": "Wagtail admin page form",
    "BaseContentPageForm": "Wagtail admin page form (parent of the two above)",
    # Shown only after a first log-in through ProConnect, whose session a walk cannot forge
    # (tests/test_proconnect.py and test_proconnect_browser.py go through it).
    "SocialSignupForm": "ProConnect's sign-up, after the provider's redirect",
    # The avis page writes one answer <textarea name="answer"> by hand under each avis
    # (tests/test_reviews.py posts it).
    "ReviewAnswerForm": "avis page, one hand-written textarea per avis",
}


def expected_element(field):
    """The element (tag, or input type) a field needs, from its form field class."""
    widget = field.widget
    if widget.is_hidden:
        return "hidden"
    if isinstance(field, forms.FileField):  # ImageField too
        return "file"
    if isinstance(field, forms.BooleanField):
        return "checkbox"
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return "checkbox" if isinstance(widget, forms.CheckboxSelectMultiple) else "select"
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return "radio" if isinstance(widget, forms.RadioSelect) else "select"
    if isinstance(field, forms.EmailField):
        return "email"
    if isinstance(field, forms.URLField):
        return "url"
    if isinstance(field, forms.DateTimeField):
        return "datetime-local"
    if isinstance(field, forms.DateField):
        return "date"
    if isinstance(field, forms.TimeField):
        return "time"
    if isinstance(field, forms.IntegerField | forms.FloatField | forms.DecimalField):
        return "number"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.PasswordInput):
        return "password"
    return "text"


def rendered_element(element):
    if element.name in ("textarea", "select"):
        return element.name
    return (element.get("type") or "text").lower()


def forms_in(value, seen=None):
    """Every form instance reachable from a template context value (lists, dicts, formsets)."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, forms.BaseForm):
        yield value
    elif isinstance(value, BaseFormSet):
        yield from value.forms
    elif isinstance(value, dict):
        for item in value.values():
            yield from forms_in(item, seen)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from forms_in(item, seen)


def project_form_classes():
    """Every Form class defined in the project's apps (migrations and commands aside)."""
    classes = set()
    for app in PROJECT_APPS:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{app}."):
            if ".migrations" in info.name or ".management" in info.name:
                continue
            module = importlib.import_module(info.name)
            for value in vars(module).values():
                if (
                    isinstance(value, type)
                    and issubclass(value, forms.BaseForm)
                    and value.__module__ == module.__name__
                ):
                    classes.add(value)
    return classes


class EveryFormRendersTheRightInputs(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = UserFactory(username="membre.formulaires")
        cls.outsider = UserFactory(username="visiteur.formulaires")
        cls.base = BasePageFactory(title="Base des formulaires")
        BaseMembershipFactory(base=cls.base, user=cls.member, role=Role.ADMIN)
        cls.resource = ResourcePageFactory(parent=cls.base, title="Fiche des formulaires")
        cls.suggestions = BasePageFactory(
            title="Base à suggestions", contribution_mode=ContributionMode.SUGGESTIONS
        )
        BaseMembershipFactory(base=cls.suggestions, user=cls.member, role=Role.ADMIN)
        cls.suggested = ResourcePageFactory(parent=cls.suggestions, title="Fiche à améliorer")
        ResourceCollectionPageFactory(parent=cls.base, title="Collection des formulaires")
        revision = cls.suggested.get_latest_revision()
        cls.proposal = contribution.propose(
            cls.suggested,
            cls.outsider,
            editing.edit_data(cls.suggested),
            "Un titre plus clair",
            revision.pk,
        )
        cls.moderator = moderator_account()
        cls.report = moderation.create_report(
            UserFactory(), cls.resource, reason="obsolete", comment="Plus à jour."
        )
        cls.reviewer = make_reviewer()
        cls.draft = LabelRequestFactory(applicant=cls.member)
        cls.in_review = request_in(Status.IN_REVIEW, cls.reviewer)

    def check(self, user, url, expect_forms=True):
        """Open `url` as `user` and compare every rendered field with its form field."""
        if user is not None:  # the anonymous pages come first, in the session of `pages()`
            self.client.force_login(user)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        page = soup(response)
        checked = 0
        walked = set()
        found = []
        for context in response.context:
            for value in context.flatten().values():
                found.extend(forms_in(value))
        for form in found:
            for bound in form:
                elements = page.find_all(
                    ["input", "select", "textarea"], attrs={"name": bound.html_name}
                )
                if not elements:
                    continue  # not shown on this page (another state of the page shows it)
                want = expected_element(bound.field)
                got = {rendered_element(element) for element in elements}
                with self.subTest(url=url, form=type(form).__name__, field=bound.name):
                    self.assertEqual(got, {want})
                checked += 1
                walked.add(type(form).__name__)
        if expect_forms:
            self.assertGreater(checked, 0, f"no form field found on {url}")
        return walked

    def pages(self):
        """(person, address) of every page that shows a form, in the state that shows it."""
        self.client.logout()
        from allauth.account.forms import default_token_generator
        from allauth.account.utils import user_pk_to_url_str

        uid = user_pk_to_url_str(self.member)
        token = default_token_generator.make_token(self.member)
        # The reset link (allauth's) redirects once to a key-less address, which shows the form.
        reset = self.client.get(f"/compte/reinitialiser/{uid}-{token}/").url
        anonymous = [
            "/compte/connexion/",
            "/compte/inscription/",
            "/compte/mot-de-passe-oublie/",
            reset,
            "/rechercher/?q=fiche",
            "/bases/",
            "/label-nec/dispositifs-labellises/",
            "/donner-mon-avis/",
        ]
        yield from ((None, url) for url in anonymous)
        for url in (
            "/compte/profil/",
            "/compte/mot-de-passe/",
            "/compte/adresse-e-mail/",
            "/compte/collections/nouvelle/",
            self.base.url,
            self.base.url + "membres/",
            self.resource.url + "modifier/",
            self.resource.url + "enregistrer/",
            self.resource.url + "adapter/",
            self.proposal.url,
            *(f"/label-nec/demandes/{self.draft.pk}/etape-{n}/" for n in (1, 2, 3, 4)),
            "/publier/nouvelle-base/",
            f"/publier/{self.base.pk}/",
        ):
            yield self.member, url
        yield self.outsider, "/compte/supprimer/"  # the member is a base's only admin
        yield self.outsider, self.base.url + "membres/"  # the join request form
        yield self.outsider, self.suggested.url + "proposer/"
        yield self.outsider, self.resource.url + "signaler/"
        yield (
            self.outsider,
            self.resource.url,
        )  # the avis box: « Cette ressource vous a-t-elle été utile ? »
        # Admin views whose fields our templates render.
        yield self.reviewer, f"/admin/label-nec/edit/{self.in_review.pk}/"
        yield self.moderator, f"/admin/report/edit/{self.report.pk}/"

    def test_every_field_of_every_form(self):
        walked = set()
        for user, url in list(self.pages()):
            walked |= self.check(user, url)
        names = {cls.__name__ for cls in project_form_classes()}
        self.assertEqual(names - walked - set(NOT_WALKED), set(), "forms no page of the walk shows")

    def test_evidence_upload_is_a_file_input(self):
        """The field that broke: step 3 offers one file input per criterion."""
        self.client.force_login(self.member)
        page = soup(self.client.get(f"/label-nec/demandes/{self.draft.pk}/etape-3/"))
        uploads = page.select('input[name$="-new_file"]')
        self.assertEqual(len(uploads), 6)
        self.assertEqual({u["type"] for u in uploads}, {"file"})
        self.assertEqual(uploads[0].find_parent("form").get("enctype"), "multipart/form-data")
