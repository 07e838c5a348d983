"""Damage left by older crashes or a full disk: detected, redone, reported; a later run ends with the same
tables as an undisturbed one. These use the model-free stages (ingest, segment) so they are quick."""

from __future__ import annotations

import errno
from pathlib import Path

import pandas as pd
import pytest
from conftest import run_pipeline, write_txt_corpus
from test_faults_support import cli

import pipeline.store
from pipeline.store import DiskFullError, Store

FAST = ["ingest", "segment"]
OPTS = {"batch_size": 2, "ingest_batch_size": 2}


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    store = Store.open(str(out))
    got = {}
    for name in ("documents", "sentences"):
        frame = store.read_table(name).to_pandas().drop(columns=["ingested_at"], errors="ignore")
        got[name] = frame.sort_values(list(frame.columns)).reset_index(drop=True)
    return got


def _assert_same(out: Path, clean: Path) -> None:
    a, b = _tables(out), _tables(clean)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


def _recovered(out: Path) -> pd.DataFrame:
    errors = Store.open(str(out)).read_table("errors").to_pandas()
    return errors[errors["level"] == "recovered"]


@pytest.fixture
def runs(tmp_path: Path) -> tuple[Path, Path, Path]:
    corpus = write_txt_corpus(tmp_path / "corpus", 5)
    clean, out = tmp_path / "clean", tmp_path / "out"
    run_pipeline(corpus, clean, FAST, **OPTS)
    run_pipeline(corpus, out, FAST, **OPTS)
    return corpus, clean, out


@pytest.mark.parametrize("table", ["documents", "sentences"])
def test_a_truncated_part_is_redone_and_reported(runs, table: str) -> None:
    corpus, clean, out = runs
    part = Path(Store.open(str(out)).list_parts(table)[1])
    part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])  # a crash of an older, non-atomic writer
    summary = run_pipeline(corpus, out, FAST, **OPTS)
    _assert_same(out, clean)
    stage = "ingest" if table == "documents" else "segment"
    assert any(str(part) in note for s in summary.stages for note in s.recovered)
    reported = _recovered(out)
    assert list(reported["error"]) == ["corrupt_part"]
    assert list(reported["stage"]) == [stage]
    assert str(part) in reported["message"].iloc[0]
    # Reported once: the next run finds nothing to recover and changes nothing.
    again = run_pipeline(corpus, out, FAST, **OPTS)
    assert again.done == 0 and len(_recovered(out)) == 1


@pytest.mark.parametrize("stage", ["ingest", "segment"])
def test_a_garbled_commit_record_is_redone_and_reported(runs, stage: str) -> None:
    corpus, clean, out = runs
    record = Path(Store.open(str(out)).list_parts(f"_state/{stage}")[0])
    record.write_bytes(b"PAR1 garbage written by a dying disk")
    summary = run_pipeline(corpus, out, FAST, **OPTS)
    _assert_same(out, clean)
    done = {s.stage: s.done for s in summary.stages}
    assert done[stage] == 2  # the batch of that record, redone
    reported = _recovered(out)
    assert list(reported["error"]) == ["corrupt_state"] and list(reported["stage"]) == [stage]


def test_a_truncated_runs_row_is_dropped_and_reported(runs) -> None:
    corpus, clean, out = runs
    part = Path(Store.open(str(out)).list_parts("runs")[0])
    part.write_bytes(b"")
    run_pipeline(corpus, out, FAST, **OPTS)
    Store.open(str(out)).read_table("runs")  # readable again
    assert len(_recovered(out)) == 1


def test_leftover_temp_files_are_removed(runs) -> None:
    corpus, clean, out = runs
    tmp = out / "sentences" / ".tmp-deadbeef.parquet"
    tmp.write_bytes(b"half a part")
    run_pipeline(corpus, out, FAST, **OPTS)
    assert not tmp.exists()
    _assert_same(out, clean)
    assert _recovered(out).empty  # routine crash litter is logged, not reported as damage


@pytest.mark.parametrize("budget", [0, 1500, 6000, 12000])
def test_a_full_disk_fails_cleanly_and_a_later_run_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, budget: int
) -> None:
    corpus = write_txt_corpus(tmp_path / "corpus", 5)
    clean, out = tmp_path / "clean", tmp_path / "out"
    run_pipeline(corpus, clean, FAST, **OPTS)
    run_pipeline(corpus, out, ["ingest"], **OPTS)  # earlier outputs that must survive
    before = _tables(out)["documents"]
    monkeypatch.setattr(pipeline.store, "_DISK_FULL_AFTER", max(budget, 1))
    monkeypatch.setattr(pipeline.store, "_bytes_written", 0)
    write_txt_corpus(corpus, 0)
    (corpus / "doc_0001.txt").write_text("Изменённая статья о событиях в Алматы.\n", encoding="utf-8")
    with pytest.raises(DiskFullError) as raised:
        run_pipeline(corpus, out, FAST, **OPTS)
    assert raised.value.errno == errno.ENOSPC and "disk full while writing" in str(raised.value)
    # Nothing half-written is visible, and what the earlier run wrote still reads.
    store = Store.open(str(out))
    assert not any(store.list_temp_files(t) for t in ("documents", "sentences", "_state/ingest"))
    # (Until the next run prunes it, a replaced document may show both versions: see "Failure behaviour" in README.md.)
    assert set(before["doc_id"]) <= set(
        store.read_table("documents", columns=["doc_id"])["doc_id"].to_pylist()
    )
    monkeypatch.setattr(pipeline.store, "_DISK_FULL_AFTER", 0)
    (corpus / "doc_0001.txt").unlink()
    write_txt_corpus(corpus, 5)  # back to the clean run's corpus
    run_pipeline(corpus, out, FAST, **OPTS)
    _assert_same(out, clean)


def test_pipeline_run_on_a_full_disk_exits_1_with_a_clear_message(tmp_path: Path) -> None:
    corpus = write_txt_corpus(tmp_path / "corpus", 3)
    out = tmp_path / "out"
    args = ("run", "--corpus", str(corpus), "--out", str(out), "--stage", "ingest", "--workers", "1")
    full = cli(*args, env={"PIPELINE_FAULT_DISK_FULL_AFTER": "2000"})
    assert full.returncode == 1
    assert "disk full while writing" in full.stderr and "free space and run again" in full.stderr
    assert "Traceback" not in full.stderr  # an operational fault, told in one line
    done = cli(*args)
    assert done.returncode == 0, done.stderr
    assert len(Store.open(str(out)).read_table("documents")) == 3
