"""The dates evaluator: matching rules on synthetic gold, and the score on the hand-made gold file."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.evaluate.dates import evaluate_dates, format_report

GOLD = Path(__file__).parent / "data" / "dates_gold.jsonl"
# Written and annotated before the extractor was run on it (blind F1 0.947 after fixing one annotation
# slip); kept separate so that later changes can be checked against text they were not tuned on.
HOLDOUT = Path(__file__).parent / "data" / "dates_gold_holdout.jsonl"


def _write(tmp_path: Path, docs: list[dict]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_match_needs_overlap_and_equal_dates(tmp_path: Path) -> None:
    text = "Мост открыли 30 мая 2011 года, а ремонт начали в 2015 году."
    s1, e1 = _span(text, "30 мая 2011")  # overlapping, not identical, span: still a match
    s2, e2 = _span(text, "2015 году")
    gold = [
        {"start": s1, "end": e1, "kind": "date", "date_start": "2011-05-30", "date_end": "2011-05-30"},
        # Wrong dates on purpose: found, but must not count as correct.
        {"start": s2, "end": e2, "kind": "year", "date_start": "2016-01-01", "date_end": "2016-12-31"},
    ]
    result = evaluate_dates(_write(tmp_path, [{"id": "a", "text": text, "dates": gold}]))
    assert (result["gold"], result["predicted"], result["true_positives"]) == (2, 2, 1)
    assert result["precision"] == result["recall"] == 0.5
    assert result["span_only"]["f1"] == 1.0
    kinds = sorted(e["type"] for e in result["errors"])
    assert kinds == ["missed", "spurious"]


def test_unresolved_and_open_dates_compare_nulls(tmp_path: Path) -> None:
    text = "С 2013 года цены росли, а вчера упали."
    s1, e1 = _span(text, "С 2013 года")
    s2, e2 = _span(text, "вчера")
    gold = [
        {"start": s1, "end": e1, "kind": "open_end", "date_start": "2013-01-01", "date_end": None},
        {"start": s2, "end": e2, "kind": "relative", "date_start": None, "date_end": None},
    ]
    result = evaluate_dates(_write(tmp_path, [{"id": "b", "text": text, "dates": gold}]))
    assert result["f1"] == 1.0
    # With a publication date the relative one resolves, so an all-null gold no longer matches it.
    doc = {"id": "b", "text": text, "published": "2020-05-10", "dates": gold}
    assert evaluate_dates(_write(tmp_path, [doc]))["true_positives"] == 1


def test_spurious_only_and_empty(tmp_path: Path) -> None:
    result = evaluate_dates(_write(tmp_path, [{"id": "c", "text": "В 2019 году.", "dates": []}]))
    assert (result["precision"], result["recall"]) == (0.0, 1.0)
    assert result["f1"] == 0.0
    empty = evaluate_dates(_write(tmp_path, [{"id": "d", "text": "Без дат.", "dates": []}]))
    assert empty["f1"] == 1.0


def test_report_mentions_scores_and_errors(tmp_path: Path) -> None:
    text = "Это случилось в 2019 году."
    s, e = _span(text, "2019 году")
    gold = [{"start": s, "end": e, "kind": "year", "date_start": "2018-01-01", "date_end": "2018-12-31"}]
    report = format_report(evaluate_dates(_write(tmp_path, [{"id": "e", "text": text, "dates": gold}])))
    assert "F1=0.000" in report
    assert "missed" in report and "spurious" in report and "2019 году" in report


def test_hand_gold_scores_high() -> None:
    result = evaluate_dates(GOLD)
    assert result["docs"] >= 15 and result["gold"] >= 35
    assert result["f1"] >= 0.95, format_report(result)


def test_holdout_gold_scores_high() -> None:
    result = evaluate_dates(HOLDOUT)
    assert result["gold"] >= 15
    assert result["f1"] >= 0.9, format_report(result)
