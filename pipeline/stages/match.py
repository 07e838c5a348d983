"""match: documents -> amounts and dates (rule-based matchers)."""

from __future__ import annotations

from dataclasses import asdict

from pipeline.chunks import chunk_text
from pipeline.stages.base import Doc, Stage, StageFn, sentence_locator


def load() -> StageFn:
    from pipeline.nlp.amounts import extract_amounts
    from pipeline.nlp.dates import extract_dates

    def match(docs: list[Doc]) -> dict[str, list[dict]]:
        amounts, dates = [], []
        for doc in docs:
            locate = sentence_locator(doc.inputs["sentences"])
            # The matchers see one chunk (<= ~100k chars) at a time; offsets are shifted back to the document.
            for chunk in chunk_text(doc.text):
                for found, rows in (
                    (extract_amounts(chunk.text), amounts),
                    (extract_dates(chunk.text, doc.published), dates),
                ):
                    for m in found:
                        start, end = chunk.start + m.start, chunk.start + m.end
                        row = {**asdict(m), "start": start, "end": end}
                        rows.append({"doc_id": doc.doc_id, "sent_id": locate(start), **row})
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
