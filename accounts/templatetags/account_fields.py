"""Render any form's fields with the site's DSFR field template (accounts/field.html): allauth's
forms come with their own widgets, these filters say which kind of field each one is."""

from django import forms, template

register = template.Library()


@register.filter
def field_kind(bound_field):
    widget = bound_field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "file"
    return getattr(widget, "input_type", "text") or "text"


@register.filter
def field_autocomplete(bound_field):
    return bound_field.field.widget.attrs.get("autocomplete", "")
