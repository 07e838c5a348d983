"""The whole pipeline on a small corpus: every table written, offsets exact, restart and executors agree."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import run_pipeline, stable_rows, write_txt_corpus

from pipeline import schema
from pipeline.store import Store

SPAN_TABLES = ("sentences", "entities", "amounts", "dates")


def read(out: Path, name: str) -> pd.DataFrame:
    return Store.open(str(out)).read_table(name).to_pandas()


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("e2e")
    corpus = write_txt_corpus(base / "corpus", 6)
    out = base / "out"
    run_pipeline(corpus, out)
    return corpus, out


def test_every_table_is_written_with_its_schema(outputs: tuple[Path, Path]) -> None:
    _, out = outputs
    store = Store.open(str(out))
    for name in ("documents", "sentences", "entities", "amounts", "dates", "runs"):
        found = store.read_table(name)
        assert found.num_rows > 0, name
        assert found.schema.equals(schema.TABLES[name]), name
    for name in schema.TABLES:  # tables with no rows (errors, here) exist too, empty
        assert store.list_parts(name), name


def test_every_span_indexes_the_document_text(outputs: tuple[Path, Path]) -> None:
    _, out = outputs
    texts = read(out, "documents").set_index("doc_id")["text"]
    for name in SPAN_TABLES:
        rows = read(out, name)
        for row in rows.itertuples():
            assert texts[row.doc_id][row.start : row.end] == row.text, (name, row)


def test_extractions_have_the_expected_kinds(outputs: tuple[Path, Path]) -> None:
    _, out = outputs
    entities = read(out, "entities")
    assert set(entities["label"]) <= {"PER", "ORG", "LOC"}
    assert {"PER", "LOC"} <= set(entities["label"])
    assert entities["canonical"].notna().all() and entities["normal"].notna().all()
    amounts = read(out, "amounts")
    assert "money" in set(amounts["kind"])
    dates = read(out, "dates")
    resolved = dates[dates["resolved"]]
    assert (resolved["date_start"] <= resolved["date_end"]).all()


def test_sentence_ids_point_at_the_sentence_holding_the_span(outputs: tuple[Path, Path]) -> None:
    _, out = outputs
    sentences = read(out, "sentences").set_index(["doc_id", "sent_id"])
    for name in ("entities", "amounts", "dates"):
        for row in read(out, name).dropna(subset=["sent_id"]).itertuples():
            sent = sentences.loc[(row.doc_id, int(row.sent_id))]
            assert sent["start"] <= row.start < sent["end"]


def test_a_run_killed_midway_finishes_to_the_same_tables(outputs: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, clean = outputs
    out = tmp_path / "out"
    # Stop after the first stages, as a crash between stages would, then finish.
    run_pipeline(corpus, out, ["ingest", "segment", "ner"])
    run_pipeline(corpus, out)
    for name in ("documents", *SPAN_TABLES):
        pd.testing.assert_frame_equal(stable_rows(out, name), stable_rows(clean, name))


def test_worker_processes_produce_the_same_tables(outputs: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, clean = outputs
    out = tmp_path / "out"
    run_pipeline(corpus, out, workers=2, executor="processes", batch_size=2)
    for name in ("documents", *SPAN_TABLES):
        pd.testing.assert_frame_equal(stable_rows(out, name), stable_rows(clean, name))
