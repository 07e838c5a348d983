"""The analysts' notebook runs top to bottom on outputs made from the seed corpus, and is stored clean."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from pipeline.review import load_article
from pipeline.review.html import render_page
from pipeline.runner import Runner, RunOptions, select_stages
from pipeline.store import Store

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "notebooks" / "analysis.ipynb"


@pytest.fixture(scope="session")
def seed_outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole pipeline on corpus/ (two articles), in this process."""
    out = tmp_path_factory.mktemp("seed") / "outputs"
    options = RunOptions(corpus=REPO / "corpus", out=str(out), stages=select_stages(), workers=1)
    summary = Runner(Store.open(str(out)), options).run()
    assert summary.failed == 0 and summary.done > 0
    return out


def _execute(out: Path, monkeypatch: pytest.MonkeyPatch) -> nbformat.NotebookNode:
    monkeypatch.setenv("PIPELINE_OUT", str(out))
    monkeypatch.delenv("PIPELINE_DOC", raising=False)
    # A CI runner's MPLBACKEND=Agg would swallow the plots.
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # Run where an analyst would open it; a failing cell raises CellExecutionError and fails the test.
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()
    return nb


def _outputs(nb: nbformat.NotebookNode) -> tuple[str, list[str]]:
    """All text the executed notebook shows, and the mime types of its rich outputs."""
    texts, kinds = [], []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                texts.append(output.text)
            for mime, value in output.get("data", {}).items():
                kinds.append(mime)
                if mime.startswith("text/"):
                    texts.append(value)
    return "\n".join(texts), kinds


def test_notebook_is_stored_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "the notebook has no code"
    assert all(not c.outputs and c.execution_count is None for c in code)


def test_notebook_runs_on_seed_outputs(seed_outputs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = _execute(seed_outputs, monkeypatch)
    text, kinds = _outputs(nb)
    assert str(seed_outputs) in text
    # Top organisations, places and people by canonical name (the gazetteer's names for places).
    assert "Ассамблея народа Казахстана" in text
    assert "Восточно-Казахстанская область" in text and "Южная Корея" in text
    assert "Аскар Нургазиев" in text
    # Money by currency and year: «порядка 50 млн долларов США» in a sentence dated «первое полугодие 2019».
    assert "USD" in text and "2019" in text
    # The timeline lists the resolved dates.
    assert "2011-05-30" in text and "2024-01-01" in text
    # Countries co-occurring with organisations.
    assert "Кыргызстан" in text
    # Plots: entities, money, timeline, co-occurrence heatmap.
    assert kinds.count("image/png") >= 4
    # The highlighted article.
    html = "\n".join(
        o.data["text/html"]
        for c in nb.cells
        for o in c.get("outputs", [])
        if "text/html" in o.get("data", {})
    )
    assert 'class="pv pv-ORG"' in html and 'class="pv pv-AMOUNT"' in html and 'class="pv pv-DATE"' in html


def test_review_page_of_a_seed_article_marks_every_extraction(seed_outputs: Path) -> None:
    store = Store.open(str(seed_outputs))
    doc_id = store.read_table("documents", columns=["doc_id"]).column("doc_id").to_pylist()[0]
    article = load_article(store, doc_id)
    counts = {t: store.read_table(t, doc_ids=[doc_id]).num_rows for t in ("entities", "amounts", "dates")}
    assert len(article.spans) == sum(counts.values()) > 0
    page = render_page(article)
    for i, span in enumerate(article.spans):
        assert f'data-span="{i}"' in page
        assert article.text[span.start : span.end] == span.text


def test_notebook_runs_before_extraction_stages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outputs with documents only (entities, amounts, dates not written yet): every cell still runs."""
    out = tmp_path / "outputs"
    options = RunOptions(corpus=REPO / "corpus", out=str(out), stages=["ingest"], workers=1)
    Runner(Store.open(str(out)), options).run()
    text, kinds = _outputs(_execute(out, monkeypatch))
    assert "no money amounts found" in text and "no resolved dates" in text
    assert "no organisation shares an article with a country" in text
