"""Helpers shared by the rule components: rewriting doc.ents safely and reading token texts and shapes."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span
from spacy.util import filter_spans


def make_span(doc: Doc, start: int, end: int, label: str, source: str) -> Span:
    return Span(doc, start, end, label=label, span_id=source)


def set_ents(doc: Doc, spans: Iterable[Span]) -> None:
    """Replace doc.ents; empty spans are dropped and overlaps resolved (longest, then first, wins)."""
    doc.ents = sorted(filter_spans([s for s in spans if len(s) > 0]), key=lambda s: s.start)


def token_texts(doc: Doc) -> list[str]:
    """[t.text for t in doc], from the list the tokenizer kept (whole-Doc scans read strings, not Tokens)."""
    texts = doc._.ner_token_texts
    return [t.text for t in doc] if texts is None else texts


def has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def is_capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper()
