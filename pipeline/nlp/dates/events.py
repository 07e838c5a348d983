"""Event, award and competition names with a year hold no date (`Чемпионат мира по футболу 2018 года`).

The year names an edition of the event, as `Олимпиада-2014` does; the guide leaves it out like other names.
Only a genitive year (`2018 года`, `2018 г.`) with no preposition before it counts: `чемпионат прошёл в 2018
году` dates the event.
"""

from __future__ import annotations

from pipeline.nlp.dates.lexicon import Lexicon
from pipeline.nlp.dates.tokens import NUM, WORD, Tokens

_NAME_TOKENS = 5  # how far back the event noun may stand (`Чемпионат мира по футболу 2018 года`)
_QUOTES = frozenset('«»“”„"')
_LIST_SEPS = frozenset({"и", ",", "или"})  # `на Олимпиадах 1964 и 1968 годов`: editions listed


def names_edition(t: Tokens, i: int, stop: int, lex: Lexicon) -> bool:
    """The year at token i (its expression ending at `stop`) follows an event noun of the same name."""
    last = _list_end(t, i)
    if last > i:  # a member of a list of years: the list's genitive word decides
        i, stop = last, last + 2
    if t.low_at(i + 1) not in lex.event_year_words or stop != i + 2 and t.low_at(i + 2) != ".":
        return False
    i = _list_start(t, i)
    for k in range(i - 1, max(i - 1 - _NAME_TOKENS, -1), -1):
        w = t.low[k]
        if w in _QUOTES:
            continue
        if t.kind[k] != WORD or "\n" in t.text[t.end[k] : t.start[k + 1]]:
            return False
        if (k == i - 1 and w in lex.event_year_not_after) or w in lex.event_periods:
            return False  # `в 2018 году`, `чемпионом сезона 2015 года`: the year dates something
        if w.startswith(lex.event_stems):
            return True
    return False


def _is_year(t: Tokens, k: int) -> bool:
    return 0 <= k < len(t) and t.kind[k] == NUM and len(t.raw[k]) == 4


def _list_end(t: Tokens, i: int) -> int:
    """The last year of a list of years that token i opens or continues (`1964 и 1968`), else i."""
    while t.low_at(i + 1) in _LIST_SEPS and _is_year(t, i + 2):
        i += 2
    return i


def _list_start(t: Tokens, i: int) -> int:
    """The first year of a list of years that token i closes, else i."""
    while t.low_at(i - 1) in _LIST_SEPS and _is_year(t, i - 2):
        i -= 2
    return i
