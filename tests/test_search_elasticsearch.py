"""The Elasticsearch engine without a server: the exact index settings, mappings and query
bodies it sends, the parsing of real-shaped ES 8 responses (tests/es_responses), its index
lifecycle over an in-memory node (the real client, its HTTP requests recorded), and what
happens when the server cannot be reached (a closed port)."""

import json
import re
from collections import namedtuple
from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl, unquote

import pytest
from django.test import override_settings
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node import NodeApiResponse
from elasticsearch import BadRequestError, Elasticsearch
from elasticsearch.helpers import BulkIndexError

from search import engines
from search.documents import fingerprint
from search.engines.base import EngineUnavailable
from search.engines.elasticsearch import ElasticsearchEngine, safe_url
from search.engines.elasticsearch_bodies import (
    index_body,
    parse_response,
    parse_suggestions,
    search_body,
    source_of,
    suggest_body,
    suggest_inputs,
    synonym_rules,
)
from search.models import Synonym
from search.normalise import ELISIONS, PLURAL_RE, STOP_WORDS
from search.query import FacetValue, SearchQuery
from tests.factories import BasePageFactory

RESPONSES = Path(__file__).parent / "es_responses"
ALIAS = "bases-communes"
FIELDS = ["text_title^10", "text_summary^4", "text_other"]
FRENCH_CHAIN = [
    "french_elision",
    "lowercase",
    "asciifolding",
    "french_stop",
    "french_plural",
    "french_snowball",
]
FACET_KEYS = [
    "themes",
    "resource_types",
    "beneficiaries",
    "professional_sectors",
    "licence",
    "base",
    "organisation_kind",
    "region",
    "department",
    "language",
    "tags",
    "label",
]


def response(name):
    return json.loads((RESPONSES / name).read_text(encoding="utf-8"))


def document(pk=42, **changes):
    """A search document shaped as search.documents.build_document makes them."""
    doc = {
        "id": pk,
        "kind": "resource",
        "url": f"/bases/base-des-mediateurs/ressource-{pk}/",
        "title": "Guide de la médiation numérique",
        "base": {"id": 12, "title": "Base des médiateurs", "slug": "base-des-mediateurs"},
        "is_public": True,
        "first_published_at": "2025-02-03T09:15:00+00:00",
        "last_published_at": "2025-02-10T16:40:00+00:00",
        "region": "84",
        "department": "69",
        "organisation": {
            "name": "Coop numérique",
            "kind": "cooperative",
            "kind_label": "Coopérative (SCIC, SCOP)",
        },
        "themes": [
            {
                "slug": "maitrise_des_outils_numeriques",
                "label": "Maîtrise des outils numériques",
                "category": "Inclusion numérique",
            }
        ],
        "resource_types": [{"slug": "fiche_pratique", "label": "Fiche pratique", "category": ""}],
        "beneficiaries": [],
        "professional_sectors": [],
        "tags": ["accompagnement"],
        "credits": [],
        "files": [],
        "licence": {"spdx": "CC-BY-4.0", "name": "CC BY 4.0", "is_open": True},
        "language": "fr",
        "label": "aucun",
        "original_publication_date": None,
        "summary": "Un guide pour la médiation numérique.",
        "body": "Le corps de la ressource.",
        "producer": None,
    }
    doc.update(changes)
    doc["text_title"] = doc["title"]
    doc["text_summary"] = doc["summary"]
    doc["text_other"] = doc["body"]
    return doc


# An Elasticsearch node in memory ---------------------------------------------------------------

Request = namedtuple("Request", "method path params body timeout")


def _decode(body):
    if not body:
        return None
    text = body.decode("utf-8")
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) > 1 or text.endswith("\n"):  # NDJSON (bulk)
        return [json.loads(line) for line in lines]
    return json.loads(text)


def bulk_ok(request):
    items = []
    lines = request.body
    position = 0
    while position < len(lines):
        ((operation, meta),) = lines[position].items()
        position += 1 if operation == "delete" else 2
        items.append(
            {
                operation: {
                    "_index": meta["_index"],
                    "_id": meta["_id"],
                    "_version": 1,
                    "result": "deleted" if operation == "delete" else "created",
                    "_shards": {"total": 1, "successful": 1, "failed": 0},
                    "_seq_no": len(items),
                    "_primary_term": 1,
                    "status": 200 if operation == "delete" else 201,
                }
            }
        )
    return 200, {"took": 7, "errors": False, "items": items}


ACK = {"acknowledged": True}


class FakeNodeServer:
    """Answers the real client's HTTP requests from routes (method, path regex) and records
    them: the tests see exactly what the engine sends."""

    def __init__(self):
        self.routes = []
        self.requests = []

    def route(self, method, path, answer=ACK, status=200):
        self.routes.insert(0, (method, path, answer, status))  # the latest route wins

    def answer(self, method, target, body, timeout):
        path, _, query = target.partition("?")
        request = Request(method, unquote(path), dict(parse_qsl(query)), _decode(body), timeout)
        self.requests.append(request)
        for route_method, pattern, answer, status in self.routes:
            if route_method == method and re.fullmatch(pattern, request.path):
                if callable(answer):
                    return answer(request)
                return status, answer
        return 400, {"error": f"unexpected request {method} {target}", "status": 400}

    def client(self):
        server = self

        class Node(BaseNode):
            def perform_request(self, method, target, body=None, headers=None, **options):
                timeout = options.get("request_timeout")
                status, data = server.answer(
                    method, target, body, timeout if isinstance(timeout, int | float) else None
                )
                headers = HttpHeaders(
                    {"content-type": "application/json", "x-elastic-product": "Elasticsearch"}
                )
                meta = ApiResponseMeta(
                    status=status,
                    http_version="1.1",
                    headers=headers,
                    duration=0.0,
                    node=self.config,
                )
                raw = b"" if data is None or method == "HEAD" else json.dumps(data).encode()
                return NodeApiResponse(meta, raw)

        return Elasticsearch("http://es.test:9200", node_class=Node, max_retries=0)

    def calls(self):
        return [(request.method, request.path) for request in self.requests]


@pytest.fixture
def server():
    return FakeNodeServer()


@pytest.fixture
def engine(server):
    return ElasticsearchEngine("http://es.test:9200", index=ALIAS, client=server.client())


# Analysis and mappings -------------------------------------------------------------------------

RULES = ["cnfs, conseiller numerique", "epn, espace public numerique"]


def test_index_body_is_exactly_the_french_analysis_and_the_mappings():
    body = index_body(RULES)
    french = {
        "type": "text",
        "analyzer": "french_text",
        "search_analyzer": "french_search",
    }
    terms = {
        "type": "object",
        "properties": {"slug": {"type": "keyword"}, "category": {"type": "keyword"}},
    }
    assert body == {
        "settings": {
            "number_of_shards": 1,
            "auto_expand_replicas": "0-1",
            "max_result_window": 10000,
            "analysis": {
                "analyzer": {
                    "french_text": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": FRENCH_CHAIN,
                    },
                    "french_search": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [*FRENCH_CHAIN, "french_synonyms"],
                    },
                    "suggest_folded": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "asciifolding"],
                    },
                },
                "filter": {
                    "french_elision": {
                        "type": "elision",
                        "articles_case": True,
                        "articles": [
                            "l",
                            "m",
                            "t",
                            "qu",
                            "n",
                            "s",
                            "j",
                            "d",
                            "c",
                            "jusqu",
                            "quoiqu",
                            "lorsqu",
                            "puisqu",
                        ],
                    },
                    "french_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
                    "french_plural": {
                        "type": "pattern_replace",
                        "pattern": "^(\\w{3,}?)[sx]$",
                        "replacement": "$1",
                    },
                    "french_snowball": {"type": "snowball", "language": "French"},
                    "french_synonyms": {
                        "type": "synonym_graph",
                        "synonyms": RULES,
                        "expand": True,
                        "lenient": True,
                    },
                },
                "normalizer": {
                    "folded": {"type": "custom", "filter": ["lowercase", "asciifolding"]}
                },
            },
        },
        "mappings": {
            "dynamic": False,
            "properties": {
                "id": {"type": "integer"},
                "kind": {"type": "keyword"},
                "is_public": {"type": "boolean"},
                "title": {
                    **french,
                    "fields": {
                        "keyword": {
                            "type": "keyword",
                            "normalizer": "folded",
                            "ignore_above": 256,
                        }
                    },
                },
                "text_title": french,
                "text_summary": {**french, "index_options": "offsets"},
                "text_other": {**french, "index_options": "offsets"},
                "suggest": {
                    "type": "completion",
                    "analyzer": "suggest_folded",
                    "contexts": [{"name": "visibility", "type": "category"}],
                },
                "themes": terms,
                "resource_types": terms,
                "beneficiaries": terms,
                "professional_sectors": terms,
                "tags": {"type": "keyword"},
                "licence": {
                    "type": "object",
                    "properties": {"spdx": {"type": "keyword"}, "is_open": {"type": "boolean"}},
                },
                "base": {
                    "type": "object",
                    "properties": {"id": {"type": "integer"}, "slug": {"type": "keyword"}},
                },
                "organisation": {"type": "object", "properties": {"kind": {"type": "keyword"}}},
                "region": {"type": "keyword"},
                "department": {"type": "keyword"},
                "language": {"type": "keyword"},
                "label": {"type": "keyword"},
                "first_published_at": {"type": "date"},
                "last_published_at": {"type": "date"},
                "original_publication_date": {"type": "date"},
                "rating": {"type": "float"},
                "review_count": {"type": "integer"},
                "facets": {
                    "type": "object",
                    "properties": {facet: {"type": "keyword"} for facet in FACET_KEYS},
                },
                "fingerprint": {"type": "keyword", "index": False},
            },
        },
    }


def test_the_analysis_is_the_one_of_search_normalise():
    filters = index_body(RULES)["settings"]["analysis"]["filter"]
    assert filters["french_elision"]["articles"] == list(ELISIONS)
    assert set(filters["french_stop"]["stopwords"]) == STOP_WORDS
    assert filters["french_plural"]["pattern"] == PLURAL_RE.pattern


def test_synonym_rules_are_folded_without_elisions_nor_stop_words():
    lines = [
        "NEC, numérique en commun, numérique en communs",
        "CCAS, centre communal d'action sociale",
        "tiers-lieu, tiers lieu, tiers-lieux",
        "la, le",  # nothing but stop words: no rule
        "Mednum, la MedNum, médiation numérique",
    ]
    assert synonym_rules(lines) == [
        "nec, numerique commun, numerique communs",
        "ccas, centre communal action sociale",
        "tiers lieu, tiers lieux",
        "mednum, mediation numerique",
    ]


@pytest.mark.django_db
def test_the_synonyms_file_and_the_admin_ones_are_inlined_in_the_search_analyzer():
    Synonym.objects.create(terms="Fab lab, fablab, atelier de fabrication numérique")
    body = index_body()
    synonyms = body["settings"]["analysis"]["filter"]["french_synonyms"]["synonyms"]
    assert synonyms[0] == (
        "cnfs, conseiller numerique france services, conseiller numerique, conseillere numerique"
    )
    assert "epn, espace public numerique" in synonyms
    assert "fab lab, fablab, atelier fabrication numerique" in synonyms
    # Only at query time: the index analyzer has no synonyms.
    analyzers = body["settings"]["analysis"]["analyzer"]
    assert "french_synonyms" not in analyzers["french_text"]["filter"]
    assert analyzers["french_search"]["filter"][-1] == "french_synonyms"


# What is indexed -------------------------------------------------------------------------------


def test_a_public_document_is_indexed_with_its_fingerprint_facets_and_suggestions():
    doc = document()
    source = source_of(doc)
    assert {key: source[key] for key in doc} == doc
    assert source["fingerprint"] == fingerprint(doc)
    assert source["facets"] == {
        "themes": ["maitrise_des_outils_numeriques"],
        "resource_types": ["fiche_pratique"],
        "licence": ["CC-BY-4.0", "ouverte"],
        "base": ["12"],
        "organisation_kind": ["cooperative"],
        "region": ["84"],
        "department": ["69"],
        "language": ["fr"],
        "label": ["aucun"],
    }
    assert source["suggest"] == {
        "input": [
            "Guide de la médiation numérique",
            "médiation numérique",
            "numérique",
        ],
        "contexts": {"visibility": ["all", "public"]},
    }


def test_a_labelled_dispositif_carries_its_label_nec_status_as_a_facet():
    source = source_of(document(label="labellise"))
    assert source["label"] == "labellise"
    assert source["facets"]["label"] == ["labellise"]
    assert source_of(document(label="expire"))["facets"]["label"] == ["expire"]


def test_a_private_document_is_suggested_only_in_its_base_context():
    source = source_of(document(is_public=False))
    assert source["suggest"]["contexts"] == {"visibility": ["all", "base:12"]}


def test_suggestion_inputs_start_at_each_meaningful_word():
    assert suggest_inputs("L'accompagnement des aidants") == [
        "L'accompagnement des aidants",
        "accompagnement des aidants",
        "aidants",
    ]
    assert suggest_inputs("") == []


# Query bodies ----------------------------------------------------------------------------------


def kinds_filters():
    return {
        "filters": {
            "filters": {
                "resource": {"term": {"kind": "resource"}},
                "base": {"term": {"kind": "base"}},
                "collection": {"term": {"kind": "collection"}},
            }
        }
    }


def facet_aggregation(facet, filters):
    return {
        "filter": {"bool": {"filter": filters}},
        "aggs": {
            "values": {
                "terms": {
                    "field": f"facets.{facet}",
                    "size": 120 if facet == "department" else 100,
                }
            }
        },
    }


def test_plain_words_for_an_anonymous_visitor_exact_body():
    body = search_body(SearchQuery(text="outils numériques", visible_base_ids=frozenset()))
    resource = {"term": {"kind": "resource"}}
    assert body == {
        "query": {
            "bool": {
                "must": [
                    {
                        "multi_match": {
                            "query": "outils numériques",
                            "fields": FIELDS,
                            "type": "cross_fields",
                            "operator": "and",
                            "auto_generate_synonyms_phrase_query": False,
                        }
                    }
                ],
                "filter": [{"term": {"is_public": True}}],
            }
        },
        "post_filter": {"bool": {"filter": [resource]}},
        "aggs": {
            "tabs": {"filter": {"bool": {}}, "aggs": {"kinds": kinds_filters()}},
            **{f"facet_{facet}": facet_aggregation(facet, [resource]) for facet in FACET_KEYS},
        },
        "sort": [
            "_score",
            {"first_published_at": {"order": "desc"}},
            {"id": {"order": "asc"}},
        ],
        "highlight": {
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
            "fields": {
                "text_summary": {"number_of_fragments": 0},
                "text_other": {"fragment_size": 160, "number_of_fragments": 2},
            },
        },
        "_source": {"excludes": ["body", "text_other", "suggest", "facets", "fingerprint"]},
        "from": 0,
        "size": 20,
        "track_total_hits": True,
    }


def test_a_phrase_is_a_phrase_multi_match():
    body = search_body(SearchQuery(text='guide "médiation numérique"'))
    assert body["query"]["bool"]["must"] == [
        {
            "multi_match": {
                "query": "guide",
                "fields": FIELDS,
                "type": "cross_fields",
                "operator": "and",
                "auto_generate_synonyms_phrase_query": False,
            }
        },
        {"multi_match": {"query": "médiation numérique", "fields": FIELDS, "type": "phrase"}},
    ]


def test_excluded_words_and_phrases_are_must_not():
    body = search_body(SearchQuery(text='atelier -payant -"France Travail"'))
    assert body["query"]["bool"]["must_not"] == [
        {"multi_match": {"query": "payant", "fields": FIELDS, "type": "phrase"}},
        {"multi_match": {"query": "France Travail", "fields": FIELDS, "type": "phrase"}},
    ]
    assert len(body["query"]["bool"]["must"]) == 1


def test_synonyms_are_left_to_the_search_analyzer():
    """The body carries the words as typed: the fields' search analyzer (french_search, whose
    last filter holds the synonym rules) widens « CnFS » to its group."""
    body = search_body(SearchQuery(text="CnFS"))
    (clause,) = body["query"]["bool"]["must"]
    assert clause["multi_match"]["query"] == "CnFS"
    assert "conseiller" not in json.dumps(body)
    mappings = index_body(RULES)["mappings"]["properties"]
    for field in ("text_title", "text_summary", "text_other"):
        assert mappings[field]["search_analyzer"] == "french_search"


def test_an_empty_query_matches_everything_visible():
    body = search_body(SearchQuery(text="", visible_base_ids=None))
    assert body["query"] == {"bool": {}}


def test_selected_facets_are_a_post_filter_and_disjunctive_aggregations():
    query = SearchQuery(
        text="atelier",
        filters={
            "themes": ["maitrise_des_outils_numeriques", "accessibilite"],
            "region": ["84"],
            "unknown": ["x"],
        },
    )
    body = search_body(query)
    resource = {"term": {"kind": "resource"}}
    themes = {"terms": {"facets.themes": ["maitrise_des_outils_numeriques", "accessibilite"]}}
    region = {"terms": {"facets.region": ["84"]}}
    assert body["post_filter"] == {"bool": {"filter": [resource, themes, region]}}

    # Each tab's count applies the selected facets its kind carries: a theme does not empty the
    # bases tab, a region applies everywhere (as on the database engine).
    def tab(kind, *clauses):
        return {"bool": {"filter": [{"term": {"kind": kind}}, *clauses]}}

    assert body["aggs"]["tabs"] == {
        "filter": {"bool": {}},
        "aggs": {
            "kinds": {
                "filters": {
                    "filters": {
                        "resource": tab("resource", themes, region),
                        "base": tab("base", region),
                        "collection": tab("collection", region),
                    }
                }
            }
        },
    }
    # Each facet applies the others' filters, not its own.
    assert body["aggs"]["facet_themes"] == facet_aggregation("themes", [resource, region])
    assert body["aggs"]["facet_region"] == facet_aggregation("region", [resource, themes])
    assert body["aggs"]["facet_licence"] == facet_aggregation("licence", [resource, themes, region])
    # Facet filters never restrict the query itself (the counts need the rest).
    assert "facets" not in json.dumps(body["query"])


def test_visibility_anonymous_member_and_admin():
    def visibility(base_ids):
        body = search_body(SearchQuery(text="atelier", visible_base_ids=base_ids))
        return body["query"]["bool"].get("filter")

    assert visibility(frozenset()) == [{"term": {"is_public": True}}]
    assert visibility(frozenset({7, 3})) == [
        {
            "bool": {
                "should": [{"term": {"is_public": True}}, {"terms": {"base.id": [3, 7]}}],
                "minimum_should_match": 1,
            }
        }
    ]
    assert visibility(None) is None


def test_open_licences_only():
    body = search_body(SearchQuery(filters={"licence": ["ouverte"]}))
    assert body["post_filter"]["bool"]["filter"][1] == {"terms": {"facets.licence": ["ouverte"]}}


def test_publication_date_range_in_the_site_time_zone():
    body = search_body(SearchQuery(published_from=date(2024, 1, 1), published_to=date(2024, 6, 30)))
    assert body["query"]["bool"]["filter"][1] == {
        "range": {
            "first_published_at": {
                "gte": "2024-01-01",
                "lt": "2024-07-01",
                "time_zone": "Europe/Paris",
            }
        }
    }
    only_to = search_body(SearchQuery(published_to=date(2024, 12, 31)))
    assert only_to["query"]["bool"]["filter"][1]["range"]["first_published_at"] == {
        "lt": "2025-01-01",
        "time_zone": "Europe/Paris",
    }


@pytest.mark.parametrize(
    "sort, expected",
    [
        (
            "pertinence",
            ["_score", {"first_published_at": {"order": "desc"}}, {"id": {"order": "asc"}}],
        ),
        ("recentes", [{"first_published_at": {"order": "desc"}}, {"id": {"order": "asc"}}]),
        ("mises-a-jour", [{"last_published_at": {"order": "desc"}}, {"id": {"order": "asc"}}]),
        ("titre", [{"title.keyword": {"order": "asc"}}, {"id": {"order": "asc"}}]),
        # « Les mieux notées »: resources without enough avis (no rating) last, by recency.
        (
            "mieux-notees",
            [
                {"rating": {"order": "desc", "missing": "_last"}},
                {"review_count": {"order": "desc"}},
                {"first_published_at": {"order": "desc"}},
                {"id": {"order": "asc"}},
            ],
        ),
    ],
)
def test_sorts(sort, expected):
    assert search_body(SearchQuery(text="atelier", sort=sort))["sort"] == expected


def test_page_three():
    body = search_body(SearchQuery(text="atelier", page=3))
    assert (body["from"], body["size"]) == (40, 20)


def test_a_page_past_the_result_window_asks_only_for_the_counts():
    body = search_body(SearchQuery(text="atelier", page=600))
    assert (body["from"], body["size"]) == (0, 0)


def test_the_tab_is_the_kind_filter():
    body = search_body(SearchQuery(tab="collections"))
    assert body["post_filter"] == {"bool": {"filter": [{"term": {"kind": "collection"}}]}}


def test_suggestion_bodies_name_only_the_readable_contexts():
    def contexts(base_ids):
        completion = suggest_body("médi", base_ids, 5)["suggest"]["titles"]["completion"]
        return completion["contexts"]["visibility"]

    assert suggest_body("médi", frozenset(), 5) == {
        "size": 0,
        "_source": ["title", "url", "kind"],
        "suggest": {
            "titles": {
                "prefix": "médi",
                "completion": {
                    "field": "suggest",
                    "size": 5,
                    "contexts": {"visibility": ["public"]},
                },
            }
        },
    }
    assert contexts(frozenset({12, 4})) == ["public", "base:4", "base:12"]
    assert contexts(None) == ["all"]


# Responses -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_search_response_becomes_search_results():
    base = BasePageFactory(title="Base des médiateurs")
    data = response("search_resources.json")
    data["aggregations"]["facet_base"]["values"]["buckets"][0]["key"] = str(base.pk)
    query = SearchQuery(
        text="médiation numérique",
        filters={"themes": ["maitrise_des_outils_numeriques"], "language": ["oc"]},
    )
    results = parse_response(data, query)

    assert results.engine == "elasticsearch"
    assert results.took_ms == 14.0
    assert results.total == 2
    assert results.tab_counts == {"resource": 2, "base": 0, "collection": 1}
    first, second = results.hits
    assert (first.id, first.kind, first.title, first.score) == (
        42,
        "resource",
        "Guide de la médiation numérique",
        21.734,
    )
    assert first.url == "/bases/base-des-mediateurs/guide-de-la-mediation-numerique/"
    # The summary's highlight, escaped by Elasticsearch (encoder html), marks kept.
    assert first.excerpt == (
        "Un guide pour la <mark>médiation</mark> <mark>numérique</mark> &amp; "
        "l&#x27;inclusion &lt;des publics&gt;."
    )
    assert first.document["licence"]["spdx"] == "CC-BY-4.0"
    # No summary highlight: the fragments of the other texts.
    assert second.excerpt == (
        "Un atelier de <mark>médiation</mark> autour du <mark>numérique</mark> mobile … "
        "la <mark>médiation</mark> <mark>numérique</mark> en bibliothèque"
    )

    facets = results.facets
    assert list(facets) == FACET_KEYS
    assert facets["themes"] == [
        FacetValue(
            "maitrise_des_outils_numeriques",
            "Maîtrise des outils numériques",
            2,
            True,
            "Inclusion numérique",
        ),
        FacetValue(
            "aides_aux_demarches_administratives",
            "Aide aux démarches administratives",
            1,
            False,
            "Inclusion numérique",
        ),
    ]
    assert facets["resource_types"] == [FacetValue("fiche_pratique", "Fiche pratique", 1)]
    assert facets["beneficiaries"] == []
    assert facets["licence"] == [
        FacetValue("ouverte", "Licences ouvertes", 2),
        FacetValue("CC-BY-4.0", "CC BY 4.0", 1),
        FacetValue("etalab-2.0", "Licence Ouverte 2.0", 1),
    ]
    assert facets["base"] == [FacetValue(str(base.pk), "Base des médiateurs", 2)]
    assert facets["organisation_kind"] == [FacetValue("cooperative", "Coopérative (SCIC, SCOP)", 2)]
    assert facets["region"] == [FacetValue("84", "Auvergne-Rhône-Alpes", 2)]
    assert facets["department"] == [FacetValue("69", "Rhône (69)", 2)]
    # A selected value without any result stays listed, to be unselected.
    assert facets["language"] == [
        FacetValue("fr", "Français", 2),
        FacetValue("oc", "Occitan", 0, True),
    ]
    # The label NEC facet (label.public): a labelled dispositif and one without a label.
    assert facets["label"] == [
        FacetValue("labellise", "Labellisé NEC", 1),
        FacetValue("aucun", "Non labellisé", 1),
    ]


@pytest.mark.django_db
def test_a_response_sorted_by_date_without_text():
    data = response("search_bases_recent.json")
    results = parse_response(data, SearchQuery(tab="bases", sort="recentes", page=2))
    assert results.total == 21
    assert results.tab_counts == {"resource": 70, "base": 21, "collection": 5}
    (hit,) = results.hits
    assert (hit.id, hit.kind, hit.score) == (12, "base", 0.0)
    # No highlight: the summary, escaped.
    assert hit.excerpt == ("Les fiches des médiateurs &amp; médiatrices &lt;numériques&gt;")
    assert results.facets["region"] == [
        FacetValue("11", "Île-de-France", 12),
        FacetValue("84", "Auvergne-Rhône-Alpes", 9),
    ]


def test_a_suggest_response_becomes_suggestions():
    assert parse_suggestions(response("suggest.json")) == [
        {
            "title": "Guide de la médiation numérique",
            "url": "/bases/base-des-mediateurs/guide-de-la-mediation-numerique/",
            "kind": "resource",
        },
        {"title": "Base des médiateurs", "url": "/bases/base-des-mediateurs/", "kind": "base"},
    ]


# The engine over an in-memory node ------------------------------------------------------------


@pytest.mark.django_db
def test_search_sends_the_body_to_the_alias_with_a_short_timeout(server, engine):
    server.route("POST", f"/{ALIAS}/_search", response("search_bases_recent.json"))
    query = SearchQuery(tab="bases", sort="recentes", page=2)
    results = engine.search(query)
    (request,) = server.requests
    assert (request.method, request.path) == ("POST", f"/{ALIAS}/_search")
    assert request.body == search_body(query)
    assert results.total == 21
    assert results.took_ms == 3.0


def test_suggest_asks_the_completion_suggester(server, engine):
    server.route("POST", f"/{ALIAS}/_search", response("suggest.json"))
    suggestions = engine.suggest("  médi ", frozenset({12}), limit=5)
    assert [suggestion["title"] for suggestion in suggestions] == [
        "Guide de la médiation numérique",
        "Base des médiateurs",
    ]
    assert server.requests[0].body == suggest_body("médi", frozenset({12}), 5)
    assert engine.suggest("   ", frozenset()) == []
    assert len(server.requests) == 1


def test_a_missing_index_or_a_failing_server_makes_the_engine_unavailable(server, engine):
    server.route("POST", f"/{ALIAS}/_search", response("index_not_found.json"), status=404)
    with pytest.raises(EngineUnavailable):
        engine.search(SearchQuery(text="atelier"))
    server.route(
        "POST",
        f"/{ALIAS}/_search",
        {"error": {"type": "search_phase_execution_exception"}, "status": 503},
        status=503,
    )
    with pytest.raises(EngineUnavailable):
        engine.suggest("médi", frozenset())


@pytest.mark.django_db
def test_rebuild_fills_a_new_index_then_swaps_the_alias(server, engine):
    old = f"{ALIAS}-20240101000000000000"
    server.route("PUT", rf"/{ALIAS}-\d{{20}}")
    server.route("PUT", "/_bulk", bulk_ok)
    server.route("PUT", rf"/{ALIAS}-\d{{20}}/_settings")
    server.route("POST", rf"/{ALIAS}-\d{{20}}/_refresh", {"_shards": {"total": 1}})
    server.route("GET", f"/_alias/{ALIAS}", {old: {"aliases": {ALIAS: {}}}})
    server.route("POST", "/_aliases")
    server.route("DELETE", f"/{old}")
    documents = [document(pk) for pk in range(1, 1202)]
    done = []

    engine.rebuild(iter(documents), len(documents), done.append)

    new = server.requests[0].path.lstrip("/")
    assert re.fullmatch(rf"{ALIAS}-\d{{20}}", new)
    assert server.calls() == [
        ("PUT", f"/{new}"),
        ("PUT", "/_bulk"),
        ("PUT", "/_bulk"),
        ("PUT", "/_bulk"),
        ("PUT", f"/{new}/_settings"),
        ("POST", f"/{new}/_refresh"),
        ("GET", f"/_alias/{ALIAS}"),
        ("POST", "/_aliases"),
        ("DELETE", f"/{old}"),
    ]
    create = server.requests[0].body
    expected = index_body()
    expected["settings"]["refresh_interval"] = "-1"
    assert create == {**expected, "aliases": {f"{ALIAS}-rebuilding": {}}}
    bulks = [request.body for request in server.requests if request.path == "/_bulk"]
    assert [len(lines) // 2 for lines in bulks] == [500, 500, 201]
    assert bulks[0][0] == {"index": {"_index": new, "_id": "1"}}
    assert bulks[0][1] == source_of(documents[0])
    assert done[-1] == 1201 and len(done) == 1201
    assert server.requests[4].body == {"index": {"refresh_interval": None}}
    assert server.requests[7].body == {
        "actions": [
            {"remove": {"index": old, "alias": ALIAS}},
            {"add": {"index": new, "alias": ALIAS}},
            {"remove": {"index": new, "alias": f"{ALIAS}-rebuilding"}},
        ]
    }
    assert server.requests[8].params == {"ignore_unavailable": "true"}
    # Long operations get a longer timeout than searches.
    assert {request.timeout for request in server.requests} == {120}


@pytest.mark.django_db
def test_a_first_rebuild_replaces_nothing(server, engine):
    server.route("PUT", rf"/{ALIAS}-\d{{20}}")
    server.route("PUT", "/_bulk", bulk_ok)
    server.route("PUT", rf"/{ALIAS}-\d{{20}}/_settings")
    server.route("POST", rf"/{ALIAS}-\d{{20}}/_refresh", {"_shards": {"total": 1}})
    server.route("GET", f"/_alias/{ALIAS}", response("index_not_found.json"), status=404)
    server.route("HEAD", f"/{ALIAS}", None, status=404)
    server.route("POST", "/_aliases")
    engine.rebuild([document(1)], 1)
    new = server.requests[0].path.lstrip("/")
    assert server.calls()[-1] == ("POST", "/_aliases")
    assert server.requests[-1].body == {
        "actions": [
            {"add": {"index": new, "alias": ALIAS}},
            {"remove": {"index": new, "alias": f"{ALIAS}-rebuilding"}},
        ]
    }


@pytest.mark.django_db
def test_a_failed_rebuild_drops_its_new_index_and_keeps_the_alias(server, engine):
    server.route("PUT", rf"/{ALIAS}-\d{{20}}")
    server.route(
        "PUT",
        "/_bulk",
        {"error": {"type": "es_rejected_execution_exception"}, "status": 429},
        status=429,
    )
    server.route("DELETE", rf"/{ALIAS}-\d{{20}}")
    with pytest.raises(EngineUnavailable):
        engine.rebuild([document(1)], 1)
    new = server.requests[0].path
    assert server.calls() == [("PUT", new), ("PUT", "/_bulk"), ("DELETE", new)]
    assert "/_aliases" not in [path for _method, path in server.calls()]


@pytest.mark.django_db
def test_upsert_creates_the_index_and_alias_when_missing(server, engine):
    server.route("HEAD", f"/_alias/{ALIAS}", None, status=404)
    server.route("HEAD", f"/{ALIAS}", None, status=404)
    server.route("PUT", f"/{ALIAS}-initial")
    server.route("GET", f"/_alias/{ALIAS}-rebuilding", {"error": "missing", "status": 404}, 404)
    server.route("PUT", "/_bulk", bulk_ok)
    engine.upsert([document(42)])
    assert server.calls() == [
        ("HEAD", f"/_alias/{ALIAS}"),
        ("HEAD", f"/{ALIAS}"),
        ("PUT", f"/{ALIAS}-initial"),
        ("GET", f"/_alias/{ALIAS}-rebuilding"),
        ("PUT", "/_bulk"),
    ]
    assert server.requests[2].body == {**index_body(), "aliases": {ALIAS: {}}}
    assert server.requests[4].body == [
        {"index": {"_index": ALIAS, "_id": "42"}},
        source_of(document(42)),
    ]
    assert server.requests[4].timeout == 10


def test_upsert_during_a_rebuild_writes_to_both_indices(server, engine):
    rebuilding = f"{ALIAS}-20250301120000000000"
    server.route("HEAD", f"/_alias/{ALIAS}")
    server.route(
        "GET", f"/_alias/{ALIAS}-rebuilding", {rebuilding: {"aliases": {f"{ALIAS}-rebuilding": {}}}}
    )
    server.route("PUT", "/_bulk", bulk_ok)
    doc = document(42, is_public=False)
    engine.upsert([doc])
    assert server.requests[-1].body == [
        {"index": {"_index": ALIAS, "_id": "42"}},
        source_of(doc),
        {"index": {"_index": rebuilding, "_id": "42"}},
        source_of(doc),
    ]


def test_delete_ignores_documents_already_gone(server, engine):
    server.route("HEAD", f"/{ALIAS}")
    server.route("GET", f"/_alias/{ALIAS}-rebuilding", {"error": "missing", "status": 404}, 404)

    def bulk_one_missing(request):
        status, data = bulk_ok(request)
        data["errors"] = True
        data["items"][1]["delete"].update(result="not_found", status=404)
        return status, data

    server.route("PUT", "/_bulk", bulk_one_missing)
    engine.delete([42, 43])
    assert server.requests[-1].body == [
        {"delete": {"_index": ALIAS, "_id": "42"}},
        {"delete": {"_index": ALIAS, "_id": "43"}},
    ]


def test_delete_without_an_index_sends_nothing_more(server, engine):
    server.route("HEAD", f"/{ALIAS}", None, status=404)
    engine.delete([42])
    assert server.calls() == [("HEAD", f"/{ALIAS}")]


def test_a_rejected_document_is_an_error_not_an_unavailability(server, engine):
    server.route("HEAD", f"/_alias/{ALIAS}")
    server.route("GET", f"/_alias/{ALIAS}-rebuilding", {"error": "missing", "status": 404}, 404)
    server.route(
        "PUT",
        "/_bulk",
        {"error": {"type": "illegal_argument_exception", "reason": "bad"}, "status": 400},
        status=400,
    )
    with pytest.raises(BadRequestError):
        engine.upsert([document(42)])


@pytest.mark.parametrize(
    "status, error_type, raised",
    [
        (400, "document_parsing_exception", BulkIndexError),
        (429, "es_rejected_execution_exception", EngineUnavailable),
    ],
)
def test_a_refused_item_of_a_bulk(server, engine, status, error_type, raised):
    server.route("HEAD", f"/_alias/{ALIAS}")
    server.route("GET", f"/_alias/{ALIAS}-rebuilding", {"error": "missing", "status": 404}, 404)

    def bulk_refused(request):
        code, data = bulk_ok(request)
        data["errors"] = True
        data["items"][0]["index"] = {
            "_index": f"{ALIAS}-20250301120000000000",
            "_id": "42",
            "status": status,
            "error": {"type": error_type, "reason": "refusé"},
        }
        return code, data

    server.route("PUT", "/_bulk", bulk_refused)
    with pytest.raises(raised):
        engine.upsert([document(42)])


def test_fingerprints_are_scrolled_from_the_index(server, engine):
    server.route("HEAD", f"/{ALIAS}")
    server.route("POST", f"/{ALIAS}/_search", response("scan_first_page.json"))
    server.route("POST", "/_search/scroll", response("scan_last_page.json"))
    server.route("DELETE", "/_search/scroll", {"succeeded": True, "num_freed": 1})
    assert engine.fingerprints() == {
        42: "5f0c3b7e9a6d2c1e8b4f7a0d3c6e9b2a1f4d7c0e",
        12: "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567",
    }
    search = server.requests[1]
    assert search.params["scroll"] == "5m"
    assert search.body == {
        "query": {"match_all": {}},
        "_source": ["fingerprint"],
        "sort": "_doc",
        "size": 1000,
    }


def test_no_index_no_fingerprints(server, engine):
    server.route("HEAD", f"/{ALIAS}", None, status=404)
    assert engine.fingerprints() == {}


def test_status(server, engine):
    index = f"{ALIAS}-20250301120000000000"
    server.route("GET", "/", response("info.json"))
    server.route("GET", f"/_alias/{ALIAS}", {index: {"aliases": {ALIAS: {}}}})
    server.route("GET", f"/_alias/{ALIAS}-rebuilding", {"error": "missing", "status": 404}, 404)
    server.route("POST", f"/{ALIAS}/_count", {"count": 96, "_shards": {"total": 1}})
    server.route(
        "GET",
        f"/{ALIAS}/_stats/store",
        {"_all": {"primaries": {"store": {"size_in_bytes": 123456}}}},
    )
    assert engine.status() == {
        "url": "http://es.test:9200",
        "reachable": True,
        "version": "8.19.3",
        "alias": ALIAS,
        "index": index,
        "documents": 96,
        "size_bytes": 123456,
        "rebuilding": None,
    }


def test_the_url_shown_hides_credentials():
    assert safe_url("https://elastic:secret@es.example.org:9200/") == (
        "https://es.example.org:9200/"
    )


def test_the_index_name_comes_from_the_settings(settings):
    settings.ELASTICSEARCH_INDEX = "bc-recette"
    engine = ElasticsearchEngine("http://es.test:9200")
    assert (engine.alias, engine.rebuilding_alias) == ("bc-recette", "bc-recette-rebuilding")


# A server that cannot be reached --------------------------------------------------------------

CLOSED_PORT = "http://127.0.0.1:9"


@pytest.mark.django_db
def test_an_unreachable_server_raises_engine_unavailable():
    engine = ElasticsearchEngine(CLOSED_PORT)
    with pytest.raises(EngineUnavailable):
        engine.search(SearchQuery(text="atelier"))
    with pytest.raises(EngineUnavailable):
        engine.suggest("médi", frozenset())
    with pytest.raises(EngineUnavailable):
        engine.upsert([document(42)])
    with pytest.raises(EngineUnavailable):
        engine.delete([42])
    with pytest.raises(EngineUnavailable):
        engine.fingerprints()
    with pytest.raises(EngineUnavailable):
        engine.status()


@pytest.mark.django_db
def test_searches_fall_back_to_the_database_when_elasticsearch_is_unreachable():
    pytest.importorskip("search.engines.database")
    with override_settings(ELASTICSEARCH_URL=CLOSED_PORT):
        assert engines.get_engine().name == "elasticsearch"
        results = engines.search(SearchQuery(text="atelier"))
        assert results.engine == "database"
        assert results.fallback is True
        assert engines.suggest("ate", frozenset()) == []
