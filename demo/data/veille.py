"""Demo data of the veille: a few follows (a base, a collection, an organisation) and one
person opted in to the weekly digest. Idempotent: each follow is looked up by its target."""

from accounts.models import User
from ressources.models import ResourceCollectionPage
from veille.models import CollectionAddition, Follow

# (username, kind, key): a base slug, « base/collection » slugs, or an organisation slug.
FOLLOWS = [
    ("medi.contrib", "base", "hub-numi"),
    (
        "medi.contrib",
        "collection",
        "interhubs/pour-les-communes-agir-contre-les-inegalites-numeriques",
    ),
    ("medi.contrib", "organisation", "les-assembleurs"),
    ("claire.anct", "base", "hub-du-sud"),
    ("claire.anct", "organisation", "hub-numi"),
]
DIGEST_PEOPLE = ["medi.contrib"]


def collection_dates():
    """Resources entered the demo collections when the collections were (backdated) published,
    not when the loader ran."""
    for collection in ResourceCollectionPage.objects.filter(last_published_at__isnull=False):
        CollectionAddition.objects.filter(
            collection_id=collection.pk, added_at__gt=collection.last_published_at
        ).update(added_at=collection.last_published_at)


def load(command):
    collection_dates()
    total = len(FOLLOWS) + len(DIGEST_PEOPLE)
    for index, (username, kind, key) in enumerate(FOLLOWS, start=1):
        user = command.people[username]
        if kind == "organisation":
            target = command.organisations[key]
            _, created = Follow.objects.get_or_create(user=user, organisation=target)
            label = f"{username} suit l'organisation {target.name}"
        else:
            if kind == "base":
                target = command.bases[key]
            else:
                base_slug, slug = key.split("/")
                target = ResourceCollectionPage.objects.child_of(command.bases[base_slug]).get(
                    slug=slug
                )
            _, created = Follow.objects.get_or_create(user=user, page_id=target.pk)
            label = f"{username} suit {target.title}"
        command.step("Veille", index, total, label, created)
    for offset, username in enumerate(DIGEST_PEOPLE, start=len(FOLLOWS) + 1):
        created = bool(
            User.objects.filter(username=username, weekly_digest=False).update(weekly_digest=True)
        )
        command.step("Veille", offset, total, f"{username} reçoit le résumé hebdomadaire", created)
