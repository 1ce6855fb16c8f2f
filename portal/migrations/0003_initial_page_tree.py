"""Replace Wagtail's welcome page with the platform's home page and its bases directory."""

from django.db import migrations


def create_tree(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("portal.HomePage")
    BasesIndexPage = apps.get_model("base.BasesIndexPage")

    Page.objects.filter(depth=2, content_type__model="page").delete()
    locale = Locale.objects.first() or Locale.objects.create(language_code="fr")
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="portal")
    index_type, _ = ContentType.objects.get_or_create(model="basesindexpage", app_label="base")

    home = HomePage.objects.create(
        title="Bases communes",
        draft_title="Bases communes",
        slug="accueil",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=1,
        url_path="/accueil/",
        locale=locale,
        introduction=(
            "Les ressources pédagogiques de l'inclusion numérique, partagées et améliorées "
            "ensemble par les médiateurs, les Hubs et leurs partenaires."
        ),
    )
    BasesIndexPage.objects.create(
        title="Les bases",
        draft_title="Les bases",
        slug="bases",
        content_type=index_type,
        path="000100010001",
        depth=3,
        numchild=0,
        url_path="/accueil/bases/",
        locale=locale,
        introduction=(
            "Chaque base rassemble les ressources d'une organisation, d'un programme ou d'une "
            "communauté : Hubs territoriaux, collectivités, associations, opérateurs nationaux."
        ),
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page_id=home.id,
        is_default_site=True,
        site_name="Bases communes",
    )


def remove_tree(apps, schema_editor):
    apps.get_model("portal.HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_initial"),
        ("base", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_tree, remove_tree)]
