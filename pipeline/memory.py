"""Keep the C heap from growing with the corpus: fewer malloc arenas, and a trim between batches.

glibc keeps the pages of freed small objects in its arenas; after many batches of varied documents the heap
is fragmented and the resident size creeps up with the corpus rather than the batch. Two arenas instead of
eight per core, and `malloc_trim(0)` after each batch, which returns whole free pages. (Serving blocks of
128 KiB and more by mmap lowered the peak further but slowed natasha's NER by a fifth, so it is not set.)
Elsewhere (no glibc) these are no-ops.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from functools import cache


@cache
def _libc_function(name: str):  # -> a ctypes function or None
    path = ctypes.util.find_library("c")
    if path is None:
        return None
    try:
        return getattr(ctypes.CDLL(path), name)
    except (OSError, AttributeError):  # not glibc (musl, macOS)
        return None


# mallopt parameters (malloc.h) and the values we set, unless the user set the matching MALLOC_* variable.
_M_ARENA_MAX = -8
_SETTINGS = ((_M_ARENA_MAX, 2, "MALLOC_ARENA_MAX"),)


def tune_allocator() -> bool:
    """Set glibc's arena count for this process (see the module docstring)."""
    mallopt = _libc_function("mallopt")
    if mallopt is None:
        return False
    for param, value, env in _SETTINGS:
        if env not in os.environ:
            mallopt(param, value)
    return True


def release_free_memory() -> bool:
    """Trim the C heap; True when the platform could do it."""
    trim = _libc_function("malloc_trim")
    if trim is None:
        return False
    trim(0)
    return True
