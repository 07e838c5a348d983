"""The output tables: one pyarrow schema per table. This module is the contract with analysts.

Every table with a span has `start`/`end` character offsets into `documents.text` (the decoded input,
unchanged), so `text[start:end] == row.text` holds for every row.
"""

from __future__ import annotations

import pyarrow as pa

TIMESTAMP = pa.timestamp("us", tz="UTC")

DOCUMENTS = pa.schema(
    [
        ("doc_id", pa.string()),
        ("source", pa.string()),  # path of the input file, with ':LINE' for JSONL
        ("title", pa.string()),
        ("published", pa.date32()),
        ("url", pa.string()),
        ("lang", pa.string()),  # ISO 639-1
        ("encoding", pa.string()),  # how the bytes were decoded
        ("text", pa.string()),
        ("n_chars", pa.int64()),
        ("content_hash", pa.string()),
        ("ingested_at", TIMESTAMP),
    ]
)

SENTENCES = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sent_id", pa.int32()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
    ]
)

_SPAN = [
    ("doc_id", pa.string()),
    ("sent_id", pa.int32()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("text", pa.string()),
]

# Entity mentions as the NER stage finds them, before linking (internal, read by `link`).
MENTIONS = pa.schema(
    _SPAN
    + [
        ("label", pa.string()),  # PER | ORG | LOC
        ("normal", pa.string()),  # nominative normal form
        ("source", pa.string()),  # which component produced the span
    ]
)

ENTITIES = pa.schema(
    _SPAN
    + [
        ("label", pa.string()),
        ("normal", pa.string()),
        ("canonical", pa.string()),  # one name for all mentions of one thing
        ("canonical_id", pa.string()),  # knowledge-base id (e.g. ISO 3166 code) when known
        ("name_en", pa.string()),
        ("source", pa.string()),
    ]
)

AMOUNTS = pa.schema(
    _SPAN
    + [
        ("kind", pa.string()),  # money | percent | count | quantity
        ("value", pa.float64()),
        ("value_min", pa.float64()),
        ("value_max", pa.float64()),
        ("unit", pa.string()),  # ISO 4217 for money, '%' / 'pp' for percent, lemma or unit symbol otherwise
        ("qualifier", pa.string()),  # exact | approx | gt | gte | lt | lte | range
    ]
)

DATES = pa.schema(
    _SPAN
    + [
        # date | month | year | decade | century | quarter | half | season | range | open_start | open_end
        # | relative
        ("kind", pa.string()),
        ("date_start", pa.date32()),
        ("date_end", pa.date32()),  # inclusive
        ("granularity", pa.string()),  # day|month|quarter|half|season|year|decade|century; null for weeks
        ("resolved", pa.bool_()),
    ]
)

ERRORS = pa.schema(
    [
        ("doc_id", pa.string()),  # the document id, or the source path when no id could be read
        ("source", pa.string()),
        ("stage", pa.string()),
        ("level", pa.string()),  # error | skipped | recovered (a damaged file an older crash left)
        ("error", pa.string()),  # short machine-readable kind
        ("message", pa.string()),
        ("at", TIMESTAMP),
    ]
)

RUNS = pa.schema(
    [
        ("run_id", pa.string()),
        ("stage", pa.string()),
        ("started_at", TIMESTAMP),
        ("finished_at", TIMESTAMP),
        ("docs_done", pa.int64()),
        ("docs_skipped", pa.int64()),
        ("docs_failed", pa.int64()),
        ("stage_version", pa.string()),
        ("executor", pa.string()),
        ("workers", pa.int32()),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "sentences": SENTENCES,
    "mentions": MENTIONS,
    "entities": ENTITIES,
    "amounts": AMOUNTS,
    "dates": DATES,
    "errors": ERRORS,
    "runs": RUNS,
}

# Tables whose rows carry spans into documents.text.
SPAN_TABLES = ("sentences", "mentions", "entities", "amounts", "dates")


def empty(table: str) -> pa.Table:
    return TABLES[table].empty_table()


def to_table(table: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts) -> a pyarrow table of the declared schema; missing columns become nulls."""
    schema = TABLES[table]
    return pa.Table.from_pylist(rows, schema=schema)
