"""Evaluate normal forms and canonical linking on hand-annotated paragraphs (tests/data/linking_gold.jsonl).

Each gold line: {"id", "text", "mentions": [{start, end, text, label, normal, canonical}]}. A text-free gold
line, {"id", "excerpt_start", "excerpt_end", "mentions": [{start, end, label, normal, canonical}]} with
offsets into the excerpt, is filled from the articles of ``texts_path`` (``pipeline eval linking --gold FILE
--texts ../shared/data/bench_news.jsonl``): the document text is the excerpt, each mention's text its span.
Gold spans are the input, so recognition errors do not count here. Measures:
- normal_accuracy: normalize_mention(text, label) == gold normal;
- same_rate: of mention pairs with one gold canonical, the share given one predicted canonical;
- split_rate: of mention pairs with different gold canonicals, the share given different predicted ones;
- cluster_rate: share of gold entities (by canonical) whose mentions all get one predicted canonical;
- canonical_accuracy: predicted canonical string == gold canonical.

Held-out real news: tests/data/linking_gold_bench.jsonl (15 excerpts of ../shared/data/bench_news.jsonl, 218
mentions: 112 LOC, 60 ORG, 46 PER), annotated by hand by an annotator who had not seen the extractors, held
out until its first score and then used for development (the README keeps both scores). It stores no article
text (the corpus licence), only offsets, labels, normal forms and canonicals; excerpt_start is 0, so offsets
are also article offsets.
Selection: the ids whose text contains any of Казахстан, Киргиз, Кыргыз, Узбекистан, Таджикистан, Туркмен,
Корея, КНДР, Пхеньян, Сеул, Астан, Алматы, Бишкек, Ташкент (case-sensitive substrings; 504 articles) are
shuffled with ``random.Random(20261129).sample(ids, len(ids))``; in that order, skipping ids of
tests/data/bench_gold_*.jsonl, the first 15 whose excerpt holds at least 3 PER/ORG/LOC mentions, one of them
with a non-trivial normal form or canonical, are kept (the first 15 all qualified). The excerpt runs from char
0 to the newline in chars 900-1400 nearest to 1200, else to the sentence end there nearest to 1200 (the whole
text if it has at most 1400 chars). Every PER, ORG and LOC mention of an excerpt is annotated, headlines
inside the text included, following linking_gold.jsonl and these decisions:

- Normal form: nominative, only the head and its agreeing words inflected (``Главного управления российского
  Генштаба`` -> ``Главное управление российского Генштаба``, ``Площади Восстания`` -> ``Площадь Восстания``),
  short forms as written (``Нацбанка`` -> ``Нацбанк``, ``Штаты``, ``Генассамблеи`` -> ``Генассамблея``).
- Canonical: countries by linking_gold.jsonl's names where it has one (Казахстан, Южная Корея, ...), else the
  usual short name: Россия (РФ), США (Штаты), Китай (КНР), Великобритания (Британия), Северная Корея (КНДР,
  parallel to Южная Корея); a country written one way only keeps that way (Белоруссия, Молдова). Anything
  else: the fullest nominative form in the document, without a bracketed acronym (``Служба внешней
  разведки`` for ``СВР``; ``Совбез ООН`` for ``СБ ООН`` and a bare ``Совета`` where the text has no longer
  form).
- A capital standing for its state (``Вашингтон``, ``Пхеньян``, ``Пекин``) is the city, not the country;
  a periphrasis of a city is that city (``Северную столицу`` -> Санкт-Петербург); a second name of a place is
  the same thing (``Сиша`` -> ``Парасельские острова``). Two relatives with one surname stay apart.
- Spans: an acronym in brackets right after its name is part of the name's span (linking_gold's KOICA); a
  quoted name is spanned without the quotes and without a status word before them (``НИУ «Высшая школа
  экономики» (ВШЭ)``: ``Высшая школа экономики`` and ``ВШЭ``); a committee named in lower case keeps only its
  capitalised body (``комитета Совета Федерации по обороне``: ``Совета Федерации``); streets, squares, metro
  stations, buildings, seas and rivers are LOC with their generic word when it is part of the name
  (``площади Ким Ир Сена``, ``Белом доме``, ``Южно-Китайском море``, ``Неве``); ``островов Сиша`` spans
  ``Сиша`` (like ``городе Сувон``). No nested mentions.
- Not annotated: adjectives and demonyms (``северокорейский``, ``украинцев``), events (Олимпиада, Игры, Кубок
  мира), products and services (Skype, LiveU, ``автомата Калашникова``), photo credits (globallookpress.com),
  generic branches (ВМС, ВВС), and the elided half of ``Южной и Северной Кореи`` (only ``Северной Кореи``).
"""

from __future__ import annotations

import time
from itertools import combinations
from pathlib import Path
from typing import Any

from pipeline.evaluate.bench_gold import excerpts, load_gold
from pipeline.nlp.linking import Linker
from pipeline.nlp.normalize import normalize_mention


def _with_text(doc: dict[str, Any], text: str) -> dict[str, Any]:
    """The gold line with the document text and each mention's text (its span of `text`) filled in."""
    beyond = [m for m in doc["mentions"] if m["end"] > len(text)]
    if beyond:
        raise ValueError(f"{doc['id']}: mention {beyond[0]} beyond the excerpt ({len(text)} chars)")
    mentions = [{**m, "text": text[m["start"] : m["end"]]} for m in doc["mentions"]]
    return {**doc, "text": text, "mentions": mentions}


def fill_texts(docs: list[dict[str, Any]], texts_path: str | Path) -> list[dict[str, Any]]:
    """Text-free gold lines (offsets into the excerpt) with texts taken from the articles of texts_path."""
    found = excerpts(docs, texts_path)
    return [_with_text(doc, found[doc["id"]]) for doc in docs]


def evaluate_linking(
    gold_path: str | Path, linker: Linker | None = None, texts_path: str | Path | None = None
) -> dict[str, Any]:
    """Score the gold; with texts_path the gold is text-free and its texts are read from there."""
    docs = load_gold(gold_path)
    if texts_path is not None:
        docs = fill_texts(docs, texts_path)
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
    texts = sys.argv[2] if len(sys.argv) > 2 else None
    print(format_report(evaluate_linking(sys.argv[1] if len(sys.argv) > 1 else default, texts_path=texts)))
