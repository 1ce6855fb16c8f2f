"""Avis: « Cette ressource vous a-t-elle été utile ? », the answers of authors and base admins,
and what the pages show of them.

Who may give an avis: a registered, active person who may read the resource as a member or as
the public (a share link grants reading only), on a live resource of a base whose admins left
avis open, and who is not credited on it (nobody rates their own work). One per person and
resource: giving it again changes it. The figures show once `MIN_SHOWN` avis are there, so
that one opinion is not presented as the platform's.
"""

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.notifications import notify

from .models import ResourceReview, Usefulness

MIN_SHOWN = 3
# Per person: how many avis in a day (a flood is not opinion).
DAILY_LIMIT = 30


class ReviewRefused(Exception):
    """The avis cannot be recorded; the message says why, in French."""


def is_credited(user, resource):
    return resource.credits.filter(user=user).exists()


def can_review(user, resource, request=None):
    if not (user.is_authenticated and user.is_active):
        return False
    base = resource.base
    if not (resource.live and base.live and base.reviews_enabled):
        return False
    if not base.user_can_view(user):
        return False
    return not is_credited(user, resource)


def can_answer(user, resource):
    """The resource's credited authors and its base's admins answer avis."""
    if not (user.is_authenticated and user.is_active):
        return False
    return resource.base.user_can_manage(user) or is_credited(user, resource)


def visible(resource):
    return resource.reviews.filter(hidden=False)


def figures(resource):
    """Count, average and useful count of the visible avis, in one query."""
    return visible(resource).aggregate(
        count=Count("pk"),
        average=Avg("usefulness"),
        useful=Count("pk", filter=Q(usefulness__gte=Usefulness.USEFUL)),
    )


def figures_of(resource_ids):
    """{resource id: figures} of many resources in one query (the search index's batches);
    a resource without avis is absent."""
    rows = (
        ResourceReview.objects.filter(resource_id__in=list(resource_ids), hidden=False)
        .order_by()
        .values("resource_id")
        .annotate(
            count=Count("pk"),
            average=Avg("usefulness"),
            useful=Count("pk", filter=Q(usefulness__gte=Usefulness.USEFUL)),
        )
    )
    return {row.pop("resource_id"): row for row in rows}


def summary(resource):
    """{"count", "average" (out of 4, one decimal), "useful" (share of Utile/Très utile, %)}
    of the visible avis, or None while there are fewer than MIN_SHOWN."""
    return shaped(figures(resource))


def shaped(figures):
    count = figures.get("count") or 0
    if count < MIN_SHOWN:
        return None
    return {
        "count": count,
        "average": round(float(figures["average"]), 1),
        "useful": round(100 * figures["useful"] / count),
    }


def annotate_summaries(resources):
    """Annotate a resource queryset with what the cards show (review_count, review_useful),
    in the same query (subqueries: no join that would multiply rows)."""

    def counted(**extra):
        rows = (
            ResourceReview.objects.filter(resource=OuterRef("pk"), hidden=False, **extra)
            .order_by()
            .values("resource")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return Coalesce(Subquery(rows, output_field=IntegerField()), 0)

    return resources.annotate(
        review_count=counted(), review_useful=counted(usefulness__gte=Usefulness.USEFUL)
    )


def give(user, resource, usefulness, comment):
    """Create or change the person's avis (idempotent under a double submission)."""
    if not can_review(user, resource):
        raise ReviewRefused(_("Vous ne pouvez pas donner d'avis sur cette ressource."))
    since = timezone.now() - timezone.timedelta(days=1)
    recent = ResourceReview.objects.filter(author=user, updated_at__gte=since)
    if recent.exclude(resource=resource).count() >= DAILY_LIMIT:
        raise ReviewRefused(
            _("Vous avez donné beaucoup d'avis aujourd'hui : réessayez demain, merci !")
        )
    try:
        with transaction.atomic():
            review, created = ResourceReview.objects.update_or_create(
                resource=resource,
                author=user,
                defaults={"usefulness": usefulness, "comment": comment.strip()},
            )
    except IntegrityError:  # the same avis sent twice at once: the other one won
        review, created = ResourceReview.objects.get(resource=resource, author=user), False
    if created and review.comment:
        notify(
            [*resource.base.managers, *(c.user for c in resource.credits.exclude(user=None))],
            kind="review",
            subject=_("Nouvel avis sur « %(title)s »") % {"title": resource.title},
            message=review.comment[:500],
            url=resource.url + resource.reverse_subpage("reviews") + f"#avis-{review.pk}",
            exclude=user,
        )
    return review, created


def answer(user, review, text):
    if not can_answer(user, review.resource.specific):
        raise ReviewRefused(
            _(
                "Seuls les auteurs de la ressource et les administrateurs de sa base répondent aux avis."
            )
        )
    review.answer = text.strip()
    review.answered_by = user if review.answer else None
    review.answered_at = timezone.now() if review.answer else None
    review.save(update_fields=["answer", "answered_by", "answered_at"])
    if review.answer:
        resource = review.resource.specific
        notify(
            [review.author],
            kind="review_answer",
            subject=_("Réponse à votre avis sur « %(title)s »") % {"title": resource.title},
            message=review.answer[:500],
            url=resource.url + resource.reverse_subpage("reviews") + f"#avis-{review.pk}",
            exclude=user,
        )
    return review
