"""Deictic expressions, meaningful only against the publication date: `вчера`, `в прошлом году`,
`на этой неделе`, `в субботу`, `прошлым летом`."""

from __future__ import annotations

from pipeline.nlp.dates.atom import Atom
from pipeline.nlp.dates.lexicon import Lexicon
from pipeline.nlp.dates.tokens import WORD, Tokens


def _unit(w: str, lex: Lexicon) -> str | None:
    if w in lex.year_words:
        return "year"
    if w in lex.month_unit_words:
        return "month"
    if w in lex.week_words:
        return "week"
    if w in lex.quarter_words:
        return "quarter"
    if w in lex.half_words:
        return "half"
    if w in lex.century_words:
        return "century"
    return None


def relative_day(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`вчера`, `сегодня`, `позавчера`."""
    off = lex.relative_days.get(t.low[i]) if t.kind[i] == WORD else None
    return Atom("day", i, i + 1, relative=True, offset=off) if off is not None else None


def relative_unit(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`прошлом году`, `этом месяце`, `следующей неделе`, `текущем квартале`, `прошлого века`."""
    off = lex.modifiers.get(t.low[i])
    if off is None:
        return None
    w = t.low_at(i + 1)
    unit = _unit(w, lex)
    if unit is not None:
        return Atom(unit, i, i + 2, relative=True, offset=off)
    s = lex.seasons.get(w)
    if s is not None:  # `прошлым летом` = the summer of last year
        return Atom("season", i, i + 2, part=s, relative=True, offset=off)
    return weekday(t, i, lex)


def implicit_unit(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`года` in `до конца года`: the current unit. Only called after `начала/середины/конца`."""
    unit = _unit(t.low_at(i), lex)
    if unit is None or unit == "century":
        return None
    return Atom(unit, i, i + 1, relative=True, offset=0)


def weekday(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`в субботу`, `в прошлую пятницу`, `во вторник`: the preposition is required (and left out of the
    span) because `среда`, `пятница` are also ordinary nouns."""
    off: int | None = lex.modifiers.get(t.low[i])
    j = i + 1 if off is not None else i
    wd = lex.weekdays.get(t.low_at(j))
    if wd is None or t.low_at(i - 1) not in lex.weekday_preps or t.low_at(j + 1) in lex.weekday_not_before:
        return None
    return Atom("day", i, j + 1, relative=True, offset=off, weekday=wd)


WORD_PARSERS = (relative_day, relative_unit, weekday)
