"""Nominative normal forms of entity mentions (pymorphy2 + agreement rules; no per-document tagger).

`normalize_mention(text, label)` inflects only the head noun and the words agreeing with it, keeps
dependents, quotes, Latin and acronyms as written, is gender-aware for person names and never raises.
"""

from __future__ import annotations

import logging

from pipeline.nlp.morph_vocab import word_cache

from .person import normalize_person
from .phrase import normalize_phrase

__all__ = ["normalize_mention"]

log = logging.getLogger(__name__)


def normalize_mention(text: str, label: str) -> str:
    """Nominative normal form of a mention; the text itself whenever the rules are unsure."""
    return _normalize(text, label)


@word_cache  # names recur across a batch (США, Россия): normalize each once
def _normalize(text: str, label: str) -> str:
    try:
        stripped = text.strip()
        if not stripped:
            return text
        return normalize_person(stripped) if label == "PER" else normalize_phrase(stripped, label)
    except Exception:  # a normal form is never worth failing a batch for
        log.warning("normalize_mention failed on %r", text, exc_info=True)
        return text
