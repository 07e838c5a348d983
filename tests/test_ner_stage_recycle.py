"""The NER stage rebuilds its spaCy pipeline every so many characters (memory bounded by the batch, not the
corpus): the rebuild must not show in what it finds."""

from __future__ import annotations

import pytest

import pipeline.stages.ner
from pipeline.stages import STAGES
from pipeline.stages.base import Doc

TEXTS = [
    "Президент Казахстана Касым-Жомарт Токаев встретился в Астане с главой Samsung Ли Чжэ Ёном.",
    "Глава МИД Киргизии Чингиз Айдарбеков прибыл в Бишкек после переговоров в Сеуле.",
    "Компания «Казатомпром» и корейская KEPCO подписали соглашение в Алматы.",
    "Мун Чжэ Ин и Ким Чен Ын провели встречу в Пханмунджоме, сообщает агентство Ёнхап.",
]


def _batches() -> list[list[Doc]]:
    segment = STAGES["segment"].load()
    docs = [Doc(f"d{i}", text, "ru", None) for i, text in enumerate(TEXTS)]
    sentences = segment(docs)["sentences"]
    with_inputs = [
        Doc(d.doc_id, d.text, "ru", None, {"sentences": [s for s in sentences if s["doc_id"] == d.doc_id]})
        for d in docs
    ]
    return [with_inputs[:2], with_inputs[2:], with_inputs[:2]]  # the last batch sees known words again


def _run(batches: list[list[Doc]]) -> list[dict]:
    ner = STAGES["ner"].load()
    return [row for batch in batches for row in ner(batch)["mentions"]]


def test_rebuilding_the_pipeline_between_batches_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    batches = _batches()
    monkeypatch.setattr(pipeline.stages.ner, "RECYCLE_AFTER_CHARS", 10**12)
    kept = _run(batches)
    monkeypatch.setattr(pipeline.stages.ner, "RECYCLE_AFTER_CHARS", 1)  # a fresh pipeline for every batch
    rebuilt = _run(batches)
    assert len(kept) >= 8
    assert rebuilt == kept
