"""The « Modérateurs » group holds its queues (reports, the feedback on the platform) and
nothing else.

Wagtail's media migrations give `choose_image` / `choose_document` on the root collection to
every group that may enter the admin, depending on the order the migrations ran: moderators
could then list and download the documents of private bases."""

from django.db import migrations

MODERATORS_GROUP = "Modérateurs"
KEPT = [
    ("ressources", "moderate_report"),
    ("wagtailadmin", "access_admin"),
    ("portal", "view_platformfeedback"),
    ("portal", "change_platformfeedback"),
]


def queue_only(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=MODERATORS_GROUP).first()
    if group is None:
        return
    apps.get_model("wagtailcore", "GroupCollectionPermission").objects.filter(group=group).delete()
    apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(group=group).delete()
    for permission in group.permissions.all():
        if (permission.content_type.app_label, permission.codename) not in KEPT:
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("ressources", "0004_reviews"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(queue_only, migrations.RunPython.noop)]
