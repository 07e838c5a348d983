"""Where tables live: Parquet part files under OUT/<table>/, written atomically through pyarrow filesystems.

All I/O goes through a `pyarrow.fs.FileSystem`, so OUT may be a local path or any fsspec URL (s3://...).
A part is written to a hidden temp name (readers skip names starting with '.' or '_') and renamed into place,
so a reader or a crash never sees half a file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import uuid
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from pipeline import schema

ROW_GROUP_ROWS = 64_000  # sensible row groups: big enough to compress, small enough to prune

# Fault injection for the crash tests: SIGKILL this process at the Nth kill point (two per file write:
# before the temp file, and between the temp file and its rename).
_KILL_AT_WRITE = int(os.environ.get("PIPELINE_FAULT_KILL_AT_WRITE", "0"))
_writes = 0


def _maybe_die() -> None:
    global _writes
    _writes += 1
    if _writes == _KILL_AT_WRITE:
        os.kill(os.getpid(), signal.SIGKILL)


# Fault injection for the disk-full tests: this process's part writes fail with ENOSPC once they have written
# this many bytes in total (the failing write is left half done, as on a real full disk).
_DISK_FULL_AFTER = int(os.environ.get("PIPELINE_FAULT_DISK_FULL_AFTER", "0"))
_bytes_written = 0


def _write_limited(sink: pa.NativeFile, table: pa.Table, row_group_rows: int) -> None:
    global _bytes_written
    buffer = pa.BufferOutputStream()
    pq.write_table(table, buffer, row_group_size=row_group_rows, compression="zstd")
    data = buffer.getvalue().to_pybytes()
    room = max(_DISK_FULL_AFTER - _bytes_written, 0)
    sink.write(data[:room])
    _bytes_written += min(room, len(data))
    if room < len(data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class DiskFullError(OSError):
    """No space left while writing a part: nothing visible changed; free space and run again."""


def _is_disk_full(e: BaseException) -> bool:
    return isinstance(e, OSError) and (e.errno == errno.ENOSPC or "No space left" in str(e))


@dataclass(frozen=True)
class Store:
    """An output directory: tables of part files plus the runner's state under `_state/`."""

    fs: pafs.FileSystem
    root: str

    @classmethod
    def open(cls, uri: str) -> Store:
        if "://" in uri:
            try:
                fs, root = pafs.FileSystem.from_uri(uri)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                # A scheme pyarrow has no native driver for: go through fsspec (memory://, gcs://, ...).
                import fsspec

                fsspec_fs, root = fsspec.core.url_to_fs(uri)
                fs = pafs.PyFileSystem(pafs.FSSpecHandler(fsspec_fs))
        else:
            fs, root = pafs.LocalFileSystem(), os.path.abspath(uri)
        fs.create_dir(root, recursive=True)
        return cls(fs, root.rstrip("/"))

    @property
    def is_local(self) -> bool:
        return isinstance(self.fs, pafs.LocalFileSystem)

    def path(self, *parts: str) -> str:
        return "/".join((self.root, *parts))

    # -- writing -------------------------------------------------------------------------------------------

    def write_part(
        self, table_dir: str, name: str, table: pa.Table, row_group_rows: int = ROW_GROUP_ROWS
    ) -> str:
        """Write `table` as `<table_dir>/<name>.parquet` atomically (temp file + rename)."""
        directory = self.path(table_dir)
        self.fs.create_dir(directory, recursive=True)
        final = f"{directory}/{name}.parquet"
        tmp = f"{directory}/.tmp-{uuid.uuid4().hex}.parquet"
        if _KILL_AT_WRITE:
            _maybe_die()
        try:
            with self.fs.open_output_stream(tmp) as sink:
                if _DISK_FULL_AFTER:
                    _write_limited(sink, table, row_group_rows)
                else:
                    pq.write_table(table, sink, row_group_size=row_group_rows, compression="zstd")
            if _KILL_AT_WRITE:
                _maybe_die()
            self.fs.move(tmp, final)
        except BaseException as e:
            self.delete(tmp)
            if _is_disk_full(e):
                # Say what happened and that it is safe: the temp file is gone, earlier parts are intact.
                raise DiskFullError(
                    errno.ENOSPC,
                    f"disk full while writing {final}; nothing half-written is left and earlier outputs are "
                    "intact: free space and run again",
                ) from e
            raise
        return final

    def delete(self, path: str) -> None:
        with contextlib.suppress(FileNotFoundError, OSError):
            self.fs.delete_file(path)

    # -- reading -------------------------------------------------------------------------------------------

    def list_parts(self, table_dir: str) -> list[str]:
        """Visible part files of a table directory, sorted by name."""
        selector = pafs.FileSelector(self.path(table_dir), allow_not_found=True)
        infos = self.fs.get_file_info(selector)
        return sorted(
            i.path
            for i in infos
            if i.type == pafs.FileType.File
            and i.base_name.endswith(".parquet")
            and not i.base_name.startswith((".", "_"))
        )

    def list_temp_files(self, table_dir: str) -> list[str]:
        selector = pafs.FileSelector(self.path(table_dir), allow_not_found=True)
        return [i.path for i in self.fs.get_file_info(selector) if i.base_name.startswith(".tmp-")]

    def read_part(self, path: str, columns: list[str] | None = None) -> pa.Table:
        with self.fs.open_input_file(path) as f:
            return pq.read_table(f, columns=columns)

    def read_table(
        self,
        table: str,
        columns: list[str] | None = None,
        doc_ids: list[str] | None = None,
    ) -> pa.Table:
        """A table's rows (optionally only some columns, only some documents) in the declared schema."""
        table_schema = schema.TABLES[table]
        parts = self.list_parts(table)
        if not parts:
            empty = table_schema.empty_table()
            return empty.select(columns) if columns else empty
        return self._scan(parts, table_schema, columns, doc_ids)

    def read_parts(
        self, table: str, names: list[str], doc_ids: list[str], columns: list[str] | None = None
    ) -> pa.Table:
        """Rows of some documents, from the named parts only: a batch reads what holds its documents."""
        paths = [self.path(table, f"{name}.parquet") for name in sorted(set(names))]
        # A batch that produced no rows for a table (no entities in its documents) wrote no part there.
        paths = [info.path for info in self.fs.get_file_info(paths) if info.is_file] if paths else []
        return self._scan(paths, schema.TABLES[table], columns, doc_ids)

    def _scan(
        self, paths: list[str], table_schema: pa.Schema, columns: list[str] | None, doc_ids: list[str] | None
    ) -> pa.Table:
        if not paths:
            empty = table_schema.empty_table()
            return empty.select(columns) if columns else empty
        dataset = ds.dataset(paths, schema=table_schema, format="parquet", filesystem=self.fs)
        flt = ds.field("doc_id").isin(doc_ids) if doc_ids is not None else None
        return dataset.to_table(columns=columns, filter=flt)

    def table_dirs(self) -> list[str]:
        return [t for t in schema.TABLES if self.list_parts(t)]
