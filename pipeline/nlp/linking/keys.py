"""Matching keys for names: case, `ё`, look-alike letters and bracketed/quoted decoration do not matter."""

from __future__ import annotations

import re

# Latin letters that look like Cyrillic ones (КOTRA is a Cyrillic К followed by Latin OTRA).
_LAT_TO_CYR = str.maketrans("ABCEHKMOPTXYaceopxyk", "АВСЕНКМОРТХУасеорхук")
_CYR_TO_LAT = str.maketrans("АВСЕНКМОРТХУасеорхук", "ABCEHKMOPTXYaceopxyk")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)?\s*$")
_QUOTES = re.compile(r"[«»„“”\"']")
_SPACES = re.compile(r"[\s\u00a0]+")
_DASHES = re.compile(r"\s*[‐‑–—]\s*|\s+-\s+")


def _fix_mixed_script(token: str) -> str:
    """Map look-alike letters of a mixed-script token to the script of most of its letters."""
    lat, cyr = len(_LATIN.findall(token)), len(_CYRILLIC.findall(token))
    if not lat or not cyr:
        return token
    return token.translate(_CYR_TO_LAT if lat > cyr else _LAT_TO_CYR)


def fix_mixed_script(text: str) -> str:
    return " ".join(_fix_mixed_script(t) for t in text.split(" "))


def strip_bracket(text: str) -> str:
    """`Корейский институт развития технологий (KIAT)` -> the name without the bracketed tail."""
    stripped = _TRAILING_BRACKET.sub("", text)
    return stripped or text


def match_key(text: str) -> str:
    text = _QUOTES.sub("", text)
    text = _DASHES.sub("-", text)
    text = _SPACES.sub(" ", text).strip()
    return fix_mixed_script(text).lower().replace("ё", "е")
