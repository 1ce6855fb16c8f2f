from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Licence, Term


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "tag"
    menu_label = _("Taxonomie")
    list_display = ["label", "vocabulary", "category", "order", "active"]
    list_filter = ["vocabulary", "active"]
    search_fields = ["label", "slug"]


class LicenceViewSet(SnippetViewSet):
    model = Licence
    icon = "doc-full"
    menu_label = _("Licences")
    list_display = ["name", "spdx_id", "kind", "is_open", "crpa_listed"]
    list_filter = ["kind", "is_open", "crpa_listed"]


class ReferenceGroup(SnippetViewSetGroup):
    menu_label = _("Référentiels")
    menu_icon = "list-ul"
    menu_order = 310
    items = (TermViewSet, LicenceViewSet)


register_snippet(ReferenceGroup)
