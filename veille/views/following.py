"""Veille pages: follow a base, a collection or an organisation (POST only), « Mon fil » with
the person's follows and digest preference, and unsubscribing from the digest by e-mail link.

The follow views are reached through page routes (`BasePage`, `ResourceCollectionPage`), hence
through the pages' `serve`, which has already answered 404 to whoever may not read them; they
check again so that they stay safe whatever calls them.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseBadRequest, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from taggit.models import Tag

from accounts.models import User
from base.listing import paginate, visible_bases
from base.models import BasePage
from ressources.listing import visible_collections, visible_resources
from ressources.models import ResourceCollectionPage, ResourceTag, Term, Vocabulary
from veille import digest
from veille import follows as veille
from veille.models import Follow

FEED_PER_PAGE = 20

MESSAGES = {
    ("base", True): gettext_lazy(
        "Vous suivez cette base : ses nouveautés apparaîtront dans « Mon fil »."
    ),
    ("base", False): gettext_lazy("Vous ne suivez plus cette base."),
    ("collection", True): gettext_lazy(
        "Vous suivez cette collection : les ressources qui y entrent apparaîtront dans « Mon fil »."
    ),
    ("collection", False): gettext_lazy("Vous ne suivez plus cette collection."),
}


def _toggle(request, page_url, apply, kind_messages):
    """The common part of the follow forms: POST, logged in, action follow or unfollow."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(page_url)
    action = request.POST.get("action")
    if action not in ("follow", "unfollow"):
        return HttpResponseBadRequest(
            _("Action inconnue : choisissez de suivre ou de ne plus suivre."),
            content_type="text/plain; charset=utf-8",
        )
    following = action == "follow"
    apply(following)
    messages.success(request, kind_messages[following])
    return redirect(page_url)


def _kind(page):
    if isinstance(page, BasePage):
        return "base"
    if isinstance(page, ResourceCollectionPage):
        return "collection"
    raise Http404


def follow_page(request, page):
    """« Suivre cette base » / « Suivre cette collection »."""
    kind = _kind(page)
    if not page.live or not page.user_can_view(request.user):
        raise Http404
    if kind == "collection" and not page.base.live:
        raise Http404
    return _toggle(
        request,
        page.url,
        lambda following: veille.set_following(request.user, following, page=page),
        {following: MESSAGES[(kind, following)] for following in (True, False)},
    )


def follow_organisation(request, base):
    """« Suivre l'organisation X », from one of its bases (organisations have no page)."""
    if not base.live or not base.user_can_view(request.user):
        raise Http404
    organisation = base.organisation
    name = {"name": organisation.name}
    return _toggle(
        request,
        base.url,
        lambda following: veille.set_following(request.user, following, organisation=organisation),
        {
            True: _(
                "Vous suivez l'organisation « %(name)s » : les nouveautés de ses bases "
                "apparaîtront dans « Mon fil »."
            )
            % name,
            False: _("Vous ne suivez plus l'organisation « %(name)s ».") % name,
        },
    )


def follow_tag(request, slug):
    """« Suivre ce mot-clé »: its new resources in « Mon fil ». Only a tag that a resource the
    person may read carries can be followed (no probing of private bases' tags)."""
    tag = get_object_or_404(Tag, slug=slug)
    carried = visible_resources(request.user).filter(
        pk__in=ResourceTag.objects.filter(tag=tag).values("content_object_id")
    )
    if request.user.is_authenticated and not carried.exists():
        raise Http404
    name = {"name": tag.name}
    return _toggle(
        request,
        reverse("tag_page", args=[tag.slug]),
        lambda following: veille.set_following(request.user, following, tag=tag),
        {
            True: _(
                "Vous suivez le mot-clé « %(name)s » : ses nouvelles ressources apparaîtront "
                "dans « Mon fil »."
            )
            % name,
            False: _("Vous ne suivez plus le mot-clé « %(name)s ».") % name,
        },
    )


def follow_theme(request, slug):
    """« Suivre cette thématique »: its new resources in « Mon fil »."""
    term = get_object_or_404(Term, vocabulary=Vocabulary.THEME, slug=slug, active=True)
    label = {"label": term.label}
    return _toggle(
        request,
        reverse("theme_page", args=[term.slug]),
        lambda following: veille.set_following(request.user, following, term=term),
        {
            True: _(
                "Vous suivez la thématique « %(label)s » : ses nouvelles ressources apparaîtront "
                "dans « Mon fil »."
            )
            % label,
            False: _("Vous ne suivez plus la thématique « %(label)s ».") % label,
        },
    )


def follow_person(request, username):
    """« Suivre ses publications », from a public profile: what the person publishes."""
    person = get_object_or_404(User, username=username, is_active=True, deleted_at__isnull=True)
    if request.user.is_authenticated and person.pk == request.user.pk:
        return HttpResponseBadRequest(
            _("Vous ne pouvez pas vous suivre vous-même."),
            content_type="text/plain; charset=utf-8",
        )
    name = {"name": person.display_name}
    return _toggle(
        request,
        reverse("profile", args=[person.username]),
        lambda following: veille.set_following(request.user, following, person=person),
        {
            True: _(
                "Vous suivez les publications de %(name)s : elles apparaîtront dans « Mon fil »."
            )
            % name,
            False: _("Vous ne suivez plus les publications de %(name)s.") % name,
        },
    )


# « Mon fil » -----------------------------------------------------------------------------------


def _follow_rows(user):
    """The person's follows, each with what the page shows: kind, title, link (none for what
    they may no longer read: its title is not shown either)."""
    follows = list(
        Follow.objects.filter(user=user)
        .select_related("organisation", "term", "tag", "person")
        .order_by("-created_at")
    )
    page_ids = [follow.page_id for follow in follows if follow.page_id]
    readable = {}
    for kind, queryset in (
        (_("Ressource"), visible_resources(user)),
        (_("Base"), visible_bases(user)),
        (_("Collection"), visible_collections(user)),
    ):
        for page in queryset.filter(pk__in=page_ids):
            readable[page.pk] = (kind, page)
    rows = []
    for follow in follows:
        if follow.organisation_id:
            bases = list(
                visible_bases(user).filter(organisation_id=follow.organisation_id).order_by("title")
            )
            rows.append(
                {
                    "follow": follow,
                    "kind": _("Organisation"),
                    "title": follow.organisation.name,
                    "url": "",
                    "bases": bases,
                }
            )
        elif follow.term_id:
            rows.append(
                {
                    "follow": follow,
                    "kind": _("Thématique"),
                    "title": follow.term.label,
                    "url": reverse("theme_page", args=[follow.term.slug]),
                }
            )
        elif follow.tag_id:
            rows.append(
                {
                    "follow": follow,
                    "kind": _("Mot-clé"),
                    "title": f"#{follow.tag.name}",
                    "url": reverse("tag_page", args=[follow.tag.slug]),
                }
            )
        elif follow.person_id:
            person = follow.person
            gone = not person.is_active or person.deleted_at
            rows.append(
                {
                    "follow": follow,
                    "kind": _("Personne"),
                    "title": person.display_name,
                    "url": "" if gone else reverse("profile", args=[person.username]),
                }
            )
        elif follow.page_id in readable:
            kind, page = readable[follow.page_id]
            rows.append({"follow": follow, "kind": kind, "title": page.title, "url": page.url})
        else:
            rows.append(
                {
                    "follow": follow,
                    "kind": _("Contenu"),
                    "title": _("Contenu qui ne vous est plus accessible"),
                    "url": "",
                }
            )
    return rows


@login_required
def mon_fil(request):
    feed = veille.WatchFeed(request.user)
    page_obj = paginate(feed, request.GET.get("page"), per_page=FEED_PER_PAGE)
    return render(
        request,
        "veille/mon_fil.html",
        {
            "page_obj": page_obj,
            "items": page_obj.object_list,
            "follows": _follow_rows(request.user),
            "params": {},
        },
    )


@login_required
@require_POST
def unfollow(request, follow_id):
    follow = get_object_or_404(Follow, pk=follow_id, user=request.user)
    follow.delete()
    messages.success(request, _("Ce suivi est supprimé : il n'apparaîtra plus dans votre fil."))
    return redirect("mon_fil")


@login_required
@require_POST
def digest_preference(request):
    wanted = request.POST.get("weekly_digest") in ("on", "1", "oui")
    User.objects.filter(pk=request.user.pk).update(weekly_digest=wanted)
    if wanted:
        messages.success(
            request,
            _(
                "Vous recevrez chaque lundi, par e-mail, le résumé des nouveautés de la semaine "
                "dans ce que vous suivez."
            ),
        )
    else:
        messages.success(request, _("Vous ne recevrez plus le résumé hebdomadaire par e-mail."))
    return redirect("mon_fil")


# Unsubscribing from the e-mail -------------------------------------------------------------------


def unsubscribe(request, token):
    """The link of the digest's footer: a GET shows a confirmation button (a link checker or a
    prefetch must not unsubscribe anyone), the POST (with CSRF) unsubscribes; no login needed,
    the signed token names the person."""
    user = digest.user_from_token(token)
    if user is None:
        return render(request, "veille/unsubscribe.html", {"invalid": True}, status=404)
    done = False
    if request.method == "POST":
        User.objects.filter(pk=user.pk).update(weekly_digest=False)
        done = True
    elif request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    return render(
        request,
        "veille/unsubscribe.html",
        {"done": done, "subscribed": user.weekly_digest and not done, "token": token},
    )


@csrf_exempt
@require_POST
def unsubscribe_one_click(request, token):
    """RFC 8058 one-click unsubscribe (List-Unsubscribe-Post): the mail client POSTs here without
    any session or CSRF token; the signed token in the address is the authorisation."""
    user = digest.user_from_token(token)
    if user is None:
        raise Http404
    User.objects.filter(pk=user.pk).update(weekly_digest=False)
    return render(request, "veille/unsubscribe.html", {"done": True})


def _can_view_resource(user, page):
    base = page.base
    return page.live and base.live and base.user_can_view(user)


def follow_resource(request, page):
    """« Être informé des mises à jour »: follow or unfollow a resource (POST only), behind
    the visibility check of `BaseContentMixin.serve`; checked again here."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page_url = page.get_url(request)
    if not request.user.is_authenticated:
        return redirect_to_login(page_url)
    if not _can_view_resource(request.user, page):
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
