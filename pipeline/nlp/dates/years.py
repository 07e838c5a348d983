"""Years: `2019 году`, `2019 г.`, `2019-м`, a bare `2019` after a month, `прошлого года`."""

from __future__ import annotations

from pipeline.nlp.dates import intervals as iv
from pipeline.nlp.dates.atom import Atom
from pipeline.nlp.dates.events import names_edition
from pipeline.nlp.dates.lexicon import Lexicon
from pipeline.nlp.dates.titles import imprint_years
from pipeline.nlp.dates.tokens import NUM, WORD, Tokens, abbr_dot, after_aside, phrase_at, suffix
from pipeline.nlp.dates.verbs import finite_verb, verb_tense
from pipeline.nlp.morph_vocab import morph_vocab, word_cache


def year_word(t: Tokens, j: int, lex: Lexicon) -> int | None:
    w = t.low_at(j)
    if w in lex.year_words:
        return j + 1
    if w in lex.year_abbr and t.kind[j] == WORD:
        return abbr_dot(t, j + 1)
    return None


def year_number(t: Tokens, i: int, lex: Lexicon) -> int | None:
    if i >= len(t) or t.kind[i] != NUM or len(t.raw[i]) != 4:
        return None
    if t.low_at(i - 1) in lex.number_markers:  # `№ 2019`: a document number
        return None
    v = int(t.raw[i])
    return v if iv.MIN_YEAR <= v <= iv.MAX_YEAR else None


_OBLIQUE_PLURAL = frozenset({"годам", "годами", "годах"})


@word_cache
def _counted_noun(word: str) -> bool:
    """`человек`, `новых` after a number: a genitive plural noun/adjective, so the number counts them."""
    try:
        parses = morph_vocab().parse(word)
    except ValueError:  # pymorphy2 calls unicodedata.name(), which fails on letters without a name
        return False
    for p in parses:
        if p.pos in ("NOUN", "ADJ") and p.feats.get("Number") == "Plur" and p.feats.get("Case") == "Gen":
            return True
    return False


def bare_year_ok(t: Tokens, j: int, lex: Lexicon) -> bool:
    """Is a 4-digit number without `год` after it still a year? Not when units or counted nouns follow."""
    w = t.low_at(j)
    if w in lex.not_year_after:
        return False
    if j < len(t) and t.kind[j] == NUM and t.adjacent(j):
        return False
    if suffix(t, j, lex.decade_suffixes) is not None:  # `половине 2000-х`: a decade, not the year 2000
        return False
    if j < len(t) and t.kind[j] == WORD and t.raw[j].islower() and len(w) > 2:
        return not _counted_noun(w)
    return True


def year_at(t: Tokens, i: int, lex: Lexicon, need_word: bool = True) -> tuple[int, int] | None:
    """`2019 году`, `2019 г.`, `2019-м`, and (need_word=False) a bare `2019`: (stop, year). A year of three
    digits needs a singular `год` after it and a preposition before it (`с 879 года`, `в 988 году`)."""
    y = year_number(t, i, lex)
    if y is None:
        return _short_year(t, i, lex) or _far_year(t, i, lex) or _two_digit_year(t, i, lex)
    j = i + 1
    s = suffix(t, j, lex.year_suffixes)
    if s is not None:
        w = year_word(t, s, lex)
        if w is not None and y % 10 == 0 and t.low[s - 1] in ("м", "ми") and t.low[s] in _OBLIQUE_PLURAL:
            return None  # `к 2020-м годам`: the decade (eras.py), not the year
        return (w if w is not None else s), y
    w = year_word(t, j, lex)
    if w is not None:
        return w, y
    if t.low_at(j) in lex.year_adjectives and t.low_at(j + 1) in lex.year_words:  # `2018 финансовый год`
        return j + 2, y
    if need_word or not bare_year_ok(t, j, lex):
        return None
    return j, y


def _short_year(t: Tokens, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """`с 879 года`: a three-digit year, after a preposition and before a singular year word; `(32 год н.
    э.)`: a year of one to three digits before a singular year word and the common era."""
    if i >= len(t) or t.kind[i] != NUM or len(t.raw[i]) > 3 or t.raw[i][0] == "0":
        return None
    after = t.low_at(i + 1)
    if after not in lex.year_words or after in lex.plural_year_words:
        return None
    if not _common_era(t, i + 2) and (len(t.raw[i]) != 3 or t.low_at(i - 1) not in lex.short_year_preps):
        return None
    return i + 2, int(t.raw[i])


def _singular_year_word(t: Tokens, j: int, lex: Lexicon) -> int | None:
    """`году`, `г.` at token j (not `годы`, `гг.`): the index after it."""
    if t.low_at(j) in lex.plural_year_words:
        return None
    return year_word(t, j, lex)


def _far_year(t: Tokens, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """`2242 год — конец эпохи Солнца`: a year past MAX_YEAR needs a singular year word after it."""
    if i >= len(t) or t.kind[i] != NUM or len(t.raw[i]) != 4 or t.low_at(i - 1) in lex.number_markers:
        return None
    v = int(t.raw[i])
    stop = _singular_year_word(t, i + 1, lex) if iv.MAX_YEAR < v <= iv.FAR_YEAR else None
    return None if stop is None else (stop, v)


def _two_digit_year(t: Tokens, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """`в границах 67-го года`, `в 98-м году`, `в 05-м году`: two digits, an oblique case ending and a
    singular year word. 30-99 are the last century, 00-09 this one; 10-29 could be either (`революция 17-го
    года`, `чемпионат 21-го года`) and stay no date. Not an age or a term: `на 91-м году`, `90-м году жизни`,
    `уже 11-й год`."""
    if i >= len(t) or t.kind[i] != NUM or len(t.raw[i]) != 2 or t.low_at(i - 1) == "на":
        return None
    v = int(t.raw[i])
    if 10 <= v < 30 or (v < 10 and t.raw[i][0] != "0"):
        return None
    s = suffix(t, i + 1, lex.year_suffixes)
    if s is None or t.low[s - 1] in lex.nominative_year_suffixes:
        return None
    stop = _singular_year_word(t, s, lex)
    if stop is None or t.low_at(stop) in lex.not_calendar_year_after:
        return None
    return stop, (2000 if v < 10 else 1900) + v


def _common_era(t: Tokens, k: int) -> bool:
    """`н. э.`, `н.э.`, `нашей эры` at token k."""
    if t.low_at(k) == "нашей":
        return t.low_at(k + 1) == "эры"
    return t.low_at(k) == "н" and t.low_at(k + 1) == "." and t.low_at(k + 2) == "э"


def rel_year_at(t: Tokens, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """`прошлого года`, `этого года`: (stop, offset)."""
    off = lex.modifiers.get(t.low_at(i))
    if off is not None and t.low_at(i + 1) in lex.year_words:
        return i + 2, off
    return None


def attach_year(a: Atom, t: Tokens, lex: Lexicon) -> Atom:
    """Extend an atom by a following year (`мая 2019 года`, `6 мая (второй тур) 2012 года`) or relative year
    (`мая прошлого года`)."""
    y = year_at(t, a.stop, lex, need_word=False)
    if y is None and (aside := after_aside(t, a.stop)) > a.stop:
        y = year_at(t, aside, lex)  # past an aside only a year with its word
    if y is None and t.low_at(a.stop) == "же":
        y = year_at(t, a.stop + 1, lex)  # `Зимой же 2017-го`: a particle, then a year with its word or suffix
    if y is not None:
        a.stop, a.year = y
        return a
    r = rel_year_at(t, a.stop, lex)
    if r is not None:
        a.stop, a.rel_year = r
        return a
    if t.low_at(a.stop) not in lex.year_tail_first:  # cheap test before the sequences below
        return a
    s = phrase_at(t, a.stop, lex.same_year_tails)  # `в сентябре того же года`
    if s is not None:
        a.stop, a.anaphoric = s, True
        return a
    s = phrase_at(t, a.stop, lex.this_year_abbr)  # `в октябре с.г.`
    if s is not None and t.adjacent(a.stop + 1):
        a.stop, a.rel_year = s, 0
    return a


def year(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    y = year_at(t, i, lex)
    if y is None and _bare_year_context(t, i, lex):
        y = year_at(t, i, lex, need_word=False)
    if y is None or names_edition(t, i, y[0], lex):
        return None
    return Atom("year", i, y[0], year=y[1])


_BRACKET_CHARS = 120  # how far back the `(` of `(«Песнь о великом походе», 1924)` may be


def _closes_bracket(text: str, at: int) -> bool:
    """The year at `at` ends a bracket opened shortly before (`(«Музыка над базаром», из сборника, 1959)`)."""
    opened = text.rfind("(", max(0, at - _BRACKET_CHARS), at)
    return opened >= 0 and text.find(")", opened, at) < 0


def _bare_year_context(t: Tokens, i: int, lex: Lexicon) -> bool:
    """A 4-digit number with no `год` that is still a year: alone in brackets (`(1944)`, `(р. 1947)`), or
    after locative `в` with nothing after it that it could count (`ни в 2007, ни в 2005 году`, `В 2015
    Россия`); `в 1500 километрах` and `в 2000 раз` stay numbers."""
    nxt, j = t.low_at(i + 1), i + 1
    if t.low_at(i - 1) == "," and (j >= len(t) or nxt in _IMPRINT_CLOSERS) and _imprint(t, i - 1, lex):
        return True  # `М.: ОГИ, 2017. – 128 с.`
    if t.low_at(i - 1) == "," and t.start[i] in imprint_years(t.text):
        return True  # `Берег абсурда. – Хабаровская краевая типография, 2018.`: an imprint with no city
    prev = t.low_at(i - 1)
    if prev in lex.dashes and t.adjacent(i) and t.low_at(i - 2) in lex.season_nouns and t.adjacent(i - 1):
        return True  # `в сезоне-1997`
    born = prev == "." and t.low_at(i - 2) in lex.born_abbr and t.low_at(i - 3) == "("  # `(р. 1947)`
    if nxt == ")":
        return prev == "(" or born or (prev == "," and _closes_bracket(t.text, t.start[i]))
    if prev == "(" and nxt in lex.born_words:
        return True  # `(1971 рождения)`
    if born and nxt in (";", ","):  # `(р. 1955; настоящая фамилия ...)`
        return True
    if t.low_at(i - 1) not in lex.bare_year_preps:
        return False
    if j >= len(t) or nxt in lex.bare_year_next_words:
        return True
    if t.kind[j] == WORD:  # `В 2015 Россия`; `в 2012 началась разработка`: the verb of the clause
        return t.raw[j][0].isupper() or (finite_verb(nxt) and verb_tense(nxt) == "Past")
    if nxt in lex.dashes and j + 1 < len(t) and t.kind[j + 1] == NUM and _year_like(t, j + 1):
        return False  # `в 2008—2009`, `в 2008-09`: a range of numbers, not 2008 (but `в 2015 — 3,5%`)
    return nxt in _YEAR_CLOSERS


def _year_like(t: Tokens, k: int) -> bool:
    """Token k (after a dash) can end a range of years: four digits, or two glued to the dash."""
    raw = t.raw[k]
    return raw.isdigit() and (len(raw) == 4 or (len(raw) == 2 and t.adjacent(k)))


_IMPRINT_CLOSERS = frozenset({".", ",", ";", ")"})
_IMPRINT_TOKENS = 16  # how far back from the comma the `М.:` of an imprint may stand


def _imprint(t: Tokens, comma: int, lex: Lexicon) -> bool:
    """Token `comma` ends the publisher of a bibliographic imprint: `М.: ОГИ,`, `СПб.: Алетейя,`,
    `Екатеринбург: Кабинетный ученый,` on the same line."""
    text = t.text
    for k in range(comma - 1, max(comma - _IMPRINT_TOKENS, 0), -1):
        if "\n" in text[t.end[k - 1] : t.start[k + 1]]:
            return False
        if t.low[k] != ":" or not t.adjacent(k):
            continue
        if t.low[k - 1] == "." and k >= 2 and t.adjacent(k - 1) and t.low[k - 2] in lex.imprint_cities:
            return t.raw[k - 2][:1].isupper()
        return t.kind[k - 1] == WORD and t.raw[k - 1][:1].isupper() and k + 1 < comma
    return False


_YEAR_CLOSERS = frozenset({",", ".", ";", ":", "!", "?", "»", ")", "—", "–"})
