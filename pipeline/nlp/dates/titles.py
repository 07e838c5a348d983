"""Titles of works (in bibliographic lists, or quoted after a noun naming a work): the numbers inside them are
neither amounts nor dates.

The bench convention: `Евгений Никитин. Семь жизней М. Горького (9)` or `День поэзии – XXI век. 2017 год.
Альманах (9)` in a list of reviewed books, and `Людмила Зубкова. Нарисую трех читателей. – Киев: Лыбидь,
2017. – 160 с.` hold no amount or date before the imprint; the imprint's year and page count still count.

Three shapes mark a title (regexes only; the amounts extractor uses them too):
- a line ending in a bracketed number (a page or issue reference), when a neighbouring line ends so too:
  one such line alone may be an ordinary sentence (`Выступили 30 человек (12)`), a run of them is a list;
- a line with an imprint after its title: `. – [City:] Publisher, YYYY.`;
- a quoted title a few words after a noun naming a work or an event (`антология «Страницы поэзии XVII–XX
  вв.»`, `форум «ТЭК России в ХХI веке»`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol, TypeVar


class _Located(Protocol):
    start: int


_Found = TypeVar("_Found", bound=_Located)

_REFERENCED = re.compile(r"^[ \t]*(\S[^\n]{2,200}?)[ \t]*\(\d{1,4}\)[ \t]*$", re.M)
_IMPRINT = re.compile(
    r"^[ \t]*(?P<title>\S[^\n]{2,300}?)\.[ \t]+[–—-][ \t]+(?:[^\n:,.]{1,40}\.?:[ \t]*)?[^\n,:]{2,80},[ \t]*"
    r"(?P<year>1[5-9]\d\d|20\d\d)\.",
    re.M,
)


# A quoted title after a noun naming a work of literature, art or music or an event (`на форуме «ТЭК России в
# ХХI веке»`: a name, like `Олимпиада-2014`), a few words back at most and with no
# comma or colon between (`роман об одиночестве: «Если ...»` quotes from it): `антология «Страницы гэльской
# поэзии XVII–XX вв.»`, `книг только что вышла – «...»`. Laws, programmes and
# reports are left alone: the guide dates their years (`постановление «О ... в 2018–2020 годах»`).
_WORK_TITLE = re.compile(
    r"(?i)(?<!\w)(?:антологи|книг|книжк|роман|сборник|повест(?!к)|поэм|стихотворени|фильм|кинофильм|спектакл"
    r"|пьес|альбом|песн|монографи|сериал|балет|мюзикл|трилоги|сказк|картин"
    r"|форум|конференци|фестивал|выставк|конкурс|семинар|симпозиум|отч[её]т|доклад)\w{0,4}"
    r"[^.!?«»\n:,]{0,30}?«(?P<title>[А-ЯЁA-Z0-9][^«»\n]{2,300})»"
)


@lru_cache(maxsize=8)
def title_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the titles of bibliographic entries and of quoted works in text, in order."""
    spans: list[tuple[int, int]] = []
    if "«" in text:
        spans += [(m.start("title"), m.end("title")) for m in _WORK_TITLE.finditer(text)]
    if "(" in text:
        lines = [(m.start(1), m.end(1), text.count("\n", 0, m.start())) for m in _REFERENCED.finditer(text)]
        numbers = {line for _, _, line in lines}
        spans += [(a, b) for a, b, line in lines if line - 1 in numbers or line + 1 in numbers]
    spans += [(m.start("title"), m.end("title")) for m in _IMPRINT.finditer(text)]
    return tuple(sorted(spans))


@lru_cache(maxsize=8)
def imprint_years(text: str) -> frozenset[int]:
    """Start offsets of the years closing a bibliographic imprint (`– Хабаровская типография, 2018.`)."""
    return frozenset(m.start("year") for m in _IMPRINT.finditer(text))


def outside_titles(text: str, found: list[_Found]) -> list[_Found]:
    """The mentions of `found` (anything with a `start` offset) that do not start inside a title of text."""
    spans = title_spans(text)
    if not spans:
        return found
    return [m for m in found if not any(a <= m.start < b for a, b in spans)]
