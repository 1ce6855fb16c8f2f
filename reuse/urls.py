"""Full public addresses of this app (included at the root by config/urls.py)."""

from django.urls import path, re_path

from .views import downloads, exports, open_data

urlpatterns = [
    path("rechercher/exporter/csv/", exports.search_export, {"fmt": "csv"}, name="search_csv"),
    path("rechercher/exporter/json/", exports.search_export, {"fmt": "json"}, name="search_json"),
    path("donnees-ouvertes/", open_data.page, name="open_data"),
    re_path(
        r"^donnees-ouvertes/(?P<name>ressources\.csv|ressources\.jsonl|datapackage\.json)$",
        open_data.download,
        name="open_data_file",
    ),
    # The pack of a person's collection (those of bases are page routes: base.extensions).
    path(
        "collections/<int:collection_id>/<slug:slug>/telecharger/pack/",
        downloads.personal_collection_pack,
        name="personal_collection_pack",
    ),
]
