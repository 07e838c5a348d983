"""Executors and filesystems: Dask and worker processes give the local run's tables, row for row; outputs
may live behind any fsspec URL."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import run_pipeline, write_txt_corpus

from pipeline.store import Store

TABLES = ("documents", "sentences", "entities", "amounts", "dates")
VOLATILE = {"ingested_at", "at", "started_at", "finished_at", "run_id"}


def rows(out: str, name: str) -> pd.DataFrame:
    frame = Store.open(out).read_table(name).to_pandas()
    frame = frame[[c for c in frame.columns if c not in VOLATILE]]
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


@pytest.fixture(scope="module")
def corpus_and_local(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("executors")
    corpus = write_txt_corpus(base / "corpus", 4)
    local = base / "local"
    run_pipeline(corpus, local)
    return corpus, local


def test_dask_local_cluster_gives_the_local_tables(
    corpus_and_local: tuple[Path, Path], tmp_path: Path
) -> None:
    corpus, local = corpus_and_local
    out = tmp_path / "dask"
    summary = run_pipeline(corpus, out, workers=2, executor="dask", batch_size=1)
    assert summary.failed == 0
    for name in TABLES:
        pd.testing.assert_frame_equal(rows(str(out), name), rows(str(local), name))


def test_outputs_behind_an_fsspec_url(corpus_and_local: tuple[Path, Path]) -> None:
    corpus, local = corpus_and_local
    url = "memory://pipeline-test/out"
    run_pipeline(corpus, url, ["ingest", "segment"])
    for name in ("documents", "sentences"):
        pd.testing.assert_frame_equal(rows(url, name), rows(str(local), name))
    again = run_pipeline(corpus, url, ["ingest", "segment"])
    assert [s.done for s in again.stages] == [0, 0]
