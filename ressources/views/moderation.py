"""« Signaler » a resource to the platform's moderators (route `signaler/` of ResourcePage).

Reached through `BaseContentMixin.serve` (404 for a private base's outsiders); checked again here
so that the view stays safe whatever calls it. The queue itself is in the Wagtail admin
(ressources/views/moderation_admin.py).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from base.page_context import breadcrumb_items

from .. import moderation
from ..community_forms import ReportForm
from .contribution import _ensure_can_act

TEMPLATE = "ressources/moderation/report.html"


def report(request, page):
    _ensure_can_act(request, page)
    if not request.user.is_authenticated:
        return redirect_to_login(page.get_url(request) + page.reverse_subpage("report"))
    existing = moderation.open_report_of(request.user, page)
    status = 200
    if request.method == "POST" and existing is None:
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                moderation.create_report(
                    request.user,
                    page,
                    reason=form.cleaned_data["reason"],
                    comment=form.cleaned_data["comment"],
                    duplicate_of=form.cleaned_data["duplicate_of"],
                )
            except moderation.ReportRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(
                    request,
                    _(
                        "Merci : votre signalement a été transmis aux modérateurs de la "
                        "plateforme. Vous serez informé de leur décision."
                    ),
                )
                return redirect(page.get_url(request))
        status = 400
    else:
        form = ReportForm()
    title = _("Signaler la ressource")
    return TemplateResponse(
        request,
        TEMPLATE,
        {
            "page": page,
            "form": form,
            "existing": existing,
            "heading": title,
            "breadcrumb": breadcrumb_items(request, page, {"label": title}),
        },
        status=status,
    )
