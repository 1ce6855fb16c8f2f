"""Public URLs of the resources outside the page tree: personal collections (« Mes collections »
under /compte/, each collection under /collections/) and the topic pages (/mots-cles/<tag>/,
/thematiques/<theme>/)."""

from django.urls import path

from .views import authoring, topics
from .views import personal_collections as views

urlpatterns = [
    # « Publier une ressource » from the public site (ressources/views/authoring.py).
    path("publier/", authoring.start, name="publish_start"),
    path("publier/<int:base_id>/", authoring.new, name="publish_new"),
    path("publier/ressources/<int:page_id>/", authoring.edit, name="publish_edit"),
    path("publier/ressources/<int:page_id>/apercu/", authoring.preview, name="publish_preview"),
    path("espace-contributeur/", authoring.contributor_space, name="contributor_space"),
    path("compte/collections/", views.my_collections, name="my_personal_collections"),
    path(
        "compte/collections/nouvelle/",
        views.create_collection,
        name="personal_collection_create",
    ),
    path(
        "compte/collections/<int:collection_id>/modifier/",
        views.edit_collection,
        name="personal_collection_edit",
    ),
    path(
        "compte/collections/<int:collection_id>/supprimer/",
        views.delete_collection,
        name="personal_collection_delete",
    ),
    path(
        "compte/collections/<int:collection_id>/ressources/<int:item_id>/retirer/",
        views.remove_item,
        name="personal_collection_remove_item",
    ),
    path(
        "compte/collections/<int:collection_id>/ressources/<int:item_id>/deplacer/",
        views.move_item,
        name="personal_collection_move_item",
    ),
    path(
        "collections/<int:collection_id>/<slug:slug>/",
        views.collection_detail,
        name="personal_collection",
    ),
    path("mots-cles/<str:slug>/", topics.tag_page, name="tag_page"),
    path("thematiques/<slug:slug>/", topics.theme_page, name="theme_page"),
]
