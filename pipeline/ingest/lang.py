"""Which language a document is in (ISO 639-1), from its script and a few tell-tale letters and words.

Russian news quotes Kazakh names (`Жаңғыру`), so a few Kazakh letters do not make a text Kazakh: a language
other than Russian needs its letters or function words to be a real share of the text.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

_WORD = re.compile(r"\w+")
_MODEL = Path(__file__).resolve().parents[2] / "models" / "lang" / "languages.json"


@cache
def _profiles() -> dict:
    return json.loads(_MODEL.read_text(encoding="utf-8"))


def detect_language(text: str) -> str:
    """'ru', 'kk', 'ky', 'uk', 'be', 'en', 'ko', ... or 'und' when there are no letters to judge by."""
    sample = text[:20_000]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < 3:
        return "und"
    hangul = sum("\uac00" <= c <= "\ud7a3" or "\u1100" <= c <= "\u11ff" for c in letters)
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
    latin = sum(c.isascii() for c in letters)
    if hangul / len(letters) > 0.3:
        return "ko"
    if cyrillic < latin:
        return "en" if latin / len(letters) > 0.5 else "und"
    words = [w.lower() for w in _WORD.findall(sample)]
    profiles = _profiles()
    best, best_score = "ru", 0.0
    for lang, profile in profiles.items():
        letter_share = sum(c in profile["letters"] for c in letters) / max(cyrillic, 1)
        word_share = sum(w in profile["words"] for w in words) / max(len(words), 1)
        score = letter_share * 10 + word_share * 5
        if letter_share >= profile["min_letter_share"] and score > best_score:
            best, best_score = lang, score
    return best
