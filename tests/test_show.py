"""`pipeline show`: the review view of one article, in the terminal and as a standalone HTML page."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections import defaultdict
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline import cli, schema
from pipeline.review import load_article
from pipeline.review.article import KINDS
from pipeline.review.html import render_fragment, render_page
from pipeline.store import Store

DOC_ID = "doc_0001"
# Markup-like text must come out as text; «США» sits inside an amount; «Газпром банк» crosses a date span.
TEXT = (
    "Заголовок <script>alert(1)</script> & Co\n\n"
    "Компания Газпром банк 2019 года вложила 50 млн долларов США в Алматы.\n"
    "Иван Петров сказал, что в 2024–2028 гг. и «в прошлом году» всё было иначе."
)


def _at(fragment: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(fragment, start + 1)
    return start, start + len(fragment)


def _span(fragment: str, **row) -> dict:
    start, end = _at(fragment)
    return {"doc_id": DOC_ID, "sent_id": 0, "start": start, "end": end, "text": fragment, **row}


ENTITIES = [
    _span(
        "Газпром банк", label="ORG", normal="Газпром банк", canonical="Газпромбанк", canonical_id="org-gpb"
    ),
    _span("США", label="LOC", normal="США", canonical="США", canonical_id="US", name_en="United States"),
    _span("Алматы", label="LOC", normal="Алматы", canonical="Алматы", canonical_id="kz-city-almaty"),
    _span("Иван Петров", label="PER", normal="Иван Петров", canonical="Иван Петров"),
]
AMOUNTS = [
    _span("50 млн долларов США", kind="money", value=5e7, value_min=None, value_max=None, unit="USD"),
]
DATES = [
    # Crosses «Газпром банк»: starts inside it, ends after it.
    _span(
        "банк 2019 года",
        kind="year",
        date_start=date(2019, 1, 1),
        date_end=date(2019, 12, 31),
        granularity="year",
        resolved=True,
    ),
    _span(
        "2024–2028 гг.",
        kind="range",
        date_start=date(2024, 1, 1),
        date_end=date(2028, 12, 31),
        granularity="year",
        resolved=True,
    ),
    _span("в прошлом году", kind="relative", granularity="year", resolved=False),
]
ALL_ROWS = ENTITIES + AMOUNTS + DATES


@pytest.fixture
def out(tmp_path: Path) -> Path:
    store = Store.open(str(tmp_path / "out"))
    doc = {"doc_id": DOC_ID, "source": "corpus/doc_0001.txt", "title": "Тест <b>", "text": TEXT, "lang": "ru"}
    other = {"doc_id": "doc_0002", "source": "corpus/doc_0002.txt", "text": "Пусто.", "lang": "ru"}
    store.write_part("documents", "part-a", schema.to_table("documents", [doc, other]))
    store.write_part("entities", "part-a", schema.to_table("entities", ENTITIES))
    store.write_part("amounts", "part-a", schema.to_table("amounts", AMOUNTS))
    store.write_part("dates", "part-a", schema.to_table("dates", DATES))
    return tmp_path / "out"


class Marks(HTMLParser):
    """Collects, per data-span, the text inside its <mark> pieces; checks tags are well nested."""

    VOID = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.tags: list[tuple[str, dict]] = []
        self.pieces: dict[str, list[str]] = defaultdict(list)
        self.marks: dict[str, dict] = {}
        self.text_in: dict[str, list[str]] = defaultdict(list)  # text per enclosing tag name
        self.misnested = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in self.VOID:
            return
        self.stack.append((tag, a))
        if tag == "mark" and "data-span" in a:
            self.marks.setdefault(a["data-span"], a)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.misnested += 1
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for tag, a in self.stack:
            if tag == "mark" and "data-span" in a:
                self.pieces[a["data-span"]].append(data)
        if self.stack:
            self.text_in[self.stack[-1][0]].append(data)
        for tag, _ in self.stack:
            if tag == "div":
                self.text_in["div*"].append(data)


def _parse(html: str) -> Marks:
    parser = Marks()
    parser.feed(html)
    parser.close()
    return parser


def _check_spans(parsed: Marks, n: int) -> None:
    spans = load_spans_in_order()
    assert len(parsed.marks) == n
    for i, span in enumerate(spans):
        assert "".join(parsed.pieces[str(i)]) == span["text"], span
        assert parsed.marks[str(i)]["data-kind"] in KINDS


def load_spans_in_order() -> list[dict]:
    return sorted(ALL_ROWS, key=lambda r: (r["start"], -r["end"]))


# -- the article model -------------------------------------------------------------------------------------


def test_article_has_every_extraction_with_tooltips(out: Path) -> None:
    article = load_article(Store.open(str(out)), DOC_ID)
    assert [s.text for s in article.spans] == [r["text"] for r in load_spans_in_order()]
    assert article.counts() == {"PER": 1, "ORG": 1, "LOC": 2, "AMOUNT": 1, "DATE": 3}
    tips = {s.text: s.tooltip for s in article.spans}
    assert tips["США"] == "LOC · normal: США · canonical: США (US) · en: United States"
    assert tips["50 млн долларов США"] == "AMOUNT · kind: money · value: 50 000 000 · unit: USD"
    assert tips["2024–2028 гг."] == "DATE · kind: range · value: 2024-01-01 – 2028-12-31 · granularity: year"
    assert "value: unresolved" in tips["в прошлом году"]
    for s in article.spans:
        assert TEXT[s.start : s.end] == s.text


# -- HTML, read with a plain parser ------------------------------------------------------------------------


def test_page_is_standalone_escaped_and_well_nested(out: Path) -> None:
    page = render_page(load_article(Store.open(str(out)), DOC_ID))
    parsed = _parse(page)
    tags = {t for t, _ in parsed.tags}
    assert parsed.misnested == 0 and not parsed.stack
    # Standalone: inline CSS only, nothing fetched, nothing executed.
    assert "style" in tags and not tags & {"script", "link", "img", "iframe", "object"}
    assert not any(k in ("src", "href") or k.startswith("on") for _, a in parsed.tags for k in a)
    assert "url(" not in page and "@import" not in page and "http" not in page
    assert ("meta", {"charset": "utf-8"}) in parsed.tags
    # The article's markup-like text is text, shown verbatim; the title is escaped too.
    assert "<script>alert(1)</script> & Co" in "".join(parsed.text_in["div*"])
    assert "&lt;script&gt;" in page and "<title>Тест &lt;b&gt;</title>" in page
    # The text reads back unchanged once the marks are removed.
    body = "".join(parsed.text_in["div*"])
    assert TEXT in body
    _check_spans(parsed, len(ALL_ROWS))


def test_each_span_has_a_tooltip_and_the_legend_names_every_kind(out: Path) -> None:
    page = render_page(load_article(Store.open(str(out)), DOC_ID))
    parsed = _parse(page)
    titles = {parsed.marks[k]["title"] for k in parsed.marks}
    assert "ORG · normal: Газпром банк · canonical: Газпромбанк (org-gpb)" in titles
    assert "PER · normal: Иван Петров · canonical: Иван Петров" in titles
    assert any(t.startswith("AMOUNT · kind: money · value: 50 000 000") for t in titles)
    legend = [a["class"] for t, a in parsed.tags if t == "mark" and "data-span" not in a]
    assert legend == [f"pv pv-{k}" for k in KINDS]
    assert "place (2)" in page and "date (3)" in page


def test_crossing_spans_are_split_not_broken(out: Path) -> None:
    page = render_page(load_article(Store.open(str(out)), DOC_ID))
    org = next(i for i, r in enumerate(load_spans_in_order()) if r["text"] == "Газпром банк")
    date_span = next(i for i, r in enumerate(load_spans_in_order()) if r["text"] == "банк 2019 года")
    assert page.count(f'data-span="{org}"') == 1
    assert page.count(f'data-span="{date_span}"') == 2  # closed at the ORG's end, reopened after it
    _check_spans(_parse(page), len(ALL_ROWS))


def test_fragment_for_notebooks_has_css_legend_and_marks(out: Path) -> None:
    fragment = render_fragment(load_article(Store.open(str(out)), DOC_ID))
    assert fragment.startswith("<style>") and "<html" not in fragment
    _check_spans(_parse(fragment), len(ALL_ROWS))


# -- the command -------------------------------------------------------------------------------------------


def test_show_html_writes_the_page(out: Path, tmp_path: Path) -> None:
    page = tmp_path / "review" / "doc.html"
    assert cli.main(["show", "doc_0001", "--out", str(out), "--html", str(page)]) == 0
    _check_spans(_parse(page.read_text(encoding="utf-8")), len(ALL_ROWS))


def test_show_in_terminal_prints_text_and_table(
    out: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # rich's width when not on a terminal: keep table rows unwrapped
    assert cli.main(["show", "doc_0001", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Иван Петров сказал" in printed  # the article
    assert "canonical: Газпромбанк (org-gpb)" in printed  # the table of what was found
    assert "PER person (1)" in printed  # the legend
    assert "value: 2024-01-01 – 2028-12-31" in printed


def test_show_accepts_a_unique_prefix(out: Path, tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    assert cli.main(["show", "doc_0002", "--out", str(out), "--html", str(page)]) == 0
    assert "Пусто." in page.read_text(encoding="utf-8")
    assert cli.main(["show", "doc_000", "--out", str(out), "--html", str(page)]) == 2  # ambiguous


def test_show_unknown_document_or_outputs(out: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["show", "nope", "--out", str(out)]) == 2
    assert "no document 'nope'" in capsys.readouterr().err
    assert cli.main(["show", DOC_ID, "--out", str(tmp_path / "missing")]) == 1


# -- the page as a browser renders it ----------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium not installed (apt-get install -y --no-install-recommends chromium)",
)
def test_highlights_survive_in_the_rendered_dom(out: Path, tmp_path: Path) -> None:
    page = tmp_path / "doc.html"
    assert cli.main(["show", DOC_ID, "--out", str(out), "--html", str(page)]) == 0
    with tempfile.TemporaryDirectory() as profile:
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
        ]
        dom = subprocess.run(
            [CHROMIUM, *flags, "--dump-dom", page.as_uri()],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
        shot = tmp_path / "doc.png"
        subprocess.run(
            [CHROMIUM, *flags, f"--screenshot={shot}", "--window-size=1000,800", page.as_uri()],
            capture_output=True,
            timeout=120,
            check=True,
        )
    # The browser's DOM keeps every mark where the page put it (a mis-nested page would be restructured).
    parsed = _parse(dom)
    assert parsed.misnested == 0
    _check_spans(parsed, len(ALL_ROWS))
    assert "<script>alert(1)</script>" in "".join(parsed.text_in["div*"])
    assert not any(t == "script" for t, _ in parsed.tags)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
