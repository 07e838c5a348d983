"""Two runs on one output directory: the second waits (--wait) or exits 4 with a clear message; a killed
holder never leaves the lock stuck (flock is released by the kernel); concurrent runs corrupt nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import run_pipeline, write_txt_corpus
from test_faults_support import ROOT, cli

from pipeline.lock import LockedError, RunLock
from pipeline.store import Store

HOLD = """
import sys, time
from pipeline.lock import RunLock
with RunLock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _holder(directory: Path, seconds: float) -> subprocess.Popen:
    """Another process that takes the lock and keeps it for `seconds`."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(directory), str(seconds)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def _run_args(corpus: Path, out: Path, *extra: str) -> tuple[str, ...]:
    return ("run", "--corpus", str(corpus), "--out", str(out), "--stage", "ingest", "--workers", "1", *extra)


def test_a_second_run_exits_4_with_a_clear_message(tmp_path: Path) -> None:
    corpus, out = write_txt_corpus(tmp_path / "corpus", 2), tmp_path / "out"
    holder = _holder(out, 60)
    try:
        second = cli(*_run_args(corpus, out))
        assert second.returncode == 4
        assert "another pipeline run holds" in second.stderr and f"pid {holder.pid}" in second.stderr
        assert not Store.open(str(out)).list_parts("documents")  # it wrote nothing
    finally:
        holder.kill()
        holder.wait()


def test_a_killed_holder_leaves_no_stuck_lock(tmp_path: Path) -> None:
    corpus, out = write_txt_corpus(tmp_path / "corpus", 2), tmp_path / "out"
    holder = _holder(out, 600)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert (out / ".lock").exists()  # the file stays; the lock does not
    with RunLock(str(out)):
        pass
    run = cli(*_run_args(corpus, out))
    assert run.returncode == 0, run.stderr


def test_wait_takes_the_lock_once_the_holder_is_done(tmp_path: Path) -> None:
    corpus, out = write_txt_corpus(tmp_path / "corpus", 2), tmp_path / "out"
    holder = _holder(out, 2)
    started = time.monotonic()
    waited = cli(*_run_args(corpus, out, "--wait", "120"))
    assert waited.returncode == 0, waited.stderr
    assert time.monotonic() - started > 1.0
    holder.wait()
    assert len(Store.open(str(out)).read_table("documents")) == 2


def test_wait_gives_up_after_its_deadline(tmp_path: Path) -> None:
    holder = _holder(tmp_path, 60)
    try:
        started = time.monotonic()
        with pytest.raises(LockedError, match="another pipeline run holds"), RunLock(str(tmp_path), 1.0):
            pass
        assert 0.9 < time.monotonic() - started < 10
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("wait", [False, True])
def test_two_runs_started_together_leave_the_tables_of_one_run(tmp_path: Path, wait: bool) -> None:
    corpus = write_txt_corpus(tmp_path / "corpus", 6)
    clean, out = tmp_path / "clean", tmp_path / "out"
    run_pipeline(corpus, clean, ["ingest", "segment"])
    command = [sys.executable, "-m", "pipeline.cli", "run", "--corpus", str(corpus), "--out", str(out)]
    command += ["--workers", "1"]
    both = [
        subprocess.Popen(
            [*command, "--stage", stage, *(["--wait", "300"] if wait else [])],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for stage in ("ingest", "ingest")
    ]
    results = [(p.wait(300), p.stderr.read()) for p in both]
    codes = sorted(code for code, _ in results)
    # Both ran, one after the other; or, without --wait, the one that found the lock taken exits 4.
    assert codes == [0, 0] if wait else codes in ([0, 0], [0, 4]), results
    run_pipeline(corpus, out, ["ingest", "segment"])
    for name in ("documents", "sentences"):
        got, want = (Store.open(str(d)).read_table(name).to_pandas() for d in (out, clean))
        got, want = (f.drop(columns=["ingested_at"], errors="ignore") for f in (got, want))
        pd.testing.assert_frame_equal(
            got.sort_values(list(got.columns)).reset_index(drop=True),
            want.sort_values(list(want.columns)).reset_index(drop=True),
        )
