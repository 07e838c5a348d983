"""Rules that look at the words around a mention, or at the whole document (models/ner/context_rules.json).

- org_tag: 'Феррари', 'Аль-Кайды' (pymorphy2's best parse is an organisation, Orgn) are ORG, not PER/LOC;
  'Аль-Джазиры Сами аль-Хадж' as one PER is an ORG and a PER.
- descriptor: 'команда Феррари', 'заявление партии Нацфронта': a one-word PER that is no person's name after
  an organisation noun is an ORG; 'клуб Бавария' likewise for a LOC after a sport noun.
- titles: a name that stands once in quotes after a vehicle/title noun ('шаттл «Дискавери»'), or is joined
  to such a name ('шаттлы «Индевор» и «Атлантис»'), is no ORG anywhere in the document ('после
  «Дискавери»'); nor is an unquoted ORG in apposition to a title noun ('телескопа Хаббл').
- adjective: a relational adjective before an ORG is part of its name in the gold convention
  ('японского МИДа', 'московского «Центра»'), and so is a listed one without that suffix ('государственной
  Комиссии').
- east_asian: 'Хвана | Чжан Епа' (natasha cut a Korean name in two) is one PER.
- lists: in '• Чили • Коста Рика • Эквадор •' a PER item between LOC items is a LOC, and an untagged
  capitalised item there is a LOC too.
- champion: 'чемпионат Европы', 'чемпионом Германии': the place natasha left untagged is a LOC.
- repeats: an ORG name (up to repeat_max_tokens words) stands for the same organisation where the
  document repeats it untagged ('«Фольксваген» (Volkswagen) ... «Фольксваген» имеет').
- facilities: an ORG headed by a facility noun ('Вашингтонском аэропорту', 'Дворце молодёжи', 'Космического
  центра Кеннеди'), or a one-word ORG right after one ('аэропорту «Домодедово»'), is a place: a LOC.
- institution: a lower-case state institution noun after a relational adjective names one institution
  ('японского дипломатического ведомства', 'в российском министерстве финансов'): an ORG, with the
  genitive words that complete it; 'российское правительство' or plurals ('антимонопольным службам') not.

The `rules` config picks which of them run (all by default), so each can be measured on its own.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .morph import case_numbers, cases, is_known, lemmas, tags, vocab
from .resources import load_json
from .spans import is_capitalised, make_span, set_ents

SOURCE = "context"
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*[«\"„“]?|^\s*[«\"„“]?)\s*$")
_JOINED = re.compile(r"[^«»\n.!?]*(?:\sи|,)\s+")
ALL_RULES = (
    "facilities",
    "org_tag",
    "descriptor",
    "repeats",
    "titles",
    "adjective",
    "east_asian",
    "lists",
    "champion",
    "institution",
)


def _best_tag_has(word: str, grammeme: str) -> bool:
    found = tags(word)
    return bool(found) and grammeme in found[0].grammemes


def _is_dictionary_org(word: str) -> bool:
    """pymorphy2's dictionary (not its guesser) lists `word` as an organisation first: 'Феррари',
    'Аль-Кайды'; for a hyphenated word each part must be in the dictionary ('МакЛарен-Мерседес')."""
    if word.isupper() or not _best_tag_has(word, "Orgn"):
        return False
    return is_known(word) or all(is_known(part) for part in word.split("-") if part)


class ContextRules:
    def __init__(self, data: str = "context_rules.json", rules: list[str] | None = None) -> None:
        cfg = load_json(data)
        self.rules = tuple(ALL_RULES if rules is None else rules)
        self.descriptors = set(cfg["org_descriptors"])
        self.place_descriptors = set(cfg["org_descriptors_for_places"])
        self.institutions = set(cfg["institution_nouns"])
        self.person_tags = set(cfg["person_tags"])
        self.adj_suffixes = tuple(cfg["relational_adjective_suffixes"])
        self.adj_lemmas = set(cfg["relational_adjective_lemmas"])
        fac = cfg["facilities"]
        self.facility_heads = set(fac["heads"])
        self.facility_phrases = [tuple(p) for p in fac["phrases"]]
        ea = cfg["east_asian"]
        self.ea_max_chars, self.ea_min_words, self.ea_max_words = (
            int(ea["max_word_chars"]),
            int(ea["min_words"]),
            int(ea["max_words"]),
        )
        self.list_seps = set(cfg["list_separators"])
        self.champion = set(cfg["champion_lemmas"])
        # a form of each lemma holds its first letters but the last two ('чемпион' -> 'чемпи')
        self.champion_stems = {w[: max(3, len(w) - 2)] for w in self.champion}
        inst = cfg["lowercase_institutions"]
        self.low_heads = set(inst["heads"])
        self.low_head_stems = tuple({w.rstrip("аеёиоуыэюяйь") for w in self.low_heads})
        self.low_max_complement = int(inst["max_complement_words"])
        # lower-case forms of a head: its stem and an ending ('министерств|ами'); the lemma is checked after
        self.low_head_re = re.compile(
            rf"(?<![\w-])(?:{'|'.join(sorted(self.low_head_stems))})[а-яё]{{0,3}}(?![\w-])"
        )
        self.repeat_max_tokens = int(cfg["repeat_max_tokens"])
        self.repeat_max_untagged_ratio = float(cfg["repeat_max_untagged_ratio"])
        self.proper_tags = set(load_json("stoplist.json")["proper_tags"])
        self.title_nouns = set(load_json("quoted_orgs.json")["not_org_lemmas"])
        p = load_json("punctuation.json")
        self.open_q = set(p["open_quotes"]) | {'"'}
        self.close_q = set(p["close_quotes"]) | {'"'}
        # one quoted word ('«Дискавери»'); the word before it is looked up behind the match
        self.quoted_word = re.compile(
            rf"[{re.escape(''.join(self.open_q))}]([^\W\d_]+)[{re.escape(''.join(self.close_q))}]"
        )
        vocab()  # load pymorphy2 now, not on the first document

    # --- helpers --------------------------------------------------------------------------------------

    def _is_person_word(self, word: str) -> bool:
        return any(self.person_tags & t.grammemes for t in tags(word))

    @staticmethod
    def _prev_word(doc: Doc, i: int) -> str | None:
        """The lower-cased word right before token i (one space apart), if it is a word."""
        if i == 0 or not doc[i - 1].is_alpha or not doc[i - 1].whitespace_:
            return None
        return doc[i - 1].text.lower()

    # --- rules ----------------------------------------------------------------------------------------

    def _org_tag(self, doc: Doc, ents: list[Span]) -> list[Span]:
        out: list[Span] = []
        for e in ents:
            first = e[0].text
            if e.label_ in ("PER", "LOC") and _is_dictionary_org(first) and not self._is_person_word(first):
                if len(e) == 1:
                    out.append(make_span(doc, e.start, e.end, "ORG", SOURCE))
                    continue
                if e.label_ == "PER" and is_capitalised(e[1].text) and is_capitalised(e[-1].text):
                    out.append(make_span(doc, e.start, e.start + 1, "ORG", SOURCE))
                    out.append(make_span(doc, e.start + 1, e.end, "PER", SOURCE))
                    continue
            out.append(e)
        return out

    def _descriptor(self, doc: Doc, ents: list[Span]) -> list[Span]:
        out: list[Span] = []
        for e in ents:
            prev = self._prev_word(doc, e.start) if len(e) == 1 and e.label_ in ("PER", "LOC") else None
            if prev is not None:
                found = lemmas(prev)
                if (
                    (e.label_ == "PER" and found & self.descriptors and not self._is_person_word(e.text))
                    or (e.label_ == "LOC" and found & self.place_descriptors)
                    or (e.label_ == "LOC" and found & self.institutions and not _best_tag_has(e.text, "Geox"))
                ):
                    out.append(make_span(doc, e.start, e.end, "ORG", SOURCE))
                    continue
            out.append(e)
        return out

    def _titles(self, doc: Doc, ents: list[Span]) -> list[Span]:
        if not any(e.label_ == "ORG" for e in ents):
            return ents
        names: set[str] = set()
        text = doc._.ner_text or doc.text
        last_title_end = -1
        for m in self.quoted_word.finditer(text):
            before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            # 'шаттлы «Индевор» (в конце апреля) и «Атлантис»': a name joined to a title name is one too
            joined = 0 <= m.start() - last_title_end <= 40 and _JOINED.fullmatch(
                text, last_title_end, m.start()
            )
            if joined or (before and lemmas(before.group(1).lower()) & self.title_nouns):
                names |= lemmas(m.group(1).lower())
                last_title_end = m.end()
        # 'телескопа Хаббл', 'под девизом The Right Move': an unquoted ORG in apposition right after a title
        # noun (Latin, or a nominative that cannot be a genitive: 'балета | Большого театра' is the owner)
        texts: set[str] = set()
        for e in ents:
            first = e[0].text
            if e.label_ == "ORG" and e[0].is_alpha and (first.isascii() or "Gen" not in cases(first)):
                prev = self._prev_word(doc, e.start)
                if prev is not None and lemmas(prev) & self.title_nouns:
                    texts.add(e.text)
        if not names and not texts:
            return ents
        return [
            e
            for e in ents
            if not (
                e.label_ == "ORG" and (e.text in texts or (len(e) == 1 and lemmas(e.text.lower()) & names))
            )
        ]

    def _is_relational_adjective(self, word: str, head: str, listed: bool = False) -> bool:
        """`word` is a relational adjective agreeing with `head`: it ends in -ский/-цкий, or (`listed`) its
        lemma is one of relational_adjective_lemmas ('государственной')."""
        if not word.isalpha() and not (word.count("-") == 1 and word.replace("-", "").isalpha()):
            return False
        if not word.islower():
            return False
        if not word.endswith(self.adj_suffixes) and not (listed and lemmas(word) & self.adj_lemmas):
            return False
        adj = cases(word, "ADJ")
        if not adj:
            return False
        head_cases = cases(head)
        return not head_cases or bool(adj & head_cases)

    def _adjective(self, doc: Doc, ents: list[Span]) -> list[Span]:
        out: list[Span] = []
        taken = {i for e in ents for i in range(e.start, e.end)}
        for e in ents:
            if e.label_ != "ORG":
                out.append(e)
                continue
            a, b = e.start, e.end
            quoted = a >= 2 and b < len(doc)
            quoted = quoted and doc[a - 1].text in self.open_q and doc[b].text in self.close_q
            j = a - 2 if quoted else a - 1
            if (
                j >= 0
                and j not in taken
                and doc[j].whitespace_
                and self._is_relational_adjective(doc[j].text, e[0].text, listed=True)
            ):
                out.append(make_span(doc, j, b + 1 if quoted else b, "ORG", SOURCE))
            else:
                out.append(e)
        return out

    def _is_facility(self, span: Span) -> bool:
        words = [lemmas(t.text.lower()) for t in span[:3]]
        for k in range(len(words)):
            if any(
                all(p in w for p, w in zip(ph, words[k:], strict=False)) and len(words) - k >= len(ph)
                for ph in self.facility_phrases
            ):
                return True
            if words[k] & self.facility_heads:
                # a singular head: 'Аэропорты регионов' (a company owning airports) is no place
                found = tags(span[k].text)
                return not found or "plur" not in found[0].grammemes
            # leading adjectives ('Вашингтонском аэропорту') are skipped; the first noun decides
            found = tags(span[k].text)
            if not found or found[0].POS != "ADJF":
                return False
        return False

    def _facilities(self, doc: Doc, ents: list[Span]) -> list[Span]:
        out: list[Span] = []
        for e in ents:
            if e.label_ == "ORG":
                j = e.start - 1 if e.start >= 2 and doc[e.start - 1].text in self.open_q else e.start
                prev = self._prev_word(doc, j) if len(e) == 1 else None
                if self._is_facility(e) or (prev is not None and lemmas(prev) & self.facility_heads):
                    out.append(make_span(doc, e.start, e.end, "LOC", SOURCE))
                    continue
            out.append(e)
        return out

    def _east_asian_words(self, span: Span) -> bool:
        return len(span) <= self.ea_max_words and all(
            t.is_alpha and is_capitalised(t.text) and len(t) <= self.ea_max_chars and not t.is_upper
            for t in span
        )

    def _east_asian(self, doc: Doc, ents: list[Span]) -> list[Span]:
        out: list[Span] = []
        for e in ents:
            last = out[-1] if out else None
            if (
                last is not None
                and last.label_ == e.label_ == "PER"
                and last.end == e.start
                and doc[last.end - 1].whitespace_ == " "
                and max(len(last), len(e)) >= self.ea_min_words
                and len(last) + len(e) <= self.ea_max_words + 1
                and self._east_asian_words(last)
                and self._east_asian_words(e)
            ):
                out[-1] = make_span(doc, last.start, e.end, "PER", SOURCE)
            else:
                out.append(e)
        return out

    def _sep_before(self, doc: Doc, i: int) -> bool:
        j = i - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        return j >= 0 and doc[j].text in self.list_seps

    def _sep_after(self, doc: Doc, i: int) -> bool:
        while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
            i += 1
        return i >= len(doc) or doc[i].text in self.list_seps or "\n" in doc[i].text

    def _lists(self, doc: Doc, ents: list[Span]) -> list[Span]:
        text = doc._.ner_text or doc.text  # the tokenizer's copy: doc.text would be rebuilt from tokens
        if not any(sep in text for sep in self.list_seps):
            return ents
        items = [e for e in ents if self._sep_before(doc, e.start) and self._sep_after(doc, e.end)]
        if len(items) < 3:
            return ents
        out = list(ents)
        for k, e in enumerate(items):
            # most of the two items on each side are places: 'Египет • Эль Сальвадор • Эфиопия • Грузия'
            near = items[max(0, k - 2) : k] + items[k + 1 : k + 3]
            if e.label_ == "PER" and len(near) >= 3 and sum(n.label_ == "LOC" for n in near) >= len(near) - 1:
                out[out.index(e)] = make_span(doc, e.start, e.end, "LOC", SOURCE)
        # untagged capitalised items between two LOC items
        taken = {i for e in ents for i in range(e.start, e.end)}
        starts = sorted(items, key=lambda s: s.start)
        for left, right in zip(starts, starts[1:], strict=False):
            if left.label_ != "LOC" or right.label_ != "LOC":
                continue
            gap = doc[left.end : right.start]
            words = [t for t in gap if not t.is_space and t.text not in self.list_seps]
            if (
                0 < len(words) <= 3
                and all(t.is_alpha and is_capitalised(t.text) and t.i not in taken for t in words)
                and words[-1].i - words[0].i == len(words) - 1
                and self._sep_before(doc, words[0].i)
                and self._sep_after(doc, words[-1].i + 1)
            ):
                out.append(make_span(doc, words[0].i, words[-1].i + 1, "LOC", SOURCE))
        return out

    def _champion(self, doc: Doc, ents: list[Span]) -> list[Span]:
        lower = (doc._.ner_text or doc.text).lower()
        if not any(stem in lower for stem in self.champion_stems):  # most documents: nothing to do
            return ents
        taken = {i for e in ents for i in range(e.start, e.end)}
        words = [t.text for t in doc]
        new: list[Span] = []
        for i in range(1, len(words)):
            w = words[i]
            if i in taken or not w.isalpha() or not is_capitalised(w) or not words[i - 1].isalpha():
                continue
            if lemmas(words[i - 1].lower()) & self.champion and _best_tag_has(w, "Geox"):
                new.append(make_span(doc, i, i + 1, "LOC", SOURCE))
        return ents + new

    @staticmethod
    def _agrees(adj: str, head: str) -> bool:
        """`adj` can agree in case with singular noun `head`."""
        head_cn = {cn for cn in case_numbers(head, "NOUN") if cn[1] == "Sing"}
        return bool(head_cn & case_numbers(adj, "ADJ"))

    @staticmethod
    def _is_genitive_word(word: str) -> tuple[bool, bool]:
        """(the lower-case `word` can be genitive, it can be a genitive noun)."""
        if not word.isalpha() or not word.islower():
            return False, False
        found = tags(word)
        if not found or found[0].POS not in ("NOUN", "ADJF"):  # 'в', 'и' are no words of a name
            return False, False
        noun = "Gen" in cases(word, "NOUN")
        return noun or "Gen" in cases(word, "ADJ"), noun

    def _institution(self, doc: Doc, ents: list[Span]) -> list[Span]:
        text = doc._.ner_text or doc.text
        found = [m for m in self.low_head_re.finditer(text) if m.start() > 0]
        if not found:  # most documents: nothing to do
            return ents
        taken = {i for e in ents for i in range(e.start, e.end)}
        new: list[Span] = []
        last_end = 0
        for m in found:
            head = doc.char_span(m.start(), m.end())
            if head is None or len(head) != 1 or head.start < last_end or head.start in taken:
                continue
            i, w = head.start, m.group(0)
            if not lemmas(w) & self.low_heads:
                continue
            # adjectives before the head, agreeing with it; one of them relational ('японского')
            j = i
            while j > 0 and doc[j - 1].whitespace_ and (j - 1) not in taken:
                prev = doc[j - 1].text
                if not prev.islower() or not prev.replace("-", "").isalpha() or not self._agrees(prev, w):
                    break
                j -= 1
            if j == i or not any(self._is_relational_adjective(doc[k].text, w) for k in range(j, i)):
                continue
            # genitive words that complete the name ('министерства | иностранных дел'), ending in a noun
            end, k = i + 1, i + 1
            while (
                k < len(doc)
                and k - i <= self.low_max_complement
                and k not in taken
                and doc[k - 1].whitespace_
            ):
                gen, noun = self._is_genitive_word(doc[k].text)
                if not gen:
                    break
                k += 1
                if noun:
                    end = k
            new.append(make_span(doc, j, end, "ORG", SOURCE))
            last_end = end
        return ents + new

    def _repeats(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """An organisation name tagged once is the same organisation where it stands again untagged
        ('«Фольксваген» (Volkswagen) ... «Фольксваген» имеет'); at a sentence start a common noun
        ('Стадион: ...') is taken for no name."""
        tagged: dict[str, int] = {}
        for e in ents:
            if e.label_ == "ORG" and len(e) <= self.repeat_max_tokens and len(e.text) >= 3:
                tagged[e.text] = tagged.get(e.text, 0) + 1
        names = set(tagged)
        if not names:
            return ents
        text = doc._.ner_text or doc.text
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w@#-])(?:{alternatives})(?![\w-])")  # not in #tags, @handles
        taken = {i for e in ents for i in range(e.start, e.end)}
        found: dict[str, list[Span]] = {}
        for m in pattern.finditer(text):
            span = doc.char_span(m.start(), m.end())
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            if _SENTENCE_START.search(text, max(0, m.start() - 6), m.start()) and self._is_common_word(
                span[0].text
            ):
                continue
            found.setdefault(m.group(0), []).append(span)
        # a name natasha read in context and left untagged far more often than it tagged it is more likely
        # its one error than an organisation (a weapon code, a law: 'Obamacare', 'ПТРД' ...)
        new = [
            make_span(doc, span.start, span.end, "ORG", SOURCE)
            for name, spans in found.items()
            if len(spans) <= self.repeat_max_untagged_ratio * tagged[name]
            for span in spans
        ]
        return ents + new

    def _is_common_word(self, word: str) -> bool:
        found = tags(word)
        return is_known(word) and bool(found) and not (self.proper_tags & found[0].grammemes)

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        before = [(e.start, e.end, e.label_) for e in ents]
        for rule in self.rules:
            ents = getattr(self, "_" + rule)(doc, ents)
        if [(e.start, e.end, e.label_) for e in ents] != before:
            set_ents(doc, ents)
        return doc


@Language.factory("ner_context", default_config={"data": "context_rules.json", "rules": None})
def make_context(nlp: Language, name: str, data: str, rules: list[str] | None) -> ContextRules:
    return ContextRules(data, rules)
