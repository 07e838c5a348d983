"""Take the first N articles of a JSONL corpus into a file of their own (streamed, never all in memory)."""

from __future__ import annotations

import json
from pathlib import Path


def write_sample(source: Path, dest: Path, n: int, skip: int = 0) -> tuple[int, int]:
    """Copy articles skip..skip+n-1 of `source` to `dest`; return (documents, characters)."""
    docs = chars = 0
    with source.open(encoding="utf-8") as src, dest.open("w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i < skip:
                continue
            if docs >= n:
                break
            out.write(line)
            docs += 1
            chars += len(json.loads(line)["text"])
    return docs, chars


def write_new_articles(source: Path, dest: Path, n: int, skip: int) -> int:
    """n articles the corpus does not have yet: those after `skip`, or, when the source has no more,
    earlier ones under new ids (a new id is a new document to process)."""
    written = 0
    with source.open(encoding="utf-8") as src, dest.open("w", encoding="utf-8") as out:
        lines = [line for i, line in enumerate(src) if i >= skip][:n]
        if len(lines) < n:
            src.seek(0)
            for line in src:
                if len(lines) >= n:
                    break
                article = json.loads(line)
                article["id"] = f"{article['id']}-new"
                lines.append(json.dumps(article, ensure_ascii=False) + "\n")
        for line in lines:
            out.write(line)
            written += 1
    return written


def read_texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f]
