import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

SNAPSHOT_INDEX = (
    "CREATE INDEX IF NOT EXISTS bc_search_entry_snapshot ON bc_search_searchentry (kind, "
    "is_public, base_id, first_published_at, last_published_at, title_sort, rating, "
    "review_count, page_id)"
)


class Migration(migrations.Migration):
    """The index rows keep no foreign key to the pages (search.engines.shadow: a rebuild is
    written beside the live index, and a page deleted meanwhile must still be deletable).
    SQLite alters the column by copying the table, which loses the snapshot's covering index
    (created by raw SQL in 0003): created again."""

    dependencies = [
        ("bc_search", "0003_review_figures"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="searchentry",
            name="page",
            field=models.OneToOneField(
                db_constraint=False,
                on_delete=django.db.models.deletion.CASCADE,
                primary_key=True,
                related_name="search_entry",
                serialize=False,
                to=settings.WAGTAIL_PAGE_MODEL,
            ),
        ),
        migrations.RunSQL(SNAPSHOT_INDEX, migrations.RunSQL.noop),
    ]
