"""What a user would run by hand: natasha's segmenter + NER, and natasha's dates and money extractors."""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import time
from pathlib import Path

from pipeline.bench.sample import read_texts


def natasha_ner_seconds_apart(corpus: Path) -> float:
    """natasha_ner_seconds over the JSONL corpus, in a fresh process: the benchmark's own process then holds
    neither natasha's models nor the texts, so the pipeline runs timed beside it keep their memory figures."""
    context = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(_natasha_ner_seconds_of, corpus).result()


def _natasha_ner_seconds_of(corpus: Path) -> float:
    return natasha_ner_seconds(read_texts(corpus))


def natasha_ner_seconds(texts: list[str]) -> float:
    """Seconds natasha's Segmenter + NewsNERTagger take over the texts (models loaded beforehand)."""
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    started = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
    return time.perf_counter() - started


def natasha_matchers_seconds(texts: list[str]) -> float:
    """Seconds natasha's DatesExtractor + MoneyExtractor take over the texts."""
    from natasha import DatesExtractor, MoneyExtractor, MorphVocab

    vocab = MorphVocab()
    dates, money = DatesExtractor(vocab), MoneyExtractor(vocab)
    started = time.perf_counter()
    for text in texts:
        list(dates(text))
        list(money(text))
    return time.perf_counter() - started


def our_matchers_seconds(texts: list[str]) -> float:
    from pipeline.nlp.amounts import extract_amounts
    from pipeline.nlp.dates import extract_dates

    extract_amounts("100 рублей в 2019 году")  # load data files outside the timing
    extract_dates("в 2019 году")
    started = time.perf_counter()
    for text in texts:
        extract_amounts(text)
        extract_dates(text, None)
    return time.perf_counter() - started
