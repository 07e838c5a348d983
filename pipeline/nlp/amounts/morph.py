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
