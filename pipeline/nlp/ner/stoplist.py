"""Drop obvious non-entities and trim role words off the front of names (models/ner/stoplist.json)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .morph import is_known, lemmas, tags, vocab
from .resources import load_json
from .spans import make_span, set_ents

SOURCE = "stoplist"
_SENT_END = {".", "!", "?", "…", "\n"}


def _sentence_initial(doc: Doc, i: int) -> bool:
    j = i - 1
    while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
        j -= 1
    return j < 0 or doc[j].is_space or doc[j].text in _SENT_END or doc[j].text in {"«", '"', "—", "–", "-"}


class StopList:
    def __init__(self, data: str = "stoplist.json") -> None:
        cfg = load_json(data)
        self.drop = {label: {w.lower() for w in words} for label, words in cfg["drop"].items()}
        self.trim = {w.lower() for w in cfg["trim_leading"]}
        self.proper = set(cfg["proper_tags"])
        self.common_words = bool(cfg["sentence_initial_common_words"])
        self.max_chars = int(cfg["max_chars"])
        self.max_token_chars = int(cfg["max_token_chars"])
        vocab()  # load pymorphy2 now, not on the first document

    def _is_stopped(self, ent: Span) -> bool:
        if ent.end_char - ent.start_char > self.max_chars or any(len(t) > self.max_token_chars for t in ent):
            return True
        words = self.drop.get(ent.label_, set()) | self.drop.get("*", set())
        text = ent.text.lower()
        if len(ent) == 1 and self._is_role(ent[0].text):  # 'Замглавы' alone is no name
            return True
        return text in words or (len(ent) == 1 and bool(lemmas(text) & words))

    def _is_compound_common_noun(self, ent: Span) -> bool:
        """'IT-специалист', 'PR-менеджер': an acronym glued to a lower-case common noun names nobody."""
        if len(ent) != 1 or "-" not in ent.text:
            return False
        head, _, last = ent.text.rpartition("-")
        if not (head.isupper() and last.isalpha() and last.islower() and is_known(last)):
            return False
        return not any(self.proper & t.grammemes for t in tags(last))

    def _is_role(self, word: str) -> bool:
        return word.lower() in self.trim or bool(lemmas(word) & self.trim)

    def _is_common_word(self, ent: Span) -> bool:
        if not self.common_words or len(ent) != 1 or not _sentence_initial(ent.doc, ent.start):
            return False
        word = ent.text.lower()
        if not ent.text.isalpha() or ent.text.isupper() or not is_known(word):
            return False
        found = tags(word)
        if any(self.proper & t.grammemes for t in found):
            return False
        return ent.label_ != "ORG" or not any("NOUN" in t for t in found)

    def __call__(self, doc: Doc) -> Doc:
        out: list[Span] = []
        changed = False
        for ent in doc.ents:
            if self._is_stopped(ent) or self._is_common_word(ent) or self._is_compound_common_noun(ent):
                changed = True
                continue
            a = ent.start
            while ent.end - a > 1 and self._is_role(doc[a].text):
                a += 1
            if a != ent.start:
                # 'Замминистра промышленности и торговли' leaves no name behind
                if doc[a].text[:1].isupper() or doc[a].text[:1].isdigit():
                    out.append(make_span(doc, a, ent.end, ent.label_, SOURCE))
                changed = True
            else:
                out.append(ent)
        if changed:
            set_ents(doc, out)
        return doc


@Language.factory("ner_stoplist", default_config={"data": "stoplist.json"})
def make_stoplist(nlp: Language, name: str, data: str) -> StopList:
    return StopList(data)
