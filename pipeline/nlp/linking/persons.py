"""Person names inside one document: a surname (or a shorter form of a name) refers to the full name that
contains it, the surname matched on its normal form and, failing that, on its gender-neutral stem."""

from __future__ import annotations

import re

_FEMININE_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын|ской|цкой)а$|(ск|цк)ая$")


def surname_stem(word: str) -> str:
    """`Усенбекова` and `Усенбеков` share the stem `усенбеков` (also `-ская`/`-ский`)."""
    w = word.lower().replace("ё", "е")
    m = re.search(r"(ов|ев|ин|ын)(а|у|ой|ым|ом|е|ою)?$", w) or re.search(
        r"(ск|цк)(ая|ий|ой|ого|ому|им|ую|ом)$", w
    )
    return w[: m.start() + 2] if m else w


def is_feminine_surname(word: str) -> bool:
    return bool(_FEMININE_SURNAME.search(word.lower().replace("ё", "е")))


def words(name: str) -> list[str]:
    return [w.lower().replace("ё", "е") for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", name)]


def refers_to(short: list[str], full: list[str]) -> bool:
    """Does the shorter name `short` (word keys) denote the longer name `full`?"""
    if not short or len(short) >= len(full):
        return False
    if all(w in full for w in short):
        return True
    # Inflection left unresolved on a bare surname (Усенбекову): compare gender-neutral stems.
    return len(short) == 1 and surname_stem(short[0]) in {surname_stem(w) for w in full}


def is_masculine_surname(word: str) -> bool:
    return bool(re.search(r"(ов|ев|ин|ын|ский|цкий)$", word.lower().replace("ё", "е")))
