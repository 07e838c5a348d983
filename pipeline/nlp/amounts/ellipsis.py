"""Scaled numbers whose unit is written once, after a later member of a parallel enumeration.

`21 млрд, в 2019-м — 55 млрд, а в 2020-м — 68 млрд рублей`, `324 млрд (в 2016 году – 521 млрд) руб.`,
`78 млрд (183 млрд и 502 млрд соответственно) руб.`: every member takes the unit (the annotation convention:
"a shared unit written once is given to each number"), its span stops at its own scale word.

Why so narrow: a bare `5 млн` is often a population or a count stated without its noun, so the unit is only
borrowed when the numbers form one enumeration — same scale word, nothing between them but conjunctions,
time labels (years, months) and punctuation (models/amounts/parallel_gap_words.txt) — and the unit is a
currency or a measure (a counted noun may be the subject of only the last member).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pipeline.nlp.amounts.lexicon import CURRENCIES, MODEL_DIR, match_trie, match_unit
from pipeline.nlp.amounts.morph import first_parse
from pipeline.nlp.amounts.numbers import Number, read_number
from pipeline.nlp.amounts.tokens import Token, is_ascii_digit, norm

_GAP_WORDS = frozenset(
    norm(x.strip())
    for x in (MODEL_DIR / "parallel_gap_words.txt").read_text(encoding="utf-8").splitlines()
    if x.strip() and not x.startswith("#")
)
_GAP_PUNCT = frozenset(",()–—-‑")
_CLOSERS = frozenset({")", "соответственно"})  # `(... 502 млрд соответственно) руб.`
_MAX_GAP = 60  # characters between two members
_MAX_MEMBERS = 5

UnitAfter = Callable[[list[Token], Number, int, str], Any]  # extractor._unit_after (a Unit or None)


def is_year_token(tokens: list[Token], k: int) -> bool:
    t = tokens[k].text
    return len(t) == 4 and is_ascii_digit(t) and 1800 <= int(t) <= 2100


def _next_member(tokens: list[Token], j: int, text: str) -> int | None:
    """Index of the next number after token j, if only gap words, years and punctuation stand between."""
    k = j + 1
    while k < len(tokens):
        tok = tokens[k]
        gap = text[tokens[k - 1].end : tok.start]
        if "\n" in gap or tok.start - tokens[j].end > _MAX_GAP:
            return None
        if is_ascii_digit(tok.text[0]):
            if not is_year_token(tokens, k):
                return k
        elif tok.text[0].isalpha():
            if tok.low not in _GAP_WORDS and first_parse(tok.low)[0] not in _GAP_WORDS:
                return None
        elif tok.text not in _GAP_PUNCT:
            return None  # `.`, `;`, `:`, quotes: another sentence or a quotation
        k += 1
    return None


def _unit_behind_closer(tokens: list[Token], j: int, text: str) -> tuple[str, str] | None:
    """`600 млрд) руб.`, `502 млрд соответственно) руб.`: a currency or measure after closing words."""
    k = j + 1
    while k < len(tokens) and tokens[k].low in _CLOSERS and k - j <= 2:
        k += 1
    if k == j + 1 or k >= len(tokens) or tokens[k].start - tokens[k - 1].end > 2:
        return None
    cur = match_trie(CURRENCIES, tokens, k, text)
    if cur is not None:
        return "money", cur[0][0]
    unit = match_unit(tokens, k, text)
    if unit is not None and unit[0][1] != "count":
        return unit[0][1], unit[0][0]
    return None


def shared_unit_ahead(
    tokens: list[Token], num: Number, text: str, unit_after: UnitAfter
) -> tuple[str, str] | None:
    """(kind, unit) written once after a later member of the enumeration that `num` (scaled, bare) opens."""
    if not num.scaled:
        return None
    behind = _unit_behind_closer(tokens, num.end, text)
    if behind is not None:
        return behind  # `78 млрд (183 млрд ...) руб.` is reached from the last member; `324 млрд) руб.` here
    j = num.end
    for _ in range(_MAX_MEMBERS):
        k = _next_member(tokens, j, text)
        if k is None:
            return None
        nxt = read_number(tokens, k, text, qualified=True)
        if nxt is None or not nxt.scaled or nxt.scale != num.scale:
            return None
        unit = unit_after(tokens, nxt, k, text)
        if unit is not None:
            if unit.kind == "count" or unit.factor != 1.0:
                return None  # a counted noun may belong to the last member only; coins are not scaled
            return unit.kind, unit.unit
        behind = _unit_behind_closer(tokens, nxt.end, text)
        if behind is not None:
            return behind
        j = nxt.end
    return None


# `около 400, а по всей стране более 100 тыс. скотомогильников`, `650 тыс. против 560 тыс. единиц`
_CONTRAST = frozenset({"а", "но", "против"})
_ADDITIVE = frozenset({"также", "затем", "потом", "еще", "ещё"})
_CLAUSE_ENDS = frozenset(".;:!?…")
_MAX_AHEAD = 80  # characters from the bare number to the count that names its noun


def count_noun_ahead(
    tokens: list[Token], num: Number, text: str, unit_after: UnitAfter, number_starts: frozenset[str]
) -> str | None:
    """`Только на побережье находится около 400, а по всей стране более 100 тыс. скотомогильников`: a bare
    number contrasted (`, а`, `, но`, `против`) with a count later in the same sentence shares that count's
    noun, which the ellipsis left out of the first member. Only the next number of the sentence is looked
    at, and it must be a count."""
    j = num.end + 1
    if j < len(tokens) and tokens[j].text == ",":
        j += 1
    if j >= len(tokens) or tokens[j].low not in _CONTRAST or tokens[j].start - tokens[num.end].end > 3:
        return None
    if tokens[j + 1 : j + 2] and tokens[j + 1].low in _ADDITIVE:
        return None  # `заблокировать два, а также провести четыре силовых приёма`: another action
    for k in range(j + 1, len(tokens)):
        tok = tokens[k]
        if tok.start - tokens[num.end].end > _MAX_AHEAD or "\n" in text[tokens[k - 1].end : tok.start]:
            return None
        if tok.text in _CLAUSE_ENDS:
            return None
        if is_ascii_digit(tok.text[0]) or tok.low in number_starts:
            if is_year_token(tokens, k):
                return None  # `400, а в 2019 году 500 человек`: the year is no member; keep it simple
            nxt = read_number(tokens, k, text, qualified=True)
            if nxt is None:
                return None
            if num.scaled and not nxt.scaled:
                return None  # `число игроков достигло 600 млн, а в ФИДЕ входят 188 стран`: other things
            unit = unit_after(tokens, nxt, k, text)
            if unit is None or unit.kind != "count" or unit.unit == "раз":
                return None  # `в три, пять, а то и в десять раз`: multipliers
            return unit.unit
    return None
