"""Long texts -> pieces of at most ~100k characters, cut at paragraph or sentence boundaries.

The language models and matchers scale badly (memory, time) with input length, and an article of 20 MB, or
a line of several MB with no newline, must not reach them whole. Stages run each piece on its own and shift
the offsets they find by the piece's start, so rows still index `documents.text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_CHARS = 100_000

# Best cut first: a paragraph break, a line break, a sentence end, any space. Each pattern's match ends where
# the next piece starts, so the separator stays with the piece before it.
_BOUNDARIES = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?…»\"')\]]+\s+"),
    re.compile(r"\s+"),
)


@dataclass(frozen=True)
class Chunk:
    start: int  # offset of text[0] in the document
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def chunk_text(text: str, max_chars: int = MAX_CHARS) -> list[Chunk]:
    """Pieces covering `text` exactly, in order, each at most `max_chars` long (one piece if it fits)."""
    return list(iter_chunks(text, max_chars))


def iter_chunks(text: str, max_chars: int = MAX_CHARS) -> Iterator[Chunk]:
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    start, n = 0, len(text)
    while n - start > max_chars:
        cut = _cut(text, start, start + max_chars)
        yield Chunk(start, text[start:cut])
        start = cut
    if start < n or n == 0:
        yield Chunk(start, text[start:])


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the next piece: the last good boundary in the back half of text[start:limit]."""
    floor = start + (limit - start) // 2  # never cut so early that pieces get tiny
    window = text[floor:limit]
    for pattern in _BOUNDARIES:
        last = None
        for last in pattern.finditer(window):  # noqa: B007 - we want the last match
            pass
        if last is not None and last.end() > 0 and floor + last.end() <= limit:
            return floor + last.end()
    cut = limit
    # No space at all (a base64 blob, a CJK run without spaces): cut anywhere but inside "\r\n" or a
    # surrogate pair, so no piece starts with half a character.
    if text[cut - 1 : cut + 1] == "\r\n" or "\ud800" <= text[cut - 1] <= "\udbff":
        cut -= 1
    return cut
