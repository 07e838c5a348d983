"""Expressions built from atoms: ranges (`2024-2028 гг.`, `с 1 по 5 июня`, `между 2013 и 2015 годами`)
and open intervals (`с 2013 года`, `до 2030 года`, `после 2020 года`).

Spans keep the words that change the meaning (`с`, `до`, `к`, `после`, `начиная с`, `между`) and leave
out plain locative prepositions (`в`, `во`, `на`, `за`), which add nothing to the interval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.nlp.dates import atoms, relative
from pipeline.nlp.dates.atom import Atom
from pipeline.nlp.dates.atoms import ordinal
from pipeline.nlp.dates.eras import century_number
from pipeline.nlp.dates.lexicon import Lexicon
from pipeline.nlp.dates.tokens import DMY, NUM, WORD, YMD, Tokens, after_aside, phrase_at, suffix
from pipeline.nlp.dates.years import attach_year, bare_year_ok, year_number, year_word
from pipeline.nlp.morph_vocab import morph_vocab

_PARSERS = {
    NUM: atoms.NUMBER_PARSERS,
    DMY: atoms.NUMERIC_DATE_PARSERS,
    YMD: atoms.NUMERIC_DATE_PARSERS,
    WORD: atoms.WORD_PARSERS + relative.WORD_PARSERS,
}


@dataclass(slots=True)
class Range:
    head: Atom
    tail: Atom
    first: int
    stop: int
    head_pivot: str | None = None  # `с конца 2019 ...`: which point of the head starts the range
    tail_pivot: str | None = None  # `... – начала XVIII века`: which point of the tail ends it
    tail_locative: str | None = None  # `... – начале мая`: the point of the tail if the head has one too


@dataclass(slots=True)
class Open:
    kind: str  # open_start | open_end
    atom: Atom
    first: int
    stop: int
    after: bool = False  # `после X`: starts the day after X ends
    pivot: str | None = None  # `до конца X` / `с середины X`: start | mid | end of X


Expr = Atom | Range | Open


def atom(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """The longest atom starting at token i."""
    best: Atom | None = None
    if i >= len(t):
        return None
    for parse in _PARSERS.get(t.kind[i], ()):
        a = parse(t, i, lex)
        if a is not None and (best is None or a.stop > best.stop):
            best = a
    if best is not None:
        _mark_future(best, t, lex)
    return best


_FUTURE_GRANS = ("month", "season", "quarter", "half")
_MAX_ITEMS = 12  # items in a coordinated list (`1, 2, 3 и 4 мая`)


def _mark_future(a: Atom, t: Tokens, lex: Lexicon) -> None:
    """`запланированы на осень`, `назначили на субботу`, `не раньше осени`: `на` (or a negated bound) + a
    year-less period names a planned time. Days are left alone: `по состоянию на 1 мая` usually looks back.
    Elsewhere a year-less month, season, quarter or half in a clause about the future (`в сентябре пройдёт
    выставка`, `в сентябре планируется`) is `planned`: the coming one, unless a history gives the year; a
    bare weekday takes its clause's tense too (`В понедельник доклад опубликовал`: the last Monday)."""
    if a.has_year():
        return
    if a.gran in _FUTURE_GRANS and not a.relative and t.low_at(a.first - 2) in lex.plan_modifiers:
        a.planned = True  # `предстоящих в сентябре выборов`
        return
    # `на декабрьской конференции`: before a month or weekday adjective `на` is a place, not a target, but
    # `к субботней игре` looks ahead (`причастность к мартовским терактам` need not); `в ночь на
    # воскресенье`: the night before that day, not a target
    prep = t.low_at(a.first - 1)
    if t.low[a.first] in lex.month_adjectives:
        target = False
    elif t.low[a.first] in lex.weekday_adjectives:
        target = prep in lex.by_preps
    else:
        target = prep in lex.future_preps and t.low_at(a.first - 2) not in lex.night_words
    if not target and not relative.negated_bound(t, a.first, lex):
        if a.weekday is not None and a.offset is None and prep != "до":
            # `В понедельник доклад опубликовал`: the last one; `до среды` is a deadline, ahead
            a.planned = relative.planned_day(t, a.first, lex)
            a.past = not a.planned and relative.past_clause(t, a.first, lex)
            return
        if a.relative or a.partial:
            return
        if a.gran in _FUTURE_GRANS and relative.planned_clause(t, a.first, lex):
            a.planned = True
        elif a.gran == "day" and a.month is not None and a.weekday is None:
            a.planned = relative.planned_day(t, a.first, lex)
        if not a.planned and a.gran in ("day", *_FUTURE_GRANS):
            a.past = relative.past_clause(t, a.first, lex)  # `Встреча прошла 20 мая`: the last 20 May
        return
    if (a.gran in _FUTURE_GRANS and not a.relative) or (a.weekday is not None and a.offset is None):
        a.future = True


def _partial_heads(t: Tokens, i: int, lex: Lexicon) -> list[Atom]:
    """Bare range heads that take the rest from the tail: `1` (по 5 июня), `2013` (по 2015 год),
    `XIX` (–XX вв.), `I` (–II кв.), `1980` (–1990-х), `20` (–30-е годы)."""
    heads: list[Atom] = []
    if i >= len(t):
        return heads
    if t.kind[i] == NUM:
        raw = t.raw[i]
        if len(raw) <= 2 and 1 <= int(raw) <= 31:  # `с 4-го по 13-е августа`: with a suffix too
            stop = suffix(t, i + 1, lex.day_suffixes) or i + 1
            heads.append(Atom("day", i, stop, day=int(raw), partial=True))
        if len(raw) == 2 and int(raw) % 10 == 0:  # `20–30-е годы`: the tail's century (_head_takes_century)
            heads.append(Atom("decade", i, i + 1, part=1900 + int(raw), partial=True))
        y = year_number(t, i, lex)
        if y is not None:
            stop = suffix(t, i + 1, lex.year_suffixes) or i + 1
            heads.append(Atom("year", i, stop, year=y, partial=True))
            if y % 10 == 0:
                heads.append(Atom("decade", i, i + 1, part=y, partial=True))
    c = century_number(t, i, lex)
    if c is not None:
        heads.append(Atom("century", i, c[0], part=c[1], partial=True))
    o = ordinal(t, i, lex, 4)
    if o is not None:
        heads.append(Atom("quarter", i, o[0], part=o[1], partial=True))
        if o[1] <= 2:
            heads.append(Atom("half", i, o[0], part=o[1], partial=True))
    return heads


def _heads(t: Tokens, i: int, lex: Lexicon, full: Atom | None) -> list[Atom]:
    heads = [full] if full is not None and not full.relative else []
    return heads + _partial_heads(t, i, lex)


def _compatible(head: Atom, tail: Atom) -> bool:
    if tail.relative or tail.partial:
        return False
    if head.partial:
        return head.gran == tail.gran
    # Full atoms of different granularity (`с 2013 года по март 2015 года`) need their own years.
    return head.gran == tail.gran or (head.year is not None and tail.year is not None)


def _ordered(head: Atom, tail: Atom) -> bool:
    """Reject ranges that run backwards (or stand still) when both ends carry explicit years."""
    if head.year is None or tail.year is None:
        return True
    for a in (head, tail):
        if a.gran in ("decade", "century"):
            return True
    h, tl = head.interval(head.year), tail.interval(tail.year)
    return h is not None and tl is not None and h[0] < tl[0]


def _head_takes_century(t: Tokens, head: Atom, tail: Atom) -> Atom:
    """`30-е–40-е годы XIX века`: a two-digit head decade takes the century named after the tail (1830s),
    as long as that keeps the range running forwards (`90-е – 2000-е` stays 1990s)."""
    if len(t.raw[head.first]) != 2 or head.part is None or tail.part is None:
        return head
    moved = tail.part // 100 * 100 + head.part % 100
    return replace(head, part=moved) if moved < tail.part else head


def _range_from(
    t: Tokens, first: int, j: int, joins: frozenset[str], lex: Lexicon, full: Atom | None = None
) -> Range | None:
    """A range whose head starts at token j; `full` is the atom at j when the caller has it already."""
    best: Range | None = None
    head_pivot = lex.period_modifiers.get(t.low_at(j)) if j > first else None  # not for dash ranges
    if head_pivot is not None:
        j += 1
        full = None
    if full is None:
        full = atom(t, j, lex)
    for head in _heads(t, j, lex, full):
        k = head.stop
        if t.low_at(k) == "и" and t.low_at(k + 1) in joins and first < j:
            k += 1  # `с 1996-го и до конца 2015 года`
        if t.low_at(k) not in joins or (t.low_at(k) == "/" and head.gran != "year"):
            continue
        tail_pivot = lex.period_modifiers.get(t.low_at(k + 1))
        # `в конце 2019 – начале 2020 года`: a locative modifier, all of the unit (as outside ranges)
        skip = tail_pivot is not None or t.low_at(k + 1) in lex.locative_modifiers
        tail = atom(t, k + 2 if skip else k + 1, lex) or _short_tail_year(t, head, k + 1, lex)
        if tail is None or not _compatible(head, tail):
            continue
        if head.gran == "century" and head.part is not None and head.part >= (tail.part or 0):
            continue
        if head.gran == "decade" and tail.gran == "decade":
            head = _head_takes_century(t, head, tail)
        if head.gran == "decade" and (head.part or 0) >= (tail.part or 0):
            continue
        if not _ordered(head, tail):
            continue
        if best is None or tail.stop > best.stop:
            locative = lex.locative_modifiers.get(t.low_at(k + 1))
            best = Range(head, tail, first, tail.stop, head_pivot, tail_pivot, locative)
    return best


def _short_tail_year(t: Tokens, head: Atom, k: int, lex: Lexicon) -> Atom | None:
    """`в 1992—93 годах`: two digits and a year word after a year's dash end a range in the head's century."""
    if head.gran != "year" or head.year is None or t.kind[k : k + 1] != [NUM] or len(t.raw[k]) != 2:
        return None
    stop = year_word(t, k + 1, lex)
    year = head.year // 100 * 100 + int(t.raw[k])
    return Atom("year", k, stop, year=year) if stop is not None and year > head.year else None


def _match_seq(t: Tokens, i: int, seqs: tuple[tuple[str, ...], ...]) -> int | None:
    for seq in seqs:
        if all(t.low_at(i + n) == w for n, w in enumerate(seq)):
            return i + len(seq)
    return None


def season_years(t: Tokens, i: int, lex: Lexicon) -> Range | None:
    """`в сезоне 2017/18`, `сезон-2016/2017`, `в академическом году 2014—2015`: a season or school year over
    two years, written after its noun."""
    joined = t.low_at(i + 1) == "/" or t.low_at(i + 1) in lex.dashes
    if not joined or not (t.adjacent(i + 1) and t.adjacent(i + 2)):  # adjacent() is False past the end
        return None
    a, raw = year_number(t, i, lex), t.raw[i + 2]
    if a is None or t.kind[i + 2] != NUM or len(raw) not in (2, 4) or raw != str(a + 1)[-len(raw) :]:
        return None
    noun, stop = (i - 2 if t.low_at(i - 1) in lex.dashes and t.adjacent(i) else i - 1), i + 3
    if t.low_at(noun) in lex.season_nouns:
        first = noun
    elif t.low_at(noun) in lex.year_words and t.low_at(noun - 1) in lex.year_adjectives:
        first = noun - 1  # `за учебный год 2016—2017`
    elif t.low_at(i + 3) in lex.year_adjectives and t.low_at(i + 4) in lex.year_words:
        first, stop = i, i + 5  # `в 2016/17 учебном году`
    elif t.low_at(i + 1) == "/":
        first = i  # `а в 2015/16 — 910 тыс.`: consecutive years joined by a slash, a school or sports year
    else:
        return None
    return Range(Atom("year", i, i + 1, year=a), Atom("year", i + 2, i + 3, year=a + 1), first, stop)


def leading_months(t: Tokens, i: int, lex: Lexicon) -> Range | None:
    """`первые шесть месяцев 2017 года`, `первых трёх кварталов 2018 года`: from January to the N-th month
    (quarter) of a year; only with the year written or named (`прошлого года`)."""
    c = relative.count_after(t, i + 1, lex)
    if c is None:
        return None
    n, j = c
    per = lex.leading_units.get(t.low_at(j))
    if per is None or n != int(n) or not 1 <= n * per <= 12:
        return None
    if per != 1 and t.low[i] in lex.leading_months_only and not t.low_at(j).endswith("ов"):
        return None  # `по итогам 2 квартала`: the second quarter; `по итогам трёх кварталов`: the first three
    a = attach_year(Atom("month", i, j + 1, month=1), t, lex)
    if not a.has_year():
        return None
    tail = Atom("month", a.stop - 1, a.stop, month=int(n * per), year=a.year, rel_year=a.rel_year)
    tail.anaphoric = a.anaphoric  # `первые три месяца того же года`
    first = i + 1 if t.low[i] not in lex.leading_in_span else i  # `за` stays out, as `в` does
    return Range(a, tail, first, a.stop)


def _since_ok(t: Tokens, a: Atom, lex: Lexicon) -> bool:
    """`с 2019 годом`, `с первым полугодием прошлого года` (instrumental) is `with`, not `since`."""
    return not any(t.low[k] in lex.instrumental for k in range(a.first, min(a.stop, len(t))))


def dash_range(t: Tokens, i: int, lex: Lexicon, full: Atom | None) -> Range | None:
    # Cheap look-ahead: no dash within the next few tokens, no dash range.
    if not any(t.low_at(k) in lex.dashes for k in range(i + 1, i + 8)):  # `1 сентября 2019 г. – ...`
        return None
    return _range_from(t, i, i, lex.dashes, lex, full)


def _season_across(r: Range | None) -> Expr | None:
    """A season before a range of years is that season in each: `летом 1941—1942 годов` runs from summer 1941
    to summer 1942, and `зимой 1917—1918 годов` is the one winter across the two years (December 1917 to
    February 1918)."""
    if r is None or r.head.gran != "season" or r.tail.gran != "year":
        return r
    if r.head.year is None or r.tail.year is None:
        return r
    if r.head.part == 0 and r.tail.year == r.head.year + 1:
        return Atom("season", r.first, r.stop, year=r.tail.year, part=0)
    tail = Atom("season", r.tail.first, r.tail.stop, year=r.tail.year, part=r.head.part)
    return Range(r.head, tail, r.first, r.stop, r.head_pivot, r.tail_pivot, r.tail_locative)


_PAREN_LOOKBACK = 12  # tokens back to the `(` of `(11 лет, 2003–2014)`


def bare_year_range(t: Tokens, i: int, lex: Lexicon) -> Range | None:
    """`(1877–1962)`, `(11 лет, 2003–2014)`: bare years closing a bracket, as after a name (life span) or a
    title, or after a comma inside one. Outside brackets two years at most _BARE_RANGE_YEARS apart after a
    preposition or a noun (`в 2008—2009`, `бюджета 2018—2020`, `ГПВ 2012–2020`), with no counted noun or
    unit after them (`2000—2010 человек`)."""
    if t.low_at(i + 1) not in lex.dashes:
        return None
    a, b = year_number(t, i, lex), year_number(t, i + 2, lex)
    if a is None or b is None or a >= b:
        return None
    after, opened = t.low_at(i + 3), t.low_at(i - 1) == "("
    in_bracket = opened or (t.low_at(i - 1) == "," and _inside_bracket(t, i - 1))
    closing = in_bracket and (after == ")" or (opened and after == ","))  # `(1994—1996, 1999—2000)`
    if not closing and not (b - a <= _BARE_RANGE_YEARS and _bare_range_lead(t, i, lex)):
        return None
    if not closing and not bare_year_ok(t, i + 3, lex):
        return None
    return Range(Atom("year", i, i + 1, year=a), Atom("year", i + 2, i + 3, year=b), i, i + 3)


_BARE_RANGE_YEARS = 30  # `в 2008—2009`; `2000—3000` is rather a count


def _genitive_noun(word: str) -> bool:
    """A genitive noun by its likeliest parse, or an abbreviation in capitals (`ГПВ`)."""
    if word.isupper() and len(word) > 1:
        return True
    try:
        p = morph_vocab().parse(word.lower())[0]
    except (ValueError, IndexError):
        return False
    return p.pos == "NOUN" and p.feats.get("Case") == "Gen"


def _bare_range_lead(t: Tokens, i: int, lex: Lexicon) -> bool:
    """A preposition of time, an abbreviation or a genitive noun (`бюджета`, `ГПВ`; not `Счёт`) right before
    token i."""
    w = t.low_at(i - 1)
    if i == 0 or t.kind[i - 1] != WORD or w in lex.number_markers:
        return False
    return w in lex.short_year_preps or _genitive_noun(t.raw[i - 1])


def _inside_bracket(t: Tokens, k: int) -> bool:
    """An opening bracket stands before token k on the same line, with no closing one between."""
    for j in range(k - 1, max(k - _PAREN_LOOKBACK, -1), -1):
        w = t.low[j]
        if w == ")" or "\n" in t.text[t.end[j] : t.start[j + 1]]:
            return False
        if w == "(":
            return True
    return False


def from_to_range(t: Tokens, i: int, lex: Lexicon) -> Range | None:
    """`с 2013 по 2015 год`, `с января по март 2020 года`, `между 2013 и 2015 годами`."""
    j = _match_seq(t, i, lex.range_heads)
    if j is not None and t.low_at(i - 1) in lex.night_words:
        r = _range_from(t, i, j, _NIGHT_JOINS, lex)  # `в ночь с 14 на 15 сентября`: the night over both days
        if r is not None:
            return r
    if j is not None:
        r = _range_from(t, i, j, lex.range_joins, lex)
        if r is not None:
            return r
    if t.low_at(i) in lex.between_heads:
        return _range_from(t, i, i + 1, lex.between_joins, lex)
    return None


_NIGHT_JOINS = frozenset({"на"})


def _open_atom(t: Tokens, j: int, lex: Lexicon) -> tuple[Atom | None, str | None]:
    """The atom after an interval preposition, with an optional `начала/середины/конца` before it."""
    pivot = lex.period_modifiers.get(t.low_at(j))
    if pivot is not None:  # `до конца 2020 года`, `с середины 2016 года`
        # `к концу бюджетного 2018 года`, `к концу календарного года`: the kind of year is no other date;
        # a school year starts in September (`с начала учебного года` is no calendar year)
        kind, year = t.low_at(j + 1), t.low_at(j + 2) in lex.year_words or t.kind[j + 2 : j + 3] == [NUM]
        k = j + 2 if kind in lex.year_adjectives and year and not kind.startswith("учебн") else j + 1
        a = atom(t, k, lex)
        if a is None:  # `до конца года`, `с начала месяца`: the current one, or the year of the story
            a = relative.implicit_unit(t, k, lex)
            if a is not None:
                a.implicit = True
        if a is None:  # `До конца осени благоустроят`: the season its clause's tense allows
            a = _bare_season(t, j + 1, lex)
            if a is not None:
                _mark_future(a, t, lex)
        return a, pivot
    if t.low_at(j) in lex.month_adjectives or t.low_at(j) in lex.weekday_adjectives:
        return None, None  # `к субботней игре`, `после декабрьской встречи`: the event's date, no bound
    deictic = lex.deictic_adjectives.get(t.low_at(j))
    if deictic is not None and deictic[0] == "day" and t.low_at(j + 1) in lex.day_unit_words:
        return Atom("day", j, j + 2, relative=True, offset=deictic[1]), None  # `С сегодняшнего дня`
    return atom(t, j, lex), None


def open_interval(t: Tokens, i: int, lex: Lexicon) -> Open | None:
    j = _match_seq(t, i, lex.open_end_preps) if t.low_at(i - 1) not in lex.since_not_after else None
    if j is not None:
        r = dash_range(t, j, lex, None) if t.kind[j : j + 1] == [NUM] else None
        if r is None and t.low_at(j) in lex.season_nouns:  # `начиная с сезона-1995/96`
            k = j + 2 if t.low_at(j + 1) in lex.dashes else j + 1
            r = season_years(t, k, lex) if t.kind[k : k + 1] == [NUM] else None
        if r is not None and r.head.gran == "year":  # `с 2010-2011 годов`: from the first of them
            return Open("open_end", r.head, i, r.stop)
        a, pivot = _open_atom(t, j, lex)
        if a is not None and _since_ok(t, a, lex):
            stop = _match_seq(t, a.stop, lex.present_tails) or a.stop  # `по настоящее время`
            return Open("open_end", a, i, stop, pivot=pivot)
    j = _match_seq(t, i, lex.open_after_preps)
    if j is not None:
        r = dash_range(t, j, lex, None)
        if r is not None:  # `после 2013–2014 годов`: from the day after the range ends
            return Open("open_end", r.tail, i, r.stop, after=True)
        a, pivot = _open_atom(t, j, lex)
        if a is not None:
            return Open("open_end", a, i, a.stop, after=True, pivot=pivot)
    j = _match_seq(t, i, lex.open_start_preps)
    if j is not None and t.low_at(i - 1) in lex.by_not_after:
        j = None  # `по отношению к февралю прошлого года`: compared with that month, no bound
    month = j is not None and t.kind[j : j + 1] == [WORD] and t.low[j] in lex.months
    if month and dash_range(t, j, lex, None):
        return None  # `на 63,8% к январю — апрелю 2014 года`: the months compared with, one range
    if j is not None:
        a, pivot = _new_year(t, i, j) or _open_atom(t, j, lex)
        era = a is not None and a.gran in ("decade", "century")
        # `относится к XII веку` belongs to it; `к концу X века` is by then
        if a is not None and not (era and t.low[i] in lex.by_preps and pivot is None):
            if not a.has_year() and not a.relative:  # `закрыть до 1 сентября`: a deadline, ahead, but
                a.past = relative.durative_past_clause(t, a.first, lex)  # `Заявки принимались до марта`
                a.future = not a.past
            return Open("open_start", a, i, a.stop, pivot=pivot)
    return None


def _new_year(t: Tokens, i: int, j: int) -> tuple[Atom, str] | None:
    """`до Нового года`: until the current (or the story's) year ends, like `до конца года`; not `к Новому
    году` nor `на Новый год` (the feast)."""
    if t.low[i] != "до" or t.low_at(j) != "нового" or t.low_at(j + 1) != "года":
        return None
    return Atom("year", j, j + 2, relative=True, offset=0, implicit=True), "end"


_PLURAL_YEAR_WORDS = frozenset({"годы", "годов", "годам", "годами", "годах", "гг"})


_SINGULAR_LIST_ITEMS = 3  # `в 1994, 1999, 2000, 2001 году`: enough numbers to be a list of years


def _listed_years(t: Tokens, i: int, k: int, lex: Lexicon) -> bool:
    """The comma-listed numbers from token i (commas only) end before a year word at token k: a plural says
    it is a list (`на 2018, 2019 годы`); a singular does with three items or more, counted back too."""
    if t.low_at(k) in _PLURAL_YEAR_WORDS:
        return True
    if t.low_at(k) not in lex.year_words:
        return False
    items = (k - i + 1) // 2
    j = i
    while j >= 2 and t.low_at(j - 1) == "," and t.kind[j - 2] == NUM:
        items, j = items + 1, j - 2
    return items >= _SINGULAR_LIST_ITEMS


def coordinated(t: Tokens, i: int, lex: Lexicon, full: Atom | None) -> Atom | None:
    """The first items of `в 2019 и 2020 годах`, `1, 2 и 3 мая`, `в январе и феврале 2020 года`:
    a bare head takes what it lacks from the last item. The other items are found when the scan
    reaches them."""
    heads = _heads(t, i, lex, full)
    if not heads:
        return None
    k = heads[0].stop if full is not None else i + 1
    k = after_aside(t, k)  # `22 апреля (первый тур) и 6 мая (второй тур) 2012 года`
    # At most a dozen items: a long list of numbers (a table) must not make the scan quadratic.
    limit = k + 2 * _MAX_ITEMS
    while t.low_at(k) == "," and k + 1 < len(t) and t.kind[k + 1] == t.kind[i] and k < limit:
        k += 2
    moved = t.low_at(k) == "на" and t.low_at(i - 1) in ("с", "со") and t.kind[i] == NUM  # `с 12 на 14 июня`
    if t.low_at(k) in lex.coordinators or moved:
        # `в конце ХХ и начале XXI века`: a locative modifier may stand before the last item too
        tail = atom(t, k + 2 if t.low_at(k + 1) in lex.locative_modifiers else k + 1, lex)
    elif k - 2 >= i and t.low_at(k - 2) == "," and _listed_years(t, i, k, lex):
        tail = atom(t, k - 1, lex)  # `на 2018, 2019, 2020 годы`: commas only
    else:
        return None
    if tail is None:
        return None
    for head in heads:
        if head.gran != tail.gran or not _compatible(head, tail) or head.stop > k:
            continue
        if head.gran == "day" and head.month is None:
            head.month = tail.month
        if not head.has_year() and head.gran not in ("decade", "century"):
            head.year, head.rel_year, head.anaphoric = tail.year, tail.rel_year, tail.anaphoric
            if head.gran == "day":  # `22, 23 и 24 марта` in a plan: as the last day
                head.planned = tail.planned
        head.partial = False
        return head
    return None


def _bare_season(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`осени` in `в начале осени`: a season noun that a locative modifier makes a date."""
    s = lex.seasons.get(t.low_at(i))
    return Atom("season", i, i + 1, part=s) if s is not None and t.kind[i] == WORD else None


_GLOSS_END = re.compile(r"\s*(?:\)|[.,]?\s*[—–-]\s*(?:RT|прим|ред))")  # `(10 ноября)`, `(15 марта. — RT)`


def with_date(t: Tokens, offset: Atom | None, lex: Lexicon) -> Atom | None:
    """`через год, 27 января`, `Неделей ранее, 6 октября`, `На следующий день, 20 августа 1960 года`: an
    offset followed by a day or month is one date; the offset chooses the year of a year-less one (years) or
    its side of the publication date (other units). A time of day may stand before the comma (`Завтра
    вечером, 20 января`); a weekday or a year needs none (`в прошлом году 25 мая`)."""
    if offset is None:
        return offset
    comma = offset.stop + (t.low_at(offset.stop) in lex.day_parts)
    bracket = t.low_at(comma) == "("  # `сегодня (10 ноября. — RT)`: the editors' gloss of a deictic word
    dash = t.low_at(comma) in lex.dashes  # `год спустя — 25 декабря 1998-го`
    if t.low_at(comma) == "," or bracket or dash:
        j = comma + 1
    elif (offset.weekday is not None or offset.gran == "year") and comma == offset.stop:
        j = comma  # `В понедельник 13 марта`, `в прошлом году 25 мая`: no comma needed
        if t.low_at(j) in ("в", "во") and t.low[offset.first].endswith(("ого", "его")):
            return offset  # `с аналогичным периодом прошлого года в январе — августе`: the period's year
    else:
        return offset
    a = atom(t, j + 1 if t.low_at(j) in ("в", "во") else j, lex)  # `годом раньше, в феврале 2014-го`
    if a is None or a.relative or a.gran not in ("day", "month"):
        return offset
    if j == comma and a.gran != "day" and offset.gran != "year":  # `в прошлом году в мае`: one month
        return offset
    if bracket and (a.gran != "day" or not _GLOSS_END.match(t.text, t.end[a.stop - 1])):
        return offset
    if dash and (a.gran != "day" or a.month is None) and not (a.gran == "month" and a.has_year()):
        return offset  # after a dash only a written day, or a month with its year, is the same date
    a.first = offset.first
    if a.has_year():  # `На следующий день, 20 августа 1960 года`
        return a
    if offset.gran == "year":
        a.rel_year = offset.offset
    elif (offset.offset or 0) > 0 and not offset.narrative:
        a.future = True  # `через год, 27 января`; a narrated `через неделю – 27 мая` is in the story's past
    return a


def expression(t: Tokens, i: int, lex: Lexicon) -> Expr | None:
    """The longest expression starting at token i (ranges before open intervals before atoms on ties)."""
    w = t.low[i]
    if w in lex.later_words or w in lex.story_later_words:
        return with_date(t, relative.later(t, i, lex), lex)
    if w in lex.locative_modifiers or (w in lex.target_modifiers and t.low_at(i - 1) in lex.target_preps):
        # `в конце марта`, `в начале 60-х годов`: the span keeps the word, the dates are all of X.
        e = _expression(t, i + 1, lex) if i + 1 < len(t) else None
        same = phrase_at(t, i + 1, lex.same_year_tails) if e is None else None
        if same is not None:
            e = Atom("year", i + 1, same, anaphoric=True)  # `в начале того же года`: the year told last
        if e is None:  # `в конце года`, `в начале недели`: the current unit; `в начале осени`: nearest
            e = relative.implicit_unit(t, i + 1, lex) or _bare_season(t, i + 1, lex)
            if e is not None:
                e.implicit = True
        if isinstance(e, (Atom, Range)) and e.first == i + 1:
            e.first = i
            if isinstance(e, Range) and e.tail_locative is not None and e.head_pivot is None:
                # `конце апреля — начале мая`: between two positions each picks its point of the unit
                e.head_pivot, e.tail_pivot = lex.locative_modifiers.get(w), e.tail_locative
            return e
        return None
    e = _expression(t, i, lex)
    if isinstance(e, Atom) and e.relative:  # `во вторник, 19 сентября`, `на следующий день, 20 августа`
        return with_date(t, e, lex)
    return _onward(t, e, lex)


_ONWARD_GRANS = ("day", "month", "season", "quarter", "half", "year")


def _onward(t: Tokens, e: Expr | None, lex: Lexicon) -> Expr | None:
    """`2020 год и далее`, `в 2001 году и позже`: a dated atom (not a bare `2008`) followed by `и далее/позже`
    is open_end from its start; `с 2019 года и далее` keeps its kind and takes the tail into the span."""
    if isinstance(e, Open) and e.kind == "open_end" and not e.after and e.stop == e.atom.stop:
        stop = _match_seq(t, e.stop, lex.onward_tails)
        if stop is not None and _onward_ends(t, stop, lex):
            e.stop = stop
        return e
    if not isinstance(e, Atom) or e.relative or e.gran not in _ONWARD_GRANS or not e.has_year():
        return e
    last = t.low_at(e.stop - 1)
    if e.gran == "year" and (last not in lex.year_words or last in lex.plural_year_words):
        return e  # `в 2008—2009 и позже`, `в 2015 и позже`: a bare number; `в 2019 и 2020 годах`: a list
    stop = _match_seq(t, e.stop, lex.onward_tails)
    return e if stop is None or not _onward_ends(t, stop, lex) else Open("open_end", e, e.first, stop)


def _onward_ends(t: Tokens, k: int, lex: Lexicon) -> bool:
    """`и позже` ends the phrase: not `и позже всех` (a comparison) nor `и позже поступил` (then, later)."""
    w = t.low_at(k)
    if w in lex.onward_not_before:
        return False
    if k >= len(t) or t.kind[k] != WORD:
        return True
    try:
        p = morph_vocab().parse(w)[0]
    except (ValueError, IndexError):
        return True
    return p.pos not in ("VERB", "AUX")


def _expression(t: Tokens, i: int, lex: Lexicon) -> Expr | None:
    a = atom(t, i, lex)
    found: list[Expr | None] = []
    if t.low[i] in lex.prep_first:
        found += [from_to_range(t, i, lex), open_interval(t, i, lex)]
    found += [_season_across(dash_range(t, i, lex, a)), a]
    if t.kind[i] == NUM:
        found += [season_years(t, i, lex), bare_year_range(t, i, lex)]  # on a tie the season keeps its noun
    elif t.low[i] in lex.leading_words:
        found.append(leading_months(t, i, lex))
    if a is None or not a.has_year():
        found.append(coordinated(t, i, lex, a))
    best: Expr | None = None
    for e in found:
        if e is not None and (best is None or e.stop > best.stop):
            best = e
    return best
