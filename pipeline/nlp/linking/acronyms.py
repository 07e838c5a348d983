"""Acronyms inside one document: `Полное Название (ABC)` defines ABC, and an acronym equal to the initials
of a longer name in the document refers to that name."""

from __future__ import annotations

import re

from .keys import fix_mixed_script

# `KIAT`, `КOTRA`, `ТПП КР` (an acronym may carry a short second part, usually the country).
_ACRONYM = r"[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё0-9&]{0,3}[A-ZА-ЯЁ0-9&][A-Za-zА-Яа-яЁё0-9&]{0,6}(?: [A-ZА-ЯЁ]{2,4})?"
_DEFINED_INSIDE = re.compile(rf"^(?P<name>.+?)\s*\((?P<acr>{_ACRONYM})\)$")
_DEFINED_AFTER = re.compile(rf"\s*\((?P<acr>{_ACRONYM})\)")
_IS_ACRONYM = re.compile(r"^[A-ZА-ЯЁ0-9&]{2,8}(?: [A-ZА-ЯЁ]{2,4})?$")
# Function words that acronyms usually skip (Комиссия по торговле -> КТ, but also КПТ: both are tried).
_FUNCTION_WORDS = frozenset(
    [
        "и",
        "по",
        "в",
        "во",
        "на",
        "для",
        "при",
        "о",
        "об",
        "с",
        "со",
        "к",
        "де",
        "из",
        "of",
        "and",
        "the",
        "for",
    ]
)
_WORD = re.compile(r"[^\W_]+")


def is_acronym(text: str) -> bool:
    return bool(_IS_ACRONYM.match(fix_mixed_script(text.strip())))


def definition(mention_text: str, doc_text: str, end: int) -> tuple[str, str] | None:
    """(acronym, full name) when the mention is `Name (ABC)` or is followed by `(ABC)` in the text."""
    m = _DEFINED_INSIDE.match(mention_text.strip())
    if m and len(m.group("name").split()) >= 2:
        return fix_mixed_script(m.group("acr")), m.group("name")
    after = _DEFINED_AFTER.match(doc_text, end)
    if after and len(mention_text.split()) >= 2:
        return fix_mixed_script(after.group("acr")), mention_text
    return None


def initials(name: str) -> set[str]:
    """Possible acronyms of a multiword name: first letters of all words (hyphen parts count as words), and
    of the words that are not function words."""
    words = _WORD.findall(name)
    if len(words) < 2:
        return set()
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in _FUNCTION_WORDS).upper()
    out = {every, content}
    # The acronym of a body often leaves out the country or organisation it belongs to, a capitalised
    # dependent at the end (МИД: Министерство иностранных дел КНР, ГА: Генеральная Ассамблея ООН).
    head = list(words)
    while len(head) > 2 and head[-1][:1].isupper():
        head.pop()
        if not head[-1][:1].isupper():
            out.add("".join(w[0] for w in head if w.lower() not in _FUNCTION_WORDS).upper())
    return out


def _fits(rest: str, words: list[str], k: int, pieces: int) -> bool:
    if not rest:
        return pieces >= 2
    if k >= len(words):
        return False
    for cut in range(len(rest), 1, -1):
        piece = rest[:cut]
        # A prefix of the word; the last piece may carry its own case ending (Минэкономики).
        last = cut == len(rest)
        if (
            words[k].startswith(piece) or (last and len(piece) > 3 and words[k].startswith(piece[:-2]))
        ) and _fits(rest[cut:], words, k + 1, pieces + 1):
            return True
    return False


def is_contraction(word: str, name: str) -> bool:
    """Is `word` a syllabic contraction of the start of `name` (Нацбанк: Национальный банк, Минэкономики:
    Министерство экономики)? Each piece begins a consecutive word; at least two pieces."""
    words = [w.lower() for w in _WORD.findall(name) if w.lower() not in _FUNCTION_WORDS]
    return len(words) >= 2 and _fits(word.lower(), words, 0, 0)
