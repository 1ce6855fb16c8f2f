"""The « Modérateurs » group and its permission to moderate reports."""

from django.db import migrations

MODERATORS_GROUP = "Modérateurs"


def create_moderators_group(apps, schema_editor):
    """The « Modérateurs » group: access to the Wagtail admin and to the reports queue.

    Permissions are normally created after all migrations (post_migrate); the one the group
    needs is created here so that the group is complete on a fresh database."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    report_type, _ = ContentType.objects.get_or_create(app_label="ressources", model="report")
    moderate, _ = Permission.objects.get_or_create(
        content_type=report_type,
        codename="moderate_report",
        defaults={"name": "Peut modérer les signalements"},
    )
    group, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    group.permissions.add(moderate)
    access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access is not None:
        group.permissions.add(access)


def remove_moderators_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=MODERATORS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ressources", "0002_seed_taxonomy_and_licences"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_moderators_group, remove_moderators_group)]
