"""No silent overwrite in the Wagtail admin: a stale edit form of a resource is not saved.

Wagtail 8 refuses a stale save only for autosave (JSON) requests; for an ordinary form post it
only warns in the browser (its editing-sessions dialog, « Continue » overwrites), so an editor
who opened the page before someone else saved (in the admin or from the public site) would
overwrite their work. This `before_edit_page` hook applies Wagtail's own test to ordinary posts
too and, when the form is out of date, answers with a conflict page instead of saving: what
changed meanwhile, what the person submitted (nothing is saved), and a link to reopen the editor
on the latest revision.

The editor's own autosaves are not a conflict: static/js/admin_autosave.js (inserted in the
editor by `insert_editor_js`) moves the form's `loaded_revision_*` to each autosaved revision.

Imported by ressources/wagtail_hooks.py so that the hook is registered.
"""

from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.views.pages.edit import EditView

from .diff import compare_pages
from .models import ResourcePage

TEMPLATE = "ressources/contribution/admin_conflict.html"


def stale_revision_id(request, page):
    """The revision id the posted form was loaded from, if someone saved after it; else None.

    Wagtail decides, with the very test it applies to autosaves (`EditView.is_out_of_date`):
    the form's own autosave revision (`overwrite_revision_id`, or the `loaded_revision_*` that
    static/js/admin_autosave.js updates after each autosave of this editing session) is the
    latest, or it is not. So an editor's own autosaves never count; another person's save, or
    another tab's, does."""
    view = EditView()
    view.setup(request, page_id=page.pk)
    view.latest_revision = page.get_latest_revision()
    if not view.is_out_of_date:
        return None
    return request.POST.get("overwrite_revision_id") or request.POST.get("loaded_revision_id")


def submitted_state(request, page):
    """The page as the stale form would have saved it (in memory only), or None if invalid."""
    form_class = page.get_edit_handler().get_form_class()
    instance = page.get_latest_revision_as_object()
    form = form_class(
        request.POST,
        request.FILES,
        instance=instance,
        parent_page=page.get_parent(),
        for_user=request.user,
    )
    try:
        if not form.is_valid():
            return None
        return form.save(commit=False)
    except Exception:  # only a courtesy display: never fail the conflict page
        return None


@hooks.register("before_edit_page")
def refuse_stale_resource_edit(request, page):
    if request.method != "POST" or not request.accepts("text/html"):
        return None  # autosave (JSON) requests: Wagtail refuses stale ones itself
    if not isinstance(page, ResourcePage):
        return None
    stale_id = stale_revision_id(request, page)
    if stale_id is None:
        return None

    latest_revision = page.latest_revision
    loaded_revision = None
    if str(stale_id).isdigit():
        loaded_revision = page.revisions.filter(pk=int(stale_id)).first()
    latest_page = latest_revision.as_object()
    changes = None
    if loaded_revision is not None and loaded_revision.pk != latest_revision.pk:
        changes = compare_pages(loaded_revision.as_object(), latest_page)
    submitted = submitted_state(request, page)
    your_changes = None
    if submitted is not None:
        reference = loaded_revision.as_object() if loaded_revision is not None else latest_page
        your_changes = compare_pages(reference, submitted)
    context = {
        "page": page,
        "header_title": page.get_admin_display_title(),
        "page_title": page.get_admin_display_title(),
        "latest_revision": latest_revision,
        "loaded_revision": loaded_revision,
        "changes": changes,
        "your_changes": your_changes,
        "edit_url": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        "history_url": reverse("wagtailadmin_pages:history", args=(page.pk,)),
    }
    return TemplateResponse(request, TEMPLATE, context, status=409)


@hooks.register("insert_editor_js")
def autosave_keeps_the_loaded_revision():
    return format_html('<script src="{}"></script>', static("js/admin_autosave.js"))
