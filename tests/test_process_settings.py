"""Settings the package applies to every process that imports it (worker processes included)."""

from __future__ import annotations

import os
import subprocess
import sys


def _in_fresh_python(code: str, **env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"} | env
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environ, check=True
    )
    return done.stdout.strip()


def test_arrow_allocates_from_the_system_allocator_unless_told_otherwise() -> None:
    probe = "import pipeline, pyarrow as pa; print(pa.default_memory_pool().backend_name)"
    assert _in_fresh_python(probe) == "system"
    assert _in_fresh_python(probe, ARROW_DEFAULT_MEMORY_POOL="jemalloc") != "system"


def test_dask_local_cluster_workers_run_without_the_profiler() -> None:
    from pipeline.executors import DaskExecutor

    executor = DaskExecutor(1)
    try:
        enabled = executor._client.run(
            lambda: __import__("dask").config.get("distributed.worker.profile.enabled")
        )
    finally:
        executor.close()
    assert list(enabled.values()) == [False]
