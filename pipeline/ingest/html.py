"""HTML given as text: detected at ingest and converted to plain text, which becomes the document.

Recording the cleaned text as `documents.text` (rather than extracting from the markup and mapping offsets
back) keeps one simple contract for every table: offsets index `documents.text`. Block elements become
paragraph breaks, `<br>` a line break, entities are decoded, scripts and styles dropped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_DOCTYPE = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(
    r"</?(p|div|br|span|a|b|i|em|strong|h[1-6]|ul|ol|li|table|tr|td|th|body|head|title|article|section"
    r"|header|footer|nav|blockquote|img|meta|link|script|style)\b[^<>]{0,2000}>",
    re.IGNORECASE,
)
_BLOCK_NAMES = (
    "p div h1 h2 h3 h4 h5 h6 ul ol li table tr blockquote article section header footer nav title pre "
    "figure figcaption dl dt dd hr form main aside address"
)
_BLOCK = frozenset(_BLOCK_NAMES.split())
_SKIP = frozenset(("script", "style", "noscript", "template", "head"))
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BREAKS = re.compile(r"\n{3,}")


def looks_like_html(text: str) -> bool:
    """A doctype or <html> start, or several known tags including a closing one."""
    head = text[:100_000]
    if _DOCTYPE.match(head):
        return True
    tags = _TAG.findall(head)
    return len(tags) >= 3 and re.search(r"</[a-z]", head, re.IGNORECASE) is not None


def html_to_text(markup: str) -> str:
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    return parser.text()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._out: list[str] = []
        self._skip = 0  # depth inside script/style/head, whose text is not content
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag == "br":
            self._out.append("\n")
        elif tag in _BLOCK:
            self._out.append("\n\n")
        if tag == "pre":
            self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag == "br":
            self._out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self._out.append("\n\n")
        if tag == "pre":
            self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        # Outside <pre>, HTML whitespace (newlines included) is one space.
        self._out.append(data if self._pre else _SPACES.sub(" ", data.replace("\n", " ")))

    def text(self) -> str:
        joined = "".join(self._out)
        lines = [line.strip() for line in joined.split("\n")]
        return _BREAKS.sub("\n\n", "\n".join(lines)).strip() + "\n"
