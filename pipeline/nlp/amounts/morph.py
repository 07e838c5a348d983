"""One shared pymorphy2 analyzer (natasha's MorphVocab patches pymorphy2 for Python 3.11)."""

from __future__ import annotations

import warnings
from functools import lru_cache

with warnings.catch_warnings():
    # pymorphy2 imports pkg_resources, which warns on import; nothing we can act on here.
    warnings.simplefilter("ignore")
    from natasha import MorphVocab

    MORPH = MorphVocab()


@lru_cache(maxsize=100_000)
def first_parse(word: str) -> tuple[str, frozenset[str]]:
    """(lemma, grammemes) of the most likely parse of a lower-cased word; cached, news repeats words."""
    parse = MORPH.parse(word)[0]
    return parse.normal_form.replace("ё", "е"), frozenset(parse.tag.grammemes)


def lexeme_forms(word: str) -> set[str]:
    """All forms of the lexeme whose normal form is `word` (falls back to the word itself)."""
    for parse in MORPH.parse(word):
        if parse.normal_form.replace("ё", "е") == word:
            return {lex.word.replace("ё", "е") for lex in parse.lexeme}
    return {word}


def always_singular(word: str) -> bool:
    """True when no parse of the word is plural: `миллиона` yes, `тысячи` (also plural) no."""
    return all("plur" not in p.tag for p in MORPH.parse(word))


@lru_cache(maxsize=100_000)
def _noun_forms(word: str) -> frozenset[tuple[str, str]]:
    """(number, case) pairs of the word's noun parses."""
    return frozenset(
        (str(p.tag.number), str(p.tag.case)) for p in MORPH.parse(word) if "NOUN" in p.tag and p.tag.number
    )


def agrees_with_number(word: str, value: float) -> bool:
    """Does a noun's form fit a count of `value`? `3 места`, `5 мест` yes; `3 место`, `9 класса` no.

    Those are ordinal uses (`занял 3 место`, `ученики 9 класса`). After 1 (not 11) only singular forms fit;
    after 2-4 and fractions the genitive singular or a plural; otherwise only plurals.
    """
    forms = _noun_forms(word)
    if not value.is_integer():
        return any(n == "plur" or c == "gent" for n, c in forms)
    last2 = int(value) % 100
    if last2 % 10 == 1 and last2 != 11:
        return any(n == "sing" for n, c in forms)
    if last2 % 10 in (2, 3, 4) and not 12 <= last2 <= 14:
        return any(n == "plur" or c == "gent" for n, c in forms)
    return any(n == "plur" for n, c in forms)


@lru_cache(maxsize=20_000)
def adjective_head(word: str) -> str | None:
    """Masculine singular nominative of a plural adjective/participle (`потерпевших` -> `потерпевший`)."""
    for p in MORPH.parse(word):
        if ("ADJF" in p.tag or "PRTF" in p.tag) and "plur" in p.tag:
            # natasha's wrapper takes UD names in inflect(), so pick the form from the lexeme instead
            for form in p.lexeme:
                if {"masc", "sing", "nomn"} <= set(form.tag.grammemes) and form.tag.POS == p.tag.POS:
                    return form.word.replace("ё", "е")
    return None


@lru_cache(maxsize=50_000)
def can_be_plural(word: str) -> bool:
    return any("plur" in p.tag for p in MORPH.parse(word))
