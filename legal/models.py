"""The pages every State site must have, as Wagtail pages that platform staff edit.

Each `LegalPage` has a `kind` (one page per kind): the footer finds them by kind, so renaming
a page or changing its slug never breaks the footer of every page. The site map
(`SitePlanPage`) writes its list itself from the page tree, as an anonymous visitor sees it,
so it is never out of date and never names a private base. All live directly under the home
page (`legal.seed` creates them; `manage.py legal_pages` and `load_demo` call it)."""

from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

BODY_FEATURES = ["h2", "h3", "h4", "bold", "italic", "link", "ol", "ul", "hr"]


class LegalKind(models.TextChoices):
    MENTIONS = "mentions", _("Mentions légales")
    PERSONAL_DATA = "donnees", _("Données personnelles")
    COOKIES = "cookies", _("Gestion des cookies")
    ACCESSIBILITY = "accessibilite", _("Déclaration d'accessibilité")
    TERMS = "conditions", _("Conditions d'utilisation")


def _at_site_root(parent):
    """Directly under the home page (the root of the site), as the footer expects."""
    return parent is not None and parent.depth == 2


class LegalPage(Page):
    """One legal or informational page: a rich text with its date of last review."""

    kind = models.CharField(
        _("nature de la page"),
        max_length=20,
        choices=LegalKind.choices,
        unique=True,
        help_text=_("Le pied de page de chaque page du site renvoie à la page de cette nature."),
    )
    updated_on = models.DateField(
        _("date de mise à jour"),
        null=True,
        blank=True,
        help_text=_("Affichée sous le titre : changez-la quand le contenu change."),
    )
    body = RichTextField(_("contenu"), features=BODY_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("updated_on"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]

    subpage_types = []
    template = "legal/legal_page.html"

    class Meta:
        verbose_name = _("page légale")
        verbose_name_plural = _("pages légales")

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and _at_site_root(parent)


class SitePlanPage(Page):
    """« Plan du site »: the main sections, then the public bases and their collections."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    subpage_types = []
    max_count = 1
    template = "legal/site_plan_page.html"

    class Meta:
        verbose_name = _("plan du site")
        verbose_name_plural = _("plans du site")

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and _at_site_root(parent)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = site_plan(request, self)
        return context


def site_plan(request, plan_page):
    """[(title, url, children)] of the site, as anyone (logged in or not) may read it.

    The tree part goes through the same filter as the sitemap and the API (base.api), as an
    anonymous visitor: a private base, a private collection or a page of an unpublished base
    never appears, whoever looks. Resources are too many to list: each base says how many it
    holds and links to itself."""
    from django.urls import reverse

    from base.models import BasePage, BasesIndexPage
    from ressources.listing import api_visible_pages
    from ressources.models import ResourceCollectionPage, ResourcePage

    anonymous = AnonymousUser()
    root = plan_page.get_parent().specific
    visible = api_visible_pages(Page.objects.live().public(), anonymous)

    def url(page):
        return page.get_url(request)

    bases_children = []
    index_page = BasesIndexPage.objects.live().child_of(root).first()
    if index_page is not None:
        bases = visible.type(BasePage).child_of(index_page).order_by("title")
        cut = len(index_page.path) + index_page.steplen  # a base's path, from its descendants'
        collections = {}
        for collection in visible.type(ResourceCollectionPage).order_by("title"):
            collections.setdefault(collection.path[:cut], []).append(collection)
        counts = {}
        for path in visible.type(ResourcePage).values_list("path", flat=True):
            counts[path[:cut]] = counts.get(path[:cut], 0) + 1
        for base in bases:
            count = counts.get(base.path, 0)
            label = f"{base.title} ({count} ressource{'s' if count > 1 else ''})"
            bases_children.append(
                (label, url(base), [(c.title, url(c), []) for c in collections.get(base.path, [])])
            )
    label_links = [
        ("Demander le label", reverse("label:start"), []),
        ("Dispositifs labellisés", reverse("label:registry"), []),
        ("Suivi du label en chiffres", reverse("label:tracking"), []),
    ]
    account = [
        ("Se connecter", reverse("login"), []),
        ("Créer un compte", reverse("signup"), []),
        ("Mon compte", reverse("account"), []),
        ("Mon fil", reverse("mon_fil"), []),
        ("Mes collections", reverse("my_personal_collections"), []),
    ]
    others = [
        (page.title, url(page), [])
        for page in visible.child_of(root).exclude(pk=plan_page.pk).order_by("title")
        if index_page is None or page.pk != index_page.pk
    ]
    sections = [(root.title, url(root), [])]
    if index_page is not None:
        sections.append((index_page.title, url(index_page), bases_children))
    sections += [
        ("Rechercher", reverse("search"), []),
        ("Label NEC", reverse("label:index"), label_links),
        ("Espace personnel", None, account),
        ("Espace contributeur (administration)", "/admin/", []),
        ("Informations", None, others),
    ]
    return sections
