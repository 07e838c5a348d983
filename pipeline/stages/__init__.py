"""The pipeline, in order. Each stage reads the tables of the stages before it and writes its own."""

from __future__ import annotations

from pipeline.stages import ingest, link, match, ner, segment
from pipeline.stages.base import Stage

PIPELINE: list[Stage] = [ingest.STAGE, segment.STAGE, ner.STAGE, match.STAGE, link.STAGE]
STAGES: dict[str, Stage] = {s.name: s for s in PIPELINE}


def version_keys() -> dict[str, str]:
    """Each stage's version key, folding in those of the stages it depends on."""
    keys: dict[str, str] = {}
    for stage in PIPELINE:
        keys[stage.name] = stage.version_key([keys[d] for d in stage.deps])
    return keys
