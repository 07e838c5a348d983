"""Calendar arithmetic: the inclusive date interval of a unit, and choosing a year for a year-less date."""

from __future__ import annotations

import calendar as _cal
from collections.abc import Callable
from datetime import date, timedelta

Interval = tuple[date, date]

MIN_YEAR, MAX_YEAR = 1000, 2100
FAR_YEAR = 9999  # `2242 год`: later years need a year word (years.py)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def day_fits(day: int, month: int) -> bool:
    """Could `day` exist in `month` in some year (29 February counts)."""
    return 1 <= month <= 12 and 1 <= day <= _cal.monthrange(2000, month)[1]


def months(year: int, first: int, last: int) -> Interval:
    return date(year, first, 1), month_end(year, last)


def year_span(year: int) -> Interval:
    return date(year, 1, 1), date(year, 12, 31)


def quarter(year: int, q: int) -> Interval:
    return months(year, 3 * q - 2, 3 * q)


def half(year: int, h: int) -> Interval:
    return months(year, 6 * h - 5, 6 * h)


def season(year: int, s: int) -> Interval | None:
    """0 winter .. 3 autumn. Winter of year Y is December Y-1 .. February Y (the winter that Y's
    January and February belong to), the meteorological convention."""
    if s == 0:
        if year - 1 < 1:
            return None
        return date(year - 1, 12, 1), month_end(year, 2)
    return months(year, 3 * s, 3 * s + 2)


def decade(first_year: int) -> Interval:
    return date(first_year, 1, 1), date(first_year + 9, 12, 31)


def century(n: int) -> Interval:
    """The n-th century by its hundreds digit, as readers and docs/annotation_guide.md take it: XXI =
    2000..2099 (not the calendar 2001..2100)."""
    return date(max(1, 100 * (n - 1)), 1, 1), date(100 * n - 1, 12, 31)


def century_of(year: int) -> int:
    """The century a year belongs to, by its hundreds digit (2000 -> 21)."""
    return year // 100 + 1


def week(day: date, offset: int) -> Interval:
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=offset)
    return monday, monday + timedelta(days=6)


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + offset
    return k // 12, k % 12 + 1


def distance(span: Interval, published: date) -> int:
    """How far `span` is from `published`, in days; the future costs double because news mostly
    reports what has happened."""
    start, end = span
    if start <= published <= end:
        return 0
    if end < published:
        return (published - end).days
    return 2 * (start - published).days


def nearest(candidates: list[Interval | None], published: date) -> Interval | None:
    """The candidate closest to `published` (first one on ties)."""
    best: Interval | None = None
    best_cost = 0
    for span in candidates:
        if span is None:
            continue
        cost = distance(span, published)
        if best is None or cost < best_cost:
            best, best_cost = span, cost
    return best


def nearest_year(
    make: Callable[[int], Interval | None],
    published: date,
    future: bool = False,
    grace: int = 0,
    past: bool = False,
) -> Interval | None:
    """Resolve a year-less expression: try the publication year and its neighbours (with `future`,
    only those not over more than `grace` days before the publication date; with `past`, only those that
    start by the publication date, if any)."""
    y = published.year
    spans = [_guard(make, y - 1), _guard(make, y), _guard(make, y + 1)]
    if future:
        spans = [s for s in spans if s is not None and (published - s[1]).days <= grace]
    elif past:
        spans = [s for s in spans if s is not None and s[0] <= published] or spans
    return nearest(spans, published)


def _guard(make: Callable[[int], Interval | None], year: int) -> Interval | None:
    if not 1 <= year <= 9999:
        return None
    try:
        return make(year)
    except (ValueError, OverflowError):
        return None
