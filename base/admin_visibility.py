"""The private-base rule of base.visibility, applied to the Wagtail admin.

Every contributor of any base enters the admin, so its listings, choosers, searches, tag
autocompletes, reports and API must hide a private base's pages, images, documents and tags from
whoever may not read that base, exactly as the public site does. Wagtail's hooks carry most of it
(base/wagtail_hooks.py); the few screens without a hook are replaced by the subclasses below,
routed before Wagtail's own (base/admin_urls.py). The admin answers for the account only: share
links play no part here.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import Http404, JsonResponse
from django.urls import reverse
from taggit.models import ItemBase, Tag, TagBase
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.views.chooser import BrowseView, ChosenMultipleView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.views.documents import DocumentsFilterSet
from wagtail.documents.views.documents import IndexView as DocumentsIndexView
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.views.images import ImagesFilterSet
from wagtail.images.views.images import IndexView as ImagesIndexView
from wagtail.models import CollectionMember, Page

from .media import hidden_collection_ids, visible_media
from .visibility import hidden_pages, visible_pages


def admin_visible_pages(queryset, user):
    """`visible_pages` as a plain `pk__in` filter, which Wagtail's search backend (the admin's
    page search and chooser search) knows how to apply."""
    return queryset.filter(pk__in=visible_pages(Page.objects.all(), user).values("pk"))


# Page chooser ----------------------------------------------------------------------------------


class PageChooserBrowse(BrowseView):
    """Its children are filtered by the hook; the parent itself (named in the header) too."""

    def get(self, request, parent_page_id=None):
        if parent_page_id is not None:
            parent = Page.objects.filter(pk=parent_page_id)
            if not admin_visible_pages(parent, request.user).exists():
                raise Http404
        return super().get(request, parent_page_id)


class PageChooserChosenMultiple(ChosenMultipleView):
    """Wagtail's view, on the pages the person may see only."""

    def get(self, request):
        pks = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        pages = admin_visible_pages(Page.objects.filter(pk__in=pks), request.user).specific()
        result = [
            {
                "id": page.pk,
                "parentId": page.get_parent().pk,
                "adminTitle": page.get_admin_display_title(),
                "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "url": page.url,
            }
            for page in pages
        ]
        return self.render_chosen_response(result)


# Tags ------------------------------------------------------------------------------------------


def _hidden_objects(model, user, collections):
    """The objects of `model` the user may not see, or None if the model has no visibility."""
    if issubclass(model, Page):
        return hidden_pages(model.objects.all(), user).values("pk")
    if issubclass(model, CollectionMember):
        return model.objects.filter(collection_id__in=collections).values("pk")
    return None


def _tagged_items(through, user, collections):
    """(items, their objects the user may not see, the field naming the object) of a through
    model, split by content type for generic ones (taggit's TaggedItem)."""
    try:
        through._meta.get_field("content_type")
    except FieldDoesNotExist:
        model = through._meta.get_field("content_object").related_model
        yield through.objects.all(), _hidden_objects(model, user, collections), "content_object"
        return
    for content_type_id in through.objects.values_list("content_type_id", flat=True).distinct():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        items = through.objects.filter(content_type_id=content_type_id)
        if model is not None:
            yield items, _hidden_objects(model, user, collections), "object_id"


def hidden_tag_ids(user, tag_model=Tag):
    """Tags that appear only on pages or media the user may not see: their mere name could say
    what a private base works on. Unused tags are nobody's secret."""
    collections = hidden_collection_ids(user)
    if not collections and not hidden_pages(Page.objects.all(), user).exists():
        return set()
    hidden, shown = set(), set()
    for through in _through_models(tag_model):
        for items, hidden_objects, field in _tagged_items(through, user, collections):
            if hidden_objects is None:
                shown.update(items.values_list("tag_id", flat=True))
                continue
            secret = items.filter(**{f"{field}__in": hidden_objects})
            hidden.update(secret.values_list("tag_id", flat=True))
            shown.update(items.exclude(pk__in=secret.values("pk")).values_list("tag_id", flat=True))
    return hidden - shown


def _through_models(tag_model):
    from django.apps import apps

    for model in apps.get_models():
        if issubclass(model, ItemBase) and not model._meta.abstract:
            try:
                if model._meta.get_field("tag").related_model is tag_model:
                    yield model
            except FieldDoesNotExist:
                continue


TAGS_AUTOCOMPLETE_LIMIT = 10


def tag_autocomplete(request, app_name=None, model_name=None):
    """Wagtail's tag autocomplete (wagtail.admin.views.tags), without the tags of what the
    person may not see."""
    tag_model = Tag
    if app_name and model_name:
        try:
            content_type = ContentType.objects.get_by_natural_key(app_name, model_name)
        except ContentType.DoesNotExist as error:
            raise Http404 from error
        tag_model = content_type.model_class()
        if tag_model is None or not issubclass(tag_model, TagBase):
            raise Http404
    term = request.GET.get("term", "")
    if not term:
        return JsonResponse([], safe=False)
    tags = (
        tag_model.objects.filter(name__istartswith=term)
        .exclude(pk__in=hidden_tag_ids(request.user, tag_model))
        .order_by("name")
        .values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(tags), safe=False)


class VisibleTagsFilterMixin:
    """The media listings' « popular tags » filter, without the tags the person may not see."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        tag_filter = self.filters.get("tag")
        if tag_filter is None:
            return
        hidden = set(
            Tag.objects.filter(pk__in=hidden_tag_ids(request.user)).values_list("name", flat=True)
        )
        tag_filter.extra["choices"] = [
            choice for choice in tag_filter.extra["choices"] if choice[0] not in hidden
        ]


class VisibleImagesFilterSet(VisibleTagsFilterMixin, ImagesFilterSet):
    class Meta(ImagesFilterSet.Meta):
        pass


class VisibleDocumentsFilterSet(VisibleTagsFilterMixin, DocumentsFilterSet):
    class Meta(DocumentsFilterSet.Meta):
        pass


class ImagesIndex(ImagesIndexView):
    filterset_class = VisibleImagesFilterSet


class DocumentsIndex(DocumentsIndexView):
    filterset_class = VisibleDocumentsFilterSet


# Reports and API ----------------------------------------------------------------------------


class PageTypesUsageReport(PageTypesUsageReportView):
    """Counts and the last edited page of each type over the whole platform: platform admins
    only (it would name and count private bases' pages)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class VisiblePagesAdminAPIViewSet(PagesAdminAPIViewSet):
    def get_base_queryset(self):
        return admin_visible_pages(super().get_base_queryset(), self.request.user)


class VisibleImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return visible_media(super().get_queryset(), self.request.user)


class VisibleDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return visible_media(super().get_queryset(), self.request.user)
