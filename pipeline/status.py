"""What an output directory holds: per stage, documents done / pending / skipped / failed; the last run."""

from __future__ import annotations

import pandas as pd

from pipeline import state
from pipeline.stages import PIPELINE, version_keys
from pipeline.store import Store


def stage_status(store: Store) -> pd.DataFrame:
    keys = version_keys()
    docs = store.read_table("documents", columns=["doc_id", "content_hash"]).to_pandas().set_index("doc_id")
    runs = store.read_table("runs").to_pandas()
    rows = []
    for stage in PIPELINE:
        latest = state.load_state(store, stage.name).latest
        row = {"stage": stage.name}
        if stage.name == "ingest":
            current = latest[latest["version_key"] == keys[stage.name]]
            row.update(done=int((current["status"] == "done").sum()), pending=0, skipped=0)
            row["failed"] = int((current["status"] == "failed").sum())
        else:
            joined = docs.join(latest, rsuffix="_state")
            fresh = (joined["content_hash_state"] == joined["content_hash"]) & (
                joined["version_key"] == keys[stage.name]
            )
            for status in ("done", "skipped", "failed"):
                row[status] = int((fresh & (joined["status"] == status)).sum())
            row["pending"] = int((~fresh).sum())
        last = runs[runs["stage"] == stage.name].sort_values("finished_at").tail(1)
        row["last_run"] = last["run_id"].iloc[0] if len(last) else None
        row["last_finished"] = last["finished_at"].iloc[0] if len(last) else None
        rows.append(row)
    return pd.DataFrame(
        rows, columns=["stage", "done", "pending", "skipped", "failed", "last_run", "last_finished"]
    )
