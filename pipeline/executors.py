"""Where batches run: in this process, in a pool of local processes, or on a Dask cluster.

All three expose one call, `map_unordered(fn, tasks)`, which yields results as tasks finish while keeping only
a bounded number in flight, so the driver never holds more than a few batches at once.
"""

from __future__ import annotations

import atexit
import concurrent.futures as cf
import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol


class Executor(Protocol):
    name: str
    workers: int

    def map_unordered(self, fn: Callable[..., Any], tasks: Iterable[tuple]) -> Iterator[Any]: ...

    def warm(self, fn: Callable[..., Any], *args: Any) -> None:
        """Start the workers and have each run fn(*args) (load models) without waiting for it."""

    def close(self) -> None: ...


class LocalExecutor:
    name = "local"
    workers = 1

    def map_unordered(self, fn: Callable[..., Any], tasks: Iterable[tuple]) -> Iterator[Any]:
        for args in tasks:
            yield fn(*args)

    def warm(self, fn: Callable[..., Any], *args: Any) -> None:
        pass  # this process loads models on its first batch

    def close(self) -> None:
        pass


class ProcessExecutor:
    """Worker processes started fresh (spawn): each loads the models once, on its first batch."""

    name = "processes"

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = cf.ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn"), initializer=_exit_without_teardown
        )

    def warm(self, fn: Callable[..., Any], *args: Any) -> None:
        # Starting a process takes a second and loading models several: let it happen while the driver
        # ingests. A pool worker takes one task at a time, so each of these lands on its own process.
        for _ in range(self.workers):
            self._pool.submit(fn, *args)

    def map_unordered(self, fn: Callable[..., Any], tasks: Iterable[tuple]) -> Iterator[Any]:
        pending: set[cf.Future] = set()
        for args in tasks:
            pending.add(self._pool.submit(fn, *args))
            if len(pending) >= 2 * self.workers:
                done, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                yield from (f.result() for f in done)
        for f in cf.as_completed(pending):
            yield f.result()

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


def _exit_without_teardown() -> None:
    """Make this worker process skip the interpreter's teardown when it exits.

    A worker leaves with hundreds of MB of models, vocabularies and caches in small Python objects; freeing
    them one by one took ~2 s per run, with every batch already written and committed. Flushed logs and
    streams are all that must survive.
    """

    def leave() -> None:
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)

    atexit.register(leave)


_LOCAL_WORKER_CONFIG = {
    # Dask's default also sets MALLOC_TRIM_THRESHOLD_=65536, which turns off glibc's dynamic mmap threshold:
    # every block of 128 KiB and more (natasha's arrays) is then a fresh mmap whose pages fault in again.
    # Measured on 1,000 articles: NER 8 s slower than in a plain worker process. Workers trim their heap
    # after each batch themselves (memory.py), so only the thread settings stay.
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
    },
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


class DaskExecutor:
    """A Dask cluster: the one at `scheduler`, or a LocalCluster of `workers` single-threaded processes.

    The cluster starts in a background thread (a LocalCluster takes seconds), so the driver goes on ingesting
    while it comes up; the first call that needs it waits for it."""

    name = "dask"

    def __init__(self, workers: int, scheduler: str | None = None) -> None:
        self.workers = workers
        self._cluster = None
        self._client: Any = None
        self._failure: BaseException | None = None
        self._warm_calls: list[tuple] = []
        self._started = False
        self._lock = threading.Lock()
        self._starter = threading.Thread(target=self._start, args=(workers, scheduler), daemon=True)
        self._starter.start()

    def _start(self, workers: int, scheduler: str | None) -> None:
        try:
            self._connect(workers, scheduler)
        except BaseException as e:  # re-raised in the driver's thread by _ready()
            self._failure = e
            return
        with self._lock:
            calls, self._warm_calls = self._warm_calls, []
            self._started = True
        for fn, args in calls:
            self._submit_warm(fn, *args)

    def _ready(self) -> Any:
        self._starter.join()
        if self._failure is not None:
            raise self._failure
        return self._client

    def _connect(self, workers: int, scheduler: str | None) -> None:
        from distributed import Client, LocalCluster

        # distributed sets its logger to INFO when imported (after setup_logging made it WARNING): its
        # connection chatter, tracebacks of streams closed at shutdown included, is no news to a user.
        logging.getLogger("distributed").setLevel(logging.WARNING)

        if scheduler:
            self._client = Client(scheduler)
        else:
            import dask

            # Dask's statistical profiler samples each worker's stack every 10 ms; over spaCy's and natasha's
            # deep Python stacks that took a noticeable share of the NER stage's time in our benchmark. The
            # event-loop tick (20 ms) and the resource monitors (0.1-0.5 s) run in the worker's loop thread
            # and take the GIL from the task thread; batches run for seconds, so coarser checks lose nothing.
            with dask.config.set(_LOCAL_WORKER_CONFIG):
                self._cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                )
            self._client = Client(self._cluster)
            # Our own cluster's workers die with it: let them skip the slow teardown (see below).
            self._client.run(_exit_without_teardown)
        self.workers = len(self._client.scheduler_info().get("workers", {})) or workers

    def warm(self, fn: Callable[..., Any], *args: Any) -> None:
        with self._lock:
            if not self._started:  # the starter thread submits it once the cluster is up
                self._warm_calls.append((fn, args))
                return
        self._submit_warm(fn, *args)

    def _submit_warm(self, fn: Callable[..., Any], *args: Any) -> None:
        from distributed import fire_and_forget

        for address in self._client.scheduler_info().get("workers", {}):
            fire_and_forget(self._client.submit(fn, *args, workers=[address], pure=False))

    def map_unordered(self, fn: Callable[..., Any], tasks: Iterable[tuple]) -> Iterator[Any]:
        from distributed import as_completed

        self._ready()
        queue = as_completed()
        in_flight = 0
        for args in tasks:
            # pure=False: a re-submitted batch must run again, not reuse a cached result.
            queue.add(self._client.submit(fn, *args, pure=False))
            in_flight += 1
            if in_flight >= 2 * self.workers:
                yield next(queue).result()
                in_flight -= 1
        for future in queue:
            yield future.result()

    def close(self) -> None:
        self._starter.join()
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_executor(kind: str, workers: int, scheduler: str | None = None) -> Executor:
    if kind == "dask":
        return DaskExecutor(workers, scheduler)
    if kind == "local" or workers <= 1:
        return LocalExecutor()
    return ProcessExecutor(workers)
