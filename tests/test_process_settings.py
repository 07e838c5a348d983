"""Settings the package applies to every process that imports it (worker processes included)."""

from __future__ import annotations

import os
import platform
import subprocess
import sys


def _in_fresh_python(code: str, **env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"} | env
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environ, check=True
    )
    return done.stdout.strip()


def test_arrow_allocates_from_jemalloc_unless_told_otherwise() -> None:
    probe = "import pipeline, pyarrow as pa; print(pa.default_memory_pool().backend_name)"
    assert _in_fresh_python(probe) == "jemalloc"
    assert _in_fresh_python(probe, ARROW_DEFAULT_MEMORY_POOL="system") == "system"


def test_dask_local_cluster_workers_run_without_the_profiler_and_with_a_coarse_tick() -> None:
    from pipeline.executors import DaskExecutor

    executor = DaskExecutor(1)
    try:
        settings = executor._ready().run(
            lambda: (
                [
                    __import__("dask").config.get(key)
                    for key in ("distributed.worker.profile.enabled", "distributed.admin.tick.interval")
                ]
                + [__import__("os").environ.get("MALLOC_TRIM_THRESHOLD_")]
            )
        )
        driver_log_level = __import__("logging").getLogger("distributed").getEffectiveLevel()
    finally:
        executor.close()
    # Dask's INFO chatter stays quiet in the driver
    assert driver_log_level == __import__("logging").WARNING
    # and without Dask's MALLOC_TRIM_THRESHOLD_, which turns glibc's dynamic mmap threshold off
    assert list(settings.values()) == [[False, "1s", None]]


def test_dask_executor_starts_in_the_background_and_runs_warm_calls_made_before_it_is_up() -> None:
    from pipeline.executors import DaskExecutor

    executor = DaskExecutor(1)
    try:
        # builtins travel by reference to the worker processes: set a variable there, then read it back
        executor.warm(
            exec, "__import__('os').environ['PIPELINE_TEST_WARMED'] = 'yes'"
        )  # queued if not up yet
        results = list(
            executor.map_unordered(eval, [("__import__('os').environ.get('PIPELINE_TEST_WARMED')",)])
        )
    finally:
        executor.close()
    assert results == ["yes"]


def test_the_c_heap_is_trimmed_where_glibc_allows() -> None:
    from pipeline.memory import release_free_memory

    on_glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert release_free_memory() is on_glibc
