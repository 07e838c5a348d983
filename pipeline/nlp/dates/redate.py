"""Read parts of a text again against a day of their own: quotations and posts dated in the text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from pipeline.nlp.dates.mention import DateMention

Extract = Callable[[str, date | None], list[DateMention]]


def redated(
    text: str, found: list[DateMention], windows: Iterable[tuple[int, int, date]], extract: Extract
) -> list[DateMention]:
    """`found` with the relative dates inside each window [a, b) resolved against the window's day."""
    replaced: dict[tuple[int, int], DateMention] = {}
    for a, b, day in windows:
        inside = [m for m in found if a <= m.start and m.end <= b and m.kind == "relative"]
        if not inside:
            continue
        again = {(m.start + a, m.end + a): m for m in extract(text[a:b], day)}
        for m in inside:
            new = again.get((m.start, m.end))
            if new is not None and new.kind == "relative":
                replaced[(m.start, m.end)] = replace(new, start=new.start + a, end=new.end + a)
    if not replaced:
        return found
    return [replaced.get((m.start, m.end), m) for m in found]


def one_day(m: DateMention) -> bool:
    return m.date_start is not None and m.date_start == m.date_end
