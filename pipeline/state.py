"""The runner's checkpoints: one commit record per finished batch, under OUT/_state/<stage>/.

A batch writes its data parts first and its commit record last. A data part whose batch has no commit record
is an orphan of a crash and is deleted on the next run; a record is the only proof that a batch is complete.
The latest record of a document (batch ids sort in commit order) says what was done to it: with which
content hash and stage version, and whether it is done, skipped or failed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd
import pyarrow as pa

from pipeline.store import Store

STATE_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("content_hash", pa.string()),
        ("version_key", pa.string()),
        ("status", pa.string()),  # done | skipped | failed
        ("batch_id", pa.string()),
        ("at", pa.timestamp("us", tz="UTC")),
    ]
)

STATE_COLUMNS = STATE_SCHEMA.names


def state_dir(stage: str) -> str:
    return f"_state/{stage}"


@dataclass
class StageState:
    """All commit records of one stage, and each document's latest one."""

    records: pd.DataFrame  # every record, in commit order
    latest: pd.DataFrame  # one row per doc_id, indexed by doc_id
    corrupt: list[str]  # record files that could not be read (left by an older crash or a bad disk)

    @property
    def batches(self) -> set[str]:
        return set(self.records["batch_id"])


def load_state(store: Store, stage: str) -> StageState:
    frames, corrupt = [], []
    for path in store.list_parts(state_dir(stage)):
        try:
            frames.append(store.read_part(path).to_pandas())
        except Exception:  # a truncated or garbled record: the batch counts as not done
            corrupt.append(path)
    records = pd.concat(frames, ignore_index=True) if frames else STATE_SCHEMA.empty_table().to_pandas()
    records = records.sort_values("batch_id", kind="stable")
    latest = records.drop_duplicates("doc_id", keep="last").set_index("doc_id")
    return StageState(records, latest, corrupt)


def commit(store: Store, stage: str, batch_id: str, rows: list[dict]) -> None:
    """Write the commit record of a batch: from now on its data parts count."""
    now = datetime.now(UTC)
    table = pa.Table.from_pylist([{**r, "batch_id": batch_id, "at": now} for r in rows], schema=STATE_SCHEMA)
    store.write_part(state_dir(stage), batch_id, table)


def rewrite_record(store: Store, stage: str, batch_id: str, keep: pd.DataFrame) -> None:
    """Replace a batch's record with the subset of its rows that are still current (or drop it if none)."""
    path = store.path(state_dir(stage), f"{batch_id}.parquet")
    if keep.empty:
        store.delete(path)
        return
    table = pa.Table.from_pandas(keep[STATE_COLUMNS], schema=STATE_SCHEMA, preserve_index=False)
    store.write_part(state_dir(stage), batch_id, table)
