"""`pipeline export`: csv, jsonl and DuckDB copies of the output tables, read back with ordinary tools."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest

from pipeline import cli, schema
from pipeline.commands.export import DEFAULT_TABLES
from pipeline.store import Store

TEXT = 'Газпром вложил 50 млн долларов, сказал он, "в 2019 году".\nВторая строка.'
DOCS = [
    {
        "doc_id": "d1",
        "source": "corpus/d1.txt",
        "text": TEXT,
        "lang": "ru",
        "published": date(2020, 3, 1),
        "ingested_at": datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        "n_chars": len(TEXT),
    },
    {"doc_id": "d2", "source": "corpus/d2.txt", "text": "Пусто.", "lang": "ru"},
]
ENTITIES = [
    {"doc_id": "d1", "start": 0, "end": 7, "text": "Газпром", "label": "ORG", "canonical": "Газпром"},
]
AMOUNTS = [
    {"doc_id": "d1", "start": 15, "end": 30, "text": "50 млн долларов", "kind": "money", "value": 5e7},
    {"doc_id": "d1", "start": 15, "end": 17, "text": "50", "kind": "count", "value": None},
]
DATES = [
    {
        "doc_id": "d1",
        "start": 46,
        "end": 57,
        "text": "в 2019 году",
        "kind": "year",
        "date_start": date(2019, 1, 1),
        "date_end": date(2019, 12, 31),
        "resolved": True,
    }
]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    store = Store.open(str(tmp_path / "out"))
    # Two parts for documents: the export must gather every part of a table.
    store.write_part("documents", "part-a", schema.to_table("documents", DOCS[:1]))
    store.write_part("documents", "part-b", schema.to_table("documents", DOCS[1:]))
    store.write_part("entities", "part-a", schema.to_table("entities", ENTITIES))
    store.write_part("amounts", "part-a", schema.to_table("amounts", AMOUNTS))
    store.write_part("dates", "part-a", schema.to_table("dates", DATES))
    return tmp_path / "out"


def test_csv_has_every_table_with_header_and_round_trips_text(out: Path, tmp_path: Path) -> None:
    dest = tmp_path / "csv"
    assert cli.main(["export", "--format", "csv", "--out", str(out), "--dest", str(dest)]) == 0
    assert sorted(p.name for p in dest.iterdir()) == sorted(f"{t}.csv" for t in DEFAULT_TABLES)
    with open(dest / "documents.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["doc_id"] for r in rows] == ["d1", "d2"]
    assert rows[0]["text"] == TEXT  # quotes, commas and newlines survive
    assert rows[0]["published"] == "2020-03-01" and rows[1]["published"] == ""
    assert rows[0]["ingested_at"].startswith("2026-01-02 03:04:05")
    with open(dest / "errors.csv", encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert header == schema.ERRORS.names  # an empty table still has its columns
    assert not list(dest.glob(".*"))  # no temp files left


def test_jsonl_one_object_per_row_with_iso_dates_and_nulls(out: Path, tmp_path: Path) -> None:
    dest = tmp_path / "jl"
    code = cli.main(
        [
            "export",
            "--format",
            "jsonl",
            "--out",
            str(out),
            "--dest",
            str(dest),
            "--tables",
            "amounts",
            "dates",
        ]
    )
    assert code == 0
    assert sorted(p.name for p in dest.iterdir()) == ["amounts.jsonl", "dates.jsonl"]
    amounts = [json.loads(line) for line in (dest / "amounts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [a["value"] for a in amounts] == [5e7, None]
    assert set(amounts[0]) == set(schema.AMOUNTS.names)
    dates = [json.loads(line) for line in (dest / "dates.jsonl").read_text(encoding="utf-8").splitlines()]
    assert dates[0]["date_start"] == "2019-01-01" and dates[0]["date_end"] == "2019-12-31"
    assert "в 2019 году" in (dest / "dates.jsonl").read_text(encoding="utf-8")  # not \u-escaped


def test_duckdb_one_table_per_output_table(out: Path, tmp_path: Path) -> None:
    dest = tmp_path / "db" / "news.duckdb"
    assert cli.main(["export", "--format", "duckdb", "--out", str(out), "--dest", str(dest)]) == 0
    with duckdb.connect(str(dest), read_only=True) as con:
        tables = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
        assert tables == set(DEFAULT_TABLES)
        assert con.execute("SELECT count(*) FROM documents").fetchall() == [(2,)]
        assert con.execute("SELECT count(*) FROM errors").fetchall() == [(0,)]
        joined = con.execute(
            "SELECT e.canonical, a.value FROM entities e JOIN amounts a USING (doc_id) WHERE a.kind = 'money'"
        ).fetchall()
        assert joined == [("Газпром", 5e7)]
        types = dict(
            con.execute(
                "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'dates'"
            ).fetchall()
        )
        assert types["date_start"] == "DATE" and types["resolved"] == "BOOLEAN"
    # Exporting again replaces the file rather than failing on existing tables.
    assert cli.main(["export", "--format", "duckdb", "--out", str(out), "--dest", str(dest)]) == 0
    assert not list(dest.parent.glob(".*"))


def test_export_defaults_and_missing_outputs(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pipeline.toml").write_text('out = "out"\n')  # --out comes from the settings file
    assert cli.main(["export", "--format", "jsonl", "--tables", "documents"]) == 0
    assert (tmp_path / "export" / "documents.jsonl").is_file()
    assert "documents: 2 rows" in capsys.readouterr().out
    assert cli.main(["export", "--format", "csv", "--out", str(tmp_path / "none")]) == 1
    with pytest.raises(SystemExit) as e:
        cli.main(["export", "--format", "xlsx"])
    assert e.value.code == 2
