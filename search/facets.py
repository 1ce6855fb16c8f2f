"""Labels of facet values: one place for both engines and the search form.

Taxonomy terms and licences are data (their labels come from the database); organisation
kinds, territories, languages and label statuses come from the code's lists.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# The licence facet value every open licence also carries (search.documents.facet_values).
OPEN_LICENCES = "ouverte"
TAXONOMY_VOCABULARIES = {
    "themes": "theme",
    "resource_types": "resource_type",
    "beneficiaries": "beneficiary",
    "professional_sectors": "professional_sector",
}
# The label facet's values. Search owns this vocabulary; the app that decides labels maps a
# resource onto it through the "search_label_statuses" hook (search.documents.label_statuses).
LABELLED = "labellise"
EXPIRED = "expire"
NONE = "aucun"
LABEL_STATUSES = {
    LABELLED: _("Labellisé NEC"),
    EXPIRED: _("Label expiré"),
    NONE: _("Non labellisé"),
}


def code_labels(facet, values):
    """{value: label} of the known `values` of a facet whose values are the code's own."""
    from organisations.models import OrganisationKind
    from organisations.territories import department_name, region_name
    from ressources.models import Language

    labels = {}
    for value in values:
        label = ""
        if facet == "organisation_kind" and value in OrganisationKind.values:
            label = OrganisationKind(value).label
        elif facet == "region":
            label = region_name(value) or ""
        elif facet == "department" and department_name(value):
            label = f"{department_name(value)} ({value})"
        elif facet == "language" and value in Language.values:
            label = Language(value).label
        elif facet == "label":
            label = LABEL_STATUSES.get(value, "")
        elif facet == "licence" and value == OPEN_LICENCES:
            label = _("Licences ouvertes")
        if label:
            labels[value] = str(label)
    return labels


def stored_labels(facet=None, values=None):
    """{facet: {value: (label, group)}} of taxonomy terms and licences (all of them, or only
    `values` of `facet`); themes are grouped by their category."""
    from ressources.models import Licence, Term

    labels = {facet_key: {} for facet_key in (*TAXONOMY_VOCABULARIES, "licence")}
    facets = {vocabulary: key for key, vocabulary in TAXONOMY_VOCABULARIES.items()}
    terms = Term.objects.all()
    licences = Licence.objects.all()
    if facet is not None:
        terms = terms.filter(vocabulary=TAXONOMY_VOCABULARIES.get(facet), slug__in=values)
        licences = licences.filter(spdx_id__in=values) if facet == "licence" else licences.none()
    for vocabulary, slug, label, category in terms.values_list(
        "vocabulary", "slug", "label", "category"
    ):
        key = facets[vocabulary]
        labels[key][slug] = (label, category if key == "themes" else "")
    for spdx, name, short_name in licences.values_list("spdx_id", "name", "short_name"):
        labels["licence"][spdx] = (short_name or name, "")
    return labels


def facet_labels(facet, values, base_ids=None):
    """{value: (label, group)} of the known `values` of `facet`. A base is named only to those
    who may read it: public, or in `base_ids` (None: everyone's, as for platform admins)."""
    from base.models import BasePage, Visibility

    values = [str(value) for value in values if value]
    if not values:
        return {}
    if facet == "base":
        ids = [int(value) for value in values if value.isdigit() and len(value) < 12]
        bases = BasePage.objects.live().filter(pk__in=ids)
        if base_ids is not None:
            bases = bases.filter(
                Q(visibility=Visibility.PUBLIC, awaiting_moderation=False) | Q(pk__in=base_ids)
            )
        return {str(pk): (title, "") for pk, title in bases.values_list("pk", "title")}
    if facet == "tags":
        from taggit.models import Tag

        tags = Tag.objects.filter(slug__in=[value[:100] for value in values])
        return {slug: (f"#{name}", "") for slug, name in tags.values_list("slug", "name")}
    labels = {value: (label, "") for value, label in code_labels(facet, values).items()}
    if facet in TAXONOMY_VOCABULARIES or facet == "licence":
        labels.update(stored_labels(facet, values)[facet])
    return labels
