"""Event, award and competition names with a year hold no date (`Чемпионат мира по футболу 2018 года`).

The year names an edition of the event, as `Олимпиада-2014` does; the guide leaves it out like other names.
Only a genitive year (`2018 года`, `2018 г.`) with no preposition before it counts: `чемпионат прошёл в 2018
году` dates the event.
"""

from __future__ import annotations

from pipeline.nlp.dates.lexicon import Lexicon
from pipeline.nlp.dates.tokens import WORD, Tokens

_NAME_TOKENS = 5  # how far back the event noun may stand (`Чемпионат мира по футболу 2018 года`)
_QUOTES = frozenset('«»“”„"')


def names_edition(t: Tokens, i: int, stop: int, lex: Lexicon) -> bool:
    """The year at token i (its expression ending at `stop`) follows an event noun of the same name."""
    if t.low_at(i + 1) not in lex.event_year_words or stop != i + 2 and t.low_at(i + 2) != ".":
        return False
    for k in range(i - 1, max(i - 1 - _NAME_TOKENS, -1), -1):
        w = t.low[k]
        if w in _QUOTES:
            continue
        if t.kind[k] != WORD or "\n" in t.text[t.end[k] : t.start[k + 1]]:
            return False
        if k == i - 1 and w in lex.event_year_not_after:
            return False
        if w.startswith(lex.event_stems):
            return True
    return False
