"""Shared helpers of the fault tests: a mixed corpus, table snapshots for comparing runs, killed runs.

(No tests here; the name keeps it among the fault-test files.)
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
from conftest import make_text, run_pipeline, write_jsonl, write_txt_corpus

from pipeline.store import Store

ROOT = Path(__file__).resolve().parents[1]
VOLATILE = {"ingested_at", "at", "started_at", "finished_at", "run_id"}
# Every table an analyst reads (runs is a log of runs, so it differs between a killed and a clean history).
DATA_TABLES = ("documents", "sentences", "mentions", "entities", "amounts", "dates", "errors")
KEYS = {
    "documents": ["doc_id"],
    "sentences": ["doc_id", "sent_id"],
    "mentions": ["doc_id", "start", "end", "label"],
    "entities": ["doc_id", "start", "end", "label"],
    "amounts": ["doc_id", "start", "end"],
    "dates": ["doc_id", "start", "end"],
}
KAZAKH = (
    "Қазақстан Республикасының Президенті бүгін Астанада шетелдік инвесторлармен кездесті. "
    "Кездесу барысында экономикалық ынтымақтастық және жаңа жобалар туралы сөз болды.\n"
)
RUN_OPTIONS = {"batch_size": 2, "ingest_batch_size": 2}


def mixed_corpus(directory: Path, n_txt: int = 5) -> Path:
    """Russian articles, one Kazakh one (skipped by Russian-only stages) and JSONL with a bad line."""
    write_txt_corpus(directory, n_txt)
    (directory / "kk_001.txt").write_text(KAZAKH, encoding="utf-8")
    write_jsonl(
        directory / "feed.jsonl",
        [{"id": "j1", "text": make_text(50), "published": "2021-05-30"}, {"text": "нет id"}],
    )
    return directory


def snapshot(out: Path) -> dict[str, pd.DataFrame]:
    """The data tables without run-specific columns, in a canonical row order."""
    store = Store.open(str(out))
    tables = {}
    for name in DATA_TABLES:
        frame = store.read_table(name).to_pandas()
        frame = frame[[c for c in frame.columns if c not in VOLATILE]]
        tables[name] = frame.sort_values(list(frame.columns)).reset_index(drop=True)
    return tables


def assert_same_tables(out: Path, clean: dict[str, pd.DataFrame]) -> None:
    got = snapshot(out)
    for name in DATA_TABLES:
        if name in KEYS:
            assert not got[name].duplicated(KEYS[name]).any(), f"duplicate rows in {name}"
        pd.testing.assert_frame_equal(got[name], clean[name], obj=name)


def _child(corpus: Path, out: Path, kill_at: int) -> None:
    import pipeline.store

    # The fork has the parent's models loaded; only the kill point differs.
    pipeline.store._KILL_AT_WRITE = kill_at
    pipeline.store._writes = 0
    run_pipeline(corpus, out, **RUN_OPTIONS)


def forked_run(corpus: Path, out: Path, kill_at: int = 0, kill_after: float | None = None) -> int | None:
    """Run the whole pipeline in a forked child (models already loaded), killed with SIGKILL at its
    `kill_at`-th kill point or after `kill_after` seconds. Returns the child's exit code (-9: killed)."""
    process = multiprocessing.get_context("fork").Process(target=_child, args=(corpus, out, kill_at))
    process.start()
    process.join(kill_after if kill_after is not None else 300)
    if process.is_alive():
        process.kill()
        process.join(60)
    return process.exitcode


def cli(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """`pipeline ...` in a fresh process, as a scheduler would start it."""
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
