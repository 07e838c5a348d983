"""Corpus -> records: `.txt` files (id = file stem) and JSONL lines (`id`, `text`, optional
`title`, `published`, `url`). Each input yields either an Article or a Rejected with a clear reason;
nothing is dropped.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pipeline.ingest.decode import DecodeError, decode

OPTIONAL_FIELDS = ("title", "published", "url")


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
    if not isinstance(doc_id, str) or not doc_id.strip():
        return Rejected(source, source, raw_hash, "missing_id", "no string `id` field")
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
        try:
            published = date.fromisoformat(fields["published"][:10])
        except ValueError:
            message = f"`published` is not an ISO date: {fields['published']!r}"
            return Rejected(doc_id, source, raw_hash, "bad_date", message, doc_id=doc_id)
    article = Article(
        doc_id, source, raw_hash, text, "utf-8", title=fields["title"], published=published, url=fields["url"]
    )
    return _checked(article)


def _checked(article: Article) -> Record:
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
