"""Pages across the apps: public profiles (/profils/<username>/: a person's bases and
resources, as the reader may see them) and « Donner mon avis sur la plateforme »."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from base.listing import paginate, visible_bases
from ressources.listing import attach_bases, resource_cards, visible_resources
from ressources.models import ResourceCredit, ResourceVersion

from . import feedback, statistics
from .listing import base_cards

User = get_user_model()
PROFILE_RESOURCES_PER_PAGE = 12


def profile(request, username):
    person = User.objects.filter(
        username=username, is_active=True, deleted_at__isnull=True
    ).select_related("organisation")
    person = person.first()
    if person is None:
        raise Http404
    viewer = request.user
    bases = base_cards(
        visible_bases(viewer).filter(memberships__user=person).order_by("title").distinct()
    )
    resource_ids = set(
        ResourceCredit.objects.filter(user=person).values_list("resource_id", flat=True)
    ) | set(ResourceVersion.objects.filter(user=person).values_list("resource_id", flat=True))
    resources = resource_cards(
        visible_resources(viewer).filter(pk__in=resource_ids).order_by("-last_published_at")
    )
    page_obj = paginate(resources, request.GET.get("page"), per_page=PROFILE_RESOURCES_PER_PAGE)
    page_obj.object_list = attach_bases(page_obj.object_list)
    memberships = {
        m.base_id: m for m in person.base_memberships.filter(base__in=[b.pk for b in bases])
    }
    bases = list(bases)
    for base in bases:
        base.person_membership = memberships.get(base.pk)
    return render(
        request,
        "portal/profile.html",
        {
            "person": person,
            "bases": bases,
            "page_obj": page_obj,
            "params": {},
            "is_self": viewer.is_authenticated and viewer.pk == person.pk,
        },
    )


@require_http_methods(["GET", "POST"])
def platform_feedback(request):
    """« Donner mon avis sur la plateforme » (see portal.feedback)."""
    status = 200
    if request.method == "POST":
        form = feedback.FeedbackForm(request.POST)
        if form.is_bot():
            return redirect("platform_feedback_sent")
        if feedback.over_limit(request):
            form.add_error(
                None,
                _(
                    "Vous avez déjà envoyé plusieurs avis dans l'heure : merci ! Réessayez un peu "
                    "plus tard, votre message est conservé ci-dessous."
                ),
            )
            status = 429
        elif form.is_valid():
            with transaction.atomic():
                item = form.save(commit=False)
                item.page_url = feedback.safe_page(item.page_url, request)
                if request.user.is_authenticated:
                    item.author = request.user
                item.save()
                feedback.tell_the_team(item)
            return redirect("platform_feedback_sent")
        else:
            status = 400
    else:
        origin = request.GET.get("depuis") or request.META.get("HTTP_REFERER", "")
        form = feedback.FeedbackForm(initial={"page_url": feedback.safe_page(origin, request)})
    form.initial["jeton"] = feedback.new_stamp()
    if form.is_bound:
        form.data = form.data.copy()
        form.data["jeton"] = feedback.new_stamp()
    return render(request, "portal/feedback.html", {"form": form}, status=status)


def platform_feedback_sent(request):
    return render(request, "portal/feedback_sent.html")


def _statistics_context(figures, scope_label, csv_base, csv_suffix=".csv"):
    from label.charts import bar_chart, column_chart, month_short

    monthly = figures["monthly"]
    labels = monthly["keys"]
    charts = {
        "publications": column_chart(
            "chart-publications",
            _("Nouvelles ressources et versions publiées, par mois"),
            _("Sur les douze derniers mois, %(scope)s.") % {"scope": scope_label},
            labels,
            [
                (_("Nouvelles ressources"), monthly["resources"]),
                (_("Versions"), monthly["versions"]),
            ],
        ),
        "audience": column_chart(
            "chart-audience",
            _("Consultations et téléchargements, par mois"),
            _("Sur les douze derniers mois, %(scope)s.") % {"scope": scope_label},
            labels,
            [(_("Consultations"), monthly["views"]), (_("Téléchargements"), monthly["downloads"])],
        ),
    }
    for key, title in (
        ("most_consulted", _("Les ressources les plus consultées")),
        ("most_reused", _("Les ressources les plus réutilisées")),
        ("most_improved", _("Les ressources les plus améliorées")),
        ("by_region", _("Ressources par région")),
        ("by_theme", _("Ressources par thématique")),
    ):
        rows = [(row[0], row[1]) for row in figures.get(key, [])]
        if rows:
            charts[key] = bar_chart(f"chart-{key}", title, title, rows)
    months = [
        (month_short(key), *values)
        for key, *values in zip(
            labels,
            monthly["resources"],
            monthly["versions"],
            monthly["views"],
            monthly["downloads"],
            strict=True,
        )
    ]
    return {
        "figures": figures,
        "charts": charts,
        "months": months,
        "csv_base": csv_base,
        "csv_suffix": csv_suffix,
    }


def platform_statistics(request):
    """/statistiques/: the public figures of the commons (see portal.statistics)."""
    figures = statistics.figures_for(statistics.Scope())
    context = _statistics_context(figures, _("bases publiques"), "/statistiques/")
    return render(request, "portal/statistics.html", {**context, "base": None})


def platform_statistics_csv(request, table):
    if table not in statistics.TABLES:
        raise Http404
    figures = statistics.figures_for(statistics.Scope())
    return statistics.csv_response(figures, table, "bases-communes")


def base_statistics(request, base, table=None):
    """The same figures for one base, for those who manage it (route `statistiques/`)."""
    if not base.user_can_manage(request.user):
        raise Http404
    figures = statistics.figures_for(statistics.Scope(base))
    if table is not None:
        if table not in statistics.TABLES or table == "recherches-sans-resultat":
            raise Http404
        return statistics.csv_response(figures, table, base.slug)
    url = base.url + base.reverse_subpage("statistics") + "csv/"
    context = _statistics_context(
        figures, _("base « %(title)s »") % {"title": base.title}, url, csv_suffix="/"
    )
    return render(request, "portal/statistics.html", {**context, "base": base})


@require_safe
def openapi_description(request):
    """/api/v2/openapi.json: the OpenAPI 3.1 description of the read API (portal.openapi)."""
    from .openapi import openapi_document

    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False, "indent": 2})


@require_safe
def api_documentation(request):
    """/documentation-api/: the same description, as a French page."""
    from .api_documentation import page_context
    from .openapi import openapi_document

    return render(request, "portal/api_documentation.html", page_context(openapi_document()))
