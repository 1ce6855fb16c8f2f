"""Serializers of the resource and collection models' `api_fields` (the read API, portal.api).

Apart from the API views so that the models can import them without importing the views.
Nothing here exposes a person (no e-mail, no account): credits give names only."""

from rest_framework import serializers


class TermSerializer(serializers.Serializer):
    slug = serializers.CharField()
    label = serializers.CharField()


class TermsField(serializers.Field):
    """A many-to-many of taxonomy terms, as [{slug, label}]."""

    def to_representation(self, manager):
        return TermSerializer(manager.all(), many=True).data


class TagsField(serializers.Field):
    def to_representation(self, manager):
        return [tag.name for tag in manager.all()]


class LicenceSerializer(serializers.Serializer):
    spdx_id = serializers.CharField()
    name = serializers.CharField()
    short_name = serializers.CharField()
    url = serializers.CharField()
    is_open = serializers.BooleanField()


class VersionField(serializers.Field):
    """The current version number of a resource (« 1.1 »), or None before its first."""

    def to_representation(self, version):
        return version.number if version is not None else None


class CollectionItemsField(serializers.Field):
    """A collection's resources, as [{id, title, note}]: only those the reader may see."""

    def to_representation(self, manager):
        from ressources.listing import api_visible_pages
        from ressources.models import ResourcePage

        request = self.context.get("request")
        items = list(manager.all())
        visible = api_visible_pages(
            ResourcePage.objects.live().filter(pk__in=[item.resource_id for item in items]),
            getattr(request, "user", None),
        )
        titles = dict(visible.values_list("pk", "title"))
        return [
            {"id": item.resource_id, "title": titles[item.resource_id], "note": item.note}
            for item in items
            if item.resource_id in titles
        ]
