"""Join names natasha cut in two: an ORG followed by a genitive LOC/ORG that completes it.

'Ассамблеи народа | Казахстана' and 'Парламентской ассамблеи | Совета Европы' are each one organisation name;
'МИД | РФ' or 'Министерства сельского хозяйства | Германии' (an institution and its country) stay two, as
the gold convention has it. Rules, with the words that decide, come from models/ner/merge_rules.json.

Before the pairwise joins, an ORG takes the complement that names its remit or its parent ('complements' in
merge_rules.json): 'Бюро | США | по патентам и товарным знакам', 'Следственного комитета | при прокуратуре',
'Совета при Президенте | РФ | по развитию информационного общества', 'МЧС | России | по Санкт-Петербургу |
и | Ленобласти'. A lower-case 'по' phrase needs an institution noun in the ORG and is no discourse phrase
('по итогам года', 'по словам ...'); a 'при' phrase names a person, a name or an institution ('при
главном архитекторе Москвы'), not a circumstance ('при поддержке').
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .morph import can_be_case, case_numbers, cases, lemmas, tags
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
        comp = cfg["complements"]
        self.heads = set(load_json("org_heads.json")["heads"]) | set(comp["extra_heads"])
        self.po_not = set(comp["po_not_lemmas"])
        self.pri_not = set(comp["pri_not_lemmas"])
        self.max_words = int(comp["max_words"])

    # --- complements: 'по ...', 'при ...' after an ORG -----------------------------------------------

    @staticmethod
    def _word(doc: Doc, k: int, case: str) -> tuple[bool, bool]:
        """(token k is a lower-case word that can be `case`, it can be a noun in that case)."""
        if k >= len(doc) or not doc[k].is_alpha or not doc[k].text.islower():
            return False, False
        w = doc[k].text
        found = tags(w)
        if not found or found[0].POS not in ("NOUN", "ADJF"):
            return False, False
        noun = any(c == case for c, _ in case_numbers(w, "NOUN"))
        return noun or any(c == case for c, _ in case_numbers(w, "ADJ")), noun

    def _phrase(self, doc: Doc, k: int, case: str, limit: int) -> int | None:
        """End of a lower-case noun phrase in `case` from token k ('атомной энергии'), words joined by 'и'
        allowed ('патентам и товарным знакам'); it ends in a noun. None if there is none."""
        end, i = None, k
        while i < len(doc) and i - k < limit:
            ok, noun = self._word(doc, i, case)
            if ok:
                i += 1
                if noun:
                    end = i
                continue
            if end == i and doc[i].text == "и" and self._word(doc, i + 1, case)[0]:
                i += 1
                continue
            break
        return end

    def _genitive_tail(self, doc: Doc, k: int) -> int:
        """'по развитию | информационного общества': lower-case genitive words ending in a noun."""
        end = self._phrase(doc, k, "Gen", 4)
        return k if end is None else end

    def _mention_at(self, starts: dict[int, Span], k: int, labels: tuple[str, ...]) -> Span | None:
        m = starts.get(k)
        return m if m is not None and m.label_ in labels else None

    def _complement(self, doc: Doc, starts: dict[int, Span], k: int, headed: bool) -> int | None:
        """End of a 'по ...' / 'при ...' complement starting at token k, or None."""
        if k + 1 >= len(doc) or not doc[k - 1].whitespace_:
            return None
        word = doc[k].text.lower()
        if word == "по":
            loc = self._mention_at(starts, k + 1, ("LOC",))
            if loc is not None and can_be_case(loc[0].text, "Dat"):
                end = loc.end
                # 'по Санкт-Петербургу и Ленобласти'
                while end + 1 < len(doc) and doc[end].text == "и":
                    more = self._mention_at(starts, end + 1, ("LOC",))
                    if more is None or not can_be_case(more[0].text, "Dat"):
                        break
                    end = more.end
                return end
            if not headed or lemmas(doc[k + 1].text.lower()) & self.po_not:
                return None
            end = self._phrase(doc, k + 1, "Dat", self.max_words)
            return None if end is None else self._genitive_tail(doc, end)
        if word == "при" and headed:
            # adjectives, then the noun: a name, a person or an institution
            i = k + 1
            while i < len(doc) and self._word(doc, i, "Loc") == (True, False):
                i += 1
            if i >= len(doc) or not doc[i].is_alpha or "Loc" not in cases(doc[i].text, "NOUN"):
                return None
            w = doc[i].text
            found = lemmas(w.lower())
            if found & self.pri_not:
                return None
            if not (w[0].isupper() or found & self.heads or any("anim" in t for t in tags(w)[:1])):
                return None
            end = i + 1
            name = self._mention_at(starts, end, ("LOC", "ORG"))
            if name is not None and can_be_case(name[0].text, "Gen") and i + 1 == name.start:
                return name.end  # 'при главном архитекторе | Москвы'
            return self._genitive_tail(doc, end)
        return None

    def _owns_complement(self, word: str) -> bool:
        """A lower-case institution noun right before an ORG takes the 'по'/'при' phrase after it
        ('комитета | Совета Федерации по обороне'); a person's role does not ('представитель | Следственного
        комитета при прокуратуре')."""
        if not word.isalpha() or not word.islower():
            return False
        found = tags(word)
        return bool(found) and found[0].POS == "NOUN" and bool(lemmas(word) & self.heads)

    def _extend(self, doc: Doc, ents: list[Span]) -> list[Span]:
        starts = {e.start: e for e in ents}
        out: list[Span] = []
        skip_to = 0
        for e in ents:
            if e.start < skip_to:
                continue
            if e.label_ != "ORG":
                out.append(e)
                continue
            headed = any(lemmas(t.text.lower()) & self.heads for t in e if t.is_alpha)
            if headed and e.start > 0 and self._owns_complement(doc[e.start - 1].text):
                headed = False  # 'председатель комитета | Совета Федерации | по делам': the phrase is theirs
            end = e.end
            while end < len(doc):
                nxt = self._complement(doc, starts, end, headed)
                if nxt is None:
                    # a country or parent body in the genitive, then the complement ('Бюро | США | по ...')
                    name = self._mention_at(starts, end, ("LOC", "ORG"))
                    if name is None or not doc[end - 1].whitespace_:
                        break
                    cuts = [name.end] + [
                        i for i in range(name.start + 1, name.end) if doc[i].text in ("по", "при")
                    ]
                    nxt = None
                    for cut in cuts:
                        if can_be_case(doc[name.start].text, "Gen"):
                            nxt = self._complement(doc, starts, cut, headed)
                        if nxt is not None:
                            break
                    if nxt is None:
                        break
                end = nxt
            if end == e.end:
                out.append(e)
                continue
            out.append(make_span(doc, e.start, end, "ORG", SOURCE))
            skip_to = end
        return out

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
        if any(e.label_ == "ORG" for e in ents):
            extended = self._extend(doc, ents)
            if len(extended) != len(ents) or any(
                a.end != b.end for a, b in zip(extended, ents, strict=False)
            ):
                set_ents(doc, extended)
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
