"""The noun a bare number counts when `число`/`количество` names it before (`число браков увеличилось на 64
тыс.`), and the word tests that reading shares with the extractor."""

from __future__ import annotations

from pipeline.nlp.amounts.lexicon import (
    CHANGE_WORDS,
    COUNT_STOPLIST,
    EXCEED_WORDS,
    EXISTENTIAL_VERBS,
    SUBSTANTIVIZED,
)
from pipeline.nlp.amounts.morph import adjective_head, can_be_place, count_lemma, first_parse
from pipeline.nlp.amounts.tokens import Token, norm

_AMOUNT_HEADS = frozenset({"число", "количество", "численность"})  # `число браков увеличилось на 64 тыс.`
HEAD_STEMS = ("числ", "количеств")  # the forms of _AMOUNT_HEADS start so
_SPREAD_VERBS = frozenset({"колебаться", "варьироваться"})  # `колебалось от 90 до 120`
OVER_VERBS = frozenset({"перевалить", "переваливать"})  # `перевалил за`: went over
# `колебалось от 90 до 120`, `число рисунков перевалило за пять миллионов`: verbs with a head's bare number
_CLAUSE_VERBS = _SPREAD_VERBS | OVER_VERBS
_HEAD_LOOKBACK = 16  # tokens back from a bare number to `число`/`количество` and its noun


def participle(tok: Token) -> bool:
    return tok.text[0].isalpha() and "PRTF" in first_parse(tok.low)[1]


def counted_abbreviation(word: str) -> bool:
    """`БЛА`, `АЭС`, `ОВД`: an upper-case Cyrillic abbreviation of 2-5 letters that names no place (`США`)
    and is no stop word (`ст. 193.1 УК`: a law code after an article number)."""
    return (
        2 <= len(word) <= 5
        and word.isupper()
        and word.isalpha()
        and all("А" <= ch <= "Я" or ch == "Ё" for ch in word)
        and word.lower() not in COUNT_STOPLIST
        and not can_be_place(word.lower())
    )


def head_noun(tokens: list[Token], lead: int) -> str | None:
    """`количество развёрнутых МБР выросло с 330 до 1360`, `число звёзд колебалось от 90 до 120`: the noun
    after `число`/`количество` (past its adjectives) counted by a bare number after the clause's verb of
    change or being; its lemma, or an abbreviation as written."""
    verb = False
    floor = max(lead - _HEAD_LOOKBACK, 0)
    if not any(tokens[x].low.startswith(HEAD_STEMS) for x in range(floor, lead)):
        return None  # the cheap test first: this runs for every bare number
    k = lead
    while k > floor:
        k -= 1
        tok = tokens[k]
        if tok.text == ")":  # `число семей (прирост браков за минусом разводов) – на 60 тыс.`: an aside
            opening = next((x for x in range(k - 1, floor - 1, -1) if tokens[x].text in "()"), None)
            if opening is not None and tokens[opening].text == "(":
                k = opening
                continue
        if tok.text in '.!?;:()«»"':
            return None
        if verb and tok.text == ",":
            # the head stands in the clause of the verb (`с 5 до 12, доходы выросли до 15`), past a
            # participial phrase of its noun (`количество людей, испытывающих голод, увеличилось`)
            opening = next((x for x in range(k - 1, floor - 1, -1) if tokens[x].text == ","), None)
            if opening is None or not participle(tokens[opening + 1]):
                return None
            k = opening
            continue
        if tok.text in ("–", "—"):
            verb = True  # `а число семей – на 60 тыс.`: the dash stands for the verb left out
            continue
        if not tok.text[0].isalpha():
            continue
        lemma, _ = first_parse(tok.low)
        if (
            lemma in _CLAUSE_VERBS
            or lemma in CHANGE_WORDS
            or lemma in EXISTENTIAL_VERBS
            or lemma in EXCEED_WORDS
        ):
            verb = True
        elif lemma in _AMOUNT_HEADS and (verb or _changed_head(tokens, k, lead)):
            return _head_count_noun(tokens, k + 1, lead)
    return None


def head_noun_after(tokens: list[Token], end: int) -> str | None:
    """`на 20 тыс. выросло количество желающих`: the noun of `число`/`количество` right after the verb of
    change or being that follows a bare number ending at token `end`."""
    verb, head = end + 1, end + 2
    if head + 1 >= len(tokens) or not tokens[head].low.startswith(HEAD_STEMS):
        return None  # the cheap test first
    lemma = first_parse(tokens[verb].low)[0]
    if lemma not in CHANGE_WORDS and lemma not in EXISTENTIAL_VERBS:
        return None
    if first_parse(tokens[head].low)[0] not in _AMOUNT_HEADS:
        return None
    return _head_count_noun(tokens, head + 1, min(len(tokens), head + 2 + _BRACKETED_HEAD_REACH))


_BRACKETED_HEAD_REACH = 4  # words between `количество` and a bracket: `количеству набранных очков (1109)`


def bracketed_head_noun(tokens: list[Token], opening: int) -> str | None:
    """`количество арестованных журналистов (67)`: the noun of `число`/`количество` (past its adjectives)
    right before the bracket at token `opening`, which a number alone in the brackets counts."""
    for k in range(opening - 1, max(opening - 2 - _BRACKETED_HEAD_REACH, -1), -1):
        if not tokens[k].text.isalpha():
            return None
        if tokens[k].low.startswith(HEAD_STEMS) and first_parse(tokens[k].low)[0] in _AMOUNT_HEADS:
            return _head_count_noun(tokens, k + 1, opening) if k + 1 < opening else None
    return None


def _changed_head(tokens: list[Token], k: int, lead: int) -> bool:
    """`увеличить количество машин до 160 тыс.`: the verb of change governs `число`/`количество` at k, and
    the number is its target or step."""
    return (
        k > 0
        and tokens[k - 1].text[0].isalpha()
        and first_parse(tokens[k - 1].low)[0] in CHANGE_WORDS
        and tokens[lead - 1].low in ("до", "на")
    )


def _head_count_noun(tokens: list[Token], j: int, lead: int) -> str | None:
    first = j
    while j < lead and first_parse(tokens[j].low)[1] & {"ADJF", "PRTF"}:
        j += 1  # `развёрнутых`, `падающих`
    if j >= lead:
        return None
    word = tokens[j].text
    if counted_abbreviation(word) and not (j > first and "actv" in first_parse(tokens[j - 1].low)[1]):
        return word  # `количество развёрнутых МБР`; not `число сдающих ЕГЭ` (its object)
    counted = plural_count_lemma(tokens[j].text.lower())
    if counted is not None:
        return counted
    if j > first:  # `число профессиональных военных достигало 30 тыс.`: the last adjective is the noun
        head = adjective_head(tokens[j - 1].low)
        if head is not None and norm(head) in SUBSTANTIVIZED:
            return head
    return None


def plural_count_lemma(word: str) -> str | None:
    """The lemma (with ё, as the dictionary writes it) of a lower-cased genitive plural noun a bare number
    counts (`журналистов`, `очков`), or None (not such a noun, or one of the count stoplist: `лет`)."""
    lemma, grammemes = first_parse(word)
    if not {"NOUN", "gent", "plur"} <= grammemes or lemma in COUNT_STOPLIST:
        return None
    return count_lemma(word, None) or lemma
