"""Share links on the public site: open one (GET), and create, rotate or disable one (POST).

See base.sharing for what a link grants. Both views answer 404 to whoever has no business
there, so that they reveal neither a private page nor whether a token ever existed.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe
from django.views.defaults import page_not_found
from wagtail.models import Page

from base import sharing


@require_safe
@never_cache
def open_link(request, page_id, token):
    """Remember the link in the session and go to the page: the token leaves the address bar
    at once, and is never sent as a referrer."""
    link = sharing.find_link(page_id, token)
    if link is None or not link.page.live or sharing.shared_base(link.page) is None:
        response = page_not_found(request, Http404())
        # Django logs every 404 with its address, which holds a token here: not this one.
        response._has_been_logged = True
        return response
    sharing.grant(request, link)
    response = redirect(link.page.specific.get_url(request))
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


ACTIONS = {
    "create": gettext_lazy("Le lien de partage est créé : copiez-le et transmettez-le."),
    "rotate": gettext_lazy(
        "Le lien de partage est renouvelé : l'ancien lien ne fonctionne plus, "
        "transmettez le nouveau."
    ),
    "disable": gettext_lazy("Le lien de partage est désactivé : il ne donne plus accès à rien."),
}


@require_POST
def manage(request, page_id):
    page = Page.objects.filter(pk=page_id).first()
    base = sharing.shared_base(page) if page is not None else None
    if base is None or not sharing.can_manage_share_link(request.user, base):
        raise Http404
    page = page.specific
    action = request.POST.get("action")
    if action in ("create", "rotate"):
        sharing.create_or_rotate(page, request.user)
        messages.success(request, ACTIONS[action])
    elif action == "disable":
        sharing.disable(page, request.user)
        messages.success(request, ACTIONS[action])
    else:
        messages.error(request, _("Action inconnue : le lien de partage n'a pas été modifié."))
    return redirect(page.get_url(request))
