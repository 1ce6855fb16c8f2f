"""The reviewers' group holds its queue and nothing else.

Wagtail's media migrations give `choose_image` / `choose_document` on the root collection to
every group that may enter the admin (emulating its old behaviour), depending on the order the
migrations ran: reviewers could then list and download the documents of private bases."""

from django.db import migrations

REVIEWERS_GROUP = "Instructeurs du label NEC"
KEPT = [("label", "review_labelrequest"), ("wagtailadmin", "access_admin")]


def queue_only(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=REVIEWERS_GROUP).first()
    if group is None:
        return
    apps.get_model("wagtailcore", "GroupCollectionPermission").objects.filter(group=group).delete()
    apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(group=group).delete()
    for permission in group.permissions.all():
        if (permission.content_type.app_label, permission.codename) not in KEPT:
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("label", "0004_label_request_is_demo"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(queue_only, migrations.RunPython.noop)]
