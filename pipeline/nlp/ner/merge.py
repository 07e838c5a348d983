"""Join names natasha cut in two: an ORG followed by a genitive LOC/ORG that completes it.

'Ассамблеи народа | Казахстана' and 'Парламентской ассамблеи | Совета Европы' are each one organisation name;
'МИД | РФ' or 'Министерства сельского хозяйства | Германии' (an institution and its country) stay two, as
the gold convention has it. Rules, with the words that decide, come from models/ner/merge_rules.json.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .morph import can_be_case, cases, lemmas
from .resources import load_json
from .spans import is_capitalised, make_span, set_ents

SOURCE = "merge"


def _is_abbreviation(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


class MergeAdjacent:
    def __init__(self, data: str = "merge_rules.json") -> None:
        cfg = load_json(data)
        self.rules: dict[tuple[str, str], list[dict]] = {}
        for r in cfg["rules"]:
            self.rules.setdefault((r["left"], r["right"]), []).append(r)
        self.gaps = set(cfg["gaps"])

    def _join(self, doc: Doc, left: Span, right: Span) -> Span | None:
        rules = self.rules.get((left.label_, right.label_))
        if not rules or not is_capitalised(right.text):
            return None
        between = doc[left.end : right.start]
        if len(between) > 2 or any(t.is_space for t in between):
            return None
        via = "".join(t.text for t in between)
        for rule in rules:
            if "via" in rule:
                # 'Театра им. | Йозефа Бойса', 'МЧС | по | Санкт-Петербургу': a linking word between the two
                if via not in rule["via"] and left[-1].text.lower() + via not in rule["via"]:
                    continue
                if "right_case" in rule and not can_be_case(right[0].text, rule["right_case"]):
                    continue
                return make_span(doc, left.start, right.end, rule["result"], SOURCE)
            # adjacent, one space apart
            if between or doc[left.end - 1].whitespace_ not in self.gaps or _is_abbreviation(left[-1].text):
                continue
            if self._applies(rule, left, right):
                return make_span(doc, left.start, right.end, rule["result"], SOURCE)
        return None

    @staticmethod
    def _applies(rule: dict, left: Span, right: Span) -> bool:
        if rule.get("right_not_abbreviation") and _is_abbreviation(right[0].text):
            return False
        heads = rule.get("left_last_lemmas")
        if heads and not lemmas(left[-1].text) & set(heads):
            return False
        if rule.get("left_last_adjective"):
            # 'Межправительственная кыргызско-корейская' + 'Комиссия ...': an adjective agreeing with the noun
            last = left[-1].text.lower()
            return bool(cases(last, "ADJ") & cases(right[0].text)) and not cases(last, "NOUN")
        if right[0].text.isascii():  # Latin words don't decline: a genitive can't be confirmed
            return False
        return can_be_case(right[0].text, rule["right_case"])

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        if len(ents) < 2:
            return doc
        out: list[Span] = [ents[0]]
        for ent in ents[1:]:
            joined = self._join(doc, out[-1], ent)
            if joined is None:
                out.append(ent)
            else:
                out[-1] = joined
        if len(out) != len(ents):
            set_ents(doc, out)
        return doc


@Language.factory("ner_merge", default_config={"data": "merge_rules.json"})
def make_merge(nlp: Language, name: str, data: str) -> MergeAdjacent:
    return MergeAdjacent(data)
