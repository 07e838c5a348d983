"""`pipeline run`: run the pipeline (or some stages of it) on a corpus into an output directory."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from pipeline.commands import EXIT_FATAL, EXIT_LOCKED, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE
from pipeline.logs import setup_logging

NAME = "run"
HELP = "run the pipeline on a corpus"
log = logging.getLogger("pipeline")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", default="corpus", help="directory of .txt/.jsonl files, or one .jsonl file")
    p.add_argument("--out", default="outputs", help="output directory (local path or fsspec URL)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--stage", help="run this stage alone, from existing upstream outputs")
    which.add_argument("--from", dest="start_from", help="run this stage and those after it")
    p.add_argument("--force", action="store_true", help="redo the selected stages for every document")
    p.add_argument("--retry-failed", action="store_true", help="retry documents that failed before")
    p.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)"
    )
    p.add_argument("--executor", choices=["processes", "dask", "local"], default="processes")
    p.add_argument("--scheduler", help="Dask scheduler address (tcp://HOST:PORT); default: a LocalCluster")
    p.add_argument("--batch-size", type=int, default=64, help="documents per batch")
    p.add_argument("--wait", type=float, default=0.0, help="seconds to wait for another run's lock")
    p.add_argument("--verbose", action="store_true")


def run(args: argparse.Namespace) -> int:
    from pipeline.lock import LockedError, RunLock
    from pipeline.runner import Runner, RunOptions, new_run_id, select_stages
    from pipeline.store import Store

    run_id = new_run_id()
    setup_logging(args.verbose, run_id)
    try:
        stages = select_stages(args.stage, args.start_from)
    except ValueError as e:
        log.error("%s", e)
        return EXIT_USAGE
    corpus = Path(args.corpus)
    if "ingest" in stages and not corpus.exists():
        log.error("corpus not found: %s", corpus)
        return EXIT_FATAL
    options = RunOptions(
        corpus=corpus,
        out=args.out,
        stages=stages,
        force=args.force,
        retry_failed=args.retry_failed,
        workers=max(1, args.workers),
        executor=args.executor,
        scheduler=args.scheduler,
        batch_size=max(1, args.batch_size),
        progress=sys.stderr.isatty(),
    )
    try:
        store = Store.open(args.out)
        lock_dir = store.root if store.is_local else None
        if lock_dir is None:
            log.warning("no lock on a remote output directory: do not start two runs at once")
            summary = Runner(store, options, run_id).run()
        else:
            with RunLock(lock_dir, wait_seconds=args.wait):
                summary = Runner(store, options, run_id).run()
    except LockedError as e:
        log.error("%s", e)
        return EXIT_LOCKED
    except Exception:
        log.exception("run %s could not proceed", run_id)
        return EXIT_FATAL
    parts = [f"{s.stage}: {s.done} done, {s.skipped} skipped, {s.failed} failed" for s in summary.stages]
    if summary.done == 0 and summary.failed == 0:
        parts.append("nothing new to do")
    print(f"run {run_id} — " + "; ".join(parts))
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK
