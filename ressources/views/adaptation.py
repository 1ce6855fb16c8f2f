"""« Adapter dans ma base » (/…/<ressource>/adapter/), reached through the resource's route, hence
after `BaseContentMixin.serve` answered 404 to whoever may not read its base.

GET shows what will be copied, the licence's constraint and the bases the person may publish
in (or the licence's refusal, or the way to a base of one's own); POST makes the draft
(ressources.adaptation) and leads to it in the site's editor. Refusals are French: 403 for the
licence or a person with no base, 400 for forged ids.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from base.page_context import breadcrumb_items
from base.visibility import ensure_can_act

from .. import adaptation
from ..adaptation_forms import AdaptForm

TEMPLATE = "ressources/adaptation/adapt.html"


def adapt(request, page):
    ensure_can_act(page, request)
    if not page.live or page.live_revision_id is None or not page.base.live:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(page.get_url(request) + page.reverse_subpage("adapt"))
    version = page.current_version
    if version is None:
        raise Http404
    refusal = adaptation.refusal(version.as_page())
    bases = adaptation.target_bases(request.user)
    form = AdaptForm(
        request.POST if request.method == "POST" else None,
        bases=bases,
        resource=page,
        initial={"version": version.pk},
    )
    status = 200
    if refusal:
        status = 403 if request.method == "POST" else 200
    elif request.method == "POST":
        status = 403 if not bases else 400
        if bases and form.is_valid():
            try:
                draft, created = adaptation.adapt(
                    form.cleaned_data["version"], form.cleaned_data["base"], request.user
                )
            except adaptation.AdaptationRefused as error:
                refusal, status = str(error), 403
            except PermissionDenied:
                form.add_error("base", _("Vous ne pouvez pas publier dans cette base."))
                status = 403
            else:
                if not created:
                    messages.info(
                        request,
                        _(
                            "Vous avez déjà commencé une adaptation de cette version dans "
                            "« %(base)s » : la voici."
                        )
                        % {"base": form.cleaned_data["base"].title},
                    )
                    return redirect("publish_edit", page_id=draft.pk)
                messages.success(
                    request,
                    _(
                        "Adaptation créée en brouillon dans « %(base)s », d'après la version "
                        "%(number)s. Modifiez-la, puis publiez-la : elle n'est visible que de vous "
                        "et des membres de la base d'ici là."
                    )
                    % {"base": form.cleaned_data["base"].title, "number": version.number},
                )
                return redirect("publish_edit", page_id=draft.pk)
    title = _("Adapter dans ma base")
    context = {
        "page": page,
        "form": form,
        "version": version,
        "licence": page.licence,
        "refusal": refusal,
        "permission_contact": adaptation.permission_contact(page) if refusal else "",
        "bases": bases,
        "heading": title,
        "breadcrumb": breadcrumb_items(request, page, {"label": title}),
    }
    return TemplateResponse(request, TEMPLATE, context, status=status)
