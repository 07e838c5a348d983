"""`pipeline bench`: speed and memory of the whole pipeline on real news, next to natasha run by hand."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from pipeline.commands import EXIT_FATAL, EXIT_OK
from pipeline.logs import setup_logging

NAME = "bench"
HELP = "benchmark the pipeline against natasha's segment + NER on the same documents"
DEFAULT_SOURCE = Path("../shared/data/bench_news.jsonl")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="JSONL corpus to sample from")
    p.add_argument("--docs", type=int, default=500, help="documents to process")
    p.add_argument("--workers", type=int, default=1, help="worker processes for the main run")
    p.add_argument("--executor", choices=["processes", "dask", "local"], default="processes")
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument(
        "--scaling", action="store_true", help="also time 1 worker, 2 workers and Dask (2 workers)"
    )
    p.add_argument("--no-incremental", action="store_true", help="skip the re-run scenarios")
    p.add_argument("--no-baseline", action="store_true", help="skip natasha's runs (pipeline figures only)")


def run(args: argparse.Namespace) -> int:
    from pipeline.bench.run import bench, format_report

    setup_logging()
    import logging

    logging.getLogger("pipeline").setLevel(logging.WARNING)
    if not args.source.exists():
        print(f"benchmark corpus not found: {args.source}")
        return EXIT_FATAL
    report = bench(
        args.source,
        args.docs,
        args.workers,
        args.executor,
        args.batch_size,
        scaling=args.scaling,
        incremental=not args.no_incremental,
        baseline=not args.no_baseline,
    )
    print(
        f"machine: {os.cpu_count()} cores; python pipeline bench --docs {args.docs} --workers {args.workers}"
    )
    print(format_report(report))
    return EXIT_OK
