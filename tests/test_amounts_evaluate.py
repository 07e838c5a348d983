"""The amounts evaluator: matching rule and the shipped gold file's score."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.evaluate.amounts import evaluate_amounts, format_report, measure_speed, natasha_coverage

GOLD = Path(__file__).parent / "data" / "amounts_gold.jsonl"
# written after the extractor, annotated before it was run on them
GOLD_BLIND = Path(__file__).parent / "data" / "amounts_gold_blind.jsonl"


def _write(tmp_path: Path, text: str, amounts: list[dict]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "d1", "text": text, "amounts": amounts}, ensure_ascii=False) + "\n")
    return path


def _gold(text: str, span: str, **fields) -> dict:
    start = text.index(span)
    return {"start": start, "end": start + len(span), **fields}


def test_exact_match_scores_one(tmp_path: Path) -> None:
    text = "Выделено 5 млн тенге."
    g = _gold(text, "5 млн тенге", kind="money", value=5e6, value_min=5e6, value_max=5e6, unit="KZT",
              qualifier="exact")  # fmt: skip
    r = evaluate_amounts(_write(tmp_path, text, [g]))
    assert (r["tp"], r["precision"], r["recall"], r["f1"]) == (1, 1.0, 1.0, 1.0)


def test_overlap_with_wrong_unit_is_both_miss_and_false_positive(tmp_path: Path) -> None:
    text = "Выделено 5 млн тенге."
    g = _gold(
        text, "5 млн", kind="money", value=5e6, value_min=5e6, value_max=5e6, unit="RUB", qualifier="exact"
    )
    r = evaluate_amounts(_write(tmp_path, text, [g]))
    assert r["tp"] == 0 and len(r["misses"]) == 1 and len(r["false_positives"]) == 1
    assert "MISS" in format_report(r) and "FP" in format_report(r)


def test_partial_overlap_with_same_values_counts(tmp_path: Path) -> None:
    text = "Выделено 5 млн тенге."
    g = _gold(
        text, "5 млн", kind="money", value=5e6, value_min=5e6, value_max=5e6, unit="KZT", qualifier="exact"
    )
    assert evaluate_amounts(_write(tmp_path, text, [g]))["f1"] == 1.0


def test_unit_spelled_with_e_for_yo_matches(tmp_path: Path) -> None:
    text = "Пришли 20 волонтёров."
    g = _gold(text, "20 волонтёров", kind="count", value=20, value_min=20, value_max=20, unit="волонтер",
              qualifier="exact")  # fmt: skip
    assert evaluate_amounts(_write(tmp_path, text, [g]))["f1"] == 1.0
    g["unit"] = "волонтерка"
    assert evaluate_amounts(_write(tmp_path, text, [g]))["f1"] == 0.0


def test_shipped_gold_f1() -> None:
    r = evaluate_amounts(GOLD)
    assert r["n_gold"] >= 35
    assert r["f1"] >= 0.95, format_report(r)


def test_blind_gold_f1() -> None:
    r = evaluate_amounts(GOLD_BLIND)
    assert r["n_gold"] >= 15
    assert r["f1"] >= 0.95, format_report(r)


def _bench(tmp_path: Path, texts: list[str]) -> Path:
    path = tmp_path / "bench.jsonl"
    path.write_text(
        "".join(json.dumps({"id": str(k), "text": t}, ensure_ascii=False) + "\n" for k, t in enumerate(texts))
    )
    return path


def test_measure_speed_counts_docs_and_amounts(tmp_path: Path) -> None:
    path = _bench(tmp_path, ["Выделено 5 млн тенге и 10 тонн зерна.", "Без чисел.", "Рост на 3%."])
    r = measure_speed(path, n_docs=2)
    assert r["docs"] == 2 and r["amounts"] == 2 and r["docs_per_s"] > 0


def test_natasha_coverage_on_plain_money(tmp_path: Path) -> None:
    path = _bench(tmp_path, ["Компания заплатила 100 тыс. рублей штрафа.", "Бюджет — 5 млн долларов."])
    r = natasha_coverage(path, n_docs=2)
    assert r["natasha_matches"] == 2 and r["covered"] == 2 and r["misses"] == []
