"""Template tags of the veille: whether the person follows a page or an organisation."""

from django import template

from veille import follows

register = template.Library()


@register.simple_tag(takes_context=True)
def following(context, page=None, organisation=None):
    """`{% following page as is_following %}`, `{% following organisation=org as … %}`."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return follows.is_following(user, page=page, organisation=organisation)
