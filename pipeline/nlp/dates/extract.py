"""The scan: tokenize, try the grammar at trigger tokens only, keep the leftmost-longest expressions."""

from __future__ import annotations

from datetime import date, datetime

from pipeline.nlp.dates import relative
from pipeline.nlp.dates.grammar import expression
from pipeline.nlp.dates.lexicon import Lexicon, lexicon
from pipeline.nlp.dates.mention import DateMention
from pipeline.nlp.dates.resolve import to_mention
from pipeline.nlp.dates.tokens import Tokens, tokenize

_ROMAN_CHARS = frozenset("IVXХІ")
_ROMAN_FIRST = frozenset("ivxхі")


def _candidates(t: Tokens, lex: Lexicon) -> list[int]:
    """Token indices where an expression can start: numbers, numeric dates, month/season/relative words,
    interval prepositions and upper-case Roman numerals. One comprehension, no parsing elsewhere."""
    trig = lex.triggers
    raw = t.raw
    return [
        i
        for i, w in enumerate(t.low)
        if w in trig
        or w[0].isdigit()
        or (w[0] in _ROMAN_FIRST and raw[i].isupper() and set(raw[i]) <= _ROMAN_CHARS)
    ]


def _as_date(published: date | datetime | None) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    return published if isinstance(published, date) else None


def extract_dates(text: str, published: date | None = None) -> list[DateMention]:
    """All date expressions of `text`, sorted and non-overlapping (see DateMention)."""
    if not text:
        return []
    lex = lexicon()
    pub = _as_date(published)
    t = tokenize(text)
    out: list[DateMention] = []
    done = 0  # tokens before this index belong to an expression already found
    for i in _candidates(t, lex):
        if i < done:
            continue
        if t.low[i] in lex.ago_words:  # `пять лет назад`: the expression ends here, it starts before
            e = relative.ago(t, i, lex)
            if e is None or e.first < done:
                continue
        else:
            e = expression(t, i, lex)
        if e is None:
            continue
        m = to_mention(e, t, pub)
        if m is not None:
            out.append(m)
        done = e.stop
    return out
