"""EntityRecognizer: the spaCy pipeline (razdel tokens -> natasha NER -> rule components) behind one call."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import tee

import spacy
from spacy.attrs import IS_ALPHA, IS_SPACE, IS_UPPER, LANG, LOWER
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the component factories)
from .mention import Mention
from .tokenizer import RazdelTokenizer

# The pipeline, in order: (factory name, config). Each rule component reads its data from models/ner/.
PIPELINE: list[tuple[str, dict]] = [
    ("natasha_ner", {}),  # natasha NewsNERTagger on the razdel tokens
    ("ner_punct", {}),  # quotes/brackets off span edges, split at brackets and list separators
    ("ner_org_prefix", {}),  # 'ОАО «Газпром»' -> 'Газпром'
    ("ner_stoplist", {}),  # drop 'СМИ', trim 'Аким ...' (before the ruler: 'ВКО' left over is a LOC)
    ("ner_bracket_acronyms", {}),  # '... института (KIAT)' -> ORG 'KIAT'
    ("ner_quoted_orgs", {}),  # 'ТОО «Ромашка»' -> ORG 'Ромашка' when natasha missed it
    ("ner_ruler", {}),  # pattern label fixes: 'КР' -> LOC, 'ЕС' -> ORG
    ("ner_org_heads", {}),  # PER/LOC headed by 'университет', 'больница', ... -> ORG
    ("ner_merge", {}),  # 'Ассамблеи народа' + 'Казахстана' -> one ORG
    ("ner_context", {}),  # 'команда Феррари' -> ORG, 'японского МИДа', 'Хвана Чжан Епа', lists of countries
]

# The lexical attributes spaCy computes for each new word: the ones the components read (token.is_alpha,
# is_space, is_upper; text and length need no getter), LOWER for the ruler's LOWER patterns and LANG for
# vocab.lang. spaCy's Russian defaults compute some twenty more (like_num, shape, like_url, is_stop, ...) that
# nothing here reads, and the stage's fresh vocab every 500k chars makes every word new again: those took half
# of the Doc construction time. tests/test_ner_speed_invariants.py fails if a component or ruler pattern
# starts reading a dropped one.
LEX_ATTRS = (LOWER, IS_ALPHA, IS_SPACE, IS_UPPER, LANG)


def build_nlp(pipeline: list[tuple[str, dict]] | None = None) -> Language:
    nlp = spacy.blank("ru")
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {attr: getters[attr] for attr in LEX_ATTRS}
    nlp.tokenizer = RazdelTokenizer(nlp.vocab)
    for factory, config in PIPELINE if pipeline is None else pipeline:
        nlp.add_pipe(factory, config=config)
    return nlp


def doc_mentions(doc: Doc, text: str | None = None) -> list[Mention]:
    """doc.ents as Mentions; `text` (the caller's original string) gives the span texts, since the Doc may
    hold U+FFFD where the input had lone surrogates."""
    source = doc.text if text is None else text
    return [
        Mention(e.start_char, e.end_char, source[e.start_char : e.end_char], e.label_, e.id_ or "unknown")
        for e in doc.ents
        if e.label_ in ("PER", "ORG", "LOC")
    ]


class EntityRecognizer:
    """Finds PER/ORG/LOC mentions. Build once per process; the models load in the constructor."""

    def __init__(self, pipeline: list[tuple[str, dict]] | None = None) -> None:
        self.nlp = build_nlp(pipeline)

    @property
    def pipe_names(self) -> list[str]:
        return list(self.nlp.pipe_names)

    def __call__(self, text: str) -> list[Mention]:
        return doc_mentions(self.nlp(text), text)

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[list[Mention]]:
        for_nlp, originals = tee(texts)
        for doc, text in zip(self.nlp.pipe(for_nlp, batch_size=batch_size), originals, strict=True):
            yield doc_mentions(doc, text)
