"""pipeline.toml and `pipeline run --config/--json-summary`: precedence, validation, the summary."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import pytest

from pipeline import cli
from pipeline.config import (
    DEFAULTS,
    GAZETTEER_ENV,
    ConfigError,
    apply_settings,
    find_config,
    load_settings,
    read_config,
)
from pipeline.lock import RunLock

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # `run` exports the gazetteer setting to worker processes; keep that out of other tests.
    monkeypatch.setenv(GAZETTEER_ENV, "")
    monkeypatch.chdir(tmp_path)


def _args(**flags) -> argparse.Namespace:
    return argparse.Namespace(**{**dict.fromkeys(DEFAULTS), **flags})


def test_no_file_gives_the_defaults(tmp_path: Path) -> None:
    assert find_config(None, tmp_path) is None
    settings = load_settings(_args())
    assert settings.source is None
    assert settings.values == DEFAULTS


def test_file_in_working_directory_is_read_and_paths_resolve_against_it(tmp_path: Path) -> None:
    (tmp_path / "pipeline.toml").write_text('corpus = "in"\nout = "s3://bucket/x"\nworkers = 3\n')
    settings = load_settings(_args())
    assert settings.source == tmp_path / "pipeline.toml"
    assert settings["corpus"] == str(tmp_path / "in")
    assert settings["out"] == "s3://bucket/x"  # URLs are left alone
    assert settings["workers"] == 3
    assert settings["batch_size"] == DEFAULTS["batch_size"]


def test_explicit_config_file_paths_are_relative_to_that_file(tmp_path: Path) -> None:
    etc = tmp_path / "etc"
    etc.mkdir()
    (etc / "nightly.toml").write_text('out = "../data/out"\nbatch_size = 8\n')
    settings = load_settings(_args(), str(etc / "nightly.toml"))
    assert Path(settings["out"]).resolve() == (tmp_path / "data" / "out").resolve()
    assert settings["batch_size"] == 8


def test_flags_win_over_the_file(tmp_path: Path) -> None:
    (tmp_path / "pipeline.toml").write_text('out = "from_file"\nworkers = 3\nexecutor = "dask"\n')
    settings = load_settings(_args(out="from_flag", workers=1))
    assert settings["out"] == "from_flag"
    assert settings["workers"] == 1
    assert settings["executor"] == "dask"
    assert settings.explicit == {"out", "workers"}


def test_apply_turns_auto_workers_into_cores_and_exports_the_gazetteer(tmp_path: Path) -> None:
    (tmp_path / "gaz").mkdir()
    (tmp_path / "pipeline.toml").write_text('gazetteer = "gaz"\n')
    args = _args()
    apply_settings(args, load_settings(args))
    assert args.workers == (os.cpu_count() or 1)
    assert os.environ[GAZETTEER_ENV] == str(tmp_path / "gaz")


@pytest.mark.parametrize(
    "text, message",
    [
        ("workrs = 2\n", "unknown setting(s) workrs"),
        ("workers = 0\n", "workers must be"),
        ('workers = "many"\n', "workers must be"),
        ("batch_size = true\n", "batch_size must be"),
        ('executor = "threads"\n', "executor must be"),
        ("out = 3\n", "out must be"),
        ("out = [\n", "cannot read"),
        ('gazetteer = "missing"\n', "gazetteer directory not found"),
    ],
)
def test_bad_files_are_refused_with_the_reason(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "pipeline.toml").write_text(text)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_settings(_args())


def test_missing_explicit_config_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(_args(), str(tmp_path / "nope.toml"))


def test_shipped_pipeline_toml_states_the_defaults() -> None:
    values = read_config(REPO / "pipeline.toml")
    expected = {**DEFAULTS, "corpus": str(REPO / "corpus"), "out": str(REPO / "outputs")}
    expected["gazetteer"] = str(REPO / "models" / "gazetteer")
    assert {**DEFAULTS, **values} == expected
    assert Path(values["gazetteer"]).is_dir()


# -- through the command line ------------------------------------------------------------------------------


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "texts"
    corpus.mkdir()
    (corpus / "a.txt").write_text("В Москве открылся форум.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Компания «Газпром» выросла на 5 процентов.\n", encoding="utf-8")
    return corpus


def test_run_reads_settings_and_writes_the_json_summary(tmp_path: Path) -> None:
    _corpus(tmp_path)
    (tmp_path / "pipeline.toml").write_text('corpus = "texts"\nout = "nightly"\nworkers = 1\n')
    code = cli.main(["run", "--stage", "ingest", "--json-summary", "reports/last.json"])
    assert code == 0
    assert (tmp_path / "nightly" / "documents").is_dir()
    summary = json.loads((tmp_path / "reports" / "last.json").read_text())
    assert summary["exit_code"] == 0 and summary["status"] == "ok"
    assert summary["outputs"] == str(tmp_path / "nightly")
    assert summary["config"] == str(tmp_path / "pipeline.toml")
    assert summary["stages"] == [{"stage": "ingest", "done": 2, "skipped": 0, "failed": 0, "recovered": []}]
    assert summary["totals"] == {"done": 2, "skipped": 0, "failed": 0}
    assert summary["started_at"] <= summary["finished_at"]
    assert summary["run_id"] and summary["error"] is None

    # Second run: the flag wins over the file, and the same documents are now skipped.
    code = cli.main(["run", "--stage", "ingest", "--out", "nightly", "--json-summary", "again.json"])
    again = json.loads((tmp_path / "again.json").read_text())
    assert code == 0 and again["totals"] == {"done": 0, "skipped": 2, "failed": 0}
    assert again["run_id"] != summary["run_id"]


def test_run_with_failed_documents_exits_3_and_points_at_errors(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "broken.jsonl").write_text("{not json\n", encoding="utf-8")
    code = cli.main(
        ["run", "--stage", "ingest", "--corpus", str(corpus), "--out", "o", "--json-summary", "s.json"]
    )
    summary = json.loads((tmp_path / "s.json").read_text())
    assert code == 3 and summary["status"] == "some_failed"
    assert summary["totals"]["failed"] == 1
    assert summary["errors_table"] == str(tmp_path / "o" / "errors")


def test_bad_settings_exit_2_with_a_summary(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text("workrs = 2\n")
    code = cli.main(["run", "--config", "bad.toml", "--json-summary", "s.json"])
    summary = json.loads((tmp_path / "s.json").read_text())
    assert code == 2 and summary["status"] == "usage"
    assert "workrs" in summary["error"] and summary["stages"] == []


def test_locked_output_exits_4_with_a_summary(tmp_path: Path) -> None:
    _corpus(tmp_path)
    out = tmp_path / "o"
    with RunLock(str(out)):
        code = cli.main(
            ["run", "--stage", "ingest", "--corpus", "texts", "--out", str(out), "--json-summary", "s.json"]
        )
    summary = json.loads((tmp_path / "s.json").read_text())
    assert code == 4 and summary["status"] == "locked"
    assert "another pipeline run" in summary["error"]
