"""A cheap regex tokenizer: numbers, words (hyphenated words kept whole) and single other characters.

razdel would also work, but amounts need a different cut (`18%` -> `18`, `%`; `1,5` kept whole) and a single
compiled regex is several times faster; offsets always index the original text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# ASCII digits only: other Unicode digits are not amounts in Russian news and int() would accept them.
_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+(?:[-‑][^\W\d_]+)*|\S")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    low: str  # lower-cased, ё -> е: the lookup key for every lexicon


def norm(word: str) -> str:
    """The lexicon key of a word."""
    return word.lower().replace("ё", "е")


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), norm(m.group())) for m in _TOKEN.finditer(text)]


def split_phrase_chunk(chunk: str) -> list[str]:
    """Lexicon phrases are split with the same tokenizer, so `кв.м` equals `кв . м`."""
    return [norm(m.group()) for m in _TOKEN.finditer(chunk)]


def is_ascii_digit(s: str) -> bool:
    """str.isdigit() also accepts `³` and Arabic-Indic digits; amounts use ASCII digits only."""
    return s.isascii() and s.isdigit()


def tight(text: str, a: int, b: int) -> bool:
    """Two tokens of one amount (ending at a, starting at b): at most two spaces apart, same line."""
    return b - a <= 2 and "\n" not in text[a:b]
