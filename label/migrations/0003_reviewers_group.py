"""The « Instructeurs du label NEC » group: they review requests in the admin, nothing else."""

from django.db import migrations

REVIEWERS_GROUP = "Instructeurs du label NEC"


def create_reviewers_group(apps, schema_editor):
    """The reviewers: they instruct requests in the Wagtail admin, and nothing else."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("label")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="label", codename="review_labelrequest"),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )


def delete_reviewers_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=REVIEWERS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("label", "0002_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_reviewers_group, delete_reviewers_group)]
