"""ner: documents -> mentions (PER/ORG/LOC spans with their nominative normal forms)."""

from __future__ import annotations

from pipeline.stages.base import Doc, Stage, StageFn, sentence_locator


def load() -> StageFn:
    from pipeline.nlp.ner import EntityRecognizer
    from pipeline.nlp.normalize import normalize_mention

    recognizer = EntityRecognizer()

    def ner(docs: list[Doc]) -> dict[str, list[dict]]:
        rows = []
        found = recognizer.pipe([d.text for d in docs])
        for doc, mentions in zip(docs, found, strict=True):
            locate = sentence_locator(doc.inputs["sentences"])
            for m in mentions:
                rows.append(
                    {
                        "doc_id": doc.doc_id,
                        "sent_id": locate(m.start),
                        "start": m.start,
                        "end": m.end,
                        "text": m.text,
                        "label": m.label,
                        "normal": normalize_mention(m.text, m.label),
                        "source": m.source,
                    }
                )
        return {"mentions": rows}

    return ner


STAGE = Stage(
    name="ner",
    version="1",
    deps=("segment",),
    inputs=("sentences",),
    outputs=("mentions",),
    russian_only=True,
    load=load,
)
