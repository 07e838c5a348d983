"""Normal form of organisation and place names: put the head noun and the words agreeing with it into the
nominative, keep everything after the head (genitive/prepositional dependents, names in quotes, brackets)."""

from __future__ import annotations

from dataclasses import dataclass

from pymorphy2.analyzer import Parse

from pipeline.nlp.morph_vocab import parse_cache

from . import casing
from .lexicon import guessed_endings, indeclinable, key, known_names
from .morph import in_dictionary, inflect, parses
from .tokens import Token, is_inflectable, tokenize

_MODIFIER_POS = {"ADJF", "PRTF"}
_QUOTES_OPEN = "«„“\"'"
# Preference of a reading (number, case): nominative singular first, so a form that may already be the
# normal form is left alone; a singular oblique reading beats a plural nominative (Республики, Кореи).
_RANK = {("sing", "nomn"): 4.0, ("plur", "nomn"): 2.0, ("sing", "loc2"): 2.5, ("sing", "gen2"): 2.5}


@dataclass(frozen=True)
class _Reading:
    score: float
    head: Parse
    mods: tuple[Parse, ...]


def _rank(p: Parse) -> float:
    number, case = p.tag.number, p.tag.case
    if (number, case) in _RANK:
        return _RANK[(number, case)]
    return 3.0 if number == "sing" else 1.0


def _trusted_guess(word: str, p: Parse) -> bool:
    """A guessed (out-of-dictionary) oblique reading is trusted only for typical case endings."""
    if in_dictionary(p) or p.tag.case == "nomn" or "Fixd" in p.tag:
        return True
    if p.tag.number == "plur":
        return False  # a guessed plural (Джабхат as genitive plural) is a foreign word more often than not
    return key(word).endswith(guessed_endings().get(p.tag.case, ()))


def _is_modifier(word: str, next_word: str | None) -> bool:
    """An adjective or participle before the head. A substantivised adjective whose best reading is a noun
    (Главного: `главное`, Частного: `частный`) modifies only when the next word agrees with its adjective
    reading (Главного управления, Частного корреспондента); otherwise it is the head itself."""
    if next_word is None or not is_inflectable(word):
        return False
    top = parses(word)[:3]
    if not any(p.tag.POS in _MODIFIER_POS for p in top):
        return False
    if top[0].tag.POS in _MODIFIER_POS | {"NUMR"}:
        return True
    if top[0].tag.POS != "NOUN" or not is_inflectable(next_word):
        return False
    mods = [p for p in parses(word) if p.tag.POS in _MODIFIER_POS]
    return any(_agrees_loosely(m, q) for m in mods for q in parses(next_word))


def _agrees_loosely(mod: Parse, nxt: Parse) -> bool:
    """`mod` can stand before `nxt` (a noun or another modifier) in one noun phrase."""
    t, n = mod.tag, nxt.tag
    if n.POS not in _MODIFIER_POS | {"NOUN"} or t.case != n.case or t.number != n.number:
        return False
    return t.number == "plur" or n.gender is None or t.gender == n.gender or "ms-f" in n


def _agrees(mod: Parse, head: Parse) -> bool:
    t, h = mod.tag, head.tag
    if t.POS not in _MODIFIER_POS or t.case != h.case or t.number != h.number:
        return False
    return h.number == "plur" or t.gender == h.gender or h.gender is None or "ms-f" in h


@parse_cache
def _head_parses(word: str, label: str) -> tuple[Parse, ...]:
    ps = [p for p in parses(word) if p.tag.case is not None and p.tag.POS in {"NOUN", "ADJF", "PRTF"}]
    ps = [p for p in ps if _trusted_guess(word, p)]
    # Guessed surname/possessive paradigms read `Каннына` as a feminine nominative: places are not people.
    ps = [
        p
        for p in ps
        if in_dictionary(p) or not (("Surn" in p.tag and p.tag.gender == "femn") or "Poss" in p.tag)
    ]
    # Organisations and places are not people: person-name readings (Акимата as a man's name) only count
    # when nothing else fits, and then not as guessed nominatives (Кенеша).
    person = [p for p in ps if any(g in p.tag for g in ("Name", "Surn", "Patr"))]
    if person and len(person) < len(ps):
        ps = [p for p in ps if p not in person]
    elif person:
        ps = [p for p in ps if in_dictionary(p) or p.tag.case != "nomn"] or ps
    if label == "LOC":
        # Prefer readings whose lemma is a known place name, then geographic readings (Нур-Султана).
        known = [p for p in ps if key(p.normal_form) in known_names()]
        geo = [p for p in ps if "Geox" in p.tag]
        ps = known or geo or ps
    return tuple(ps)


def _best_reading(head_word: str, mod_words: list[str], label: str) -> _Reading | None:
    best: _Reading | None = None
    for h in _head_parses(head_word, label):
        mods: list[Parse] = []
        for w in mod_words:
            agreeing = [p for p in parses(w) if _agrees(p, h)]
            if not agreeing:
                break
            mods.append(agreeing[0])
        else:
            score = _rank(h) + 0.1 * h.score + (0.2 if in_dictionary(h) else 0.0)
            if best is None or score > best.score:
                best = _Reading(score, h, tuple(mods))
    return best


def _nominative(word: str, p: Parse) -> str:
    grams = {"nomn"} if p.tag.number != "plur" else {"nomn", "plur"}
    form = inflect(p, frozenset(grams))
    return casing.transfer(word, form) if form else word


def _head_span(toks: list[Token]) -> tuple[list[int], int | None]:
    """Indices of the agreeing modifiers and of the head noun (None: no inflectable head)."""
    word_idx = [i for i, t in enumerate(toks) if t.is_word]
    mods: list[int] = []
    for n, i in enumerate(word_idx):
        before = "".join(t.text for t in toks[:i] if not t.is_word)
        if any(q in before for q in _QUOTES_OPEN + "(["):
            return mods, None  # quoted names and brackets are never inflected
        w = toks[i].text
        if not is_inflectable(w):
            return mods, None  # an acronym or Latin word heads the phrase (ВНИИ океанологии): keep it all
        if key(w) in indeclinable():
            if mods:
                return mods, None
            continue  # Жогорку Кенеша: an indeclinable word before the head stays as written
        if _is_modifier(w, toks[word_idx[n + 1]].text if n + 1 < len(word_idx) else None):
            mods.append(i)
            continue
        return mods, i
    return mods, None


def normalize_phrase(text: str, label: str) -> str:
    if key(text) in known_names() or key(text) in indeclinable():
        return text
    toks = tokenize(text)
    mod_idx, head_i = _head_span(toks)
    if head_i is None or key(toks[head_i].text) in indeclinable():
        return text
    reading = _best_reading(toks[head_i].text, [toks[i].text for i in mod_idx], label)
    if reading is None or reading.head.tag.case == "nomn":
        return text
    out = [t.text for t in toks]
    out[head_i] = _nominative(toks[head_i].text, reading.head)
    for i, p in zip(mod_idx, reading.mods, strict=True):
        out[i] = _nominative(toks[i].text, p)
    return "".join(out)
