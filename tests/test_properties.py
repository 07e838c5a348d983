"""Properties over arbitrary Unicode text, for every extractor and for the whole stage chain: no exception,
every span inside the text with `text[start:end] == row.text`, date_start <= date_end, and
value_min <= value <= value_max where set."""

from __future__ import annotations

import math
import shutil
import tempfile
from datetime import date
from functools import cache
from pathlib import Path

from conftest import run_pipeline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.chunks import chunk_text
from pipeline.nlp.amounts import extract_amounts
from pipeline.nlp.dates import extract_dates
from pipeline.nlp.normalize import normalize_mention
from pipeline.store import Store

# Pieces of Russian news text that reach the extractors' interesting paths, plus traps: Unicode digits
# (Arabic-Indic, superscript, fullwidth, mathematical), odd dashes and spaces, combining marks, and a letter
# without a Unicode name (U+17000: pymorphy2 once raised on it inside extract_amounts).
TOKENS = [
    "5", "12", "2019", "1 000", "5,5", "0,75", "100500", "3/4", "½", "٣", "²", "５", "𝟓", "Ⅻ",
    "млн", "млрд", "тыс.", "трлн", "долларов", "рублей", "руб.", "тенге", "$", "€", "%", "п.п.", "тонн", "км",
    "около", "более", "свыше", "до", "от", "с", "по", "не менее", "порядка", "в", "на",
    "мая", "января", "декабре", "года", "году", "г.", "гг.", "квартале", "I", "IV", "1990-х", "XX века",
    "прошлом", "вчера", "сегодня", "в понедельник", "весной", "начале", "конце",
    "Иван", "Петров", "Ивана Петрова", "Москве", "Алматы", "«Газпром»", "ООО", "Samsung", "Ким Чен Су",
    " ", " ", "  ", "\n", "\n\n", "\r\n", "\t", "-", "–", "—", ".", ",", "(", ")", "«", "»", "\u0301", "\u200b", "\U00017000",
]  # fmt: skip


news_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=3)), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=200), news_text)
published = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_span(text: str, start: int, end: int, span_text: str) -> None:
    assert 0 <= start <= end <= len(text), (start, end, len(text))
    assert text[start:end] == span_text


def _check_amount(text: str, a) -> None:
    _check_span(text, a.start, a.end, a.text)
    values = [v for v in (a.value_min, a.value, a.value_max) if v is not None]
    assert all(not math.isnan(v) for v in values), a
    assert values == sorted(values), a


def _check_date(text: str, d) -> None:
    _check_span(text, d.start, d.end, d.text)
    if d.date_start is not None and d.date_end is not None:
        assert d.date_start <= d.date_end, d


@given(any_text)
@SETTINGS
def test_amounts(text: str) -> None:
    for a in extract_amounts(text):
        _check_amount(text, a)


@given(any_text, published)
@SETTINGS
def test_dates(text: str, when: date | None) -> None:
    for d in extract_dates(text, when):
        _check_date(text, d)


@given(any_text, st.sampled_from(["PER", "ORG", "LOC"]))
@SETTINGS
def test_normalize_mention(text: str, label: str) -> None:
    assert isinstance(normalize_mention(text, label), str)


@cache
def _recognizer():
    from pipeline.nlp.ner import EntityRecognizer

    return EntityRecognizer()


@given(st.lists(any_text, min_size=1, max_size=4))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_entity_recognizer(texts: list[str]) -> None:
    recognizer = _recognizer()
    for text, mentions in zip(texts, recognizer.pipe(texts), strict=True):
        for m in mentions:
            _check_span(text, m.start, m.end, m.text)
            assert m.label in ("PER", "ORG", "LOC")


@given(any_text, st.integers(2, 50))
@SETTINGS
def test_chunks_cover_the_text(text: str, size: int) -> None:
    chunks = chunk_text(text, size)
    assert "".join(c.text for c in chunks) == text
    assert all(len(c.text) <= size for c in chunks)


@given(st.lists(any_text, min_size=1, max_size=3))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_whole_stage_chain(texts: list[str]) -> None:
    base = Path(tempfile.mkdtemp(prefix="prop-chain-"))
    try:
        corpus = base / "corpus"
        corpus.mkdir()
        for i, text in enumerate(texts):
            (corpus / f"d{i}.txt").write_bytes(text.encode("utf-8", "surrogatepass"))
        summary = run_pipeline(corpus, base / "out")
        store = Store.open(str(base / "out"))
        docs = store.read_table("documents").to_pandas().set_index("doc_id")
        errors = store.read_table("errors").to_pandas()
        # Every input is a document or an ingest error; no stage fails on any document.
        assert set(docs.index) | set(errors.loc[errors["stage"] == "ingest", "doc_id"]) == {
            f"d{i}" for i in range(len(texts))
        }
        assert summary.failed == len(errors[errors["stage"] == "ingest"]), errors.to_dict("records")
        for table in ("sentences", "mentions", "entities", "amounts", "dates"):
            for row in store.read_table(table).to_pylist():
                _check_span(docs.loc[row["doc_id"], "text"], row["start"], row["end"], row["text"])
                if table == "dates" and row["date_start"] and row["date_end"]:
                    assert row["date_start"] <= row["date_end"], row
                if table == "amounts":
                    values = [row[k] for k in ("value_min", "value", "value_max") if row[k] is not None]
                    assert values == sorted(values), row
    finally:
        shutil.rmtree(base, ignore_errors=True)
