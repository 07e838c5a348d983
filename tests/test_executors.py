"""Executors and filesystems: Dask and worker processes give the local run's tables, row for row; outputs
may live behind any fsspec URL."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import run_pipeline, stable_rows, write_txt_corpus

TABLES = ("documents", "sentences", "entities", "amounts", "dates")


@pytest.fixture(scope="module")
def corpus_and_local(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("executors")
    corpus = write_txt_corpus(base / "corpus", 4)
    local = base / "local"
    run_pipeline(corpus, local)
    return corpus, local


@pytest.mark.parametrize("executor", ["dask", "processes"])
def test_two_workers_give_the_local_tables(
    executor: str, corpus_and_local: tuple[Path, Path], tmp_path: Path
) -> None:
    corpus, local = corpus_and_local
    out = tmp_path / executor
    # Batches of one: the workers are warmed while ingesting and every stage ends on shrinking batches.
    summary = run_pipeline(corpus, out, workers=2, executor=executor, batch_size=1)
    assert summary.failed == 0
    for name in TABLES:
        pd.testing.assert_frame_equal(stable_rows(str(out), name), stable_rows(str(local), name))


def test_outputs_behind_an_fsspec_url(corpus_and_local: tuple[Path, Path]) -> None:
    corpus, local = corpus_and_local
    url = "memory://pipeline-test/out"
    run_pipeline(corpus, url, ["ingest", "segment"])
    for name in ("documents", "sentences"):
        pd.testing.assert_frame_equal(stable_rows(url, name), stable_rows(str(local), name))
    again = run_pipeline(corpus, url, ["ingest", "segment"])
    assert [s.done for s in again.stages] == [0, 0]
