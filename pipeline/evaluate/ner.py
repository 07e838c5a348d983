"""NER evaluation on a gold JSONL ({"id","text","entities":[{"start","end","type"}]}).

Two scores per type and micro-averaged: strict exact-span P/R/F1, and naeval-style token-level P/R/F1 over
razdel tokens (a token is positive for a type if it lies inside a span of that type). A baseline mode scores
plain natasha (Segmenter + NewsNERTagger) the same way, so the report shows ours next to natasha's.

    python -m pipeline.evaluate.ner --gold ../shared/data/factru_dev.jsonl [--limit N] [--errors 50]
        [--speed ../shared/data/bench_news.jsonl --speed-docs 300]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Protocol

from razdel import tokenize

from pipeline.nlp.ner.mention import LABELS, Mention

Span3 = tuple[int, int, str]


class Recognizer(Protocol):
    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[list[Mention]]: ...


class NatashaBaseline:
    """Plain natasha: Segmenter + NewsNERTagger through natasha.Doc, as its README shows."""

    def __init__(self) -> None:
        from natasha import NewsEmbedding, NewsNERTagger, Segmenter

        self.segmenter = Segmenter()
        self.tagger = NewsNERTagger(NewsEmbedding())

    def __call__(self, text: str) -> list[Mention]:
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_ner(self.tagger)
        return [Mention(s.start, s.stop, s.text, s.type, "natasha") for s in doc.spans or ()]

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[list[Mention]]:
        for text in texts:
            yield self(text)


def load_gold(path: str, limit: int | None = None) -> list[dict]:
    docs: list[dict] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if limit is not None and len(docs) >= limit:
                break
            if line.strip():
                docs.append(json.loads(line))
    return docs


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def _table(counts: dict[str, Counter]) -> dict:
    out = {t: _prf(counts[t]["tp"], counts[t]["fp"], counts[t]["fn"]) for t in LABELS}
    total = sum(counts.values(), Counter())
    out["micro"] = _prf(total["tp"], total["fp"], total["fn"])
    return out


def strict_counts(gold: set[Span3], pred: set[Span3], counts: dict[str, Counter]) -> None:
    for s in pred:
        counts[s[2]]["tp" if s in gold else "fp"] += 1
    for s in gold - pred:
        counts[s[2]]["fn"] += 1


def _token_types(tokens: list[tuple[int, int]], spans: Iterable[Span3]) -> list[set[str]]:
    types: list[set[str]] = [set() for _ in tokens]
    for start, end, label in spans:
        for i, (a, b) in enumerate(tokens):
            if a >= start and b <= end:
                types[i].add(label)
    return types


def token_counts(text: str, gold: set[Span3], pred: set[Span3], counts: dict[str, Counter]) -> None:
    tokens = [(t.start, t.stop) for t in tokenize(text)]
    for g, p in zip(_token_types(tokens, gold), _token_types(tokens, pred), strict=True):
        for label in g & p:
            counts[label]["tp"] += 1
        for label in p - g:
            counts[label]["fp"] += 1
        for label in g - p:
            counts[label]["fn"] += 1


def _gold_spans(doc: dict) -> set[Span3]:
    return {(e["start"], e["end"], e["type"]) for e in doc["entities"]}


def score(docs: list[dict], predictions: list[list[Mention]]) -> dict:
    """Strict and token-level tables for predictions aligned with gold `docs`."""
    strict: dict[str, Counter] = {t: Counter() for t in LABELS}
    token: dict[str, Counter] = {t: Counter() for t in LABELS}
    for doc, mentions in zip(docs, predictions, strict=True):
        gold = _gold_spans(doc)
        pred = {(m.start, m.end, m.label) for m in mentions}
        strict_counts(gold, pred, strict)
        token_counts(doc["text"], gold, pred, token)
    return {"strict": _table(strict), "token": _table(token)}


def _run(recognizer: Recognizer, docs: list[dict]) -> tuple[list[list[Mention]], float]:
    t0 = time.perf_counter()
    preds = list(recognizer.pipe(d["text"] for d in docs))
    return preds, time.perf_counter() - t0


def evaluate_ner(
    gold_path: str, recognizer: Recognizer | None = None, limit: int | None = None, baseline: bool = True
) -> dict:
    """Score `recognizer` (default: our EntityRecognizer) and, with `baseline`, plain natasha on the gold."""
    docs = load_gold(gold_path, limit)
    if recognizer is None:
        from pipeline.nlp.ner import EntityRecognizer

        recognizer = EntityRecognizer()
    preds, seconds = _run(recognizer, docs)
    result = {"gold": gold_path, "n_docs": len(docs), "ours": score(docs, preds) | {"seconds": seconds}}
    if baseline:
        base_preds, base_seconds = _run(NatashaBaseline(), docs)
        result["natasha"] = score(docs, base_preds) | {"seconds": base_seconds}
    return result


def benchmark_speed(path: str, n_docs: int = 300, recognizer: Recognizer | None = None) -> dict:
    """Docs/s of ours and of plain natasha (segment + NER) on the first `n_docs` texts of a JSONL file,
    both warmed up and timed in this process, alternating so machine load hits both alike."""
    texts = [d["text"] for d in load_gold(path, n_docs)]
    if recognizer is None:
        from pipeline.nlp.ner import EntityRecognizer

        recognizer = EntityRecognizer()
    systems: dict[str, Recognizer] = {"ours": recognizer, "natasha": NatashaBaseline()}
    seconds = dict.fromkeys(systems, 0.0)
    for rec in systems.values():
        list(rec.pipe(texts[:5]))
    for i in range(0, len(texts), 50):
        chunk = texts[i : i + 50]
        for name, rec in systems.items():
            t0 = time.perf_counter()
            for _ in rec.pipe(chunk):
                pass
            seconds[name] += time.perf_counter() - t0
    chars = sum(map(len, texts))
    return {
        name: {"docs": len(texts), "seconds": sec, "docs_per_s": len(texts) / sec, "chars_per_s": chars / sec}
        for name, sec in seconds.items()
    }


def format_report(result: dict) -> str:
    systems = [s for s in ("ours", "natasha") if s in result]
    lines = [f"NER evaluation on {result.get('gold', '?')} ({result['n_docs']} docs)"]
    for mode in ("token", "strict"):
        lines.append("")
        lines.append(f"{mode}-level".ljust(10) + "".join(f"{s + ' P/R/F1':>26}" for s in systems))
        for label in (*LABELS, "micro"):
            row = label.ljust(10)
            for s in systems:
                m = result[s][mode][label]
                row += f"{m['p']:8.3f}{m['r']:8.3f}{m['f1']:8.3f}  "
            lines.append(row)
    lines.append("")
    lines.append("seconds   " + "".join(f"{result[s]['seconds']:26.1f}" for s in systems))
    return "\n".join(lines)


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"{left}[{text[start:end]}]{right}"


def list_errors(docs: list[dict], predictions: list[list[Mention]]) -> list[dict]:
    """Every non-exact prediction and missed gold span, classified: label | boundary | spurious | missed."""
    errors = []
    for doc, mentions in zip(docs, predictions, strict=True):
        text, gold = doc["text"], _gold_spans(doc)
        pred = {(m.start, m.end, m.label): m for m in mentions}
        for s, m in sorted(pred.items()):
            if s in gold:
                continue
            overlap = [g for g in gold if g[0] < s[1] and s[0] < g[1]]
            kind = "spurious"
            if any(g[:2] == s[:2] for g in overlap):
                kind = "label"
            elif overlap:
                kind = "boundary"
            gold_txt = "; ".join(f"{text[g[0] : g[1]]}/{g[2]}" for g in overlap)
            errors.append(
                {
                    "id": doc["id"],
                    "kind": kind,
                    "pred": f"{m.text}/{m.label}/{m.source}",
                    "gold": gold_txt,
                    "context": _context(text, s[0], s[1]),
                }
            )
        for g in sorted(gold - set(pred)):
            if not any(p[0] < g[1] and g[0] < p[1] for p in pred):
                errors.append(
                    {
                        "id": doc["id"],
                        "kind": "missed",
                        "pred": "",
                        "gold": f"{text[g[0] : g[1]]}/{g[2]}",
                        "context": _context(text, g[0], g[1]),
                    }
                )
    return errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", required=True)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-baseline", action="store_true", help="skip scoring plain natasha")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of ours (after the report)")
    ap.add_argument("--natasha-errors", action="store_true", help="list errors of plain natasha instead")
    ap.add_argument("--speed", metavar="JSONL", help="also time ours vs natasha on texts of this file")
    ap.add_argument("--speed-docs", type=int, default=300)
    args = ap.parse_args(argv)
    if args.speed:
        for name, r in benchmark_speed(args.speed, args.speed_docs).items():
            print(
                f"{name:8} {r['docs']} docs {r['seconds']:.1f}s {r['docs_per_s']:.1f} docs/s "
                f"{r['chars_per_s'] / 1000:.0f}k chars/s"
            )
    if args.errors:
        docs = load_gold(args.gold, args.limit)
        if args.natasha_errors:
            rec: Recognizer = NatashaBaseline()
        else:
            from pipeline.nlp.ner import EntityRecognizer

            rec = EntityRecognizer()
        errors = list_errors(docs, list(rec.pipe(d["text"] for d in docs)))
        print(Counter(e["kind"] for e in errors))
        for e in errors[: args.errors]:
            print(f"{e['kind']:9} {e['pred']:40} gold={e['gold']:35} | {e['context']}")
        return 0
    print(format_report(evaluate_ner(args.gold, limit=args.limit, baseline=not args.no_baseline)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
