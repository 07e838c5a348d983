"""How a stage's documents are cut into batches.

One process takes batches of `batch_size` documents. Several workers take the same batches while much work
is left, then smaller and smaller ones (guided self-scheduling, weighted by characters): each stage ends at a
barrier, and with equal batches the last one would keep a single worker busy while the others wait.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

# Below this a batch costs more in per-batch overhead (reading parts, writing parts, a commit) than it saves.
MIN_TAIL_BATCH = 4
# A batch's working memory grows with its text: cut at this many characters too (64 news articles of 6.3k
# on average), so that a run of long articles does not raise the peak (memory bounded by the batch).
MAX_BATCH_CHARS = 400_000


def plan_batches(
    ids: Sequence[str], n_chars: dict[str, int], batch_size: int, workers: int
) -> Iterator[list[str]]:
    """Yield `ids` in order, cut into batches of at most `batch_size` documents and, but for a single
    document longer than that, MAX_BATCH_CHARS characters."""
    remaining = sum(n_chars.get(d, 0) for d in ids)
    batch: list[str] = []
    chars = 0
    for doc_id in ids:
        size = n_chars.get(doc_id, 0)
        full = len(batch) >= batch_size or (batch and chars + size > MAX_BATCH_CHARS)
        # With several workers, cut before a document that takes the batch past its share of what is left.
        shared = workers > 1 and len(batch) >= MIN_TAIL_BATCH and chars + size > remaining / (2 * workers)
        if full or shared:
            yield batch
            remaining -= chars
            batch, chars = [], 0
        batch.append(doc_id)
        chars += size
    if batch:
        yield batch
