"""Span edges: no quotes or brackets at the ends, one mention per bracket, list separators split mentions.

natasha often takes 'ПАСЕ (' or '«Газпром»' or 'Ши Тао (Shi Tao)' or 'Монако • Намибия' as one span. This
component cuts every mention into parts at separators and brackets (a bracketed part becomes a mention of its
own with the same label), splits at a quote opened and not closed inside the span, and strips punctuation off
both ends. Token classes come from models/ner/punctuation.json.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .names import is_abbreviation_of, same_initials, script
from .resources import load_json
from .spans import has_letter, make_span, set_ents

SOURCE = "punct"


def _is_abbreviation(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class PunctRules:
    def __init__(self, data: str = "punctuation.json") -> None:
        cfg = load_json(data)
        self.open_br = set(cfg["open_brackets"])
        self.close_br = set(cfg["close_brackets"])
        self.open_q = set(cfg["open_quotes"])
        self.close_q = set(cfg["close_quotes"])
        self.quotes = self.open_q | self.close_q | set(cfg["neutral_quotes"])
        self.sep_all = set(cfg["separators_all"])
        self.sep_non_org = set(cfg["separators_non_org"])

    def _is_sep(self, text: str, label: str) -> bool:
        return text in self.sep_all or (label != "ORG" and text in self.sep_non_org)

    def _pieces(self, span: Span) -> list[tuple[int, int, bool]]:
        """Token ranges of `span` after cutting at separators, brackets and unclosed opening quotes, each
        with a flag: True if the range was inside brackets."""
        doc, label = span.doc, span.label_
        pieces: list[tuple[int, int, bool]] = []
        inside = False
        start = span.start
        for i in range(span.start, span.end):
            t = doc[i].text
            cut = (
                self._is_sep(t, "" if inside else label)  # 'ИГ, ИГИЛ' in brackets: commas separate names
                or t in self.open_br
                or t in self.close_br
                or doc[i].is_space
            )
            if not cut and t in self.open_q and i > span.start:
                # closed inside the span, or right after it behind a one-word descriptor
                # ('НП «Эксперты рынка труда|»', left to ner_org_prefix), is not unclosed
                end = span.end + 1 if i - span.start == 1 else span.end
                rest = {doc[j].text for j in range(i + 1, min(end, len(doc)))}
                cut = not (rest & self.close_q)
            if cut:
                pieces.append((start, i, inside))
                start = i + (0 if t in self.open_q else 1)
                inside = t in self.open_br or (inside and t not in self.close_br)
        pieces.append((start, span.end, inside))
        return pieces

    def _strip(self, doc: Doc, a: int, b: int) -> tuple[int, int]:
        def junk(i: int) -> bool:
            t = doc[i].text
            return (
                doc[i].is_space
                or t in self.quotes
                or t in self.open_br
                or t in self.close_br
                or (not has_letter(t) and not any(c.isdigit() for c in t))
            )

        while a < b and junk(a):
            a += 1
        while b > a and junk(b - 1):
            # keep the closing quote of a quoted part inside the name: 'Центра исследований «Хармун»'
            if doc[b - 1].text in self.close_q and any(
                doc[j].text in self.open_q for j in range(a + 1, b - 1)
            ):
                break
            b -= 1
        return a, b

    @staticmethod
    def _bracket_label(inner: str, main: str, label: str) -> str | None:
        """Label of a bracketed part of a mention whose unbracketed part is `main` (None: not a name)."""
        if _is_abbreviation(inner) and " " not in inner:
            # 'Республике Молдова (РМ)' abbreviates the place; '(KOTRA)', '(USAID)' after a place is an
            # organisation (country codes go back to LOC in the ruler)
            return label if label != "ORG" and is_abbreviation_of(inner, main) else "ORG"
        if label in ("PER", "LOC") and "none" != script(inner) != script(main) != "none":
            # another script: the same name transliterated ('Ши Тао (Shi Tao)'), or something else
            # ('Карлос Сайнс (Toro Rosso)', his team) that we can't label
            return label if same_initials(main, inner) else None
        return label

    def __call__(self, doc: Doc) -> Doc:
        out: list[Span] = []
        changed = False
        for ent in doc.ents:
            parts = [(*self._strip(doc, a, b), inside) for a, b, inside in self._pieces(ent)]
            # a lone letter left over ('Эрдоган\nА') is no name; 'G-20' is
            parts = [
                (a, b, inside)
                for a, b, inside in parts
                if has_letter(doc[a:b].text) and b - a + len(doc[a].text) > 2
            ]
            if [(a, b) for a, b, _ in parts] == [(ent.start, ent.end)]:
                out.append(ent)
                continue
            changed = True
            main = next((doc[a:b].text for a, b, inside in parts if not inside), "")
            for a, b, inside in parts:
                label = (
                    self._bracket_label(doc[a:b].text, main, ent.label_) if inside and main else ent.label_
                )
                if label:
                    out.append(make_span(doc, a, b, label, SOURCE))
        if changed:
            set_ents(doc, out)
        return doc


@Language.factory("ner_punct", default_config={"data": "punctuation.json"})
def make_punct(nlp: Language, name: str, data: str) -> PunctRules:
    return PunctRules(data)
