"""Answer an aggregation request over label documents the way Elasticsearch 8 does.

Enough of the query DSL and of the aggregations for the label index (exists, term, terms,
range, bool filter; terms, filter, filters, date_histogram by calendar month in a time zone),
with ES's response shapes: terms buckets sorted by count then key, `sum_other_doc_count`,
numeric keys for integer fields, date buckets keyed by epoch milliseconds with
`key_as_string`. The documents are those the index would hold (label.index.document_of), so
the Elasticsearch path is checked against data built independently of the database path.
"""

import zoneinfo
from datetime import UTC, datetime


def _values(document, field):
    value = document.get(field)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def matches(document, query):
    ((kind, spec),) = query.items()
    if kind == "match_all":
        return True
    if kind == "exists":
        return bool(_values(document, spec["field"]))
    if kind == "term":
        ((field, value),) = spec.items()
        value = value["value"] if isinstance(value, dict) else value
        return value in _values(document, field)
    if kind == "terms":
        ((field, values),) = spec.items()
        return any(v in values for v in _values(document, field))
    if kind == "range":
        ((field, bounds),) = spec.items()
        found = _values(document, field)
        if not found:
            return False
        value = found[0][:10]  # dates as yyyy-MM-dd
        return all(
            (op == "gte" and value >= bound)
            or (op == "lte" and value <= bound)
            or (op == "gt" and value > bound)
            or (op == "lt" and value < bound)
            for op, bound in bounds.items()
        )
    if kind == "bool":
        assert set(spec) <= {"filter", "must"}, spec
        clauses = [*spec.get("filter", []), *spec.get("must", [])]
        return all(matches(document, clause) for clause in clauses)
    raise AssertionError(f"query not supported by the fake: {query}")


def _month_bucket(moment, zone):
    local = datetime.fromisoformat(moment).astimezone(zone)
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return int(start.astimezone(UTC).timestamp() * 1000), start.strftime("%Y-%m")


def aggregate(documents, aggs):
    result = {}
    for name, spec in aggs.items():
        sub = spec.get("aggs", {})
        ((kind, options),) = ((k, v) for k, v in spec.items() if k != "aggs")
        if kind == "filter":
            selected = [d for d in documents if matches(d, options)]
            result[name] = {"doc_count": len(selected), **aggregate(selected, sub)}
        elif kind == "filters":
            result[name] = {
                "buckets": {
                    key: {
                        "doc_count": len(selected := [d for d in documents if matches(d, q)]),
                        **aggregate(selected, sub),
                    }
                    for key, q in options["filters"].items()
                }
            }
        elif kind == "terms":
            groups = {}
            for document in documents:
                for value in dict.fromkeys(_values(document, options["field"])):
                    groups.setdefault(value, []).append(document)
            ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
            size = options.get("size", 10)
            kept, other = ordered[:size], ordered[size:]
            result[name] = {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": sum(len(group) for _key, group in other),
                "buckets": [
                    {"key": key, "doc_count": len(group), **aggregate(group, sub)}
                    for key, group in kept
                ],
            }
        elif kind == "date_histogram":
            assert options["calendar_interval"] == "month", options
            zone = zoneinfo.ZoneInfo(options["time_zone"])
            assert options["format"] == "yyyy-MM"
            groups = {}
            for document in documents:
                for value in _values(document, options["field"]):
                    groups.setdefault(_month_bucket(value, zone), []).append(document)
            assert options.get("min_doc_count") == 1  # no empty buckets to fill
            result[name] = {
                "buckets": [
                    {
                        "key_as_string": label,
                        "key": key,
                        "doc_count": len(group),
                        **aggregate(group, sub),
                    }
                    for (key, label), group in sorted(groups.items())
                ]
            }
        else:
            raise AssertionError(f"aggregation not supported by the fake: {kind}")
    return result


def search_response(documents, body):
    """The response of POST /<index>/_search with `body` over `documents`."""
    selected = [d for d in documents if matches(d, body.get("query", {"match_all": {}}))]
    assert body.get("size") == 0, "the label index answers aggregations only"
    return {
        "took": 4,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {
            "total": {"value": len(selected), "relation": "eq"},
            "max_score": None,
            "hits": [],
        },
        "aggregations": aggregate(selected, body.get("aggs", {})),
    }
