"""Loading of the language data in models/ner/ (JSON / JSONL), cached per process."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

# Repository root = three levels above pipeline/nlp/ner/.
MODELS_DIR = Path(__file__).resolve().parents[3] / "models" / "ner"


def data_path(name: str) -> Path:
    return MODELS_DIR / name


@cache
def load_json(name: str) -> Any:
    with data_path(name).open(encoding="utf-8") as f:
        return json.load(f)


def load_jsonl(name: str) -> list[dict]:
    with data_path(name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip() and not line.lstrip().startswith("//")]
