"""ingest: corpus files -> documents (decoded text, language, metadata) or errors.

Runs in the driver: it only reads and decodes. An input whose bytes are unchanged since it was last read is
skipped. Duplicate ids: within one run the first occurrence (files in path order, then line order) wins and
later ones are reported; across runs, a new version of an id replaces the old one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pipeline.ingest.lang import detect_language
from pipeline.ingest.readers import Article, Rejected, read_corpus
from pipeline.stages.base import Stage

STAGE = Stage(name="ingest", version="1", deps=(), outputs=("documents",))


@dataclass
class IngestBatch:
    documents: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)  # state rows; content_hash = hash of the input bytes
    seen: int = 0  # inputs looked at, including skipped ones

    def __len__(self) -> int:
        return len(self.records)


def document_row(article: Article, now: datetime) -> dict:
    text = article.text
    return {
        "doc_id": article.doc_id,
        "source": article.source,
        "title": article.title,
        "published": article.published,
        "url": article.url,
        "lang": detect_language(text),
        "encoding": article.encoding,
        "text": text,
        "n_chars": len(text),
        "content_hash": hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest(),
        "ingested_at": now,
    }


def ingest_batches(
    corpus: Path, done: dict[str, str], version_key: str, batch_size: int, force: bool = False
) -> Iterator[IngestBatch]:
    """Yield batches of new or changed inputs. `done` maps record key -> input hash already ingested."""
    seen_ids: dict[str, str] = {}
    batch = IngestBatch()
    for record in read_corpus(corpus):
        batch.seen += 1
        if isinstance(record, Article) and record.doc_id in seen_ids:
            first = seen_ids[record.doc_id]
            record = Rejected(
                record.source,
                record.source,
                record.raw_hash,
                "duplicate_id",
                f"id {record.doc_id!r} already read from {first}; the first occurrence wins",
                doc_id=record.doc_id,
            )
        if isinstance(record, Article):
            seen_ids[record.doc_id] = record.source
            key = record.doc_id
        else:
            key = record.source
        if not force and done.get(key) == record.raw_hash:
            continue
        now = datetime.now(UTC)
        if isinstance(record, Article):
            batch.documents.append(document_row(record, now))
            status = "done"
        else:
            batch.errors.append(
                {
                    "doc_id": record.doc_id or record.source,
                    "source": record.source,
                    "stage": "ingest",
                    "level": "error",
                    "error": record.error,
                    "message": record.message,
                    "at": now,
                }
            )
            status = "failed"
        batch.records.append(
            {"doc_id": key, "content_hash": record.raw_hash, "version_key": version_key, "status": status}
        )
        if len(batch) >= batch_size:
            yield batch
            batch = IngestBatch()
    yield batch
