"""A stand-in for an OpenSearch server, plugged into opensearch-py at its transport: the
`connection_class` the client sends every HTTP request through.

Everything above the connection is real: Wagtail's OpenSearch backend builds its documents,
queries, sorts, counts and aggregations, and opensearch-py serialises them. This answers the
requests that the library makes, from documents it keeps in memory: indexing one document,
`_search` (match, multi_match, term, terms, prefix, range, exists and bool queries; sorting;
`from`/`size`; terms aggregations, capped at 10 buckets as OpenSearch does by default) and
`_count`. Text matching is plain: lowercase words, every word present for the "and" operator,
scored by how often the words occur (no stemming, no analyzers)."""

import json
import re

from opensearchpy import Connection

# Index name -> document id -> document, as the backend sent it.
documents = {}

WORD = re.compile(r"\w+")


def words_in(value):
    if isinstance(value, dict):
        return [word for item in value.values() for word in words_in(item)]
    if isinstance(value, list):
        return [word for item in value for word in words_in(item)]
    if isinstance(value, str):
        return WORD.findall(value.lower())
    return []


def values_of(document, field):
    value = document.get(field)
    if value is None:
        return []
    return [str(item) for item in (value if isinstance(value, list) else [value])]


def text_score(document, query):
    wanted = WORD.findall(query["query"].lower())
    found = words_in({key: value for key, value in document.items() if not key.endswith("_filter")})
    present = [word for word in wanted if word in found]
    if query.get("operator") == "and" and len(present) < len(wanted):
        return 0
    return sum(found.count(word) for word in present)


def score(document, query):
    """How well `document` matches `query`: 0 when it does not."""
    (kind, spec), *_ = query.items()
    if kind == "match_all":
        return 1
    if kind == "multi_match":
        return text_score(document, spec)
    if kind == "match":
        (field, spec), *_ = spec.items()
        if field.startswith("_all_text"):
            return text_score(document, spec if isinstance(spec, dict) else {"query": spec})
        wanted = spec["query"] if isinstance(spec, dict) else spec
        return int(str(wanted) in values_of(document, field))
    if kind == "term":
        (field, wanted), *_ = spec.items()
        return int(str(wanted) in values_of(document, field))
    if kind == "terms":
        (field, wanted), *_ = spec.items()
        return int(bool({str(item) for item in wanted} & set(values_of(document, field))))
    if kind == "prefix":
        (field, wanted), *_ = spec.items()
        return int(any(value.startswith(str(wanted)) for value in values_of(document, field)))
    if kind == "exists":
        return int(bool(values_of(document, spec["field"])))
    if kind == "range":
        (field, bounds), *_ = spec.items()
        checks = {"gt": str.__gt__, "gte": str.__ge__, "lt": str.__lt__, "lte": str.__le__}
        return int(
            any(
                all(checks[op](value, str(limit)) for op, limit in bounds.items())
                for value in values_of(document, field)
            )
        )
    if kind == "bool":
        total = 0
        for clause in as_list(spec.get("must")) + as_list(spec.get("filter")):
            found = score(document, clause)
            if not found:
                return 0
            total += found if clause in as_list(spec.get("must")) else 0
        if any(score(document, clause) for clause in as_list(spec.get("must_not"))):
            return 0
        should = as_list(spec.get("should"))
        if should:
            found = [score(document, clause) for clause in should]
            if not any(found) and not (spec.get("must") or spec.get("filter")):
                return 0
            total += sum(found)
        return total or 1
    if kind == "constant_score":
        return int(bool(score(document, spec["filter"])))
    raise NotImplementedError(f"The fake OpenSearch does not answer {kind!r} queries.")


def as_list(clauses):
    if clauses is None:
        return []
    return clauses if isinstance(clauses, list) else [clauses]


def search(index, body, params):
    matches = []
    for document in documents.get(index, {}).values():
        found = score(document, body.get("query", {"match_all": {}}))
        if found:
            matches.append((found, document))
    for key in reversed(body.get("sort", [])):
        (field, direction), *_ = key.items()
        present = [m for m in matches if values_of(m[1], field)]
        missing = [m for m in matches if not values_of(m[1], field)]
        present.sort(key=lambda m: sort_value(m[1], field), reverse=direction == "desc")
        matches = present + missing  # OpenSearch sorts documents without the field last
    if "sort" not in body:
        matches.sort(key=lambda m: m[0], reverse=True)
    start, size = int(params.get("from", 0)), int(params.get("size", 10))
    hits = [
        {"_id": document["pk"], "_score": found, "fields": {"pk": [document["pk"]]}}
        for found, document in matches[start : start + size]
    ]
    response = {"hits": {"total": {"value": len(matches)}, "hits": hits}}
    aggregations = body.get("aggregations") or body.get("aggs") or {}
    if aggregations:
        response["aggregations"] = {}
        for name, aggregation in aggregations.items():
            field = aggregation["terms"]["field"]
            counts = {}
            for _found, document in matches:
                for value in values_of(document, field) or [aggregation["terms"].get("missing")]:
                    counts[value] = counts.get(value, 0) + 1
            buckets = sorted(counts.items(), key=lambda item: -item[1])[:10]
            response["aggregations"][name] = {
                "buckets": [{"key": as_key(key), "doc_count": count} for key, count in buckets]
            }
    return response


def sort_value(document, field):
    value = values_of(document, field)[0]
    return (0, int(value), "") if value.isdigit() else (1, 0, value.lower())


def as_key(value):
    return int(value) if str(value).isdigit() else value


class FakeOpenSearchConnection(Connection):
    """Answers opensearch-py's HTTP requests from the documents kept above."""

    def perform_request(
        self, method, url, params=None, body=None, timeout=None, ignore=(), headers=None
    ):
        params = params or {}
        path = [part for part in url.split("?")[0].split("/") if part]
        payload = json.loads(body) if body else {}
        if len(path) == 3 and path[1] == "_doc" and method in ("PUT", "POST"):
            documents.setdefault(path[0], {})[path[2]] = payload
            answer = {"result": "created", "_id": path[2]}
        elif len(path) == 2 and path[1] == "_search":
            answer = search(path[0], payload, params)
        elif len(path) == 2 and path[1] == "_count":
            answer = {
                "count": search(path[0], payload, {"size": 1_000_000})["hits"]["total"]["value"]
            }
        elif method == "HEAD":
            return (200 if path and path[0] in documents else 404), {}, ""
        elif len(path) == 1 and method == "PUT":
            documents.setdefault(path[0], {})
            answer = {"acknowledged": True}
        else:
            raise NotImplementedError(f"The fake OpenSearch does not answer {method} {url}.")
        return 200, {"content-type": "application/json"}, json.dumps(answer)
