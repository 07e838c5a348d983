"""segment: documents -> sentences (razdel), offsets into the document text."""

from __future__ import annotations

from razdel import sentenize

from pipeline.stages.base import Doc, Stage


def segment(docs: list[Doc]) -> dict[str, list[dict]]:
    rows = []
    for doc in docs:
        for sent_id, s in enumerate(sentenize(doc.text)):
            rows.append(
                {"doc_id": doc.doc_id, "sent_id": sent_id, "start": s.start, "end": s.stop, "text": s.text}
            )
    return {"sentences": rows}


STAGE = Stage(
    name="segment",
    version="1",
    deps=("ingest",),
    outputs=("sentences",),
    load=lambda: segment,
)
