"""Evaluate normal forms and canonical linking on hand-annotated paragraphs (tests/data/linking_gold.jsonl).

Each gold line: {"id", "text", "mentions": [{start, end, text, label, normal, canonical}]}. Gold spans are the
input, so recognition errors do not count here. Measures:
- normal_accuracy: normalize_mention(text, label) == gold normal;
- same_rate: of mention pairs with one gold canonical, the share given one predicted canonical;
- split_rate: of mention pairs with different gold canonicals, the share given different predicted ones;
- cluster_rate: share of gold entities (by canonical) whose mentions all get one predicted canonical;
- canonical_accuracy: predicted canonical string == gold canonical.
"""

from __future__ import annotations

import json
import time
from itertools import combinations
from pathlib import Path
from typing import Any

from pipeline.nlp.linking import Linker
from pipeline.nlp.normalize import normalize_mention


def _load(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate_linking(gold_path: str | Path, linker: Linker | None = None) -> dict[str, Any]:
    docs = _load(gold_path)
    linker = linker or Linker()
    rows: list[tuple[str, str, str, str]] = []  # (doc id, gold canonical, predicted canonical, label)
    normal_ok, errors = 0, []
    started = time.perf_counter()
    n_mentions = 0
    for doc in docs:
        mentions = []
        for m in doc["mentions"]:
            assert doc["text"][m["start"] : m["end"]] == m["text"], (doc["id"], m)
            normal = normalize_mention(m["text"], m["label"])
            n_mentions += 1
            if normal == m["normal"]:
                normal_ok += 1
            else:
                errors.append({"doc": doc["id"], "text": m["text"], "gold": m["normal"], "predicted": normal})
            mentions.append({**m, "normal": normal})
        for m, link in zip(mentions, linker.link(doc["text"], mentions), strict=True):
            rows.append((doc["id"], m["canonical"], link.canonical, m["text"]))
    seconds = time.perf_counter() - started

    same = [p[2] == q[2] for p, q in combinations(rows, 2) if p[1] == q[1]]
    split = [p[2] != q[2] for p, q in combinations(rows, 2) if p[1] != q[1]]
    clusters: dict[str, set[str]] = {}
    for _, gold, pred, _ in rows:
        clusters.setdefault(gold, set()).add(pred)
    link_errors = [{"doc": d, "text": t, "gold": g, "predicted": p} for d, g, p, t in rows if g != p]
    return {
        "docs": len(docs),
        "mentions": n_mentions,
        "normal_accuracy": normal_ok / max(n_mentions, 1),
        "same_rate": sum(same) / max(len(same), 1),
        "split_rate": sum(split) / max(len(split), 1),
        "cluster_rate": sum(len(v) == 1 for v in clusters.values()) / max(len(clusters), 1),
        "canonical_accuracy": sum(g == p for _, g, p, _ in rows) / max(len(rows), 1),
        "seconds": seconds,
        "normal_errors": errors,
        "link_errors": link_errors,
    }


def format_report(result: dict[str, Any]) -> str:
    lines = [
        f"linking gold: {result['docs']} docs, {result['mentions']} mentions ({result['seconds']:.2f} s)",
        f"  normal-form accuracy   {result['normal_accuracy']:.3f}",
        f"  same canonical (pairs) {result['same_rate']:.3f}",
        f"  kept apart (pairs)     {result['split_rate']:.3f}",
        f"  entities in one piece  {result['cluster_rate']:.3f}",
        f"  canonical == gold      {result['canonical_accuracy']:.3f}",
    ]
    for e in result["normal_errors"]:
        lines.append(f"  normal  {e['doc']}: {e['text']!r} -> {e['predicted']!r} (gold {e['gold']!r})")
    for e in result["link_errors"]:
        lines.append(f"  link    {e['doc']}: {e['text']!r} -> {e['predicted']!r} (gold {e['gold']!r})")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    default = Path(__file__).resolve().parents[2] / "tests" / "data" / "linking_gold.jsonl"
    print(format_report(evaluate_linking(sys.argv[1] if len(sys.argv) > 1 else default)))
