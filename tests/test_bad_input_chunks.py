"""Huge articles and MB-long lines: cut into pieces of at most ~100k chars at good boundaries; the model stages
see one piece at a time and their offsets still index the whole document."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import make_text, run_pipeline

from pipeline.chunks import MAX_CHARS, chunk_text
from pipeline.stages import STAGES
from pipeline.stages.base import Doc
from pipeline.stages.segment import segment
from pipeline.store import Store


def _check_cover(text: str, max_chars: int) -> list:
    chunks = chunk_text(text, max_chars)
    assert "".join(c.text for c in chunks) == text
    position = 0
    for c in chunks:
        assert c.start == position and len(c.text) <= max_chars
        position = c.end
    return chunks


def _article(n_chars: int) -> str:
    parts, size, i = [], 0, 0
    while size < n_chars:
        parts.append(make_text(i))
        size += len(parts[-1])
        i += 1
    return "\n".join(parts)


def test_short_and_empty_texts_are_one_chunk() -> None:
    assert [(c.start, c.text) for c in chunk_text("")] == [(0, "")]
    assert [(c.start, c.text) for c in chunk_text("Привет.")] == [(0, "Привет.")]


def test_cuts_prefer_paragraphs_then_sentences_then_spaces() -> None:
    text = _article(300_000)
    chunks = _check_cover(text, MAX_CHARS)
    assert len(chunks) >= 3
    assert all(c.text.endswith("\n") for c in chunks[:-1])
    one_line = "Первое предложение о торговле. Второе предложение о ценах! " * 5000
    for c in _check_cover(one_line, 10_000)[:-1]:
        assert c.text.endswith((". ", "! "))
    no_punctuation = "слово " * 50_000
    assert all(c.text.endswith(" ") for c in _check_cover(no_punctuation, 10_000)[:-1])


def test_text_without_any_space_is_cut_hard_but_never_inside_crlf_or_a_surrogate() -> None:
    _check_cover("я" * 250_001, MAX_CHARS)
    _check_cover("\r\n" * 30_000, 999)
    chunks = _check_cover("\ud83d\ude00" * 5_000, 999)  # lone surrogates as Python may hold them
    assert all(not ("\ud800" <= c.text[-1] <= "\udbff") for c in chunks)


def test_twenty_megabytes_chunk_quickly() -> None:
    text = ("Компания вложила 50 млн долларов в строительство завода в Алматы. " * 40 + "\n\n") * 7_700
    assert len(text) > 20_000_000
    started = time.monotonic()
    chunks = _check_cover(text, MAX_CHARS)
    assert time.monotonic() - started < 20
    assert len(chunks) >= 200


SMALL = 20_000  # the stage tests shrink the chunk size so that a quick document still spans many chunks


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.stages.match
    import pipeline.stages.ner

    for module in (pipeline.stages.match, pipeline.stages.ner):
        monkeypatch.setattr(module, "chunk_text", lambda text: chunk_text(text, SMALL))


@pytest.fixture(scope="module")
def long_doc() -> Doc:
    text = _article(40_000) + "\n" + "Одна очень длинная строка без перевода строки на 7 млн тенге. " * 500
    sentences = segment([Doc("big", text, "ru", None)])["sentences"]
    return Doc("big", text, "ru", None, {"sentences": sentences})


def test_match_stage_on_a_long_document_keeps_offsets(long_doc: Doc, small_chunks: None) -> None:
    out = STAGES["match"].load()([long_doc])
    assert len(out["amounts"]) > 50 and len(out["dates"]) > 20
    for rows in out.values():
        for row in rows:
            assert long_doc.text[row["start"] : row["end"]] == row["text"]
    assert max(r["start"] for r in out["amounts"]) > 2 * SMALL  # found in later chunks, shifted back


def test_ner_stage_never_sees_more_than_one_chunk(
    long_doc: Doc, small_chunks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.nlp.ner import EntityRecognizer

    seen: list[int] = []
    original = EntityRecognizer.pipe

    def pipe(self, texts, *args, **kwargs):
        texts = list(texts)
        seen.extend(len(t) for t in texts)
        return original(self, texts, *args, **kwargs)

    monkeypatch.setattr(EntityRecognizer, "pipe", pipe)
    rows = STAGES["ner"].load()([long_doc])["mentions"]
    assert max(seen) <= SMALL and len(seen) >= 3
    assert len(rows) > 50
    assert all(long_doc.text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert max(r["start"] for r in rows) > 2 * SMALL


def _through(tmp_path: Path, text: str, stages: list[str] | None) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "huge.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    summary = run_pipeline(corpus, out, stages)
    assert summary.failed == 0
    store = Store.open(str(out))
    tables = {"segment": "sentences", "ner": "mentions", "match": "amounts", "link": "entities"}
    for stage, table in tables.items():
        if stages is not None and stage not in stages:
            continue
        frame = store.read_table(table).to_pandas()
        assert len(frame) > 1000, table
        sample = frame.sample(min(len(frame), 2000), random_state=0)
        assert all(text[r.start : r.end] == r.text for r in sample.itertuples()), table


@pytest.mark.long
def test_a_twenty_megabyte_article_through_ingest_segment_and_match(tmp_path: Path) -> None:
    _through(tmp_path, _article(20_000_000), ["ingest", "segment", "match"])


@pytest.mark.long
def test_a_two_megabyte_article_through_the_model_stages(tmp_path: Path) -> None:
    # NER runs at roughly 10-30k chars/s, so 20 MB through it would take the better part of an hour here.
    # `link` is left out: on this document (thousands of mentions) it had not finished after 10 minutes.
    _through(tmp_path, _article(2_000_000), ["ingest", "segment", "ner", "match"])


@pytest.mark.long
def test_a_five_megabyte_line_without_a_newline(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    sentence = "Компания вложила 50 млн долларов в завод в Алматы 12 мая 2021 года, сообщил Иван Петров. "
    text = sentence * (5_000_000 // len(sentence))
    (corpus / "line.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    summary = run_pipeline(corpus, out, ["ingest", "segment", "match"])
    assert summary.failed == 0
    store = Store.open(str(out))
    for table in ("sentences", "amounts", "dates"):
        frame = store.read_table(table).to_pandas()
        assert len(frame) >= len(text) // len(sentence) * 0.99, table
        sample = frame.sample(2000, random_state=0)
        assert all(text[r.start : r.end] == r.text for r in sample.itertuples()), table
