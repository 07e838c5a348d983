"""Deictic words in a dated quotation count from the quotation's date, not the publication's (the guide).

`29 декабря 1925 года ... писал: «Умер Сергей Есенин. Убил себя вчера ночью…»` is 28 December 1925;
`«Сегодня правительство урегулирует вопрос», – сказал он на воскресном заседании` is that Sunday. The
quotation's date is a single day told in the same sentence as its opening quote mark, before it, or just
after its closing one. The quotation is then read again with that day as its publication date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from pipeline.nlp.dates.mention import DateMention
from pipeline.nlp.dates.redate import Extract, one_day, redated
from pipeline.nlp.dates.tokens import SENTENCE_END

_QUOTE = re.compile(r"«([^«»]{10,3000})»")
_INTRODUCED = re.compile(r":\s*«$")
_ATTRIBUTED = re.compile(r"»\s*,?\s*[–—-]")  # `», – сказал он`
_AFTER_CHARS = 80  # `», – сказал он на воскресном заседании`: how far after the quote its date may start


def date_quotations(text: str, found: list[DateMention], extract: Extract) -> list[DateMention]:
    """`found` with the relative dates inside dated quotations resolved against the quotation's day."""
    if "«" not in text or not any(m.kind == "relative" for m in found):
        return found
    return redated(text, found, _dated_quotations(text, found), extract)


def _dated_quotations(text: str, found: list[DateMention]) -> Iterator[tuple[int, int, date]]:
    for quote in _QUOTE.finditer(text):
        a, b = quote.span(1)
        if not any(a <= m.start and m.end <= b and m.kind == "relative" for m in found):
            continue
        day = _quotation_day(text, found, a, b)
        if day is not None:
            yield a, b, day


def _quotation_day(text: str, found: list[DateMention], a: int, b: int) -> date | None:
    """The single day told with the quotation [a, b): an explicit date earlier in the sentence that
    introduces it with a colon (`29 декабря 1925 года ... писал: «`), or the first day in the attribution
    after it (`», – сказал он на воскресном заседании`). A date elsewhere in the sentence may be anything
    (`повестку на 13 марта, но «сегодня ...`)."""
    if _INTRODUCED.search(text, max(0, a - 4), a):
        before = [
            m
            for m in found
            if m.end < a and m.kind == "date" and one_day(m) and not SENTENCE_END.search(text, m.end, a - 1)
        ]
        if before:
            return before[-1].date_start
    if not _ATTRIBUTED.match(text, b):
        return None
    for m in found:
        if b < m.start <= b + _AFTER_CHARS and not SENTENCE_END.search(text, b, m.start):
            return m.date_start if one_day(m) else None
    return None
