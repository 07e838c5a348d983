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
    russian_words = _share(words, profiles["ru"]["words"])
    best, best_score, best_letters, best_words = "ru", 0.0, 0.0, 0.0
    for lang, profile in profiles.items():
        if lang == "ru":
            continue
        letter_share = sum(c in profile["letters"] for c in letters) / max(cyrillic, 1)
        word_share = _share(words, profile["words"])
        score = letter_share * 10 + word_share * 5
        if (letter_share >= profile["min_letter_share"] or word_share >= 0.05) and score > best_score:
            best, best_score, best_letters, best_words = lang, score, letter_share, word_share
    # A Russian text quoting a few Kazakh or Ukrainian names: its own function words outnumber the other
    # language's, and the foreign letters stay rare.
    if best != "ru" and russian_words > best_words and best_letters < 0.05:
        return "ru"
    return best


def _share(words: list[str], vocabulary: list[str]) -> float:
    vocab = set(vocabulary)
    return sum(w in vocab for w in words) / max(len(words), 1)
