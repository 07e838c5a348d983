"""Person names inside one document: a surname (or a shorter form of a name) refers to the full name that
contains it, the surname matched on its normal form and, failing that, on its gender-neutral stem."""

from __future__ import annotations

import re
from functools import lru_cache

# Case endings of men's surnames (genitive, dative, instrumental, prepositional) after a hard consonant and
# after -ь/-й; an oblique form left unnormalised still finds the full name it belongs to.
_HARD_ENDINGS = ("а", "у", "ом", "е")
_SOFT_ENDINGS = ("я", "ю", "ем", "е")
_FEMININE_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын|ской|цкой)а$|(ск|цк)ая$")


@lru_cache(maxsize=512)  # every pair of names of one document asks again (Linker._join_persons)
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
    if len(short) != 1:
        return False
    # Inflection left unresolved on a bare surname (Усенбекову): compare gender-neutral stems.
    if surname_stem(short[0]) in {surname_stem(w) for w in full}:
        return True
    # A man's consonant surname in an oblique case (Скрипаля, Скрипалю of Сергей Скрипаль).
    return any(short[0] in case_forms(w) for w in full[1:])


@lru_cache(maxsize=512)
def case_forms(surname: str) -> frozenset[str]:
    """Oblique forms of a man's surname ending in a consonant, `-ь` or `-й` (Скрипаль: скрипаля, скрипалю,
    скрипалем, скрипале); empty for other endings, which pymorphy2 or the stems above handle."""
    w = surname.lower().replace("ё", "е")
    if len(w) < 3 or not w[-1].isalpha() or w[-1] in "аеиоуыэюя":
        return frozenset()
    if w[-1] in "ьй":
        return frozenset(w[:-1] + e for e in _SOFT_ENDINGS)
    return frozenset(w + e for e in _HARD_ENDINGS)


def is_masculine_surname(word: str) -> bool:
    return bool(re.search(r"(ов|ев|ин|ын|ский|цкий)$", word.lower().replace("ё", "е")))


# Surname forms only one gender has: her oblique -овой/-иной (Абдыкадыровой), his instrumental -овым/-иным
# and his nominative -ов/-ин (a woman's would end in -а).
_ONLY_FEMININE = re.compile(r"(ов|ев|ин|ын)ой$")
_ONLY_MASCULINE = re.compile(r"(ов|ев|ин|ын)(ым)?$")


def document_gender(texts: list[str]) -> str | None:
    """ "femn" or "masc" when the surnames of one person's mentions (as written) show only that gender."""
    shown = set()
    for text in texts:
        ws = words(text)
        if ws:
            if _ONLY_FEMININE.search(ws[-1]):
                shown.add("femn")
            elif _ONLY_MASCULINE.search(ws[-1]):
                shown.add("masc")
    return shown.pop() if len(shown) == 1 else None
