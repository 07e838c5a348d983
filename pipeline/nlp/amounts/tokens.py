"""A cheap regex tokenizer: numbers, words (hyphenated words kept whole) and single other characters.

razdel would also work, but amounts need a different cut (`18%` -> `18`, `%`; `1,5` kept whole) and a single
compiled regex is several times faster; offsets always index the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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


def trie_regex(words: Iterable[str]) -> str:
    """A compact alternation for many `norm`ed words (a character trie), much faster than `a|b|c|...`.

    `е` also matches `ё`, the inverse of norm().
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        alts = [
            ("[её]" if ch == "е" else re.escape(ch)) + walk(child) for ch, child in sorted(node.items()) if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return walk(trie)


def tokenize_windows(text: str, anchors: re.Pattern[str], before: int, after: int) -> list[Token]:
    """Tokens only of the windows around anchor matches: the prefilter that keeps long texts cheap.

    Windows are widened to whitespace so no token is cut; tokens keep their offsets in `text`, and tokens
    of two windows are never `tight` unless only whitespace lies between them.
    """
    tokens: list[Token] = []
    lo = hi = -1
    n = len(text)
    for m in anchors.finditer(text):
        a, b = max(0, m.start() - before), min(n, m.end() + after)
        if a <= hi:
            hi = max(hi, b)
            continue
        if hi > lo:
            tokens.extend(_tokens_between(text, lo, hi))
        lo, hi = a, b
    if hi > lo:
        tokens.extend(_tokens_between(text, lo, hi))
    return tokens


def _tokens_between(text: str, a: int, b: int) -> list[Token]:
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and not text[b].isspace():
        b += 1
    return [Token(m.start(), m.end(), m.group(), norm(m.group())) for m in _TOKEN.finditer(text, a, b)]
