"""Normal form of person names: one case and one gender for the whole name (first name, patronymic, surname
agree), every part put into the nominative of that gender. Korean-order names are left as written."""

from __future__ import annotations

from functools import lru_cache

from pymorphy2.analyzer import Parse

from . import casing
from .lexicon import feminine_name_endings, key, korean_surnames
from .morph import in_dictionary, inflect, parses
from .tokens import is_inflectable, tokenize

_NAME_TAGS = ("Name", "Surn", "Patr")
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


@lru_cache(maxsize=20_000)
def _reading(word: str, case: str, gender: str, role: str) -> tuple[float, Parse | None]:
    """Best parse of `word` as a singular name part in `case` and `gender`, with a confidence weight; a
    reading in the role expected at the word's position (first name, patronymic, surname) weighs more."""
    best: tuple[float, Parse | None] = (0.0, None)
    for p in parses(word):
        t = p.tag
        if t.POS != "NOUN" or t.case != case or t.number != "sing":
            continue
        if t.gender != gender and "ms-f" not in t and not ("Fixd" in t and "Surn" in t):
            continue
        if not in_dictionary(p) and case in ("datv", "loct") and key(word).endswith("е"):
            continue  # foreign names in -е (Ферранте) are not prepositional forms of guessed stems
        weight = 1.0 + (0.5 if any(g in t for g in _NAME_TAGS) else 0.0) + (0.3 if in_dictionary(p) else 0.0)
        weight += 0.2 if role in t else 0.0  # Петра Кима: first name + surname, not two first names
        if weight > best[0]:
            best = (weight, p)
    return best


def _role(position: int, n: int) -> str:
    if n == 1:
        return "Surn"
    return "Name" if position == 0 else "Surn" if position == n - 1 else "Patr"


def normalize_person(text: str) -> str:
    toks = tokenize(text)
    words = [t.text for t in toks if t.is_word]
    if not words or _is_korean_order(words):
        return text
    idx = [i for i, t in enumerate(toks) if t.is_word and is_inflectable(t.text)]
    if not idx:
        return text
    scored: list[tuple[float, str, list[str]]] = []
    for case in _CASES:
        for gender in ("masc", "femn"):
            total, forms = 0.0, [t.text for t in toks]
            for i in idx:
                w, p = _reading(toks[i].text, case, gender, _role(idx.index(i), len(idx)))
                if p is None and gender == "femn" and case != "nomn":
                    rebuilt = _feminine_first_name(toks[i].text, case)
                    if rebuilt:
                        total += 1.2
                        forms[i] = rebuilt
                        continue
                total += w
                if p is not None and case != "nomn":
                    form = inflect(p, frozenset({"nomn"}))
                    if form:
                        forms[i] = casing.transfer(toks[i].text, form)
            scored.append((total, case, forms))
    top = max(s[0] for s in scored)
    if top == 0:
        return text
    best = [s for s in scored if s[0] >= top - 1e-9]
    if any(case == "nomn" for _, case, _ in best):
        return text  # may already be the normal form: leave it
    results = {"".join(forms) for _, _, forms in best}
    # Different readings disagree (Усенбекову: his dative or her accusative): unsure, keep the text.
    return results.pop() if len(results) == 1 else text
