"""A weekend followed by its days is one date phrase (`прошедших выходных, 3 и 4 февраля`).

The annotation guide reads the apposition as one range over the days written, not three mentions: the rule
that each number sharing a unit gets a date is for lists, not for words that name the same days twice.
"""

from __future__ import annotations

import re

from pipeline.nlp.dates.lexicon import Lexicon
from pipeline.nlp.dates.mention import DateMention

_AFTER_WEEKEND = re.compile(r"\s*[,–—-]\s*")
_BETWEEN_DAYS = re.compile(r"\s*(?:,|и|–|—|-)\s*")
_MAX_DAYS = 3  # a weekend names two days, three with a holiday Friday or Monday


def join_weekend_days(text: str, found: list[DateMention], lex: Lexicon) -> list[DateMention]:
    """`found` (sorted) with each weekend and the resolved days written right after it made one range."""
    out: list[DateMention] = []
    i = 0
    while i < len(found):
        m = found[i]
        days = _days_after(text, found, i) if _is_weekend(m, lex) else []
        if days:
            out.append(
                DateMention(
                    m.start,
                    days[-1].end,
                    text[m.start : days[-1].end],
                    "range",
                    min(d.date_start for d in days),
                    max(d.date_end for d in days),
                    "day",
                    True,
                )
            )
            i += 1 + len(days)
        else:
            out.append(m)
            i += 1
    return out


def _is_weekend(m: DateMention, lex: Lexicon) -> bool:
    return m.kind == "relative" and m.text.split()[-1].lower() in lex.weekend_words


def _days_after(text: str, found: list[DateMention], i: int) -> list[DateMention]:
    """The resolved days and day ranges written right after found[i] (after a comma or a dash), joined by
    commas, `и` or dashes, when they name two days or more (one day after a weekend is already one date: see
    grammar.with_date)."""
    days: list[DateMention] = []
    gap = _AFTER_WEEKEND
    end = found[i].end
    for d in found[i + 1 : i + 1 + _MAX_DAYS]:
        if not gap.fullmatch(text, end, d.start) or d.granularity != "day" or d.date_start is None:
            break
        if d.kind not in ("date", "range") or d.date_end is None:
            break
        days.append(d)
        gap, end = _BETWEEN_DAYS, d.end
    if len(days) == 1 and days[0].kind == "date":
        return []
    return days
