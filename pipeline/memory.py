"""Give freed heap memory back to the operating system between batches.

glibc keeps the pages of freed small objects in its arenas; after many batches of varied documents the heap
is fragmented and the resident size creeps up with the corpus rather than the batch. `malloc_trim(0)`
returns every whole free page to the system. Elsewhere (no glibc) this is a no-op.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache


@cache
def _malloc_trim():  # -> a ctypes function or None
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl, macOS)
        return None


def release_free_memory() -> bool:
    """Trim the C heap; True when the platform could do it."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
