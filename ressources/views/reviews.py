"""Avis on a resource (routes `avis/…` of ResourcePage): give or change one's avis, read them
all, answer one (authors and base admins), report one to the moderators.

Reached through `BaseContentMixin.serve` (404 for a private base's outsiders); every view checks
again what the person may do (see ressources.reviews)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from base.listing import paginate
from base.page_context import breadcrumb_items

from .. import moderation, reviews
from ..community_forms import ReportForm, ReviewAnswerForm, ReviewForm
from ..models import ResourceReview
from .contribution import _ensure_visible

PER_PAGE = 20


def _reviews_url(request, page, anchor=""):
    return page.get_url(request) + page.reverse_subpage("reviews") + anchor


def review_list(request, page):
    """GET: the avis, newest first; POST: give or change one's own avis."""
    _ensure_visible(request, page)
    if getattr(request, "share_link_view", False) and request.method == "POST":
        raise Http404  # a share link grants reading only
    user = request.user
    own = None
    if user.is_authenticated:
        own = ResourceReview.objects.filter(resource=page, author=user).first()
    can_review = reviews.can_review(user, page) and not getattr(request, "share_link_view", False)
    status = 200
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect_to_login(_reviews_url(request, page))
        form = ReviewForm(request.POST)
        if not can_review:
            form.is_valid()
            form.add_error(None, _("Vous ne pouvez pas donner d'avis sur cette ressource."))
            status = 403
        elif form.is_valid():
            try:
                _review, created = reviews.give(
                    user, page, form.cleaned_data["usefulness"], form.cleaned_data["comment"]
                )
            except reviews.ReviewRefused as refusal:
                form.add_error(None, str(refusal))
                status = 429
            else:
                messages.success(
                    request,
                    _("Merci, votre avis est enregistré.")
                    if created
                    else _("Votre avis est modifié."),
                )
                return redirect(page.get_url(request) + "#avis")
        else:
            status = 400
    else:
        initial = {"usefulness": own.usefulness, "comment": own.comment} if own else None
        form = ReviewForm(initial=initial)
    shown = reviews.visible(page).select_related("author", "answered_by")
    page_obj = paginate(shown, request.GET.get("page"), per_page=PER_PAGE)
    title = _("Avis sur la ressource")
    return TemplateResponse(
        request,
        "ressources/reviews/list.html",
        {
            "page": page,
            "page_obj": page_obj,
            "params": {},
            "summary": reviews.summary(page),
            "min_shown": reviews.MIN_SHOWN,
            "form": form,
            "own_review": own,
            "can_review": can_review,
            "can_answer": reviews.can_answer(user, page),
            "heading": title,
            "breadcrumb": breadcrumb_items(request, page, {"label": title}),
        },
        status=status,
    )


def answer(request, page, review_id):
    _ensure_visible(request, page)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    review = get_object_or_404(ResourceReview, pk=review_id, resource=page, hidden=False)
    if not reviews.can_answer(request.user, page):
        raise Http404
    form = ReviewAnswerForm(request.POST)
    if form.is_valid():
        reviews.answer(request.user, review, form.cleaned_data["answer"])
        messages.success(request, _("Votre réponse est publiée."))
    else:
        messages.error(request, form.errors["answer"][0])
    return redirect(_reviews_url(request, page, f"#avis-{review.pk}"))


def report(request, page, review_id):
    """« Signaler cet avis » to the platform's moderators (who may hide it)."""
    _ensure_visible(request, page)
    review = get_object_or_404(ResourceReview, pk=review_id, resource=page, hidden=False)
    if not request.user.is_authenticated:
        return redirect_to_login(
            page.get_url(request) + page.reverse_subpage("review_report", args=[review.pk])
        )
    if getattr(request, "share_link_view", False):
        raise Http404
    status = 200
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                moderation.create_report(
                    request.user,
                    page,
                    reason=form.cleaned_data["reason"],
                    comment=form.cleaned_data["comment"],
                    review=review,
                )
            except moderation.ReportRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(
                    request,
                    _("Merci : votre signalement de cet avis a été transmis aux modérateurs."),
                )
                return redirect(_reviews_url(request, page))
        status = 400
    else:
        form = ReportForm()
    title = _("Signaler un avis")
    return TemplateResponse(
        request,
        "ressources/moderation/report.html",
        {
            "page": page,
            "form": form,
            "existing": None,
            "reported_review": review,
            "heading": title,
            "breadcrumb": breadcrumb_items(request, page, {"label": title}),
        },
        status=status,
    )
