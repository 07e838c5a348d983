"""Normal form of person names: one case and one gender for the whole name (first name, patronymic, surname
agree), every part put into the nominative of that gender. Korean-order names are left as written."""

from __future__ import annotations

from functools import lru_cache

from pymorphy2.analyzer import Parse

from pipeline.nlp.morph_vocab import parse_cache

from . import casing
from .lexicon import (
    chinese_surnames,
    feminine_name_endings,
    indeclinable_masculine_name_endings,
    key,
    korean_surnames,
    masculine_surname_endings,
)
from .morph import in_dictionary, inflect, parses
from .tokens import Token, is_inflectable, tokenize

_NAME_TAGS = ("Name", "Surn", "Patr")
# A tie between his oblique and her nominative reading is broken only when pymorphy2's corpus frequency of
# the first name's reading is this many times the other's (Дмитрия: 0.78 his genitive, 0.024 a woman's name;
# Александра 0.76 / 0.08; not Евгения 0.50 / 0.29 nor Валерия 0.46 / 0.18: left as written).
_FREQUENCY_RATIO = 5.0
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def _is_korean_order(words: list[str]) -> bool:
    """`Чо Чан Дук`, `Тэ Кён Гон`: a Korean family name first, then one or two short syllables."""
    if not 2 <= len(words) <= 3 or key(words[0]) not in korean_surnames():
        return False
    return all(len(w) <= 6 for w in words[1:]) and not any(
        "Name" in p.tag and in_dictionary(p) and p.score > 0.3 for w in words[1:] for p in parses(w)[:1]
    )


def _feminine_first_name(word: str, case: str) -> str | None:
    """Nominative of a woman's first name the dictionary misreads (Айнуре: only a masculine entry),
    rebuilt from the case ending and accepted only if the dictionary knows it as a feminine first name."""
    for ending, nominative in feminine_name_endings().get(case, {}).items():
        if key(word).endswith(ending):
            candidate = word[: len(word) - len(ending)] + nominative
            if any(
                "Name" in p.tag and p.tag.gender == "femn" and p.tag.case == "nomn" and in_dictionary(p)
                for p in parses(candidate)
            ):
                return candidate
    return None


def _masculine_surname(word: str, case: str) -> str | None:
    """Nominative of a man's surname pymorphy2 has no reading for in `case` (Скрипаля: only a woman's first
    name), rebuilt from the case ending; `-ь` after a consonant, `-й` after a vowel (Огая -> Огай)."""
    for ending, nominative in masculine_surname_endings().get(case, {}).items():
        stem = word[: len(word) - len(ending)]
        if key(word).endswith(ending) and len(stem) >= 3 and stem[-1].isalpha():
            if nominative == "ь" and key(stem)[-1] in "аеёиоуыэюя":
                nominative = "й"
            return stem + nominative
    return None


def _indeclinable_masculine_name(word: str) -> bool:
    """An unknown first name such as Гурбангулы (Turkic -кулы/-гулы) is a man's and never inflects."""
    return key(word).endswith(indeclinable_masculine_name_endings()) and not any(
        "Name" in p.tag and in_dictionary(p) for p in parses(word)
    )


def _chinese_name(words: list[str]) -> str | None:
    """`Си Цзиньпину`: a Chinese surname, then a given name with a Russian case ending after -н/-нь (the
    surname and vowel-final given names do not inflect: Ху Цзиньтао). The nominative, or None."""
    if len(words) != 2 or key(words[0]) not in chinese_surnames() or not words[1][:1].isupper():
        return None
    given = key(words[1])
    for endings, stem_end in ((("ом", "а", "у", "е"), "н"), (("ем", "я", "ю", "е"), "нь")):
        for ending in endings:
            stem = given[: len(given) - len(ending)]
            if given.endswith(ending) and stem.endswith(stem_end) and len(stem) >= 4:
                return words[1][: len(stem)]
    return None


@lru_cache(maxsize=256)  # asked in a burst, once per case-and-gender reading of one name: a short memory
def _name_parses(word: str) -> tuple[tuple[str, str, bool, bool, float, frozenset[str], Parse], ...]:
    """The singular noun parses of `word` as (case, gender, any gender, from the dictionary, base weight,
    name tags, parse), read off pymorphy2's tags once per word: _reading asks for up to twelve
    case-and-gender combinations of every word, and a tag's attributes are slow to read."""
    found = []
    for p in parses(word):
        t = p.tag
        if t.POS != "NOUN" or t.number != "sing":
            continue
        names = frozenset(g for g in _NAME_TAGS if g in t)
        known = in_dictionary(p)
        any_gender = "ms-f" in t or ("Fixd" in t and "Surn" in t)
        weight = 1.0 + (0.5 if names else 0.0) + (0.3 if known else 0.0)
        found.append((t.case, t.gender, any_gender, known, weight, names, p))
    return tuple(found)


@parse_cache
def _reading(word: str, case: str, gender: str, role: str) -> tuple[float, Parse | None]:
    """Best parse of `word` as a singular name part in `case` and `gender`, with a confidence weight; a
    reading in the role expected at the word's position (first name, patronymic, surname) weighs more."""
    best: tuple[float, Parse | None] = (0.0, None)
    # foreign names in -е (Ферранте) are not prepositional forms of guessed stems
    foreign_e = case in ("datv", "loct") and key(word).endswith("е")
    for p_case, p_gender, any_gender, known, weight, names, p in _name_parses(word):
        if p_case != case or (p_gender != gender and not any_gender) or (foreign_e and not known):
            continue
        weight += 0.2 if role in names else 0.0  # Петра Кима: first name + surname, not two first names
        if weight > best[0]:
            best = (weight, p)
    return best


def _case_shown(toks: list[Token], idx: list[int], case: str, gender: str) -> bool:
    """Does a first name or patronymic show `case` by its own ending (Сергея: a dictionary form that is not
    the nominative)? An indeclinable one (Мэтью Брайза) does not: the surname may be a nominative in -а."""
    for n, i in enumerate(idx[:-1]):
        _, p = _reading(toks[i].text, case, gender, _role(n, len(idx)))
        if p is not None and in_dictionary(p) and "Fixd" not in p.tag and key(p.word) != key(p.normal_form):
            return True
    return False


def _role(position: int, n: int) -> str:
    if n == 1:
        return "Surn"
    return "Name" if position == 0 else "Surn" if position == n - 1 else "Patr"


def normalize_person(text: str, gender: str | None = None) -> str:
    """Nominative of a person name; `gender` ("masc"/"femn"), when the document shows it, leaves only the
    readings of that gender (Назима Абдыкадырова, later Абдыкадыровой: hers, not Назим Абдыкадыров's)."""
    toks = tokenize(text)
    words = [t.text for t in toks if t.is_word]
    if not words:
        return text
    chinese = _chinese_name(words)
    if chinese:
        return text.replace(words[1], chinese)  # the surname and the separators as written
    if _is_korean_order(words):
        return text
    idx = [i for i, t in enumerate(toks) if t.is_word and is_inflectable(t.text)]
    if not idx:
        return text
    scored: list[tuple[float, str, list[str], float]] = []
    for case in _CASES:
        for gen in (gender,) if gender else ("masc", "femn"):
            total, forms, frequency = 0.0, [t.text for t in toks], 0.0
            shown = _case_shown(toks, idx, case, gen)
            for i in idx:
                role = _role(idx.index(i), len(idx))
                w, p = _reading(toks[i].text, case, gen, role)
                if p is None and gen == "femn" and case != "nomn":
                    rebuilt = _feminine_first_name(toks[i].text, case)
                    if rebuilt:
                        total += 1.2
                        forms[i] = rebuilt
                        continue
                if p is None and gen == "masc" and len(idx) > 1:
                    if role == "Name" and _indeclinable_masculine_name(toks[i].text):
                        total += 1.0  # his name shows gender, not case: the other words tell the case
                        continue
                    rebuilt = _masculine_surname(toks[i].text, case) if role == "Surn" and shown else None
                    if rebuilt:
                        total += 1.0  # below any dictionary reading: only the first name makes it win
                        forms[i] = rebuilt
                        continue
                total += w
                if p is not None and role == "Name" and in_dictionary(p):
                    frequency = p.score
                if p is not None and case != "nomn":
                    form = inflect(p, frozenset({"nomn"}))
                    if form:
                        forms[i] = casing.transfer(toks[i].text, form)
            scored.append((total, case, forms, frequency))
    top = max(s[0] for s in scored)
    if top == 0:
        return text
    best = [s for s in scored if s[0] >= top - 1e-9]
    nominative = max((f for _, case, _, f in best if case == "nomn"), default=None)
    if nominative is not None:
        # May already be the normal form: leave it, unless the first name's oblique reading is far more
        # frequent (Дмитрия Медведева: his genitive, not Дмитрия Медведева, a woman).
        best = [s for s in best if s[1] != "nomn" and s[3] >= _FREQUENCY_RATIO * nominative]
        if not best or nominative == 0:  # no dictionary first name in the nominative (Фелипе): no odds
            return text
    results = {"".join(forms) for _, _, forms, _ in best}
    # Different readings disagree (Усенбекову: his dative or her accusative): unsure, keep the text.
    return results.pop() if len(results) == 1 else text
