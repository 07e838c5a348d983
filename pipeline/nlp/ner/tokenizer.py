"""A spaCy tokenizer that uses razdel, the tokenizer natasha's NER was trained on.

With the same tokens on both sides natasha's spans map onto the Doc exactly (no boundary guessing). Tokens are
found on the script-unified copy of the text (so 'КOTRA' stays one token) but the Doc holds the original
characters; the unified copy is kept in `doc._.ner_text` for the NER model.

The tokenizer also keeps the word lists it built, so the components read strings instead of making a spaCy
Token object per `doc[i]` (a full pass over a Doc's tokens that way costs ~15 times a pass over a list): the
model's words in `doc._.ner_words` and every token's text in `doc._.ner_token_texts` (read it through
spans.token_texts). No component changes the tokens after the tokenizer, so the lists stay valid.
"""

from __future__ import annotations

import re

from razdel import tokenize
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .homoglyphs import unify_scripts

if not Doc.has_extension("ner_text"):
    Doc.set_extension("ner_text", default=None)
if not Doc.has_extension("ner_token_ids"):  # indices of the tokens razdel produced (not whitespace fillers)
    Doc.set_extension("ner_token_ids", default=None)
if not Doc.has_extension("ner_words"):  # the text of those tokens in `ner_text`: what the model reads
    Doc.set_extension("ner_words", default=None)
if not Doc.has_extension("ner_token_texts"):  # [t.text for t in doc]
    Doc.set_extension("ner_token_texts", default=None)


# spaCy's string store is UTF-8: lone surrogates (from 'surrogateescape'd bytes) would raise. They become
# U+FFFD in the Doc, one char for one char, so offsets stay valid for the original text.
_SURROGATES = re.compile("[\ud800-\udfff]")


def split_words(text: str, unified: str | None = None) -> tuple[list[str], list[bool], list[int]]:
    """razdel tokens of `text` as spaCy (words, spaces, indices of razdel tokens); other whitespace than one
    space after a token becomes a token of its own."""
    words, spaces, real, _ = _split(text, unify_scripts(text) if unified is None else unified)
    return words, spaces, real


def _split(text: str, unified: str) -> tuple[list[str], list[bool], list[int], list[str]]:
    """split_words, and the razdel tokens' text in `unified` (the model's words)."""
    words: list[str] = []
    spaces: list[bool] = []
    real: list[int] = []
    model_words: list[str] = []
    pos = 0
    for tok in tokenize(unified):
        gap = text[pos : tok.start]
        if gap:
            if words and gap[0] == " ":
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
        real.append(len(words))
        words.append(text[tok.start : tok.stop])
        model_words.append(unified[tok.start : tok.stop])
        spaces.append(False)
        pos = tok.stop
    tail = text[pos:]
    if tail:
        if words and tail[0] == " ":
            spaces[-1] = True
            tail = tail[1:]
        if tail:
            words.append(tail)
            spaces.append(False)
    return words, spaces, real, model_words


class RazdelTokenizer:
    """Callable tokenizer for `nlp.tokenizer`."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        text = _SURROGATES.sub("\ufffd", text)
        unified = unify_scripts(text)
        words, spaces, real, model_words = _split(text, unified)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc._.ner_text = unified
        doc._.ner_token_ids = real
        doc._.ner_words = model_words
        doc._.ner_token_texts = words
        return doc
