from hypothesis import given
from hypothesis import strategies as st

from pipeline.batching import MAX_BATCH_CHARS, MIN_TAIL_BATCH, plan_batches


def _ids(n: int) -> list[str]:
    return [f"d{i:04d}" for i in range(n)]


def test_one_worker_takes_equal_batches() -> None:
    ids = _ids(10)
    batches = list(plan_batches(ids, {d: 100 for d in ids}, 4, workers=1))
    assert [len(b) for b in batches] == [4, 4, 2]


def test_several_workers_take_shrinking_batches_at_the_end() -> None:
    ids = _ids(400)
    sizes = [len(b) for b in plan_batches(ids, {d: 1000 for d in ids}, 64, workers=2)]
    assert sizes[0] == 64
    assert sizes[-1] <= MIN_TAIL_BATCH
    assert sizes == sorted(sizes, reverse=True)


def test_tail_batches_are_cut_by_characters_not_documents() -> None:
    ids = _ids(40)
    n_chars = {d: 100 for d in ids}
    n_chars[ids[-8]] = 100_000  # one long article near the end gets a batch nearly to itself
    batches = list(plan_batches(ids, n_chars, 64, workers=2))
    holding_long = next(b for b in batches if ids[-8] in b)
    assert len(holding_long) == MIN_TAIL_BATCH


@given(
    st.lists(st.integers(min_value=0, max_value=50_000), max_size=300),
    st.integers(min_value=1, max_value=100),
    st.integers(min_value=1, max_value=8),
)
def test_every_document_lands_in_one_batch_in_order(sizes: list[int], batch_size: int, workers: int) -> None:
    ids = _ids(len(sizes))
    batches = list(plan_batches(ids, dict(zip(ids, sizes, strict=True)), batch_size, workers))
    assert [d for b in batches for d in b] == ids
    assert all(0 < len(b) <= batch_size for b in batches)


@given(
    st.lists(st.integers(min_value=0, max_value=300_000), max_size=200),
    st.integers(min_value=1, max_value=100),
    st.integers(min_value=1, max_value=4),
)
def test_batches_stay_under_the_character_cap(sizes: list[int], batch_size: int, workers: int) -> None:
    ids = _ids(len(sizes))
    n_chars = dict(zip(ids, sizes, strict=True))
    for b in plan_batches(ids, n_chars, batch_size, workers):
        assert len(b) == 1 or sum(n_chars[d] for d in b) <= MAX_BATCH_CHARS


def test_one_worker_cuts_a_batch_of_long_articles_by_characters() -> None:
    ids = _ids(10)
    batches = list(plan_batches(ids, {d: MAX_BATCH_CHARS // 3 for d in ids}, 64, workers=1))
    assert [len(b) for b in batches] == [3, 3, 3, 1]
