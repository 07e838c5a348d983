"""`pipeline status`: per stage, documents done / pending / skipped / failed, and the last run."""

from __future__ import annotations

import argparse

from pipeline.commands import EXIT_OK

NAME = "status"
HELP = "per stage: documents done, pending, skipped, failed; the last run"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", default="outputs")


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from pipeline.status import stage_status
    from pipeline.store import Store

    frame = stage_status(Store.open(args.out))
    table = Table(title=f"pipeline status: {args.out}")
    for column in frame.columns:
        table.add_column(column)
    for row in frame.itertuples(index=False):
        table.add_row(*("" if v is None else str(v) for v in row))
    Console().print(table)
    return EXIT_OK
