"""Independent gold standard for amounts and dates on excerpts of the bench news corpus.

The gold (``tests/data/bench_gold_{dev,test}.jsonl``) holds no article text, only one line per article::

    {"id", "excerpt_start", "excerpt_end", "published": "YYYY-MM-DD" | null,
     "amounts": [{"start", "end", "kind", "value", "value_min", "value_max", "unit", "qualifier"}],
     "dates": [{"start", "end", "kind", "date_start", "date_end"}]}

with offsets relative to the excerpt ``text[excerpt_start:excerpt_end]`` of the article in
``/work/shared/data/bench_news.jsonl``. :func:`materialize` joins it with the texts at run time and writes the
files the amounts and dates evaluators read::

    from pipeline.evaluate.bench_gold import materialize
    amounts_path, dates_path = materialize("tests/data/bench_gold_{dev,test}.jsonl", BENCH, "/tmp/bench_gold")

Selection: one ``random.Random(20261123)`` shuffles (``rng.sample(ids, len(ids))``) the ids of lines
2000-4999 (0-based) with a ``published`` date, then the same generator shuffles those without one; the first
12 of each order whose excerpt holds at least two amount/date mentions (judged by reading) are kept. An
excerpt starts at char 0 and ends at the newline (else sentence end) in chars 1100-1700 nearest to 1500, or
at the end of a shorter text.
The annotations were made by hand, without looking at the project's extractors.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

AMOUNTS_FILE = "bench_amounts_gold.jsonl"
DATES_FILE = "bench_dates_gold.jsonl"

_AMOUNT_FIELDS = ("start", "end", "kind", "value", "value_min", "value_max", "unit", "qualifier")
_DATE_FIELDS = ("start", "end", "kind", "date_start", "date_end")


def _read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def load_gold(gold_path: str | Path) -> list[dict[str, Any]]:
    """Read the gold file (one article per line)."""
    return list(_read_jsonl(gold_path))


def _texts_for(texts_path: str | Path, ids: set[str]) -> dict[str, str]:
    """Stream the bench JSONL and keep the texts of the wanted ids only."""
    found: dict[str, str] = {}
    for doc in _read_jsonl(texts_path):
        if doc.get("id") in ids:
            found[doc["id"]] = doc["text"]
            if len(found) == len(ids):
                break
    return found


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def materialize(gold_path: str | Path, texts_path: str | Path, dest_dir: str | Path) -> tuple[Path, Path]:
    """Write the amounts and dates gold files (text = excerpt) to dest_dir; return their paths.

    Raises ValueError when an article of the gold is missing from texts_path or its text is shorter than the
    excerpt.
    """
    gold = load_gold(gold_path)
    texts = _texts_for(texts_path, {g["id"] for g in gold})
    missing = [g["id"] for g in gold if g["id"] not in texts]
    if missing:
        raise ValueError(f"{len(missing)} gold articles not in {texts_path}: {missing[:5]}")
    amounts_rows, dates_rows = [], []
    for g in gold:
        text = texts[g["id"]]
        if g["excerpt_end"] > len(text):
            raise ValueError(f"{g['id']}: excerpt_end {g['excerpt_end']} beyond text length {len(text)}")
        excerpt = text[g["excerpt_start"] : g["excerpt_end"]]
        amounts_rows.append(
            {
                "id": g["id"],
                "text": excerpt,
                "amounts": [{k: a[k] for k in _AMOUNT_FIELDS} for a in g["amounts"]],
            }
        )
        dates_rows.append(
            {
                "id": g["id"],
                "text": excerpt,
                "published": g.get("published"),
                "dates": [{k: d[k] for k in _DATE_FIELDS} for d in g["dates"]],
            }
        )
    dest = Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    amounts_path, dates_path = dest / AMOUNTS_FILE, dest / DATES_FILE
    _write_jsonl(amounts_path, amounts_rows)
    _write_jsonl(dates_path, dates_rows)
    return amounts_path, dates_path


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 4:
        sys.exit("usage: python -m pipeline.evaluate.bench_gold GOLD TEXTS DEST_DIR")
    for p in materialize(*sys.argv[1:4]):
        print(p)
