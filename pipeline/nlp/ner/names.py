"""Small comparisons between two written forms of a name: script, transliterated initials, abbreviation."""

from __future__ import annotations

import re
from functools import cache

from .resources import load_json

_WORD = re.compile(r"[^\W\d_]+")


def script(text: str) -> str:
    """'cyr', 'lat' or 'none': the script most letters of `text` are written in."""
    cyr = sum("\u0400" <= c <= "\u04ff" for c in text)
    lat = sum(c.isascii() and c.isalpha() for c in text)
    return "cyr" if cyr > lat else "lat" if lat else "none"


@cache
def _initials() -> dict[str, str]:
    return load_json("translit_initials.json")["initials"]


def same_initials(name: str, other: str) -> bool:
    """Could `other` be a transliteration of `name` (or the reverse)? Compares the words' first letters
    ('Ши Тао' / 'Shi Tao' yes, 'Карлос Сайнс' / 'Toro Rosso' no)."""
    cyr, lat = (name, other) if script(name) == "cyr" else (other, name)
    cyr_words = [w for w in _WORD.findall(cyr) if w[0].isupper()]
    lat_words = [w for w in _WORD.findall(lat) if w[0].isupper()]
    if not cyr_words or not lat_words:
        return False
    table = _initials()

    def match(pairs: list[tuple[str, str]]) -> bool:
        return all(lw[0].upper() in table.get(cw[0].upper(), "") for cw, lw in pairs)

    # aligned from the start ('Ши Тао' / 'Shi Tao') or from the end ('Раскассэ' / 'La Rascasse')
    forward = list(zip(cyr_words, lat_words, strict=False))
    backward = list(zip(reversed(cyr_words), reversed(lat_words), strict=False))
    return match(forward) or match(backward)


def is_abbreviation_of(abbr: str, name: str) -> bool:
    """'РМ' abbreviates 'Республике Молдова': the capital letters are the words' initials."""
    letters = [c for c in abbr if c.isalpha()]
    initials = [w[0].upper() for w in _WORD.findall(name) if len(w) > 2 or w[0].isupper()]
    return bool(letters) and letters == initials
