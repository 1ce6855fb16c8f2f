"""No silent overwrite in the Wagtail admin: a stale edit form of a resource is not saved.

Wagtail 8 refuses a stale save only for autosave (JSON) requests; an ordinary form post from an
editor opened before someone else saved (in the admin or from the public site) overwrites their
work. This `before_edit_page` hook compares the revision the editor was loaded from
(`loaded_revision_id`, or `overwrite_revision_id` after an autosave, as Wagtail's own
`EditView.is_out_of_date` does) with the page's latest revision and, when they differ, answers
with a conflict page instead of saving: what changed meanwhile, what the person submitted
(nothing is saved), and a link to reopen the editor on the latest revision.

Imported by ressources/wagtail_hooks.py so that the hook is registered.
"""

from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail import hooks

from .diff import compare_pages
from .models import ResourcePage

TEMPLATE = "ressources/contribution/admin_conflict.html"


def stale_revision_id(request, page):
    """The revision id the posted form was loaded from, if it is no longer the latest."""
    latest = page.latest_revision_id
    if latest is None:
        return None
    overwrite = request.POST.get("overwrite_revision_id")
    if overwrite:
        return overwrite if overwrite != str(latest) else None
    loaded = request.POST.get("loaded_revision_id")
    if not loaded:
        return None  # not enough information, as in Wagtail: assume up to date
    if loaded != str(latest):
        return loaded
    # Same id, but overwritten by another session's autosave since the editor loaded it.
    loaded_at = request.POST.get("loaded_revision_created_at")
    latest_revision = page.latest_revision
    if loaded_at and latest_revision and loaded_at != latest_revision.created_at.isoformat():
        return loaded
    return None


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
