"""Log lines with timestamps, level and run id: what a scheduler's log collector expects."""

from __future__ import annotations

import logging


def setup_logging(verbose: bool = False, run_id: str | None = None) -> None:
    fmt = "%(asctime)s %(levelname)s " + (f"[{run_id}] " if run_id else "") + "%(name)s: %(message)s"
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, format=fmt, force=True)
    for noisy in ("distributed", "asyncio", "fsspec"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
