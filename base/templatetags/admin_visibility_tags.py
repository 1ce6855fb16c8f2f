from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def visible_tags(context, tags):
    """Drop the tags that appear only on what the person may not see (base.admin_visibility)."""
    from ..admin_visibility import hidden_tag_ids

    hidden = hidden_tag_ids(context["request"].user)
    return [tag for tag in tags if tag.pk not in hidden]
