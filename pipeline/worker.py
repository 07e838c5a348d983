"""One batch of one stage, run wherever the executor puts it: read inputs, run the stage, write parts.

The worker writes its data parts; the driver writes the commit record once the worker returns. A batch that
fails as a whole is retried document by document, so one bad document fails alone.
"""

from __future__ import annotations

import logging
import traceback
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pipeline import schema
from pipeline.memory import release_free_memory
from pipeline.stages import STAGES
from pipeline.stages.base import Doc, StageFn
from pipeline.store import Store

log = logging.getLogger(__name__)
_LOADED: dict[str, StageFn] = {}  # stage functions (and their models), loaded once per process


@dataclass
class BatchResult:
    batch_id: str
    records: list[dict]  # commit-record rows: doc_id, content_hash, version_key, status
    rows_written: dict[str, int] = field(default_factory=dict)

    def count(self, status: str) -> int:
        return sum(r["status"] == status for r in self.records)


def stage_function(name: str) -> StageFn:
    if name not in _LOADED:
        _LOADED[name] = STAGES[name].load()
    return _LOADED[name]


def warm_up(stage_names: list[str]) -> None:
    """Load the stages' models in this process now, so the first batch does not wait for them."""
    for name in stage_names:
        if STAGES[name].load is not None:
            stage_function(name)


def part_name(batch_id: str) -> str:
    return f"part-{batch_id}"


def run_batch(
    out_uri: str,
    stage_name: str,
    batch_id: str,
    doc_ids: list[str],
    version_key: str,
    parts: dict[str, list[str]],
) -> BatchResult:
    """Run one batch. `parts` names, per input table, the part files that hold these documents' rows."""
    store = Store.open(out_uri)
    fn = stage_function(stage_name)
    docs, hashes = _read_docs(store, parts, doc_ids)

    outputs: dict[str, list[dict]] = {t: [] for t in STAGES[stage_name].outputs}
    errors: list[dict] = []
    status: dict[str, str] = {}
    for doc, rows, failure in _run_isolating_failures(fn, docs):
        if failure is None:
            failure = _offset_violation(doc, rows)
        if failure is None:
            status[doc.doc_id] = "done"
            for table, table_rows in rows.items():
                outputs[table].extend(table_rows)
        else:
            status[doc.doc_id] = "failed"
            errors.append(error_row(doc.doc_id, None, stage_name, "error", *failure))

    written = {}
    for table, rows in {**outputs, "errors": errors}.items():
        if rows:
            store.write_part(table, part_name(batch_id), schema.to_table(table, rows))
            written[table] = len(rows)
    records = [
        {"doc_id": d, "content_hash": hashes[d], "version_key": version_key, "status": s}
        for d, s in status.items()
    ]
    del docs, outputs, errors
    release_free_memory()  # memory bounded by the batch, not by how many batches came before
    return BatchResult(batch_id, records, written)


def error_row(
    doc_id: str | None, source: str | None, stage: str, level: str, error: str, message: str
) -> dict:
    return {
        "doc_id": doc_id,
        "source": source,
        "stage": stage,
        "level": level,
        "error": error,
        "message": message,
        "at": datetime.now(UTC),
    }


def _read_docs(
    store: Store, parts: dict[str, list[str]], doc_ids: list[str]
) -> tuple[list[Doc], dict[str, str]]:
    columns = ["doc_id", "text", "lang", "published", "content_hash"]
    table = store.read_parts("documents", parts["documents"], doc_ids, columns).to_pylist()
    inputs = [name for name in parts if name != "documents"]
    input_rows: dict[str, dict[str, list[dict]]] = {}
    for name in inputs:
        grouped: dict[str, list[dict]] = defaultdict(list)
        for row in store.read_parts(name, parts[name], doc_ids).to_pylist():
            grouped[row["doc_id"]].append(row)
        for rows in grouped.values():
            rows.sort(key=lambda r: r["start"])
        input_rows[name] = grouped
    docs = [
        Doc(
            r["doc_id"],
            r["text"],
            r["lang"],
            r["published"],
            {name: input_rows[name].get(r["doc_id"], []) for name in inputs},
        )
        for r in sorted(table, key=lambda r: r["doc_id"])
    ]
    return docs, {r["doc_id"]: r["content_hash"] for r in table}


def _run_isolating_failures(fn: StageFn, docs: list[Doc]):
    """Yield (doc, rows by table, failure) per document: the batch at once, or one by one if it fails."""
    try:
        out = fn(docs)
    except Exception:
        log.warning("batch of %d failed; retrying document by document", len(docs), exc_info=True)
        for doc in docs:
            try:
                yield doc, fn([doc]), None
            except Exception as e:
                yield doc, {}, (type(e).__name__, f"{e} | {traceback.format_exc(limit=-3)}")
        return
    by_doc: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for table, rows in out.items():
        for row in rows:
            by_doc[row["doc_id"]][table].append(row)
    for doc in docs:
        yield doc, by_doc.get(doc.doc_id, {}), None


def _offset_violation(doc: Doc, rows: dict[str, list[dict]]) -> tuple[str, str] | None:
    """The contract: every span row's text is exactly the document text at its offsets."""
    for table, table_rows in rows.items():
        for row in table_rows:
            if "start" in row and doc.text[row["start"] : row["end"]] != row["text"]:
                return (
                    "offset_mismatch",
                    f"{table} row {row['start']}:{row['end']} {row['text']!r} is not the text",
                )
    return None
