"""The benchmark: the whole pipeline over real news next to natasha run by hand, in one invocation.

Figures: documents/s and characters/s of the whole pipeline (Parquet included, model loading included),
seconds per stage, peak RSS of the process tree, and ratios to natasha's segment + NER on the same documents;
re-run and incremental costs; optionally scaling over workers and Dask.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.bench import baselines
from pipeline.bench.memory import PeakRSS
from pipeline.bench.sample import read_texts, write_new_articles, write_sample
from pipeline.runner import Runner, RunOptions
from pipeline.store import Store


@dataclass
class PipelineRun:
    label: str
    seconds: float
    peak_mb: float
    stage_seconds: dict[str, float] = field(default_factory=dict)


def run_pipeline(
    corpus: Path, out: Path, label: str, workers: int, executor: str, batch_size: int
) -> PipelineRun:
    options = RunOptions(
        corpus=corpus, out=str(out), workers=workers, executor=executor, batch_size=batch_size
    )
    with PeakRSS() as rss:
        started = time.perf_counter()
        Runner(Store.open(str(out)), options).run()
        seconds = time.perf_counter() - started
    runs = Store.open(str(out)).read_table("runs").to_pandas()
    last = runs[runs["run_id"] == runs["run_id"].max()]
    stages = {
        r.stage: (r.finished_at - r.started_at).total_seconds()
        for r in last.itertuples()
        if r.stage != "runs"
    }
    return PipelineRun(label, seconds, rss.peak_mb, stages)


def bench(
    source: Path,
    docs: int,
    workers: int,
    executor: str = "processes",
    batch_size: int = 64,
    scaling: bool = False,
    incremental: bool = True,
    baseline: bool = True,
) -> dict:
    """Run the scenarios and return their figures (see `format_report`)."""
    work = Path(tempfile.mkdtemp(prefix="pipeline-bench-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        n_docs, n_chars = write_sample(source, corpus / "bench.jsonl", docs)
        report: dict = {"docs": n_docs, "chars": n_chars, "workers": workers, "runs": []}
        # natasha right before and right after the first run: the VM's speed drifts by up to a third within
        # minutes, and the mean of the two brackets the pipeline's run in time (the ratio's reference).
        natasha = [baselines.natasha_ner_seconds_apart(corpus / "bench.jsonl")] if baseline else []
        first = run_pipeline(
            corpus, work / "out", f"pipeline, {workers} worker(s)", workers, executor, batch_size
        )
        report["runs"].append(first)
        if baseline:
            natasha.append(baselines.natasha_ner_seconds_apart(corpus / "bench.jsonl"))
            report["natasha_ner_runs"] = natasha
            report["natasha_ner_seconds"] = sum(natasha) / len(natasha)
        if incremental:
            again = run_pipeline(
                corpus, work / "out", "re-run, unchanged corpus", workers, executor, batch_size
            )
            report["runs"].append(again)
            write_new_articles(source, corpus / "new.jsonl", 50, skip=n_docs)
            more = run_pipeline(
                corpus, work / "out", "re-run, +50 new documents", workers, executor, batch_size
            )
            report["runs"].append(more)
        if scaling:
            (corpus / "new.jsonl").unlink(missing_ok=True)
            scenarios = [("2 workers", 2, "processes"), ("dask 2", 2, "dask")]
            if workers == 1 and executor != "dask":
                # The first run is the 1-worker reference: like the others it started cold (models loaded
                # inside the timing). A second 1-worker run here would find them loaded in this process.
                report["runs"].append(PipelineRun("scaling: 1 worker", first.seconds, first.peak_mb))
            else:  # this process may hold the models from an earlier run: a conservative reference
                scenarios.insert(0, ("1 worker", 1, "local"))
            for label, w, ex in scenarios:
                out = work / f"out-{w}-{ex}"
                report["runs"].append(run_pipeline(corpus, out, f"scaling: {label}", w, ex, batch_size))

        if not baseline:
            return report
        texts = read_texts(corpus / "bench.jsonl")
        sample = texts[: min(len(texts), 300)]
        report["matcher_docs"] = len(sample)
        report["natasha_matchers_seconds"] = baselines.natasha_matchers_seconds(sample)
        report["our_matchers_seconds"] = baselines.our_matchers_seconds(sample)
        return report
    finally:
        shutil.rmtree(work, ignore_errors=True)


def format_report(r: dict) -> str:
    docs, chars = r["docs"], r["chars"]
    base = r.get("natasha_ner_seconds", float("nan"))
    lines = [
        f"benchmark: {docs} documents, {chars:,} characters ({chars / max(docs, 1):,.0f} per document)",
        f"natasha segment + NER alone: {docs / base:.1f} docs/s, {chars / base:,.0f} chars/s ({base:.1f} s"
        + _brackets(r.get("natasha_ner_runs", []))
        + ")",
        "",
        f"{'scenario':34} {'seconds':>8} {'docs/s':>8} {'chars/s':>10} {'vs natasha':>10} {'peak RSS':>9}",
    ]
    first = r["runs"][0].seconds
    for run in r["runs"]:
        rate = docs / run.seconds
        extra = f"  ({run.seconds / first:.1%} of the first run)" if run.label.startswith("re-run") else ""
        lines.append(
            f"{run.label:34} {run.seconds:8.1f} {rate:8.1f} {chars / run.seconds:10,.0f} "
            f"{base / run.seconds:9.2f}x {run.peak_mb:7.0f}MB{extra}"
        )
    lines.append("")
    lines.append(
        "seconds per stage (first run): "
        + ", ".join(f"{k} {v:.1f}" for k, v in r["runs"][0].stage_seconds.items())
    )
    ner = r["runs"][0].stage_seconds.get("ner")
    if ner and r["workers"] == 1:
        lines.append(f"ner stage vs natasha NER alone: {ner / base:.2f}x the time")
    if "matcher_docs" not in r:
        return "\n".join(lines)
    n = r["matcher_docs"]
    ours, theirs = r["our_matchers_seconds"], r["natasha_matchers_seconds"]
    lines.append(
        f"matchers on {n} docs: ours {n / ours:.1f} docs/s, natasha Dates+Money {n / theirs:.1f} docs/s "
        f"({theirs / ours:.1f}x faster)"
    )
    scaling = {run.label: run.seconds for run in r["runs"] if run.label.startswith("scaling")}
    if scaling:
        one = scaling["scaling: 1 worker"]
        lines.append(
            "scaling: " + ", ".join(f"{label.split(': ')[1]} {one / s:.2f}x" for label, s in scaling.items())
        )
    return "\n".join(lines)


def _brackets(runs: list[float]) -> str:
    if len(runs) < 2:
        return ""
    return f": the mean of {runs[0]:.1f} s before and {runs[1]:.1f} s after the first run"
