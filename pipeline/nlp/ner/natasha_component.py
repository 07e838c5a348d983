"""spaCy component running natasha's NewsNERTagger (slovnet CNN-CRF) on the razdel tokens of the Doc.

The model is fed the tokens of the script-unified text (`doc._.ner_words`), so its spans are token spans of
the Doc and need no character re-alignment. Spans go to `doc.ents` with `span.id_ == "natasha"`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span

SOURCE = "natasha"
# slovnet pads every batch to its longest document and keeps several float arrays of that shape alive, so a
# batch of eight long articles briefly takes hundreds of MB. Batches capped in tokens bound that peak by the
# batch, not by the longest article the corpus happens to hold; the tags do not depend on the grouping.
# 4,096 rather than 8,192: a 30 MB lower peak (NER over 3,200 articles: 358 against 382 MB) at the same speed.
MAX_BATCH_TOKENS = 4_096


@cache
def load_tagger():  # -> natasha.NewsNERTagger
    """natasha's embeddings and NER model, loaded once per process (both ship inside the wheels)."""
    from natasha import NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding())


def _bio_spans(tags: list[str]) -> Iterator[tuple[int, int, str]]:
    """(first, last + 1, type) over word indices; the same decoding as slovnet.bio.bio_spans."""
    label = None
    start = stop = 0
    for i, tag in enumerate(tags):
        part, _, type_ = tag.partition("-")
        if part == "B":
            if label:
                yield start, stop, label
            label, start, stop = type_, i, i + 1
        elif part == "I":
            stop = i + 1
        elif label:
            yield start, stop, label
            label = None
    if label:
        yield start, stop, label


def token_batches(items: list[list[str]], max_items: int, max_tokens: int) -> Iterator[list[list[str]]]:
    """Consecutive groups of at most max_items, padded size (items x longest) at most max_tokens
    (a longer single item goes alone)."""
    group: list[list[str]] = []
    longest = 0
    for item in items:
        wider = max(longest, len(item))
        if group and (len(group) >= max_items or (len(group) + 1) * wider > max_tokens):
            yield group
            group, wider = [], len(item)
        group.append(item)
        longest = wider
    if group:
        yield group


class NatashaNER:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.tagger = load_tagger()

    def _tag(self, docs: list[Doc]) -> None:
        todo = [d for d in docs if d._.ner_token_ids]
        # Sorting by length keeps padding small inside each slovnet batch.
        todo.sort(key=lambda d: len(d._.ner_token_ids))
        items = [d._.ner_words for d in todo]  # the tokenizer's razdel words of the unified text
        infer = self.tagger.infer
        preds = [
            tags
            for group in token_batches(items, infer.encoder.batch_size, MAX_BATCH_TOKENS)
            for tags in infer.decoder(infer.process(infer.encoder(group)))
        ]
        for doc, tags in zip(todo, preds, strict=True):
            ids = doc._.ner_token_ids
            doc.ents = [
                Span(doc, ids[a], ids[b - 1] + 1, label=label, span_id=SOURCE)
                for a, b, label in _bio_spans(list(tags))
            ]

    def __call__(self, doc: Doc) -> Doc:
        self._tag([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        it = iter(docs)
        while chunk := list(islice(it, batch_size)):
            self._tag(chunk)
            yield from chunk


@Language.factory("natasha_ner")
def make_natasha_ner(nlp: Language, name: str) -> NatashaNER:
    return NatashaNER(nlp, name)
