"""The tracking figures of the label NEC (« suivi »), computed by one of two paths.

`OrmLabelStats` aggregates in the database; `ElasticsearchLabelStats` sends one aggregation
request to the label index (label.index) when ELASTICSEARCH_URL is set. `get_label_stats()`
chooses; `compute_figures()` falls back to the database when Elasticsearch cannot be reached
(the figures then say so). Both return the same `LabelFigures`, and a test holds them equal on
the same data (tests/test_label_stats_elasticsearch.py).

What is counted (the same definitions on both paths, from the fields the workflow keeps in step
with the StatusChange history):
- requests by status: every request, by its current status (the public page leaves drafts out:
  a draft has not been sent to anyone yet);
- submitted per month: requests by the month (Paris time) of their FIRST submission, so that a
  request sent back for complements counts once;
- decided: status labellisée, refusée or expirée with a decision date; decided per month by the
  month of the decision;
- review time: calendar days (Paris) from the first submission to the decision. The median is
  exact on both paths: the database path counts the days in Python, the Elasticsearch path reads
  a `terms` aggregation of `review_days` (one bucket per value, one shard, so exact counts),
  never the approximate `percentiles` (t-digest);
- pass rate of a criterion: the share of decided requests whose verdict on it is « satisfait »;
- splits by applicant type, dispositif kind and region (of the applicant organisation): requests
  submitted, decided, labels obtained (labellisée or expirée);
- labels expiring soon: labellisée with an end of validity from today to today + N days.
"""

import logging
import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, F, Q, Value
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from elasticsearch.dsl import Q as ESQ
from elasticsearch.dsl import Search

from search.engines.base import EngineUnavailable

from .criteria import ApplicantType, Criterion, DispositifKind, Status, Verdict
from .index import DECISIONS, OBTAINED, PARIS, LabelIndex, label_index, review_days

logger = logging.getLogger(__name__)

SPLITS = {
    "applicant_type": "applicant_type",
    "dispositif_kind": "dispositif_kind",
    "region": "organisation__region_code",
}
SPLIT_BUCKETS = 100
STATUS_BUCKETS = 20
# One bucket per distinct number of days: 10,000 days is more than 27 years of review.
REVIEW_DAYS_BUCKETS = 10_000


def expiring_window_days():
    """Labels are « bientôt expirés » from the first reminder on (90 days by default)."""
    return max(getattr(settings, "LABEL_NEC_REMINDER_DAYS", None) or [90])


@dataclass
class Split:
    submitted: int = 0
    decided: int = 0
    obtained: int = 0


@dataclass
class LabelFigures:
    by_status: dict
    submitted_per_month: list  # [("2026-01", 3), …], every month from the first to the last
    decided_per_month: list
    review_days: dict  # number of days → number of decided requests
    criteria_met: dict  # criterion → decided requests where it is met
    decided: int
    splits: dict  # "applicant_type" | "dispositif_kind" | "region" → {value: Split}
    expiring_soon: int
    expiring_days: int
    engine: str = "orm"
    fallback: bool = False
    today: object = field(default=None, compare=False)

    def comparable(self):
        """Every figure, without which path computed them (what the parity test compares)."""
        data = asdict(self)
        for key in ("engine", "fallback", "today"):
            data.pop(key)
        return data

    @property
    def median_review_days(self):
        values = [days for days, n in sorted(self.review_days.items()) for _ in range(n)]
        if not values:
            return None
        return statistics.median(values)

    @property
    def reviewed(self):
        return sum(self.review_days.values())

    @property
    def pass_rates(self):
        """[(criterion, met, decided, percent or None)] in the order of the criteria."""
        rates = []
        for criterion in Criterion:
            met = self.criteria_met.get(criterion.value, 0)
            percent = round(100 * met / self.decided, 1) if self.decided else None
            rates.append((criterion, met, self.decided, percent))
        return rates

    @property
    def submitted(self):
        return sum(count for _month, count in self.submitted_per_month)


def fill_months(counts):
    """{"2026-01": 2, "2026-03": 1} → [("2026-01", 2), ("2026-02", 0), ("2026-03", 1)]."""
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while True:
        key = f"{year:04d}-{month:02d}"
        months.append((key, counts.get(key, 0)))
        if key >= last:
            return months
        month += 1
        if month > 12:
            year, month = year + 1, 1


def empty_statuses():
    return {status.value: 0 for status in Status}


class LabelStats:
    """The interface of both paths."""

    name = ""

    def figures(self, today=None):
        """LabelFigures for `today` (a date, Paris; the expiry window starts there)."""
        raise NotImplementedError


class OrmLabelStats(LabelStats):
    name = "orm"

    def figures(self, today=None):
        from .models import CriterionAssessment, LabelRequest

        today = today or timezone.localdate()
        days = expiring_window_days()
        requests = LabelRequest.objects.order_by()
        decided_q = Q(status__in=DECISIONS, decided_at__isnull=False)
        submitted = requests.filter(first_submitted_at__isnull=False)
        decided = requests.filter(decided_q)

        by_status = empty_statuses()
        for row in requests.values("status").annotate(n=Count("pk")):
            by_status[row["status"]] = row["n"]

        def per_month(queryset, field_name):
            rows = (
                queryset.annotate(month=TruncMonth(field_name, tzinfo=PARIS))
                .values("month")
                .annotate(n=Count("pk"))
            )
            return fill_months({row["month"].strftime("%Y-%m"): row["n"] for row in rows})

        histogram = Counter()
        for first, decision in decided.values_list("first_submitted_at", "decided_at"):
            days_taken = review_days(first, decision)
            if days_taken is not None:
                histogram[days_taken] += 1

        criteria_met = {
            row["criterion"]: row["n"]
            for row in CriterionAssessment.objects.filter(request__in=decided, verdict=Verdict.MET)
            .order_by()
            .values("criterion")
            .annotate(n=Count("request", distinct=True))
        }

        splits = {}
        for key, path in SPLITS.items():
            rows = (
                submitted.annotate(value=Coalesce(F(path), Value("")))
                .values("value")
                .annotate(
                    submitted=Count("pk"),
                    decided=Count("pk", filter=decided_q),
                    obtained=Count("pk", filter=Q(status__in=OBTAINED)),
                )
            )
            splits[key] = {
                row["value"]: Split(row["submitted"], row["decided"], row["obtained"])
                for row in sorted(rows, key=lambda row: row["value"])
            }

        expiring = requests.filter(
            status=Status.LABELLED,
            valid_until__gte=today,
            valid_until__lte=today + timedelta(days=days),
        ).count()
        return LabelFigures(
            by_status=by_status,
            submitted_per_month=per_month(submitted, "first_submitted_at"),
            decided_per_month=per_month(decided, "decided_at"),
            review_days=dict(sorted(histogram.items())),
            criteria_met=dict(sorted(criteria_met.items())),
            decided=decided.count(),
            splits=splits,
            expiring_soon=expiring,
            expiring_days=days,
            engine=self.name,
            today=today,
        )


def month_histogram(field_name):
    return {
        "field": field_name,
        "calendar_interval": "month",
        "time_zone": "Europe/Paris",
        "format": "yyyy-MM",
        "min_doc_count": 1,
    }


def aggregation_body(today, days):
    """The one search request of the figures (size 0: aggregations only)."""
    search = Search().extra(size=0, track_total_hits=True)
    search.aggs.bucket("by_status", "terms", field="status", size=STATUS_BUCKETS)
    submitted = search.aggs.bucket("submitted", "filter", ESQ("exists", field="first_submitted_at"))
    submitted.bucket("per_month", "date_histogram", **month_histogram("first_submitted_at"))
    for key in SPLITS:
        split = submitted.bucket(key, "terms", field=key, size=SPLIT_BUCKETS)
        split.bucket("decided", "filter", ESQ("term", decided=True))
        split.bucket("obtained", "filter", ESQ("terms", status=[s.value for s in OBTAINED]))
    decided = search.aggs.bucket("decided", "filter", ESQ("term", decided=True))
    decided.bucket("per_month", "date_histogram", **month_histogram("decided_at"))
    decided.bucket("review_days", "terms", field="review_days", size=REVIEW_DAYS_BUCKETS)
    decided.bucket(
        "criteria",
        "filters",
        filters={c.value: ESQ("term", criteria_met=c.value) for c in Criterion},
    )
    end = today + timedelta(days=days)
    search.aggs.bucket(
        "expiring_soon",
        "filter",
        ESQ(
            "bool",
            filter=[
                ESQ("term", status=Status.LABELLED.value),
                ESQ("range", valid_until={"gte": today.isoformat(), "lte": end.isoformat()}),
            ],
        ),
    )
    return search.to_dict()


def _buckets(aggregation):
    buckets = aggregation.get("buckets", [])
    if aggregation.get("sum_other_doc_count"):
        logger.warning("Index des labels : agrégation tronquée (%s)", aggregation)
    return buckets


def parse_figures(response, today, days):
    aggs = response["aggregations"]
    by_status = empty_statuses()
    for bucket in _buckets(aggs["by_status"]):
        by_status[bucket["key"]] = bucket["doc_count"]

    def per_month(aggregation):
        return fill_months(
            {b["key_as_string"]: b["doc_count"] for b in aggregation["buckets"] if b["doc_count"]}
        )

    submitted, decided = aggs["submitted"], aggs["decided"]
    splits = {}
    for key in SPLITS:
        splits[key] = {
            str(b["key"]): Split(
                b["doc_count"], b["decided"]["doc_count"], b["obtained"]["doc_count"]
            )
            for b in sorted(_buckets(submitted[key]), key=lambda b: str(b["key"]))
        }
    histogram = {
        int(b["key"]): b["doc_count"]
        for b in sorted(_buckets(decided["review_days"]), key=lambda b: b["key"])
    }
    criteria_met = {
        criterion: bucket["doc_count"]
        for criterion, bucket in sorted(decided["criteria"]["buckets"].items())
        if bucket["doc_count"]
    }
    return LabelFigures(
        by_status=by_status,
        submitted_per_month=per_month(submitted["per_month"]),
        decided_per_month=per_month(decided["per_month"]),
        review_days=histogram,
        criteria_met=criteria_met,
        decided=decided["doc_count"],
        splits=splits,
        expiring_soon=aggs["expiring_soon"]["doc_count"],
        expiring_days=days,
        engine=ElasticsearchLabelStats.name,
        today=today,
    )


class ElasticsearchLabelStats(LabelStats):
    name = "elasticsearch"

    def __init__(self, index=None):
        self.index = index or LabelIndex()

    def figures(self, today=None):
        today = today or timezone.localdate()
        days = expiring_window_days()
        response = self.index.search(aggregation_body(today, days))
        return parse_figures(response, today, days)


def get_label_stats():
    """Elasticsearch when configured, else the database."""
    index = label_index()
    return ElasticsearchLabelStats(index) if index is not None else OrmLabelStats()


def compute_figures(today=None):
    """The figures; the database answers (fallback=True) when Elasticsearch cannot."""
    stats = get_label_stats()
    try:
        return stats.figures(today)
    except EngineUnavailable:
        if stats.name == OrmLabelStats.name:
            raise
        logger.warning("Index des labels injoignable : chiffres calculés par la base")
        figures = OrmLabelStats().figures(today)
        figures.fallback = True
        return figures


def expiring_labels(today=None):
    """The labels expiring soon, with their names: for reviewers only."""
    from .models import LabelRequest

    today = today or timezone.localdate()
    return (
        LabelRequest.objects.filter(
            status=Status.LABELLED,
            valid_until__gte=today,
            valid_until__lte=today + timedelta(days=expiring_window_days()),
        )
        .select_related("organisation", "resource")
        .order_by("valid_until", "pk")
    )


SPLIT_LABELS = {
    "applicant_type": dict(ApplicantType.choices),
    "dispositif_kind": dict(DispositifKind.choices),
}
