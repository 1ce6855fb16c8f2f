"""The embedded engine's index, the queue of pending index updates, the search log, synonyms."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class Kind(models.TextChoices):
    RESOURCE = "resource", _("Ressource")
    BASE = "base", _("Base")
    COLLECTION = "collection", _("Collection")


class SearchEntry(models.Model):
    """One searchable page as the embedded (database) engine stores it.

    Only the current published version of a page is ever here. `document` is the full search
    document (search.documents.build_document); `fingerprint` tells `search_index check` whether
    it is stale. The full-text index itself is an FTS5 table on SQLite and a tsvector column on
    PostgreSQL, both created by this app's migrations (see search.engines.database)."""

    # No foreign key in the database: a rebuild writes the new index beside the live one
    # (search.engines.shadow), and a page deleted meanwhile must not make its deletion fail
    # on a row nobody reads yet. Django still deletes the entry with its page (CASCADE).
    page = models.OneToOneField(
        Page,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_entry",
        db_constraint=False,
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    base_id = models.IntegerField(db_index=True)
    is_public = models.BooleanField(db_index=True)
    title = models.CharField(max_length=255)
    title_sort = models.CharField(max_length=255, db_index=True)
    first_published_at = models.DateTimeField(null=True, db_index=True)
    last_published_at = models.DateTimeField(null=True, db_index=True)
    # The « les mieux notées » sort: the average of the visible avis, None below
    # ressources.reviews.MIN_SHOWN (those sort after, by recency).
    rating = models.FloatField(null=True)
    review_count = models.PositiveIntegerField(default=0)
    document = models.JSONField()
    fingerprint = models.CharField(max_length=40)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("entrée de l'index de recherche")
        verbose_name_plural = _("entrées de l'index de recherche")


class SearchFacet(models.Model):
    """One facet value of an entry (a theme, a licence, a region…), for counting facets."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=30)
    value = models.CharField(max_length=150)

    class Meta:
        indexes = [models.Index(fields=["facet", "value"])]


class IndexAction(models.TextChoices):
    UPDATE = "update", _("mise à jour")
    DELETE = "delete", _("suppression")


class PendingIndexUpdate(models.Model):
    """An index update stored before it is sent, so that nothing is lost while an engine is
    unreachable: the queue drains when it comes back (search.lifecycle)."""

    engine = models.CharField(max_length=30)
    page_id = models.IntegerField()
    action = models.CharField(max_length=10, choices=IndexAction.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("mise à jour d'index en attente")
        verbose_name_plural = _("mises à jour d'index en attente")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["engine", "page_id"], name="one_pending_update_per_page"
            )
        ]


class SearchLog(models.Model):
    """A search as the statistics will count it: no user, no address, no session."""

    query = models.CharField(_("requête normalisée"), max_length=200, blank=True)
    tab = models.CharField(_("onglet"), max_length=20)
    filters = models.JSONField(_("filtres"), default=dict)
    results = models.PositiveIntegerField(_("résultats"))
    duration_ms = models.FloatField(_("durée (ms)"))
    engine = models.CharField(_("moteur"), max_length=30)
    fallback = models.BooleanField(_("moteur de secours"), default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("recherche effectuée")
        verbose_name_plural = _("recherches effectuées")
        ordering = ["-created_at"]


class Synonym(models.Model):
    """A group of words that mean the same in the sector (« CnFS, conseiller numérique »).

    Adds to search/synonyms.txt; both engines read the two (search.synonyms)."""

    terms = models.CharField(
        _("termes équivalents"),
        max_length=500,
        help_text=_("Séparés par des virgules, par exemple : EPN, espace public numérique"),
    )

    panels = [FieldPanel("terms")]

    class Meta:
        verbose_name = _("synonymes")
        verbose_name_plural = _("synonymes")

    def __str__(self):
        return self.terms
