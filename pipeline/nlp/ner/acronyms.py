"""An abbreviation in brackets right after a name is a mention of its own: 'институт (KIAT)' -> ORG 'KIAT'.

After an ORG the bracketed abbreviation is an ORG. After a PER or LOC only a transliteration (the bracket
written in the other script, 'Ши Тао (Shi Tao)') takes the label of the name before it. Brackets that
already hold a mention are left alone.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .resources import load_json
from .spans import is_capitalised, make_span, set_ents

SOURCE = "acronym"
MAX_TOKENS = 6


def _script(text: str) -> str:
    cyr = sum("\u0400" <= c <= "\u04ff" for c in text)
    lat = sum(c.isascii() and c.isalpha() for c in text)
    return "cyr" if cyr > lat else "lat" if lat else "none"


class BracketAcronyms:
    def __init__(self, rules: str = "org_rules.json", punct: str = "punctuation.json") -> None:
        cfg, p = load_json(rules), load_json(punct)
        self.acronym = re.compile(cfg["acronym_regex"])
        self.max_lower = int(cfg["acronym_max_lower"])
        self.open_br = set(p["open_brackets"])
        self.close_br = set(p["close_brackets"])

    def is_acronym(self, text: str) -> bool:
        return bool(self.acronym.match(text)) and sum(c.islower() for c in text) <= self.max_lower

    def _bracket(self, doc: Doc, i: int) -> tuple[int, int] | None:
        """Token range inside the bracket opening at token i, if it closes within MAX_TOKENS."""
        if i >= len(doc) or doc[i].text not in self.open_br:
            return None
        for j in range(i + 1, min(len(doc), i + 2 + MAX_TOKENS)):
            if doc[j].text in self.close_br:
                return (i + 1, j) if j > i + 1 else None
        return None

    def _new(self, doc: Doc, ent: Span, a: int, b: int) -> Span | None:
        inner = doc[a:b].text
        if ent.label_ == "ORG" and b - a == 1 and self.is_acronym(inner):
            return make_span(doc, a, b, "ORG", SOURCE)
        if (
            ent.label_ in ("PER", "LOC")
            and all(is_capitalised(t.text) for t in doc[a:b] if t.is_alpha)
            and "none" != _script(inner) != _script(ent.text) != "none"
        ):
            return make_span(doc, a, b, ent.label_, SOURCE)
        return None

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        taken = {i for e in ents for i in range(e.start, e.end)}
        new: list[Span] = []
        for ent in ents:
            i = ent.end + (1 if ent.end < len(doc) and doc[ent.end].is_space else 0)
            rng = self._bracket(doc, i)
            if rng and not taken & set(range(*rng)):
                span = self._new(doc, ent, *rng)
                if span is not None:
                    new.append(span)
        if new:
            set_ents(doc, ents + new)
        return doc


@Language.factory(
    "ner_bracket_acronyms", default_config={"rules": "org_rules.json", "punct": "punctuation.json"}
)
def make_acronyms(nlp: Language, name: str, rules: str, punct: str) -> BracketAcronyms:
    return BracketAcronyms(rules, punct)
