"""A spaCy tokenizer that uses razdel, the tokenizer natasha's NER was trained on.

With the same tokens on both sides natasha's spans map onto the Doc exactly (no boundary guessing). Tokens are
found on the script-unified copy of the text (so 'КOTRA' stays one token) but the Doc holds the original
characters; the unified copy is kept in `doc._.ner_text` for the NER model.
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


# spaCy's string store is UTF-8: lone surrogates (from 'surrogateescape'd bytes) would raise. They become
# U+FFFD in the Doc, one char for one char, so offsets stay valid for the original text.
_SURROGATES = re.compile("[\ud800-\udfff]")


def split_words(text: str, unified: str | None = None) -> tuple[list[str], list[bool], list[int]]:
    """razdel tokens of `text` as spaCy (words, spaces, indices of razdel tokens); other whitespace than one
    space after a token becomes a token of its own."""
    words: list[str] = []
    spaces: list[bool] = []
    real: list[int] = []
    if unified is None:
        unified = unify_scripts(text)
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
    return words, spaces, real


class RazdelTokenizer:
    """Callable tokenizer for `nlp.tokenizer`."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        text = _SURROGATES.sub("\ufffd", text)
        unified = unify_scripts(text)
        words, spaces, real = split_words(text, unified)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc._.ner_text = unified
        doc._.ner_token_ids = real
        return doc
