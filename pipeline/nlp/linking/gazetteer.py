"""The gazetteer: countries (all ISO 3166-1, Russian names from pycountry's `ru` locale) plus the TSV files
in models/gazetteer/ (regions, cities, organisations, extra country aliases)."""

from __future__ import annotations

import csv
import gettext
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from .keys import match_key

# `pipeline run --gazetteer DIR` (or pipeline.toml) sets PIPELINE_GAZETTEER_DIR for every worker it starts.
GAZETTEER_DIR = Path(
    os.environ.get("PIPELINE_GAZETTEER_DIR") or Path(__file__).resolve().parents[3] / "models" / "gazetteer"
)


@dataclass
class Entry:
    id: str
    canonical: str
    name_en: str | None
    label: str
    type: str
    aliases: set[str] = field(default_factory=set)
    context: tuple[str, ...] = ()

    @property
    def country(self) -> str:
        """ISO alpha-2 code of the country the entry belongs to (`KZ-63` -> `KZ`, `kr-city-x` -> `KR`)."""
        return self.id.split("-")[0].upper() if self.type != "org" else ""


def _country_entries() -> dict[str, Entry]:
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    entries: dict[str, Entry] = {}
    for c in pycountry.countries:
        name_ru = ru.gettext(c.name)
        e = Entry(c.alpha_2, name_ru, getattr(c, "common_name", None) or c.name, "LOC", "country")
        e.aliases.update({name_ru, c.name, c.alpha_3})
        official = getattr(c, "official_name", None)
        if official:
            e.aliases.update({official, ru.gettext(official)})
        entries[c.alpha_2] = e
    return entries


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f, delimiter="\t")]


class Gazetteer:
    def __init__(self, directory: Path = GAZETTEER_DIR) -> None:
        self.entries: dict[str, Entry] = _country_entries()
        for path in sorted(directory.glob("*.tsv")):
            for row in _read_tsv(path):
                self._add(row)
        self.index: dict[str, list[Entry]] = defaultdict(list)
        for e in self.entries.values():
            for alias in e.aliases | {e.canonical}:
                k = match_key(alias)
                if k and e not in self.index[k]:
                    self.index[k].append(e)

    def _add(self, row: dict[str, str]) -> None:
        aliases = {a for a in row.get("aliases", "").split("|") if a}
        context = tuple(c for c in row.get("context", "").split("|") if c)
        e = self.entries.get(row["id"])
        if e is None:
            e = Entry(row["id"], row["canonical"], row.get("name_en") or None, row["label"], row["type"])
            self.entries[row["id"]] = e
        elif row.get("canonical"):
            e.aliases.add(e.canonical)  # the pycountry name stays an alias
            e.canonical = row["canonical"]
        if row.get("name_en"):
            e.name_en = row["name_en"]
        e.aliases |= aliases
        e.context = e.context + context

    def lookup(self, text: str) -> list[Entry]:
        return list(self.index.get(match_key(text), ()))
