"""Personal collections on the public site: « Mes collections », a collection's page, and
« Enregistrer » on a resource (route `enregistrer/` of ResourcePage).

Every change is a POST with its CSRF token and works without JavaScript. A collection is looked
up *with its owner*, so someone else's collection answers 404 to a forged request, exactly as a
private one does to a visitor.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from base.models import Visibility
from base.page_context import breadcrumb_items

from .. import personal_collections as service
from ..community_forms import PersonalCollectionForm, SaveResourceForm
from ..models import PersonalCollection, PersonalCollectionItem
from .contribution import _ensure_can_act

MINE_URL_NAME = "my_personal_collections"


def _own_collection(request, collection_id):
    return get_object_or_404(PersonalCollection, pk=collection_id, owner=request.user)


def _account_breadcrumb(*items):
    crumbs = [{"label": _("Accueil"), "url": "/"}]
    crumbs.append({"label": _("Mes collections"), "url": reverse(MINE_URL_NAME)})
    crumbs.extend({"label": label, "url": url} for label, url in items)
    return crumbs


# Saving a resource ----------------------------------------------------------------------------


def save_resource(request, page):
    """« Enregistrer »: tick the collections that should hold the resource."""
    _ensure_can_act(request, page)
    save_url = page.get_url(request) + page.reverse_subpage("save")
    if not request.user.is_authenticated:
        return redirect_to_login(save_url)
    choices = service.save_choices(request.user, page)
    status = 200
    if request.method == "POST":
        form = SaveResourceForm(request.POST, choices=choices)
        if form.is_valid():
            try:
                added, removed = service.save_resource(
                    request.user,
                    page,
                    form.cleaned_data["collections"],
                    form.cleaned_data["new_title"],
                )
            except service.CollectionRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                if added:
                    messages.success(
                        request,
                        _("Ressource enregistrée dans : %(titles)s.")
                        % {"titles": ", ".join(f"« {t} »" for t in added)},
                    )
                if removed:
                    messages.success(
                        request,
                        _("Ressource retirée de : %(titles)s.")
                        % {"titles": ", ".join(f"« {t} »" for t in removed)},
                    )
                if not added and not removed:
                    messages.info(request, _("Vos collections sont inchangées."))
                return redirect(page.get_url(request))
        status = 400
    else:
        form = SaveResourceForm(choices=choices)
    title = _("Enregistrer dans une collection")
    return TemplateResponse(
        request,
        "ressources/personal_collections/save.html",
        {
            "page": page,
            "form": form,
            "heading": title,
            "breadcrumb": breadcrumb_items(request, page, {"label": title}),
        },
        status=status,
    )


# « Mes collections » --------------------------------------------------------------------------


@login_required
def my_collections(request):
    collections = list(service.collections_of(request.user))
    return TemplateResponse(
        request,
        "ressources/personal_collections/mine.html",
        {
            "collections": collections,
            "has_favorites": any(c.is_favorites for c in collections),
            "form": PersonalCollectionForm(),
            "breadcrumb": [
                {"label": _("Accueil"), "url": "/"},
                {"label": _("Mes collections"), "url": None},
            ],
        },
    )


@login_required
def create_collection(request):
    status = 200
    if request.method == "POST":
        form = PersonalCollectionForm(request.POST)
        if form.is_valid():
            try:
                collection = service.create_collection(
                    request.user,
                    title=form.cleaned_data["title"],
                    description=form.cleaned_data["description"],
                    visibility=form.cleaned_data["visibility"],
                )
            except service.CollectionRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(
                    request, _("Collection « %(title)s » créée.") % {"title": collection.title}
                )
                return redirect(collection.get_absolute_url())
        status = 400
    else:
        form = PersonalCollectionForm()
    return TemplateResponse(
        request,
        "ressources/personal_collections/form.html",
        {
            "form": form,
            "heading": _("Nouvelle collection"),
            "action": reverse("personal_collection_create"),
            "breadcrumb": _account_breadcrumb((_("Nouvelle collection"), None)),
        },
        status=status,
    )


@login_required
def edit_collection(request, collection_id):
    collection = _own_collection(request, collection_id)
    status = 200
    if request.method == "POST":
        form = PersonalCollectionForm(request.POST, instance=collection)
        if form.is_valid():
            form.save()
            messages.success(request, _("Collection enregistrée."))
            return redirect(collection.get_absolute_url())
        status = 400
    else:
        form = PersonalCollectionForm(instance=collection)
    return TemplateResponse(
        request,
        "ressources/personal_collections/form.html",
        {
            "form": form,
            "collection": collection,
            "heading": _("Modifier la collection"),
            "action": reverse("personal_collection_edit", args=[collection.pk]),
            "breadcrumb": _account_breadcrumb(
                (collection.title, collection.get_absolute_url()), (_("Modifier"), None)
            ),
        },
        status=status,
    )


@login_required
def delete_collection(request, collection_id):
    """GET asks for confirmation, POST deletes. « Mes favoris » cannot be deleted."""
    collection = _own_collection(request, collection_id)
    if collection.is_favorites:
        messages.error(request, _("« Mes favoris » ne peut pas être supprimée."))
        return redirect(reverse(MINE_URL_NAME))
    if request.method == "POST":
        title = collection.title
        collection.delete()
        messages.success(request, _("Collection « %(title)s » supprimée.") % {"title": title})
        return redirect(reverse(MINE_URL_NAME))
    return TemplateResponse(
        request,
        "ressources/personal_collections/delete.html",
        {
            "collection": collection,
            "item_count": collection.items.count(),
            "breadcrumb": _account_breadcrumb(
                (collection.title, collection.get_absolute_url()), (_("Supprimer"), None)
            ),
        },
    )


def _own_item(request, collection_id, item_id):
    collection = _own_collection(request, collection_id)
    return collection, get_object_or_404(PersonalCollectionItem, pk=item_id, collection=collection)


@login_required
@require_POST
def remove_item(request, collection_id, item_id):
    collection, item = _own_item(request, collection_id, item_id)
    service.remove(item)
    messages.success(request, _("Ressource retirée de la collection."))
    return redirect(collection.get_absolute_url())


@login_required
@require_POST
def move_item(request, collection_id, item_id):
    collection, item = _own_item(request, collection_id, item_id)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        messages.error(request, _("Déplacement inconnu : choisissez « Monter » ou « Descendre »."))
    else:
        service.move(item, direction)
    return redirect(collection.get_absolute_url() + f"#element-{item.pk}")


# A collection's page ------------------------------------------------------------------------


def collection_detail(request, collection_id, slug):
    """Public collections for everyone, private ones for their owner only (404 otherwise)."""
    collection = PersonalCollection.objects.select_related("owner").filter(pk=collection_id).first()
    if collection is None or not service.can_view(collection, request.user):
        raise Http404
    if slug != collection.slug:
        return redirect(collection.get_absolute_url(), permanent=True)
    is_owner = request.user.is_authenticated and request.user.pk == collection.owner_id
    items = service.visible_items(collection, request.user)
    return TemplateResponse(
        request,
        "ressources/personal_collections/detail.html",
        {
            "collection": collection,
            "items": items,
            "is_owner": is_owner,
            "is_private": collection.visibility == Visibility.PRIVATE,
            "breadcrumb": (
                _account_breadcrumb((collection.title, None))
                if is_owner
                else [
                    {"label": _("Accueil"), "url": "/"},
                    {"label": collection.title, "url": None},
                ]
            ),
        },
    )
