"""Serializer of an organisation in the models' `api_fields` (the read API, portal.api).

Apart from the API views so that the models can import it without importing them."""

from rest_framework import serializers


class OrganisationSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()
    kind = serializers.CharField()
    website = serializers.CharField()

    def to_representation(self, instance):
        if instance is None:
            return None
        return super().to_representation(instance)
