"""One morphology analyser per process, with caches that stop growing."""

from __future__ import annotations

from pipeline.nlp.amounts import morph as amounts_morph
from pipeline.nlp.morph_vocab import PARSE_CACHE_SIZE, WORD_CACHE_SIZE, morph_vocab, parse_cache, word_cache
from pipeline.nlp.ner import morph as ner_morph


def test_the_rules_share_one_analyser() -> None:
    assert ner_morph.vocab() is morph_vocab() is amounts_morph.MORPH


def test_the_analysers_parse_cache_is_bounded() -> None:
    morph_vocab().parse("стола")
    assert type(morph_vocab()).parse.cache_info().maxsize == PARSE_CACHE_SIZE


def test_word_and_parse_caches_evict_beyond_their_bound() -> None:
    words = word_cache(str.upper)
    parses = parse_cache(str.lower)
    for k in range(WORD_CACHE_SIZE + 10):
        words(f"w{k}")
        parses(f"P{k}")
    assert words.cache_info().currsize == WORD_CACHE_SIZE
    assert parses.cache_info().currsize == PARSE_CACHE_SIZE


def test_the_analyser_reads_its_dictionaries_with_the_c_extension() -> None:
    # pyproject installs dawg2; without it pymorphy2 falls back to pure-Python dawg_python, 3x slower
    from pymorphy2 import dawg

    morph_vocab()
    assert dawg.EXTENSION_AVAILABLE
