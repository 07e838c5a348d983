"""Corpus -> records: `.txt` files (id = file stem) and JSONL lines (`id`, `text`, optional
`title`, `published`, `url`). Each input yields either an Article or a Rejected with a clear reason;
nothing is dropped.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from pipeline.ingest.decode import DecodeError, decode
from pipeline.ingest.html import html_to_text, looks_like_html

OPTIONAL_FIELDS = ("title", "published", "url")
_RU_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


@dataclass(frozen=True)
class Article:
    doc_id: str
    source: str
    raw_hash: str  # of the input bytes: an unchanged input is not read again
    text: str
    encoding: str
    title: str | None = None
    published: date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Rejected:
    key: str  # the document id when known, else the source
    source: str
    raw_hash: str
    error: str
    message: str
    doc_id: str | None = None


Record = Article | Rejected


def list_inputs(corpus: Path) -> list[Path]:
    """The input files of a corpus: a .jsonl/.txt file, or such files under a directory, in a stable order."""
    if corpus.is_file():
        return [corpus]
    if not corpus.is_dir():
        raise FileNotFoundError(f"corpus not found: {corpus}")
    return sorted(
        p
        for p in corpus.rglob("*")
        if p.is_file() and p.suffix.lower() in (".txt", ".jsonl") and not p.name.startswith(".")
    )


def read_corpus(corpus: Path) -> Iterator[Record]:
    for path in list_inputs(corpus):
        if path.suffix.lower() == ".jsonl":
            yield from read_jsonl(path)
        else:
            yield read_txt(path)


def _hash(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def read_txt(path: Path) -> Record:
    data = path.read_bytes()
    source, raw_hash = str(path), _hash(data)
    try:
        text, encoding = decode(data)
    except DecodeError as e:
        return Rejected(path.stem, source, raw_hash, "undecodable", str(e), doc_id=path.stem)
    return _checked(Article(path.stem, source, raw_hash, text, encoding))


def read_jsonl(path: Path) -> Iterator[Record]:
    with path.open("rb") as f:
        for line_no, line in enumerate(f, start=1):
            if not line.strip():
                continue
            yield parse_jsonl_line(line, f"{path}:{line_no}")


def parse_jsonl_line(line: bytes, source: str) -> Record:
    raw_hash = _hash(line)
    try:
        obj = json.loads(line.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return Rejected(source, source, raw_hash, "malformed_json", f"line is not valid UTF-8 JSON: {e}")
    if not isinstance(obj, dict):
        return Rejected(source, source, raw_hash, "malformed_json", "line is JSON but not an object")
    doc_id = obj.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
        return Rejected(source, source, raw_hash, "missing_id", "no `id` field, or an empty one")
    if not isinstance(doc_id, str):
        message = f"`id` must be a string or an integer, not {type(doc_id).__name__}"
        return Rejected(source, source, raw_hash, "bad_field", message)
    text = obj.get("text")
    if not isinstance(text, str):
        kind = "missing_text" if text is None else "bad_field"
        return Rejected(doc_id, source, raw_hash, kind, "`text` must be a string", doc_id=doc_id)
    fields = {}
    for name in OPTIONAL_FIELDS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            return Rejected(
                doc_id, source, raw_hash, "bad_field", f"`{name}` must be a string", doc_id=doc_id
            )
        fields[name] = value or None
    published = None
    if fields["published"]:
        published = parse_published(fields["published"])
        if published is None:
            message = f"`published` is not a date (YYYY-MM-DD or DD.MM.YYYY): {fields['published']!r}"
            return Rejected(doc_id, source, raw_hash, "bad_date", message, doc_id=doc_id)
    article = Article(
        doc_id, source, raw_hash, text, "utf-8", title=fields["title"], published=published, url=fields["url"]
    )
    return _checked(article)


def parse_published(value: str) -> date | None:
    """An ISO date or datetime (the date part is kept), or the Russian DD.MM.YYYY; None if neither."""
    value = value.strip()
    for candidate in (value[:10], value):
        try:
            return date.fromisoformat(candidate)
        except ValueError:
            pass
    match = _RU_DATE.fullmatch(value)
    if match:
        try:
            return date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            return None
    return None


def _checked(article: Article) -> Record:
    # HTML given as text: the cleaned text becomes the document (see ingest/html.py).
    if looks_like_html(article.text):
        article = replace(article, text=html_to_text(article.text), encoding=article.encoding + "+html")
    if not article.text.strip():
        what = "empty" if not article.text else "whitespace only"
        return Rejected(
            article.doc_id,
            article.source,
            article.raw_hash,
            "empty_text",
            f"text is {what}",
            doc_id=article.doc_id,
        )
    return article
