"""The Elasticsearch engine against a real Elasticsearch 8 (`docker compose up -d elasticsearch`,
then ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/pytest -m elasticsearch).

Each test works on its own alias (`bc-test-<random>`) and deletes its indices afterwards."""

import uuid

import pytest
from django.conf import settings

from search.documents import fingerprint
from search.engines.elasticsearch import ElasticsearchEngine
from search.query import SearchQuery
from tests.test_search_elasticsearch import document

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.django_db,
    pytest.mark.skipif(
        not settings.ELASTICSEARCH_URL,
        reason="ELASTICSEARCH_URL is not set: no Elasticsearch server to test against",
    ),
]

MEMBER_BASE = 99


def corpus():
    """Resources of two bases: 12 public, 99 private."""
    return [
        document(
            1,
            title="Les outils numériques de l'accompagnement",
            summary="Faire ses démarches en ligne avec un public éloigné.",
            body="Un atelier pratique.",
        ),
        document(
            2,
            title="Devenir CnFS",
            summary="Le métier et sa formation.",
            body="Recrutement et missions.",
            themes=[
                {
                    "slug": "aides_aux_demarches_administratives",
                    "label": "Aide aux démarches administratives",
                    "category": "Inclusion numérique",
                }
            ],
            licence={"spdx": "etalab-2.0", "name": "Licence Ouverte 2.0", "is_open": True},
        ),
        document(
            3,
            title="Le réseau des conseillères numériques",
            summary="Les conseillers numériques France Services dans les territoires.",
            body="Carte des permanences.",
            licence={
                "spdx": "LicenseRef-tous-droits-reserves",
                "name": "Tous droits réservés",
                "is_open": False,
            },
        ),
        document(
            4,
            title="Les rencontres NEC",
            summary="Retour sur les rencontres nationales.",
            body="Programme et vidéos.",
            region="11",
            department="75",
        ),
        document(
            5,
            title="Numérique en commun : le programme",
            summary="Programme des ateliers.",
            body="Ateliers et tables rondes.",
        ),
        document(
            6,
            title="Note interne de la médiation numérique",
            summary="Un compte rendu réservé aux membres.",
            body="Compte rendu confidentiel.",
            base={"id": MEMBER_BASE, "title": "Base privée", "slug": "base-privee"},
            is_public=False,
        ),
    ]


@pytest.fixture
def engine():
    alias = f"bc-test-{uuid.uuid4().hex[:10]}"
    engine = ElasticsearchEngine(settings.ELASTICSEARCH_URL, index=alias)
    yield engine
    client = engine.client
    names = list(client.indices.get(index=f"{alias}-*", allow_no_indices=True).body)
    for name in names:  # by name: wildcard deletions are refused by default
        client.indices.delete(index=name, ignore_unavailable=True)


def refresh(engine):
    engine.client.indices.refresh(index=engine.alias)


def ids(engine, text="", **options):
    options.setdefault("visible_base_ids", frozenset())
    results = engine.search(SearchQuery(text=text, **options))
    return sorted(hit.id for hit in results.hits)


def test_french_matching(engine):
    engine.rebuild(corpus(), len(corpus()))
    assert ids(engine, "numerique outils") == [1]  # accents
    assert ids(engine, "accompagnement") == [1]  # « l'accompagnement »: elision
    assert ids(engine, "outil") == [1]  # plural
    assert ids(engine, "démarche") == [1]  # « démarches »: stemming
    assert ids(engine, "DÉMARCHES EN LIGNE") == [1]  # case, stop words
    assert ids(engine, '"démarches en ligne"') == [1]  # a phrase
    assert ids(engine, "programme -ateliers") == [4]  # exclusion


def test_synonyms(engine):
    engine.rebuild(corpus(), len(corpus()))
    # One word to its group: « CnFS » finds the conseillers numériques.
    assert ids(engine, "cnfs") == [2, 3]
    # Several words to one: « conseiller numérique » finds « CnFS ».
    assert ids(engine, "conseiller numérique") == [2, 3]
    # « NEC » finds « Numérique en commun », and back, stop word typed or not.
    assert ids(engine, "nec") == [4, 5]
    assert ids(engine, "numérique en commun") == [4, 5]


def test_tab_and_facet_counts(engine):
    engine.rebuild(corpus(), len(corpus()))
    results = engine.search(SearchQuery(visible_base_ids=frozenset()))
    assert results.total == 5
    assert results.tab_counts == {"resource": 5, "base": 0, "collection": 0}
    counts = {value.value: value.count for value in results.facets["licence"]}
    assert counts == {
        "CC-BY-4.0": 3,
        "etalab-2.0": 1,
        "ouverte": 4,
        "LicenseRef-tous-droits-reserves": 1,
    }

    # Open licences only, then a region: OR within a facet, AND across, disjunctive counts.
    results = engine.search(
        SearchQuery(
            filters={"licence": ["ouverte"], "region": ["84"]}, visible_base_ids=frozenset()
        )
    )
    assert sorted(hit.id for hit in results.hits) == [1, 2, 5]
    regions = {value.value: value.count for value in results.facets["region"]}
    assert regions == {"84": 3, "11": 1}  # the region's own filter is not applied to it
    licences = {value.value: value.count for value in results.facets["licence"]}
    assert licences == {
        "ouverte": 3,
        "CC-BY-4.0": 2,
        "etalab-2.0": 1,
        "LicenseRef-tous-droits-reserves": 1,
    }


def test_private_content_is_invisible_to_others(engine):
    engine.rebuild(corpus(), len(corpus()))
    assert ids(engine, "médiation") == []
    assert ids(engine, "médiation", visible_base_ids=frozenset({MEMBER_BASE})) == [6]
    assert ids(engine, "médiation", visible_base_ids=None) == [6]

    anonymous = engine.search(SearchQuery(visible_base_ids=frozenset()))
    assert "99" not in {value.value for value in anonymous.facets["base"]}
    assert anonymous.total == 5

    titles = [suggestion["title"] for suggestion in engine.suggest("note", frozenset())]
    assert titles == []
    member = engine.suggest("note", frozenset({MEMBER_BASE}))
    assert [suggestion["title"] for suggestion in member] == [
        "Note interne de la médiation numérique"
    ]
    assert [s["title"] for s in engine.suggest("note", None)] == [
        "Note interne de la médiation numérique"
    ]
    # From a later word, accents folded.
    assert "Les outils numériques de l'accompagnement" in [
        s["title"] for s in engine.suggest("numeriq", frozenset())
    ]


def test_searches_keep_working_during_a_rebuild_and_no_update_is_lost(engine):
    first = corpus()[:3]
    engine.rebuild(first, len(first))
    seen_during = []

    def second():
        for doc in corpus():
            # The alias still points to the first index.
            seen_during.append(ids(engine, visible_base_ids=None))
            yield doc
        # An update made while the rebuild runs reaches the new index too.
        engine.upsert([document(7, title="Publiée pendant la reconstruction")])

    engine.rebuild(second(), len(corpus()))
    assert all(seen == [1, 2, 3] for seen in seen_during)
    assert ids(engine, visible_base_ids=None) == [1, 2, 3, 4, 5, 6, 7]
    status = engine.status()
    assert status["documents"] == 7
    assert status["rebuilding"] is None
    assert status["index"].startswith(f"{engine.alias}-")
    # Only one concrete index is left.
    assert len(engine.concrete_indices()) == 1


def test_upsert_delete_and_fingerprints(engine):
    docs = corpus()
    engine.upsert(docs)  # creates the index and its alias
    refresh(engine)
    assert engine.fingerprints() == {doc["id"]: fingerprint(doc) for doc in docs}
    changed = document(1, title="Les outils numériques, nouvelle édition")
    engine.upsert([changed])
    engine.delete([2, 404])
    refresh(engine)
    fingerprints = engine.fingerprints()
    assert fingerprints[1] == fingerprint(changed)
    assert 2 not in fingerprints
    assert ids(engine, "nouvelle édition") == [1]
