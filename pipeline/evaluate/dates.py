"""Scoring the dates extractor against hand-annotated gold JSONL.

Gold lines: {"id", "text", "published"?, "dates": [{"start", "end", "kind", "date_start", "date_end"}]}
with ISO dates or null. A prediction matches a gold date when the spans overlap AND date_start and
date_end are equal (null equals null); each gold date matches at most one prediction. Span-only
scores (overlap, dates ignored) are reported too, to tell "not found" from "found, dated wrongly".
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.nlp.dates import DateMention, extract_dates


def _iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def _match(gold: list[dict], pred: list[DateMention], check_dates: bool) -> list[tuple[int, int]]:
    """Greedy one-to-one matching in text order: (gold index, prediction index) pairs."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi in used or not _overlap(g["start"], g["end"], p.start, p.end):
                continue
            if check_dates and (
                _iso(g.get("date_start")) != p.date_start or _iso(g.get("date_end")) != p.date_end
            ):
                continue
            used.add(pi)
            pairs.append((gi, pi))
            break
    return pairs


def _describe(p: DateMention) -> dict[str, Any]:
    return {
        "start": p.start,
        "end": p.end,
        "text": p.text,
        "kind": p.kind,
        "date_start": p.date_start.isoformat() if p.date_start else None,
        "date_end": p.date_end.isoformat() if p.date_end else None,
    }


def evaluate_dates(gold_path: str | Path) -> dict[str, Any]:
    """Precision/recall/F1 of extract_dates on a gold file, with per-kind recall and the errors."""
    tp = span_tp = n_pred = n_gold = 0
    gold_by_kind: Counter[str] = Counter()
    hit_by_kind: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    with Path(gold_path).open(encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    for doc in docs:
        gold = doc.get("dates", [])
        pred = extract_dates(doc["text"], _iso(doc.get("published")))
        pairs = _match(gold, pred, check_dates=True)
        tp += len(pairs)
        span_tp += len(_match(gold, pred, check_dates=False))
        n_pred += len(pred)
        n_gold += len(gold)
        matched_gold = {gi for gi, _ in pairs}
        matched_pred = {pi for _, pi in pairs}
        for gi, g in enumerate(gold):
            gold_by_kind[g.get("kind", "?")] += 1
            if gi in matched_gold:
                hit_by_kind[g.get("kind", "?")] += 1
            else:
                errors.append({"doc": doc.get("id"), "type": "missed", **g})
        for pi, p in enumerate(pred):
            if pi not in matched_pred:
                errors.append({"doc": doc.get("id"), "type": "spurious", **_describe(p)})
    return {
        "docs": len(docs),
        "gold": n_gold,
        "predicted": n_pred,
        "true_positives": tp,
        **_prf(tp, n_pred, n_gold),
        "span_only": _prf(span_tp, n_pred, n_gold),
        "recall_by_kind": {k: hit_by_kind[k] / n for k, n in sorted(gold_by_kind.items())},
        "errors": errors,
    }


def format_report(result: dict[str, Any]) -> str:
    """A short plain-text report of an evaluate_dates result."""
    lines = [
        f"dates: {result['docs']} docs, {result['gold']} gold, {result['predicted']} predicted, "
        f"{result['true_positives']} correct",
        f"  span+dates  P={result['precision']:.3f} R={result['recall']:.3f} F1={result['f1']:.3f}",
        "  span only   P={precision:.3f} R={recall:.3f} F1={f1:.3f}".format(**result["span_only"]),
        "  recall by gold kind: " + ", ".join(f"{k} {v:.2f}" for k, v in result["recall_by_kind"].items()),
    ]
    for e in result["errors"]:
        lines.append(
            f"  {e['type']:8s} {e['doc']}: {e.get('text', '')!r} {e.get('kind')} "
            f"{e.get('date_start')}..{e.get('date_end')}"
        )
    return "\n".join(lines)
