"""Calendar atoms: days, months, quarters, halves and seasons as token patterns, and the parser
tables per token kind (years in years.py, decades and centuries in eras.py).

Each parser takes the token list and a start index and returns an `Atom` (with `stop`, the index after
its last token) or None. They fail on the first token that cannot start them, so trying all of them at
every candidate token stays cheap.
"""

from __future__ import annotations

import re

from pipeline.nlp.dates import intervals as iv
from pipeline.nlp.dates.atom import Atom
from pipeline.nlp.dates.eras import century, decade, roman
from pipeline.nlp.dates.lexicon import Lexicon
from pipeline.nlp.dates.relative import negated_bound
from pipeline.nlp.dates.tokens import (
    DMY,
    NUM,
    WORD,
    YMD,
    Tokens,
    abbr_dot,
    dating_adjective,
    is_title,
    suffix,
)
from pipeline.nlp.dates.verbs import finite_verb
from pipeline.nlp.dates.years import attach_year, year, year_at, year_number, year_word

# --- days and months ------------------------------------------------------------------------------


def month_word(t: Tokens, j: int, lex: Lexicon, abbr: bool) -> tuple[int, int] | None:
    """A month name at j: (stop, month). Abbreviations (`янв.`) only after a day number."""
    if j >= len(t) or t.kind[j] != WORD or is_title(t.raw[j]):
        return None
    m = lex.months.get(t.low[j])
    if m is not None:
        return j + 1, m
    if abbr:
        m = lex.month_abbr.get(t.low[j])
        if m is not None:
            return abbr_dot(t, j + 1), m
    return None


def day_month(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`30 мая`, `1-го июня`, `30 мая 2011 года`, `5 марта прошлого года`."""
    if t.kind[i] != NUM or len(t.raw[i]) > 2:
        return None
    d = int(t.raw[i])
    j = suffix(t, i + 1, lex.day_suffixes) or i + 1
    mw = month_word(t, j, lex, abbr=True)
    if mw is None or not iv.day_fits(d, mw[1]):
        return None
    a = attach_year(Atom("day", i, mw[0], month=mw[1], day=d), t, lex)
    if a.year is not None and iv.safe_date(a.year, a.month, d) is None:  # 29 февраля 2019
        a.year, a.stop = None, mw[0]
    # `11 февраля, в воскресенье`: the weekday names the same day
    s = a.stop
    if t.low_at(s) == "," and t.low_at(s + 1) in lex.weekday_preps and t.low_at(s + 2) in lex.weekdays:
        a.stop = s + 3
    return a


_RANK_LOOKAHEAD = 4  # tokens after `15-го` in which `место` makes it a rank


def bare_day(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`а 14-го финишировали`, `18-го числа`: a day whose month is the one mentioned last (filled in by
    extract.py). Not an ordinal of a noun (`15-го тура`, `44-го президента`): only punctuation, a few
    function words, a finite verb or `числа` may follow."""
    if t.kind[i] != NUM or len(t.raw[i]) > 2 or not 1 <= int(t.raw[i]) <= 31:
        return None
    j = suffix(t, i + 1, lex.bare_day_suffixes)
    if j is None and t.low_at(i + 1) in lex.bare_day_number_words:
        return Atom("day", i, i + 2, day=int(t.raw[i]), month_ref=True)  # `только 27 числа`
    if j is None:
        return None
    w = t.low_at(j)
    if any(t.low_at(k) in lex.rank_words for k in range(j, j + _RANK_LOOKAHEAD)):
        return None  # `переместилась с 15-го на 16-е место`: a rank
    if w in lex.bare_day_number_words:
        j += 1
    elif j < len(t) and (
        t.kind[j] == NUM or (t.kind[j] == WORD and w not in lex.bare_day_next and not finite_verb(w))
    ):
        return None
    return Atom("day", i, j, day=int(t.raw[i]), month_ref=True)


def numeric_date(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`30.05.2011`, `30/05/2011`, `30.05.11`, `2011-05-30` (one token each)."""
    k = t.kind[i]
    if k not in (DMY, YMD):
        return None
    marker = i - 2 if t.low_at(i - 1) == "." else i - 1
    if marker >= 0 and t.low[marker] in lex.section_markers:
        return None  # `ст. 20.3.11 кодекса`: a section of a law
    parts = re.split(r"[./-]", t.raw[i])
    if k == YMD:
        y, m, d = (int(p) for p in parts)
    else:
        d, m = int(parts[0]), int(parts[1])
        y = int(parts[2])
        if len(parts[2]) == 2:  # two-digit years: 00-49 -> 20xx, 50-99 -> 19xx
            y += 2000 if y < 50 else 1900
    if not iv.MIN_YEAR <= y <= iv.MAX_YEAR or iv.safe_date(y, m, d) is None:
        return None
    stop = year_word(t, i + 1, lex) or i + 1  # `30.05.2011 г.`
    return Atom("day", i, stop, year=y, month=m, day=d)


def month_edge_day(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`последний день января 2018 года`, `в первый день марта`: the last or first day of the month."""
    edge = lex.month_edge_days.get(t.low[i])
    if edge is None or t.low_at(i + 1) not in lex.day_unit_words:
        return None
    m = month(t, i + 2, lex)
    if m is None or m.gran != "month":
        return None
    day = 1 if edge == "first" else iv.month_end(m.year or 2001, m.month).day  # 2001: not a leap year
    return Atom("day", i, m.stop, year=m.year, rel_year=m.rel_year, month=m.month, day=day)


def month_first_date(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`Июл 22 2017`, `Янв 27, 2018` (social-media embeds): month, day, year; the year is required."""
    if t.kind[i] != WORD:
        return None
    low = t.low[i]
    m = lex.months.get(low) or lex.month_abbr.get(low)
    if m is None:
        return None
    j = abbr_dot(t, i + 1)
    if j >= len(t) or t.kind[j] != NUM or len(t.raw[j]) > 2:
        return None
    d = int(t.raw[j])
    k = j + 2 if t.low_at(j + 1) == "," else j + 1
    y = year_number(t, k, lex)
    if y is None or iv.safe_date(y, m, d) is None:
        return None
    return Atom("day", i, k + 1, year=y, month=m, day=d)


def month(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`мае`, `мае 2019 года`, `марте прошлого года`; `Май 2019` only with its year."""
    if t.kind[i] != WORD:
        return None
    m = lex.months.get(t.low[i])
    if m is None:
        return None
    if i > 0 and t.kind[i - 1] == NUM:  # `35 мая`, `2000 марта`: a failed day, not a month
        return None
    a = attach_year(Atom("month", i, i + 1, month=m), t, lex)
    if is_title(t.raw[i]) and a.year is None:
        return None
    return a


def month_adjective(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`На декабрьской конференции`: the month of an event, as `в декабре`. Lower case only, or first in
    its sentence (`Октябрьская революция`, `Майский район` are names), and not before the nouns of
    lex.month_adjective_not_before (`майские праздники`, `майские указы`)."""
    m = lex.month_adjectives.get(t.low[i]) if t.kind[i] == WORD else None
    if m is None or not dating_adjective(t, i, lex.month_adjective_not_before):
        return None
    return Atom("month", i, i + 1, month=m, year=_year_of_phrase(t, i + 1, lex))


_GENITIVE_YEAR = frozenset({"года", "г"})  # `переворота 2014 года`, `переворота 2014 г.`
_PHRASE_YEAR_REACH = 4  # words between a month adjective and `в 2015 году` of its noun phrase


def _year_of_phrase(t: Tokens, j: int, lex: Lexicon) -> int | None:
    """`ноябрьских терактов в Париже в 2015 году`, `февральского переворота 2014 года`: the year told in the
    noun phrase of a month adjective (a genitive year right after its words, or `в` + a year)."""
    for k in range(j, min(j + _PHRASE_YEAR_REACH + 1, len(t) - 1)):
        if k > j and t.kind[k] == NUM:
            found = year_at(t, k, lex)
            return found[1] if found is not None and t.low_at(k + 1) in _GENITIVE_YEAR else None
        if t.kind[k] != WORD:
            return None
        if t.low[k] in ("в", "во") and t.kind[k + 1] == NUM:
            found = year_at(t, k + 1, lex)
            return found[1] if found is not None else None
    return None


# --- quarters, halves, seasons --------------------------------------------------------------------


def ordinal(t: Tokens, i: int, lex: Lexicon, top: int) -> tuple[int, int] | None:
    """`втором`, `II`, `2-м`, `2`: (stop, n) with 1 <= n <= top."""
    if i >= len(t):
        return None
    k = t.kind[i]
    n: int | None = None
    stop = i + 1
    if k == WORD:
        n = lex.ordinals.get(t.low[i])
        if n is None:
            n = roman(t, i, lex)
    elif k == NUM and len(t.raw[i]) == 1:
        if i > 0 and t.adjacent(i) and t.low[i - 1] in ("/", ",", "."):  # `1/2 квартала`, `1,5 квартала`
            return None
        n = int(t.raw[i])
        stop = suffix(t, i + 1, lex.ordinal_suffixes) or stop
    if n is None or not 1 <= n <= top:
        return None
    return stop, n


def quarter(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`втором квартале 2020 года`, `II кв.`, `1-й квартал`."""
    o = ordinal(t, i, lex, 4)
    if o is None:
        return None
    j, q = o
    w = t.low_at(j)
    if w in lex.quarter_words:
        stop = j + 1
    elif w in lex.quarter_abbr:
        stop = abbr_dot(t, j + 1)
        if t.low_at(stop) in lex.quarter_abbr_not_before:  # `2 кв. м`: square metres
            return None
    else:
        return None
    return _counted_or_ordinal(attach_year(Atom("quarter", i, stop, part=q), t, lex), t, j, lex)


def _counted_or_ordinal(a: Atom, t: Tokens, unit: int, lex: Lexicon) -> Atom | None:
    """`2 квартала подряд` counts quarters; `2 квартала 2019 года`, `2 квартале` name one."""
    bare = t.kind[a.first] == NUM and unit == a.first + 1
    if bare and t.low[unit] not in lex.bare_digit_units and not a.has_year():
        return None
    return a


def half(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`первое полугодие 2019 года`, `во втором полугодии`, `I полугодие`."""
    o = ordinal(t, i, lex, 2)
    if o is None or t.low_at(o[0]) not in lex.half_words:
        return None
    a = attach_year(Atom("half", i, o[0] + 1, part=o[1]), t, lex)
    if t.low[o[0]] in lex.half_words_need_year and not a.has_year():  # `во второй половине дня`
        in_month = month(t, o[0] + 1, lex) if o[0] + 1 < len(t) else None
        if in_month is not None:  # `в первой половине января 2018 года`: days 1-15
            in_month.first, in_month.half_of = i, o[1]
            return in_month
        era = century(t, o[0] + 1, lex) or decade(t, o[0] + 1, lex)  # `первой половины XX века`, `1950-х`
        if era is None or era.rel_century is not None:
            return None
        return Atom(era.gran, i, era.stop, part=era.part, half_of=o[1])
    return _counted_or_ordinal(a, t, o[0], lex)


def season(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`летом 2019 года`, `осенью прошлого года`, `зимой` (adverb alone), `лето 2019 года`."""
    s = lex.seasons.get(t.low[i])
    if s is None:
        return None
    a = attach_year(Atom("season", i, i + 1, part=s), t, lex)
    # `жаркое лето` is not a date; `летом`, `на осень`, `до весны` are.
    if (
        not a.has_year()
        and t.low[i] not in lex.season_adverbs
        and t.low_at(i - 1) not in lex.season_preps
        and not negated_bound(t, i, lex)
    ):
        return None
    return a


NUMBER_PARSERS = (day_month, bare_day, year, quarter, half, decade, century)
NUMERIC_DATE_PARSERS = (numeric_date,)
WORD_PARSERS = (
    month,
    month_adjective,
    month_edge_day,
    month_first_date,
    quarter,
    half,
    season,
    decade,
    century,
)
