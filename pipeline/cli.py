"""`pipeline` command line: run, status, eval, bench, show, export.

Exit codes (for schedulers): 0 all done; 1 the run could not proceed; 2 bad command line;
3 finished but some documents failed (see the errors table); 4 another run holds the output directory.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_FATAL, EXIT_USAGE, EXIT_SOME_FAILED, EXIT_LOCKED = 0, 1, 2, 3, 4

log = logging.getLogger("pipeline")


def _setup_logging(verbose: bool, run_id: str | None = None) -> None:
    fmt = "%(asctime)s %(levelname)s " + (f"[{run_id}] " if run_id else "") + "%(name)s: %(message)s"
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, format=fmt, force=True)
    for noisy in ("distributed", "asyncio", "fsspec"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _add_run_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="run the pipeline on a corpus")
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


def cmd_run(args: argparse.Namespace) -> int:
    from pipeline.lock import LockedError, RunLock
    from pipeline.runner import Runner, RunOptions, new_run_id, select_stages
    from pipeline.store import Store

    run_id = new_run_id()
    _setup_logging(args.verbose, run_id)
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


def cmd_status(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from pipeline.status import stage_status
    from pipeline.store import Store

    frame = stage_status(Store.open(args.out))
    table = Table(title=f"pipeline status: {args.out}")
    for column in frame.columns:
        table.add_column(column)
    for row in frame.itertuples(index=False):
        table.add_row(*("" if v is None else str(v) for v in row))
    Console().print(table)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pipeline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    _add_run_parser(sub)
    p = sub.add_parser("status", help="per stage: documents done, pending, skipped, failed; the last run")
    p.add_argument("--out", default="outputs")
    return parser


COMMANDS = {"run": cmd_run, "status": cmd_status}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
