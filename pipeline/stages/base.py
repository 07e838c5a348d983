"""What a stage is: input tables -> function -> output tables, with a version that says when to redo it."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Doc:
    """One document as a stage sees it, with the rows of its input tables."""

    doc_id: str
    text: str
    lang: str
    published: date | None
    inputs: dict[str, list[dict]] = field(default_factory=dict)  # rows sorted by start


# A stage function takes a batch of documents and returns, per output table, rows (dicts with doc_id).
StageFn = Callable[[list[Doc]], dict[str, list[dict]]]


@dataclass(frozen=True)
class Stage:
    name: str
    version: str  # bump when the stage's logic or data changes: the stage and those after it are redone
    deps: tuple[str, ...]
    outputs: tuple[str, ...]
    inputs: tuple[str, ...] = ()  # tables read for the batch's documents, besides `documents`
    russian_only: bool = False
    load: Callable[[], StageFn] | None = None  # builds the stage function once per process (models)

    def version_key(self, upstream_keys: list[str]) -> str:
        material = "|".join([self.name, self.version, *upstream_keys])
        return hashlib.sha1(material.encode()).hexdigest()[:16]


def sentence_locator(sentences: list[dict]) -> Callable[[int], int | None]:
    """start offset -> sent_id of the sentence that contains it (None when between sentences)."""
    starts = [s["start"] for s in sentences]
    ends = [s["end"] for s in sentences]
    ids = [s["sent_id"] for s in sentences]

    def locate(offset: int) -> int | None:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < ends[i]:
            return int(ids[i])
        return None

    return locate
