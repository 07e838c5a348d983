"""ner: documents -> mentions (PER/ORG/LOC spans with their nominative normal forms)."""

from __future__ import annotations

from pipeline.chunks import chunk_text
from pipeline.stages.base import Doc, Stage, StageFn, sentence_locator

# spaCy interns every token string in its vocab for the life of the pipeline object, so a long-lived worker
# grows with the corpus; a fresh pipeline every so many characters keeps memory bounded by the batch. The
# natasha model is cached per process, so a rebuild costs a fraction of a second. NER over 2,000 articles,
# resident size after the batches at 500 -> 2,000 articles: 331 -> 343 MB at 2M characters, 330 -> 327 MB at
# 500k (without rebuilds 339 -> 377 MB), for about the same CPU time (128 against 126 s).
RECYCLE_AFTER_CHARS = 500_000


def load() -> StageFn:
    from pipeline.nlp.ner import EntityRecognizer
    from pipeline.nlp.normalize import normalize_mention

    recognizer = EntityRecognizer()
    seen_chars = 0

    def ner(docs: list[Doc]) -> dict[str, list[dict]]:
        nonlocal recognizer, seen_chars
        seen_chars += sum(len(d.text) for d in docs)
        if seen_chars > RECYCLE_AFTER_CHARS:
            recognizer, seen_chars = EntityRecognizer(), 0
        rows = []
        # The recognizer sees one chunk (<= ~100k chars) at a time; offsets are shifted back to the document.
        pieces = [(doc, chunk) for doc in docs for chunk in chunk_text(doc.text)]
        found = recognizer.pipe([chunk.text for _, chunk in pieces])
        locators = {doc.doc_id: sentence_locator(doc.inputs["sentences"]) for doc in docs}
        for (doc, chunk), mentions in zip(pieces, found, strict=True):
            locate = locators[doc.doc_id]
            for m in mentions:
                start, end = chunk.start + m.start, chunk.start + m.end
                rows.append(
                    {
                        "doc_id": doc.doc_id,
                        "sent_id": locate(start),
                        "start": start,
                        "end": end,
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
