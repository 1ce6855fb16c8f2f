"""What every page shares for the people who use it: one error pattern for every form, the
« Erreur : » of the page title, the elision of « de », and the address a page is shared by."""

from django import template
from django.forms import BaseForm
from django.forms.utils import ErrorList
from django.utils.functional import LazyObject

from base.french import de as _de

register = template.Library()


def _forms(context):
    forms = []
    if hasattr(context.get("form"), "errors"):
        forms.append(context["form"])
    forms += [form for form in context.get("forms") or [] if hasattr(form, "errors")]
    return forms


@register.simple_tag(takes_context=True)
def error_title_prefix(context):
    """« Erreur : » at the start of the <title> when the page shows a refused form: the first
    thing a screen reader says after the page reloads."""
    refused = any(form.is_bound and form.errors for form in _forms(context))
    if not refused:
        # Any other form of the page (invite_form, join_form…), or a mapping of them. Lazy
        # values are never forms: evaluating `csrf_token` would hand every page a CSRF cookie,
        # and such a page is never served from the page cache (portal.page_cache).
        for value in context.flatten().values():
            if isinstance(value, LazyObject):
                continue
            candidates = value.values() if isinstance(value, dict) else [value]
            if any(
                isinstance(form, BaseForm) and form.is_bound and form.errors for form in candidates
            ):
                refused = True
                break
    return "Erreur : " if refused or context.get("errors_by_step") else ""


@register.inclusion_tag("includes/error_summary.html", takes_context=True)
def error_summary(context, *forms, title=""):
    """The one error summary of every form: a DSFR alert that takes the focus (static/js/forms.js)
    and links to each field in error. Without arguments, the `form` (and `forms`) of the page."""
    forms = [form for form in (forms or _forms(context)) if form is not None]
    general, fields = [], []
    for form in forms:
        if not (form.is_bound and form.errors):
            continue
        general += list(form.non_field_errors())
        for name, errors in form.errors.items():
            if name == "__all__" or name not in form.fields:
                if name != "__all__":
                    general += list(errors)
                continue
            bound = form[name]
            fields.append(
                {
                    "id": bound.id_for_label or bound.auto_id,
                    "label": bound.label,
                    "errors": list(ErrorList(errors)),
                }
            )
    return {"general": general, "fields": fields, "title": title, "shown": general or fields}


@register.filter
def de(name):
    """{{ name|de }}: « de Thomas », « d'Amandine »."""
    return _de(name)


@register.simple_tag(takes_context=True)
def canonical_url(context, path=None):
    """The one address of a page: without the tab (?onglet=), the filters or any other query
    string, on the site's own host."""
    request = context.get("request")
    if request is None:
        return ""
    return request.build_absolute_uri(path or request.path)


@register.simple_tag(takes_context=True)
def absolute(context, url):
    request = context.get("request")
    if not url or request is None:
        return url or ""
    return request.build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def share_image(context, page):
    """The absolute address of a page's real image for OpenGraph and Twitter cards: the cover of
    a resource or a base, a collection's image, else nothing (no generated picture stands in for a missing one)."""
    image = (
        getattr(page, "cover_image", None)
        or getattr(page, "cover", None)
        or getattr(page, "image", None)
    )
    if image is None:
        return ""
    try:
        rendition = image.get_rendition("fill-1200x630")
    except Exception:  # a missing file must not break the page it decorates
        return ""
    return absolute(context, rendition.url)


@register.simple_tag
def share_description(page):
    """The summary a shared link shows: the page's own search description, else its summary or
    the start of its description."""
    from django.utils.html import strip_tags
    from django.utils.text import Truncator

    for name in ("search_description", "summary", "description", "intro"):
        value = getattr(page, name, "") or ""
        value = strip_tags(str(value)).strip()
        if value:
            return Truncator(value).words(40)
    return ""
