"""`по сравнению с предыдущим периодом`: the unit before the period just told.

Company and budget news compares a figure of a period with the one before it (`улучшив свои показатели в
2017 году почти на 23% по сравнению с предыдущим периодом`): the phrase names the year (quarter, month, half)
before the one told last in the same paragraph, as `предыдущим годом` would. Without a period told nearby it
stays vague and is left out, as the plural `в предыдущие периоды` always is.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from pipeline.nlp.dates import intervals as iv
from pipeline.nlp.dates.lexicon import Lexicon
from pipeline.nlp.dates.mention import DateMention

_BACK_CHARS = 300  # how far back the period told may end
_MONTHS_OF = {"year": 12, "half": 6, "quarter": 3, "month": 1}
_CUE_CHARS = 40  # how far before the phrase its comparison cue may stand


@cache
def _phrase(stems: tuple[str, ...]) -> re.Pattern[str]:
    # singular forms only: `предыдущим периодом`, `предыдущего периода`, `за предыдущий период`
    return re.compile(rf"(?<!\w)(?:{'|'.join(stems)})\w*\s+период(?:а|у|ом|е)?(?!\w)", re.IGNORECASE)


@cache
def _cue(cues: tuple[str, ...]) -> re.Pattern[str]:
    """A comparison cue ending the text before the phrase: `по сравнению с`, `показатели`."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(cues)})\w*\s+$", re.IGNORECASE)


def previous_periods(text: str, found: list[DateMention], lex: Lexicon) -> list[DateMention]:
    """`found` with a relative mention for each `предыдущий период` right after a dated period."""
    if "период" not in text:
        return found  # cheap test: most texts have no period at all
    out = list(found)
    cue = _cue(tuple(lex.previous_period_cues))
    for match in _phrase(tuple(lex.previous_period_stems)).finditer(text):
        if not cue.search(text, max(0, match.start() - _CUE_CHARS), match.start()):
            continue  # `Предыдущий период низкой инфляции`, `даже в предыдущий период`: not a comparison
        told = _told_before(found, match.start(), text)
        if told is not None and not any(m.start < match.end() and match.start() < m.end for m in found):
            out.append(_before(*told, match.start(), match.end(), text))
    return sorted(out, key=lambda m: m.start)


def _told_before(found: list[DateMention], at: int, text: str) -> tuple[date, str] | None:
    """The start and granularity of the dated period told right before `at` in its paragraph."""
    before = [m for m in found if m.end <= at]
    if not before:
        return None
    told = before[-1]
    if at - told.end > _BACK_CHARS or "\n" in text[told.end : at] or told.granularity not in _MONTHS_OF:
        return None
    if told.kind not in ("year", "half", "quarter", "month", "relative"):
        return None  # a range or an open interval has no single length to step back by
    if told.date_start is None or told.granularity is None:
        return None  # `в прошлом году` with no publication date: the period before it is as vague
    return told.date_start, told.granularity


def _before(told_start: date, granularity: str, start: int, end: int, text: str) -> DateMention:
    """The unit (of the told period's granularity) that ends the day before the told period starts."""
    year, month = iv.shift_month(told_start.year, told_start.month, -_MONTHS_OF[granularity])
    day_before = told_start - timedelta(days=1)
    return DateMention(
        start, end, text[start:end], "relative", date(year, month, 1), day_before, granularity, True
    )
