"""Russian news -> Parquet tables of entities, amounts and dates."""

import os

# natasha's model multiplies small matrices: OpenBLAS threads cost more than they give (measured: one thread
# is faster even in a single process), and N worker processes x M threads oversubscribe the cores. One thread
# per process unless the user says otherwise. Set before numpy loads; worker processes inherit it.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

# Arrow's default allocator (mimalloc) keeps freed pages: over thousands of batches a worker's memory grew
# with the corpus (+60 MB in the link stage over 2,000 documents). jemalloc told to return freed pages at once
# keeps it flat and the whole run's peak lower than the system allocator did (1 worker, 500 / 5,000 articles:
# 414 / 474 MB against 445 / 511 MB, at the same speed).
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "jemalloc")
if os.environ["ARROW_DEFAULT_MEMORY_POOL"] == "jemalloc":
    import contextlib

    import pyarrow as _pyarrow

    with contextlib.suppress(NotImplementedError):  # a pyarrow built without jemalloc uses its default
        _pyarrow.jemalloc_set_decay_ms(0)
