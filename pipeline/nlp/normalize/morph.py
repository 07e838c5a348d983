"""Shared pymorphy2 analyzer with cached parses (normal forms are computed per mention: caching pays)."""

from __future__ import annotations

# yargy patches pymorphy2 for Python 3.11 (inspect.getargspec is gone); import it before pymorphy2.
import yargy.morph  # noqa: F401
from pymorphy2 import MorphAnalyzer
from pymorphy2.analyzer import Parse

from pipeline.nlp.morph_vocab import parse_cache

_ANALYZER: MorphAnalyzer | None = None


def analyzer() -> MorphAnalyzer:
    global _ANALYZER
    if _ANALYZER is None:
        _ANALYZER = MorphAnalyzer()
    return _ANALYZER


@parse_cache
def parses(word: str) -> tuple[Parse, ...]:
    """All pymorphy2 parses of a word (lowercased), best first."""
    return tuple(analyzer().parse(word.lower()))


def in_dictionary(parse: Parse) -> bool:
    """True when the parse comes from the dictionary (or a hyphen split of dictionary words), not a guess."""
    unit = type(parse.methods_stack[0][0]).__name__
    return unit in ("DictionaryAnalyzer", "HyphenatedWordsAnalyzer", "HyphenAdverbAnalyzer")


@parse_cache
def inflect(parse: Parse, grammemes: frozenset[str]) -> str | None:
    """Word form of `parse` with `grammemes`, or None when pymorphy2 cannot build it."""
    try:
        form = parse.inflect(set(grammemes))
    except (ValueError, KeyError):
        return None
    return form.word if form is not None else None
