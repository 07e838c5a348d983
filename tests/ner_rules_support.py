"""Shared by the NER rule tests: the rule components without natasha, fed hand-made natasha spans."""

from __future__ import annotations

from pipeline.nlp.ner.recognizer import PIPELINE, build_nlp, doc_mentions


def rules_nlp():
    """Every rule component in the real order, no natasha: the tests set the model's spans themselves."""
    return build_nlp([step for step in PIPELINE if step[0] != "natasha_ner"])


def run(nlp, text: str, spans: list[tuple[str, str]], only: str | None = None) -> list[tuple[str, str]]:
    """Mark each (substring, label) as a natasha span, run the components (or one), return (text, label)."""
    doc = nlp.make_doc(text)
    ents, pos = [], 0
    for sub, label in spans:
        start = text.index(sub, pos)
        pos = start + len(sub)
        span = doc.char_span(start, pos, label=label, alignment_mode="strict")
        assert span is not None, sub
        span.id_ = "natasha"
        ents.append(span)
    doc.ents = ents
    for name, proc in nlp.pipeline:
        if only is None or name == only:
            doc = proc(doc)
    mentions = doc_mentions(doc)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.label) for m in mentions]
