"""The NER evaluator on a tiny synthetic gold with hand-computed scores."""

from __future__ import annotations

import json

import pytest

from pipeline.evaluate.ner import evaluate_ner, format_report, list_errors, load_gold
from pipeline.nlp.ner import Mention

TEXT = "Иван Петров живет в Москве."


class FixedRecognizer:
    """Returns the same predictions for every text: a boundary error, an exact hit and a spurious span."""

    def pipe(self, texts, batch_size=32):
        for text in texts:
            yield [
                Mention(0, 4, text[0:4], "PER", "test"),
                Mention(12, 17, text[12:17], "ORG", "test"),
                Mention(20, 26, text[20:26], "LOC", "test"),
            ]


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    doc = {
        "id": "d1",
        "text": TEXT,
        "entities": [
            {"start": 0, "end": 11, "type": "PER"},
            {"start": 20, "end": 26, "type": "LOC"},
        ],
    }
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    return str(path)


def test_strict_scores(gold):
    res = evaluate_ner(gold, recognizer=FixedRecognizer(), baseline=False)
    s = res["ours"]["strict"]
    assert (s["PER"]["tp"], s["PER"]["fp"], s["PER"]["fn"]) == (0, 1, 1)
    assert s["LOC"]["f1"] == pytest.approx(1.0)
    assert (s["ORG"]["tp"], s["ORG"]["fp"], s["ORG"]["fn"]) == (0, 1, 0)
    assert s["micro"]["p"] == pytest.approx(1 / 3)
    assert s["micro"]["r"] == pytest.approx(1 / 2)
    assert s["micro"]["f1"] == pytest.approx(0.4)


def test_token_scores(gold):
    t = evaluate_ner(gold, recognizer=FixedRecognizer(), baseline=False)["ours"]["token"]
    # PER tokens: gold {Иван, Петров}, predicted {Иван}
    assert t["PER"]["p"] == pytest.approx(1.0)
    assert t["PER"]["r"] == pytest.approx(0.5)
    assert t["PER"]["f1"] == pytest.approx(2 / 3)
    assert (t["ORG"]["tp"], t["ORG"]["fp"]) == (0, 1)
    assert t["micro"]["p"] == pytest.approx(2 / 3)
    assert t["micro"]["r"] == pytest.approx(2 / 3)


def test_report_and_error_list(gold):
    res = evaluate_ner(gold, recognizer=FixedRecognizer(), baseline=False)
    report = format_report(res)
    assert "0.400" in report and "micro" in report
    errors = list_errors(load_gold(gold), list(FixedRecognizer().pipe([TEXT])))
    assert sorted(e["kind"] for e in errors) == ["boundary", "spurious"]


def test_limit(gold):
    assert evaluate_ner(gold, recognizer=FixedRecognizer(), limit=0, baseline=False)["n_docs"] == 0
