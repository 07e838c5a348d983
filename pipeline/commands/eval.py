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
        help="texts for a text-free gold (excerpt offsets only, e.g. tests/data/bench_gold_test.jsonl)",
    )


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
        result = getattr(module, function)(str(gold))
    print(module.format_report(result))
    return EXIT_OK


def _is_text_free(gold: Path) -> bool:
    with gold.open(encoding="utf-8") as f:
        first = json.loads(f.readline() or "{}")
    return "text" not in first and "excerpt_start" in first
