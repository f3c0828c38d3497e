"""How `make audit` turns a Lighthouse report into pass or fail: audits are left out only where
the issue allows (is-crawlable on noindex pages) and where a 404 page's own status is all an
audit found."""

import json
from pathlib import Path

from tests.audit.run_audit import (
    category_score,
    failing_audits,
    left_out,
    status_audits_explained,
)

PAGE_URL = "http://127.0.0.1:8000/this-page-does-not-exist/"


def report(seo=None, best_practices=None, console_items=(), status_display=""):
    """A minimal Lighthouse report: audit id -> score, with Lighthouse's SEO weights."""
    seo = {"is-crawlable": 1, "http-status-code": 1, "document-title": 1, **(seo or {})}
    best_practices = {"errors-in-console": 1, "doctype": 1, **(best_practices or {})}
    weights = {"is-crawlable": 93 / 23, "http-status-code": 1, "document-title": 1}
    audits = {name: {"score": score} for name, score in {**seo, **best_practices}.items()}
    audits["http-status-code"]["displayValue"] = status_display
    audits["errors-in-console"]["details"] = {"items": list(console_items)}

    def category(scores, weight_of):
        refs = [{"id": name, "weight": weight_of(name)} for name in scores]
        total = sum(ref["weight"] for ref in refs)
        score = sum(ref["weight"] * scores[ref["id"]] for ref in refs) / total
        return {"score": score, "auditRefs": refs}

    return {
        "audits": audits,
        "categories": {
            "seo": category(seo, weights.get),
            "best-practices": category(best_practices, lambda name: 1),
        },
    }


def own_404_console_line(url=PAGE_URL):
    return {
        "source": "network",
        "description": "Failed to load resource: the server responded with a status of 404 "
        "(Not Found)",
        "sourceLocation": {"url": url},
    }


def test_noindex_search_page_is_judged_on_seo_without_is_crawlable_only():
    noindexed = report(seo={"is-crawlable": 0})
    excluded = left_out("search", "seo", set())

    assert excluded == {"is-crawlable"}
    assert category_score(noindexed, "seo", set()) < 100
    assert category_score(noindexed, "seo", excluded) == 100


def test_other_seo_failures_still_fail_a_noindex_page():
    broken = report(seo={"is-crawlable": 0, "document-title": 0})
    excluded = left_out("library-search", "seo", set())

    assert category_score(broken, "seo", excluded) == 50
    assert failing_audits(broken, "seo", excluded) == ["document-title (0.00)"]


def test_indexable_page_is_not_let_off_is_crawlable():
    assert left_out("home", "seo", set()) == set()
    assert category_score(report(seo={"is-crawlable": 0}), "seo", set()) < 100


def test_404_page_status_audits_are_left_out_when_they_report_only_its_404():
    not_found = report(
        seo={"is-crawlable": 0, "http-status-code": 0},
        best_practices={"errors-in-console": 0},
        console_items=[own_404_console_line()],
        status_display="404",
    )
    explained = status_audits_explained(not_found, "not-found", PAGE_URL)

    assert explained == {"http-status-code", "errors-in-console"}
    assert category_score(not_found, "seo", left_out("not-found", "seo", explained)) == 100
    best = left_out("not-found", "best-practices", explained)
    assert category_score(not_found, "best-practices", best) == 100


def test_404_page_fails_on_any_other_console_error():
    not_found = report(
        best_practices={"errors-in-console": 0},
        console_items=[own_404_console_line(), {"source": "javascript", "description": "boom"}],
        status_display="404",
    )
    explained = status_audits_explained(not_found, "not-found", PAGE_URL)

    assert "errors-in-console" not in explained
    best = left_out("not-found", "best-practices", explained)
    assert category_score(not_found, "best-practices", best) == 50


def test_404_page_answering_another_status_is_not_let_off():
    soft_or_broken = report(seo={"http-status-code": 0}, status_display="500")

    assert status_audits_explained(soft_or_broken, "not-found", PAGE_URL) == set()


def test_ordinary_page_never_has_status_audits_left_out():
    page = report(
        seo={"http-status-code": 0},
        best_practices={"errors-in-console": 0},
        console_items=[own_404_console_line("http://127.0.0.1:8000/")],
        status_display="404",
    )

    assert status_audits_explained(page, "home", "http://127.0.0.1:8000/") == set()


def test_a_page_under_100_is_judged_on_the_median_of_three_runs(tmp_path, monkeypatch):
    from tests.audit import run_audit

    scores = iter([0.96, 1.0, 0.98])

    def fake_lighthouse(lighthouse, base_url, name, path, output):
        score = next(scores)
        for kind in ("json", "html"):
            Path(f"{output}.report.{kind}").write_text(str(score))
        return {"categories": {"performance": {"score": score}}}, None

    monkeypatch.setattr(run_audit, "REPORT_DIR", tmp_path)
    monkeypatch.setattr(run_audit, "run_lighthouse", fake_lighthouse)

    report, _, run_count = run_audit.median_run(None, "http://127.0.0.1:1", "explainer", "/x/")

    assert (run_count, report["categories"]["performance"]["score"]) == (3, 0.98)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "explainer.report.html",
        "explainer.report.json",
    ]
    assert (tmp_path / "explainer.report.json").read_text() == "0.98"


def test_a_page_at_100_is_run_once(tmp_path, monkeypatch):
    from tests.audit import run_audit

    calls = []

    def fake_lighthouse(lighthouse, base_url, name, path, output):
        calls.append(output)
        return {"categories": {"performance": {"score": 1.0}}}, None

    monkeypatch.setattr(run_audit, "REPORT_DIR", tmp_path)
    monkeypatch.setattr(run_audit, "run_lighthouse", fake_lighthouse)

    assert run_audit.median_run(None, "http://127.0.0.1:1", "home", "/")[2] == 1
    assert calls == [tmp_path / "home"]


class FakeLighthouse:
    """Stands in for the Lighthouse worker: each run takes the next outcome, a performance score
    or a whole report (the run writes its report) or what the worker answers when the run
    fails."""

    def __init__(self, outcomes):
        self.outcomes, self.calls = iter(outcomes), []

    def run(self, url, output, ignore_status_code):
        outcome = next(self.outcomes)
        self.calls.append((url, ignore_status_code))
        if isinstance(outcome, str):
            return outcome
        if not isinstance(outcome, dict):
            outcome = {"categories": {"performance": {"score": outcome}}}
        Path(f"{output}.report.json").write_text(json.dumps(outcome))
        return None


def test_lighthouse_is_tried_again_when_chromium_fails(tmp_path, monkeypatch):
    from tests.audit import run_audit

    monkeypatch.setattr(run_audit.time, "sleep", lambda seconds: None)
    lighthouse = FakeLighthouse(["Unable to connect to Chrome", "NO_NAVSTART", 1.0])

    report, failure = run_audit.run_lighthouse(lighthouse, "http://x", "home", "/", tmp_path / "h")

    assert (len(lighthouse.calls), report, failure) == (
        3,
        {"categories": {"performance": {"score": 1.0}}},
        None,
    )


def test_a_page_lighthouse_never_audits_fails_with_what_lighthouse_said(tmp_path, monkeypatch):
    from tests.audit import run_audit

    monkeypatch.setattr(run_audit.time, "sleep", lambda seconds: None)
    lighthouse = FakeLighthouse(["Chrome crashed"] * 3)

    report, failure = run_audit.run_lighthouse(lighthouse, "http://x", "home", "/", tmp_path / "h")

    assert report is None
    assert failure == "Chrome crashed"


def robots_txt_not_downloaded():
    """A report whose run could not download robots.txt (seen in CI on a busy machine)."""
    report = full_report(1.0)
    report["categories"]["seo"]["auditRefs"].append({"id": "robots-txt", "weight": 1})
    report["audits"]["robots-txt"] = {
        "score": 0,
        "scoreDisplayMode": "binary",
        "explanation": "Lighthouse was unable to download a robots.txt file",
    }
    return report


def test_an_audit_that_counts_for_nothing_in_error_is_let_be(tmp_path):
    from tests.audit import run_audit

    # As the largest paint's element is, in every run of this Chromium.
    report = full_report(1.0)
    element = "largest-contentful-paint-element"
    report["categories"]["performance"]["auditRefs"].append({"id": element, "weight": 0})
    report["audits"][element] = {"score": None, "scoreDisplayMode": "error"}
    lighthouse = FakeLighthouse([report])

    found, failure = run_audit.run_lighthouse(lighthouse, "http://x", "home", "/", tmp_path / "h")

    assert (len(lighthouse.calls), found, failure) == (1, report, None)


def test_a_run_that_could_not_download_robots_txt_is_run_again(tmp_path, monkeypatch):
    from tests.audit import run_audit

    monkeypatch.setattr(run_audit.time, "sleep", lambda seconds: None)
    lighthouse = FakeLighthouse([robots_txt_not_downloaded(), full_report(1.0)])

    report, failure = run_audit.run_lighthouse(lighthouse, "http://x", "home", "/", tmp_path / "h")

    assert (len(lighthouse.calls), report, failure) == (2, full_report(1.0), None)


def test_a_run_that_never_downloads_robots_txt_is_judged_as_it_is(tmp_path, monkeypatch):
    from tests.audit import run_audit

    monkeypatch.setattr(run_audit.time, "sleep", lambda seconds: None)
    lighthouse = FakeLighthouse([robots_txt_not_downloaded()] * 3)

    report, failure = run_audit.run_lighthouse(lighthouse, "http://x", "home", "/", tmp_path / "h")

    assert len(lighthouse.calls) == 3
    assert (report["audits"]["robots-txt"]["score"], failure) == (0, None)


def test_the_404_page_is_audited_despite_its_status(tmp_path):
    from tests.audit import run_audit

    lighthouse = FakeLighthouse([1.0])
    run_audit.run_lighthouse(lighthouse, "http://x", "not-found", "/nothing/", tmp_path / "nf")
    assert lighthouse.calls == [("http://x/nothing/", True)]


def full_report(performance):
    """A report scoring 100 in every category but performance."""
    scores = {"performance": performance, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
    categories = {name: {"score": score, "auditRefs": []} for name, score in scores.items()}
    return {"categories": categories, "audits": {}}


class ScoredLighthouse:
    """Stands in for the Lighthouse worker, with a full report whose performance score comes
    from `scores` in turn."""

    def __init__(self, scores):
        self.scores = scores

    def run(self, url, output, ignore_status_code):
        Path(f"{output}.report.json").write_text(json.dumps(full_report(next(self.scores))))
        return None

    def stop(self):
        pass


def test_a_page_short_on_performance_alone_is_judged_again_alone_and_that_stands(
    tmp_path, monkeypatch
):
    from tests.audit import run_audit

    # The page's three runs while shared with others give a median of 98; alone, 100 at once.
    scores = iter([0.97, 0.98, 0.99, 1.0])
    monkeypatch.setattr(run_audit, "REPORT_DIR", tmp_path)
    monkeypatch.setattr(run_audit, "Lighthouse", lambda: ScoredLighthouse(scores))

    rows, problems = run_audit.audit_pages("http://x", {"event": "/event/"}, jobs=1)

    assert rows[0][2]["performance"] == 100
    assert problems == []


def test_a_page_still_short_when_alone_fails(tmp_path, monkeypatch):
    from tests.audit import run_audit

    scores = iter([0.97, 0.98, 0.99, 0.96, 0.98, 0.97])
    monkeypatch.setattr(run_audit, "REPORT_DIR", tmp_path)
    monkeypatch.setattr(run_audit, "Lighthouse", lambda: ScoredLighthouse(scores))

    rows, problems = run_audit.audit_pages("http://x", {"event": "/event/"}, jobs=1)

    assert rows[0][2]["performance"] == 97
    assert [problem.split(":")[0] for problem in problems] == ["event"]
