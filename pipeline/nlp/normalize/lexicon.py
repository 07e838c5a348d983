"""Language data used by the normalizer, loaded once from models/gazetteer/ (data, not code)."""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

GAZETTEER_DIR = Path(__file__).resolve().parents[3] / "models" / "gazetteer"


def key(text: str) -> str:
    """Comparison key for names: lower case, `ё` read as `е` (spelling of the output is never changed)."""
    return text.lower().replace("ё", "е")


@cache
def _rules() -> dict:
    with open(GAZETTEER_DIR / "normalize_rules.json", encoding="utf-8") as f:
        return json.load(f)


@cache
def indeclinable() -> frozenset[str]:
    """Foreign names that do not inflect but look like inflected Russian words (Тегу, Ёнсе)."""
    return frozenset(key(w) for w in _rules()["indeclinable"])


@cache
def korean_surnames() -> frozenset[str]:
    """Korean family names: a name starting with one is in Korean order and is left as written."""
    return frozenset(key(w) for w in _rules()["korean_surnames"])


@cache
def guessed_endings() -> dict[str, tuple[str, ...]]:
    """Case endings trusted when pymorphy2 only guesses a word (not in its dictionary)."""
    return {case: tuple(ends) for case, ends in _rules()["guessed_oblique_endings"].items()}


@cache
def known_names() -> frozenset[str]:
    """Nominative names from the gazetteer (canonical names and aliases), as keys."""
    names: set[str] = set()
    for path in sorted(GAZETTEER_DIR.glob("*.tsv")):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                names.add(key(row.get("canonical") or ""))
                names.update(key(a) for a in (row.get("aliases") or "").split("|"))
    names.discard("")
    return frozenset(names)


@cache
def feminine_name_endings() -> dict[str, dict[str, str]]:
    """Per case: oblique ending -> nominative ending of women's first names (Айнуре -> Айнура)."""
    return _rules()["feminine_name_endings"]


@cache
def masculine_surname_endings() -> dict[str, dict[str, str]]:
    """Per case: oblique ending -> nominative ending of men's surnames pymorphy2 misreads (Скрипаля)."""
    return _rules()["masculine_surname_endings"]


@cache
def indeclinable_masculine_name_endings() -> tuple[str, ...]:
    """Endings of unknown first names that are men's indeclinable names (Гурбангулы)."""
    return tuple(_rules()["indeclinable_masculine_name_endings"])


@cache
def chinese_surnames() -> frozenset[str]:
    """Chinese family names: a two-word name starting with one is surname + given name."""
    return frozenset(key(w) for w in _rules()["chinese_surnames"])
