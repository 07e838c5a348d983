"""pymorphy2 through natasha's MorphVocab, loaded once, with the few queries the rules need."""

from __future__ import annotations

from pipeline.nlp.morph_vocab import morph_vocab, word_cache

vocab = morph_vocab  # the rules' name for it


def _parse(word: str) -> list:
    """natasha MorphVocab forms of `word`; none for a word pymorphy2 cannot take (its shape check calls
    unicodedata.name(), which raises for letters without a name, e.g. Tangut U+17000)."""
    try:
        return vocab()(word)
    except ValueError:
        return []


@word_cache
def lemmas(word: str) -> frozenset[str]:
    """All normal forms pymorphy2 proposes for `word` (lower case)."""
    return frozenset(f.normal for f in _parse(word))


_NOMINAL = {"NOUN", "PROPN", "ADJ", "NUM", "DET"}


@word_cache
def can_be_case(word: str, case: str) -> bool:
    """True if some nominal parse of `word` has grammatical case `case` (UD: 'Gen', 'Dat', ...).

    Words pymorphy2 cannot decline (abbreviations, foreign words) have no Case and count as any case.
    """
    forms = _parse(word)
    for f in forms:
        if f.pos in _NOMINAL and f.feats.get("Case") == case:
            return True
    return all("Case" not in f.feats for f in forms)


@word_cache
def tags(word: str) -> tuple:
    """pymorphy2 OpencorporaTag objects for `word` (lower case), cached."""
    try:
        return tuple(vocab().tag(word.lower()))
    except ValueError:
        return ()


@word_cache
def is_known(word: str) -> bool:
    try:
        return vocab().word_is_known(word.lower())
    except ValueError:
        return False


@word_cache
def cases(word: str, pos: str | None = None) -> frozenset[str]:
    """UD cases of the parses of `word` (only parses with part of speech `pos`, when given)."""
    return frozenset(
        f.feats["Case"] for f in _parse(word) if "Case" in f.feats and (pos is None or f.pos == pos)
    )


@word_cache
def case_numbers(word: str, pos: str) -> frozenset[tuple[str, str]]:
    """(UD case, UD number) pairs of the parses of `word` with part of speech `pos` ('NOUN', 'ADJ')."""
    return frozenset(
        (f.feats["Case"], f.feats.get("Number", ""))
        for f in _parse(word)
        if f.pos == pos and "Case" in f.feats
    )
