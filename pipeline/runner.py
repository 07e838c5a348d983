"""The stage runner: ordering, checkpoints, recovery after crashes, and dispatch of batches to an executor.

A run takes the output directory's lock, then for each stage in order: recovers (deletes what a crash left
half-done, prunes rows that newer versions replaced), finds the documents whose (content hash, stage version)
it has not done, and runs them in batches. A batch counts once its commit record is written (see state.py).
"""

from __future__ import annotations

import itertools
import logging
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from pipeline import schema, state
from pipeline.batching import plan_batches
from pipeline.executors import Executor, make_executor
from pipeline.progress import Progress
from pipeline.stages import PIPELINE, STAGES, version_keys
from pipeline.stages.base import Stage
from pipeline.stages.ingest import ingest_batches
from pipeline.store import Store
from pipeline.worker import BatchResult, error_row, part_name, run_batch, warm_up

log = logging.getLogger(__name__)

# Which stage writes each table a stage may read.
PRODUCER = {table: stage.name for stage in PIPELINE for table in stage.outputs}


@dataclass
class Plan:
    """What a stage has to do: documents to run (id -> hash), blocked upstream, not Russian, up to date,
    and for each table the stage reads, the part file that holds each document's rows."""

    todo: dict[str, str] = field(default_factory=dict)
    n_chars: dict[str, int] = field(default_factory=dict)
    blocked: dict[str, str] = field(default_factory=dict)
    foreign: dict[str, tuple[str, str]] = field(default_factory=dict)
    up_to_date: int = 0
    part_of: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class RunOptions:
    corpus: Path
    out: str
    stages: list[str] = field(default_factory=lambda: [s.name for s in PIPELINE])
    force: bool = False
    retry_failed: bool = False
    workers: int = 1
    executor: str = "processes"  # local | processes | dask
    scheduler: str | None = None
    batch_size: int = 64
    ingest_batch_size: int = 500
    progress: bool = False


@dataclass
class StageSummary:
    stage: str
    done: int = 0
    skipped: int = 0
    failed: int = 0
    recovered: list[str] = field(default_factory=list)


@dataclass
class RunSummary:
    run_id: str
    stages: list[StageSummary] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(s.failed for s in self.stages)

    @property
    def done(self) -> int:
        return sum(s.done for s in self.stages)


def new_run_id() -> str:
    # Sorts in time order, so batch ids (which start with it) sort in commit order.
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ") + "-" + secrets.token_hex(3)


def select_stages(stage: str | None = None, start_from: str | None = None) -> list[str]:
    names = [s.name for s in PIPELINE]
    if stage:
        if stage not in STAGES:
            raise ValueError(f"unknown stage {stage!r}; stages: {', '.join(names)}")
        return [stage]
    if start_from:
        if start_from not in STAGES:
            raise ValueError(f"unknown stage {start_from!r}; stages: {', '.join(names)}")
        return names[names.index(start_from) :]
    return names


class Runner:
    def __init__(self, store: Store, options: RunOptions, run_id: str | None = None) -> None:
        self.store = store
        self.options = options
        self.run_id = run_id or new_run_id()
        self.keys = version_keys()
        self._executor: Executor | None = None
        self._batch_seq = 0
        self._warmed = False

    @property
    def executor(self) -> Executor:
        if self._executor is None:
            o = self.options
            self._executor = make_executor(o.executor, o.workers, o.scheduler)
        return self._executor

    def run(self) -> RunSummary:
        summary = RunSummary(self.run_id)
        log.info("run %s: stages %s", self.run_id, ", ".join(self.options.stages))
        try:
            for name in self.options.stages:
                started = datetime.now(UTC)
                stage_summary = self.run_stage(STAGES[name])
                summary.stages.append(stage_summary)
                self._write_run_row(STAGES[name], stage_summary, started)
                log.info(
                    "run %s: %s done %d, skipped %d, failed %d",
                    self.run_id,
                    name,
                    stage_summary.done,
                    stage_summary.skipped,
                    stage_summary.failed,
                )
        finally:
            if self._executor is not None:
                self._executor.close()
        self._write_empty_tables()
        return summary

    def _write_empty_tables(self) -> None:
        """Every table exists after a run, even with no rows yet (no errors, say): readers need not guess."""
        for table in schema.TABLES:
            if not self.store.list_parts(table):
                self.store.write_part(table, "part-empty", schema.empty(table))

    # -- one stage ---------------------------------------------------------------------------------------

    def run_stage(self, stage: Stage) -> StageSummary:
        summary = StageSummary(stage.name)
        summary.recovered = recover(self.store, stage)
        if stage.name == "ingest":
            self._run_ingest(stage, summary)
        else:
            self._run_batches(stage, summary)
        # Rows of documents redone in this run replace their older versions before the next stage reads them.
        prune_superseded(self.store, stage, state.load_state(self.store, stage.name))
        return summary

    def _next_batch_id(self, stage: str) -> str:
        self._batch_seq += 1
        return f"{self.run_id}-{stage}-{self._batch_seq:06d}"

    def _run_ingest(self, stage: Stage, summary: StageSummary) -> None:
        st = state.load_state(self.store, stage.name)
        key = self.keys[stage.name]
        latest = st.latest
        same_version = latest[latest["version_key"] == key]
        done = dict(zip(same_version.index, same_version["content_hash"], strict=True))
        seen = 0
        with Progress(f"{stage.name}", None, enabled=self.options.progress) as bar:
            for batch in ingest_batches(self.options.corpus, done, key, self.options.ingest_batch_size):
                seen += batch.seen
                if not batch.records:
                    continue
                batch_id = self._next_batch_id(stage.name)
                if batch.documents:
                    self.store.write_part(
                        "documents", part_name(batch_id), schema.to_table("documents", batch.documents)
                    )
                if batch.errors:
                    self.store.write_part(
                        "errors", part_name(batch_id), schema.to_table("errors", batch.errors)
                    )
                state.commit(self.store, stage.name, batch_id, batch.records)
                summary.done += len(batch.documents)
                summary.failed += len(batch.errors)
                bar.advance(len(batch.records))
                if summary.done > self.options.batch_size and self._pool_will_run():
                    # More than a batch of new documents: the later stages will start workers anyway, so
                    # let them load their models while the driver ingests the rest.
                    self._warm_workers()
        summary.skipped = seen - summary.done - summary.failed

    def _run_batches(self, stage: Stage, summary: StageSummary) -> None:
        key = self.keys[stage.name]
        plan = self._plan(stage, key)
        summary.skipped = plan.up_to_date
        if plan.blocked or plan.foreign:
            self._record_skips(stage, key, plan.blocked, plan.foreign)
            summary.skipped += len(plan.blocked) + len(plan.foreign)
        # Documents read together were ingested together: a batch then reads few part files.
        home = plan.part_of["documents"]
        ids = sorted(plan.todo, key=lambda d: (home[d], d))
        batches = plan_batches(ids, plan.n_chars, self.options.batch_size, self.options.workers)
        tasks = (
            (
                self.store_uri,
                stage.name,
                self._next_batch_id(stage.name),
                chunk,
                key,
                {table: sorted({where[d] for d in chunk}) for table, where in plan.part_of.items()},
            )
            for chunk in batches
        )
        with Progress(stage.name, len(ids), enabled=self.options.progress) as bar:
            for result in self._dispatch(tasks):
                state.commit(self.store, stage.name, result.batch_id, result.records)
                summary.done += result.count("done")
                summary.failed += result.count("failed")
                bar.advance(len(result.records))

    @property
    def store_uri(self) -> str:
        return self.options.out if "://" in self.options.out else self.store.root

    def _dispatch(self, tasks: Iterable[tuple]) -> Iterator[BatchResult]:
        tasks = iter(tasks)
        head = list(itertools.islice(tasks, 2))
        if not head:
            return
        # One batch needs no pool: spare the start-up of worker processes and their models.
        if len(head) == 1 and self.options.executor != "dask":
            yield run_batch(*head[0])
            return
        self._warm_workers()
        yield from self.executor.map_unordered(run_batch, itertools.chain(head, tasks))

    def _pool_will_run(self) -> bool:
        o = self.options
        return (o.workers > 1 or o.executor == "dask") and any(n != "ingest" for n in o.stages)

    def _warm_workers(self) -> None:
        """Start the workers, once per run, and have each load the models of every stage up front."""
        if self._warmed:
            return
        self._warmed = True
        self.executor.warm(warm_up, [n for n in self.options.stages if STAGES[n].load is not None])

    def _plan(self, stage: Stage, key: str) -> Plan:
        docs = self.store.read_table("documents", columns=["doc_id", "content_hash", "lang", "n_chars"])
        mine = _latest(self.store, stage.name)
        upstream = [(_latest(self.store, d), self.keys[d]) for d in stage.deps if d != "ingest"]
        plan = Plan()
        force, retry = self.options.force, self.options.retry_failed
        columns = (docs[c].to_pylist() for c in docs.column_names)
        for doc_id, content_hash, lang, n_chars in zip(*columns, strict=True):
            if not force and _is_current(mine.get(doc_id), content_hash, key, retry):
                plan.up_to_date += 1
            elif not all(_is_current(up.get(doc_id), content_hash, k, need="done") for up, k in upstream):
                plan.blocked[doc_id] = content_hash
            elif stage.russian_only and lang != "ru":
                plan.foreign[doc_id] = (content_hash, lang)
            else:
                plan.todo[doc_id] = content_hash
                plan.n_chars[doc_id] = n_chars or 0
        for table in ("documents", *stage.inputs):
            producer = _latest(self.store, PRODUCER[table])
            plan.part_of[table] = {d: part_name(producer[d][3]) for d in plan.todo}
        return plan

    def _record_skips(self, stage: Stage, key: str, blocked: dict, foreign: dict) -> None:
        batch_id = self._next_batch_id(stage.name)
        errors = [
            error_row(
                doc_id,
                None,
                stage.name,
                "skipped",
                "language_not_supported",
                f"document language is {lang!r}; stage {stage.name} handles Russian only",
            )
            for doc_id, (_, lang) in sorted(foreign.items())
        ]
        if errors:
            self.store.write_part("errors", part_name(batch_id), schema.to_table("errors", errors))
        hashes = {**blocked, **{d: h for d, (h, _) in foreign.items()}}
        records = [
            {"doc_id": d, "content_hash": h, "version_key": key, "status": "skipped"}
            for d, h in sorted(hashes.items())
        ]
        state.commit(self.store, stage.name, batch_id, records)

    def _write_run_row(self, stage: Stage, s: StageSummary, started: datetime) -> None:
        row = {
            "run_id": self.run_id,
            "stage": stage.name,
            "started_at": started,
            "finished_at": datetime.now(UTC),
            "docs_done": s.done,
            "docs_skipped": s.skipped,
            "docs_failed": s.failed,
            "stage_version": self.keys[stage.name],
            "executor": self.options.executor if self.options.workers > 1 else "local",
            "workers": self.options.workers,
        }
        self.store.write_part("runs", f"part-{self.run_id}-{stage.name}", schema.to_table("runs", [row]))


def _latest(store: Store, stage: str) -> dict[str, tuple[str, str, str, str]]:
    """doc_id -> (content_hash, version_key, status, batch_id) of its latest commit record."""
    latest = state.load_state(store, stage).latest
    columns = (latest[c].tolist() for c in ("content_hash", "version_key", "status", "batch_id"))
    return dict(zip(latest.index.tolist(), zip(*columns, strict=True), strict=True))


def _is_current(
    record: tuple | None, content_hash: str, key: str, retry_failed: bool = False, need: str = ""
) -> bool:
    if record is None or record[0] != content_hash or record[1] != key:
        return False
    if need:
        return record[2] == need
    return not (retry_failed and record[2] == "failed")


# -- recovery ----------------------------------------------------------------------------------------------


def batch_of(part_path: str) -> str:
    name = part_path.rsplit("/", 1)[-1]
    return name.removeprefix("part-").removesuffix(".parquet")


def recover(store: Store, stage: Stage) -> list[str]:
    """Undo what a crash left behind for this stage; return what was done, for the log and the summary.

    Orphans of a kill (parts of batches that never committed, temp files) are routine and only logged.
    Unreadable files (truncated or garbled by an older crash or a bad disk) are deleted, their batches
    redone, and each is also reported as an `errors` row with level 'recovered', so users see it.
    """
    notes: list[str] = []
    damaged: list[tuple[str, str, str]] = []  # (path, error kind, message) for the errors table
    st = state.load_state(store, stage.name)
    for path in st.corrupt:
        store.delete(path)
        damaged.append(
            (path, "corrupt_state", f"deleted unreadable commit record {path}; its batch is redone")
        )
    if st.corrupt:
        st = state.load_state(store, stage.name)
    tables = (*stage.outputs, "errors")
    committed = st.batches
    marker = f"-{stage.name}-"
    for table in tables:
        for tmp in store.list_temp_files(table):
            store.delete(tmp)
        for path in store.list_parts(table):
            batch_id = batch_of(path)
            if marker not in batch_id:
                continue
            if batch_id not in committed:
                store.delete(path)
                notes.append(f"deleted {path}: its batch never committed")
            elif not _readable(store, path):
                _forget_batch(store, stage, batch_id)
                damaged.append(
                    (path, "corrupt_part", f"deleted unreadable {path}; batch {batch_id} is redone")
                )
    damaged += _drop_unreadable_extras(store, stage)
    if any(kind == "corrupt_part" for _, kind, _ in damaged):
        st = state.load_state(store, stage.name)
    prune_superseded(store, stage, st)
    for note in notes:
        log.warning("%s: %s", stage.name, note)
    for _, _, message in damaged:
        log.error("%s: recovered: %s", stage.name, message)
    _report_recovered(store, stage, damaged)
    return notes + [message for _, _, message in damaged]


_RECOVERED_PREFIX = "recovered-"  # errors parts written by recovery itself, outside any batch


def _drop_unreadable_extras(store: Store, stage: Stage) -> list[tuple[str, str, str]]:
    """Parts outside any batch (this stage's `runs` rows, recovery reports): unreadable ones are deleted."""
    damaged = []
    candidates = [p for p in store.list_parts("runs") if batch_of(p).endswith(f"-{stage.name}")]
    candidates += [
        p
        for p in store.list_parts("errors")
        if batch_of(p).startswith(_RECOVERED_PREFIX) and batch_of(p).endswith(f"-{stage.name}")
    ]
    for path in candidates:
        if not _readable(store, path):
            store.delete(path)
            damaged.append((path, "corrupt_part", f"deleted unreadable {path} (bookkeeping rows, no data)"))
    return damaged


def _report_recovered(store: Store, stage: Stage, damaged: list[tuple[str, str, str]]) -> None:
    if not damaged:
        return
    rows = [error_row(path, path, stage.name, "recovered", kind, message) for path, kind, message in damaged]
    # Named so that no batch claims it (no '-<stage>-' inside): recovery and pruning leave it alone.
    name = part_name(f"{_RECOVERED_PREFIX}{new_run_id()}-{stage.name}")
    store.write_part("errors", name, schema.to_table("errors", rows))


def _readable(store: Store, path: str) -> bool:
    """The footer reads: a truncated part (the usual damage) fails here; bit rot inside pages may not."""
    import pyarrow.parquet as pq

    try:
        with store.fs.open_input_file(path) as f:
            pq.read_metadata(f)
        return True
    except Exception:
        return False


def _forget_batch(store: Store, stage: Stage, batch_id: str) -> None:
    # The record goes first: without it the remaining parts of the batch are orphans, deleted next time.
    store.delete(store.path(state.state_dir(stage.name), f"{batch_id}.parquet"))
    for table in (*stage.outputs, "errors"):
        store.delete(store.path(table, f"{part_name(batch_id)}.parquet"))


def prune_superseded(store: Store, stage: Stage, st: state.StageState) -> None:
    """Remove rows of documents that a later batch has redone, so each document has one current version."""
    if st.records.empty:
        return
    current = st.latest["batch_id"]
    records = st.records
    is_live = records["batch_id"].to_numpy() == current.reindex(records["doc_id"]).to_numpy()
    stale_batches = sorted(set(records.loc[~is_live, "batch_id"]))
    for batch_id in stale_batches:
        batch_records = records[records["batch_id"] == batch_id]
        keep = batch_records[is_live[records["batch_id"] == batch_id]]
        keep_ids = set(keep["doc_id"])
        for table in (*stage.outputs, "errors"):
            path = store.path(table, f"{part_name(batch_id)}.parquet")
            if not store.fs.get_file_info(path).is_file:
                continue
            data = store.read_part(path)
            # Ingest keys rejected inputs by their source (they may have no id); everything else by doc_id.
            id_column = "source" if stage.name == "ingest" and table == "errors" else "doc_id"
            mask = pc.is_in(data[id_column], value_set=pa.array(sorted(keep_ids), type=pa.string()))
            kept = data.filter(mask)
            if kept.num_rows == 0:
                store.delete(path)
            elif kept.num_rows < data.num_rows:
                store.write_part(table, part_name(batch_id), kept)
        state.rewrite_record(store, stage.name, batch_id, keep)
        log.info(
            "%s: batch %s: %d superseded documents pruned",
            stage.name,
            batch_id,
            len(batch_records) - len(keep),
        )
