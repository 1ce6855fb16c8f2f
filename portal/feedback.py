"""« Donner mon avis sur la plateforme »: the form, its guards against spam, and telling the team.

No account is needed, and no third-party CAPTCHA is used (it would send visitors' data to
someone else). Three guards instead:
- a field people never see (`site_web`, hidden by CSS and from assistive technologies): bots
  fill every field; their message is dropped, and they are answered as if it was received;
- a signed time stamp: a form sent less than `MIN_SECONDS` after it was shown (no one reads and
  writes that fast) or after `MAX_AGE` is refused, with what the person typed kept;
- at most `HOURLY_LIMIT` messages per hour from one client address, in a sliding window: the
  address the trusted proxy gives (ALLAUTH_TRUSTED_CLIENT_IP_HEADER, see README), else
  REMOTE_ADDR, so that behind nginx one sender never blocks everyone else.
"""

import time

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.db.models import Q
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.notifications import notify

from .models import FeedbackKind, FeedbackRating, PlatformFeedback

MIN_SECONDS = 3
MAX_AGE = 2 * 24 * 3600
HOURLY_LIMIT = 5
WINDOW = 3600
STAMP_SALT = "portal.feedback.stamp"


def client_address(request):
    header = getattr(settings, "ALLAUTH_TRUSTED_CLIENT_IP_HEADER", None)
    if header:
        value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        if value:
            return value.split(",")[0].strip()[:64]
    return request.META.get("REMOTE_ADDR", "")[:64]


def over_limit(request, now=None):
    """True when the address has sent HOURLY_LIMIT messages in the last hour (sliding window);
    otherwise the attempt is counted."""
    now = now or time.time()
    key = "feedback:" + client_address(request)
    recent = [t for t in cache.get(key, []) if now - t < WINDOW]
    if len(recent) >= HOURLY_LIMIT:
        return True
    cache.set(key, [*recent, now], WINDOW)
    return False


def new_stamp():
    return signing.dumps(time.time(), salt=STAMP_SALT)


def safe_page(url, request):
    """The page the person came from, if it is one of ours (never an outside address)."""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return url[:500]
    return ""


class FeedbackForm(forms.ModelForm):
    kind = forms.ChoiceField(
        label=gettext_lazy("De quoi s'agit-il ?"),
        choices=FeedbackKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choisissez de quoi il s'agit.")},
    )
    message = forms.CharField(
        label=gettext_lazy("Votre message"),
        max_length=4000,
        help_text=gettext_lazy(
            "Ce qui vous manque, ce qui ne fonctionne pas, votre idée. N'y mettez pas de "
            "données personnelles."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": gettext_lazy("Écrivez votre message : c'est lui que l'équipe lira.")
        },
    )
    rating = forms.TypedChoiceField(
        label=gettext_lazy("Dans l'ensemble, la plateforme vous est-elle utile ?"),
        choices=FeedbackRating.choices,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    email = forms.EmailField(
        label=gettext_lazy("Votre adresse e-mail, si vous souhaitez une réponse"),
        required=False,
    )
    page_url = forms.CharField(required=False, widget=forms.HiddenInput)
    # The guards (see the module docstring): never shown to people.
    site_web = forms.CharField(required=False, label=gettext_lazy("Ne pas remplir ce champ"))
    jeton = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = PlatformFeedback
        fields = ["kind", "message", "rating", "email", "page_url"]

    def is_bot(self):
        return bool(self.data.get("site_web"))

    def clean_jeton(self):
        try:
            shown_at = signing.loads(self.cleaned_data.get("jeton") or "", salt=STAMP_SALT)
        except signing.BadSignature:
            shown_at = None
        age = time.time() - shown_at if isinstance(shown_at, int | float) else None
        if age is None or age > MAX_AGE:
            raise forms.ValidationError(
                _("Ce formulaire a expiré : vérifiez votre message et envoyez-le à nouveau.")
            )
        if age < MIN_SECONDS:
            raise forms.ValidationError(
                _("Votre message est parti très vite : relisez-le, puis envoyez-le à nouveau.")
            )
        return ""


def platform_team():
    """Who triages the feedback: platform admins and whoever may change it (the moderators)."""
    User = get_user_model()
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="change_platformfeedback")
            | Q(user_permissions__codename="change_platformfeedback")
        )
        .distinct()
    )


def tell_the_team(feedback):
    notify(
        platform_team(),
        kind="platform_feedback",
        subject=_("Nouvel avis sur la plateforme : %(kind)s")
        % {"kind": feedback.get_kind_display()},
        message=feedback.message[:1000],
        url=reverse("platform_feedback:edit", args=[feedback.pk]),
    )
