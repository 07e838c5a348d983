"""Quoted names after an organisation word: 'ТОО «Ромашка»', 'партии «Ата-Мекен»' -> ORG 'Ромашка', ...

natasha misses many small companies and parties that news write only this way. The quoted part becomes an
ORG when the word before the opening quote is a legal form or an organisation noun (models/ner/
quoted_orgs.json) and no mention overlaps it already. The reverse too: natasha's ORG for exactly a quoted
title or vehicle name ('шаттл «Дискавери»', 'фильм «Брат»') is dropped.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .morph import lemmas
from .resources import load_json
from .spans import make_span, set_ents, token_texts

SOURCE = "quoted_org"


class QuotedOrgs:
    def __init__(self, data: str = "quoted_orgs.json", rules: str = "org_rules.json") -> None:
        cfg = load_json(data)
        self.descriptors = set(cfg["descriptor_lemmas"])
        self.legal = {x.lower() for x in load_json(rules)["legal_forms"]}
        self.max_tokens = int(cfg["max_tokens"])
        self.not_org = set(cfg["not_org_lemmas"])
        p = load_json("punctuation.json")
        self.open_q = set(p["open_quotes"]) | {'"'}
        self.close_q = set(p["close_quotes"]) | {'"'}

    def _is_descriptor(self, word: str) -> bool:
        w = word.lower()
        return w in self.legal or w in self.descriptors or bool(lemmas(w) & self.descriptors)

    def _quoted(self, doc: Doc, i: int) -> tuple[int, int] | None:
        """Token range inside the quote opening at token i, if it closes within max_tokens."""
        for j in range(i + 1, min(len(doc), i + 2 + self.max_tokens)):
            if doc[j].text in self.close_q:
                return (i + 1, j) if j > i + 1 else None
            if doc[j].is_space or doc[j].text in self.open_q:
                return None
        return None

    def _is_title(self, ent: Span) -> bool:
        """ORG `ent` is exactly a quoted name after a title/vehicle noun: «ent» after 'шаттл', 'фильм', ..."""
        doc, a, b = ent.doc, ent.start, ent.end
        if ent.label_ != "ORG" or a < 2 or b >= len(doc):
            return False
        if doc[a - 1].text not in self.open_q or doc[b].text not in self.close_q:
            return False
        return doc[a - 2].is_alpha and bool(lemmas(doc[a - 2].text.lower()) & self.not_org)

    def __call__(self, doc: Doc) -> Doc:
        titles = [e for e in doc.ents if self._is_title(e)]
        if titles:
            set_ents(doc, [e for e in doc.ents if e not in titles])
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        new: list[Span] = []
        texts = token_texts(doc)  # every token is tested: strings, not Token objects
        for i in range(1, len(texts) - 2):
            if (
                texts[i] not in self.open_q
                or not doc[i - 1].is_alpha
                or not self._is_descriptor(texts[i - 1])
            ):
                continue
            rng = self._quoted(doc, i)
            if rng is None or taken & set(range(*rng)):
                continue
            first = doc[rng[0]].text
            if first[0].isupper() or first[0].isdigit():
                new.append(make_span(doc, rng[0], rng[1], "ORG", SOURCE))
        if new:
            set_ents(doc, list(doc.ents) + new)
        return doc


@Language.factory("ner_quoted_orgs", default_config={"data": "quoted_orgs.json", "rules": "org_rules.json"})
def make_quoted_orgs(nlp: Language, name: str, data: str, rules: str) -> QuotedOrgs:
    return QuotedOrgs(data, rules)
