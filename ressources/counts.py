"""The stored figures of the bases (ressources.models.BaseCounts), kept by the lifecycle.

Every change that alters how many live resources a base holds goes through here, from the same
signals the search index follows (ressources.signals): a publication or an unpublication
recounts the page's base (one count of its children on the tree path index; a collection's
too, since the version keys caches); a move recounts the bases before and after; a deletion
takes one off. Visibility changes need nothing: the
figure is what the base holds, and who may read the base is decided by the listings.
`refresh_all_counts` recounts everything (a data migration, the bulk-built bench corpus,
`manage.py recount_bases` after a bulk import).
"""

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Sum
from wagtail.models import Page

from base.models import BASE_DEPTH, BasePage
from base.visibility import BASE_PATH_LENGTH

from .models import BaseCounts, ResourcePage


def base_paths_of(*pages):
    """The paths of the bases the given pages sit in (None and pages above bases ignored)."""
    return {
        page.path[:BASE_PATH_LENGTH]
        for page in pages
        if page is not None and page.depth >= BASE_DEPTH
    }


def live_resource_count(base_path):
    """A range of tree paths, not a prefix LIKE: the path index serves it (base.visibility's
    children_of)."""
    return (
        ResourcePage.objects.live()
        .filter(path__gt=base_path, path__lte=base_path + "Z" * Page.steplen, depth=BASE_DEPTH + 1)
        .count()
    )


def recount(base_paths):
    """Store the live resource count of the bases at `base_paths`, and move their version on."""
    for base_id, path in BasePage.objects.filter(path__in=set(base_paths)).values_list(
        "pk", "path"
    ):
        count = live_resource_count(path)
        updated = BaseCounts.objects.filter(base_id=base_id).update(
            resources=count, version=F("version") + 1
        )
        if not updated:
            try:
                with transaction.atomic():
                    BaseCounts.objects.create(base_id=base_id, resources=count, version=1)
            except IntegrityError:  # created meanwhile by a concurrent recount
                BaseCounts.objects.filter(base_id=base_id).update(
                    resources=count, version=F("version") + 1
                )


def resource_deleted(resource):
    """A live resource deleted: one fewer in its base (a base's deletion deletes its pages one
    by one, and recounting each time would be quadratic)."""
    if not resource.live:
        return
    BaseCounts.objects.filter(base__path=resource.path[:BASE_PATH_LENGTH], resources__gt=0).update(
        resources=F("resources") - 1, version=F("version") + 1
    )


def content_version():
    """A value that changes whenever a base's content changes (any publication, unpublication,
    move or deletion of its pages): for the keys of caches over the whole site. One small
    query over the bases' figures."""
    totals = BaseCounts.objects.aggregate(rows=Count("pk"), versions=Sum("version"))
    return f"{totals['rows']}-{totals['versions'] or 0}"


def refresh_all_counts():
    recount(BasePage.objects.values_list("path", flat=True))
