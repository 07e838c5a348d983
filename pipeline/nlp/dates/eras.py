"""Decades (`1990-е годы`, `в 90-е`, `в девяностые`) and centuries (`XXI век`, `XIX в.`, `21-го века`),
with the Roman numerals both use."""

from __future__ import annotations

import re

from pipeline.nlp.dates import intervals as iv
from pipeline.nlp.dates.atom import Atom
from pipeline.nlp.dates.lexicon import Lexicon
from pipeline.nlp.dates.tokens import NUM, WORD, Tokens, suffix
from pipeline.nlp.dates.verbs import finite_verb
from pipeline.nlp.dates.years import year_word
from pipeline.nlp.morph_vocab import morph_vocab

_ROMAN_RE = re.compile(r"^(X{0,2})(IX|IV|V?I{0,3})$")
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10}


def roman(t: Tokens, i: int, lex: Lexicon) -> int | None:
    """An upper-case Roman numeral (Cyrillic look-alikes such as `ХХI` folded): its value."""
    if i >= len(t) or t.kind[i] != WORD:
        return None
    raw = t.raw[i]
    if not raw.isupper() or len(raw) > 6:
        return None
    s = "".join(lex.roman_lookalikes.get(ch, ch) for ch in raw.lower()).upper()
    if not s or not _ROMAN_RE.match(s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN_VALUE[a]
        total += -v if b != " " and _ROMAN_VALUE[b] > v else v
    return total


_DECADE_ENDS = frozenset({",", ".", ";", ":", "!", "?", ")", "и", "или", "—", "–"})
_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})


def _decade_context(t: Tokens, i: int, stop: int, lex: Lexicon) -> bool:
    """`в 90-е`, `с девяностых`; or after a noun, closing a phrase (`политики 90-х, и чиновники нулевых.`,
    `Звёзды рок-н-ролла 80-х встретятся`: the predicate follows)."""
    if t.low_at(i - 1) in lex.decade_context:
        return True
    prev = i - 1
    closes = stop >= len(t) or t.low[stop] in _DECADE_ENDS
    closes = closes or (t.kind[stop] == WORD and finite_verb(t.low[stop]))
    return closes and prev >= 0 and t.kind[prev] == WORD and t.raw[prev].islower() and len(t.low[prev]) > 3


def _decade_subject(t: Tokens, i: int, kind: str) -> bool:
    """`Семидесятые стали десятилетием`: a decade word opening a sentence before a finite verb."""
    opens = i == 0 or t.low[i - 1] in _SENTENCE_ENDS or "\n" in t.text[t.end[i - 1] : t.start[i]]
    return kind == WORD and opens and t.kind[i + 1 : i + 2] == [WORD] and finite_verb(t.low[i + 1])


def decade(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`1990-е годы`, `1990-х`, `90-х годов`, `в 90-е`, `в девяностые`."""
    k = t.kind[i]
    if k == WORD:
        first = lex.decade_words.get(t.low[i])
        if first is None:
            return None
        stop = i + 1
        short = True
    elif k == NUM and len(t.raw[i]) in (2, 4) and t.raw[i].endswith("0"):
        if t.low_at(i - 1) in lex.number_markers:
            return None
        v = int(t.raw[i])
        s = suffix(t, i + 1, lex.decade_suffixes)
        if s is None:
            # `к 2020-м годам`, `в 1990-ми годами`: a year suffix, but plural `годы` makes it a decade.
            s = suffix(t, i + 1, lex.year_suffixes)
            if s is None or year_word(t, s, lex) is None or t.low_at(s) not in lex.plural_year_words:
                return None
        stop = s
        short = len(t.raw[i]) == 2
        if short:
            first = lex.two_digit_decades.get(t.raw[i], lex.two_digit_decades["_default"] + v)
        else:
            first = v
            if not iv.MIN_YEAR <= v <= iv.MAX_YEAR:
                return None
    else:
        return None
    w = year_word(t, stop, lex)
    if w is None and short and not _decade_context(t, i, stop, lex) and not _decade_subject(t, i, k):
        return None  # `90-е место`: not a decade
    if w is None and k == WORD and t.kind[stop : stop + 1] == [WORD] and _agrees(t.low[i], t.low[stop]):
        return None  # `с нулевым результатом`: an adjective of a singular noun (decades are plural)
    if w is None and t.low_at(stop) in lex.decade_not_before:  # `в 20-х числах марта`
        return None
    a = Atom("decade", i, w or stop, part=first)
    _attach_century(a, t, lex, short)
    return a


def _agrees(adjective: str, noun: str) -> bool:
    """`нулевым результатом`, `с нулевыми темпами`: the adjective agrees with the noun after it, singular, or
    plural in an oblique case (`в нулевые люди уезжали` is the decade, then the subject)."""
    try:
        n = morph_vocab().parse(noun)[0]
        parses = morph_vocab().parse(adjective)
    except (ValueError, IndexError):
        return False
    number, case = n.feats.get("Number"), n.feats.get("Case")
    if n.pos != "NOUN" or (number == "Plur" and case in ("Nom", "Acc")):
        return False
    return any(
        p.pos == "ADJ" and p.feats.get("Number") == number and p.feats.get("Case") == case for p in parses
    )


def _attach_century(a: Atom, t: Tokens, lex: Lexicon, short: bool) -> None:
    """`60-х годов XIX века` (the 1860s), `90-х прошлого века`, `1960-х годов XX века`."""
    j = a.stop
    c = century(t, j, lex)
    if c is not None:
        n = c.part or 0
        first = 100 * (n - 1) + (a.part or 0) % 100
        if short:
            a.part = first
        elif first != a.part:  # `1960-х годов XIX века`: not the same century, leave it alone
            return
        a.stop = c.stop
        return
    off = lex.modifiers.get(t.low_at(j))
    if off is not None and t.low_at(j + 1) in lex.century_words | lex.century_rel_words:
        a.stop = j + 2
        if short:
            a.rel_century = off


def century_number(t: Tokens, i: int, lex: Lexicon) -> tuple[int, int, bool] | None:
    """(stop, n, is_roman) for `XXI`, `ХХ` (Cyrillic), `21`, `21-го`."""
    if i >= len(t):
        return None
    if t.kind[i] == NUM and len(t.raw[i]) <= 2:
        n = int(t.raw[i])
        stop = suffix(t, i + 1, lex.ordinal_suffixes) or i + 1
        is_roman = False
    else:
        r = roman(t, i, lex)
        if r is None:
            return None
        n, stop, is_roman = r, i + 1, True
    return (stop, n, is_roman) if 1 <= n <= 21 else None


def century(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`XXI век`, `в XX веке`, `XIX в.` (the dot is required: `Николай II в Москве`), `21-го века`."""
    c = century_number(t, i, lex)
    if c is None:
        return _century_after_word(t, i, lex)
    j, n, is_roman = c
    w = t.low_at(j)
    if w in lex.century_words or (is_roman and w in lex.century_rel_words):
        stop = j + 1  # `ХIХ столетия` is `XIX века`; `простоял 2 столетия` counts centuries, no date
    elif is_roman and w in lex.century_abbr and t.low_at(j + 1) == "." and t.adjacent(j + 1):
        stop = j + 2
    else:
        return None
    return Atom("century", i, stop, part=n)


def _century_after_word(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`в начале века XX`: the word first, then the Roman numeral."""
    if t.low_at(i) not in lex.century_words:
        return None
    n = roman(t, i + 1, lex)
    return None if n is None or n > 30 else Atom("century", i, i + 2, part=n)


# Parsers worth trying per token kind (the others would fail on the first token anyway).
