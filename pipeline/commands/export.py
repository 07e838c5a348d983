"""`pipeline export`: the output tables as CSV, JSON Lines or one DuckDB file, for those not using Parquet."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa

from pipeline.commands import EXIT_FATAL, EXIT_OK, EXIT_USAGE
from pipeline.schema import TABLES
from pipeline.store import Store

NAME = "export"
HELP = "export the output tables as csv, jsonl or a DuckDB file"

FORMATS = ("csv", "jsonl", "duckdb")
# What analysts use; `mentions` (pre-linking, internal) only when asked for.
DEFAULT_TABLES = ("documents", "sentences", "entities", "amounts", "dates", "errors", "runs")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--out", help="output directory to read (default: `out` of ./pipeline.toml, else outputs)")
    p.add_argument("--config", help="settings file to take --out from (default: ./pipeline.toml)")
    p.add_argument(
        "--dest",
        help="where to write: a directory for csv/jsonl (default: export/), "
        "a file for duckdb (default: export/pipeline.duckdb)",
    )
    p.add_argument(
        "--tables",
        nargs="+",
        choices=list(TABLES),
        default=list(DEFAULT_TABLES),
        metavar="TABLE",
        help=f"tables to export (default: {' '.join(DEFAULT_TABLES)}; also: mentions)",
    )


def run(args: argparse.Namespace) -> int:
    from pipeline.config import ConfigError, resolve_out

    try:
        out = resolve_out(args.out, args.config)
    except ConfigError as e:
        print(e, file=sys.stderr)
        return EXIT_USAGE
    if "://" not in out and not os.path.isdir(out):
        print(f"no outputs at {out}: run `pipeline run` first, or pass --out", file=sys.stderr)
        return EXIT_FATAL
    dest = args.dest or default_dest(args.format)
    try:
        written = export(Store.open(out), args.format, dest, args.tables)
    except OSError as e:
        print(f"cannot export to {dest}: {e}", file=sys.stderr)
        return EXIT_FATAL
    for table, (path, rows) in written.items():
        print(f"{table}: {rows} rows -> {path}")
    return EXIT_OK


def default_dest(fmt: str) -> str:
    return os.path.join("export", "pipeline.duckdb") if fmt == "duckdb" else "export"


def export(store: Store, fmt: str, dest: str | os.PathLike, tables: list[str]) -> dict[str, tuple[str, int]]:
    """Write `tables` of `store` to `dest` in `fmt`; return table -> (path written, rows).

    Each file is written under a temp name and renamed, so a reader never sees half an export."""
    dest = Path(dest)
    if fmt == "duckdb":
        return _to_duckdb(store, dest, tables)
    dest.mkdir(parents=True, exist_ok=True)
    write = _write_csv if fmt == "csv" else _write_jsonl
    written = {}
    for table in tables:
        path = dest / f"{table}.{fmt}"
        tmp = path.with_name(f".{path.name}.tmp")
        rows = write(_batches(store, table), TABLES[table], tmp)
        os.replace(tmp, path)
        written[table] = (str(path), rows)
    return written


def _batches(store: Store, table: str) -> Iterator[pa.RecordBatch]:
    """A table's rows in its declared schema, batch by batch (tables need not fit in memory)."""
    import pyarrow.dataset as ds

    parts = store.list_parts(table)
    if parts:
        dataset = ds.dataset(parts, schema=TABLES[table], format="parquet", filesystem=store.fs)
        yield from dataset.to_batches()


def _write_csv(batches: Iterator[pa.RecordBatch], schema: pa.Schema, path: Path) -> int:
    import pyarrow.csv as pacsv

    rows = 0
    # UTF-8, a header row, empty fields for nulls, ISO dates.
    with pacsv.CSVWriter(str(path), schema) as writer:
        for batch in batches:
            writer.write_batch(batch)
            rows += batch.num_rows
    return rows


def _write_jsonl(batches: Iterator[pa.RecordBatch], schema: pa.Schema, path: Path) -> int:
    rows = 0
    with open(path, "w", encoding="utf-8") as f:
        for batch in batches:
            for row in batch.to_pylist():
                f.write(json.dumps(row, ensure_ascii=False, default=_iso) + "\n")
            rows += batch.num_rows
    return rows


def _iso(value: object) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _to_duckdb(store: Store, path: Path, tables: list[str]) -> dict[str, tuple[str, int]]:
    import duckdb

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.unlink(missing_ok=True)
    written = {}
    con = duckdb.connect(str(tmp))
    try:
        for table in tables:
            source = pa.RecordBatchReader.from_batches(TABLES[table], _batches(store, table))
            con.register("source_rows", source)
            con.execute(f'CREATE TABLE "{table}" AS SELECT * FROM source_rows').fetchall()
            con.unregister("source_rows")
            # fetchall: DuckDB refuses new work on a connection with an unfinished result.
            rows = con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]
            written[table] = (str(path), rows)
    finally:
        con.close()
    os.replace(tmp, path)
    return written
