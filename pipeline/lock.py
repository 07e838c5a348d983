"""One run at a time per output directory: an advisory lock that dies with its process.

flock() locks are released by the kernel when the holder exits, even on SIGKILL, so a killed run never
leaves the directory locked. Remote filesystems (s3://...) have no such lock: there the scheduler must
serialise runs.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path


class LockedError(RuntimeError):
    """Another run holds the output directory."""


class RunLock:
    def __init__(self, directory: str, wait_seconds: float = 0.0) -> None:
        self.path = Path(directory) / ".lock"
        self.wait_seconds = wait_seconds
        self._fd: int | None = None

    def __enter__(self) -> RunLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait_seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError as e:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 200, 0).decode(errors="replace").strip()
                    os.close(fd)
                    raise LockedError(
                        f"another pipeline run holds {self.path} ({holder or 'unknown holder'})"
                    ) from e
                time.sleep(0.5)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%dT%H:%M:%S')}\n".encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
