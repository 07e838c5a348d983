"""Turning parsed expressions into date intervals, against the publication date when one is needed.

Year-less calendar dates (`30 мая`, `в марте`, `во втором квартале`) take the year that puts them
nearest to the publication date, the future counting double (see intervals.distance); relative
expressions count from the publication date. Without a publication date both stay unresolved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pipeline.nlp.dates import intervals as iv
from pipeline.nlp.dates.atom import Atom
from pipeline.nlp.dates.grammar import Expr, Open, Range
from pipeline.nlp.dates.mention import DateMention
from pipeline.nlp.dates.tokens import Tokens

_KIND = {"day": "date"}


@dataclass(slots=True)
class Context:
    """What the text before an expression says about its year (filled in by extract.py).

    last_year: the explicit year mentioned last (for `того же года`); story_year: that year when it is
    in the same paragraph and more than a year away from the publication date, so that year-less dates
    of a history (`В 1941 году ... 22 июня`) take it instead of the publication year; anchor: the date
    told last, which narrative offsets (`двумя днями раньше`) count from.
    """

    last_year: int | None = None
    story_year: int | None = None
    anchor: tuple[date, str] | None = None  # the date just told (first day, granularity)


# The granularity a narrative offset needs of its anchor: `двумя днями раньше` needs a day, `годом раньше`
# a year, month or day.
_ANCHOR_GRANS = {
    "day": ("day",),
    "week": ("day",),
    "month": ("day", "month"),
    "year": ("day", "month", "year"),
}


def _reference(a: Atom, pub: date | None, ctx: Context | None) -> date | None:
    """What a relative atom counts from: the date the text just told for a narrative offset that fits it
    (`19 марта ... Накануне` -> 18 March), else the publication date."""
    if a.narrative and ctx is not None and ctx.anchor is not None:
        day, gran = ctx.anchor
        if gran in _ANCHOR_GRANS.get(a.gran, ()):
            return day
    return pub


_GRAN_ORDER = ("day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade", "century")


def _relative(a: Atom, pub: date) -> iv.Interval | None:
    g, off = a.gran, a.offset
    if a.window:
        return _window_start(g, off or 0, pub), pub
    if g == "weekend" and off is None:  # `в выходные`: the Saturday its clause's tense picks, and its Sunday
        saturday = _weekday(5, None, pub, a.future or a.planned, a.past)[0]
        return saturday, saturday + timedelta(days=1)
    if a.weekday is not None:
        return _weekday(a.weekday, off, pub, a.future or a.planned, a.past)
    off = off or 0
    if g == "day":
        d = pub + timedelta(days=off)
        return d, d
    if g == "week":
        return iv.week(pub, off)
    if g == "weekend":
        return _weekend(pub, off)
    if g == "month" and a.month is not None:  # `в прошлом августе`: the last August before this month
        y = pub.year
        if off < 0:
            y = pub.year if a.month < pub.month else pub.year - 1
            y += off + 1
        elif off > 0:
            y = pub.year if a.month > pub.month else pub.year + 1
            y += off - 1
        return iv.months(y, a.month, a.month)
    if g == "month":
        y, m = iv.shift_month(pub.year, pub.month, off)
        return iv.months(y, m, m)
    if g == "quarter":
        y, m = iv.shift_month(pub.year, 3 * ((pub.month - 1) // 3) + 1, 3 * off)
        return iv.quarter(y, (m - 1) // 3 + 1)
    if g == "half":
        y, m = iv.shift_month(pub.year, 6 * ((pub.month - 1) // 6) + 1, 6 * off)
        return iv.half(y, (m - 1) // 6 + 1)
    if g == "year":
        return iv.year_span(pub.year + off)
    if g == "century":
        return iv.century(iv.century_of(pub.year) + off)
    if g == "season":
        # December already belongs to the next year's winter.
        base = pub.year + 1 if a.part == 0 and pub.month == 12 else pub.year
        return iv.season(base + off, a.part or 0)
    return None


def _weekend(pub: date, off: int) -> iv.Interval:
    """The last weekend ended before pub (off < 0), the one of pub's week (0), or the next one starting
    after pub (off > 0)."""
    saturday = iv.week(pub, 0)[0] + timedelta(days=5)
    if off < 0 and saturday + timedelta(days=1) >= pub:
        saturday -= timedelta(weeks=1)
    elif off > 0 and saturday <= pub:
        saturday += timedelta(weeks=1)
    return saturday, saturday + timedelta(days=1)


def _half(span: iv.Interval, half: int | None) -> iv.Interval:
    """The first or second half of a decade or century (`второй половине 1950-х` -> 1955-1959)."""
    if half is None:
        return span
    years = (span[1].year - span[0].year + 1) // 2
    first = span[0].year + years * (half - 1)
    return date(first, 1, 1), date(first + years - 1, 12, 31)


def _window_start(gran: str, off: int, pub: date) -> date:
    """The first day of a window `off` days or months back from pub (the same day of that month, or its
    last day when shorter)."""
    if gran == "day":
        return pub + timedelta(days=off)
    y, m = iv.shift_month(pub.year, pub.month, off)
    return date(y, m, min(pub.day, iv.month_end(y, m).day))


def _weekday(wd: int, off: int | None, pub: date, future: bool, past: bool = False) -> iv.Interval:
    if off is None and future:  # `на субботу`, `в субботу пройдёт`: the next one (today included)
        d = pub + timedelta(days=(wd - pub.weekday()) % 7)
        return d, d
    if off is None and past:  # `в субботу прошла`: the last one (today included)
        d = pub - timedelta(days=(pub.weekday() - wd) % 7)
        return d, d
    if off is None:  # `в субботу`: the nearest one, past preferred
        days = [pub + timedelta(days=k) for k in range(-6, 7) if (pub.weekday() + k) % 7 == wd]
        best = iv.nearest([(d, d) for d in days], pub)
        assert best is not None
        return best
    if off < 0:  # `в прошлую субботу`: the last one strictly before the publication day
        back = (pub.weekday() - wd) % 7 or 7
        d = pub - timedelta(days=back + 7 * (-off - 1))
    else:  # `в эту субботу` (this week), `в следующую субботу` (next week)
        d = iv.week(pub, off)[0] + timedelta(days=wd)
    return d, d


def atom_span(a: Atom, pub: date | None, ctx: Context | None = None) -> iv.Interval | None:
    span = _atom_span(a, pub, ctx)
    if span is None or a.gran != "month" or a.half_of is None:
        return span
    # `в первой половине января`: the 1st to the 15th, then the 16th to the month's end
    mid = span[0].replace(day=15)
    return (span[0], mid) if a.half_of == 1 else (mid + timedelta(days=1), span[1])


def _atom_span(a: Atom, pub: date | None, ctx: Context | None = None) -> iv.Interval | None:
    if a.anaphoric:  # `того же года`: the year last mentioned, if any
        return a.interval(ctx.last_year) if ctx is not None and ctx.last_year is not None else None
    if a.implicit and a.gran == "year" and ctx is not None and ctx.story_year is not None:
        return iv.year_span(ctx.story_year)  # `В 1917 году ... Вернувшись в конце года`: that year
    if a.relative:
        ref = _reference(a, pub, ctx)
        if ref is None:
            return None
        try:
            return _relative(a, ref)
        except (ValueError, OverflowError):  # a publication date at the edge of the calendar
            return None
    if a.gran == "decade":
        if a.rel_century is not None:  # `90-х годов прошлого века`: which century needs the publication date
            if pub is None:
                return None
            n = iv.century_of(pub.year) + a.rel_century
            return iv.decade(100 * (n - 1) + (a.part or 0) % 100)
        return _half(iv.decade(a.part or 0), a.half_of)
    if a.gran == "century":
        return _half(iv.century(a.part or 1), a.half_of)
    if a.year is not None:
        return a.interval(a.year)
    if pub is None:
        return None
    if a.rel_year is not None:
        return a.interval(pub.year + a.rel_year)
    # a history gives its year, but a plan cannot lie before the publication (`практику 2016 года ...
    # 18 марта получит`): an earlier story year is ignored for it
    story = ctx.story_year if ctx is not None else None
    if story is not None and not a.future and not (a.planned and story < pub.year):
        return a.interval(story)
    if a.planned and a.gran == "day":
        if a.month == pub.month:  # as with months, a day of the publication month stays in its year
            return a.interval(pub.year)
        # a day announced shortly before it was published (`28 февраля пройдёт`, published 2 March) stays
        return iv.nearest_year(a.interval, pub, future=True, grace=_PLANNED_DAY_GRACE)
    return iv.nearest_year(a.interval, pub, future=a.future or a.planned, past=a.past)


# A planned day up to this many days before the publication date is the day just gone (an announcement
# published late), not the same day a year on.
_PLANNED_DAY_GRACE = 3


def _inherit(head: Atom, tail: Atom) -> None:
    """`с 1 по 5 июня 2020 года`: the head takes the month and year of the tail (and vice versa for
    a year written only on the head: `с 30 мая 2011 года по 5 июня`)."""
    if head.gran == "day" and head.month is None:
        head.month = tail.month
    if not head.has_year() and tail.has_year():
        head.year, head.rel_year, head.anaphoric = tail.year, tail.rel_year, tail.anaphoric
        head.partial = True  # marks the year as borrowed: may step back one year
    elif not tail.has_year() and head.has_year() and tail.gran not in ("decade", "century"):
        tail.year, tail.rel_year, tail.anaphoric = head.year, head.rel_year, head.anaphoric


def range_span(r: Range, pub: date | None, ctx: Context | None = None) -> iv.Interval | None:
    head, tail = r.head, r.tail
    _inherit(head, tail)
    fixed = ("decade", "century")
    if head.gran not in fixed and not head.has_year() and tail.gran not in fixed and not tail.has_year():
        if pub is None:
            return None

        def both(y: int) -> iv.Interval | None:
            t = tail.interval(y)
            h = head.interval(y)
            if h is not None and t is not None and h[0] > t[1]:  # `с 25 декабря по 10 января`
                h = head.interval(y - 1)
            if h is None or t is None:
                return None
            start, end = _point(h, r.head_pivot or "start"), _point(t, r.tail_pivot or "end")
            return (start, end) if start <= end else None

        if ctx is not None and ctx.story_year is not None:
            return both(ctx.story_year)
        return iv.nearest_year(both, pub)
    t = atom_span(tail, pub, ctx)
    h = atom_span(head, pub, ctx)
    if h is not None and t is not None and h[0] > t[1] and head.partial and head.year is not None:
        h = head.interval(head.year - 1)
    if h is None or t is None or h[0] > t[1]:
        return None
    start = _point(h, r.head_pivot or "start")
    end = _point(t, r.tail_pivot or "end")
    return (start, end) if start <= end else None


def _point(span: iv.Interval, pivot: str) -> date:
    if pivot == "start":
        return span[0]
    if pivot == "end":
        return span[1]
    years = span[1].year - span[0].year + 1
    if years >= 10:  # `с середины 1960-х`, `середины XIX века`: the first day of the middle year
        return date(span[0].year + years // 2, 1, 1)
    if span == iv.year_span(span[0].year):  # `к середине 2017 года`: the first day of the second half
        return date(span[0].year, 7, 1)
    return span[0] + (span[1] - span[0]) // 2


def _gran(a: Atom) -> str | None:
    return None if a.gran in ("week", "weekend") else a.gran


def to_mention(e: Expr, t: Tokens, pub: date | None, ctx: Context | None = None) -> DateMention | None:
    start, end = t.start[e.first], t.end[e.stop - 1]
    text = t.text[start:end]
    if isinstance(e, Range):
        span = range_span(e, pub, ctx)
        grans = sorted((e.head.gran, e.tail.gran), key=_GRAN_ORDER.index)
        return DateMention(start, end, text, "range", *(span or (None, None)), grans[0], span is not None)
    if isinstance(e, Open):
        span = atom_span(e.atom, pub, ctx)
        ds = de = None
        if span is not None and e.after and span[1] == date.max:  # `после` the last representable day
            span = None
        if span is not None:
            default = "end" if e.after or e.kind == "open_start" else "start"
            point = _point(span, e.pivot or default)
            if e.kind == "open_start":
                de = point
            else:
                ds = point + timedelta(days=1) if e.after else point
        return DateMention(start, end, text, e.kind, ds, de, _gran(e.atom), span is not None)
    span = atom_span(e, pub, ctx)
    kind = "relative" if e.relative else _KIND.get(e.gran, e.gran)
    return DateMention(start, end, text, kind, *(span or (None, None)), _gran(e), span is not None)
