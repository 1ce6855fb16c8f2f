"""Querysets, filter forms and pagination of the public listings: what every listing shares.

Every listing of the public site is built on `base.visibility.visible_pages` (bases here,
resources and collections in ressources.listing, the directory and the home page in
portal.listing), so that a private base (or a private collection) cannot leak through one of them.

GET parameters are untrusted: the filter forms keep the values that validate and silently drop
the others, and `paginate` turns any page number into an existing page, so that a crafted or
outdated URL always answers a normal page.
"""

import hashlib
import re
from array import array
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.core.paginator import Paginator
from django.db.models import QuerySet

from .models import BasePage
from .visibility import visible_pages

PER_PAGE = 12
CARD_IMAGE_SPEC = "fill-600x338"
LOGO_SPEC = "max-160x160"
# The ids of a listing kept in order (see `ordered_ids`): 8 bytes each, up to 1.6 MB.
MAX_CACHED_IDS = 200_000
ORDERED_IDS_SECONDS = 24 * 60 * 60

# ---------------------------------------------------------------------------------------------
# Visibility-aware querysets
# ---------------------------------------------------------------------------------------------


def visible_bases(user):
    """Live bases the user may read (public ones, plus private ones they are a member of)."""
    return visible_pages(BasePage.objects.live(), user)


# ---------------------------------------------------------------------------------------------
# Pagination and query strings
# ---------------------------------------------------------------------------------------------


def page_number(raw):
    """A page number from an untrusted string: 1 unless it is a plain positive integer."""
    if isinstance(raw, str) and re.fullmatch(r"[0-9]{1,9}", raw.strip()):
        return max(int(raw.strip()), 1)
    return 1


def page_window(number, last):
    """The page numbers to show around the current one, with None for a gap."""
    wanted = {1, last, number - 1, number, number + 1}
    if number <= 3:
        wanted.update({2, 3})
    if number >= last - 2:
        wanted.update({last - 1, last - 2})
    pages = sorted(p for p in wanted if 1 <= p <= last)
    window, previous = [], 0
    for page in pages:
        if page - previous == 2:
            window.append(previous + 1)
        elif page - previous > 2:
            window.append(None)
        window.append(page)
        previous = page
    return window


def paginate(object_list, raw_page, per_page=PER_PAGE, count=None, ids_key=None):
    """The requested page of `object_list`; out-of-range numbers give the last page.

    The returned page carries `window` (see `page_window`) for the pagination component.
    `count`, when the caller knows it (a stored figure), spares the COUNT query. `ids_key`, a
    cache key that changes whenever the listing may (see `ordered_ids`), serves every page of
    a queryset from its ids kept in order: page 639 costs what page 1 does.
    """
    ids = ordered_ids(object_list, ids_key) if ids_key else None
    paginator = Paginator(object_list if ids is None else ids, per_page)
    if count is not None and ids is None:
        paginator.count = count  # a cached_property: the stored figure stands in for COUNT(*)
    number = min(page_number(raw_page), paginator.num_pages)
    page = paginator.page(number)
    if ids is not None:
        page.object_list = rows_in_order(object_list, list(page.object_list))
    elif isinstance(object_list, QuerySet):
        page.object_list = _rows_of_page(object_list, page)
    page.window = page_window(page.number, paginator.num_pages)
    return page


def ordered_ids(queryset, key):
    """The ids of the rows of `queryset`, in its order, kept in the cache under `key`; None
    past MAX_CACHED_IDS rows.

    A deep page (OFFSET 7,656 in a base of 15,000 resources, 50,000 in the API) makes the
    database sort and skip every row before it, at every request. Read once, the ids serve
    every page, the count and every offset. `key` must change with anything that changes the
    listing — its filters and order, and a version of its rows (a base's BaseCounts.version,
    the page cache's generation) — so a stale order is never served."""
    if not isinstance(queryset, QuerySet):
        return None
    cache = caches[settings.LISTING_CACHE_ALIAS]
    cache_key = "ordered-ids:" + hashlib.sha256(key.encode()).hexdigest()
    stored = cache.get(cache_key)
    if stored is None:
        ids = list(queryset.values_list("pk", flat=True)[: MAX_CACHED_IDS + 1])
        stored = array("q", ids) if len(ids) <= MAX_CACHED_IDS else False
        cache.set(cache_key, stored, ORDERED_IDS_SECONDS)
    return stored if stored is not False else None


def rows_in_order(queryset, ids):
    """The rows of `queryset` with these ids, in the ids' order (those gone since are left out)."""
    rows = {row.pk: row for row in queryset.filter(pk__in=ids).order_by()}
    return [rows[pk] for pk in ids if pk in rows]


def _rows_of_page(queryset, page):
    """The rows of one page in two steps: sort and skip on the ids alone, then read the few
    rows shown (with their annotations and prefetches). Sorting whole rows, bodies included,
    to keep twelve of them is what made a big base's listing grow with its size, and more so
    far into it."""
    bottom = (page.number - 1) * page.paginator.per_page
    ids = list(queryset.values_list("pk", flat=True)[bottom : bottom + page.paginator.per_page])
    return rows_in_order(queryset, ids)


def querystring(params, **overrides):
    """`?a=1&b=2` from a dict, leaving out empty values; '' when nothing is left."""
    merged = {**params, **overrides}
    pairs = [(key, value) for key, value in merged.items() if value not in (None, "")]
    return "?" + urlencode(pairs) if pairs else ""


# ---------------------------------------------------------------------------------------------
# Filter forms
# ---------------------------------------------------------------------------------------------


class ListingForm(forms.Form):
    """A GET filter form that keeps valid values and drops the others.

    `ListingForm.from_query(request.GET)` returns a bound form whose data holds only the values
    that validate, so it renders without errors and `params` can be put back in links.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.Select):
                field.widget.attrs.setdefault("class", "fr-select")

    @classmethod
    def from_query(cls, query, **kwargs):
        form = cls(query, **kwargs)
        form.is_valid()
        valid = {}
        for name, value in form.cleaned_data.items():
            if value not in (None, ""):
                valid[name] = form[name].data
        # Validate again with the valid values only: no error to show, clean data to link to.
        form.data = valid
        form.full_clean()
        return form

    @property
    def params(self):
        """The valid values, as GET parameters."""
        return {name: self.data[name] for name in self.fields if self.data.get(name)}

    @property
    def active_filters(self):
        """(field label, chosen label) of each filter in use, sort order excepted."""
        active = []
        for name, field in self.fields.items():
            if name == "tri" or not self.data.get(name):
                continue
            labels = dict(_flat_choices(field.choices))
            active.append((field.label, labels.get(self.data[name], self.data[name])))
        return active


def _flat_choices(choices):
    for value, label in choices:
        if isinstance(label, list | tuple):
            yield from label
        else:
            yield value, label
