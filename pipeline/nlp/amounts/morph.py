"""One shared pymorphy2 analyzer (natasha's MorphVocab patches pymorphy2 for Python 3.11)."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.nlp.morph_vocab import morph_vocab, word_cache

MORPH = morph_vocab()


def _lemma_list(name: str) -> frozenset[str]:
    path = Path(__file__).resolve().parents[3] / "models" / "amounts" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().replace("ё", "е") for x in lines if x.strip() and not x.startswith("#"))


# noun lemmas that are the rare reading of an ambiguous form (`статей`: `стать`, not `статья`)
RARE_LEMMAS = _lemma_list("rare_lemmas.txt")
# ... and those that are the rare reading in a big count (`2,5 млн голов`: `голова`, not `гол`)
SMALL_COUNT_LEMMAS = _lemma_list("small_count_lemmas.txt")
_BIG_COUNT = 5000  # Pelé scored 1,283 goals; herds of thousands come with `тыс.`

# pymorphy2 raises on letters without a Unicode name (`𗀀`); only Russian/Latin words are worth parsing
_PARSABLE = re.compile(r"[а-яёa-z]+(?:-[а-яёa-z]+)*")


def _parse(word: str) -> list:
    return MORPH.parse(word) if _PARSABLE.fullmatch(word) else []


@word_cache
def first_parse(word: str) -> tuple[str, frozenset[str]]:
    """(lemma, grammemes) of the most likely parse of a lower-cased word; cached, news repeats words."""
    parses = _parse(word)
    if not parses:
        return word, frozenset()
    return parses[0].normal_form.replace("ё", "е"), frozenset(parses[0].tag.grammemes)


def lexeme_forms(word: str) -> set[str]:
    """All forms of the lexeme whose normal form is `word` (falls back to the word itself)."""
    for parse in _parse(word):
        if parse.normal_form.replace("ё", "е") == word:
            return {lex.word.replace("ё", "е") for lex in parse.lexeme}
    return {word}


def can_be_singular(word: str) -> bool:
    """Some parse of the word is singular: `сотни` (genitive singular too), not `десятков`."""
    return any("sing" in p.tag for p in _parse(word))


def always_singular(word: str) -> bool:
    """True when no parse of the word is plural: `миллиона` yes, `тысячи` (also plural) no."""
    return all("plur" not in p.tag for p in _parse(word))


# names, places, abbreviations are not counted things (`5 Ивановых`, `2019 г.`)
_NOT_COUNTED = frozenset({"Abbr", "Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Init"})


@word_cache
def _noun_parses(word: str) -> tuple[tuple[str, str, str], ...]:
    """(lemma, number, case) of the word's noun parses, most likely first; lemmas keep ё (`полёт`).

    Lemmas listed in models/amounts/rare_lemmas.txt (`стать` for `статей`) go after the other parses.
    """
    # an abbreviation written as a word counts (`39 вузов`, `5 АЭС`); short ones do not (`2019 г.`, `5 ст.`)
    not_counted = _NOT_COUNTED - {"Abbr"} if len(word) >= 3 else _NOT_COUNTED
    parses = [
        (p.normal_form, str(p.tag.number), str(p.tag.case))
        for p in _parse(word)
        if "NOUN" in p.tag and p.tag.number and not not_counted & set(p.tag.grammemes)
    ]
    return tuple(sorted(parses, key=lambda p: p[0].replace("ё", "е") in RARE_LEMMAS))


_NO_LABEL_FROM = 10_000  # `9 класса`, `2018 года` must agree; a five-digit number labels nothing


def _fits(value: float | None, number: str, case: str) -> bool:
    if value is None:
        # after a scale word the noun is governed by it (`50 млн граждан`) or, after an abbreviation, takes
        # the phrase's oblique case (`160 тыс. мирным жителям`, `при 170 тыс. резервистах`); never the
        # nominative/inanimate accusative: in `оказались ли в числе этих 50 млн граждане ЕС` the noun is a
        # subject of its own, in `400 млн компания не получила` too
        return case not in ("nomn", "accs", "voct")
    if not value.is_integer():
        return number == "plur" or case == "gent"
    if abs(value) >= _NO_LABEL_FROM and case == "gent":
        return True  # `24 428 пункта`: big counts come in the genitive singular too; no label is so big
    last2 = int(abs(value)) % 100
    if last2 % 10 == 1 and last2 != 11:
        return number == "sing"
    if _two_to_four(last2):
        return number == "plur" or case == "gent"
    return number == "plur"


def _two_to_four(n: int) -> bool:
    """2-4, 22-24, ... (not 12-14): the noun takes the genitive singular (`два суда`)."""
    return n % 10 in (2, 3, 4) and not 12 <= n % 100 <= 14


def count_lemma(
    word: str, value: float | None, adjective: str | None = None, size: float | None = None
) -> str | None:
    """Lemma (with ё, as in the dictionary) of the likeliest noun parse fitting a count of `value`, or None.

    `3 места`, `5 мест` fit; `3 место`, `9 класса` do not (ordinal uses: `занял 3 место`, `ученики 9 класса`).
    After 1 (not 11) singular forms fit; after 2-4 and fractions the genitive singular or plurals; otherwise
    plurals only. Choosing among agreeing parses also picks the right lexeme: `1 граната` -> `граната`; so
    does the number and case of an adjective before the noun (`adjective`), and the count's size, scale
    words included (`2,5 млн голов`: `голова`, see SMALL_COUNT_LEMMAS).
    """
    parses = [p for p in _noun_parses(word) if _fits(value, p[1], p[2])]
    if size is not None and abs(size) >= _BIG_COUNT:
        parses.sort(key=lambda p: p[0] in SMALL_COUNT_LEMMAS)
    if adjective is not None and not _paucal(value):  # `21 городского парка`: `парк`, not `парка`
        forms = _adjective_forms(adjective)
        parses = [p for p in parses if (p[1], p[2]) in forms] or parses
    # prefer the case a count takes as subject/object (`1 граната` nomn, `5 гранат` gent) over oblique cases
    usual = ("nomn", "accs") if value is not None and _fits(value, "sing", "nomn") else ("gent",)
    for lemma, _number, case in parses:
        if case in usual:
            return lemma
    return parses[0][0] if parses else None


def _paucal(value: float | None) -> bool:
    """2-4 (not 12-14) or a scaled value: the noun is genitive singular and its adjectives plural
    (`два арбитражных суда`), so their cases do not pick the noun's parse."""
    return value is None or not value.is_integer() or _two_to_four(int(abs(value)))


@word_cache
def _adjective_forms(word: str) -> frozenset[tuple[str, str]]:
    """(number, case) of the word's adjective and participle parses."""
    return frozenset(
        (str(p.tag.number), str(p.tag.case)) for p in _parse(word) if "ADJF" in p.tag or "PRTF" in p.tag
    )


_PERSONAL = frozenset({"Name", "Surn", "Patr"})


def name_lemma(word: str, value: float | None) -> str | None:
    """`четырёх «Тритонов»` -> 'тритон': a name in quotes as the counted thing. Place and organisation
    parses count here (pymorphy2 tags many product names so), personal names do not; the form must fit the
    count."""
    for p in _parse(word):
        if _PERSONAL & set(p.tag.grammemes):
            continue  # `Ан-124-100 «Руслан»`: a personal name reads a product name as a person's
        if "NOUN" in p.tag and p.tag.number and _fits(value, str(p.tag.number), str(p.tag.case)):
            return p.normal_form
    return None


def keep_capitals(token: str, lemma: str) -> str:
    """`ФАПов` -> 'ФАП', `ОМОНовцев` -> 'ОМОНовец': an abbreviation keeps its capitals in the lemma (the
    letters the lemma shares with the token take the token's case); a name keeps its capital letter
    (`двух Универсиадах` -> 'Универсиада', as quoted names do); other words stay lower-case."""
    if len(token) < 2 or not token[:2].isupper():
        return lemma[:1].upper() + lemma[1:] if token[:1].isupper() else lemma
    if token.isupper():
        return token  # `14 ПЛАРБ`, `58 СМИ`: written without an ending, the abbreviation is its own lemma
    out = []
    for k, ch in enumerate(lemma):
        same = k < len(token) and token[k].lower() == ch
        out.append(token[k] if same and token[: k + 1].isupper() else ch)
    return "".join(out)


_INFLECTED = frozenset(
    {"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2"}
    | {"sing", "plur", "masc", "femn", "neut", "anim", "inan"}
)


@word_cache
def adjective_head(word: str) -> str | None:
    """Masculine singular nominative of an adjective/participle (`потерпевших` -> `потерпевший`, `одна
    военнослужащая` -> `военнослужащий`).

    Keeps ё (`заключённых` -> `заключённый`)."""
    for p in _parse(word):
        if ("ADJF" in p.tag or "PRTF" in p.tag) and ("plur" in p.tag or "sing" in p.tag):
            # natasha's wrapper takes UD names in inflect(), so pick the form from the lexeme instead
            # same tense/voice as the parse: `подозреваемых` -> `подозреваемый`, not `подозревающий`
            stable = set(p.tag.grammemes) - _INFLECTED
            for form in p.lexeme:
                grams = set(form.tag.grammemes)
                if {"masc", "sing", "nomn"} <= grams and stable - {"Subx"} <= grams:
                    return form.word
    return None


@word_cache
def can_be_place(word: str) -> bool:
    """Some parse is a geographical name (`германия`, `корей`): capitalised, it names a place, not a count."""
    return any("Geox" in p.tag for p in _parse(word))


@word_cache
def can_be_plural(word: str) -> bool:
    return any("plur" in p.tag for p in _parse(word))


@word_cache
def genitive_plural(word: str) -> bool:
    """Some noun parse is in the genitive plural (`участников`, `грузовиков`)."""
    return any("NOUN" in p.tag and "plur" in p.tag and "gent" in p.tag for p in _parse(word))


@word_cache
def can_be_adjective(word: str) -> bool:
    """Some parse is a full adjective or participle (`пожарных`, `огневых`, `полицейских`)."""
    return any("ADJF" in p.tag or "PRTF" in p.tag for p in _parse(word))


@word_cache
def agrees(adjective: str, noun: str) -> bool:
    """Some adjective/participle parse of the first word agrees in number and case (and, in the accusative,
    animacy) with a noun parse of the second: `пожарных машин` yes, `военнослужащих альянса` (plural vs
    singular) and `военнослужащих бригады` (animate vs inanimate accusative) no."""
    nouns = [(p.tag.number, p.tag.case, p.tag.animacy) for p in _parse(noun) if "NOUN" in p.tag]
    for p in _parse(adjective):
        if "ADJF" not in p.tag and "PRTF" not in p.tag:
            continue
        for number, case, animacy in nouns:
            # accusative adjectives mark animacy only where it changes the form (`военнослужащих`)
            if (p.tag.number, p.tag.case) == (number, case) and (
                case != "accs" or p.tag.animacy is None or p.tag.animacy == animacy
            ):
                return True
    return False
