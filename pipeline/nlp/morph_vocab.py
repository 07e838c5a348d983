"""The one natasha MorphVocab (pymorphy2 with UD tags) of a process, and the bound of the word caches.

News repeats its words, so the rules cache what they ask of pymorphy2 per word. A cache fills as the corpus
goes on, though, and its bound sets how far a worker's memory grows after the first batches: sized so that
the caches fill within the first few hundred articles, peak memory is reached early and then stays put
(bounded by the batch, not by the corpus). natasha's own parse cache (10,000 entries per class, holding
parse lists) is bounded the same way.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any, TypeVar

with warnings.catch_warnings():  # pymorphy2 imports the deprecated pkg_resources
    warnings.simplefilter("ignore")
    from natasha import MorphVocab
    from pymorphy2 import MorphAnalyzer

# small values (lemmas, flags), hit on every token. At 20,000 they went on filling for thousands of articles
# and a 1-worker run grew ~35 MB more over 5,000 articles; at 5,000 they held ~16 MB more than at 500 (parse
# caches 4,096 against 256). The hit rate lost costs no measurable time (NER CPU time over 2,000 articles:
# 126 s at 5,000/4,096, 128 s at 500/256, one run each; earlier 72 vs 71 s on 800 at 20,000 vs 5,000).
WORD_CACHE_SIZE = 500
PARSE_CACHE_SIZE = 256  # lists of pymorphy2 parses, a kilobyte or more each

_F = TypeVar("_F", bound=Callable[..., Any])


def word_cache(fn: _F) -> _F:
    """lru_cache for functions of a word that return small values (lemmas, tags, flags)."""
    return lru_cache(maxsize=WORD_CACHE_SIZE)(fn)  # type: ignore[return-value]


def parse_cache(fn: _F) -> _F:
    """lru_cache for functions that return or take pymorphy2 parses (which hold their analysis stacks)."""
    return lru_cache(maxsize=PARSE_CACHE_SIZE)(fn)  # type: ignore[return-value]


class _BoundedMorphVocab(MorphVocab):
    parse = lru_cache(PARSE_CACHE_SIZE)(MorphAnalyzer.parse)
    __call__ = parse


@cache
def morph_vocab() -> MorphVocab:
    """The process's MorphVocab, loaded on first use."""
    return _BoundedMorphVocab()
