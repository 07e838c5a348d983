"""The output record of the dates extractor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

KINDS = (
    "date",
    "month",
    "year",
    "decade",
    "century",
    "quarter",
    "half",
    "season",
    "range",
    "open_start",
    "open_end",
    "relative",
)
GRANULARITIES = ("day", "month", "quarter", "half", "season", "year", "decade", "century")


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression: `text == source[start:end]`; `date_end` is inclusive.

    `resolved` is False when the expression needs a publication date that was not given (`30 мая`,
    `в прошлом году`); then both dates are None (or the known one only, never a guessed one).
    """

    start: int
    end: int
    text: str
    kind: str
    date_start: date | None
    date_end: date | None
    granularity: str | None
    resolved: bool
