"""/partage/: share links of private bases and resources (base.sharing_views)."""

from django.urls import path, re_path

from . import sharing_views

urlpatterns = [
    path("<int:page_id>/gerer/", sharing_views.manage, name="share_link_manage"),
    re_path(
        r"^(?P<page_id>[0-9]{1,12})/(?P<token>[A-Za-z0-9_-]{1,100})/$",
        sharing_views.open_link,
        name="share_link_open",
    ),
]
