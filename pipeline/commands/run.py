"""`pipeline run`: run the pipeline (or some stages of it) on a corpus into an output directory."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from pipeline.commands import EXIT_FATAL, EXIT_LOCKED, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE
from pipeline.logs import setup_logging

NAME = "run"
HELP = "run the pipeline on a corpus"
log = logging.getLogger("pipeline")


def add_arguments(p: argparse.ArgumentParser) -> None:
    # Flags left unset (None) fall back to pipeline.toml, then to the defaults in pipeline/config.py.
    p.add_argument("--config", help="settings file (default: ./pipeline.toml when present)")
    p.add_argument("--corpus", help="directory of .txt/.jsonl files, or one .jsonl file (default: corpus)")
    p.add_argument("--out", help="output directory, local path or fsspec URL (default: outputs)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--stage", help="run this stage alone, from existing upstream outputs")
    which.add_argument("--from", dest="start_from", help="run this stage and those after it")
    p.add_argument("--force", action="store_true", help="redo the selected stages for every document")
    p.add_argument("--retry-failed", action="store_true", help="retry documents that failed before")
    p.add_argument("--workers", type=int, help="worker processes (default: one per CPU core)")
    p.add_argument("--executor", choices=["processes", "dask", "local"], help="(default: processes)")
    p.add_argument("--scheduler", help="Dask scheduler address (tcp://HOST:PORT); default: a LocalCluster")
    p.add_argument("--batch-size", type=int, help="documents per batch (default: 64)")
    p.add_argument("--gazetteer", help="gazetteer directory (default: models/gazetteer)")
    p.add_argument("--wait", type=float, default=0.0, help="seconds to wait for another run's lock")
    p.add_argument("--verbose", action="store_true")
    p.add_argument(
        "--json-summary",
        metavar="FILE",
        help="write a machine-readable summary of the run here (for schedulers), whatever the exit code",
    )


def run(args: argparse.Namespace) -> int:
    from pipeline.runner import new_run_id

    run_id = new_run_id()
    started = datetime.now(UTC)
    result: dict = {}
    code = _run(args, run_id, result)
    if getattr(args, "json_summary", None):
        try:
            write_json_summary(Path(args.json_summary), run_id, started, code, args, result)
        except OSError as e:
            log.error("cannot write the JSON summary %s: %s", args.json_summary, e)
            code = code or EXIT_FATAL
    return code


def _run(args: argparse.Namespace, run_id: str, result: dict) -> int:
    from pipeline.config import ConfigError, apply_settings, load_settings
    from pipeline.lock import LockedError, RunLock
    from pipeline.runner import Runner, RunOptions, select_stages
    from pipeline.store import DiskFullError, Store

    setup_logging(args.verbose, run_id)
    try:
        settings = load_settings(args, getattr(args, "config", None))
    except ConfigError as e:
        log.error("%s", e)
        result["error"] = str(e)
        return EXIT_USAGE
    apply_settings(args, settings)
    result["config"] = str(settings.source) if settings.source else None
    if settings.source:
        log.info("settings from %s", settings.source)
    try:
        stages = select_stages(args.stage, args.start_from)
    except ValueError as e:
        log.error("%s", e)
        result["error"] = str(e)
        return EXIT_USAGE
    corpus = Path(args.corpus)
    if "ingest" in stages and not corpus.exists():
        log.error("corpus not found: %s", corpus)
        result["error"] = f"corpus not found: {corpus}"
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
        result["error"] = str(e)
        return EXIT_LOCKED
    except DiskFullError as e:  # an expected operational fault: one clear line, no traceback
        log.error("%s", e)
        result["error"] = str(e)
        return EXIT_FATAL
    except Exception as e:
        log.exception("run %s could not proceed", run_id)
        result["error"] = f"{type(e).__name__}: {e}"
        return EXIT_FATAL
    result["summary"] = summary
    parts = [f"{s.stage}: {s.done} done, {s.skipped} skipped, {s.failed} failed" for s in summary.stages]
    recovered = sum(len(s.recovered) for s in summary.stages)
    if recovered:
        parts.append(f"{recovered} leftovers of an earlier crash cleaned up (see the log)")
    if summary.done == 0 and summary.failed == 0:
        parts.append("nothing new to do")
    print(f"run {run_id} — " + "; ".join(parts))
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


EXIT_STATUS = {
    EXIT_OK: "ok",
    EXIT_FATAL: "fatal",
    EXIT_USAGE: "usage",
    EXIT_SOME_FAILED: "some_failed",
    EXIT_LOCKED: "locked",
}


def write_json_summary(
    path: Path, run_id: str, started: datetime, code: int, args: argparse.Namespace, result: dict
) -> None:
    """The run as JSON for an orchestrator: ids, times, exit code, per-stage counts, where the outputs are.

    Written to a temp file and renamed, so a poller never reads half of it."""
    summary = result.get("summary")
    stages = [
        {"stage": s.stage, "done": s.done, "skipped": s.skipped, "failed": s.failed, "recovered": s.recovered}
        for s in (summary.stages if summary else [])
    ]
    out = getattr(args, "out", None)
    if out and "://" not in out:
        out = os.path.abspath(out)
    finished = datetime.now(UTC)
    doc = {
        "run_id": run_id,
        "started_at": started.isoformat(),
        "finished_at": finished.isoformat(),
        "duration_seconds": round((finished - started).total_seconds(), 3),
        "exit_code": code,
        "status": EXIT_STATUS.get(code, "unknown"),
        "outputs": out,
        "corpus": str(args.corpus) if getattr(args, "corpus", None) else None,
        "config": result.get("config"),
        "stages": stages,
        "totals": {k: sum(s[k] for s in stages) for k in ("done", "skipped", "failed")},
        # Why the run stopped (exit codes 1, 2, 4); failed documents are rows of the errors table instead.
        "error": result.get("error"),
        "errors_table": f"{out}/errors" if out and any(s["failed"] for s in stages) else None,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
