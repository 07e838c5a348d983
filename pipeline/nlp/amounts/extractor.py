"""The scanner: finds number expressions and grows each into an amount (qualifier, range, unit or noun)."""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from pipeline.nlp.amounts.currency_context import with_context_currency
from pipeline.nlp.amounts.ellipsis import count_noun_ahead, is_year_token, shared_unit_ahead
from pipeline.nlp.amounts.halves import half_unit
from pipeline.nlp.amounts.heads import (
    HEAD_STEMS,
    OVER_VERBS,
    bracketed_head_noun,
    counted_abbreviation,
    head_noun,
    head_noun_after,
    participle,
    plural_count_lemma,
)
from pipeline.nlp.amounts.lexicon import (
    AMBIGUOUS_CURRENCY_NOUNS,
    ANCHORS,
    CHANGE_WORDS,
    COUNT_STOPLIST,
    CURRENCIES,
    DEGREE_ADVERBS,
    EXCEED_WORDS,
    EXISTENTIAL_VERBS,
    GLUED_UNITS,
    IDIOMS,
    IMPRINT_UNITS,
    MONEY_CUES,
    NUMBER_START_WORDS,
    NUMBER_WORDS,
    NUMBERING_WORDS,
    POST_QUALIFIERS,
    PREFIX_SYMBOLS,
    QUALIFIERS_REV,
    RACE_NOUN_PART,
    SCALE_WORD_FORMS,
    SCALES,
    SPEECH_VERBS,
    SUBSTANTIVIZED,
    TITLE_WORDS,
    compound_adjective,
    match_trie,
    match_unit,
    measure_adjective_unit,
)
from pipeline.nlp.amounts.morph import (
    adjective_head,
    agrees,
    can_be_adjective,
    can_be_place,
    can_be_plural,
    count_lemma,
    first_parse,
    genitive_plural,
    keep_capitals,
    lexeme_forms,
    name_lemma,
)
from pipeline.nlp.amounts.numbers import PERCENT_ADJ_STEM, Number, continues_group, read_number, scaled_sum
from pipeline.nlp.amounts.tokens import Token, is_ascii_digit, norm, tight, tokenize_windows
from pipeline.nlp.amounts.types import Amount
from pipeline.nlp.amounts.weather_context import with_weather_units
from pipeline.nlp.dates.lexicon import lexicon as dates_lexicon
from pipeline.nlp.dates.titles import outside_titles
from pipeline.nlp.dates.tokens import ADJECTIVE_ENDINGS

_DASHES = frozenset("-‑–—")
_SIGNS = frozenset("+-−–")
_SIGN_WORDS = {"минус": -1.0, "плюс": 1.0}
_CLAUSE_PUNCT = frozenset(",-‑–—")  # may stand between a change word and `до`: `вырос на 0,7% — до 7013`
_VERBISH = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})
_ADJ = frozenset({"ADJF", "PRTF"})
_NOT_IN_NAME = _VERBISH | {"NPRO", "PREP", "CONJ", "ADVB", "PRCL"}
_MAX_ADJ = 3  # adjectives between a number and its noun: `13 неизвестных малоразмерных воздушных целей`
_MAX_SPAN = 6  # tokens from the number to its noun, joins and adverbs included
_ADJ_JOINS = frozenset({"и", ",", "или"})  # `пяти новых и очень разных книг`
_YEAR_UNITS = frozenset({"г", "гг"})  # `1992 г.` is a year, not 1992 grams
# Latin scale suffixes glued to a number after a currency symbol: `$130m`, `£2bn`, `€5k`
_LATIN_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12}
_LIST_SEPS = frozenset({",", "и", "или"})  # `21 млрд, 55 млрд и 68 млрд рублей`
_ONE_FORMS = frozenset({"один", "одна", "одно", "одну"})
# `один визит в год`: the periods of a rate after `в`
_RATE_PERIODS = frozenset({"год", "месяц", "неделю", "день", "сутки", "квартал", "сезон"})
_PREPOSITIONS = frozenset(
    {"в", "во", "на", "за", "по", "с", "со", "о", "об", "к", "до", "из", "от", "при", "через"}
)
_TIMES = "раз"  # `десять раз поднимались`: a count of occurrences; `в 2 раза` is a multiplier
_TIMES_PREP = frozenset({"в", "во"})
_PER = "за"  # `за один километр`
_CLAUSE_OPENERS = frozenset({":", "(", ".", ";"})  # before a noun that opens its clause
_WINS = "победа"  # `турнир до четырёх побед` (two golds of two)
_PIECES = "штука"  # `400 штук`: the noun it counts is named elsewhere
_PIECES_REACH = 16  # tokens back to the noun `штук` counts (`продажи электромобилей ... достигли 2 млн штук`)
_PIECES_CHARS = 300  # characters back to the start of the sentence of `штук`
_PREP_QUALIFIERS = frozenset({"до", "от"})  # qualifiers that are mostly prepositions before a bare number
_SERIES_KINDS = frozenset({"money", "quantity"})
_SERIES_SCALES = (1.0, 1e3, 1e6, 1e9, 1e12)
_LEADING_NUMBER = re.compile(r"\d[\d\s]*(?:[.,]\d+)?")
_CHANGE_GAP = frozenset({"на", "до", "почти", "примерно", "около", "более", "менее", "чем"})
# inside a counted phrase: indeclinable possessives and demonstratives (`двум его коллегам`, `около десятка
# этих бомбардировщиков`)
_DETERMINERS = frozenset({"его", "ее", "её", "их", "этих", "тех", "таких"})
# `(97,5%)`, `(на 6,5%)`, `(около 3,4% населения)` after a number
_SHARE_ASIDE = re.compile(
    r"\(\s*(?:(?:на|около|почти|примерно|более|менее)\s+)?\d+(?:[.,]\d+)?\s*%(?:\s+[а-яё]+)?\s*\)"
)
_ELLIPSIS_CHARS = 160  # how far back the count whose noun a bare number takes may end
_SENTENCE_ENDS = frozenset(".!?;\n")
_ELLIPSIS_NEXT = frozenset({"и", "а", "или", "но", "из"})  # `лишь 10, а ещё три`, `65 из которых`
_WHOLE_PREPS = frozenset({"из", "вместо", "против"})  # right after a count, a bare number counts its noun
_NOT_ELLIPTIC_NEXT = frozenset("%°‰+(×x*/")
_FINITE = frozenset({"VERB", "PRTS"})
_ADJECTIVAL = frozenset({"ADJF", "PRTF"})
_PLURAL_GENITIVE = frozenset({"plur", "gent"})
_NOUN_PLURAL_GENITIVE = _PLURAL_GENITIVE | {"NOUN"}
_SUM_ASIDE_TOKENS = 8  # `(10+18)`, `(3+5+7)`
_RATE_TOKENS = 6  # `за тыс. куб. м`
_LISTED_GAP_CHARS = 60  # `52,4 тыс. рублей. За ними следуют Татарстан (48,8 тыс.)`
# number words that are also nouns: a number only before a noun in the case they govern (`семью очками`)
_NOUN_HOMONYMS = {"семью": "ablt"}
_OPEN_QUOTES = frozenset('«"„')
_CLOSE_QUOTES = frozenset('»"“')  # `а ещё три были сокращены`, `65 получили ранения`


# How far back (characters, same paragraph) a money amount gives its currency to a bare scaled number.
_CONTEXT_MONEY_CHARS = 200
_BY_BEFORE = re.compile(r"\bна\s+$")  # `на` right before a count: a change by it
_FROM_BEFORE = re.compile(r"\b(?:с|со)\s+$", re.IGNORECASE)  # `с` opening the first end of a change
_ASIDE = re.compile(r"\([^()]*\)")  # a bracketed aside, as in `на 100 пунктов (3,75%) до 2 581`
_ECHO_CHARS = 250  # how far back the scaled amount a bare scaled number echoes may end
_ECHOED_KINDS = frozenset({"money", "count", "quantity"})
_CHANGE_END_CHARS = 40  # `с 51 человека в 2014 году до 7711`: the words between the ends of a change
_CHANGE_END_RATIO = 1000  # the ends of a change differ less than this
# What may follow a bare number that borrows its unit from elsewhere: nothing it could count itself.
_BARE_NUMBER_NEXT = frozenset({"–", "—", "-", ",", ".", ";", ")", ":", "!", "?", "»"})
_MORE_LESS = frozenset({"больше", "меньше", "более", "менее"})


class Unit(NamedTuple):
    kind: str
    unit: str
    end: int  # last token index
    factor: float = 1.0  # coins: `6 копеек` is 0.06 RUB


def _next_tight(tokens: list[Token], j: int, text: str) -> bool:
    return j + 1 < len(tokens) and tight(text, tokens[j].end, tokens[j + 1].start)


def _is_year(num: Number, tokens: list[Token], i: int) -> bool:
    t = tokens[i].text
    return num.is_digits and not num.scaled and len(t) == 4 and is_ascii_digit(t) and 1800 <= int(t) <= 2100


def _month_year(num: Number, tokens: list[Token], i: int) -> bool:
    """`в декабре 2015 неизвестные`: a year after a month name is a date, whatever follows it."""
    return i > 0 and _is_year(num, tokens, i) and tokens[i - 1].low in dates_lexicon().months


def _unit_after(tokens: list[Token], num: Number, i: int, text: str) -> Unit | None:
    """What follows the number: currency, percent/measure unit, or a counted noun (after adjectives)."""
    j = num.end
    if not _next_tight(tokens, j, text):
        return None
    k = j + 1
    if (
        tokens[k].text in _DASHES
        and k + 1 < len(tokens)
        and tokens[k].start == tokens[j].end
        and tokens[k + 1].start == tokens[k].end
    ):
        if tokens[k + 1].low.startswith(PERCENT_ADJ_STEM):
            return Unit("percent", "%", k + 1)  # `10-процентный`, `2,5-процентная ставка`
        measure = measure_adjective_unit(tokens[k + 1].low) or GLUED_UNITS.get(tokens[k + 1].low)
        if measure is not None and num.is_digits:
            return Unit("quantity", measure, k + 1)  # `17-метровая`, `130-миллиметровыми`, `152-мм`
    cur = match_trie(CURRENCIES, tokens, k, text) or _currency_after_adjective(tokens, k, text)
    unit = match_unit(tokens, k, text)
    if unit is not None and _glued_code(tokens, unit[1]):
        unit = None  # `четыре Т-26`: a letter glued to `-26` is a model name, not tonnes
    if cur is not None and (unit is None or cur[1] >= unit[1]):
        return Unit("money", cur[0][0], cur[1], cur[0][1])
    if unit is not None:
        if tokens[k].low in _YEAR_UNITS and _is_year(num, tokens, i):
            return None
        return Unit(unit[0][1], unit[0][0], unit[1])
    imprint = _imprint_unit(tokens, i, k, text)
    if imprint is not None:
        return imprint
    if tokens[k].text in _OPEN_QUOTES and not _quoted_adjective(tokens, k):
        return _quoted_count(tokens, num, i, k, text)
    return _counted_noun(tokens, num, k, text)


def _currency_after_adjective(tokens: list[Token], k: int, text: str) -> tuple[tuple[str, float], int] | None:
    """`38 млрд венгерских форинтов`: a currency after an adjective the table does not list with it; not a
    noun several countries share (`ямайских долларов` is no USD)."""
    if k + 1 >= len(tokens) or not tokens[k].text.isalpha() or not tokens[k].text.islower():
        return None
    currency = match_trie(CURRENCIES, tokens, k + 1, text)  # the cheap test first: this runs for every number
    if currency is None or not _adjective(tokens[k]):
        return None
    return None if first_parse(tokens[k + 1].low)[0] in AMBIGUOUS_CURRENCY_NOUNS else currency


def _quoted_count(tokens: list[Token], num: Number, i: int, k: int, text: str) -> Unit | None:
    """`четырёх «Тритонов»`, `пять «Оскаров»`: a one-word name in quotes (token k opens them) whose form fits
    the count is the counted thing; the unit is its lemma, capitalised as the name is (a lower-case noun in
    scare quotes counts as it would without them: `20 «курсантов»`). Not after 1 (`Лиги 1
    «Монако»`: a numbered name before a club) nor after a code (`Ан-124-100 «Руслан»`)."""
    if num.scaled or num.value < 2 or k + 2 >= len(tokens):
        return None
    if i > 0 and tokens[i - 1].end == tokens[i].start and not tokens[i - 1].text[0].isspace():
        return None
    if tokens[k + 2].text not in _CLOSE_QUOTES:
        return _quoted_phrase_count(tokens, num, k)
    name = tokens[k + 1]
    if not (name.start == tokens[k].end and tokens[k + 2].start == name.end):
        return None
    if not name.text.isalpha() or name.text.isupper():
        return None  # `«ВТБ»`, `«Т-72»`: abbreviations and codes name one organisation or model, not a count
    if name.text[0].islower():  # `20 «курсантов»`, `два «брата»`: a noun in scare quotes
        return _scare_quoted(name, num, k + 2)
    lemma = name_lemma(_word(name), num.value)
    if lemma is None or norm(lemma) in COUNT_STOPLIST:
        return None
    return Unit("count", lemma[0].upper() + lemma[1:], k + 2)


def _quoted_phrase_count(tokens: list[Token], num: Number, k: int) -> Unit | None:
    """`380 «активных функционеров»`, `два «золотых эшелона»`: an adjective and a lower-case noun in scare
    quotes (token k opens them) count as they would without them."""
    if k + 3 >= len(tokens) or tokens[k + 3].text not in _CLOSE_QUOTES:
        return None
    adjective, noun = tokens[k + 1], tokens[k + 2]
    if not all(w.text.isalpha() and w.text.islower() for w in (adjective, noun)):
        return None
    if not can_be_adjective(adjective.low):
        return None  # `54 «чрезвычайно возмущённых»`: an adverb, no noun
    return _scare_quoted(noun, num, k + 3)


def _scare_quoted(noun: Token, num: Number, end: int) -> Unit | None:
    """The count of a lower-case noun in scare quotes, as without them (`end`: the closing quote)."""
    lemma = count_lemma(_word(noun), num.value)
    return Unit("count", lemma, end) if lemma is not None and lemma not in COUNT_STOPLIST else None


def _imprint_unit(tokens: list[Token], i: int, k: int, text: str) -> Unit | None:
    """`М.: ОГИ, 2017. – 128 с.`: the page count of a bibliographic imprint (number after a spaced dash,
    the abbreviation's dot glued and not followed by a glued letter as in `с.ш.`)."""
    if i == 0 or tokens[i - 1].text not in _DASHES or tokens[i - 1].end == tokens[i].start:
        return None
    found = match_trie(IMPRINT_UNITS, tokens, k, text)
    if found is None:
        return None
    lemma, end = found
    if tokens[end].start != tokens[end - 1].end:
        return None
    if (
        end + 1 < len(tokens)
        and tokens[end + 1].start == tokens[end].end
        and tokens[end + 1].text[0].isalpha()
    ):
        return None
    return Unit("count", lemma, end)


def _followed_by(tokens: list[Token], j: int, word: str) -> bool:
    return j + 1 < len(tokens) and tokens[j + 1].low == word


def _starts_code(tokens: list[Token], j: int) -> bool:
    """The digits ending at token j run on into a code: an upper-case letter glued after them, itself glued
    to digits or a dash and digits or letters (`9М120`, `48Н6Е`, `3М-54Э`, `76МД-М`; not `5км2`)."""
    k = j + 1
    return (
        k < len(tokens)
        and tokens[k].start == tokens[j].end
        and tokens[k].text.isupper()
        and (_glued_code(tokens, k) or "-" in tokens[k].text)
    )


def _code_end(tokens: list[Token], j: int) -> int:
    """The last token of a code glued together from token j on."""
    while j + 1 < len(tokens) and tokens[j + 1].start == tokens[j].end and tokens[j + 1].text not in ",.;:)»":
        j += 1
    return j


def _glued_code(tokens: list[Token], j: int) -> bool:
    """Token j is glued to a dash and digits after it, or to digits: `Т-34`, `М-5`, `9М120`."""
    if j + 1 >= len(tokens) or not tokens[j].text[0].isalpha() or tokens[j + 1].start != tokens[j].end:
        return False
    if is_ascii_digit(tokens[j + 1].text[0]):
        return True
    return (
        j + 2 < len(tokens)
        and tokens[j + 1].text in _DASHES
        and tokens[j + 2].start == tokens[j + 1].end
        and is_ascii_digit(tokens[j + 2].text[0])
    )


def _counted_noun(
    tokens: list[Token], num: Number, k: int, text: str, allow_one: bool = False
) -> Unit | None:
    if not num.is_digits and not num.scaled and num.value <= 1 and not allow_one:
        return None  # `один`, `одна из`: too vague to count
    value = None if _ends_in_scale(tokens, num) else num.value
    k = _past_sum_aside(tokens, k)
    adjectives, j, last_adjective = 0, k, None
    while j < len(tokens) and adjectives <= _MAX_ADJ and j - k <= _MAX_SPAN:
        if j > k and not tight(text, tokens[j - 1].end, tokens[j].start):
            return None
        tok = tokens[j]
        if _quoted_adjective(tokens, j) or (j > k + 1 and _quoted_adjective(tokens, j - 2)):
            j += 1  # `50 «народных» парков`: the quote marks around an adjective
            continue
        if adjectives and tok.low in _ADJ_JOINS:
            if tok.low == "," and j + 1 < len(tokens) and _opens_clause(tokens[j + 1]):
                return None  # `4 военнопленных, захваченных ...`, `одна золотая, которую`: a clause begins
            shared = _shared_noun(tokens, j, text)
            if shared is not None:
                return Unit("count", shared, j - 1)  # `четыре золотые и две серебряные медали`
            j += 1  # `пяти новых и очень разных книг`: coordinated adjectives of one noun
            continue
        if not tok.text[0].isalpha() or not ("а" <= tok.low[0] <= "я" or tok.low[0] == "е"):
            return None
        abbreviation = _abbreviation_counted(tokens, j, j == k, num, last_adjective)
        if tokens[j - 1].text == "." and tok.text[0].isupper() and not abbreviation:
            return None  # `288 млрд. Другим решением`: the abbreviation's dot ended the sentence
        if abbreviation and not (_glued_code(tokens, j) and num.value != 1):
            return Unit("count", tok.text, j)  # `два БЛА`, `150,8 тыс. ДТП`: the abbreviation as written
        if tok.text[0].isupper() and _glued_code(tokens, j) and (j > k or num.value != 1):
            # `30 БРДМ-2`, `два Су-57`, `два последних плановых Су-34`: a model code is the counted thing, as
            # written (right after `один` it may be the name of a noun left out: `один Ту-22MR`, the guide)
            return _model_code(tokens, j, text)
        word = _word(tok)
        lemma, gram = first_parse(word)
        if "NOUN" in gram or "ADJS" in gram:
            # ADJS: pymorphy's first guess for `залпов`, `лайков` is a short adjective; the noun parse wins
            if lemma in COUNT_STOPLIST or tok.low in COUNT_STOPLIST or len(tok.low) < 2:
                return None
            if tok.text[0].isupper() and can_be_place(word):
                return None  # `0-1 Германия`, `двух Корей`: a place name, not a counted noun
            counted = count_lemma(word, value, last_adjective, num.value)
            if counted is not None and norm(counted) in COUNT_STOPLIST:
                return None
            adjective_too = can_be_adjective(word)
            homonym_case = _NOUN_HOMONYMS.get(tokens[num.end].low)
            if homonym_case is not None and homonym_case not in gram:
                return None  # `семью главы`, `семью детей`: the noun `семья`, not seven
            if counted is not None and not (adjective_too and _counted_follows(tokens, j, text, value)):
                if norm(counted) == "штука":
                    return _piece_of(tokens, j, text) or Unit("count", counted, j)
                return Unit("count", keep_capitals(tok.text, counted), j)
            if counted is None and not adjective_too:
                return None
            # `семи пожарных машин`, `шесть огневых позиций`: a noun/surname that is also an adjective of
            # the agreeing noun right after it
        elif ("ADVB" in gram and tok.low in DEGREE_ADVERBS) or tok.low in _DETERMINERS:
            j += 1  # `два очень важных решения`, `двум его коллегам`: inside the noun phrase
            continue
        elif "ADVB" in gram and tok.low.endswith("о") and _adjective_next(tokens, j, text):
            j += 1  # `два совершенно разных события`, `60 активно выигранных розыгрышей`
            continue
        elif adjectives and "PREP" in gram:
            return _noun_after_complement(tokens, j, text, value)  # `две важные для города даты`
        elif not gram & _ADJ:
            return None
        if not _singular_count(num) and not can_be_plural(word):
            return None  # `двух лояльных действующей власти`: the adjective belongs to another noun
        head = adjective_head(word)
        if head is not None and norm(head) in SUBSTANTIVIZED and not _noun_follows(tokens, j, text):
            return Unit("count", head, j)  # `23 потерпевших`
        adjectives += 1
        last_adjective = word
        j += 1
    return None


def _abbreviation_counted(
    tokens: list[Token], j: int, first: bool, num: Number, last_adjective: str | None
) -> bool:
    """Token j is an abbreviation the number counts: right after it, spaced (`два БЛА`; `2ГИС` is a name), or
    after adjectives, which agree for it (`двух белорусских НПЗ`), but not after a participle, whose agent it
    may be (`двух созданных МОК комиссий`), nor after `один`."""
    if first:
        placed = tokens[j].start > tokens[j - 1].end
    else:
        placed = (
            last_adjective is not None and num.value != 1 and "PRTF" not in first_parse(last_adjective)[1]
        )
    return placed and counted_abbreviation(tokens[j].text)


def _past_sum_aside(tokens: list[Token], k: int) -> int:
    """`28 (10+18) очков`: the index after a bracketed sum of digits at token k (the parts of the count in
    brackets), else k."""
    if k >= len(tokens) or tokens[k].text != "(":
        return k
    j = k + 1
    while (
        j < len(tokens)
        and j - k <= _SUM_ASIDE_TOKENS
        and (is_ascii_digit(tokens[j].text[0]) or tokens[j].text == "+")
    ):
        j += 1
    summed = j - k > 3 and any(tokens[i].text == "+" for i in range(k + 1, j))
    return j + 1 if summed and j < len(tokens) and tokens[j].text == ")" else k


def _model_code(tokens: list[Token], j: int, text: str) -> Unit:
    """The model code starting at token j (`Су-57`, `Ту-22М3`, `М120`), as written, as the counted thing."""
    end = j + 2 if tokens[j + 1].text in _DASHES else j + 1  # see _glued_code: a dash and digits, or digits
    while (
        end + 1 < len(tokens)
        and tokens[end + 1].start == tokens[end].end
        and tokens[end + 1].text[0].isalnum()
    ):
        end += 1
    return Unit("count", text[tokens[j].start : tokens[end].end], end)


def _piece_of(tokens: list[Token], j: int, text: str) -> Unit | None:
    """`150 штук Як-152`, `400 млн штук яиц`: `штук` (token j) takes the thing it counts after it, a model
    code or a plural noun (the guide); `единиц` stays a count of units (`24 единицы Р-12`, as in test37)."""
    k = j + 1
    if k >= len(tokens) or not tight(text, tokens[j].end, tokens[k].start):
        return None
    if tokens[k].text[0].isupper() and _glued_code(tokens, k):
        return _model_code(tokens, k, text)
    if not tokens[k].text[0].isalpha():
        return None
    lemma, gram = first_parse(_word(tokens[k]))
    if gram >= _NOUN_PLURAL_GENITIVE and lemma not in COUNT_STOPLIST:
        return Unit("count", lemma, k)
    return None


def _adjective_next(tokens: list[Token], j: int, text: str) -> bool:
    """Token j + 1, right after token j, is a plural adjective or participle (an adverb at j modifies it)."""
    if j + 1 >= len(tokens) or not tight(text, tokens[j].end, tokens[j + 1].start):
        return False
    nxt = tokens[j + 1]
    if not nxt.text[0].isalpha():
        return False
    grammemes = first_parse(nxt.low)[1]
    return "plur" in grammemes and bool(grammemes & _ADJ)


def _adjective(tok: Token) -> bool:
    return tok.text[0].isalpha() and "ADJF" in first_parse(tok.low)[1]


def _opens_clause(tok: Token) -> bool:
    """After a comma inside a counted phrase: a participle, `который` or a noun (`одна грязная, поединок
    отменился`) begin another clause; an adjective goes on (`пяти новых, очень разных книг`)."""
    return participle(tok) or tok.low.startswith("котор") or "NOUN" in first_parse(tok.low)[1]


def _adjective_of_left_noun(tokens: list[Token], j: int, before: Amount) -> bool:
    """Token j is an adjective standing for the noun of the count before, which had one too (`девять
    бронзовых наград, шесть серебряных и одна золотая`): no noun of its own follows."""
    if not any(w.isalpha() and "ADJF" in first_parse(w.lower())[1] for w in before.text.split()[1:]):
        return False
    if not _adjective(tokens[j]) or "NOUN" in first_parse(tokens[j].low)[1]:
        return False
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return nxt is None or not nxt.text[0].isalpha() or nxt.low in ("и", "а", "или")


def _quoted_adjective(tokens: list[Token], j: int) -> bool:
    """Token j opens quote marks around one word that can be an adjective: `«народных»`."""
    return (
        tokens[j].text in _OPEN_QUOTES
        and j + 3 < len(tokens)
        and tokens[j + 2].text in _CLOSE_QUOTES
        and tokens[j + 1].text[0].islower()
        and can_be_adjective(tokens[j + 1].low)
    )


def _noun_counted_next(tokens: list[Token], num: Number, text: str) -> bool:
    """The word right after the number is a lower-case noun it counts, in the genitive plural (`270
    участников`; not `Superjet 100 производства`)."""
    k = num.end + 1
    if k >= len(tokens) or not tokens[k].text[0].islower() or not genitive_plural(tokens[k].low):
        return False
    unit = _counted_noun(tokens, num, k, text)
    return unit is not None and unit.end == k


def _ends_in_scale(tokens: list[Token], num: Number) -> bool:
    """The number's last word is a scale word (`5 млн`, `2 тыс.`), which then governs the noun; in
    `15 тыс. 498 частных домах` the last part agrees with the noun as a plain number does."""
    if not num.scaled:
        return False
    last = tokens[num.end]
    return not (
        is_ascii_digit(last.text[0]) or (last.low in NUMBER_WORDS and last.low not in SCALE_WORD_FORMS)
    )


def _noun_after_complement(tokens: list[Token], j: int, text: str, value: float | None) -> Unit | None:
    """`две важные для города даты`, `1,4 млн связанных с выборами автоматизированных сообщений`: after the
    adjectives, a prepositional complement (token j is the preposition, then words up to its noun) and the
    counted noun, perhaps after one more adjective; the noun agrees with the count and with the adjective
    before the preposition."""
    adjective = _word(tokens[j - 1])
    object_seen = False  # the first noun after the preposition is its object; the counted noun follows it
    for p in range(j + 1, min(j + 5, len(tokens))):
        if not tokens[p].text[0].isalpha() or not tight(text, tokens[p - 1].end, tokens[p].start):
            return None
        word = _word(tokens[p])
        lemma, gram = first_parse(word)
        if "NOUN" not in gram:
            continue
        if not object_seen:
            object_seen = True
            continue
        if lemma in COUNT_STOPLIST or not agrees(adjective, word):
            return None
        counted = count_lemma(word, value)
        if counted is None or norm(counted) in COUNT_STOPLIST:
            return None
        return Unit("count", keep_capitals(tokens[p].text, counted), p)  # `30 работающих в России СМИ`
    return None


def _shared_noun(tokens: list[Token], j: int, text: str) -> str | None:
    """`четыре золотые и две серебряные медали`: token j (`и`, `,`) is followed by a count whose noun the
    count before it shares; returns that noun's lemma."""
    k = j + 1
    if not _next_tight(tokens, j, text) or not (
        is_ascii_digit(tokens[k].text[0]) or tokens[k].low in NUMBER_START_WORDS
    ):
        return None
    nxt = read_number(tokens, k, text, qualified=False)
    if nxt is None or nxt.scaled or not _next_tight(tokens, nxt.end, text):
        return None
    unit = _counted_noun(tokens, nxt, nxt.end + 1, text, allow_one=True)
    return unit.unit if unit is not None and unit.kind == "count" else None


def _word(tok: Token) -> str:
    """The lower-cased word with its ё kept: `сёл` is a noun, `сел` first a verb."""
    return tok.text.lower()


def _counted_follows(tokens: list[Token], j: int, text: str, value: float | None) -> bool:
    """A noun agreeing with the count follows token j (which is then its adjective)."""
    if not _next_tight(tokens, j, text) or not tokens[j + 1].text[0].isalpha():
        return False
    word = _word(tokens[j + 1])
    lemma, gram = first_parse(word)
    if "NOUN" not in gram or lemma in COUNT_STOPLIST or not agrees(_word(tokens[j]), word):
        return False
    counted = count_lemma(word, value)
    return counted is not None and norm(counted) not in COUNT_STOPLIST


def _multiplier(tokens: list[Token], first: int, lead: int, unit: Unit, value: float, text: str) -> bool:
    """`в 2 раза`, `примерно в полтора раза`, `10 раз больше`: a multiplier, not a count of occurrences."""
    if unit.kind != "count" or unit.unit != _TIMES:
        return False
    if not value.is_integer():
        return True
    if any(tokens[x].low in _TIMES_PREP for x in range(max(first - 1, 0), lead)):
        return True  # `в` before the number or inside its qualifier (`примерно в 3 раза`)
    if first >= 2 and tokens[first - 2].low in _TIMES_PREP and tokens[first - 1].text.islower():
        return True  # `в целых три раза`
    if _next_tight(tokens, unit.end, text) and tokens[unit.end + 1].text[0].isalpha():
        return "COMP" in first_parse(_word(tokens[unit.end + 1]))[1]  # `10 раз больше`
    return False


def _list_unit(tokens: list[Token], num: Number, text: str) -> Unit | None:
    """`21 млрд, 55 млрд и 68 млрд рублей`, `на 5, 10 и 15%`, `150 или 200 мест`: a bare number in a list
    shares the unit or counted noun stated after the last member (the members must agree in having a scale
    word; counts only without one: `5 млн и 7 тыс. человек` would mix scales)."""
    if _is_year(num, tokens, num.end):
        return None  # `3,1% в 2015 и 3,8% в 2014 году`
    j = num.end
    for _ in range(6):
        if not _next_tight(tokens, j, text) or tokens[j + 1].low not in _LIST_SEPS:
            return None
        k = j + 2
        if not _next_tight(tokens, j + 1, text):
            return None
        if not (is_ascii_digit(tokens[k].text[0]) or (not num.is_digits and tokens[k].low in NUMBER_WORDS)):
            return None  # `восемь или десять полицейских`: words with words, digits with digits
        nxt = read_number(tokens, k, text, qualified=False)
        if nxt is None or nxt.scaled != num.scaled or (num.scaled and nxt.scale != num.scale):
            return None
        unit = _unit_after(tokens, nxt, k, text)
        if unit is not None:
            if unit.factor != 1.0 or (unit.kind == "count" and num.scaled):
                return None
            return Unit(unit.kind, unit.unit, num.end)
        j = nxt.end
    return None


# `ни одного сообщения`, `ещё одной потерей`, `за один визит`: none, another, in one go
_NOT_ONE_BEFORE = frozenset({"ни", "не", "еще", "ещё", "за"})
_ONLY_WORDS = frozenset({"только", "лишь", "всего"})
_TOGETHER_PREPS = frozenset({"в", "на"})  # `в одной галерее с Мао`: together, not a count


def _one_not_counted(tokens: list[Token], lead: int, end: int) -> bool:
    """`один` at token lead with its noun ending at token end is no count of one: a noun that does not agree
    with it (`и одна проекта 877`: the noun is left out), after `ни`, `не` (`не один раз`: many), `ещё` or
    `за`, in `в одной X с` (together), as an article before a relative clause or a verb of saying (`Один
    шаг, о котором говорил`, `один эксперт сказал`; not after `только`, `лишь`, `всего`, which make it a
    number), or paired with `другой` (`из одного учреждения в другое`)."""
    noun = tokens[end]
    if not (noun.text.isupper() or agrees(tokens[lead].low, noun.low)):
        return True
    if _other_follows(tokens, end):
        return True
    before = tokens[lead - 1].low if lead > 0 else ""
    if before in _ONLY_WORDS:
        return False  # `только одна новая компания, которой`: a number, whatever follows
    after = [t.low for t in tokens[end + 1 : end + 4]]
    if after and after[0].isalpha() and first_parse(after[0])[0] in SPEECH_VERBS:
        return True
    if before in _NOT_ONE_BEFORE or (before in _TOGETHER_PREPS and after[:1] in (["с"], ["со"])):
        return True
    if before in _TOGETHER_PREPS and first_parse(noun.low)[0] in _SINGLE_EVENTS:
        return True  # `рекорд по числу медалей на одном турнире`: within a single one, no count
    relative = after[1:2] if after[:1] == [","] else []
    if len(after) == 3 and relative and "PREP" in first_parse(after[1])[1]:
        relative = after[2:]
    return bool(relative) and relative[0].startswith("котор")


# `на одном турнире`, `в одном сезоне`, `в одном матче`: a record within a single event (six golds of seven)
_SINGLE_EVENTS = frozenset({"турнир", "чемпионат", "сезон", "матч"})
_OTHER_LOOKAHEAD = 12  # tokens after `один X` in which `другой` pairs with it
# forms, not lemmas: `другом` by its likeliest parse is `друг` (a friend)
_OTHER_FORMS = frozenset(lexeme_forms("другой"))


def _other_follows(tokens: list[Token], end: int) -> bool:
    """A form of `другой` follows token end in the same sentence: `один ... другой` are pronouns (`второй` is
    mostly an ordinal there: `одним броском во втором периоде`, 7 of 8 in 1,500 corpus articles)."""
    for k in range(end + 1, min(end + 1 + _OTHER_LOOKAHEAD, len(tokens))):
        if _ends_sentence(tokens, k) or tokens[k].text == ".":
            return False
        if tokens[k].low in _OTHER_FORMS:
            return True
    return False


def _list_start(tokens: list[Token], i: int) -> int:
    """First token of the list of bare numbers `4 и 5`, `7, 8 и 11` whose last member starts at token i."""
    while i >= 2 and tokens[i - 1].low in _LIST_SEPS and is_ascii_digit(tokens[i - 2].text[0]):
        i -= 2
    return i


def _list_end(tokens: list[Token], j: int, text: str) -> int:
    """Last token of the list of bare numbers that starts with a number ending at token j (`7, 8 и 11`).
    Members are written alike: `из 120, один человек` is no list of 120 and 1."""
    digits = is_ascii_digit(tokens[j].text[0])
    for _ in range(6):
        k = j + 2
        if not (
            _next_tight(tokens, j, text)
            and tokens[j + 1].low in _LIST_SEPS
            and _next_tight(tokens, j + 1, text)
        ):
            break
        if not (is_ascii_digit(tokens[k].text[0]) if digits else tokens[k].low in NUMBER_WORDS):
            break
        nxt = read_number(tokens, k, text, qualified=False)
        if nxt is None:
            break
        j = nxt.end
    return j


_TITLE_CUE_REACH = 3  # words back from the quote: `в статье Частного корреспондента «5 мыслей ...»`
_TITLE_WORDS_BEFORE = 4  # words of a title before its amount: `девиза «Мы одна семья»`


def _in_title(tokens: list[Token], first: int) -> bool:
    """`под названием «Пять стратегий ...»`, `фильм «28 панфиловцев»`, `в статье Частного корреспондента «5
    мыслей ...»`, `девиза «Мы одна семья»`: the amount stands in a quoted title named by a word of works (or
    of mottos), maybe with its author between."""
    quote = first - 1
    while quote >= 0 and first - quote <= _TITLE_WORDS_BEFORE and tokens[quote].text[0].isalpha():
        quote -= 1
    if quote < 1 or tokens[quote].text not in '«"':
        return False
    for cue in tokens[max(0, quote - _TITLE_CUE_REACH) : quote][::-1]:
        if not cue.text[0].isalpha():
            return False
        if first_parse(cue.low)[0] in TITLE_WORDS:
            return True
    return False


def _fills_quotes(tokens: list[Token], first: int, end: int) -> bool:
    """`клуба «16 тонн»`: the amount is all of a quoted name that a common noun introduces."""
    if first < 2 or end + 1 >= len(tokens):
        return False
    if tokens[first - 1].text not in '«"' or tokens[end + 1].text not in '»"':
        return False
    noun = tokens[first - 2]
    return noun.text.isalpha() and noun.text.islower() and "NOUN" in first_parse(noun.low)[1]


def _quoted_name(tokens: list[Token], first: int, end: int, text: str) -> bool:
    """`«Движение 5 звезд»`: a capitalized word opens a quoted name that the amount closes."""
    if end + 1 >= len(tokens) or tokens[end + 1].text not in '»"' or tokens[end + 1].start != tokens[end].end:
        return False
    for x in range(first - 1, max(first - 5, -1), -1):
        if tokens[x].text in '«"':
            return x + 1 < first and tokens[x + 1].text[0].isupper()
        if tokens[x].text in _DASHES:
            continue  # `«Северный поток — 2»`
        if not tokens[x].text[0].isalpha() or first_parse(_word(tokens[x]))[1] & _NOT_IN_NAME:
            return False  # `«Мы потеряли 5 человек»` is a quoted sentence, not a name
    return False


def _inner_post_qualifier(tokens: list[Token], num: Number, text: str) -> str | None:
    """`и более`, `или менее` right after the number, before a noun or unit: the qualifier it makes."""
    k = num.end + 1
    if k + 2 >= len(tokens) or tokens[k].low not in ("и", "или") or not _next_tight(tokens, num.end, text):
        return None
    return POST_QUALIFIERS.get(tokens[k + 1].low)


def _singular_count(num: Number) -> bool:
    """Numbers ending in 1 (not 11) take singular adjectives and nouns: `31 оснащённый автомобиль`."""
    v = num.value
    return v.is_integer() and not num.scaled and int(v) % 10 == 1 and int(v) % 100 != 11


# abbreviations Russian spelling writes without a dot (scale words, metric units): a dot after one at a
# sentence end is the sentence's, not the abbreviation's
_DOTLESS = frozenset({"млн", "млрд", "трлн", "км", "м", "см", "мм", "кг", "т", "га"})


def _sentence_dot(tokens: list[Token], b: int, text: str) -> bool:
    """Token b is a dot closing the sentence after `млрд`, `км`, ... (`составил $76 млрд. Кредиты`).

    The golds leave that dot out (`$3,3 млрд.` at a paragraph end, `161 км. С`), while they keep the dot of
    `тыс.`, `руб.`, `долл.`, `с.`, which are abbreviations however the sentence goes on.
    """
    if b < 1 or tokens[b].text != "." or tokens[b - 1].low not in _DOTLESS:
        return False
    rest = text[tokens[b].end : tokens[b].end + 3]
    stripped = rest.lstrip()
    return (
        not stripped
        or "\n" in rest
        or (rest[:1].isspace() and (stripped[0].isupper() or stripped[0] in '«"—–-'))
    )


def _noun_follows(tokens: list[Token], j: int, text: str) -> bool:
    """A noun follows token j, past adjectives (`13 неизвестных малоразмерных воздушных целей`), also joined
    (`1 225 303 военных и гражданских специалистов`)."""
    for k in range(j, min(j + _MAX_ADJ + 2, len(tokens) - 1)):
        if not _next_tight(tokens, k, text):
            return False
        joined = k + 2 < len(tokens) and tokens[k + 2].low not in NUMBER_START_WORDS  # not `и одного лица`
        if tokens[k + 1].low in _ADJ_JOINS and joined and _adjective(tokens[k + 2]):
            continue
        if not tokens[k + 1].text[0].isalpha():
            return False
        grammemes = first_parse(_word(tokens[k + 1]))[1]
        if "NOUN" in grammemes:
            return True
        if not grammemes & {"ADJF", "PRTF"}:
            return False
    return False


def _exceeding(tok: Token) -> bool:
    return _lemma_in(tok, EXCEED_WORDS)


def _lemma_in(tok: Token, lemmas: frozenset[str]) -> bool:
    return tok.text[0].isalpha() and first_parse(tok.low)[0] in lemmas


def _passing(tok: Token) -> bool:
    """A verb of exceeding, or `пробить` (before a mark noun only: `пробивать четырёхметровый лёд` is no
    amount beyond)."""
    return _exceeding(tok) or _lemma_in(tok, _PASSING_VERBS)


def _qualifier_before(
    tokens: list[Token], i: int, text: str, floor: int, parallel: bool = False
) -> tuple[str, int] | None:
    """Qualifier phrase ending right before token i, not reaching back past token index `floor`; `parallel`
    when the amount that ends at `floor` was the target of a change (see _change_target)."""
    if i - 1 < floor or not tight(text, tokens[i - 1].end, tokens[i].start):
        return None
    found = match_trie(QUALIFIERS_REV, tokens, i - 1, text, step=-1)
    if found is None and i - 1 >= floor and _exceeding(tokens[i - 1]):
        if i >= 2 and tokens[i - 2].low == "не":
            return "lte", i  # `не превысят 5 млн рублей`: at most
        return "gt", i  # `превысил $76 млрд`: gt, the verb left out of the span
    if (
        found is None
        and i - 2 >= floor
        and tokens[i - 1].low == "за"
        and _lemma_in(tokens[i - 2], OVER_VERBS)
    ):
        return "gt", i  # `перевалил за $600 млрд`: as `превысил`, verb and `за` out of the span
    if found is None and i - 2 >= floor:
        # `пробил отметку 60 рублей`, `превышал отметку в 1%`: the mark noun in the span, as `выше отметки`
        mark = i - 2 if tokens[i - 1].low == "в" else i - 1
        if tokens[mark].low in _MARK_NOUNS:  # the cheap test first: this runs for every number
            verb = mark - 1
            if verb - 1 >= floor and _adjective(tokens[verb]):
                verb -= 1  # `преодолел психологический рубеж в 70 рублей`
            if verb >= floor and _passing(tokens[verb]):
                return "gt", mark
    if found is None or found[1] < floor:
        return None
    qual, first = found
    if tokens[i - 1].low == "до" and first == i - 1 and _change_target(tokens, first, text, floor, parallel):
        return None
    if tokens[first].low in _COMPARATIVES and _negated_verb_before(tokens, first, floor):
        return _NEGATED[qual], first  # `курс не поднимался выше $600`: at most $600
    return qual, first


# a comparative of level after a negated verb bounds the other way: `не опустится ниже 3,2%` is at least
# 3.2%; the annotators keep `больше`/`более` as written (`не может получить более 40%`: gt)
_COMPARATIVES = frozenset({"выше", "ниже"})
_NEGATED = {"gt": "lte", "lt": "gte"}
_NEGATED_VERBS = 2  # `не может быть выше`: the verbs between `не` and the comparative


def _negated_verb_before(tokens: list[Token], k: int, floor: int) -> bool:
    """`не` and one or two verbs stand right before token k (`не поднимался`, `не может быть`)."""
    j = k - 1
    while j >= floor and k - j <= _NEGATED_VERBS and tokens[j].text.isalpha():
        if not first_parse(tokens[j].low)[1] & _VERB_FORMS:
            break
        j -= 1
    return j < k - 1 and j >= floor and tokens[j].low == "не"


# `пробил отметку 60 рублей`, `превышающие пороговое значение в 10 тысяч`
_MARK_NOUNS = frozenset(
    {"отметку", "отметка", "рубеж", "уровень", "планку", "значение", "порог", "показатель"}
)
# `побил отметку в 26%`, `преодолело отметку в 13 миллионов`: with a mark noun only (`побил 5 рекордов`)
_PASSING_VERBS = frozenset({"пробить", "пробивать", "побить", "побивать", "преодолеть", "преодолевать"})
# `способна поднимать до 50 тонн`: a capability, a limit (`может поднять` stays a change)
_ABLE_WORDS = frozenset({"способный"})
_LABEL_PROOF_KINDS = ("quantity", "money", "percent")


def _numbering_before(tokens: list[Token], i: int, text: str) -> bool:
    """`статья 50`, `дом 12`, `Windows 10`: a number used as a label, not an amount."""
    if i == 0 or not tight(text, tokens[i - 1].end, tokens[i].start):
        return False
    prev = tokens[i - 1]
    if prev.text.isascii() and prev.text.isalpha():
        return True  # `Windows 10`, `Boeing 737`, `iPhone 11`: Latin names carry model numbers
    if prev.low == "имени":
        return True  # `завод имени 61 коммунара`: a name (the form only: `имена шести детей` counts)
    return _lemma_in(prev, NUMBERING_WORDS)


def _ends_sentence(tokens: list[Token], j: int) -> bool:
    """Token j ends a sentence: `!`, `?`, `;`, or a dot before a capital (`300 км. По нему`; not `п.п.,`)."""
    tok = tokens[j]
    if tok.text == ".":
        return j + 1 < len(tokens) and tokens[j + 1].text[0].isupper()
    return tok.text in _SENTENCE_ENDS


_ANTECEDENT_CHARS = 250  # how far back a collective numeral's noun may stand (see _collective_antecedent)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+(?=[«\"(]?[А-ЯЁA-Z0-9])|\n")
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_ANIMATE_PLURAL = frozenset({"NOUN", "plur", "anim"})
_ALL_WORDS = frozenset({"все", "всех", "всем", "всеми"})  # `все трое`: the whole group, no count
_FROM_LOOKBACK = 3  # `с 5 до`, `в четыре раза – до`; not `1,2 млрд долларов, а на стройке будут заняты до`
_CHANGE_LOOKBACK = 10  # `увеличила таможенные пошлины на древесину хвойных пород и круглый лес до 4 евро`
_VERB_FORMS = frozenset({"VERB", "INFN", "GRND"})
_WINDOW_BEFORE = 90  # characters the scanner sees before a number: the change word's lookback must fit


def _year_follows(tokens: list[Token], j: int) -> bool:
    """`в 2017-м`, `в 2015 году` start at token j."""
    return j + 1 < len(tokens) and tokens[j].low == "в" and is_year_token(tokens, j + 1)


def _noun_between(tokens: list[Token], a: int, b: int) -> bool:
    """A lower-case noun stands between tokens a and b (`со скоростью`), not the period of a rate (`с 77 млн т
    в год до 100 млн т`)."""
    return any(
        t.text.isalpha()
        and t.text.islower()
        and t.low not in _RATE_PERIODS
        and "NOUN" in first_parse(t.low)[1]
        for t in tokens[a + 1 : b]
    )


_DIMENSION_NOUNS = frozenset({"высота", "глубина", "дальность", "расстояние", "дистанция"})


def _change_target(tokens: list[Token], k: int, text: str, floor: int, parallel: bool) -> bool:
    """Is `до` at token k the target of a change (`вырос до 10%`, `с 5 до 10%`, `снизился на 3 п.п., до 62%`)?

    Looks back over the clause (at most _CHANGE_LOOKBACK tokens, commas allowed) for a word of change, and
    _FROM_LOOKBACK tokens for a number or a previous amount (any distance when that amount was itself the
    target of a change: `parallel`); `поставлять до 30 млрд` stays an upper bound.
    """
    k = _before_aside(tokens, k)  # `с 11,094 тыс. грн. ($426,6) до`: the conversion in brackets aside
    k = _before_rate(tokens, k, text)  # `с $485 за тыс. куб. м до $352`: the rate's measure aside
    if k > 1 and tokens[k - 1].text == "(" and k - 2 >= floor and tokens[k].low == "до":
        # `Ан-22 (до 60 тонн)`: a bracket before `до` opens a target only after an amount (`на 1,4% (до`)
        # or after a noun of change in its clause (`увеличение доли финансирования ... (до 15%`)
        return _change_noun_before(tokens, k - 1)
    j = k - 1
    while j >= 0 and j >= k - _CHANGE_LOOKBACK:
        tok = tokens[j]
        if not tight(text, tok.end, tokens[j + 1].start) or _ends_sentence(tokens, j):
            return False
        if j < floor and parallel:
            return True  # `снизились для рабочих до 250 г, остальным жителям – до 125 г`
        near = k - j <= _FROM_LOOKBACK
        if near and j < floor and _noun_between(tokens, j, k):
            return False  # `до 16,9 тыс. км со скоростью до 950 км/ч`: a limit of another quantity
        if near and (is_ascii_digit(tok.text[0]) or j < floor or tok.low in NUMBER_START_WORDS):
            return (
                True  # a number or the end of the previous amount: `с 5 до 10%`, `в четыре раза – до 16 млрд`
            )
        if tok.low == "на" and j < floor and is_ascii_digit(tokens[j + 1].text[0]):
            return True  # `на 0,25% к евро — до 69,69 рубля`: a change by, then to
        if tok.text[0].isalpha():
            lemma, grammemes = first_parse(tok.low)
            if lemma in _DIMENSION_NOUNS and j > 0 and tokens[j - 1].low == "на":
                return False  # `поднимается на высоту до 22 тыс. м`: how high it can go, a limit
            if lemma in CHANGE_WORDS:
                # `способной поднимать до 50 тонн`: what it can do, a limit, not a change that happened
                return not (j > 0 and _lemma_in(tokens[j - 1], _ABLE_WORDS))
            if grammemes & _VERB_FORMS:
                return False  # `подниматься на высоту 5 км и брать на борт до 3 т`: another verb's
        elif not (
            is_year_token(tokens, j)
            or tok.text in _CLAUSE_PUNCT
            or (j == k - 1 and tok.text == "(")
            or j < floor
        ):
            # a year may stand between (`увеличить к 2020 году долю техники до 70%`), and a bracket may open
            # right before `до` (`опустился на 1,4% (до $9157)`)
            return False
        j -= 1
    return False


def _change_noun_before(tokens: list[Token], k: int) -> bool:
    """A noun of change (`увеличение`, `рост`) stands in the clause before token k, with no verb between."""
    for j in range(k - 1, max(k - 1 - _CHANGE_LOOKBACK, -1), -1):
        tok = tokens[j]
        if not tok.text[0].isalpha():
            if tok.text in _CLAUSE_PUNCT:
                continue
            return False
        lemma, grammemes = first_parse(tok.low)
        if lemma in CHANGE_WORDS and "NOUN" in grammemes:
            return True
        if grammemes & _VERB_FORMS:
            return False
    return False


_ASIDE_TOKENS = 6  # `($426,6)`, `(+5,2%)`: a short bracketed aside


def _before_aside(tokens: list[Token], k: int) -> int:
    """Index of the bracket opening a short aside with a number (a conversion, a share) that closes right
    before token k (or before a comma or dash there: `на 6,6 млн грн. ($247 тыс.), до 41 млн грн.`,
    `на 25% (или $8,3 млрд) — до $41,9 млрд`), else k."""
    close = k - 2 if k > 1 and tokens[k - 1].text in _CLAUSE_PUNCT else k - 1
    if close < 0 or tokens[close].text != ")":
        return k
    for j in range(close - 1, max(close - 1 - _ASIDE_TOKENS, -1), -1):
        if tokens[j].text == "(":
            return j if any(is_ascii_digit(t.text[0]) for t in tokens[j + 1 : close]) else k
        if tokens[j].text == ")":
            break
    return k


def _before_rate(tokens: list[Token], k: int, text: str) -> int:
    """Index of `за` opening a rate's measure (`за тыс. куб. м`, `за литр`) that ends right before token k,
    else k."""
    for za in range(k - 2, max(k - 2 - _RATE_TOKENS, -1), -1):
        if tokens[za].low != "за":
            continue
        p = za + 1
        scale = match_trie(SCALES, tokens, p, text)
        if scale is not None:
            p = scale[1] + 1
        unit = match_unit(tokens, p, text) if p < k else None
        if (unit is not None and unit[1] == k - 1) or (p == k - 1 and tokens[p].text[0].isalpha()):
            return za
        return k
    return k


def _paired_scale(tokens: list[Token], num: Number, symbol: str, text: str) -> float | None:
    """The scale of the next member when it is `и`/`или` + the same currency symbol + a scaled number."""
    j = num.end
    if j + 3 >= len(tokens) or tokens[j + 1].low not in ("и", "или") or tokens[j + 2].text != symbol:
        return None
    nxt = read_number(tokens, j + 3, text, qualified=False)
    return nxt.scale if nxt is not None and nxt.scaled and num.value < 1000 else None


def _prefix_currency(tokens: list[Token], i: int, text: str) -> str | None:
    if i == 0:
        return None
    prev = tokens[i - 1]
    if prev.text in PREFIX_SYMBOLS and tight(text, prev.end, tokens[i].start):
        return PREFIX_SYMBOLS[prev.text]
    return None


def _second_bound(
    tokens: list[Token], j: int, text: str, via: str, prefix: str | None = None
) -> tuple[int, Number] | None:
    """After a first number ending at token j: `- 10` (via='dash') or `до 10` (via='до'); the first number's
    currency symbol (`prefix`) may stand again before the second: `$500-$600 млн`."""
    if not _next_tight(tokens, j, text):
        return None
    sep = tokens[j + 1]
    last = _ellipsis(tokens, j + 1) if via == "dash" else None
    if last is None and ((via == "dash" and sep.text not in _DASHES) or (via == "до" and sep.low != "до")):
        return None
    last = j + 1 if last is None else last
    if not _next_tight(tokens, last, text):
        return None
    k = last + 1
    sign = 1.0
    signable = via == "до" or last > j + 1 or sep.text == "…"
    if signable and k + 1 < len(tokens) and is_ascii_digit(tokens[k + 1].text[0]):
        signed = _sign_before(tokens, k + 1, text, k)  # `от -5 до -10 градусов`, `-2… -4 °С`
        if signed is not None:
            sign, k = signed[0], k + 1
    symbol = PREFIX_SYMBOLS.get(tokens[k].text)
    if (
        symbol is not None
        and prefix in (None, symbol)
        and k + 1 < len(tokens)
        and tight(text, tokens[k].end, tokens[k + 1].start)
    ):
        k += 1  # `$500-$600 млн`; `11—€12 млрд`: the symbol written on the second bound only
    if not (is_ascii_digit(tokens[k].text[0]) or tokens[k].low in NUMBER_START_WORDS):
        return None
    num = read_number(tokens, k, text, qualified=True)
    if num is None:
        return None
    return k, num._replace(value=sign * num.value)


def _ellipsis(tokens: list[Token], j: int) -> int | None:
    """`…` or `...` at token j, as a range sign in weather reports (`-2… -4 °С`): its last token index."""
    if tokens[j].text == "…":
        return j
    if j + 2 < len(tokens) and all(
        tokens[x].text == "." and (x == j or tokens[x].start == tokens[x - 1].end) for x in (j, j + 1, j + 2)
    ):
        return j + 2
    return None


def _sign_before(tokens: list[Token], i: int, text: str, floor: int) -> tuple[float, int] | None:
    """A sign standing before the digits at token i: `–5%`, `+3 °C`, `минус 30 градусов` -> (sign, index).

    A dash glued to a preceding number or word is a range or a name (`5-10`, `Су-35`), not a sign.
    """
    if i - 1 < floor:
        return None
    prev = tokens[i - 1]
    if prev.low in _SIGN_WORDS and tight(text, prev.end, tokens[i].start):
        return _SIGN_WORDS[prev.low], i - 1
    if prev.end != tokens[i].start:
        return None
    if prev.text not in _SIGNS and not (prev.text == "—" and _degree_after(tokens, i)):
        return None
    if i - 2 >= 0 and tokens[i - 2].end == prev.start and tokens[i - 2].text[-1].isalnum():
        return None
    return (1.0 if prev.text == "+" else -1.0), i - 1


_DEGREE_SIGNS = frozenset("°˚")


def _degree_after(tokens: list[Token], i: int) -> bool:
    """A degree sign right after the digits at token i: an em dash glued before them is a minus (`до —90° С`),
    as it is nowhere else (`— 5 человек`, `2010—2015`)."""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return after is not None and after.text[0] in _DEGREE_SIGNS and after.start == tokens[i].end


def _times(value: float, factor: float) -> float:
    """value x factor; hundredths divide so `57 копеек` is 0.57, not 0.5700000000000001."""
    return value / round(1 / factor) if 0 < factor < 1 else value * factor


def _value_fields(value: float, qual: str) -> tuple[float | None, float | None, float | None]:
    if qual == "exact":
        return value, value, value
    if qual in ("gt", "gte"):
        return value, value, None
    if qual in ("lt", "lte"):
        return value, None, value
    return value, None, None  # approx: no firm bounds


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        # 48 chars back cover the longest qualifier; 110 forward cover a range with adjectives and a noun
        self.tokens = tokenize_windows(text, ANCHORS, before=_WINDOW_BEFORE, after=110)
        self.out: list[Amount] = []
        self.floor = 0  # first token index not yet consumed by an amount
        self._after_target = False  # the last amount read was the target of a change (`вырос до 10%`)
        self._target = False  # the amount being read is such a target

    def run(self) -> list[Amount]:
        tokens = self.tokens
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            self._target = False
            # prefilter: only digits and number/scale words can start an amount
            if is_ascii_digit(tok.text[0]) or tok.low in NUMBER_START_WORDS:
                end = self._try(i)
            elif "-" in tok.low:
                end = self._word_range(i)
                end = self._half(i) if end is None else end
            elif len(tok.low) > 9 and (tok.low.endswith(ADJECTIVE_ENDINGS) or RACE_NOUN_PART in tok.low):
                end = self._compound(i)  # `пятипроцентным`, `двухметрового`; the race `стометровке`
            elif tok.low.startswith("пол"):
                end = self._half(i)
            else:
                end = None
            if end is not None:
                self.floor = end + 1
                self._after_target = self._target
                i = end + 1
                continue
            i += 1
        return self.out

    def _compound(self, i: int) -> int | None:
        """`пятипроцентным ростом`, `более чем двухметрового`: a number glued to a percent or measure
        adjective (lexicon.compound_adjective), with the qualifier before it."""
        found = compound_adjective(self.tokens[i].low)
        if found is None:
            return None
        value, kind, unit = found
        return self._emit_word(i, kind, value, unit)

    def _half(self, i: int) -> int | None:
        """`пол-литра`, `полбалла`: half a unit in one word (see halves.py)."""
        found = half_unit(self.tokens[i].low)
        if found is None:
            return None
        kind, unit, value = found
        return self._emit_word(i, kind, value, unit)

    def _emit_word(self, i: int, kind: str, value: float, unit: str) -> int:
        """An amount written as the one word at token i, with the qualifier before it."""
        qual_found = _qualifier_before(self.tokens, i, self.text, self.floor, self._after_target)
        qual, first = qual_found if qual_found else ("exact", i)
        self._emit(first, i, kind, *_value_fields(value, qual), unit, qual)
        return i

    def _word_range(self, i: int) -> int | None:
        """`двух-трёх тысяч человек`, `пять-шесть процентов`: a hyphenated pair of number words is a range."""
        tokens, text = self.tokens, self.text
        parts = tokens[i].low.split("-")
        if len(parts) != 2 or parts[0] not in NUMBER_WORDS or parts[1] not in NUMBER_WORDS:
            return None
        lo, hi = NUMBER_WORDS[parts[0]][0], NUMBER_WORDS[parts[1]][0]
        if lo >= hi:
            return None
        end, scale = i, 1.0
        if _next_tight(tokens, i, text):
            found = match_trie(SCALES, tokens, i + 1, text)
            if found is not None:
                scale, end = found
        num = Number(hi * scale, end, scale != 1.0, False, scale)
        unit = _unit_after(tokens, num, i, text)
        if unit is None or _multiplier(tokens, i, i, unit, hi, text):
            return None
        lo, hi = (
            _times(scaled_sum(0.0, lo, scale), unit.factor),
            _times(scaled_sum(0.0, hi, scale), unit.factor),
        )
        self._emit(i, unit.end, unit.kind, None, lo, hi, unit.unit, "range")
        return unit.end

    def _one_per_period(self, lead: int, num: Number) -> Unit | None:
        """`один визит в год`, `одна поездка в месяц`: `один` (nominative or accusative, not after `ни` or a
        preposition) with its counted noun right before `в` + a period (_RATE_PERIODS) is a count of 1."""
        tokens, text = self.tokens, self.text
        if tokens[num.end].low not in _ONE_FORMS or not _next_tight(tokens, num.end, text):
            return None
        if lead > 0 and (tokens[lead - 1].low == "ни" or tokens[lead - 1].low in _PREPOSITIONS):
            return None  # `ни один визит`, `за один визит в год`
        unit = _counted_noun(tokens, num, num.end + 1, text, allow_one=True)
        if unit is None or unit.unit == _TIMES:
            return None
        k = unit.end
        if not (
            _next_tight(tokens, k, text)
            and tokens[k + 1].low in ("в", "во")
            and _next_tight(tokens, k + 1, text)
        ):
            return None
        return unit if tokens[k + 2].low in _RATE_PERIODS else None

    def _previous_unit(self, lead: int, num: Number) -> Unit | None:
        """`274 млрд руб., в 2019 году – 288 млрд.`, `159 тыс. надомников, а год спустя – 100 тыс.`,
        `сократились на 5,6 млн баррелей — до 448,1 млн`: a bare scaled number continues the previous money
        amount, count or quantity.

        Only within one clause run (at most 40 characters, no sentence punctuation between), or, for a number
        alone in brackets after a name, a list of them (`— 52,4 тыс. рублей. За ними следуют Татарстан (48,8
        тыс.), Московская область (48,5 тыс.)`: the next sentence may go on)."""
        if not self.out or self.out[-1].kind not in ("money", "count", "quantity"):
            return None
        # `Уругвай (28 очков), Чили (26)`: a bracketed list goes on whatever its numbers
        listed = self._bracketed(lead, num) and self.text[: self.out[-1].start].endswith("(")
        if not (num.scaled or listed):
            return None
        if self.out[-1].kind == "count" and (self.out[-1].value or 0) < 1000 and not listed:
            return None  # `Двое игроков поставили миллион`: only a scaled count goes on (`159 тыс.`)
        if self._time_noun_after(num):
            return None  # `длиной 7 см, созданную 50 тыс. лет назад`: years, not centimetres
        gap = self.text[self.out[-1].end : self.tokens[lead].start]
        if self._bracketed(lead, num):
            if len(gap) > _LISTED_GAP_CHARS or "\n" in gap or sum(gap.count(ch) for ch in ".;!?") > 1:
                return None
        elif len(gap) > 40 or any(ch in gap for ch in ".;:!?\n()«»"):
            return None
        return Unit(self.out[-1].kind, self.out[-1].unit, num.end)

    def _time_noun_after(self, num: Number) -> bool:
        """A noun of time follows the number (`50 тыс. лет`): it counts a length, not the unit before it."""
        if num.end + 1 >= len(self.tokens) or not self.tokens[num.end + 1].text.isalpha():
            return False
        lemma, grammemes = first_parse(self.tokens[num.end + 1].low)
        return lemma in COUNT_STOPLIST and "NOUN" in grammemes

    def _rate_of_previous(self, first: int) -> bool:
        """`за` at token first - 1 follows a money amount right before it: `57 рублей за $1`."""
        tokens = self.tokens
        if first == 0 or tokens[first - 1].low != _PER or not self.out or self.out[-1].kind != "money":
            return False
        return not self.text[self.out[-1].end : tokens[first - 1].start].strip()

    def _scaled_echo(self, lead: int, num: Number) -> Unit | None:
        """`наберут ещё 1,7 тыс. человек. Таким образом, численность персонала вырастет до 8,2 тыс.`: a scaled
        number with nothing after it to count echoes the last scaled amount of its sentence or the one before,
        in the same paragraph."""
        if not num.scaled or not (self._bare(num) or self._verb_next(num)):
            return None
        scaled = (a for a in reversed(self.out) if a.kind in _ECHOED_KINDS and abs(a.value or 0) >= 1000)
        echoed = next(scaled, None)
        if echoed is None:
            return None
        gap = self.text[echoed.end : self.tokens[lead].start]
        breaks = list(_SENTENCE_BREAK.finditer(gap))
        if len(gap) > _ECHO_CHARS or "\n" in gap or len(breaks) > 2:
            return None
        since = echoed.end + (breaks[0].end() if breaks else 0)
        k = lead
        while k > 0 and self.tokens[k - 1].start >= since:
            k -= 1
            low = self.tokens[k].low
            if breaks and echoed.kind == "money" and low.startswith(HEAD_STEMS + ("населен",)):
                return None  # `Бюджет составил 5 млрд рублей. Население города – 1,2 млн.`: people
            lemma, grammemes = first_parse(low)
            if {"NOUN", "anim", "gent", "plur"} <= grammemes and lemma != echoed.unit:
                return None  # `Число браков выросло на 64 тыс. Игроков продадут на 110 млн.`: others
        return Unit(echoed.kind, echoed.unit, num.end)

    def _head_after(self, num: Number) -> Unit | None:
        """`на 20 тыс. выросло количество желающих`: a scaled number before its verb counts the noun of the
        `число`/`количество` after that verb."""
        if not num.scaled or not self._verb_next(num):
            return None
        head = head_noun_after(self.tokens, num.end)
        return Unit("count", head, num.end) if head is not None else None

    def _verb_next(self, num: Number) -> bool:
        """A finite verb follows the number (`планка в 11 млн будет достигнута`): it counts nothing."""
        nxt = self.tokens[num.end + 1] if num.end + 1 < len(self.tokens) else None
        return (
            nxt is not None
            and nxt.text.isalpha()
            and nxt.text.islower()
            and bool(first_parse(nxt.low)[1] & _FINITE)
        )

    def _change_end(self, lead: int, num: Number) -> Unit | None:
        """`выросло с 51 человека в 2014 году до 7711 в 2017-м`: a bare number after `до` shares the unit of
        the `с` end of its change, a few words back in the same sentence and of a like size."""
        tokens = self.tokens
        if lead < 1 or tokens[lead - 1].low != "до" or not self.out:
            return None
        if not (self._bare(num) or _year_follows(tokens, num.end + 1)):
            return None
        since = self.out[-1]
        gap = self.text[since.end : tokens[lead - 1].start]
        if since.kind not in _ECHOED_KINDS or since.qualifier != "exact" or since.value is None:
            return None
        if len(gap) > _CHANGE_END_CHARS or _SENTENCE_BREAK.search(gap) or num.value is None:
            return None
        if not _FROM_BEFORE.search(self.text, max(0, since.start - 4), since.start):
            return None
        smaller, larger = sorted((abs(since.value), abs(num.value)))
        if smaller == 0 or larger / smaller >= _CHANGE_END_RATIO:
            return None  # `с 5 млн тонн до 7`: a number of another scale
        return Unit(since.kind, since.unit, num.end)

    def _bracketed_head(self, lead: int, num: Number) -> Unit | None:
        """`количество арестованных журналистов (67)`: a number alone in brackets after the noun of
        `число`/`количество` counts it."""
        if not self._bracketed(lead, num) or lead < 2:
            return None
        noun = bracketed_head_noun(self.tokens, lead - 1) or self._bracketed_list_noun(lead)
        return Unit("count", noun, num.end) if noun is not None else None

    def _bracketed_list_noun(self, lead: int) -> str | None:
        """`по количеству очков (1109), хет-триков (20)`: the next noun of a list of bracketed counts."""
        before = self.out[-1] if self.out else None
        word = self.tokens[lead - 2]
        if before is None or before.kind != "count" or self.text[before.start - 1 : before.start] != "(":
            return None
        if self.text[before.end : word.start].strip() not in ("),", ") и", ")"):
            return None
        return plural_count_lemma(word.low) if word.text.islower() else None

    def _bracketed(self, lead: int, num: Number) -> bool:
        """The number stands alone in brackets: `(48,8 тыс.)`."""
        tokens = self.tokens
        end = num.end + 1 if num.end + 1 < len(tokens) and tokens[num.end + 1].text == "." else num.end
        return (
            lead > 0
            and tokens[lead - 1].text == "("
            and end + 1 < len(tokens)
            and tokens[end + 1].text == ")"
        )

    def _noun_before(self, lead: int, num: Number) -> Unit | None:
        """`надомников было 159 тыс.`, `жителей осталось 1,7 млн`: a bare scaled number with nothing after it
        to count takes the genitive plural noun before it, with only a verb of being between; after a verb
        of change only the noun of `число`/`количество` (`число заключенных браков увеличилось почти на 64
        тыс.`, `Количество туристов выросло до 2,5 млн`), not any (`доходы компаний выросли на 5 млрд`)."""
        tokens = self.tokens
        if not self._bare(num):
            return None
        if not num.scaled:
            dash = num.end + 1 < len(tokens) and tokens[num.end + 1].text in _DASHES
            if dash or _is_year(num, tokens, lead):
                return None  # `360-380 тыс. человек`: the range has its own noun; `в 1978-1989`
        head = head_noun(self.tokens, lead)  # `число людей с зарплатой на уровне МРОТ составляет 4,9 млн`
        if head is not None:
            return Unit("count", head, num.end)
        noun = self._clause_noun_before_dash(lead)
        if noun is not None:
            return Unit("count", noun, num.end)
        return self._noun_right_before(lead, num) if num.scaled else None

    def _clause_noun_before_dash(self, lead: int) -> str | None:
        """`(для сравнения: католических детсадов — 100`: a plural genitive noun (after its adjectives) that
        opens its clause and a dash standing for `было` before the number: the noun is counted. Not `у
        националистов — 56` (whose seats), `власти республик — 74`, `100 квадратов — 15 тыс.`."""
        tokens = self.tokens
        k = lead - 2
        if k < 0 or tokens[lead - 1].text not in _DASHES or not tokens[k].text.isalpha():
            return None  # the cheap test first
        if not tokens[k].text.islower() or len(tokens[k].text) < 3:
            return None  # `США — десять`, `куб. м — 158,6`
        lemma = plural_count_lemma(tokens[k].low)
        if lemma is None:
            return None
        while k > 0 and _adjective(tokens[k - 1]):
            k -= 1
        opens = k == 0 or tokens[k - 1].text in _CLAUSE_OPENERS
        return lemma if opens else None

    def _noun_right_before(self, lead: int, num: Number) -> Unit | None:
        """`надомников было 159 тыс.`: the genitive plural noun before the number, with only verbs of being
        between. A change (`на`, `до`, `почти` right before, or a verb of change) counts only the noun of
        `число`/`количество` (see _head_noun): `продать игроков на 110 млн`, `доходы выросли на 5 млрд`."""
        tokens = self.tokens
        floor = self.out[-1].end if self.out else 0  # not a noun some amount before already counts
        k = lead - 1
        if k >= 0 and tokens[k].start >= floor and tokens[k].low in _CHANGE_GAP:
            return None
        while k >= 0 and tokens[k].start >= floor and tokens[k].text[0].isalpha():
            lemma, grammemes = first_parse(tokens[k].low)
            if {"NOUN", "gent", "plur"} <= grammemes and lemma not in COUNT_STOPLIST:
                return Unit("count", lemma, num.end)
            if lemma not in EXISTENTIAL_VERBS:
                return None
            k -= 1
        return None

    def _pieces_named_before(self, lead: int, pieces: Unit) -> Unit:
        """`по 50 танков (всего 400 штук)`, `продажи электромобилей ... достигли 2 млн штук`: `штук` with no
        noun after it counts the thing named before in its sentence: the noun of `число`/`количество`, the
        last count's noun, else the nearest plural genitive noun (the guide: `штук` takes what it counts)."""
        tokens = self.tokens
        head = head_noun(tokens, lead)
        if head is not None:
            return Unit("count", head, pieces.end)
        sentence = self._sentence_start(lead)
        before = next((a for a in reversed(self.out) if a.start >= sentence), None)
        if before is not None and before.kind == "count" and before.unit != _PIECES:
            return Unit("count", before.unit, pieces.end)
        for k in range(lead - 1, max(0, lead - _PIECES_REACH) - 1, -1):
            if tokens[k].start < sentence:
                break
            word = tokens[k].text  # lower case: not `США`, nor the unit `м`
            lemma = (
                plural_count_lemma(tokens[k].low)
                if word.isalpha() and word.islower() and len(word) > 2
                else None
            )
            if lemma is not None:
                return Unit("count", lemma, pieces.end)
        return pieces

    def _sentence_start(self, lead: int) -> int:
        """Where the sentence of token `lead` starts (`тыс.` ends none: see _SENTENCE_BREAK), at most
        _PIECES_CHARS back."""
        start = self.tokens[lead].start
        floor = max(0, start - _PIECES_CHARS)
        breaks = list(_SENTENCE_BREAK.finditer(self.text, floor, start))
        return breaks[-1].end() if breaks else floor

    def _money_in_context(self, num: Number) -> Unit | None:
        """`выделить 20 трлн рублей. Из этой суммы ... порядка 5 трлн – отпускалось`: a scaled number with
        nothing after it that it could count takes the currency of a money amount shortly before it in the
        same paragraph (the annotation guide: the currency the text is about)."""
        if not num.scaled or not self._bare(num):
            return None
        money = next((a for a in reversed(self.out) if a.kind == "money"), None)
        if money is None:
            return None
        tokens, text = self.tokens, self.text
        gap = text[money.end : tokens[num.end].start]
        if len(gap) > _CONTEXT_MONEY_CHARS or "\n" in gap:
            return None
        ends = [gap.rfind(ch) for ch in ".!?"]
        if max(ends) >= 0:  # another sentence: it must be about money too
            sentence = gap[max(ends) + 1 :].lower()
            if not any(cue in sentence for cue in MONEY_CUES):
                return None
        return Unit("money", money.unit, num.end)

    def _bare(self, num: Number) -> bool:
        """Nothing follows the number that it could count (punctuation or the end of the text)."""
        tokens, j = self.tokens, num.end + 1
        if j >= len(tokens):
            return True
        nxt = tokens[j]
        if _SHARE_ASIDE.match(self.text, nxt.start):
            return True  # `на 64 тыс. (на 6,5%)`: a share in brackets is no noun
        if tokens[j - 1].text == "." and nxt.text[0].isupper():
            return True  # `увеличилось на 28 млн. Об этом`: the scale word's dot ended the sentence
        after = tokens[j + 1] if j + 1 < len(tokens) else None
        if after is not None and nxt.text == "(" and after.text[0].islower():
            return True  # `до 198 тыс. (сегодня, по официальным данным, ...)`: an aside, nothing counted
        if after is not None and nxt.low in ("и", "а") and after.text[0].isalpha():
            return bool(first_parse(after.low)[1] & _FINITE)  # `на 25 тыс. и составило`: the next verb
        if nxt.low in _MORE_LESS:
            return True  # `на полмиллиарда больше`: a comparative counts nothing
        if nxt.text.isalpha() and nxt.text.islower() and "ADVB" in first_parse(nxt.low)[1]:
            return True  # `до 3 миллионов ежедневно`: an adverb counts nothing
        return nxt.text in _BARE_NUMBER_NEXT

    def _listed(self, lead: int) -> bool:
        """Token `lead` follows a count of the same clause after `и` or a comma."""
        if (
            not self.out
            or self.out[-1].kind != "count"
            or lead == 0
            or self.tokens[lead - 1].low not in ("и", ",")
        ):
            return False
        gap = self.text[self.out[-1].end : self.tokens[lead].start]
        return len(gap) <= 40 and not any(ch in gap for ch in ".;:!?\n()«»")

    def _count_before(self) -> Amount | None:
        """The last amount found if it is a count, looking past bracketed asides (`772 млн человек (55,8%
        населения), в том числе 753 млн`)."""
        for found in reversed(self.out):
            if found.kind == "count":
                return found
            if self.text[max(found.start - 8, 0) : found.start].rstrip()[-1:] != "(":
                return None
        return None

    def _elliptic_count(self, lead: int, num: Number) -> Unit | None:
        """`30 машин Ту-95, 12 — Ту-22М3`, `из 12 спецучастков состоялось лишь 10, а ещё три были сокращены`:
        a bare number takes the noun of the count before it in the same sentence (the noun left out by
        ellipsis). Only when nothing after the number could be its own noun: punctuation, a conjunction,
        a verb or a model code (`один Ту-22MR`); never after a preposition (`в 15`, `по 2`) or for a year."""
        tokens, text = self.tokens, self.text
        before = self._count_before()
        if before is None or before.unit == _TIMES:
            return None
        if _is_year(num, tokens, lead) or (num.is_digits and _is_year(num, tokens, num.end)):
            return None
        gap = text[before.end : tokens[lead].start]
        if len(gap) > _ELLIPSIS_CHARS or "\n" in gap:
            return None
        if any(ch in gap for ch in _SENTENCE_ENDS) and not self._part_of_them(lead, num, before):
            return None  # the noun left out is named in the same sentence, or just before `N из них`
        first = _list_start(tokens, lead)
        if first > 0:
            prev = tokens[first - 1]
            # `99 кандидатов из 142`: the whole counted; `один тепловоз вместо трёх`: the count it replaces
            whole = prev.low in _WHOLE_PREPS and not text[before.end : prev.start].strip()
            # `упал на 100 пунктов (3,75%) до 2 581`: the value a change by a count reached
            reached = (
                prev.low == "до"
                and _BY_BEFORE.search(text, max(before.start - 4, 0), before.start) is not None
                and not any(ch.isdigit() for ch in _ASIDE.sub("", text[before.end : prev.start]))
            )
            if prev.text[0].isalpha() and "PREP" in first_parse(prev.low)[1] and not (whole or reached):
                return None  # `в 15`, `по 2`, `на 4 и 5`
        if lead > 0:
            prev = tokens[lead - 1]
            if prev.end == tokens[lead].start and prev.text in _SIGNS | {"(", "/"}:
                return None  # `+19`, `20-1`, `(22+31)`: scores and signed differences
            labelled = prev.start >= before.end and num.end == lead  # not the count's own noun
            if labelled and prev.text[0].isalpha() and "NOUN" in first_parse(prev.low)[1]:
                return None  # `«списка 20»`, `корпуса 5`: a number labelling the noun before it
        if tokens[lead].low in SCALE_WORD_FORMS:
            return None  # `поставили миллион и $1,2 млн`: a bare scale word is money or vague
        if tokens[lead].text in _SIGNS:
            return None  # `показателем полезности +8`, `«-22»`: a signed rating or difference
        homonym_case = _NOUN_HOMONYMS.get(tokens[num.end].low)
        if homonym_case is not None and homonym_case not in first_parse(before.text.split()[-1].lower())[1]:
            return None  # `за семью`: a family; `четырьмя спортсменами, а ... — семью`: seven
        if num.end == lead and lead > 0 and tokens[lead - 1].low in _ALL_WORDS:
            return None  # `все трое`: a collective numeral with no noun is no amount
        j = _list_end(tokens, num.end, text) + 1
        if (
            j < len(tokens)
            and tokens[j].start - tokens[j - 1].end <= 2
            and "\n" not in text[tokens[j - 1].end : tokens[j].start]
        ):
            nxt = tokens[j]
            if nxt.text[0].isalpha():
                if first > 0 and tokens[first - 1].low == "из" and self._describes_whole(j):
                    return Unit("count", before.unit, j)  # `в четырёх гонках из шести возможных`
                if j == num.end + 1 and _adjective_of_left_noun(tokens, j, before):
                    return Unit("count", before.unit, j)  # `девять бронзовых наград, шесть серебряных`
                if not (
                    nxt.low in _ELLIPSIS_NEXT
                    or first_parse(_word(nxt))[1] & _FINITE
                    or _glued_code(tokens, j)
                ):
                    return (
                        None  # `пробы от 7, 8 и 11 апреля`, `32 голосующих`: a word that may be its own noun
                    )
            elif _SHARE_ASIDE.match(text, nxt.start):
                pass  # `753 млн (97,5%) – мобильного`: a share in brackets, the noun is still left out
            elif nxt.text in _NOT_ELLIPTIC_NEXT or nxt.text in _OPEN_QUOTES or is_ascii_digit(nxt.text[0]):
                return None  # a unit symbol, arithmetic (`53 (22+31) очка`), `двумя 30-мм`
            elif nxt.start == tokens[j - 1].end and nxt.text not in ",.;:)»":
                return None  # glued punctuation: `5-й`, `10:30`, `5/7`
        return Unit("count", before.unit, num.end)

    def _share_before(self, k: int) -> bool:
        """A percent amount ends right before token k."""
        before = self.out[-1] if self.out else None
        return (
            before is not None and before.kind == "percent" and k > 0 and before.end == self.tokens[k - 1].end
        )

    def _describes_whole(self, j: int) -> bool:
        """`из 12 возможных`, `из 28 проведённых`: token j is a plural genitive adjective or participle
        standing for the whole's noun (no noun after it: `из шести возможных вариантов` has its own)."""
        tags = first_parse(self.tokens[j].low)[1]
        if not (tags & _ADJECTIVAL and tags >= _PLURAL_GENITIVE):
            return False
        k = j + 1
        return (
            k >= len(self.tokens)
            or not self.tokens[k].text[0].isalpha()
            or ("NOUN" not in first_parse(self.tokens[k].low)[1])
        )

    def _part_of_them(self, lead: int, num: Number, before: Amount) -> bool:
        """`17 человек. 12 из них убили в школе`: `N из них` (N > 1) opens a sentence and counts the noun of
        the count that ended the sentence before."""
        tokens, j = self.tokens, num.end
        if num.value <= 1 or j + 2 >= len(tokens) or tokens[j + 1].low != "из":
            return False
        if tokens[j + 2].low not in ("них", "которых"):
            return False
        between = self.text[before.end : tokens[lead].start]
        return lead > 0 and tokens[lead - 1].text in ".!?" and between.count(".") + between.count("!") <= 1

    def _yearly_series(self, lead: int, num: Number) -> Unit | None:
        """`составил 146,6 млрд куб. м, в 2015-м – 158,6; в 2016-м – 179,3`: a bare number after a year and a
        dash continues the series of the amount before it in the sentence, with its unit and scale."""
        tokens, text = self.tokens, self.text
        if not num.is_digits or num.scaled or lead < 2 or tokens[lead - 1].text not in _DASHES:
            return None
        if is_year_token(tokens, lead) or _is_year(num, tokens, lead):
            return None  # `в 2011—2014 годах`: a range of years
        if not any(is_year_token(tokens, k) for k in range(max(lead - 6, 0), lead - 1)):
            return None
        before = next((m for m in reversed(self.out) if m.kind in _SERIES_KINDS), None)
        if before is None or before.value is None:
            return None
        gap = text[before.end : tokens[lead].start]
        if len(gap) > _ELLIPSIS_CHARS or any(ch in gap for ch in ".!?\n"):
            return None
        lead_number = _LEADING_NUMBER.search(before.text)
        if lead_number is None:
            return None
        shown = float(re.sub(r"\s", "", lead_number.group()).replace(",", "."))
        scale = next((x for x in _SERIES_SCALES if math.isclose(before.value, shown * x, rel_tol=1e-9)), None)
        if scale is None:
            return None  # `$5,2 млн` shows 5.2 of 5.2e6; anything else (coins, sums) is left alone
        return Unit(before.kind, before.unit, num.end, scale)

    def _collective_antecedent(self, lead: int, num: Number) -> Unit | None:
        """`судили политактивистов, в том числе двоих из «списка 20»`, `... Трое уже отбывают аресты`: a
        collective numeral with no noun of its own counts the plural animate noun named last before it, in
        its sentence or, when the numeral opens a sentence, in the one before (the annotation guide)."""
        tokens = self.tokens
        if num.end != lead or "Coll" not in first_parse(tokens[lead].low)[1]:
            return None
        if lead > 0 and tokens[lead - 1].low in _ALL_WORDS:
            return None  # `все трое`: the whole group
        start = tokens[lead].start
        before = self.text[max(0, start - _ANTECEDENT_CHARS) : start]
        sentences = _SENTENCE_BREAK.split(before)
        opens = len(sentences) > 1 and not sentences[-1].strip()
        scope = " ".join(sentences[-2:]) if opens else sentences[-1]
        for word in reversed(_WORD.findall(scope)):
            lemma, tags = first_parse(word.lower())
            if tags >= _ANIMATE_PLURAL:
                return Unit("count", lemma, num.end)
        return None

    def _partitive_count(self, num: Number) -> Unit | None:
        """`21 из 2860 депутатов`, `три из последних четырёх этапов`: a bare number before `из` + a count
        takes that count's noun."""
        tokens, text = self.tokens, self.text
        j = num.end + 1
        if j + 1 >= len(tokens) or tokens[j].low != "из":
            return None
        k = j + 2 if _adjective(tokens[j + 1]) and j + 2 < len(tokens) else j + 1  # `из последних четырёх`
        if not (is_ascii_digit(tokens[k].text[0]) or tokens[k].low in NUMBER_WORDS):
            return None
        whole = read_number(tokens, k, text, qualified=False)
        unit = _unit_after(tokens, whole, k, text) if whole is not None else None
        return Unit("count", unit.unit, num.end) if unit is not None and unit.kind == "count" else None

    def _contrasted_count(self, lead: int, first: int, num: Number) -> Unit | None:
        """`около 400, а по всей стране более 100 тыс. скотомогильников`: the noun of a count after `, а`
        (token `first` starts the qualifier, if any, else it is `lead`)."""
        tokens = self.tokens
        if _is_year(num, tokens, lead) or (not num.scaled and (num.value <= 1 or not num.value.is_integer())):
            return None  # `1,5, а то и 2 тыс. детей`: a fraction borrows a scale too, not only the noun
        if lead > 0 and tokens[lead - 1].end == tokens[lead].start and tokens[lead - 1].text[-1] not in "«(":
            return None  # `Л370-2, а также`: the tail of a code
        if lead > 0 and is_ascii_digit(tokens[lead - 1].text[0]):
            return None  # `до 24 345, а`: part of a number read apart
        if num.end == lead and "Coll" in first_parse(tokens[lead].low)[1]:
            return None  # `трое, а ...`: a collective numeral is a noun of its own
        if (
            first > 0
            and tokens[first - 1].text[0].isalpha()
            and "PREP" in first_parse(tokens[first - 1].low)[1]
        ):
            return None  # `в 15, а не в 16 часов`: a time or label after a preposition
        noun = count_noun_ahead(tokens, num, self.text, _unit_after, NUMBER_START_WORDS)
        return Unit("count", noun, num.end) if noun is not None else None

    def _orphan_member(self, lead: int) -> bool:
        """Token `lead` continues a list (`, 4`) whose previous number was not read as an amount."""
        tokens = self.tokens
        if lead < 2 or tokens[lead - 1].low not in _LIST_SEPS or not is_ascii_digit(tokens[lead - 2].text[0]):
            return False
        return not self.out or self.out[-1].end != tokens[lead - 2].end

    def _idiom(self, a: int) -> bool:
        """Token a is inside a set phrase (`на семи холмах`, `в двух шагах`; models/amounts/idioms.txt)."""
        for s in range(max(a - 2, 0), a + 1):
            found = match_trie(IDIOMS, self.tokens, s, self.text)
            if found is not None and found[1] >= a:
                return True
        return False

    def _labelled_list(self, lead: int) -> bool:
        """Token `lead` ends a list of numbers (`222 и 232`, `3, 4, 5`) that began after a numbering word."""
        tokens, text = self.tokens, self.text
        k = lead
        while (
            k >= 2
            and tokens[k - 1].low in _LIST_SEPS
            and is_ascii_digit(tokens[k - 2].text[0])
            and tight(text, tokens[k - 2].end, tokens[k - 1].start)
            and (k == 2 or tokens[k - 3].end < tokens[k - 2].start)  # not the tail of a code: `Tу-22M3, три`
        ):
            k -= 2
        return k < lead and _numbering_before(tokens, k, text)

    def _emit(self, a: int, b: int, kind: str, value, vmin, vmax, unit: str, qual: str) -> None:
        if self._idiom(a):
            return
        if _sentence_dot(self.tokens, b, self.text):
            b -= 1
        start, end = self.tokens[a].start, self.tokens[b].end
        self.out.append(Amount(start, end, self.text[start:end], kind, value, vmin, vmax, unit, qual))

    def _try(self, i: int) -> int | None:
        tokens, text = self.tokens, self.text
        if continues_group(tokens, i, text):
            return None  # `до 2 581,`: the number read from `2` found no unit; its tail is no amount
        prefix = _prefix_currency(tokens, i, text)
        lead = i - 1 if prefix else i
        if lead < self.floor:
            prefix, lead = None, i
        sign = 1.0
        if not prefix and is_ascii_digit(tokens[i].text[0]):
            signed = _sign_before(tokens, i, text, self.floor)
            if signed is not None:
                sign, lead = signed
        qual_found = _qualifier_before(tokens, lead, text, self.floor, self._after_target)
        self._target = qual_found is None and lead - 1 >= self.floor and tokens[lead - 1].low == "до"
        # a currency sign stands between a label word and its number: `вложил в проект $12 млрд` is money
        numbered = qual_found is None and not prefix and _numbering_before(tokens, lead, text)
        num = read_number(tokens, i, text, qualified=qual_found is not None)
        if num is None or _month_year(num, tokens, i):
            return None
        if num.is_digits and _starts_code(tokens, num.end):
            return _code_end(tokens, num.end)  # `9М120-1`, `48Н6Е2`: the number begins a code
        if numbered and tokens[lead - 1].text.isascii():
            if not _noun_counted_next(tokens, num, text):
                return None  # `Windows 10`, `Boeing 737 MAX`: Latin model names, whatever follows
            numbered = False  # `MECC 270 участников`: a name, then a count
        if not num.is_digits and not num.scaled and num.value == 1:
            # `один` + its noun counts one (`ранен один гражданин`, `и одного жителя`), unless it is an
            # article or pronoun (see _one_not_counted); a unit of measure is read further down
            measure = _unit_after(tokens, num, i, text)
            # `более одного удостоверения`, `не реже одного раза`: a bound keeps `один` a number; not the
            # prepositions `до`, `от`, `в пределах одной гонки`, not `примерно одного поколения` (the same),
            # not `одной пятой`
            comparison = (
                qual_found is not None
                and qual_found[0] != "approx"
                and tokens[qual_found[1]].low not in _PREP_QUALIFIERS
                and tokens[qual_found[1]].low != "в"
                and num.end + 1 < len(tokens)
                and "Anum" not in first_parse(tokens[num.end + 1].low)[1]
            )
            if (qual_found is None or comparison) and (measure is None or measure.kind == "count"):
                unit = _counted_noun(tokens, num, num.end + 1, text, allow_one=True)
                if (
                    unit is not None
                    and _next_tight(tokens, num.end, text)
                    and (self._listed(lead) or not _one_not_counted(tokens, lead, unit.end))
                    and not _in_title(tokens, lead)  # `девиза «Мы одна семья»`
                ):
                    qual, first = qual_found if comparison else ("exact", lead)
                    self._emit(first, unit.end, "count", *_value_fields(1.0, qual), unit.unit, qual)
                    return unit.end
            if qual_found is None and self._listed(lead) and not _followed_by(tokens, num.end, "из"):
                elliptic = self._elliptic_count(lead, num)
                if elliptic is not None:  # `пять — Ту-160М1 и один Ту-22MR`, `и одна золотая`
                    self._emit(lead, elliptic.end, "count", 1.0, 1.0, 1.0, elliptic.unit, "exact")
                    return elliptic.end
            rate = self._one_per_period(lead, num) if qual_found is None else None
            if rate is not None:  # `один визит в год`: a count at a rate (the test3 convention)
                self._emit(lead, rate.end, "count", 1.0, 1.0, 1.0, rate.unit, "exact")
                return rate.end
            unit = measure
            if unit is None or unit.kind == "count" or (lead > 0 and tokens[lead - 1].low == _PER):
                return None  # `$6 млн за один километр`: the denominator of a rate
            if lead > 0 and tokens[lead - 1].low == "ни":
                return None  # `Ни одного метра не уступили`: none
            # `на один процентный пункт`, `одна тонна`: a unit of measure makes `один` a number
            qual, first = qual_found if qual_found else ("exact", lead)
            value, vmin, vmax = _value_fields(_times(1.0, unit.factor), qual)
            self._emit(first, unit.end, unit.kind, value, vmin, vmax, unit.unit, qual)
            return unit.end
        if sign < 0:
            num = num._replace(value=-num.value)
        qual, first = qual_found if qual_found else ("exact", lead)
        if prefix and not num.scaled and num.end + 1 < len(tokens):
            suffix = tokens[num.end + 1]
            if suffix.start == tokens[num.end].end and suffix.low in _LATIN_SCALES:
                scale = _LATIN_SCALES[suffix.low]
                num = Number(scaled_sum(0.0, num.value, scale), num.end + 1, True, num.is_digits, scale)
        if prefix and not num.scaled:
            scale = _paired_scale(tokens, num, tokens[lead].text, text)
            if scale is not None:  # `$2,1 и $1,7 млрд соответственно`: the scale written once, at the end
                num = Number(scaled_sum(0.0, num.value, scale), num.end, True, num.is_digits, scale)
        unit = Unit("money", prefix, num.end) if prefix else _unit_after(tokens, num, i, text)
        if unit is not None and unit.kind == "count" and unit.unit == _PIECES:
            unit = self._pieces_named_before(lead, unit)
        if (
            unit is None
            and not prefix
            and qual == "exact"
            and (inner := _inner_post_qualifier(tokens, num, text))
        ):
            # `пять или более мер`, `10 и более процентов`: the bound stands between the number and its noun
            unit = _unit_after(tokens, num._replace(end=num.end + 2), i, text)
            qual = inner if unit is not None else qual
        if unit is None and (qual == "exact" or tokens[first].low not in _PREP_QUALIFIERS):
            # a qualifier applies to its own member only: `около 39 млрд и 23,9 млрд руб.`
            unit = _list_unit(tokens, num, text)
            if unit is not None and unit.kind == "count" and self._orphan_member(lead):
                unit = None  # `пункты 3, 4 и 5 статьи`: the list began with a label, not a count
            if unit is None:
                shared = shared_unit_ahead(tokens, num, text, _unit_after)
                unit = Unit(shared[0], shared[1], num.end) if shared else None
            unit = (
                unit
                or self._noun_before(lead, num)
                or self._bracketed_head(lead, num)
                or self._previous_unit(lead, num)
                or self._money_in_context(num)
                or self._head_after(num)
                or self._scaled_echo(lead, num)
                or self._change_end(lead, num)
            )
        if qual == "lte" and tokens[first].low == "до" and unit is not None and unit.unit == _WINS:
            qual, first = "exact", lead  # `Матч длился до шести побед`: the format, the wins it takes
        if numbered and not num.scaled and (unit is None or unit.kind not in _LABEL_PROOF_KINDS):
            # `статья 50`, `дом 12`; a measure, money, a percentage or a scale word make it an amount:
            # `калибром 122 мм`, `участок 5 га`, `вложила в проект 12 млрд рублей`
            return None
        if unit is not None and unit.kind == "count" and self._labelled_list(lead):
            return None  # `статьи 222 и 232 Конституции`: the last label of a list, not a count
        if unit is None and not (qual_found and tokens[first].low in _PREP_QUALIFIERS):
            unit = (
                self._partitive_count(num)
                or self._elliptic_count(lead, num)
                or self._yearly_series(lead, num)
                or self._contrasted_count(lead, first, num)
                or self._collective_antecedent(lead, num)
            )

        # ranges: `5-10 млн тенге`, `от 5 до 10 млн тенге`, `от 5 тыс. тенге до 10 тыс.`
        after_first = unit.end if unit else num.end
        via = "до" if qual == "gte" and tokens[first].low == "от" else "dash"
        second = _second_bound(tokens, after_first, text, via, prefix)
        if second is not None:
            rng = self._range(i, num, unit, second, prefix)
            if rng is not None:
                lo, hi, unit2, end = rng
                if _multiplier(tokens, first, lead, unit2, hi, text):
                    return end  # `в 5-6 раз`: consumed, so `6 раз` is not read on its own
                if lo <= hi:
                    # `около 24-26%`, `более чем на 2,5–3 п.п.`: a qualified range is still a range, its
                    # bounds the estimate (every annotator so far, where the guide was silent)
                    self._emit(first, end, unit2.kind, None, lo, hi, unit2.unit, "range")
                    return end
                if via == "до":
                    # `от 0,5 трлн до 300 млрд рублей`, `набрали от 1,65% до 0,65%`: `от .. до` states a range
                    # (a change is `с .. до`), here with the larger bound first
                    self._emit(first, end, unit2.kind, None, hi, lo, unit2.unit, "range")
                    return end
        if unit is None:
            return self._change_source(i, lead, num, qual_found)
        if _multiplier(tokens, first, lead, unit, num.value, text):
            return None
        if (
            tokens[first].low == "от"
            and qual == "gte"
            and (unit.kind == "count" or self._share_before(first))
        ):
            # `отказаться от двух островов`, `защита от трёх ракет`: with counts `от` is mostly a preposition;
            # `0,03% от $2,019 млрд`: the whole a share is taken of
            qual, first = "exact", lead
        end = max(unit.end, num.end)
        if unit.kind == "money" and num.value == 1 and self._rate_of_previous(first):
            return end  # `57 рублей за $1`: the denominator of an exchange rate
        if _quoted_name(tokens, first, end, text) or _in_title(tokens, first):
            return end  # `«Движение 5 звезд»`, `фильм «28 панфиловцев»`: part of a name in quotes
        if _fills_quotes(tokens, first, end):
            return end  # `клуба «16 тонн»`
        if qual == "exact" and end + 2 < len(tokens) and tokens[end + 1].low in ("и", "или"):
            post = POST_QUALIFIERS.get(tokens[end + 2].low)
            after = tokens[end + 3] if end + 3 < len(tokens) else None
            # `и более того`; `и более чем на очко опередила`: a comparison of its own
            moreover = after is not None and after.low in ("того", "чем")
            # `6 армий и свыше 50 дивизий`: the word qualifies the next number
            ahead = after is not None and (
                is_ascii_digit(after.text[0])
                or after.low in NUMBER_START_WORDS
                or after.text in PREFIX_SYMBOLS
            )
            if post is not None and not moreover and not ahead:
                qual, end = post, end + 2  # `10% и более`: the qualifier after the number
        value, vmin, vmax = _value_fields(_times(num.value, unit.factor), qual)
        self._emit(first, end, unit.kind, value, vmin, vmax, unit.unit, qual)
        return end

    def _change_source(self, i: int, lead: int, num: Number, qual_found) -> int | None:
        """`с 5 до 10%`, `с 11,66 до 26,06 грн.`: the bare start value borrows the target's unit and scale.

        Emits only the start (the target is found on its own next, `до` after a number being a target).
        """
        tokens, text = self.tokens, self.text
        if (
            qual_found is not None
            or lead == 0
            or lead - 1 < self.floor
            or tokens[lead - 1].low not in ("с", "со")
        ):
            return None
        second = _second_bound(tokens, num.end, text, "до")
        if second is None:
            return None
        k, num2 = second
        unit2 = _unit_after(tokens, num2, k, text)
        if unit2 is None and not num.scaled and not num2.scaled:
            head = head_noun(self.tokens, lead)
            if head is not None:  # `количество МБР выросло с 330 до 1360`
                self._emit(lead, num.end, "count", num.value, num.value, num.value, head, "exact")
                return num.end
        if unit2 is None:
            return None
        if unit2.kind == "count" and not _change_target(tokens, lead - 1, text, self.floor, False):
            # `групп с 5 до 10 человек`: a count needs a verb of change (`выросло с 138 566 до 179 537`)
            return None
        value = _times(
            scaled_sum(0.0, num.value, num2.scale) if not num.scaled and num2.scaled else num.value,
            unit2.factor,
        )
        self._emit(lead, num.end, unit2.kind, value, value, value, unit2.unit, "exact")
        return num.end

    def _range(self, i: int, num: Number, unit: Unit | None, second: tuple[int, Number], prefix: str | None):
        tokens, text = self.tokens, self.text
        via_dash = tokens[num.end + 1].text in _DASHES or (
            unit is not None and tokens[unit.end + 1].text in _DASHES
        )
        via_dash = via_dash or _ellipsis(tokens, (unit.end if unit is not None else num.end) + 1) is not None
        k, num2 = second
        if unit is None and tokens[k - 1].text in PREFIX_SYMBOLS:
            # `11—€12 млрд`: the symbol written on the second bound only, the first a bare number below it
            if _is_year(num, tokens, i) or num.value * (num2.scale if num2.scaled else 1.0) > num2.value:
                return None
            unit2: Unit | None = Unit("money", PREFIX_SYMBOLS[tokens[k - 1].text], num2.end)
        else:
            unit2 = _unit_after(tokens, num2, k, text)
        if unit2 is None and unit is not None and unit.kind == "money" and prefix:
            unit2 = Unit("money", prefix, num2.end)  # `$5-10 млн`
        if unit2 is None and unit is not None and unit.kind == "count" and unit.end > num.end and via_dash:
            return None  # `два полных теневых затмения — 31 января`: a count, then what it lists
        if unit2 is None:
            unit2 = unit
        if unit2 is None and not num.scaled and not num2.scaled and not _is_year(num, tokens, i):
            head = head_noun(self.tokens, i if tokens[i - 1].low != "от" else i - 1)
            unit2 = Unit("count", head, num2.end) if head is not None else None  # `колебалось от 90 до 120`
        if unit2 is None or (unit is not None and (unit.kind, unit.unit) != (unit2.kind, unit2.unit)):
            return None
        lo, hi = num.value, num2.value
        # `от 5 до 10 млн`: the first bound shares the second's scale when that keeps lo <= hi
        first_bare = unit is None or unit.end == num.end  # `$3-4 млрд`: a prefix symbol is no scale
        if not num.scaled and num2.scaled and first_bare and lo * num2.scale <= hi:
            lo = scaled_sum(0.0, lo, num2.scale)
        lo, hi = _times(lo, unit.factor if unit is not None else unit2.factor), _times(hi, unit2.factor)
        if lo > hi and hi < 0:
            lo, hi = hi, lo  # `от -5 до -10 градусов`: both bounds below zero, the range is [-10, -5]
        if lo > hi and via_dash:
            return None
        return (
            lo,
            hi,
            unit2,
            max(unit2.end, num2.end),
        )  # lo > hi: `от 0,5 трлн до 300 млрд`, larger bound first


def extract_amounts(text: str) -> list[Amount]:
    """All amounts in `text`, sorted by start, non-overlapping. See the package docstring for conventions."""
    if not isinstance(text, str) or not text:
        return []
    found = _Scanner(text).run()
    # `Евгений Никитин. Семь жизней М. Горького (9)`: a title in a list of books
    found = outside_titles(text, found)
    return with_weather_units(text, with_context_currency(text, found))
