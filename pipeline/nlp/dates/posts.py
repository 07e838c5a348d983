"""Deictic words in an embedded social-media post count from the post's day (the guide: deictic words in a
dated post use the date of the post).

News pages quote a tweet or an Instagram post as its text on a line of its own, followed by a signature line
that dates it: `Зенит сегодня солиден.` / `— Константин Генич (@GenichK) 6 августа 2017 г.`, or `Публикация
от Kokorink9 (@kokorin9) Янв 2 2017 в 10:24 PST`. The post is the line right above its signature, unless
that line is longer than a post (then narration and the post were glued into one line, and no part of it is
the post for sure). A Russian rendering of the post in quotes belongs to it too when its line names the
network (`«Сегодня я провела ...» — написала Азаренко в своём Twitter.`), above the post or right below the
signature; a quotation there without the network is as often someone else's words (`— сказал спортсмен`).
Narration around the post keeps the article's own reference date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from pipeline.nlp.dates.mention import DateMention
from pipeline.nlp.dates.redate import Extract, one_day, redated

_SIGNATURE = re.compile(r"^(?:— [^\n]{1,150}?\(@\w+\)|Публикация от [^\n]{1,150}?\(@[\w.]+\))[ \t]+", re.M)
_NETWORK = re.compile(r"(?:twitter|твиттер|instagram|инстаграм|facebook|фейсбук|микроблог)(?!\.com)", re.I)
_QUOTE = re.compile(r"«[^«»\n]{10,3000}»")
_POST_CHARS = 300  # a tweet has at most 280 characters; the line above a signature is mostly shorter


def date_posts(
    text: str, found: list[DateMention], extract: Extract, signed: frozenset[int]
) -> list[DateMention]:
    """`found` with the relative dates inside dated posts resolved against the post's day; `signed` is
    signature_dates(text)."""
    if not signed or not any(m.kind == "relative" for m in found):
        return found
    return redated(text, found, _dated_posts(text, found, signed), extract)


def signature_dates(text: str) -> frozenset[int]:
    """Where the dates of post signatures start (`— Name (@handle) ` is right before each)."""
    if "(@" not in text:
        return frozenset()
    return frozenset(signature.end() for signature in _SIGNATURE.finditer(text))


def _dated_posts(
    text: str, found: list[DateMention], signed: frozenset[int]
) -> Iterator[tuple[int, int, date]]:
    dates_at = {m.start: m for m in found}
    for at in sorted(signed):
        day = dates_at.get(at)
        if day is None or not one_day(day):
            continue
        signature_start = text.rfind("\n", 0, at) + 1  # signatures open their line
        for a, b in _post_parts(text, signature_start, day.end):
            yield a, b, day.date_start


def _post_parts(text: str, signature_start: int, signature_date_end: int) -> Iterator[tuple[int, int]]:
    """The post's line above the signature, and quoted renderings naming the network in the line above the
    post and in the line below the signature."""
    if signature_start == 0:
        return
    post_end = signature_start - 1
    post_start = text.rfind("\n", 0, post_end) + 1
    if post_end - post_start <= _POST_CHARS:
        yield post_start, post_end
    if post_start > 0:
        yield from _renderings(text, text.rfind("\n", 0, post_start - 1) + 1, post_start - 1)
    below_start = text.find("\n", signature_date_end) + 1
    if below_start > 0:
        below_end = text.find("\n", below_start)
        yield from _renderings(text, below_start, len(text) if below_end < 0 else below_end)


def _renderings(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """The quotations of line [a, b) when the line names the network the post is on."""
    if _NETWORK.search(text, a, b):
        for quote in _QUOTE.finditer(text, a, b):
            yield quote.span()
