"""Calendar atoms: one day, month, year, quarter, half, season, decade or century, as token patterns.

Each parser takes the token list and a start index and returns an `Atom` (with `stop`, the index after
its last token) or None. They fail on the first token that cannot start them, so trying all of them at
every trigger token stays cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.nlp.dates import intervals as iv
from pipeline.nlp.dates.lexicon import Lexicon
from pipeline.nlp.dates.tokens import DMY, NUM, WORD, YMD, Tokens

_ROMAN_RE = re.compile(r"^(X{0,2})(IX|IV|V?I{0,3})$")
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10}


@dataclass(slots=True)
class Atom:
    gran: str  # day | month | quarter | half | season | year | decade | century | week
    first: int
    stop: int
    year: int | None = None
    rel_year: int | None = None  # year given as `прошлого года`: offset from the publication year
    month: int | None = None
    day: int | None = None
    part: int | None = None  # quarter / half / season number, decade's first year, century number
    relative: bool = False  # deictic (`вчера`, `в прошлом году`): kind 'relative'
    offset: int | None = None  # for relative atoms; None for a bare weekday (`в субботу`)
    weekday: int | None = None
    partial: bool = False  # a bare range head (`с 1 по 5 июня`): not a date on its own
    future: bool = False  # year-less after `на` / `до` (`перенесли на август`): resolve forwards

    def has_year(self) -> bool:
        return self.year is not None or self.rel_year is not None

    def interval(self, year: int) -> iv.Interval | None:
        """The span of a calendar atom in `year` (its own year when it has one)."""
        g = self.gran
        if g == "day":
            d = iv.safe_date(year, self.month or 0, self.day or 0)
            return (d, d) if d else None
        if not iv.MIN_YEAR <= year <= iv.MAX_YEAR + 1:
            return None
        if g == "month":
            return iv.months(year, self.month, self.month)
        if g == "quarter":
            return iv.quarter(year, self.part)
        if g == "half":
            return iv.half(year, self.part)
        if g == "season":
            return iv.season(year, self.part)
        if g == "year":
            return iv.year_span(year)
        return None


# --- small token helpers -------------------------------------------------------------------------


def is_title(raw: str) -> bool:
    """Capitalised but not all caps: `Марта` (a name, a street `8 Марта`), not `МАРТА`."""
    return raw[:1].isupper() and not raw.isupper()


def suffix(t: Tokens, j: int, allowed: frozenset[str]) -> int | None:
    """`-го`, `-е`, `-х` glued to the previous token: the index after it."""
    if (
        j + 1 < len(t)
        and t.low[j] in ("-", "–")
        and t.adjacent(j)
        and t.adjacent(j + 1)
        and t.low[j + 1] in allowed
    ):
        return j + 2
    return None


def abbr_dot(t: Tokens, j: int) -> int:
    """Skip the dot of an abbreviation (`г.`, `кв.`) when it is glued to it."""
    return j + 1 if t.low_at(j) == "." and t.adjacent(j) else j


def year_word(t: Tokens, j: int, lex: Lexicon) -> int | None:
    w = t.low_at(j)
    if w in lex.year_words:
        return j + 1
    if w in lex.year_abbr and t.kind[j] == WORD:
        return abbr_dot(t, j + 1)
    return None


def year_number(t: Tokens, i: int, lex: Lexicon) -> int | None:
    if i >= len(t) or t.kind[i] != NUM or len(t.raw[i]) != 4:
        return None
    if t.low_at(i - 1) in lex.number_markers:  # `№ 2019`: a document number
        return None
    v = int(t.raw[i])
    return v if iv.MIN_YEAR <= v <= iv.MAX_YEAR else None


@cache
def _morph():  # loaded only when a bare year needs a second look (rare); natasha wraps pymorphy2
    from natasha import MorphVocab

    return MorphVocab()


@cache
def _counted_noun(word: str) -> bool:
    """`человек`, `новых` after a number: a genitive plural noun/adjective, so the number counts them."""
    try:
        parses = _morph().parse(word)
    except ValueError:  # pymorphy2 calls unicodedata.name(), which fails on letters without a name
        return False
    for p in parses:
        if p.pos in ("NOUN", "ADJ") and p.feats.get("Number") == "Plur" and p.feats.get("Case") == "Gen":
            return True
    return False


def bare_year_ok(t: Tokens, j: int, lex: Lexicon) -> bool:
    """Is a 4-digit number without `год` after it still a year? Not when units or counted nouns follow."""
    w = t.low_at(j)
    if w in lex.not_year_after:
        return False
    if j < len(t) and t.kind[j] == NUM and t.adjacent(j):
        return False
    if j < len(t) and t.kind[j] == WORD and t.raw[j].islower() and len(w) > 2:
        return not _counted_noun(w)
    return True


# --- years ----------------------------------------------------------------------------------------


def year_at(t: Tokens, i: int, lex: Lexicon, need_word: bool = True) -> tuple[int, int] | None:
    """`2019 году`, `2019 г.`, `2019-м`, and (need_word=False) a bare `2019`: (stop, year)."""
    y = year_number(t, i, lex)
    if y is None:
        return None
    j = i + 1
    s = suffix(t, j, lex.year_suffixes)
    if s is not None:
        w = year_word(t, s, lex)
        return (w if w is not None else s), y
    w = year_word(t, j, lex)
    if w is not None:
        return w, y
    if t.low_at(j) in lex.year_adjectives and t.low_at(j + 1) in lex.year_words:  # `2018 финансовый год`
        return j + 2, y
    if need_word or not bare_year_ok(t, j, lex):
        return None
    return j, y


def rel_year_at(t: Tokens, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """`прошлого года`, `этого года`: (stop, offset)."""
    off = lex.modifiers.get(t.low_at(i))
    if off is not None and t.low_at(i + 1) in lex.year_words:
        return i + 2, off
    return None


def attach_year(a: Atom, t: Tokens, lex: Lexicon) -> Atom:
    """Extend an atom by a following year (`мая 2019 года`) or relative year (`мая прошлого года`)."""
    y = year_at(t, a.stop, lex, need_word=False)
    if y is not None:
        a.stop, a.year = y
        return a
    r = rel_year_at(t, a.stop, lex)
    if r is not None:
        a.stop, a.rel_year = r
    return a


def year(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    y = year_at(t, i, lex)
    return Atom("year", i, y[0], year=y[1]) if y else None


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
    return a


def numeric_date(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`30.05.2011`, `30/05/2011`, `30.05.11`, `2011-05-30` (one token each)."""
    k = t.kind[i]
    if k not in (DMY, YMD):
        return None
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


# --- quarters, halves, seasons --------------------------------------------------------------------


def roman(t: Tokens, i: int, lex: Lexicon) -> int | None:
    """An upper-case Roman numeral (Cyrillic look-alikes such as `ХХI` folded): its value."""
    if i >= len(t) or t.kind[i] != WORD:
        return None
    raw = t.raw[i]
    if not raw.isupper() or len(raw) > 6:
        return None
    s = "".join(lex.roman_lookalikes.get(ch, ch) for ch in raw.lower()).upper()
    if not s or not _ROMAN_RE.match(s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN_VALUE[a]
        total += -v if b != " " and _ROMAN_VALUE[b] > v else v
    return total


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
    return _counted_or_ordinal(attach_year(Atom("half", i, o[0] + 1, part=o[1]), t, lex), t, o[0], lex)


def season(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`летом 2019 года`, `осенью прошлого года`, `зимой` (adverb alone), `лето 2019 года`."""
    s = lex.seasons.get(t.low[i])
    if s is None:
        return None
    a = attach_year(Atom("season", i, i + 1, part=s), t, lex)
    # `жаркое лето` is not a date; `летом`, `на осень`, `до весны` are.
    if not a.has_year() and t.low[i] not in lex.season_adverbs and t.low_at(i - 1) not in lex.season_preps:
        return None
    return a


# --- decades and centuries ------------------------------------------------------------------------


def _decade_context(t: Tokens, i: int, lex: Lexicon) -> bool:
    return t.low_at(i - 1) in lex.decade_context


def decade(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`1990-е годы`, `1990-х`, `90-х годов`, `в 90-е`, `в девяностые`."""
    k = t.kind[i]
    if k == WORD:
        first = lex.decade_words.get(t.low[i])
        if first is None:
            return None
        stop = i + 1
        short = True
    elif k == NUM and len(t.raw[i]) in (2, 4) and t.raw[i].endswith("0"):
        if t.low_at(i - 1) in lex.number_markers:
            return None
        v = int(t.raw[i])
        s = suffix(t, i + 1, lex.decade_suffixes)
        if s is None:
            return None
        stop = s
        short = len(t.raw[i]) == 2
        if short:
            first = lex.two_digit_decades.get(t.raw[i], lex.two_digit_decades["_default"] + v)
        else:
            first = v
            if not iv.MIN_YEAR <= v <= iv.MAX_YEAR:
                return None
    else:
        return None
    w = year_word(t, stop, lex)
    if w is None and short and not _decade_context(t, i, lex):  # `90-е место`: not a decade
        return None
    if w is None and t.low_at(stop) in lex.decade_not_before:  # `в 20-х числах марта`
        return None
    return Atom("decade", i, w or stop, part=first)


def century_number(t: Tokens, i: int, lex: Lexicon) -> tuple[int, int, bool] | None:
    """(stop, n, is_roman) for `XXI`, `ХХ` (Cyrillic), `21`, `21-го`."""
    if i >= len(t):
        return None
    if t.kind[i] == NUM and len(t.raw[i]) <= 2:
        n = int(t.raw[i])
        stop = suffix(t, i + 1, lex.ordinal_suffixes) or i + 1
        is_roman = False
    else:
        r = roman(t, i, lex)
        if r is None:
            return None
        n, stop, is_roman = r, i + 1, True
    return (stop, n, is_roman) if 1 <= n <= 21 else None


def century(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`XXI век`, `в XX веке`, `XIX в.` (the dot is required: `Николай II в Москве`), `21-го века`."""
    c = century_number(t, i, lex)
    if c is None:
        return None
    j, n, is_roman = c
    w = t.low_at(j)
    if w in lex.century_words:
        stop = j + 1
    elif is_roman and w in lex.century_abbr and t.low_at(j + 1) == "." and t.adjacent(j + 1):
        stop = j + 2
    else:
        return None
    return Atom("century", i, stop, part=n)


# Parsers worth trying per token kind (the others would fail on the first token anyway).
NUMBER_PARSERS = (day_month, year, quarter, half, decade, century)
NUMERIC_DATE_PARSERS = (numeric_date,)
WORD_PARSERS = (month, month_first_date, quarter, half, season, decade, century)
