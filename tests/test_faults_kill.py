"""SIGKILL at any moment of any stage: a re-run ends with the tables of an undisturbed run.

Two kinds of kill, both real SIGKILLs of another process: at a deterministic kill point (the store's
PIPELINE_FAULT_KILL_AT_WRITE hook: before a part's temp file, or between the temp file and its rename) and
after a random delay. Trials fork a child that already has the models loaded, so each costs about a second;
one trial starts a fresh `pipeline run` the way a scheduler would. The default run tries a few kill points in
each model stage; `-m long` (make test-long) tries every kill point of the whole pipeline, 20 random delays,
repeated kills, and a fresh `pipeline run` process.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import run_pipeline
from test_faults_support import RUN_OPTIONS, assert_same_tables, cli, forked_run, mixed_corpus, snapshot

import pipeline.runner
from pipeline.store import Store

TRIALS_SURVIVED: list[str] = []  # read by the report at the end of the long run


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A corpus, its tables after an undisturbed run, and the stage of every kill point of that run."""
    base = tmp_path_factory.mktemp("kills")
    corpus = mixed_corpus(base / "corpus")
    point_stages: list[str] = []
    current = ["?"]
    original_stage, original_write = pipeline.runner.Runner.run_stage, Store.write_part

    def run_stage(self, stage):
        current[0] = stage.name
        return original_stage(self, stage)

    def write_part(self, *args, **kwargs):
        point_stages.extend([current[0], current[0]])  # two kill points per write
        return original_write(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline.runner.Runner, "run_stage", run_stage)
        mp.setattr(Store, "write_part", write_part)
        run_pipeline(corpus, base / "clean", **RUN_OPTIONS)
    return {"base": base, "corpus": corpus, "clean": snapshot(base / "clean"), "stages": point_stages}


def _survives(world: dict, name: str, kill_at: int = 0, kill_after: float | None = None) -> int | None:
    out = world["base"] / name
    code = forked_run(world["corpus"], out, kill_at=kill_at, kill_after=kill_after)
    run_pipeline(world["corpus"], out, **RUN_OPTIONS)
    assert_same_tables(out, world["clean"])
    TRIALS_SURVIVED.append(name)
    return code


def _points_in(world: dict, stage: str) -> list[int]:
    return [i + 1 for i, s in enumerate(world["stages"]) if s == stage]


def test_every_stage_has_kill_points(world: dict) -> None:
    assert {"ingest", "segment", "ner", "match", "link"} <= set(world["stages"])


@pytest.mark.parametrize("stage", ["ner", "match", "link"])
def test_killed_inside_a_model_stage_then_rerun(world: dict, stage: str) -> None:
    points = _points_in(world, stage)
    for kill_at in (points[1], points[len(points) // 2]):  # a rename, and a point mid-stage
        assert _survives(world, f"{stage}_{kill_at}", kill_at=kill_at) == -9


def test_killed_after_random_delays_then_rerun(world: dict) -> None:
    rng = random.Random(6)
    for trial in range(2):
        _survives(world, f"random_{trial}", kill_after=rng.uniform(0.1, 1.5))


@pytest.mark.long
def test_a_fresh_pipeline_run_killed_in_ner_then_rerun(world: dict, tmp_path: Path) -> None:
    out = tmp_path / "out"
    kill_at = _points_in(world, "ner")[1]
    args = ("run", "--corpus", str(world["corpus"]), "--out", str(out), "--workers", "1", "--batch-size", "2")
    killed = cli(*args, env={"PIPELINE_FAULT_KILL_AT_WRITE": str(kill_at)})
    assert killed.returncode == -9
    run_pipeline(world["corpus"], out, **RUN_OPTIONS)
    assert_same_tables(out, world["clean"])
    TRIALS_SURVIVED.append("fresh_cli_ner")


@pytest.mark.long
def test_killed_at_every_kill_point_of_the_whole_pipeline(world: dict) -> None:
    points = range(1, len(world["stages"]) + 1)
    for kill_at in points:
        assert _survives(world, f"point_{kill_at}", kill_at=kill_at) == -9, kill_at
    assert len(points) >= 20


@pytest.mark.long
def test_killed_after_twenty_random_delays(world: dict) -> None:
    rng = random.Random(2026)
    killed = 0
    for trial in range(20):
        killed += _survives(world, f"delay_{trial}", kill_after=rng.uniform(0.05, 1.6)) == -9
    assert killed >= 10  # most kills land mid-run (the rest let the run finish: also a valid outcome)


@pytest.mark.long
def test_killed_again_and_again_before_one_run_finishes(world: dict) -> None:
    rng = random.Random(7)
    out = world["base"] / "repeated"
    for _ in range(5):
        forked_run(world["corpus"], out, kill_after=rng.uniform(0.1, 1.0))
    run_pipeline(world["corpus"], out, **RUN_OPTIONS)
    assert_same_tables(out, world["clean"])
    TRIALS_SURVIVED.append("repeated_5")
