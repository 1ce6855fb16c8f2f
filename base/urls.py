"""Share links of private bases and resources (/partage/), and the invitation link of the
e-mail that invites someone into a base (/compte/invitations/), « Créer une base » and the
moderation of bases created on the site (/publier/nouvelle-base/, /publier/bases-a-valider/)."""

from django.urls import path, re_path

from .views import creation as creation_views
from .views import membership as membership_views
from .views import sharing as sharing_views

urlpatterns = [
    path("partage/<int:page_id>/gerer/", sharing_views.manage, name="share_link_manage"),
    re_path(
        r"^partage/(?P<page_id>[0-9]{1,12})/(?P<token>[A-Za-z0-9_-]{1,100})/$",
        sharing_views.open_link,
        name="share_link_open",
    ),
    path("compte/invitations/<str:token>/", membership_views.invitation, name="invitation"),
    # « Créer une base » from the site, and the moderation of bases (base/creation.py).
    path("publier/nouvelle-base/", creation_views.create, name="base_create"),
    path("publier/bases-a-valider/", creation_views.moderation, name="base_moderation"),
    path(
        "publier/bases-a-valider/<int:base_id>/valider/",
        creation_views.accept,
        name="base_moderation_accept",
    ),
]
