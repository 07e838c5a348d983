"""Map mixed Cyrillic/Latin words ('КOTRA', 'Газпрoм') to one script, char for char.

The result has the same length as the input, so every offset found on it is valid for the original text.
Words written in one script are left alone: only words that mix both scripts are touched, and they are
mapped to the script most of their letters already use (ties go to Cyrillic: the texts are Russian).
"""

from __future__ import annotations

import re
from functools import cache

from .resources import load_json

_WORD = re.compile(r"[^\W\d_]+")
# Fast path: most texts have no letter of one script next to a letter of the other.
_MIXED = re.compile(r"[\u0400-\u04ff][A-Za-z]|[A-Za-z][\u0400-\u04ff]")


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _is_latin(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


@cache
def _tables() -> tuple[dict[int, str], dict[int, str]]:
    pairs: dict[str, str] = load_json("homoglyphs.json")["pairs"]
    to_latin = {ord(c): lat for c, lat in pairs.items()}
    to_cyrillic = {ord(lat): c for c, lat in pairs.items()}
    return to_latin, to_cyrillic


def _unify(match: re.Match[str]) -> str:
    word = match.group()
    n_cyr = sum(map(_is_cyrillic, word))
    n_lat = sum(map(_is_latin, word))
    if not n_cyr or not n_lat:
        return word
    to_latin, to_cyrillic = _tables()
    return word.translate(to_latin if n_lat > n_cyr else to_cyrillic)


def unify_scripts(text: str) -> str:
    """Same-length copy of `text` with mixed-script words mapped to their majority script."""
    if not _MIXED.search(text):
        return text
    return _WORD.sub(_unify, text)
