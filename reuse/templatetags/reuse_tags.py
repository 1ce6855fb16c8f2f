from django import template

from ressources.models import ResourceCollectionPage

from .. import downloads

register = template.Library()


@register.filter
def is_kit(page):
    """Whether a resource is a kit, offered as a pack (reuse.downloads.is_kit)."""
    return downloads.is_kit(page)


@register.filter
def is_collection(page):
    return isinstance(page, ResourceCollectionPage)
