"""An article as HTML: a standalone page (inline CSS, no scripts, no external resources) or a fragment for
Jupyter. Every extraction is a <mark> with a title tooltip; overlapping extractions nest."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from pipeline.review.article import KIND_NAMES, KINDS, Article, Span

# Entities get a background, amounts and dates an underline, so an entity inside an amount stays visible.
# Class names carry a prefix so the fragment does not clash with a notebook's own CSS.
CSS = """
.pv-text { white-space: pre-wrap; line-height: 1.9; font-size: 16px; max-width: 60rem; }
.pv-legend { margin: .5rem 0 1rem; display: flex; gap: 1rem; flex-wrap: wrap; }
.pv-legend mark { padding: 0 .3rem; }
mark.pv { color: inherit; border-radius: 3px; padding: 1px 0; }
mark.pv-PER { background: #fbd5dd; }
mark.pv-ORG { background: #cfe3fb; }
mark.pv-LOC { background: #cdf0d6; }
mark.pv-AMOUNT { background: transparent; border-bottom: 3px solid #e69a0c; }
mark.pv-DATE { background: transparent; border-bottom: 3px double #7b3fd0; }
table.pv-found { border-collapse: collapse; font-size: 14px; margin-top: .5rem; }
table.pv-found th, table.pv-found td { border: 1px solid #ccc; padding: 2px 6px; text-align: left;
  vertical-align: top; }
table.pv-found th { background: #f3f3f3; }
""".strip()

PAGE_CSS = "body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; } .pv-meta { color: #666; }"


def render_page(article: Article) -> str:
    """A whole HTML document for one article: header, legend, highlighted text, table of what was found."""
    name = article.title or article.doc_id
    meta = " · ".join(
        escape(str(x)) for x in (article.doc_id, article.source, article.published) if x is not None
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(name)}</title>\n"
        f"<style>\n{PAGE_CSS}\n{CSS}\n</style>\n</head>\n<body>\n"
        f"<h1>{escape(name)}</h1>\n"
        f'<p class="pv-meta">{meta}</p>\n'
        f"{legend(article)}\n"
        f"{highlighted(article)}\n"
        "<h2>Found</h2>\n"
        f"{found_table(article)}\n"
        "</body>\n</html>\n"
    )


def render_fragment(article: Article) -> str:
    """Legend and highlighted text with their CSS, to embed (IPython.display.HTML in a notebook)."""
    return f"<style>{CSS}</style>\n{legend(article)}\n{highlighted(article)}\n"


def legend(article: Article) -> str:
    counts = article.counts()
    items = "".join(
        f'<span><mark class="pv pv-{k}">{k}</mark> {KIND_NAMES[k]} ({counts[k]})</span>' for k in KINDS
    )
    return f'<div class="pv-legend">{items}</div>'


def highlighted(article: Article) -> str:
    return f'<div class="pv-text">{"".join(_nest(article.text, article.spans))}</div>'


def found_table(article: Article) -> str:
    head = "<tr><th>#</th><th>kind</th><th>text</th><th>details</th><th>offsets</th></tr>"
    rows = [
        f"<tr><td>{i}</td><td>{s.kind}</td><td>{escape(s.text)}</td>"
        f"<td>{escape('; '.join(f'{k}: {v}' for k, v in s.fields.items()))}</td>"
        f"<td>{s.start}–{s.end}</td></tr>"
        for i, s in enumerate(article.spans)
    ]
    return f'<table class="pv-found">{head}{"".join(rows)}</table>'


def _open(i: int, span: Span) -> str:
    return (
        f'<mark class="pv pv-{span.kind}" data-span="{i}" data-kind="{span.kind}" '
        f'title="{escape(span.tooltip, quote=True)}">'
    )


def _nest(text: str, spans: list[Span]) -> list[str]:
    """Text with <mark> tags, always well nested: where two spans cross, the inner one is closed and reopened
    (same data-span), so each span's pieces still join to exactly its text."""
    starts: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(spans):
        starts[s.start].append(i)
    ends = {s.end for s in spans}
    out: list[str] = []
    stack: list[int] = []
    pos = 0
    for b in sorted(set(starts) | ends):
        out.append(escape(text[pos:b]))
        pos = b
        ending = [j for j, i in enumerate(stack) if spans[i].end == b]
        if ending:
            depth = ending[0]
            reopen = [i for i in stack[depth:] if spans[i].end != b]
            out.append("</mark>" * (len(stack) - depth))
            del stack[depth:]
            for i in reopen:
                out.append(_open(i, spans[i]))
                stack.append(i)
        # Longest first, so a span encloses the shorter ones that start with it.
        for i in sorted(starts.get(b, ()), key=lambda i: -spans[i].end):
            out.append(_open(i, spans[i]))
            stack.append(i)
    out.append(escape(text[pos:]))
    return out
