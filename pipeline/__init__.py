"""Russian news -> Parquet tables of entities, amounts and dates."""

import os

# natasha's model multiplies small matrices: OpenBLAS threads cost more than they give (measured: one thread
# is faster even in a single process), and N worker processes x M threads oversubscribe the cores. One thread
# per process unless the user says otherwise. Set before numpy loads; worker processes inherit it.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

# Arrow's default allocator (mimalloc) keeps freed pages: over thousands of batches a worker's memory grew
# with the corpus (+60 MB in the link stage over 2,000 documents), with the system allocator it stays flat.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
