"""Split a mention into words and the separators between them, so that joining gives the text back."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word: letters/digits, possibly joined by hyphens or apostrophes (Усть-Каменогорск, Ростов-на-Дону).
_WORD = re.compile(r"[^\W_]+(?:[-‐‑'’][^\W_]+)*")
_CYRILLIC_LOWER = re.compile(r"[а-яё]")


@dataclass(frozen=True)
class Token:
    text: str
    is_word: bool


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    pos = 0
    for m in _WORD.finditer(text):
        if m.start() > pos:
            out.append(Token(text[pos : m.start()], False))
        out.append(Token(m.group(), True))
        pos = m.end()
    if pos < len(text):
        out.append(Token(text[pos:], False))
    return out


def is_inflectable(word: str) -> bool:
    """Only Cyrillic words with lower-case letters inflect: acronyms (ВКО) and Latin stay as they are."""
    return bool(_CYRILLIC_LOWER.search(word)) and not re.search(r"[A-Za-z0-9]", word)
