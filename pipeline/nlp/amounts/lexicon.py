"""Loads models/amounts/ into lookup structures once, at import time.

Phrases become token tries: a dict per node keyed by lexicon token, with the payload under the key `None`.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

from pipeline.nlp.amounts.morph import always_singular, lexeme_forms
from pipeline.nlp.amounts.tokens import Token, norm, split_phrase_chunk, tight, trie_regex
from pipeline.nlp.dates.tokens import ADJECTIVE_ENDINGS

MODEL_DIR = Path(__file__).resolve().parents[3] / "models" / "amounts"

Trie = dict[Any, Any]


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (MODEL_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _chunk_options(chunk: str) -> list[tuple[str, ...]]:
    """The token sequences one phrase chunk can stand for; () encodes an omitted optional chunk."""
    optional = chunk.endswith("?") and len(chunk) > 1
    if optional:
        chunk = chunk[:-1]
    options: list[tuple[str, ...]] = []
    for alt in chunk.split("|") if len(chunk) > 1 else [chunk]:
        if alt.endswith("~") and len(alt) > 1:
            options.extend((form,) for form in sorted(lexeme_forms(norm(alt[:-1]))))
        else:
            options.append(tuple(split_phrase_chunk(alt)))
    if optional:
        options.append(())
    return options


def expand_phrase(phrase: str) -> list[tuple[str, ...]]:
    """Every token sequence a lexicon phrase matches (see models/amounts/README.md)."""
    per_chunk = [_chunk_options(chunk) for chunk in phrase.split()]
    return [tuple(itertools.chain.from_iterable(combo)) for combo in itertools.product(*per_chunk)]


def build_trie(entries: list[tuple[str, Any]], reverse: bool = False) -> Trie:
    trie: Trie = {}
    for phrase, payload in entries:
        for seq in expand_phrase(phrase):
            if not seq:
                continue
            node = trie
            for tok in reversed(seq) if reverse else seq:
                node = node.setdefault(tok, {})
            node.setdefault(None, payload)  # first entry wins on exact duplicates
    return trie


def match_trie(trie: Trie, tokens: list[Token], i: int, text: str, step: int = 1) -> tuple[Any, int] | None:
    """Longest phrase starting at token i (step=-1: ending at token i); returns (payload, last index).

    Tokens of one phrase must be separated by at most one line's horizontal whitespace.
    """
    node, best, j, n = trie, None, i, len(tokens)
    while 0 <= j < n:
        if j != i:
            a, b = (tokens[j - 1], tokens[j]) if step == 1 else (tokens[j], tokens[j + 1])
            if not tight(text, a.end, b.start):
                break
        node = node.get(tokens[j].low)
        if node is None:
            break
        if None in node:
            best = (node[None], j)
        j += step
    return best


CURRENCIES: Trie = build_trie(
    [(r[0], (r[1], float(r[2]) if len(r) > 2 else 1.0)) for r in _rows("currencies.tsv")]
)


def _ambiguous_currency_nouns(rows: list[list[str]]) -> dict[str, str]:
    """Nouns listed alone (`фунт~`: GBP) and after an adjective naming another code (`кипрский~ фунт~`)."""
    alone = {r[0][:-1]: r[1] for r in rows if r[0].endswith("~") and " " not in r[0]}
    return {
        noun: alone[noun]
        for r in rows
        if r[0].count(" ") == 1 and (noun := r[0].split(" ")[1].rstrip("~")) in alone and r[1] != alone[noun]
    }


# noun -> the code it has alone: `фунт` GBP, `доллар` USD
AMBIGUOUS_CURRENCY_NOUNS: dict[str, str] = _ambiguous_currency_nouns(_rows("currencies.tsv"))
PREFIX_SYMBOLS: dict[str, str] = {r[0]: r[1] for r in _rows("prefix_symbols.tsv")}
# (unit, kind, the spelling the token must have or None)
UNITS: Trie = build_trie([(r[0], (r[1], r[2], r[3] if len(r) > 3 else None)) for r in _rows("units.tsv")])


def match_unit(tokens: list[Token], k: int, text: str) -> tuple[Any, int] | None:
    """The longest unit phrase at token k, as match_trie; a unit bound to a spelling (units.tsv's fourth
    column: `кВ`) only when the token is written so."""
    unit = match_trie(UNITS, tokens, k, text)
    if unit is not None and unit[0][2] is not None and tokens[k].text != unit[0][2]:
        return None
    return unit


IMPRINT_UNITS: Trie = build_trie([(r[0], r[1]) for r in _rows("imprint_units.tsv")])
IDIOMS: Trie = build_trie([(r[0], True) for r in _rows("idioms.txt")])
SCALES: Trie = build_trie([(r[0], float(r[1])) for r in _rows("scales.tsv")])
QUALIFIERS_REV: Trie = build_trie([(r[0], r[1]) for r in _rows("qualifiers.tsv")], reverse=True)

# `17-метровая`, `53-килограммовый`: a measure stem and an adjective ending -> normalised unit
_ADJ_ENDINGS = "|".join(ADJECTIVE_ENDINGS)
_ADJ_ENDING_SET = frozenset(ADJECTIVE_ENDINGS)
_MEASURE_STEMS = {norm(r[0]): r[1] for r in _rows("measure_adjectives.tsv")}
_MEASURE_ADJ = re.compile(
    "("
    + "|".join(sorted(map(re.escape, _MEASURE_STEMS), key=len, reverse=True))
    + ")(?:"
    + _ADJ_ENDINGS
    + ")"
)


_COMPOUND_STEMS = {norm(r[0]): float(r[1]) for r in _rows("compound_stems.tsv")}
_COMPOUND_STEM_RE = "|".join(sorted(map(re.escape, _COMPOUND_STEMS), key=len, reverse=True))
_COMPOUND = re.compile(f"({_COMPOUND_STEM_RE})(.+)")
RACE_NOUN_PART = "метровк"  # `500-метровке`, `стометровку`: the race, a noun
_RACE_DISTANCE = re.compile(RACE_NOUN_PART + "(?:а|и|е|у|ой|ою)")
_RACE_STEM = "сто"  # `стометровка`: the race, though `сто` opens no measure adjective (compound_stems.tsv)
# where the prefilter must look: `пятипроцентный`, `двухметрового`
_COMPOUND_ANCHOR = trie_regex(
    [stem + rest for stem in _COMPOUND_STEMS for rest in ("процентн", *_MEASURE_STEMS)]
    + [_RACE_STEM + RACE_NOUN_PART]
)


def compound_adjective(word: str) -> tuple[float, str, str] | None:
    """`пятипроцентным` -> (5, percent, %), `двухметрового` -> (2, quantity, m): a number stem glued to a
    percent or measure adjective; None for anything else (`двухэтажный`, `пятилетний`)."""
    if word.startswith(_RACE_STEM) and _RACE_DISTANCE.fullmatch(word, len(_RACE_STEM)):
        return 100.0, "quantity", "m"  # `на стометровке`
    m = _COMPOUND.fullmatch(word)
    if m is None:
        return None
    rest = m.group(2)
    if rest.startswith("процентн") and rest[len("процентн") :] in _ADJ_ENDING_SET:
        return _COMPOUND_STEMS[m.group(1)], "percent", "%"
    unit = measure_adjective_unit(rest)
    return (_COMPOUND_STEMS[m.group(1)], "quantity", unit) if unit is not None else None


# `152-мм орудия`, `10-км гонка`: unit abbreviations of two letters or more glued to the number by a dash
GLUED_UNITS: dict[str, str] = {
    r[0].split()[0]: r[1]
    for r in _rows("units.tsv")
    if r[2] == "quantity" and len(r) == 3 and re.fullmatch(r"[а-я]{2,3}( \.\?)?", r[0])
}


def measure_adjective_unit(word: str) -> str | None:
    """The unit of an adjectival measure word (`метровая` -> 'm') or of a race distance (`метровке` in
    `500-метровке`, `стометровке`: every gold that met one), or None (`летний`)."""
    m = _MEASURE_ADJ.fullmatch(word)
    if m is not None:
        return _MEASURE_STEMS[m.group(1)]
    return "m" if _RACE_DISTANCE.fullmatch(word) else None


NUMBER_WORDS: dict[str, tuple[float, str]] = {}
for _phrase, _value, _cls in _rows("number_words.tsv"):
    for _seq in expand_phrase(_phrase):
        for _tok in _seq:
            NUMBER_WORDS.setdefault(_tok, (float(_value), _cls))

# Scale words that may stand alone as a number ('миллион долларов'); plural-ambiguous forms ('тысячи')
# only after a qualifier ('более тысячи человек'), since 'тысячи людей' is vague.
# Scale words marked `numeral` (`десяток`) need a number before them: `десятки людей` is vague.
SCALE_WORD_FORMS: dict[str, float] = {}
for _phrase, _mult, _numeral in ((r[0], float(r[1]), r[2:] == ["numeral"]) for r in _rows("scales.tsv")):
    if _phrase.endswith("~") and not _numeral:
        for (_tok,) in expand_phrase(_phrase):
            SCALE_WORD_FORMS[_tok] = _mult
# Forms of those (`десятка`, `десятков`): they scale the group before them, which a larger scale may follow
# (`два десятка тысяч` is 20 000).
GROUP_SCALE_FORMS: frozenset[str] = frozenset(
    _tok
    for _row in _rows("scales.tsv")
    if _row[2:] == ["numeral"]
    for _seq in expand_phrase(_row[0])
    for _tok in _seq
)
BARE_SCALE_SURE: frozenset[str] = frozenset(w for w in SCALE_WORD_FORMS if always_singular(w))


def _word_list(name: str) -> frozenset[str]:
    lines = (MODEL_DIR / name).read_text(encoding="utf-8").splitlines()
    return frozenset(norm(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


COUNT_STOPLIST = _word_list("count_stoplist.txt")
NUMBERING_WORDS = _word_list("numbering_words.txt")
TITLE_WORDS = _word_list("title_words.txt")
CHANGE_WORDS = _word_list("change_words.txt")
EXCEED_WORDS = _word_list("exceed_words.txt")
SPEECH_VERBS = _word_list("speech_verbs.txt")
SUBSTANTIVIZED = _word_list("substantivized.txt")
DEGREE_ADVERBS = _word_list("degree_adverbs.txt")
MONEY_CUES = _word_list("money_cues.txt")  # stems, matched inside words
WEATHER_CUES = _word_list(
    "weather_cues.txt"
)  # stems that make bare degrees a temperature (weather_context.py)
EXISTENTIAL_VERBS = _word_list("existential_verbs.txt")
POST_QUALIFIERS: dict[str, str] = {r[0]: r[1] for r in _rows("post_qualifiers.tsv")}

# `пол-литра`, `полбалла`: half a unit in one word (halves.py); the score nouns counted in halves
HALF_COUNT_NOUNS = _word_list("half_counts.txt")
_HALF_ANCHOR = (
    "пол-?(?:"
    + trie_regex(
        {
            seq[0]
            for name in ("units.tsv", "currencies.tsv")
            for row in _rows(name)
            for seq in expand_phrase(row[0])
            if len(seq) == 1 and seq[0].isalpha() and len(seq[0]) >= 3
        }
        | {form for noun in HALF_COUNT_NOUNS for form in lexeme_forms(noun)}
    )
    + ")"
)

# Any token that can start a number: the prefilter of the scanner.
NUMBER_START_WORDS: frozenset[str] = frozenset(NUMBER_WORDS) | frozenset(SCALE_WORD_FORMS) | GROUP_SCALE_FORMS

# Prefilter: where an amount can start. A digit, a prefix currency symbol, or a number/scale word; the
# windows around these are all the scanner ever tokenizes.
ANCHORS: re.Pattern[str] = re.compile(
    r"[0-9]|["
    + re.escape(
        "".join(sym for sym in PREFIX_SYMBOLS if len(sym) == 1)
    )  # codes (`USD 5 млн`) precede a digit
    + r"]|(?<![^\W\d_])(?:"  # one lookbehind for the word alternatives: the regex runs over every text
    + trie_regex(NUMBER_START_WORDS)
    + r"(?![^\W\d_])|"
    + _COMPOUND_ANCHOR
    + "|"
    + _HALF_ANCHOR
    + ")",
    re.IGNORECASE,
)
