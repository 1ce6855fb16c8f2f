"""Topic pages: a free tag (/mots-cles/<slug>/) and a theme of the taxonomy
(/thematiques/<slug>/), each listing the resources that carry it, as the reader may see them,
with « Suivre » (the veille's follow buttons) and a link to the search filtered on it.

A retired theme sends to its successor (301); an unknown one, or a tag no readable resource
carries, answers 404, so a private base's tags never show through these pages."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from taggit.models import Tag

from base.listing import paginate
from base.page_context import request_user

from ..listing import attach_bases, resource_cards, visible_resources
from ..models import ResourcePage, Term, Vocabulary


def _page(request, resources, context):
    resources = resource_cards(resources).order_by("-first_published_at", "-pk")
    page_obj = paginate(resources, request.GET.get("page"))
    page_obj.object_list = attach_bases(page_obj.object_list)
    return {**context, "page_obj": page_obj, "params": {}}


def tag_page(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    user = request_user(request)
    resources = visible_resources(user).filter(
        pk__in=ResourcePage.tags.through.objects.filter(tag=tag).values("content_object_id")
    )
    if not resources.exists():
        raise Http404
    context = _page(request, resources, {"tag": tag, "kind": "tag"})
    return render(request, "ressources/topic.html", context)


def theme_page(request, slug):
    term = get_object_or_404(Term, vocabulary=Vocabulary.THEME, slug=slug)
    if not term.active and term.successor_id:
        return redirect("theme_page", slug=term.successor.slug, permanent=True)
    user = request_user(request)
    resources = visible_resources(user).filter(themes=term)
    context = _page(request, resources, {"term": term, "kind": "theme"})
    return render(request, "ressources/topic.html", context)
