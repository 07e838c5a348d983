"""`pipeline show DOC_ID`: one article with its entities, amounts and dates highlighted (terminal or HTML)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pipeline.commands import EXIT_FATAL, EXIT_OK, EXIT_USAGE

NAME = "show"
HELP = "show one article with its entities, amounts and dates highlighted"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("doc_id", metavar="DOC_ID", help="document id (a unique prefix will do)")
    p.add_argument("--out", help="output directory (default: `out` of ./pipeline.toml, else outputs)")
    p.add_argument("--config", help="settings file to take --out from (default: ./pipeline.toml)")
    p.add_argument("--html", metavar="FILE", help="write a standalone HTML page here instead of printing")


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from pipeline.config import ConfigError, resolve_out
    from pipeline.review import DocumentNotFound, find_doc_id, load_article, terminal
    from pipeline.review import html as html_view
    from pipeline.store import Store

    err = Console(stderr=True)
    try:
        out = resolve_out(args.out, args.config)
    except ConfigError as e:
        err.print(f"[red]{e}[/red]")
        return EXIT_USAGE
    if "://" not in out and not os.path.isdir(out):
        err.print(f"[red]no outputs at {out}: run `pipeline run` first, or pass --out[/red]")
        return EXIT_FATAL
    try:
        store = Store.open(out)
        article = load_article(store, find_doc_id(store, args.doc_id))
    except DocumentNotFound as e:
        err.print(f"[red]{e.args[0]}[/red]")
        return EXIT_USAGE
    if args.html:
        path = Path(args.html)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html_view.render_page(article), encoding="utf-8")
        print(f"wrote {path} ({len(article.spans)} highlighted spans)", file=sys.stderr)
    else:
        terminal.render(article, Console())
    return EXIT_OK
