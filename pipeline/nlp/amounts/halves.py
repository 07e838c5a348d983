"""`пол-литра`, `полметра`, `полбалла`: half a unit written as one word (0.5 of it).

Only units of measure, currencies and the score nouns of models/amounts/half_counts.txt: `полсекунды` is a
duration and `полмира`, `полстраны` are figures of speech, not amounts.
"""

from __future__ import annotations

from pipeline.nlp.amounts.lexicon import CURRENCIES, HALF_COUNT_NOUNS, match_trie, match_unit
from pipeline.nlp.amounts.morph import first_parse
from pipeline.nlp.amounts.tokens import Token


def half_unit(word: str) -> tuple[str, str, float] | None:
    """(kind, unit, value) of a lower-cased `пол`-word, or None."""
    rest = word[4:] if word.startswith("пол-") else word[3:] if word.startswith("пол") else ""
    if len(rest) < 3:
        return None
    tokens = [Token(0, len(rest), rest, rest)]
    unit = match_unit(tokens, 0, rest)
    if unit is not None and unit[1] == 0:
        return unit[0][1], unit[0][0], 0.5
    currency = match_trie(CURRENCIES, tokens, 0, rest)
    if currency is not None and currency[1] == 0:
        (code, factor), _ = currency
        return "money", code, 0.5 * factor
    lemma, grammemes = first_parse(rest)
    if lemma in HALF_COUNT_NOUNS and "gent" in grammemes:
        return "count", lemma, 0.5
    return None
