"""The Amount record returned by the extractor."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("money", "percent", "count", "quantity")
QUALIFIERS = ("exact", "approx", "gt", "gte", "lt", "lte", "range")


@dataclass(frozen=True, slots=True)
class Amount:
    """One amount mention; `text == source[start:end]`. Value conventions: see the package docstring."""

    start: int
    end: int
    text: str
    kind: str
    value: float | None
    value_min: float | None
    value_max: float | None
    unit: str | None
    qualifier: str = "exact"
