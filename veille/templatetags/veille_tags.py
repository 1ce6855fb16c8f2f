"""Template tags of the veille: whether the person follows a page or an organisation."""

from django import template

from veille import follows

register = template.Library()


@register.simple_tag(takes_context=True)
def following(context, page=None, **targets):
    """`{% following page as is_following %}`, `{% following organisation=org as … %}`, and
    `term=`, `tag=`, `person=`."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    if page is not None:
        targets["page"] = page
    return follows.is_following(user, **targets)
