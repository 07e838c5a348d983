"""Evaluation of the amounts extractor: gold precision/recall/F1, speed, and coverage of natasha's money.

    from pipeline.evaluate.amounts import evaluate_amounts, format_report
    print(format_report(evaluate_amounts("tests/data/amounts_gold.jsonl")))

A predicted amount matches a gold one when the spans overlap and kind, value, value_min, value_max, unit and
qualifier are all equal (floats compared with a relative tolerance of 1e-9; units with `ё` read as `е`, the
same lemma in the two spellings Russian allows: `волонтёр`, `волонтер`); each gold amount matches once.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.nlp.amounts import Amount, extract_amounts

_FIELDS = ("kind", "value", "value_min", "value_max", "unit", "qualifier")


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _matches(pred: Amount, gold: dict[str, Any]) -> bool:
    if pred.start >= gold["end"] or gold["start"] >= pred.end:
        return False
    for field in _FIELDS:
        p, g = getattr(pred, field), gold.get(field)
        if field in ("value", "value_min", "value_max"):
            if not _same_number(p, g):
                return False
        elif field == "unit" and isinstance(p, str) and isinstance(g, str):
            if p.replace("ё", "е") != g.replace("ё", "е"):
                return False
        elif p != g:
            return False
    return True


def _read_jsonl(path: str | Path) -> Iterable[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def evaluate_amounts(gold_path: str | Path) -> dict[str, Any]:
    """Precision/recall/F1 of extract_amounts on a gold JSONL, with the misses and false positives listed."""
    tp = n_pred = n_gold = 0
    misses: list[dict[str, Any]] = []
    false_pos: list[dict[str, Any]] = []
    for doc in _read_jsonl(gold_path):
        text, golds = doc["text"], doc["amounts"]
        preds = extract_amounts(text)
        n_pred += len(preds)
        n_gold += len(golds)
        used: set[int] = set()
        for pred in preds:
            hit = next((k for k, g in enumerate(golds) if k not in used and _matches(pred, g)), None)
            if hit is None:
                false_pos.append({"id": doc["id"], **_as_dict(pred)})
            else:
                used.add(hit)
                tp += 1
        for k, g in enumerate(golds):
            if k not in used:
                misses.append({"id": doc["id"], "text": text[g["start"] : g["end"]], **g})
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "n_pred": n_pred,
        "n_gold": n_gold,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "misses": misses,
        "false_positives": false_pos,
    }


def _as_dict(a: Amount) -> dict[str, Any]:
    return {f: getattr(a, f) for f in ("start", "end", "text", *_FIELDS)}


def format_report(result: dict[str, Any]) -> str:
    """A short human-readable report of evaluate_amounts()'s result."""
    lines = [
        f"amounts: P={result['precision']:.3f} R={result['recall']:.3f} F1={result['f1']:.3f} "
        f"(tp={result['tp']}, predicted={result['n_pred']}, gold={result['n_gold']})"
    ]
    for m in result["misses"]:
        lines.append(f"  MISS {m['id']}: {m['text']!r} {[m.get(f) for f in _FIELDS]}")
    for p in result["false_positives"]:
        lines.append(f"  FP   {p['id']}: {p['text']!r} {[p[f] for f in _FIELDS]}")
    return "\n".join(lines)


def _bench_texts(bench_path: str | Path, n_docs: int, skip: int = 0) -> list[str]:
    texts = []
    for k, doc in enumerate(_read_jsonl(bench_path)):
        if k < skip:
            continue
        texts.append(doc["text"])
        if len(texts) >= n_docs:
            break
    return texts


def measure_speed(bench_path: str | Path, n_docs: int = 1000) -> dict[str, float]:
    """Documents per second of extract_amounts over the first n_docs of a JSONL with a `text` field."""
    texts = _bench_texts(bench_path, n_docs)
    extract_amounts("прогрев 5 млн тенге")  # lexicon and morphology loaded before timing
    t0 = time.perf_counter()
    found = sum(len(extract_amounts(t)) for t in texts)
    dt = time.perf_counter() - t0
    return {"docs": len(texts), "seconds": dt, "docs_per_s": len(texts) / dt, "amounts": found}


def natasha_coverage(bench_path: str | Path, n_docs: int = 300, skip: int = 0) -> dict[str, Any]:
    """How many of natasha MoneyExtractor's matches extract_amounts covers (overlapping span, same value).

    natasha is imported here only: it is a measurement baseline, not a dependency of the extractor.
    """
    from natasha import MoneyExtractor, MorphVocab

    money = MoneyExtractor(MorphVocab())
    texts = _bench_texts(bench_path, n_docs, skip)
    total = covered = 0
    misses: list[dict[str, Any]] = []
    t_nat = t_ours = 0.0
    for doc_no, text in enumerate(texts):
        t0 = time.perf_counter()
        theirs = list(money(text))
        t1 = time.perf_counter()
        ours = extract_amounts(text)
        t_ours += time.perf_counter() - t1
        t_nat += t1 - t0
        for m in theirs:
            total += 1
            amount = float(m.fact.amount)
            hit = any(
                a.start < m.stop
                and m.start < a.end
                and a.kind == "money"
                and any(_same_number(v, amount) for v in (a.value, a.value_min, a.value_max))
                for a in ours
            )
            if hit:
                covered += 1
            else:
                # a miss where we found an overlapping amount with another value is usually natasha's error
                # (`14,807 млрд` read as 14807e9, `400 млрд` cut out of `1 трлн 400 млрд`); list ours to judge
                misses.append(
                    {
                        "ours": [a.text for a in ours if a.start < m.stop and m.start < a.end],
                        "doc": doc_no,
                        "text": text[m.start : m.stop],
                        "amount": amount,
                        "currency": m.fact.currency,
                    }
                )
    return {
        "natasha_matches": total,
        "covered": covered,
        "coverage": covered / total if total else 1.0,
        "natasha_docs_per_s": len(texts) / t_nat if t_nat else float("inf"),
        "ours_docs_per_s": len(texts) / t_ours if t_ours else float("inf"),
        "misses": misses,
    }
