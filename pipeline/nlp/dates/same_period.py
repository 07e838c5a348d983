"""`к аналогичному периоду 2017 года`: the period just told, in another year.

Economic news compares a period with the same one a year before (`доходы за январь–февраль 2018 года
снизились на 0,8% к аналогичному периоду 2017 года`): the year mention after `аналогичный период` names the
months of the period told just before, not the whole year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cache

from pipeline.nlp.dates import intervals as iv
from pipeline.nlp.dates.lexicon import Lexicon
from pipeline.nlp.dates.mention import DateMention

_BACK_CHARS = 300  # how far back the period told may end
_PERIOD_GRANS = frozenset({"day", "month", "quarter", "half", "season"})
# a year-less period told without a publication date (`За февраль ... чем за аналогичный период 2017 года`)
# is placed in the year after `аналогичный период`: the same months in every year
_CALENDAR_GRANS = frozenset({"month", "quarter", "half"})


@cache
def _heads(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"(?:{alternatives})\w*\s+период\w*\s+$", re.IGNORECASE)


Extract = Callable[[str, date | None], list[DateMention]]


def same_periods(text: str, found: list[DateMention], lex: Lexicon, extract: Extract) -> list[DateMention]:
    """`found` with each year after `аналогичный период` narrowed to the period told before it."""
    heads = _heads(tuple(lex.same_period_words))
    out: list[DateMention] = []
    for m in found:
        head = heads.search(text, max(0, m.start - 40), m.start)
        told = out[-1] if out else None
        if head and told and m.granularity == "year" and m.date_start:
            year = m.date_start.year
            told = _placed(text, told, year, extract)
            if _fits(told, m, text):
                m = _narrowed(text, m, told, year, head.start())
        out.append(m)
    return out


def _narrowed(text: str, m: DateMention, told: DateMention, year: int, start: int) -> DateMention:
    """The year mention m (from `аналогичный период` at `start`) as the told period in that year."""
    ds, de = _in_year(told.date_start, year), _in_year(told.date_end, year)
    kind = m.kind if m.kind == "relative" else told.kind
    return replace(m, start=start, text=text[start : m.end], kind=kind, date_start=ds, date_end=de,
                   granularity=told.granularity)  # fmt: skip


def _placed(text: str, told: DateMention, year: int, extract: Extract) -> DateMention:
    """An unresolved year-less month, quarter or half (or months of the current year: `за пять месяцев этого
    года`) read again as told in `year`, with the words just before it (its last day as the publication
    date: the period is then that year's); any other mention as it is."""
    if told.date_start is not None or told.granularity not in _CALENDAR_GRANS or told.kind == "relative":
        return told  # `для этого месяца`: which month is not told
    start = max(0, told.start - _LEAD_CHARS)
    again = [a for a in extract(text[start : told.end], date(year, 12, 31)) if a.end + start == told.end]
    if len(again) != 1 or again[0].granularity != told.granularity or again[0].date_start is None:
        return told
    return replace(told, date_start=again[0].date_start, date_end=again[0].date_end)


_LEAD_CHARS = 16  # the words before a period that make it one (`За пять месяцев`, `по итогам`)


def _fits(told: DateMention, m: DateMention, text: str) -> bool:
    """The period told ends shortly before, in the same paragraph, is resolved and within one year."""
    if told.date_start is None or told.date_end is None or told.granularity not in _PERIOD_GRANS:
        return False
    if m.start - told.end > _BACK_CHARS or "\n" in text[told.end : m.start]:
        return False
    return told.date_start.year == told.date_end.year


def _in_year(d: date, year: int) -> date:
    """The same day in `year`; a month's last day stays one (28 February 2018 -> 29 February 2016)."""
    if d == iv.month_end(d.year, d.month):
        return iv.month_end(year, d.month)
    return iv.safe_date(year, d.month, d.day) or iv.month_end(year, d.month)
