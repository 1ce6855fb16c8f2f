"""Resources published before the journal existed get their version 1.0, from their live revision."""

from django.db import migrations


def first_versions(apps, schema_editor):
    ResourcePage = apps.get_model("ressources", "ResourcePage")
    ResourceVersion = apps.get_model("ressources", "ResourceVersion")
    for page in ResourcePage.objects.filter(live=True, live_revision__isnull=False):
        if ResourceVersion.objects.filter(resource=page).exists():
            continue
        revision = page.live_revision
        user = revision.user
        name = ""
        organisation = ""
        if user is not None:
            name = f"{user.first_name} {user.last_name}".strip() or user.username
            organisation = user.organisation.name if user.organisation_id else ""
        ResourceVersion.objects.create(
            resource=page,
            major=1,
            minor=0,
            revision=revision,
            published_at=page.first_published_at or revision.created_at,
            user=user,
            responsible_name=name or "Publication automatique",
            responsible_organisation=organisation,
            changes="Première publication",
        )


class Migration(migrations.Migration):
    dependencies = [
        ("ressources", "0003_versions_and_proposals"),
        ("base", "0005_follow_notification"),
    ]

    operations = [migrations.RunPython(first_versions, migrations.RunPython.noop)]
