"""What the Elasticsearch 8 engine sends and reads: pure functions, no connection.

Everything the engine sends is built by functions of this module that the offline tests check
as they are: `index_body()` (settings, French analysis and mappings), `search_body()`,
`suggest_body()`, `source_of()` (what is indexed for a document); `parse_response()` reads a
search response into `search.query.SearchResults`.

French analysis, mirroring search/normalise.py (the database engine's normalisation) step by
step: standard tokenizer → elision (the same articles, case-insensitive) → lowercase →
asciifolding → the same stop words (inlined from normalise.STOP_WORDS) → plural -s/-x dropped
(`pattern_replace` token filter, normalise.PLURAL_RE) → Snowball French. Where they differ:
- tokens: the standard tokenizer (Unicode UAX #29) keeps « aujourd'hui » or « a_b » whole and
  numbers such as « 3,5 » together; normalise.py splits on anything that is not a letter/digit;
- elision: normalise.py also drops an article before a modifier letter apostrophe (ʼ, U+02BC);
  Lucene's elision filter knows ' and ’ only;
- folding: asciifolding maps a few more letters (ß → ss, ø → o, đ → d…) than NFKD + œ/æ;
- plural: Java's `\\w` is ASCII, Python's is Unicode (the same after folding, but for
  non-Latin words, which have no Latin -s/-x anyway);
- stemming: Lucene's Snowball French and the `snowballstemmer` package may be different
  releases of the same algorithm: a rare word may stem differently.

Synonyms (search.synonyms) are applied at query time only, by a `synonym_graph` filter that ends
the search analyzer, its rules inlined in the index settings (no file on the server: the index is
self-contained; rebuild the index when the synonyms change). The rules are parsed by the same
chain as the text they match, so « conseillers numériques » meets the rule « conseiller
numérique ». Lucene cannot parse a rule through a stop filter when the rule holds a stop word
(« numérique en commun »: a position gap), so the rules are inlined without their stop words
(`synonym_rules`); the synonym filter matches consecutive tokens whatever the gaps left by stop
words in the query, so « numérique en commun » typed in a query still meets its rule.

Visibility: every search carries a filter (public, or a base the person may read; none for
platform admins). Suggestions use a `completion` field whose category context `visibility` holds
"all" plus "public" or "base:<id>"; a person's suggestion request names only the contexts they may
read (admins: "all"), so private titles never come out of the suggester: the completion suggester
cannot apply a query filter, contexts are its only filter, applied inside the lookup.

The connection, the index lifecycle and the engine are in search/engines/elasticsearch.py.
"""

import re
from datetime import date, timedelta

from django.conf import settings
from django.utils.html import escape
from elasticsearch.dsl import (
    Boolean,
    Completion,
    Date,
    Float,
    Index,
    Integer,
    Keyword,
    Mapping,
    Object,
    Q,
    Search,
    Text,
    analyzer,
    normalizer,
    token_filter,
)

from ..documents import FACETS, FACETS_OF_KIND, facet_values, fingerprint
from ..facets import TAXONOMY_VOCABULARIES, facet_labels
from ..normalise import ELISION_RE, ELISIONS, STOP_WORDS, words
from ..query import TABS, FacetValue, Hit, SearchResults

MAX_RESULT_WINDOW = 10_000  # index.max_result_window (the default)

# Field weights: title (A) > summary (B) > everything else (C), as the database engine.
TEXT_FIELDS = ["text_title^10", "text_summary^4", "text_other"]
ENGINE_NAME = "elasticsearch"  # ElasticsearchEngine.name, as results report it
KINDS = tuple(TABS.values())  # resource, base, collection
FACET_SIZE = 100
FACET_SIZES = {"department": 120}
# Stored in the index but not sent back with hits (the bulk of a document).
HIT_SOURCE_EXCLUDES = ["body", "text_other", "suggest", "facets", "fingerprint"]
INTERNAL_FIELDS = ("suggest", "facets", "fingerprint")
SUGGEST_CONTEXT = "visibility"
SUGGEST_ALL = "all"
SUGGEST_PUBLIC = "public"
MAX_SUGGEST_INPUTS = 10

# Analysis -------------------------------------------------------------------------------------

# Same pattern as search.normalise.PLURAL_RE, in Java's syntax.
PLURAL_PATTERN = r"^(\w{3,}?)[sx]$"

french_elision = token_filter(
    "french_elision", type="elision", articles_case=True, articles=list(ELISIONS)
)
french_stop = token_filter("french_stop", type="stop", stopwords=sorted(STOP_WORDS))
french_plural = token_filter(
    "french_plural", type="pattern_replace", pattern=PLURAL_PATTERN, replacement="$1"
)
french_snowball = token_filter("french_snowball", type="snowball", language="French")
FRENCH_FILTERS = [
    french_elision,
    "lowercase",
    "asciifolding",
    french_stop,
    french_plural,
    french_snowball,
]
french_text = analyzer("french_text", tokenizer="standard", filter=FRENCH_FILTERS)
suggest_folded = analyzer(
    "suggest_folded", tokenizer="standard", filter=["lowercase", "asciifolding"]
)
folded = normalizer("folded", filter=["lowercase", "asciifolding"])


def synonym_rules(lines=None):
    """The synonym groups as synonym_graph rules (Solr format): each member folded, its
    elisions and stop words dropped (see the module's docstring), members that are only stop
    words left out, groups of fewer than two distinct members left out. `lines`: Solr lines,
    default search.synonyms.solr_lines()."""
    if lines is None:
        from ..synonyms import solr_lines

        lines = solr_lines()
    rules = []
    for line in lines:
        members = []
        for member in line.split(","):
            kept = " ".join(word for word in words(member) if word not in STOP_WORDS)
            if kept and kept not in members:
                members.append(kept)
        if len(members) > 1:
            rule = ", ".join(members)
            if rule not in rules:
                rules.append(rule)
    return rules


def french_search_analyzer(rules):
    synonyms = token_filter(
        "french_synonyms",
        type="synonym_graph",
        synonyms=list(rules),
        expand=True,
        # A rule ES cannot parse is skipped rather than failing the whole index creation.
        lenient=True,
    )
    return analyzer("french_search", tokenizer="standard", filter=[*FRENCH_FILTERS, synonyms])


def index_definition(name, rules):
    """The elasticsearch.dsl Index: settings, analysis and mappings."""
    search_analyzer = french_search_analyzer(rules)

    def french(**options):
        return Text(analyzer=french_text, search_analyzer=search_analyzer, **options)

    def term_list():
        return Object(properties={"slug": Keyword(), "category": Keyword()})

    mapping = Mapping()
    # Only what is searched, filtered, sorted or counted is indexed; the rest stays in _source.
    mapping.meta("dynamic", False)
    mapping.field("id", Integer())
    mapping.field("kind", Keyword())
    mapping.field("is_public", Boolean())
    mapping.field(
        "title",
        french(fields={"keyword": Keyword(normalizer=folded, ignore_above=256)}),
    )
    mapping.field("text_title", french())
    mapping.field("text_summary", french(index_options="offsets"))
    mapping.field("text_other", french(index_options="offsets"))
    mapping.field(
        "suggest",
        Completion(
            analyzer=suggest_folded,
            contexts=[{"name": SUGGEST_CONTEXT, "type": "category"}],
        ),
    )
    for field in TAXONOMY_VOCABULARIES:
        mapping.field(field, term_list())
    mapping.field("tags", Keyword())
    mapping.field("licence", Object(properties={"spdx": Keyword(), "is_open": Boolean()}))
    mapping.field("base", Object(properties={"id": Integer(), "slug": Keyword()}))
    mapping.field("organisation", Object(properties={"kind": Keyword()}))
    for field in ("region", "department", "language", "label"):
        mapping.field(field, Keyword())
    for field in ("first_published_at", "last_published_at", "original_publication_date"):
        mapping.field(field, Date())
    # The « les mieux notées » sort (None below ressources.reviews.MIN_SHOWN avis).
    mapping.field("rating", Float())
    mapping.field("review_count", Integer())
    # The facet values of search.documents.facet_values, what filters and facet counts use, so
    # that both engines count the same values (« ouverte » included).
    mapping.field("facets", Object(properties={facet: Keyword() for facet in FACETS}))
    mapping.field("fingerprint", Keyword(index=False))

    index = Index(name)
    index.settings(
        number_of_shards=1,
        # No replica on a single node (a green cluster), one as soon as there are two nodes.
        auto_expand_replicas="0-1",
        max_result_window=MAX_RESULT_WINDOW,
    )
    index.mapping(mapping)
    return index


def index_body(rules=None):
    """The body of indices.create: {"settings": …, "mappings": …}."""
    if rules is None:
        rules = synonym_rules()
    return index_definition("unused", rules).to_dict()


# Documents ------------------------------------------------------------------------------------


def visibility_contexts(document):
    if document["is_public"]:
        return [SUGGEST_ALL, SUGGEST_PUBLIC]
    return [SUGGEST_ALL, f"base:{document['base']['id']}"]


def suggest_inputs(title):
    """The title, and the title from each later word (without an elided article or a leading
    stop word), so that « numéri » suggests « Guide de la médiation numérique »."""
    title = re.sub(r"[\x00-\x1f]", " ", title or "").strip()
    parts = title.split()
    inputs = [title] if title else []
    for start in range(len(parts)):
        suffix = ELISION_RE.sub("", " ".join(parts[start:])).strip()
        first = words(suffix)[:1]
        if not first or first[0] in STOP_WORDS:
            continue
        if suffix not in inputs:
            inputs.append(suffix)
    return inputs[:MAX_SUGGEST_INPUTS]


def source_of(document):
    """What is indexed for a search document: the document, its fingerprint (for `check`),
    its facet values and its suggestion inputs."""
    facets = {}
    for facet, value in facet_values(document):
        values = facets.setdefault(facet, [])
        if value not in values:
            values.append(value)
    return {
        **document,
        "fingerprint": fingerprint(document),
        "facets": facets,
        "suggest": {
            "input": suggest_inputs(document["title"]),
            "contexts": {SUGGEST_CONTEXT: visibility_contexts(document)},
        },
    }


# Queries --------------------------------------------------------------------------------------


def visibility_filter(visible_base_ids):
    """None for platform admins (everything), else public content or the bases given."""
    if visible_base_ids is None:
        return None
    public = Q("term", is_public=True)
    if not visible_base_ids:
        return public
    return Q(
        "bool",
        should=[public, Q("terms", **{"base.id": sorted(visible_base_ids)})],
        minimum_should_match=1,
    )


def text_query(parsed):
    """(must, must_not) clauses of the parsed query (search.query.ParsedQuery).

    All the words in one `cross_fields` multi_match with the `and` operator: each word must be
    in one of the fields (as on the database engine), and a multi-word synonym (« conseiller
    numérique » ↔ « CnFS ») meets the words together. A synonym of several words then matches
    its words anywhere in a field, not only as a phrase
    (auto_generate_synonyms_phrase_query: false), which stop words in the indexed text could
    otherwise break."""
    must = []
    if parsed.words:
        must.append(
            Q(
                "multi_match",
                query=" ".join(parsed.words),
                fields=TEXT_FIELDS,
                type="cross_fields",
                operator="and",
                auto_generate_synonyms_phrase_query=False,
            )
        )
    for phrase in parsed.phrases:
        must.append(Q("multi_match", query=phrase, fields=TEXT_FIELDS, type="phrase"))
    must_not = [
        Q("multi_match", query=excluded, fields=TEXT_FIELDS, type="phrase")
        for excluded in parsed.excluded
    ]
    return must, must_not


def date_filter(published_from, published_to):
    """On first_published_at, whole days in the site's time zone, `published_to` included."""
    if not published_from and not published_to:
        return None
    bounds = {}
    if published_from:
        bounds["gte"] = published_from.isoformat()
    if published_to and published_to < date.max:  # the last day a date holds has no next
        bounds["lt"] = (published_to + timedelta(days=1)).isoformat()
    bounds["time_zone"] = settings.TIME_ZONE
    return Q("range", first_published_at=bounds)


def facet_filters(filters):
    """facet key → terms filter on its values (OR within a facet), unknown facets ignored."""
    clauses = {}
    for facet, values in filters.items():
        if facet not in FACETS:
            continue
        values = list(dict.fromkeys(str(value) for value in values))
        if values:
            clauses[facet] = Q("terms", **{f"facets.{facet}": values})
    return clauses


SORTS = {
    "pertinence": ["_score", {"first_published_at": {"order": "desc"}}, {"id": {"order": "asc"}}],
    "recentes": [{"first_published_at": {"order": "desc"}}, {"id": {"order": "asc"}}],
    "mises-a-jour": [{"last_published_at": {"order": "desc"}}, {"id": {"order": "asc"}}],
    "titre": [{"title.keyword": {"order": "asc"}}, {"id": {"order": "asc"}}],
    # Unrated resources (no rating) after the rated ones, by recency, as in the database engine.
    "mieux-notees": [
        {"rating": {"order": "desc", "missing": "_last"}},
        {"review_count": {"order": "desc"}},
        {"first_published_at": {"order": "desc"}},
        {"id": {"order": "asc"}},
    ],
}


def search_body(query):
    """The body of the search request for a search.query.SearchQuery.

    The text, visibility and dates restrict the query itself; the tab (kind) and the selected
    facet values are a post_filter, so that the aggregations can leave some of them out: each
    tab's count applies the selected facets its kind carries (FACETS_OF_KIND, as the database
    engine does); each facet's counts apply the kind and the other facets' filters, not its own
    (OR within a facet: the other values of a facet keep their counts when one is selected)."""
    must, must_not = text_query(query.parsed)
    restrictions = [
        clause
        for clause in (
            visibility_filter(query.visible_base_ids),
            date_filter(query.published_from, query.published_to),
        )
        if clause is not None
    ]
    kind = Q("term", kind=query.kind)
    every_selected = facet_filters(query.filters)

    def applicable(name):
        """The selected facets a kind's documents carry (search.documents.FACETS_OF_KIND)."""
        return {f: clause for f, clause in every_selected.items() if f in FACETS_OF_KIND[name]}

    def tab(name):
        clauses = list(applicable(name).values())
        term = Q("term", kind=name)
        return Q("bool", filter=[term, *clauses]) if clauses else term

    selected = applicable(query.kind)
    search = Search().query(Q("bool", must=must, must_not=must_not, filter=restrictions))
    search = search.post_filter(Q("bool", filter=[kind, *selected.values()]))
    search.aggs.bucket("tabs", "filter", Q("bool")).bucket(
        "kinds", "filters", filters={name: tab(name) for name in KINDS}
    )
    for facet in FACETS_OF_KIND[query.kind]:
        others = [clause for other, clause in selected.items() if other != facet]
        search.aggs.bucket(f"facet_{facet}", "filter", Q("bool", filter=[kind, *others])).bucket(
            "values",
            "terms",
            field=f"facets.{facet}",
            size=FACET_SIZES.get(facet, FACET_SIZE),
        )
    search = search.sort(*SORTS.get(query.sort, SORTS["pertinence"]))
    search = search.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
    search = search.highlight("text_summary", number_of_fragments=0)
    search = search.highlight("text_other", fragment_size=160, number_of_fragments=2)
    search = search.source(excludes=HIT_SOURCE_EXCLUDES)

    per_page = max(int(query.per_page), 1)
    start = (max(int(query.page), 1) - 1) * per_page
    if start + per_page > MAX_RESULT_WINDOW:
        # Past what Elasticsearch pages through: no hits, but the counts still.
        start, per_page = 0, 0
    search = search[start : start + per_page]
    search = search.extra(track_total_hits=True)
    return search.to_dict()


def suggest_body(prefix, visible_base_ids, limit=8):
    if visible_base_ids is None:
        contexts = [SUGGEST_ALL]
    else:
        contexts = [SUGGEST_PUBLIC] + [f"base:{pk}" for pk in sorted(visible_base_ids)]
    return {
        "size": 0,
        "_source": ["title", "url", "kind"],
        "suggest": {
            "titles": {
                "prefix": prefix,
                "completion": {
                    "field": "suggest",
                    "size": limit,
                    "contexts": {SUGGEST_CONTEXT: contexts},
                },
            }
        },
    }


# Responses ------------------------------------------------------------------------------------


def parse_facets(aggregations, filters, base_ids=None):
    facets = {}
    for facet in FACETS:
        buckets = aggregations.get(f"facet_{facet}", {}).get("values", {}).get("buckets", [])
        selected = [str(value) for value in filters.get(facet, [])]
        counts = {str(bucket["key"]): bucket["doc_count"] for bucket in buckets}
        # A selected value keeps its place (count 0) so that it can be unselected.
        for value in selected:
            counts.setdefault(value, 0)
        labels = facet_labels(facet, list(counts), base_ids)
        facets[facet] = [
            FacetValue(
                value=value,
                label=labels.get(value, (value, ""))[0],
                count=count,
                selected=value in selected,
                group=labels.get(value, (value, ""))[1],
            )
            for value, count in counts.items()
        ]
    return facets


def excerpt_of(hit, source):
    highlight = hit.get("highlight") or {}
    if highlight.get("text_summary"):
        return " … ".join(highlight["text_summary"])
    if highlight.get("text_other"):
        return " … ".join(highlight["text_other"])
    return str(escape(source.get("summary") or ""))


def parse_hit(hit):
    source = {key: value for key, value in hit["_source"].items() if key not in INTERNAL_FIELDS}
    return Hit(
        id=int(source.get("id", hit["_id"])),
        kind=source.get("kind", ""),
        url=source.get("url", ""),
        title=source.get("title", ""),
        summary=source.get("summary", ""),
        excerpt=excerpt_of(hit, source),
        document=source,
        score=float(hit.get("_score") or 0.0),
    )


def parse_response(response, query):
    """A search response (dict) → SearchResults."""
    aggregations = response.get("aggregations", {})
    buckets = aggregations.get("tabs", {}).get("kinds", {}).get("buckets", {})
    total = response["hits"]["total"]
    return SearchResults(
        hits=[parse_hit(hit) for hit in response["hits"]["hits"]],
        total=total["value"] if isinstance(total, dict) else int(total),
        tab_counts={kind: buckets.get(kind, {}).get("doc_count", 0) for kind in KINDS},
        facets=parse_facets(aggregations, query.filters, query.visible_base_ids),
        engine=ENGINE_NAME,
        took_ms=float(response.get("took", 0)),
    )


def parse_suggestions(response):
    suggestions = []
    for entry in response.get("suggest", {}).get("titles", []):
        for option in entry.get("options", []):
            source = option.get("_source", {})
            suggestions.append(
                {
                    "title": source.get("title", option.get("text", "")),
                    "url": source.get("url", ""),
                    "kind": source.get("kind", ""),
                }
            )
    return suggestions
