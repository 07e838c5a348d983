"""Relabel as ORG the PER/LOC mentions headed by an organisation noun (lists in models/ner/org_heads.json).

'Университете Лос-Анджелеса' or 'Корейского института развития технологий' are organisations whatever the
words after the head are. The head is the first noun of the mention (adjectives before it are skipped).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .morph import lemmas, tags, vocab
from .resources import load_json
from .spans import make_span, set_ents

SOURCE = "org_heads"


def _first_noun(span: Span) -> str | None:
    for tok in span:
        found = tags(tok.text) if tok.is_alpha else ()
        if any("NOUN" in t for t in found) and not all("ADJF" in t for t in found[:1]):
            return tok.text
    return None


class OrgHeads:
    def __init__(self, data: str = "org_heads.json") -> None:
        self.heads = set(load_json(data)["heads"])
        vocab()  # load pymorphy2 now, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        out: list[Span] = []
        changed = False
        for ent in doc.ents:
            head = _first_noun(ent) if ent.label_ in ("PER", "LOC") else None
            if head is not None and lemmas(head) & self.heads:
                out.append(make_span(doc, ent.start, ent.end, "ORG", SOURCE))
                changed = True
            else:
                out.append(ent)
        if changed:
            set_ents(doc, out)
        return doc


@Language.factory("ner_org_heads", default_config={"data": "org_heads.json"})
def make_org_heads(nlp: Language, name: str, data: str) -> OrgHeads:
    return OrgHeads(data)
