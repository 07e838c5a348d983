"""The scan: tokenize, try the grammar at trigger tokens only, keep the leftmost-longest expressions."""

from __future__ import annotations

from datetime import date, datetime

from pipeline.nlp.dates.grammar import expression
from pipeline.nlp.dates.lexicon import Lexicon, lexicon
from pipeline.nlp.dates.mention import DateMention
from pipeline.nlp.dates.resolve import to_mention
from pipeline.nlp.dates.tokens import WORD, Tokens, tokenize


def _is_trigger(t: Tokens, i: int, lex: Lexicon) -> bool:
    """Can an expression start here? Numbers, numeric dates, month/season/relative words, interval
    prepositions and upper-case words (Roman numerals). Everything else is skipped without parsing."""
    k = t.kind[i]
    if k == WORD:
        return t.low[i] in lex.triggers or t.raw[i].isupper()
    return k != "punct"


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
    i, n = 0, len(t)
    while i < n:
        if not _is_trigger(t, i, lex):
            i += 1
            continue
        e = expression(t, i, lex)
        if e is None:
            i += 1
            continue
        m = to_mention(e, t, pub)
        if m is not None:
            out.append(m)
        i = e.stop
    return out
