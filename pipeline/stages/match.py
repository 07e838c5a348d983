"""match: documents -> amounts and dates (rule-based matchers)."""

from __future__ import annotations

from dataclasses import asdict

from pipeline.stages.base import Doc, Stage, StageFn, sentence_locator


def load() -> StageFn:
    from pipeline.nlp.amounts import extract_amounts
    from pipeline.nlp.dates import extract_dates

    def match(docs: list[Doc]) -> dict[str, list[dict]]:
        amounts, dates = [], []
        for doc in docs:
            locate = sentence_locator(doc.inputs["sentences"])
            for a in extract_amounts(doc.text):
                amounts.append({"doc_id": doc.doc_id, "sent_id": locate(a.start), **asdict(a)})
            for d in extract_dates(doc.text, doc.published):
                dates.append({"doc_id": doc.doc_id, "sent_id": locate(d.start), **asdict(d)})
        return {"amounts": amounts, "dates": dates}

    return match


STAGE = Stage(
    name="match",
    version="1",
    deps=("segment",),
    inputs=("sentences",),
    outputs=("amounts", "dates"),
    russian_only=True,
    load=load,
)
