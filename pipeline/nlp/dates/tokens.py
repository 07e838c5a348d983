"""A cheap regex tokenizer: numbers, words, numeric dates as single tokens, single punctuation marks.

razdel would do, but the grammar needs only these four classes and this is several times faster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Numeric dates are one token so that a phone number or version string cannot be read piecewise:
# no digit, dot, slash or colon may touch them on either side.
_TOKEN_RE = re.compile(
    r"(?P<dmy>(?<![\d.,/:\-])\d{1,2}(?P<sep>[./])\d{1,2}(?P=sep)(?:\d{4}|\d{2})(?!\d|[.,/:\-]\d))"
    r"|(?P<ymd>(?<![\d.,/:\-])\d{4}-\d{2}-\d{2}(?!\d|[.,/:\-]\d))"
    r"|(?P<num>\d+)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<punct>\S)"
)

NUM, DMY, YMD, WORD, PUNCT = "num", "dmy", "ymd", "word", "punct"

# A sentence ends at one of these marks followed by a space (searched in raw text, not in tokens).
SENTENCE_END = re.compile(r"[.!?…]\s")

# The endings of full adjectives, longest first (for the regexes that build on them).
ADJECTIVE_ENDINGS = (
    *("ыми", "ими", "ого", "его", "ому", "ему", "ый", "ий", "ая", "яя", "ое", "ее"),
    *("ые", "ие", "ой", "ей", "ую", "юю", "ым", "им", "ых", "их", "ом", "ем"),
)
_KIND = {"sep": DMY}  # lastgroup may name the inner separator group of a numeric date


@dataclass(slots=True)
class Tokens:
    text: str
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    low: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.start)

    def adjacent(self, i: int) -> bool:
        """True when token i starts right where token i-1 ends (no space between)."""
        return 0 < i < len(self.start) and self.start[i] == self.end[i - 1]

    def low_at(self, i: int) -> str:
        return self.low[i] if 0 <= i < len(self.low) else ""


_LOOKALIKE_WORDS = {"c": "с"}


def tokenize(text: str) -> Tokens:
    # List comprehensions over one finditer pass: this runs on every character of every document.
    ms = list(_TOKEN_RE.finditer(text))
    raw = [m.group() for m in ms]
    low = [r.lower() for r in raw]
    if "ё" in text or "Ё" in text:
        low = [w.replace("ё", "е") for w in low]
    if "c" in low:  # `C 2012 года`, `C 1 февраля`: a Latin look-alike typed for the preposition `с`
        low = [_LOOKALIKE_WORDS.get(w, w) for w in low]
    return Tokens(
        text,
        start=[m.start() for m in ms],
        end=[m.end() for m in ms],
        raw=raw,
        low=low,
        kind=[_KIND.get(m.lastgroup, m.lastgroup) for m in ms],
    )


# --- small helpers the grammar uses on token lists ---------------------------------------------


def is_title(raw: str) -> bool:
    """Capitalised but not all caps: `Марта` (a name, a street `8 Марта`), not `МАРТА`."""
    return raw[:1].isupper() and not raw.isupper()


_SUFFIX_DASHES = frozenset({"-", "–", "\u2011"})  # U+2011: the non-breaking hyphen of `2011‑м`


def suffix(t: Tokens, j: int, allowed: frozenset[str]) -> int | None:
    """`-го`, `-е`, `-х` glued to the previous token: the index after it."""
    if (
        j + 1 < len(t)
        and t.low[j] in _SUFFIX_DASHES
        and t.adjacent(j)
        and t.adjacent(j + 1)
        and t.low[j + 1] in allowed
    ):
        return j + 2
    return None


def phrase_at(t: Tokens, i: int, seqs: tuple[tuple[str, ...], ...]) -> int | None:
    """One of the word sequences `seqs` at token i (`того же года`, `как правило`): the index after it."""
    for seq in seqs:
        if all(t.low_at(i + n) == w for n, w in enumerate(seq)):
            return i + len(seq)
    return None


_ASIDE_WORDS = 4  # words in a bracketed aside a date may step over: `6 мая (второй тур) 2012 года`


def after_aside(t: Tokens, k: int) -> int:
    """The index after a short bracketed aside of words at token k (`(первый тур)`), else k."""
    if t.low_at(k) != "(":
        return k
    for j in range(k + 1, min(len(t), k + 2 + _ASIDE_WORDS)):
        if t.low[j] == ")":
            return j + 1 if j > k + 1 else k
        if t.kind[j] != WORD:
            return k
    return k


def abbr_dot(t: Tokens, j: int) -> int:
    """Skip the dot of an abbreviation (`г.`, `кв.`) when it is glued to it."""
    return j + 1 if t.low_at(j) == "." and t.adjacent(j) else j


def _opens_sentence(t: Tokens, i: int) -> bool:
    """Token i starts the text, a sentence or a line."""
    return i == 0 or t.low[i - 1] in (".", "!", "?", "…") or "\n" in t.text[t.end[i - 1] : t.start[i]]


def dating_adjective(t: Tokens, i: int, not_before: frozenset[str]) -> bool:
    """Token i, an adjective of a month or weekday, dates the noun after it (`На декабрьской конференции`):
    lower case, or first in its sentence (`Октябрьская революция`, `Майский район` are names), before a
    lower-case word that is not one of `not_before` (`майские праздники`, `воскресной школы`)."""
    if i + 1 >= len(t) or t.kind[i + 1] != WORD:
        return False
    if not t.raw[i][0].islower() and not _opens_sentence(t, i):
        return False
    return t.raw[i + 1][0].islower() and t.low[i + 1] not in not_before
