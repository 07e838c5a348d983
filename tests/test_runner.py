"""The stage runner: schema, offsets, incremental runs, versions, bad input, crash recovery.

These run the model-free stages (ingest, segment) so they are quick; test_end_to_end.py runs everything.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import make_text, run_pipeline, stable_rows, write_jsonl, write_txt_corpus

import pipeline.stages
from pipeline import schema
from pipeline.stages import PIPELINE, STAGES
from pipeline.store import Store

FAST = ["ingest", "segment"]


def table(out: Path, name: str) -> pd.DataFrame:
    return Store.open(str(out)).read_table(name).to_pandas()


def test_tables_follow_the_schema_and_offsets_index_the_text(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_pipeline(corpus, out, FAST)
    for name in ("documents", "sentences", "runs"):
        for part in Store.open(str(out)).list_parts(name):
            assert pq.read_schema(part).remove_metadata() == schema.TABLES[name]
    docs = table(out, "documents").set_index("doc_id")
    assert sorted(docs.index) == sorted(p.stem for p in corpus.iterdir())
    assert (docs["text"] == [(corpus / f"{d}.txt").read_text(encoding="utf-8") for d in docs.index]).all()
    sentences = table(out, "sentences")
    assert len(sentences) > len(docs)
    for row in sentences.itertuples():
        assert docs.loc[row.doc_id, "text"][row.start : row.end] == row.text


def test_offsets_keep_crlf_and_bom_free_text_unchanged(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    raw = "Первая строка.\r\nВторая строка в Алматы.\r\n"
    (corpus / "crlf.txt").write_bytes(raw.encode("utf-8"))
    out = tmp_path / "out"
    run_pipeline(corpus, out, FAST)
    doc = table(out, "documents").iloc[0]
    assert doc["text"] == raw
    for row in table(out, "sentences").itertuples():
        assert raw[row.start : row.end] == row.text


def test_a_second_run_does_nothing_and_a_new_article_is_processed_alone(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_pipeline(corpus, out, FAST)
    assert [s.done for s in first.stages] == [5, 5]
    again = run_pipeline(corpus, out, FAST)
    assert [(s.done, s.skipped) for s in again.stages] == [(0, 5), (0, 5)]
    write_txt_corpus(corpus, 1, start=100)
    third = run_pipeline(corpus, out, FAST)
    assert [s.done for s in third.stages] == [1, 1]
    assert table(out, "documents")["doc_id"].is_unique


def test_a_changed_article_replaces_its_old_rows(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_pipeline(corpus, out, FAST)
    (corpus / "doc_0002.txt").write_text(make_text(999, n=2), encoding="utf-8")
    summary = run_pipeline(corpus, out, FAST)
    assert [s.done for s in summary.stages] == [1, 1]
    docs = table(out, "documents").set_index("doc_id")
    assert docs.index.is_unique and len(docs) == 5
    sentences = table(out, "sentences")
    mine = sentences[sentences["doc_id"] == "doc_0002"]
    text = docs.loc["doc_0002", "text"]
    assert all(text[r.start : r.end] == r.text for r in mine.itertuples())
    assert not mine.duplicated(["sent_id"]).any()


def test_a_new_stage_version_redoes_that_stage_and_not_its_upstream(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    run_pipeline(corpus, out, FAST)
    bumped = dataclasses.replace(STAGES["segment"], version="test-bump")
    monkeypatch.setitem(STAGES, "segment", bumped)
    monkeypatch.setattr(pipeline.stages, "PIPELINE", [bumped if s.name == "segment" else s for s in PIPELINE])
    summary = run_pipeline(corpus, out, FAST)
    assert [s.done for s in summary.stages] == [0, 5]
    assert not table(out, "sentences").duplicated(["doc_id", "sent_id"]).any()


def test_every_bad_input_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_text(make_text(1), encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "cp1251.txt").write_bytes(make_text(2).encode("cp1251"))
    lines = [
        {"id": "j1", "text": make_text(3), "published": "2019-05-30", "title": "Заголовок"},
        {"id": "j1", "text": make_text(4)},  # duplicate id: the first wins
        {"text": "нет идентификатора"},
        {"id": "j3"},
        {"id": "j4", "text": 42},
        {"id": "j5", "text": make_text(5), "published": "вчера"},
    ]
    jsonl = write_jsonl(corpus / "feed.jsonl", lines)
    with jsonl.open("a", encoding="utf-8") as f:
        f.write('{"id": "broken", "text": "не закрыта\n')
    out = tmp_path / "out"
    summary = run_pipeline(corpus, out, FAST)
    docs = table(out, "documents").set_index("doc_id")
    errors = table(out, "errors")
    assert sorted(docs.index) == ["cp1251", "good", "j1"]
    assert docs.loc["cp1251", "encoding"] == "cp1251"
    assert str(docs.loc["j1", "published"]) == "2019-05-30"
    kinds = dict(zip(errors["source"].str.rsplit("/", n=1).str[-1], errors["error"], strict=True))
    assert kinds == {
        "empty.txt": "empty_text",
        "blank.txt": "empty_text",
        "binary.txt": "undecodable",
        "feed.jsonl:2": "duplicate_id",
        "feed.jsonl:3": "missing_id",
        "feed.jsonl:4": "missing_text",
        "feed.jsonl:5": "bad_field",
        "feed.jsonl:6": "bad_date",
        "feed.jsonl:7": "malformed_json",
    }
    assert all(errors["message"].str.len() > 10)
    assert summary.stages[0].failed == 9
    # Unchanged bad inputs are not reported again on the next run.
    run_pipeline(corpus, out, FAST)
    assert len(table(out, "errors")) == len(errors)


def _killed_run(corpus: Path, out: Path, kill_at: int) -> int:
    code = (
        "import sys; sys.path.insert(0, 'tests'); from conftest import run_pipeline; "
        "from pathlib import Path; "
        f"run_pipeline(Path({str(corpus)!r}), Path({str(out)!r}), {FAST!r}, "
        "batch_size=2, ingest_batch_size=2)"
    )
    env = {**os.environ, "PIPELINE_FAULT_KILL_AT_WRITE": str(kill_at)}
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=Path(__file__).parents[1]).returncode


def _sweep_kill_points(corpus: Path, tmp_path: Path, stride: int) -> int:
    """Kill a run at every `stride`-th kill point until a run gets through; each killed run, re-run, must
    give the clean run's tables. Returns the number of kills."""
    clean = tmp_path / "clean"
    run_pipeline(corpus, clean, FAST, batch_size=2, ingest_batch_size=2)
    kill_at, trials = 1, 0
    while True:
        out = tmp_path / f"killed_{kill_at}"
        code = _killed_run(corpus, out, kill_at)
        if code == 0:
            return trials  # the run had fewer kill points than kill_at: the sweep is complete
        assert code == -9
        trials += 1
        run_pipeline(corpus, out, FAST, batch_size=2, ingest_batch_size=2)
        for name in ("documents", "sentences"):
            pd.testing.assert_frame_equal(stable_rows(out, name), stable_rows(clean, name))
        kill_at += stride


def test_a_run_killed_at_sampled_writes_recovers_to_the_same_tables(corpus: Path, tmp_path: Path) -> None:
    assert _sweep_kill_points(corpus, tmp_path, stride=5) >= 5


@pytest.mark.long
def test_a_run_killed_at_any_write_recovers_to_the_same_tables(corpus: Path, tmp_path: Path) -> None:
    assert _sweep_kill_points(corpus, tmp_path, stride=1) >= 20


class RecordingExecutor:
    """Runs batches in this process and notes when the runner asked it to warm its workers."""

    name = "recording"
    workers = 2

    def __init__(self, out: Path) -> None:
        self.out = out
        self.events: list[str] = []
        self.ingested_at_warm = 0

    def warm(self, fn: object, *args: object) -> None:
        self.events.append("warm")
        self.ingested_at_warm = len(Store.open(str(self.out)).list_parts("documents"))

    def map_unordered(self, fn, tasks):  # type: ignore[no-untyped-def]
        for args in tasks:
            self.events.append("batch")
            yield fn(*args)

    def close(self) -> None:
        self.events.append("close")


def _runner_with(executor: RecordingExecutor, corpus: Path, out: Path) -> object:
    from pipeline.runner import Runner, RunOptions

    options = RunOptions(
        corpus=corpus, out=str(out), stages=FAST, workers=2, batch_size=2, ingest_batch_size=2
    )
    runner = Runner(Store.open(str(out)), options)
    runner._executor = executor
    return runner


def test_workers_warm_once_while_ingest_still_reads_and_not_for_a_run_with_nothing_new(
    corpus: Path, tmp_path: Path
) -> None:
    executor = RecordingExecutor(tmp_path / "out")
    _runner_with(executor, corpus, tmp_path / "out").run()
    assert executor.events.count("warm") == 1
    # 5 documents, ingested 2 at a time: warm once more than a batch (2) is in, before the last part.
    assert 0 < executor.ingested_at_warm < len(Store.open(str(tmp_path / "out")).list_parts("documents"))

    again = RecordingExecutor(tmp_path / "out")
    _runner_with(again, corpus, tmp_path / "out").run()
    assert "warm" not in again.events and "batch" not in again.events


def test_each_batch_ends_by_trimming_the_c_heap(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    import pipeline.worker

    trims: list[int] = []
    monkeypatch.setattr(pipeline.worker, "release_free_memory", lambda: trims.append(1) or True)
    run_pipeline(corpus, tmp_path / "out", FAST, batch_size=2)  # 5 documents: 3 segment batches
    assert len(trims) == 3
