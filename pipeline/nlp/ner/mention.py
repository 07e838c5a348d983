"""The unit the NER stage emits: one labelled character span of the input text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Label = Literal["PER", "ORG", "LOC"]
LABELS: tuple[str, ...] = ("PER", "ORG", "LOC")


@dataclass(frozen=True, order=True)
class Mention:
    """A span `text == source_text[start:end]`; `source` names the component that made or last changed it."""

    start: int
    end: int
    text: str
    label: str
    source: str
