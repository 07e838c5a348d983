"""Shared fixtures: small synthetic corpora and a helper to run the pipeline in-process."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pandas as pd
import pytest

from pipeline.runner import Runner, RunOptions, select_stages
from pipeline.store import Store

SENTENCES = [
    "В {city} прошла встреча министра {person} с делегацией компании {org}.",
    "По словам {person}, в {year} году объём торговли вырос на {pct} процентов.",
    "Компания {org} вложила {num} млн долларов в строительство завода в {city}.",
    "Переговоры в {city} продолжатся {day} мая {year} года.",
    "Губернатор {person} заявил, что область получит около {num} тысяч тенге.",
]
FILL = {
    "city": ["Алматы", "Бишкеке", "Сеуле", "Москве", "Астане", "Караганде"],
    "person": ["Ивана Петрова", "Айгуль Сапаровой", "Ким Чен Су", "Нурлана Абенова"],
    "org": ["Samsung", "«Казатомпром»", "KOTRA", "Газпром"],
    "year": ["2018", "2019", "2021"],
    "pct": ["5", "12", "18"],
    "num": ["50", "120", "3"],
    "day": ["12", "30"],
}


def make_text(seed: int, n: int = 6) -> str:
    rng = random.Random(seed)
    lines = []
    for _ in range(n):
        template = rng.choice(SENTENCES)
        lines.append(template.format(**{k: rng.choice(v) for k, v in FILL.items()}))
    return "Новости региона\n\n" + "\n".join(lines) + "\n"


def write_txt_corpus(directory: Path, n: int, start: int = 0) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (directory / f"doc_{i:04d}.txt").write_text(make_text(i), encoding="utf-8")
    return directory


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


VOLATILE = {"ingested_at", "at", "started_at", "finished_at", "run_id"}


def stable_rows(out: Path | str, name: str) -> pd.DataFrame:
    """A table without run-specific columns, in a canonical row order: two runs' tables compare equal."""
    frame = Store.open(str(out)).read_table(name).to_pandas()
    frame = frame[[c for c in frame.columns if c not in VOLATILE]]
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


def run_pipeline(
    corpus: Path, out: Path, stages: list[str] | None = None, workers: int = 1, **options
) -> object:
    opts = RunOptions(
        corpus=corpus, out=str(out), stages=stages or select_stages(), workers=workers, **options
    )
    return Runner(Store.open(str(out)), opts).run()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_txt_corpus(tmp_path / "corpus", 5)
