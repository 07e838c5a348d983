"""Reading one number expression from the token stream: digits, number words, scale words.

`1 500`, `1,5 млн`, `5 млн 300 тыс.`, `сорок пять тысяч`, `полтора миллиарда`, `два с половиной миллиона`,
`миллион` (alone). Digits glued to letters (`COVID-19`, `Су-35`), to `№`, or forming dates, times and phone
numbers are rejected here, so nothing downstream sees them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.nlp.amounts.lexicon import (
    BARE_SCALE_SURE,
    GLUED_UNITS,
    GROUP_SCALE_FORMS,
    NUMBER_WORDS,
    SCALE_WORD_FORMS,
    SCALES,
    match_trie,
    measure_adjective_unit,
)
from pipeline.nlp.amounts.morph import can_be_singular
from pipeline.nlp.amounts.tokens import Token, is_ascii_digit, tight

_MAX_GROUPS = 5  # `1 000 000 000 000 000`: beyond that, not an amount
_GROUP3 = re.compile(r"[0-9]{3}(?:,[0-9]+)?")
_THOUSANDS_SEP = " \u00a0\u202f\u2009"  # space, no-break space, narrow no-break space, thin space
_CLASS_RANK = {"unit": 1, "teen": 2, "ten": 2, "hundred": 3}
_DASHES = "-‑–—"
_LABEL_ABBR = frozenset({"ст", "п", "пп", "ч", "гл", "абз", "подп", "разд", "рис", "табл"})
PERCENT_ADJ_STEM = "процент"  # `10-процентный рост`: the number glued to an adjective of percent


class Number(NamedTuple):
    value: float
    end: int  # index of the last token of the number
    scaled: bool  # a scale word was applied ('млн')
    is_digits: bool
    scale: float = 1.0  # the first (largest) scale applied: 1e6 for `5 млн 300 тыс.`


def scaled_sum(total: float, value: float, scale: float) -> float:
    """total + value x scale without binary noise: `16,24 трлн` is 16240000000000.0, not ...999.998."""
    return float(f"{total + value * scale:.12g}")


def _digit_value(tok: str, followed_by_scale: bool) -> float | None:
    """Value of one digit token: `1,5`, `2.3`, `1.500` (thousands unless a scale word follows)."""
    parts = re.split(r"[.,]", tok)
    if len(parts) == 1:
        return float(tok)
    seps = re.findall(r"[.,]", tok)
    if len(parts) == 2:
        if seps[0] == "." and len(parts[1]) == 3 and not followed_by_scale:
            return float(parts[0] + parts[1])
        return float(parts[0] + "." + parts[1])
    # several separators: only thousands grouping `1.500.000` / `1,500,000` is a number; dates are not
    if len(set(seps)) == 1 and all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3:
        return float("".join(parts))
    return None


def glued(text: str, a: int, b: int) -> bool:
    """True when two tokens touch (no character between them)."""
    return a == b


_TIMES_SIGNS = frozenset({"×", "х", "x", "Х", "X"})


def _ends_ellipsis(tokens: list[Token], k: int, text: str) -> bool:
    """Token k is the last dot of a glued `...` (`+25...30 °C`: a range in weather reports, not `1.2`)."""
    return k >= 2 and all(
        tokens[x].text == "." and (x == k - 2 or glued(text, tokens[x - 1].end, tokens[x].start))
        for x in (k - 2, k - 1, k)
    )


def bad_digit_context(tokens: list[Token], i: int, j: int, text: str) -> bool:
    """Digits that are part of names, numbers, dates, times, phones or ordinals (`2-й`, `№ 5`, `10:30`)."""
    first, last = tokens[i], tokens[j]
    if i > 1 and tokens[i - 1].text in _TIMES_SIGNS and is_ascii_digit(tokens[i - 2].text[-1]):
        return True  # `9×19 мм`, `4х10 км`, `25 х 22 х 4 см`: a calibre, a relay, a size; no one amount
    if i > 0:
        prev = tokens[i - 1]
        if prev.low in ("№", "n", "no", "#", ":", "/", "ст", "п", "пп") and (
            prev.low in ("№", "#") or glued(text, prev.end, first.start)
        ):
            return True
        if glued(text, prev.end, first.start) and (
            prev.text[-1].isalpha() or (prev.text == "." and not _ends_ellipsis(tokens, i - 1, text))
        ):
            return True
        if (
            prev.text == "."
            and i > 1
            and tokens[i - 2].low in _LABEL_ABBR
            and glued(text, tokens[i - 2].end, prev.start)
        ):
            return True  # `ст. 91 УПК`, `п. 3`, `ч. 2`: article, item and part numbers
        if prev.text in _DASHES and glued(text, prev.end, first.start) and i > 1:
            pp = tokens[i - 2]
            if glued(text, pp.end, prev.start) and pp.text[-1].isalpha():
                return True  # `Су-35`, `COVID-19`
            if (
                glued(text, pp.end, prev.start)
                and is_ascii_digit(pp.text[-1])
                and _dash_chain(tokens, i - 2, j, text)
            ):
                return True  # the middle or tail of `123-45-67`
    if j + 1 < len(tokens):
        nxt = tokens[j + 1]
        if glued(text, last.end, nxt.start):
            if nxt.text in (":", "/", "."):
                after = tokens[j + 2] if j + 2 < len(tokens) else None
                if after is not None and is_ascii_digit(after.text[0]) and glued(text, nxt.end, after.start):
                    return True  # `10:30`, `24/7`, `1.2.3`
            if nxt.text in _DASHES and j + 2 < len(tokens):
                after = tokens[j + 2]
                if (
                    glued(text, nxt.end, after.start)
                    and after.text[0].isalpha()
                    and not after.low.startswith(PERCENT_ADJ_STEM)
                    and measure_adjective_unit(after.low) is None
                    and after.low not in GLUED_UNITS
                ):
                    # `2-й`, `45-летний`, `90-х`, `45-ФЗ`; `10-процентный` is a percent, `17-метровая` 17 m,
                    # `152-мм` 152 mm
                    return True
    return False


def _dash_chain(tokens: list[Token], a: int, b: int, text: str) -> bool:
    """`a-b` is part of a longer glued chain `x-a-b` or `a-b-y` (phones, codes), not a range."""
    if (
        a >= 2
        and tokens[a - 1].text in _DASHES
        and glued(text, tokens[a - 1].end, tokens[a].start)
        and glued(text, tokens[a - 2].end, tokens[a - 1].start)
        and is_ascii_digit(tokens[a - 2].text[-1])
    ):
        return True
    if (
        b + 2 < len(tokens)
        and tokens[b + 1].text in _DASHES
        and glued(text, tokens[b].end, tokens[b + 1].start)
    ):
        return glued(text, tokens[b + 1].end, tokens[b + 2].start) and is_ascii_digit(tokens[b + 2].text[0])
    return False


def _digits(tokens: list[Token], i: int, text: str) -> tuple[float, int] | None:
    tok = tokens[i]
    j = i
    if len(tok.text) <= 3 and is_ascii_digit(tok.text):
        # `1 500 000`: groups of exactly three digits after single spaces of the thousands kinds
        while _joins_group(tokens, j, text):
            j += 1
            if j - i > _MAX_GROUPS:
                return None  # a run of digit groups is a table or a code, and scanning it again is quadratic
        if (
            j > i
            and j + 1 < len(tokens)
            and is_ascii_digit(tokens[j + 1].text[0])
            and tokens[j + 1].start - tokens[j].end == 1
            and text[tokens[j].end] in _THOUSANDS_SEP
        ):
            return None  # `8 777 123 45 67`: a phone number, not a grouped amount
    raw = "".join(t.text for t in tokens[i : j + 1])
    followed_by_scale = j + 1 < len(tokens) and tokens[j + 1].low in ("млн", "млрд", "тыс", "трлн")
    value = _digit_value(raw, followed_by_scale)
    if value is None:
        return None
    if _case_ending(tokens, j, text, value):
        j += 2  # `в 24-х странах`: the ending belongs to the number
    if bad_digit_context(tokens, i, j, text):
        return None
    return value, j


# endings of the oblique cases of a cardinal by its last word: 2-4 (`двух`, `тремя`), 5-20 and 30
# (`пяти`, `семи`, `пятью`), 50-80 (`пятидесяти`); `двадцать` and `тридцать` end like the teens.
# Ordinals share `-ю` (`17-ю дивизию`) and `-ми` (`были 12-ми`): `-ю` counts only before a noun in the
# instrumental plural (`с 18-ю шайбами`), `-ми` only for `семи`, `восьми`.
_FEW_ENDINGS = frozenset({"х", "ух", "ёх", "ех", "мя", "умя", "емя", "ьмя"})
_MANY_ENDINGS = frozenset({"и", "ти"})
_INSTRUMENTAL_ENDINGS = frozenset({"ю", "ью"})
_INSTRUMENTAL_PLURAL = ("ами", "ями", "ьми")


def _case_ending(tokens: list[Token], j: int, text: str, value: float) -> bool:
    """`24-х`, `14-и`, `5-ти`: a glued case ending the cardinal's own word takes (not `90-х`, `2-й`)."""
    if j + 2 >= len(tokens) or not value.is_integer() or value < 2:
        return False
    dash, ending = tokens[j + 1], tokens[j + 2]
    if (
        dash.text not in _DASHES
        or not glued(text, tokens[j].end, dash.start)
        or not glued(text, dash.end, ending.start)
    ):
        return False
    n = int(value)
    if ending.low in _INSTRUMENTAL_ENDINGS:
        return (
            _declines_like_five(n)
            and j + 3 < len(tokens)
            and tokens[j + 3].low.endswith(_INSTRUMENTAL_PLURAL)
        )
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return ending.low in _FEW_ENDINGS
    return _declines_like_five(n) and (
        ending.low in _MANY_ENDINGS or (ending.low == "ми" and n % 10 in (7, 8))
    )


def _declines_like_five(n: int) -> bool:
    """The last word of n declines like `пять` (`пяти`, `пятью`): 5-9 and 10-19 at the end, 20, 30, 50-80."""
    return n % 10 >= 5 or n % 100 in range(10, 20) or (n % 10 == 0 and (n // 10) % 10 in (2, 3, 5, 6, 7, 8))


def _joins_group(tokens: list[Token], j: int, text: str) -> bool:
    """Token j + 1 is a group of three digits after token j and one thousands separator (`1 500`)."""
    return (
        j + 1 < len(tokens)
        and _GROUP3.fullmatch(tokens[j + 1].text) is not None
        and tokens[j + 1].start - tokens[j].end == 1
        and text[tokens[j].end] in _THOUSANDS_SEP
    )


def continues_group(tokens: list[Token], i: int, text: str) -> bool:
    """Token i is a thousands group of the number before it (`581` in `2 581`): no amount starts there."""
    if i == 0:
        return False
    prev = tokens[i - 1].text
    return len(prev) <= 3 and is_ascii_digit(prev) and _joins_group(tokens, i - 1, text)


def _words(tokens: list[Token], i: int, text: str) -> tuple[float, int] | None:
    """A group below a thousand in words, in descending order: `сто сорок пять`, `полтора`."""
    total, rank, j = 0.0, 99, i
    while j < len(tokens) and (j == i or tight(text, tokens[j - 1].end, tokens[j].start)):
        entry = NUMBER_WORDS.get(tokens[j].low)
        if entry is None:
            break
        value, cls = entry
        r = _CLASS_RANK[cls]
        if r >= rank or (cls in ("teen", "ten") and rank == 2):
            break
        total += value
        rank = 1 if cls == "teen" else r
        j += 1
    return (total, j - 1) if j > i else None


def _half(tokens: list[Token], j: int, text: str) -> int | None:
    """`с половиной` after a number: index of `половиной` or None."""
    if j + 2 < len(tokens) and tokens[j + 1].low in ("с", "c") and tokens[j + 2].low == "половиной":
        if not (
            tight(text, tokens[j].end, tokens[j + 1].start)
            and tight(text, tokens[j + 1].end, tokens[j + 2].start)
        ):
            return None
        return j + 2
    return None


def read_number(tokens: list[Token], i: int, text: str, qualified: bool) -> Number | None:
    """The number expression starting at token i, or None. `qualified`: a qualifier word precedes it."""
    first = tokens[i]
    is_digits = is_ascii_digit(first.text[0])
    total, pos, last_scale, scaled, first_scale = 0.0, i, float("inf"), False, 1.0
    while pos < len(tokens):
        tok = tokens[pos]
        if pos > i and not tight(text, tokens[pos - 1].end, tok.start):
            break
        group = _digits(tokens, pos, text) if is_ascii_digit(tok.text[0]) else _words(tokens, pos, text)
        if group is None:
            word = tok.low
            # a lone scale word is 1 x scale: `миллион долларов`, `более тысячи человек`
            bare = pos == i and word in SCALE_WORD_FORMS and (word in BARE_SCALE_SURE or qualified)
            # `около десятка бомбардировщиков`, `более сотни активистов`: one group after a qualifier
            bare_group = pos == i and qualified and word in GROUP_SCALE_FORMS and can_be_singular(word)
            if not (bare or bare_group):
                break
            group = (1.0, pos - 1)
        value, end = group
        half = _half(tokens, end, text)
        if half is not None:
            value, end = value + 0.5, half
        scale = None
        if end + 1 < len(tokens) and tight(text, tokens[end].end, tokens[end + 1].start):
            scale = match_trie(SCALES, tokens, end + 1, text)
        group_scaled = False
        if scale is not None and tokens[scale[1]].low in GROUP_SCALE_FORMS:
            # `два десятка`: 20, maybe scaled again (`два десятка тысяч`)
            value, end, group_scaled = scaled_sum(0.0, value, scale[0]), scale[1], True
            scale = None
            if end + 1 < len(tokens) and tight(text, tokens[end].end, tokens[end + 1].start):
                scale = match_trie(SCALES, tokens, end + 1, text)
                if scale is not None and tokens[scale[1]].low in GROUP_SCALE_FORMS:
                    scale = None
        if scale is not None and scale[0] < last_scale:
            total = scaled_sum(total, value, scale[0])
            if not scaled:
                first_scale = scale[0]
            last_scale, scaled, pos = scale[0], True, scale[1] + 1
            continue
        if not scaled:
            if group_scaled:
                return Number(value, end, True, is_digits, 10.0)
            return Number(value, end, False, is_digits)
        # after a scale only a word group may trail without its own scale: `тысяча двести`
        # ... and digits below a thousand after `тыс.`: `15 тыс. 498 домов` is 15 498
        word_tail = not is_digits and not is_ascii_digit(tok.text[0])
        thousands_tail = is_ascii_digit(tok.text[0]) and last_scale == 1e3 and value.is_integer()
        if (word_tail or thousands_tail) and value < last_scale and end >= pos:
            return Number(total + value, end, True, is_digits, first_scale)
        break
    if not scaled:
        return None
    return Number(total, pos - 1, True, is_digits, first_scale)
