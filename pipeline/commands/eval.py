"""`pipeline eval KIND --gold FILE`: score an extractor on your own gold annotations (JSONL)."""

from __future__ import annotations

import argparse
import importlib
import json
import tempfile
from pathlib import Path

from pipeline.commands import EXIT_FATAL, EXIT_OK

NAME = "eval"
HELP = "score NER, amounts, dates or linking on a gold JSONL file"

# kind -> (module, evaluate function, default gold file)
EVALUATORS = {
    "ner": ("pipeline.evaluate.ner", "evaluate_ner", "../shared/data/factru_dev.jsonl"),
    "amounts": ("pipeline.evaluate.amounts", "evaluate_amounts", "tests/data/amounts_gold.jsonl"),
    "dates": ("pipeline.evaluate.dates", "evaluate_dates", "tests/data/dates_gold.jsonl"),
    "linking": ("pipeline.evaluate.linking", "evaluate_linking", "tests/data/linking_gold.jsonl"),
}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", choices=sorted(EVALUATORS))
    p.add_argument("--gold", type=Path, help="gold JSONL (default: the project's dev gold for KIND)")
    p.add_argument(
        "--texts",
        type=Path,
        default=Path("../shared/data/bench_news.jsonl"),
        help="texts for a text-free gold (excerpt offsets only, e.g. tests/data/bench_gold_test.jsonl or"
        " tests/data/linking_gold_bench.jsonl)",
    )
    p.add_argument("--errors", type=int, default=0, metavar="N", help="ner: also list up to N errors of ours")
    p.add_argument("--no-baseline", action="store_true", help="ner: skip scoring plain natasha")


def run(args: argparse.Namespace) -> int:
    module_name, function, default_gold = EVALUATORS[args.kind]
    gold = args.gold or Path(default_gold)
    if not gold.exists():
        print(f"gold file not found: {gold}")
        return EXIT_FATAL
    with tempfile.TemporaryDirectory() as tmp:
        if args.kind in ("amounts", "dates") and _is_text_free(gold):
            from pipeline.evaluate.bench_gold import materialize

            amounts_gold, dates_gold = materialize(gold, args.texts, tmp)
            gold = amounts_gold if args.kind == "amounts" else dates_gold
        module = importlib.import_module(module_name)
        if args.kind == "ner":
            return _run_ner(module, str(gold), args)
        if args.kind == "linking" and _is_text_free(gold):
            result = module.evaluate_linking(str(gold), texts_path=args.texts)
        else:
            result = getattr(module, function)(str(gold))
    print(module.format_report(result))
    return EXIT_OK


def _run_ner(module, gold: str, args: argparse.Namespace) -> int:
    """The NER report, then (--errors N) up to N of our errors; --no-baseline skips plain natasha."""
    from pipeline.nlp.ner import EntityRecognizer

    recognizer = EntityRecognizer()
    print(module.format_report(module.evaluate_ner(gold, recognizer, baseline=not args.no_baseline)))
    if args.errors:
        docs = module.load_gold(gold)
        errors = module.list_errors(docs, list(recognizer.pipe(d["text"] for d in docs)))
        print()
        for e in errors[: args.errors]:
            print(f"{e['kind']:9} {e['pred']:40} gold={e['gold']:35} | {e['context']}")
    return EXIT_OK


def _is_text_free(gold: Path) -> bool:
    with gold.open(encoding="utf-8") as f:
        first = json.loads(f.readline() or "{}")
    return "text" not in first and "excerpt_start" in first
