"""The GET parameters of the search page, parsed into a `search.query.SearchQuery`.

Every parameter is untrusted. The search text loses control and invisible characters and is cut
to 200 characters; unknown tabs, sorts and facet values are ignored without a word (a facet
value is kept only if it exists, and a base only if the person may read it); a malformed date
gets a French error message and the search runs without it; any page number gives an existing
page (see `page_request`). All the state is in the address: `SearchRequest.url` rebuilds it,
with changes, for the tabs, the removable filters and the pagination.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from base.input_guard import SafeDateField
from base.models import BaseMembership, BasePage
from ressources.models import Licence

from .documents import FACETS
from .facets import OPEN_LICENCES, facet_labels
from .query import MAX_QUERY_LENGTH, PER_PAGE, SORTS, TABS, SearchQuery, parse

DEFAULT_TAB = "ressources"
# Values a facet may carry in the address: enough for any real selection, not a flood.
MAX_VALUES_PER_FACET = 30
MAX_VALUE_LENGTH = 100
# A page number beyond this is simply « the last page ».
MAX_PAGE_DIGITS = 9
TRUE_VALUES = ("1", "on", "oui", "true")

TAB_LABELS = {
    "ressources": _("Ressources"),
    "bases": _("Bases"),
    "collections": _("Collections"),
}
SORT_LABELS = {
    "pertinence": _("Pertinence"),
    "recentes": _("Les plus récentes"),
    "mises-a-jour": _("Mises à jour récemment"),
    "titre": _("Titre (A → Z)"),
    "mieux-notees": _("Les mieux notées"),
}
# Legend of each facet (search.documents.FACETS key), in the order of the filters column.
FACET_LABELS = {
    "themes": _("Thématique"),
    "resource_types": _("Type de ressource"),
    "beneficiaries": _("Bénéficiaire"),
    "professional_sectors": _("Secteur professionnel"),
    "licence": _("Licence"),
    "base": _("Base"),
    "organisation_kind": _("Type d'organisation"),
    "region": _("Région"),
    "department": _("Département"),
    "language": _("Langue"),
    "tags": _("Mot-clé"),
    "label": _("Label NEC"),
}
# The field is the browser's own date picker, shown in the browser's format: the message names
# no format, it asks for a real date (a hand-edited address may carry « 2024-13-45 »).
DATE_ERROR = _("Cette date n'existe pas : choisissez un jour dans le calendrier du champ.")


def clean_query(raw):
    """The search text: control and invisible characters removed, spaces collapsed, 200 max."""
    if not isinstance(raw, str):
        return ""
    text = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in raw)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def is_truncated(raw):
    return isinstance(raw, str) and len(" ".join(raw.split())) > MAX_QUERY_LENGTH


def visible_base_ids(user):
    """The bases whose non-public content the person may read: None (every base) for platform
    admins, the bases they are a member of otherwise, nothing for anonymous visitors.

    A member of a public base also reads its private collections, hence every membership, not
    only the private bases (public content is visible to all anyway)."""
    if user is None or not user.is_authenticated:
        return frozenset()
    if user.is_superuser:
        return None
    member_of = BaseMembership.objects.filter(user=user).values_list("base_id", flat=True)
    managed = BasePage.objects.filter(organisation__memberships__user=user).values_list(
        "pk", flat=True
    )
    return frozenset(member_of) | frozenset(managed)


def page_request(raw):
    """The page asked for: 1 unless a plain positive integer; a huge number means « the last
    page » (the view clamps it once the total is known)."""
    if not isinstance(raw, str) or not re.fullmatch(r"[0-9]+", raw.strip()):
        return 1
    digits = raw.strip().lstrip("0")
    if len(digits) > MAX_PAGE_DIGITS:
        return 10**MAX_PAGE_DIGITS
    return max(int(digits or "0"), 1)


class SearchForm(forms.Form):
    """The single-valued parameters; facet values are checked against what exists instead."""

    tri = forms.ChoiceField(
        label=_("Trier par"),
        required=False,
        choices=list(SORT_LABELS.items()),
        widget=forms.Select(attrs={"class": "fr-select"}),
    )
    du = SafeDateField(
        label=_("Publiée à partir du"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": DATE_ERROR},
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date", "class": "fr-input"}),
    )
    au = SafeDateField(
        label=_("Publiée jusqu'au"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": DATE_ERROR},
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date", "class": "fr-input"}),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("du"), data.get("au")
        if start and end and start > end:
            self.add_error("au", _("La date de fin doit être postérieure à la date de début."))
        return data


def _single(query, name):
    """The last value of a parameter, as a string (None when absent or not text)."""
    value = query.get(name)
    return value if isinstance(value, str) else None


def _requested_values(query, param):
    values = []
    for value in query.getlist(param)[: MAX_VALUES_PER_FACET * 4]:
        if not isinstance(value, str):
            continue
        value = value.strip()
        if any(unicodedata.category(char)[0] == "C" for char in value):
            continue  # no facet value holds control characters (and PostgreSQL refuses NUL)
        if value and len(value) <= MAX_VALUE_LENGTH and value not in values:
            values.append(value)
    return values[:MAX_VALUES_PER_FACET]


def known_values(facet, values, base_ids):
    """{value: label} of the `values` that exist for `facet` (and, for bases, that the person
    may read: `base_ids` as in SearchQuery.visible_base_ids)."""
    return {
        value: label for value, (label, _group) in facet_labels(facet, values, base_ids).items()
    }


def open_licences(spdx_ids):
    return set(
        Licence.objects.filter(spdx_id__in=spdx_ids, is_open=True).values_list("spdx_id", flat=True)
    )


@dataclass
class SearchRequest:
    """What the address asks for, validated, and how to link to variations of it."""

    query: SearchQuery
    form: SearchForm
    raw_text: str = ""
    truncated: bool = False
    # facet key → selected values, in the order of the address, each one known.
    selected: dict[str, list[str]] = field(default_factory=dict)
    # (facet key, value) → label, for the selected values.
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
    open_only: bool = False
    sort_given: bool = False

    @property
    def text(self):
        return self.query.text

    @property
    def tab(self):
        return self.query.tab

    @property
    def has_filters(self):
        return bool(
            self.selected or self.open_only or self.query.published_from or self.query.published_to
        )

    def pairs(self, text=None, tab=None, without=None, drop=()):
        """The current search as (parameter, value) pairs, with changes: another `text` or
        `tab`, one selected value left out (`without`: (facet key, value)), or whole
        parameters dropped (`drop`: "filters", "du", "au", "ouvertes", "tri")."""
        text = self.text if text is None else text
        tab = self.tab if tab is None else tab
        pairs = []
        if text:
            pairs.append(("q", text))
        if tab != DEFAULT_TAB:
            pairs.append(("onglet", tab))
        if "filters" not in drop:
            for facet, values in self.selected.items():
                pairs += [(FACETS[facet], value) for value in values if (facet, value) != without]
            if self.open_only and "ouvertes" not in drop:
                pairs.append(("ouvertes", "1"))
            if self.query.published_from and "du" not in drop:
                pairs.append(("du", self.query.published_from.isoformat()))
            if self.query.published_to and "au" not in drop:
                pairs.append(("au", self.query.published_to.isoformat()))
        if self.sort_given and "tri" not in drop:
            pairs.append(("tri", self.query.sort))
        return pairs

    def url(self, page=None, **changes):
        pairs = self.pairs(**changes)
        if page and page > 1:
            pairs.append(("page", str(page)))
        return reverse("search") + ("?" + urlencode(pairs) if pairs else "")

    def log_filters(self):
        """The filters as the search log keeps them (facet keys, ISO dates)."""
        filters = {facet: list(values) for facet, values in self.selected.items()}
        if self.open_only:
            filters["licences_ouvertes"] = True
        if self.query.published_from:
            filters["du"] = self.query.published_from.isoformat()
        if self.query.published_to:
            filters["au"] = self.query.published_to.isoformat()
        return filters


def parse_request(query, base_ids=frozenset()):
    """A SearchRequest from request.GET (a QueryDict). `base_ids` as visible_base_ids(user)."""
    raw_text = _single(query, "q") or ""
    single = {name: _single(query, name) for name in ("onglet", "tri", "ouvertes", "du", "au")}
    form = SearchForm(
        {name: single[name] for name in ("tri", "du", "au") if single[name]}, auto_id="filtre-%s"
    )
    form.is_valid()
    # An unknown sort is simply the default sort (below): not an error to show.
    form.errors.pop("tri", None)
    data = form.cleaned_data

    tab = single["onglet"] if single["onglet"] in TABS else DEFAULT_TAB
    sort_given = single["tri"] in SORTS
    text = clean_query(raw_text)
    # Without words to rank by, the most recent first.
    default_sort = "recentes" if parse(text).is_empty else "pertinence"
    sort = single["tri"] if sort_given else default_sort

    selected, labels = {}, {}
    requested = {facet: _requested_values(query, param) for facet, param in FACETS.items()}
    open_only = single["ouvertes"] in TRUE_VALUES or OPEN_LICENCES in requested["licence"]
    requested["licence"] = [value for value in requested["licence"] if value != OPEN_LICENCES]
    for facet, values in requested.items():
        known = known_values(facet, values, base_ids)
        if facet == "licence" and open_only:
            # « Licences ouvertes uniquement » wins over a closed licence chosen with it.
            opened = open_licences(known)
            known = {value: label for value, label in known.items() if value in opened}
        kept = [value for value in values if value in known]
        if kept:
            selected[facet] = kept
            labels.update({(facet, value): known[value] for value in kept})

    filters = {facet: list(values) for facet, values in selected.items()}
    if open_only and "licence" not in filters:
        filters["licence"] = [OPEN_LICENCES]

    search_query = SearchQuery(
        text=text,
        tab=tab,
        filters=filters,
        published_from=data.get("du") if "du" not in form.errors else None,
        published_to=data.get("au") if "au" not in form.errors else None,
        sort=sort,
        page=page_request(_single(query, "page")),
        per_page=PER_PAGE,
        visible_base_ids=base_ids,
    )
    return SearchRequest(
        query=search_query,
        form=form,
        raw_text=raw_text,
        truncated=is_truncated(raw_text),
        selected=selected,
        labels=labels,
        open_only=open_only,
        sort_given=sort_given,
    )
