"""The parsed form of one calendar or relative unit, before it is turned into dates."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.nlp.dates import intervals as iv


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
    planned: bool = False  # year-less in a future-tense or plan clause: forwards, unless in a history
    past: bool = False  # year-less in a past-tense clause (`прошла 20 мая`): not after the publication
    anaphoric: bool = False  # `в сентябре того же года`: the year last mentioned
    rel_century: int | None = None  # a decade of `прошлого века`: century offset from the publication
    implicit: bool = False  # `в конце года`: the current unit, or the year of the story (resolve.py)
    month_ref: bool = False  # `а 14-го`, `18-го числа`: the month is the one mentioned last (extract.py)
    half_of: int | None = None  # `первой половины XX века`, `второй половине 1950-х`, `января`: 1 or 2
    window: bool = False  # `в последние два года`: from `offset` units before the reference date to it
    narrative: bool = False  # `двумя днями раньше`, `Накануне`: counted from the date just told, if any
    needs_anchor: bool = False  # `Через год страны договорились`: only a date just told can anchor it

    def has_year(self) -> bool:
        return self.year is not None or self.rel_year is not None or self.anaphoric

    def interval(self, year: int) -> iv.Interval | None:
        """The span of a calendar atom in `year` (its own year when it has one)."""
        g = self.gran
        if g == "day":
            d = iv.safe_date(year, self.month or 0, self.day or 0)
            return (d, d) if d else None
        if not 1 <= year <= iv.FAR_YEAR:  # `с 879 года`, `2242 год` (years.py); the parsers bound the rest
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
