"""One article and everything extracted from it, as spans to highlight (for the terminal and HTML views)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pipeline.store import Store

# Highlight kinds, in legend order: entity labels, then the matchers' tables.
KINDS = ("PER", "ORG", "LOC", "AMOUNT", "DATE")
KIND_NAMES = {
    "PER": "person",
    "ORG": "organisation",
    "LOC": "place",
    "AMOUNT": "amount",
    "DATE": "date",
}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # one of KINDS
    text: str
    fields: dict[str, str] = field(default_factory=dict)  # what the tooltip and the table show, in order

    @property
    def tooltip(self) -> str:
        return " · ".join([self.kind, *(f"{k}: {v}" for k, v in self.fields.items())])


@dataclass(frozen=True)
class Article:
    doc_id: str
    text: str
    title: str | None
    source: str | None
    published: date | None
    spans: list[Span]

    def counts(self) -> dict[str, int]:
        return {k: sum(s.kind == k for s in self.spans) for k in KINDS}


class DocumentNotFound(KeyError):
    pass


def find_doc_id(store: Store, wanted: str) -> str:
    """The document id `wanted` names: itself, or the one id it is a unique prefix of."""
    ids = store.read_table("documents", columns=["doc_id"]).column("doc_id").to_pylist()
    if wanted in ids:
        return wanted
    matches = sorted(i for i in ids if i.startswith(wanted))
    if len(matches) == 1:
        return matches[0]
    hint = f"{len(matches)} ids start with it" if matches else f"{len(ids)} documents in {store.root}"
    raise DocumentNotFound(f"no document {wanted!r} ({hint})")


def load_article(store: Store, doc_id: str) -> Article:
    docs = store.read_table("documents", doc_ids=[doc_id]).to_pylist()
    if not docs:
        raise DocumentNotFound(f"no document {doc_id!r}")
    doc = docs[0]
    text = doc["text"] or ""
    rows = {t: store.read_table(t, doc_ids=[doc_id]).to_pylist() for t in ("entities", "amounts", "dates")}
    spans = (
        [_entity(r) for r in rows["entities"]]
        + [_amount(r) for r in rows["amounts"]]
        + [_date(r) for r in rows["dates"]]
    )
    # Offsets index documents.text (schema contract); drop anything outside it rather than mis-highlight.
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    spans.sort(key=lambda s: (s.start, -s.end, KINDS.index(s.kind)))
    return Article(doc_id, text, doc.get("title"), doc.get("source"), doc.get("published"), spans)


def _entity(r: dict[str, Any]) -> Span:
    canonical = r.get("canonical") or ""
    if r.get("canonical_id"):
        canonical = f"{canonical} ({r['canonical_id']})"
    fields = _present(normal=r.get("normal"), canonical=canonical, en=r.get("name_en"))
    return Span(r["start"], r["end"], r["label"] if r["label"] in KINDS else "ORG", r["text"], fields)


def _amount(r: dict[str, Any]) -> Span:
    value = _number(r.get("value"))
    low, high = _number(r.get("value_min")), _number(r.get("value_max"))
    if (r.get("qualifier") == "range" or not value) and (low or high):
        value = f"{low or '…'}–{high or '…'}"
    fields = _present(kind=r.get("kind"), value=value, unit=r.get("unit"), qualifier=r.get("qualifier"))
    return Span(r["start"], r["end"], "AMOUNT", r["text"], fields)


def _date(r: dict[str, Any]) -> Span:
    start, end = r.get("date_start"), r.get("date_end")
    if start is None and end is None:
        value = "unresolved"
    elif start == end:
        value = str(start)
    else:
        value = f"{start or '…'} – {end or '…'}"  # '…': an open end
    fields = _present(kind=r.get("kind"), value=value, granularity=r.get("granularity"))
    return Span(r["start"], r["end"], "DATE", r["text"], fields)


def _number(x: float | None) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return f"{x:,.0f}".replace(",", " ") if float(x).is_integer() else f"{x:g}"


def _present(**values: Any) -> dict[str, str]:
    return {k: str(v) for k, v in values.items() if v not in (None, "")}
