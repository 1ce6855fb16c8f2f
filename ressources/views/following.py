"""« Être informé des mises à jour »: follow or unfollow a resource (POST only).

Reached through `ResourcePage.follow_route`, hence through `BaseContentMixin.serve`, which has
already answered 404 to whoever may not read the resource's base; the view checks again so
that it stays safe whatever calls it.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseBadRequest, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from base.models import Follow


def _can_view(user, page):
    base = page.base
    return page.live and base.live and base.user_can_view(user)


def follow(request, page):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page_url = page.get_url(request)
    if not request.user.is_authenticated:
        return redirect_to_login(page_url)
    if not _can_view(request.user, page):
        raise Http404
    action = request.POST.get("action")
    if action == "follow":
        # get_or_create survives a double submission (unique constraint, then get).
        Follow.objects.get_or_create(user=request.user, page_id=page.pk)
        messages.success(request, _("Vous serez informé des mises à jour de cette ressource."))
    elif action == "unfollow":
        Follow.objects.filter(user=request.user, page_id=page.pk).delete()
        messages.success(request, _("Vous ne suivez plus cette ressource."))
    else:
        return HttpResponseBadRequest(
            _("Action inconnue : choisissez de suivre ou de ne plus suivre cette ressource."),
            content_type="text/plain; charset=utf-8",
        )
    return redirect(page_url)
