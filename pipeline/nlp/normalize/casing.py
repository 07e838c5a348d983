"""Carry the original spelling (letter case, `ё`) over to a re-inflected word."""

from __future__ import annotations


def _same(a: str, b: str) -> bool:
    return a.lower().replace("ё", "е") == b.lower().replace("ё", "е")


def transfer(original: str, new: str) -> str:
    """Return `new` spelt like `original`: the shared stem is copied from `original` (keeps case and `ё`),
    the changed ending takes the case of the original word (all upper stays upper)."""
    k = 0
    while k < len(original) and k < len(new) and _same(original[k], new[k]):
        k += 1
    # The unchanged end of the word (Ростова-на-Дону -> Ростов-на-Дону) is copied from the original too.
    s = 0
    while s < len(original) - k and s < len(new) - k and _same(original[-1 - s], new[-1 - s]):
        s += 1
    tail, kept_end = new[k : len(new) - s], original[len(original) - s :] if s else ""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        tail = tail.upper()
    elif k == 0 and original[:1].isupper():
        tail = tail[:1].upper() + tail[1:]
    return original[:k] + tail + kept_end
