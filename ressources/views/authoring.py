"""« Publier une ressource » on the public site (services in ressources.authoring).

- `start` (/publier/): a way forward for everyone: the person's bases (one to choose), the open
  bases, « Demander à rejoindre » a base, creating a base, and their drafts;
- `contributor_space` (/espace-contributeur/): the Wagtail admin for whoever may use it, this
  page for everyone else (never Wagtail's « pas l'autorisation » log-in page);
- `new` (/publier/<base id>/): the editor of a new resource in that base;
- `edit` (/publier/ressources/<id>/): the editor of a resource (drafts, and live resources for
  the base's members);
- `preview` (/publier/ressources/<id>/apercu/): the latest saved state, as the page will look.

Forged ids answer 404 (a base the person cannot see, someone else's draft) or 403 with a French
explanation (a base they can see but not publish in).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from base.models import BasePage, ContributionMode

from .. import authoring
from ..authoring_forms import ACTION_PREVIEW, ACTION_PUBLISH, authoring_form
from ..contribution_forms import change_lines
from ..models import ResourcePage
from ..uploads import UploadedFiles

EDITOR_TEMPLATE = "ressources/authoring/editor.html"


def _visible_base(request, base_id):
    base = BasePage.objects.filter(pk=base_id).first()
    if base is None or not base.live or not base.user_can_view(request.user):
        raise Http404
    return base


def _workable_resource(request, page_id):
    page = get_object_or_404(ResourcePage, pk=page_id)
    if not authoring.can_work_on(request.user, page):
        raise Http404  # someone else's draft does not exist for them
    return page


def _can_use_admin(user):
    return user.is_authenticated and (
        user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )


# Start ------------------------------------------------------------------------------------------


def contributor_space(request):
    if _can_use_admin(request.user):
        return redirect("wagtailadmin_home")
    return redirect("publish_start")


@login_required
def start(request):
    from base.listing import visible_bases

    user = request.user
    mine = list(authoring.member_bases(user))
    open_ones = list(authoring.open_bases(user))
    joinable = list(
        visible_bases(user)
        .exclude(pk__in=[base.pk for base in mine + open_ones])
        .exclude(contribution_mode=ContributionMode.OPEN)
        .order_by("title")
    )
    pending = set(user.join_requests.filter(status="pending").values_list("base_id", flat=True))
    drafts = (
        ResourcePage.objects.filter(owner=user, live=False).order_by("-latest_revision_created_at")
    )[:20]
    context = {
        "my_bases": mine,
        "open_bases": open_ones,
        "joinable_bases": joinable,
        "pending_join_ids": pending,
        "drafts": drafts,
        "can_use_admin": _can_use_admin(user),
        "breadcrumb": [{"label": _("Publier une ressource")}],
    }
    return TemplateResponse(request, "ressources/authoring/start.html", context)


# Editor -----------------------------------------------------------------------------------------


def _editor_context(request, base, form, page=None):
    title = (
        _("Nouvelle ressource")
        if page is None
        else _("Modifier « %(title)s »") % {"title": page.draft_title}
    )
    return {
        "base": base,
        "form": form,
        "resource": page,
        "heading": title,
        "is_member": request.user.is_superuser or base.member_role(request.user) is not None,
        "breadcrumb": [
            {"label": _("Publier une ressource"), "url": reverse("publish_start")},
            {"label": title},
        ],
    }


def _save(request, form, base, page):
    """Store the uploads, then the revision (and the publication): all or nothing."""
    files = UploadedFiles(base, request.user)
    publish = form.action == ACTION_PUBLISH
    changes = change_lines(form.cleaned_data.get("changes"))
    try:
        with transaction.atomic():
            state = form.state(files)
            if page is None:
                page, result = authoring.create(
                    base, request.user, state, publish=publish, changes=changes
                )
            else:
                page, result = authoring.save(
                    page,
                    request.user,
                    state,
                    latest_revision_id=form.cleaned_data.get("latest_revision"),
                    publish=publish,
                    changes=changes,
                )
    except authoring.DraftConflict:
        files.discard()
        form.add_error(
            None,
            _(
                "Quelqu'un a enregistré cette ressource depuis que vous avez ouvert ce formulaire : "
                "rien n'est enregistré. Copiez vos modifications, rechargez la page et reportez-les."
            ),
        )
        return None, None
    except ValidationError as error:
        files.discard()
        for field, field_messages in authoring.full_clean_errors(error).items():
            for message in field_messages:
                form.add_error(field if field in form.fields else None, message)
        return None, None
    except Exception:
        files.discard()
        raise
    return page, result


def _handle(request, base, page):
    if request.method == "POST":
        form = authoring_form(
            request.POST, request.FILES, base=base, resource=page, user=request.user
        )
        if form.is_adding_block:
            form.full_clean()
            return TemplateResponse(
                request, EDITOR_TEMPLATE, _editor_context(request, base, form, page)
            )
        if form.is_valid():
            saved, result = _save(request, form, base, page)
            if saved is not None:
                if form.action == ACTION_PUBLISH:
                    messages.success(
                        request,
                        _("Ressource publiée : version %(number)s. Merci pour votre contribution !")
                        % {"number": result.number},
                    )
                    return redirect(saved.url)
                if form.action == ACTION_PREVIEW:
                    return redirect("publish_preview", page_id=saved.pk)
                messages.success(
                    request,
                    _(
                        "Brouillon enregistré. Il n'est visible que de vous et des membres de la base."
                    ),
                )
                return redirect("publish_edit", page_id=saved.pk)
        status = (
            409 if any(e.code == "conflict" for e in form.non_field_errors().as_data()) else 400
        )
        response = TemplateResponse(
            request, EDITOR_TEMPLATE, _editor_context(request, base, form, page), status=status
        )
        return response
    form = authoring_form(base=base, resource=page, user=request.user)
    return TemplateResponse(request, EDITOR_TEMPLATE, _editor_context(request, base, form, page))


@login_required
def new(request, base_id):
    base = _visible_base(request, base_id)
    if not authoring.can_add_resource(request.user, base):
        raise PermissionDenied(
            _(
                "« %(base)s » n'accueille que les ressources de ses membres : demandez à la "
                "rejoindre depuis sa page « Membres », ou publiez dans une base ouverte."
            )
            % {"base": base.title}
        )
    return _handle(request, base, None)


@login_required
def edit(request, page_id):
    page = _workable_resource(request, page_id)
    return _handle(request, page.get_parent().specific, page)


@login_required
def preview(request, page_id):
    page = _workable_resource(request, page_id)
    state = page.get_latest_revision_as_object()
    request.authoring_preview = True
    response = state.serve_preview(request, state.default_preview_mode)
    response.context_data = response.context_data or {}
    response.context_data.update(
        {
            "authoring_preview": True,
            "authoring_edit_url": reverse("publish_edit", args=[page.pk]),
        }
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response
