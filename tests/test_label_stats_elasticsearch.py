"""The Elasticsearch path of the label figures: the exact mapping, documents and aggregation
body it sends, real-shaped ES 8 responses answered from the same data (tests/label_es_fake.py),
and the parity of every figure with the database path; the label index lifecycle (alias swap,
updates after commit that never break the workflow, the `label_index` command), the fallback to
the database when the server cannot be reached; and, with ELASTICSEARCH_URL, the same parity
against a real server."""

import io
import uuid
from datetime import date

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings

from label import stats
from label.criteria import Status
from label.index import LabelIndex, document_of, index_body, requests_queryset
from label.models import StatusChange
from label.stats import ElasticsearchLabelStats, OrmLabelStats, aggregation_body
from search.engines import elasticsearch as search_es
from tests.helpers import page_text
from tests.label_es_fake import search_response
from tests.label_stats_data import TODAY, build_label_data
from tests.test_search_elasticsearch import ACK, FakeNodeServer, bulk_ok

URL = "http://es.test:9200"
ALIAS = "bases-communes-labels"
SEARCH = rf"/{ALIAS}/_search"
SHARDS = {"total": 1, "successful": 1, "skipped": 0, "failed": 0}
SPLIT_AGGS = {
    "decided": {"filter": {"term": {"decided": True}}},
    "obtained": {"filter": {"terms": {"status": ["labellisee", "expiree"]}}},
}


def month_histogram(field):
    return {
        "date_histogram": {
            "calendar_interval": "month",
            "field": field,
            "format": "yyyy-MM",
            "min_doc_count": 1,
            "time_zone": "Europe/Paris",
        }
    }


EXPECTED_BODY = {
    "size": 0,
    "track_total_hits": True,
    "aggs": {
        "by_status": {"terms": {"field": "status", "size": 20}},
        "submitted": {
            "filter": {"exists": {"field": "first_submitted_at"}},
            "aggs": {
                "per_month": month_histogram("first_submitted_at"),
                **{
                    key: {"terms": {"field": key, "size": 100}, "aggs": SPLIT_AGGS}
                    for key in ("applicant_type", "dispositif_kind", "region")
                },
            },
        },
        "decided": {
            "filter": {"term": {"decided": True}},
            "aggs": {
                "per_month": month_histogram("decided_at"),
                "review_days": {"terms": {"field": "review_days", "size": 10000}},
                "criteria": {
                    "filters": {
                        "filters": {
                            c: {"term": {"criteria_met": c}}
                            for c in (
                                "accessible",
                                "documente",
                                "ethique",
                                "ouvert",
                                "securise",
                                "sobre",
                            )
                        }
                    }
                },
            },
        },
        "expiring_soon": {
            "filter": {
                "bool": {
                    "filter": [
                        {"term": {"status": "labellisee"}},
                        {"range": {"valid_until": {"gte": "2026-12-01", "lte": "2027-03-01"}}},
                    ]
                }
            }
        },
    },
}


def test_index_body_is_keywords_dates_and_the_criteria_met():
    keyword = {"type": "keyword"}
    assert index_body() == {
        "settings": {"number_of_shards": 1, "auto_expand_replicas": "0-1"},
        "mappings": {
            "dynamic": False,
            "properties": {
                "id": {"type": "integer"},
                "status": keyword,
                "applicant_type": keyword,
                "dispositif_kind": keyword,
                "region": keyword,
                "department": keyword,
                "first_submitted_at": {"type": "date"},
                "decided_at": {"type": "date"},
                "valid_until": {"type": "date"},
                "decided": {"type": "boolean"},
                "review_days": {"type": "integer"},
                "criteria_met": keyword,
            },
        },
    }


def test_the_aggregation_body_is_exactly_this():
    assert aggregation_body(TODAY, 90) == EXPECTED_BODY


class FakeServerMixin:
    """A recorded in-memory Elasticsearch node behind the real client, for URL."""

    def setUp(self):
        super().setUp()
        self.server = FakeNodeServer()
        self.server.route("HEAD", rf"/{ALIAS}", None)
        self.server.route("POST", r"/_bulk", bulk_ok)
        self.server.route("PUT", r"/_bulk", bulk_ok)
        self.documents = [document_of(r) for r in requests_queryset()]
        self.server.route(
            "POST", SEARCH, lambda request: (200, search_response(self.documents, request.body))
        )
        search_es._clients[URL] = self.server.client()
        self.addCleanup(search_es._clients.pop, URL, None)

    def sent(self, method, path):
        return [r for r in self.server.requests if r.method == method and r.path == path]


class ParityTests(FakeServerMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_label_data()

    def test_documents_carry_only_what_the_figures_count(self):
        c = document_of(self.data["C"])
        assert c == {
            "id": self.data["C"].pk,
            "status": "refusee",
            "applicant_type": "association",
            "dispositif_kind": "methodologique",
            "region": "84",
            "department": "38",
            "first_submitted_at": "2026-01-31T23:30:00+00:00",
            "decided_at": "2026-02-28T23:30:00+00:00",
            "valid_until": None,
            "decided": True,
            "review_days": 28,
            "criteria_met": ["accessible", "documente"],
        }
        g = document_of(self.data["G"])  # no organisation, no applicant type, not decided
        assert (g["region"], g["applicant_type"], g["decided"], g["review_days"]) == (
            "",
            "",
            False,
            None,
        )
        # No name, title, contact or reference in the index.
        assert "Gamma" not in str(c) and "NEC-" not in str(c)

    def test_both_paths_give_the_same_figures(self):
        with override_settings(ELASTICSEARCH_URL=URL):
            engine = stats.get_label_stats()
            assert isinstance(engine, ElasticsearchLabelStats)
            elasticsearch = stats.compute_figures(TODAY)
        database = OrmLabelStats().figures(TODAY)
        assert elasticsearch.engine == "elasticsearch" and not elasticsearch.fallback
        (search,) = self.sent("POST", SEARCH)
        assert search.body == EXPECTED_BODY
        assert elasticsearch.comparable() == database.comparable()
        # And those figures are the ones worked out by hand (tests/test_label_stats.py).
        assert elasticsearch.median_review_days == 32.5
        assert elasticsearch.pass_rates == database.pass_rates
        # Another day, another expiry window: still the same figures.
        later = date(2026, 12, 16)
        index = LabelIndex(url=URL, client=self.server.client())
        assert ElasticsearchLabelStats(index).figures(later).comparable() == (
            OrmLabelStats().figures(later).comparable()
        )
        assert OrmLabelStats().figures(later).expiring_soon == 1

    def test_an_unreachable_server_means_database_figures_and_a_notice(self):
        with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9"):
            search_es._clients.pop("http://127.0.0.1:9", None)
            figures = stats.compute_figures(TODAY)
            assert figures.fallback and figures.engine == "orm"
            assert figures.comparable() == OrmLabelStats().figures(TODAY).comparable()
            response = self.client.get("/label-nec/suivi/")
        assert response.status_code == 200
        assert "momentanément indisponible" in page_text(response)

    def test_a_missing_label_index_falls_back_too(self):
        self.server.route(
            "POST", SEARCH, {"error": {"type": "index_not_found_exception"}, "status": 404}, 404
        )
        with override_settings(ELASTICSEARCH_URL=URL):
            assert stats.compute_figures(TODAY).fallback


class LifecycleTests(FakeServerMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_label_data()

    def test_rebuild_fills_a_new_index_then_swaps_the_alias(self):
        self.server.route("PUT", rf"/{ALIAS}-\d+", ACK)
        self.server.route("POST", rf"/{ALIAS}-\d+/_refresh", {"_shards": {"total": 1}})
        self.server.route("GET", rf"/_alias/{ALIAS}", {f"{ALIAS}-old": {"aliases": {ALIAS: {}}}})
        self.server.route("POST", r"/_aliases", ACK)
        self.server.route("DELETE", rf"/{ALIAS}-old", ACK)
        out = io.StringIO()
        with override_settings(ELASTICSEARCH_URL=URL):
            call_command("label_index", "rebuild", stdout=out)
        created = [r for r in self.server.requests if r.method == "PUT" and r.path != "/_bulk"]
        assert len(created) == 1 and created[0].body == index_body()
        new_index = created[0].path.lstrip("/")
        assert new_index.startswith(f"{ALIAS}-")
        bulk = [line for r in self.server.requests if r.path == "/_bulk" for line in r.body]
        assert {line["index"]["_index"] for line in bulk[::2]} == {new_index}
        assert len(bulk) == 2 * 10
        (swap,) = self.sent("POST", "/_aliases")
        assert swap.body == {
            "actions": [
                {"remove": {"index": f"{ALIAS}-old", "alias": ALIAS}},
                {"add": {"index": new_index, "alias": ALIAS}},
            ]
        }
        assert self.sent("DELETE", f"/{ALIAS}-old")
        assert "10/10 (100 %)" in out.getvalue()
        assert "alias bases-communes-labels basculé" in out.getvalue()

    def test_a_status_change_reindexes_its_request_after_commit(self):
        request = self.data["E"]
        with override_settings(ELASTICSEARCH_URL=URL):
            with self.captureOnCommitCallbacks(execute=False) as callbacks:
                StatusChange.objects.create(
                    request=request,
                    from_status=Status.IN_REVIEW,
                    to_status=Status.COMPLEMENTS,
                    at=request.first_submitted_at,
                )
            assert not self.sent("PUT", "/_bulk") + self.sent("POST", "/_bulk")  # not before
            for callback in callbacks:
                callback()
        (bulk,) = self.sent("PUT", "/_bulk") + self.sent("POST", "/_bulk")
        assert bulk.body[0] == {"index": {"_index": ALIAS, "_id": str(request.pk)}}
        assert bulk.body[1] == document_of(request)

    def test_a_failing_index_never_breaks_the_workflow(self):
        self.server.route("POST", r"/_bulk", {"error": "boom", "status": 500}, 500)
        self.server.route("PUT", r"/_bulk", {"error": "boom", "status": 500}, 500)
        request = self.data["F"]
        with (
            override_settings(ELASTICSEARCH_URL=URL),
            self.assertLogs("label.index", "ERROR") as logs,
            self.captureOnCommitCallbacks(execute=True),
        ):
            request.status = Status.SUBMITTED
            request.save()
        assert "mise à jour impossible" in logs.output[0]
        request.refresh_from_db()
        assert request.status == Status.SUBMITTED

    def test_update_reindexes_everything_and_drops_deleted_requests(self):
        self.server.route(
            "POST",
            rf"/{ALIAS}/_search",
            {
                "_scroll_id": "s1",
                "_shards": SHARDS,
                "hits": {"hits": [{"_id": str(self.data["A"].pk)}, {"_id": "999999"}]},
            },
        )
        self.server.route("DELETE", r"/_search/scroll", {"succeeded": True})
        self.server.route(
            "POST",
            r"/_search/scroll",
            {"_scroll_id": "s1", "_shards": SHARDS, "hits": {"hits": []}},
        )
        out = io.StringIO()
        with override_settings(ELASTICSEARCH_URL=URL):
            call_command("label_index", "update", stdout=out)
        bulks = [line for r in self.server.requests if r.path == "/_bulk" for line in r.body]
        assert {"delete": {"_index": ALIAS, "_id": "999999"}} in bulks
        assert "10 demande(s) réindexée(s), 1 document(s) retiré(s)" in out.getvalue()

    def test_status_and_unreachable_server(self):
        self.server.route("GET", rf"/_alias/{ALIAS}", {f"{ALIAS}-1": {"aliases": {ALIAS: {}}}})
        self.server.route("POST", rf"/{ALIAS}/_count", {"count": 9})
        self.server.route("GET", rf"/{ALIAS}/_count", {"count": 9})
        out = io.StringIO()
        with override_settings(ELASTICSEARCH_URL=URL):
            call_command("label_index", "status", stdout=out)
        assert f"Index : {ALIAS}-1" in out.getvalue()
        assert "Documents : 9 (demandes en base : 10)" in out.getvalue()
        assert "lancez « label_index update »" in out.getvalue()
        with (
            override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9"),
            pytest.raises(CommandError, match="injoignable"),
        ):
            call_command("label_index", "status", stdout=io.StringIO())
        with pytest.raises(CommandError, match="ELASTICSEARCH_URL"):
            call_command("label_index", "status", stdout=io.StringIO())


# Against a real Elasticsearch 8 (ELASTICSEARCH_URL=… pytest -m elasticsearch) ----------------


@pytest.mark.elasticsearch
@pytest.mark.skipif(
    not settings.ELASTICSEARCH_URL,
    reason="ELASTICSEARCH_URL is not set: no Elasticsearch server to test against",
)
class LiveParityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_label_data()

    def test_a_real_index_gives_the_database_figures(self):
        index = LabelIndex(alias=f"bc-test-labels-{uuid.uuid4().hex[:8]}")
        index.rebuild(requests_queryset())
        try:
            figures = ElasticsearchLabelStats(index).figures(TODAY)
            assert figures.comparable() == OrmLabelStats().figures(TODAY).comparable()
            assert figures.expiring_soon == 2
            later = ElasticsearchLabelStats(index).figures(date(2026, 12, 16))
            assert later.expiring_soon == 1
        finally:
            index.client.indices.delete(index=",".join(index.concrete_indices()))
