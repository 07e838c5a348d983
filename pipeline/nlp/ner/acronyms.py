"""An abbreviation in brackets right after a name is a mention of its own: 'институт (KIAT)' -> ORG 'KIAT'.

After an ORG the bracketed abbreviation is an ORG. After any mention a name in the other script
('Ши Тао (Shi Tao)', 'Международная амнистия (Amnesty International)') takes the label of the name before
it. An abbreviation after words that contain an organisation head noun ('... атомной электростанции (ХАЭС)')
is an ORG even when natasha missed the name. Brackets that already hold a mention are left alone. A
closing quote ('«Фольксваген» (Volkswagen)') or an earlier bracket ('Комитет защиты журналистов (КЗЖ)
(Committee to Protect Journalists)') may stand between the name and the bracket.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .morph import lemmas
from .names import same_initials, script
from .resources import load_json
from .spans import is_capitalised, make_span, set_ents, token_texts

SOURCE = "acronym"
MAX_TOKENS = 6


class BracketAcronyms:
    def __init__(
        self, rules: str = "org_rules.json", punct: str = "punctuation.json", heads: str = "org_heads.json"
    ) -> None:
        cfg, p = load_json(rules), load_json(punct)
        self.acronym = re.compile(cfg["acronym_regex"])
        self.max_lower = int(cfg["acronym_max_lower"])
        self.open_br = set(p["open_brackets"])
        self.heads = set(load_json(heads)["heads"])
        self.close_br = set(p["close_brackets"])
        self.close_q = set(p["close_quotes"]) | {'"'}

    @staticmethod
    def _skip_space(doc: Doc, i: int) -> int:
        return i + 1 if i < len(doc) and doc[i].is_space else i

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

    def _new(self, doc: Doc, label: str, name: str, a: int, b: int) -> Span | None:
        inner = doc[a:b].text
        if label == "ORG" and b - a == 1 and self.is_acronym(inner):
            return make_span(doc, a, b, "ORG", SOURCE)
        if (
            is_capitalised(inner)
            and all(is_capitalised(t.text) for t in doc[a:b] if t.is_alpha and len(t) > 3)
            and "none" != script(inner) != script(name) != "none"
            and (label == "ORG" or same_initials(name, inner))  # ORG: often a translation
        ):
            return make_span(doc, a, b, label, SOURCE)
        return None

    def _after_org_words(self, doc: Doc, i: int) -> bool:
        """True if the words just before token i (within the clause) contain an organisation head noun."""
        j = i - 1
        while j >= 0 and i - j <= MAX_TOKENS and (doc[j].is_alpha or doc[j].text == "-"):
            if lemmas(doc[j].text) & self.heads:
                return True
            j -= 1
        return False

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        taken = {i for e in ents for i in range(e.start, e.end)}
        new: list[Span] = []
        ends = {self._skip_space(doc, e.end): e for e in ents}
        # '«Фольксваген» (Volkswagen)': a closing quote may stand between the name and the bracket
        for e in ents:
            if e.end < len(doc) and doc[e.end].text in self.close_q:
                ends.setdefault(self._skip_space(doc, e.end + 1), e)
        for i, text in enumerate(token_texts(doc)):  # every token is tested: strings, not Token objects
            if text not in self.open_br:
                continue
            rng = self._bracket(doc, i)
            if not rng or taken & set(range(*rng)):
                continue
            ent = ends.get(i)
            if ent is not None:
                span = self._new(doc, ent.label_, ent.text, *rng)
            elif rng[1] - rng[0] == 1 and self.is_acronym(doc[rng[0]].text) and self._after_org_words(doc, i):
                span = make_span(doc, rng[0], rng[1], "ORG", SOURCE)
            else:
                span = None
            if span is not None:
                new.append(span)
            if ent is not None:
                # 'Комитет защиты журналистов (КЗЖ) (Committee to Protect Journalists)': a second bracket
                ends.setdefault(self._skip_space(doc, rng[1] + 1), ent)
        if new:
            set_ents(doc, ents + new)
        return doc


@Language.factory(
    "ner_bracket_acronyms", default_config={"rules": "org_rules.json", "punct": "punctuation.json"}
)
def make_acronyms(nlp: Language, name: str, rules: str, punct: str) -> BracketAcronyms:
    return BracketAcronyms(rules, punct)
