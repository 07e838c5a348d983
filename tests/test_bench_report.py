"""The bench report: ratios against natasha's segment + NER timed before and after the first run."""

from __future__ import annotations

from pipeline.bench.run import PipelineRun, format_report


def _report(**extra: object) -> dict:
    run = PipelineRun("pipeline, 1 worker(s)", 20.0, 400.0, {"ner": 15.0})
    return {"docs": 100, "chars": 600_000, "workers": 1, "runs": [run], **extra}


def test_the_ratio_uses_the_mean_of_natasha_before_and_after_the_first_run() -> None:
    text = format_report(_report(natasha_ner_seconds=11.0, natasha_ner_runs=[10.0, 12.0]))
    assert "(11.0 s: the mean of 10.0 s before and 12.0 s after the first run)" in text
    assert "0.55x" in text  # 11 s of natasha against 20 s of pipeline
    assert "ner stage vs natasha NER alone: 1.36x the time" in text


def test_a_single_natasha_run_is_reported_without_brackets() -> None:
    text = format_report(_report(natasha_ner_seconds=11.0))
    assert "(11.0 s)" in text and "the mean of" not in text
