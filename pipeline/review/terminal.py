"""An article in the terminal (rich): highlighted text, a legend, and a table of what was found."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pipeline.review.article import KIND_NAMES, KINDS, Article

# Entities are coloured, amounts and dates underlined, so an entity inside an amount shows both.
STYLES = {
    "PER": "bold magenta",
    "ORG": "bold cyan",
    "LOC": "bold green",
    "AMOUNT": "underline yellow",
    "DATE": "underline bright_blue",
}


def highlighted_text(article: Article) -> Text:
    text = Text(article.text)
    # Wider spans first, so the styles of spans nested in them are applied on top.
    for span in sorted(article.spans, key=lambda s: s.start - s.end):
        text.stylize(STYLES[span.kind], span.start, span.end)
    return text


def legend(article: Article) -> Text:
    counts = article.counts()
    parts = Text()
    for kind in KINDS:
        parts.append(f" {kind} ", style=STYLES[kind])
        parts.append(f"{KIND_NAMES[kind]} ({counts[kind]})   ")
    return parts


def found_table(article: Article) -> Table:
    table = Table(title="found", show_lines=False, expand=False)
    for column in ("#", "kind", "text", "details", "offsets"):
        table.add_column(column, overflow="fold")
    for i, s in enumerate(article.spans):
        details = "; ".join(f"{k}: {v}" for k, v in s.fields.items())
        table.add_row(str(i), Text(s.kind, style=STYLES[s.kind]), s.text, details, f"{s.start}–{s.end}")
    return table


def render(article: Article, console: Console) -> None:
    header = " · ".join(str(x) for x in (article.doc_id, article.source, article.published) if x is not None)
    console.print(
        Panel(
            Group(legend(article), Text(), highlighted_text(article)),
            title=article.title or article.doc_id,
            subtitle=header,
        )
    )
    console.print(found_table(article))
