"""How a stage's documents are cut into batches.

One process takes batches of `batch_size` documents. Several workers take the same batches while much work
is left, then smaller and smaller ones (guided self-scheduling, weighted by characters): each stage ends at a
barrier, and with equal batches the last one would keep a single worker busy while the others wait.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

# Below this a batch costs more in per-batch overhead (reading parts, writing parts, a commit) than it saves.
MIN_TAIL_BATCH = 4


def plan_batches(
    ids: Sequence[str], n_chars: dict[str, int], batch_size: int, workers: int
) -> Iterator[list[str]]:
    """Yield `ids` in order, cut into batches of at most `batch_size` documents."""
    if workers <= 1:
        for i in range(0, len(ids), batch_size):
            yield list(ids[i : i + batch_size])
        return
    remaining = sum(n_chars.get(d, 0) for d in ids)
    batch: list[str] = []
    chars = 0
    for doc_id in ids:
        size = n_chars.get(doc_id, 0)
        # Cut before a document that would take the batch past its share of what is left.
        share = remaining / (2 * workers)
        if len(batch) >= batch_size or (len(batch) >= MIN_TAIL_BATCH and chars + size > share):
            yield batch
            remaining -= chars
            batch, chars = [], 0
        batch.append(doc_id)
        chars += size
    if batch:
        yield batch
