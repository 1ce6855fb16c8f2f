"""Template tags of personal collections: the « Enregistrer » choices, a person's public
collections (for the public profile page)."""

from django import template

from .. import personal_collections

register = template.Library()


@register.simple_tag(takes_context=True)
def save_choices(context, page):
    """(key, title, checked) for each collection of the reader, « Mes favoris » first."""
    user = context["request"].user
    if not user.is_authenticated or not page.pk:
        return []
    return personal_collections.save_choices(user, page)


@register.inclusion_tag("ressources/includes/person_collections.html", takes_context=True)
def person_collections(context, person, heading="h2"):
    """`{% person_collections profile_user %}`: the public collections of `person`, as the
    reader may see them (see personal_collections.public_collections_of)."""
    viewer = context["request"].user
    return {
        "person": person,
        "person_collections": personal_collections.public_collections_of(person, viewer),
        "heading": heading,
    }
