"""ORG names without legal forms or a one-word descriptor before a quoted name.

'ОАО «Газпром»' -> 'Газпром', 'Концерн «Майкрософт»' -> 'Майкрософт', 'ЗАО Рога' -> 'Рога'. Runs after
ner_punct, so quotes at the span ends are already gone; here the quote is inside the span.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .resources import load_json
from .spans import has_letter, make_span, set_ents

SOURCE = "org_prefix"


class OrgPrefix:
    def __init__(self, rules: str = "org_rules.json", punct: str = "punctuation.json") -> None:
        cfg, p = load_json(rules), load_json(punct)
        self.legal = {x.lower() for x in cfg["legal_forms"]}
        self.max_desc = int(cfg["max_descriptor_tokens"])
        # apostrophes are not quotes here: 'Christie’s' must stay whole
        self.open_q = set(p["open_quotes"]) | {'"'}
        self.close_q = set(p["close_quotes"]) | {'"'}

    def _fix(self, ent: Span) -> tuple[int, int]:
        doc, a, b = ent.doc, ent.start, ent.end
        while b - a > 1 and doc[a].text.lower() in self.legal:
            a += 1
        while a < b and doc[a].text in self.open_q:  # the quote after a dropped legal form
            a += 1
        # descriptor «Name»: the quote opens within the first max_desc + 1 tokens and closes at the end
        for q in range(a + 1, min(b, a + self.max_desc + 1)):
            if doc[q].text in self.open_q:
                end = b - 1 if doc[b - 1].text in self.close_q else b
                if end > q + 1 and has_letter(doc[q + 1 : end].text):
                    return q + 1, end
        while b > a and doc[b - 1].text in self.close_q:
            if any(doc[j].text in self.open_q for j in range(a + 1, b - 1)):
                break  # closes a quoted part inside the name
            b -= 1
        return a, b

    def __call__(self, doc: Doc) -> Doc:
        out: list[Span] = []
        changed = False
        for ent in doc.ents:
            if ent.label_ == "ORG":
                a, b = self._fix(ent)
                if (a, b) != (ent.start, ent.end) and b > a:
                    out.append(make_span(doc, a, b, "ORG", SOURCE))
                    changed = True
                    continue
            out.append(ent)
        if changed:
            set_ents(doc, out)
        return doc


@Language.factory("ner_org_prefix", default_config={"rules": "org_rules.json", "punct": "punctuation.json"})
def make_org_prefix(nlp: Language, name: str, rules: str, punct: str) -> OrgPrefix:
    return OrgPrefix(rules, punct)
