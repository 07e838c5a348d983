"""Give every mention of one thing the same canonical name: within a document (surnames, acronyms, short
forms join the full mention) and across documents (gazetteer names with ids and English names)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.nlp.normalize import normalize_mention
from pipeline.nlp.normalize.person import normalize_person

from . import acronyms, persons
from .gazetteer import Entry, Gazetteer
from .keys import match_key, strip_bracket


@dataclass(frozen=True)
class Link:
    canonical: str
    canonical_id: str | None
    name_en: str | None


class _Clusters:
    """Union-find over mention indices."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class Linker:
    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer()

    def link(self, text: str, mentions: Sequence[dict[str, Any]]) -> list[Link]:
        """One Link per mention, in the order given. `mentions` are one document's mentions."""
        if not mentions:
            return []
        doc = _Doc(text, mentions, self.gazetteer)
        return doc.links()


class _Doc:
    def __init__(self, text: str, mentions: Sequence[dict[str, Any]], gazetteer: Gazetteer) -> None:
        self.text = text
        self.mentions = mentions
        self.labels = [m.get("label", "") for m in mentions]
        normals = [m.get("normal") or normalize_mention(m["text"], m.get("label", "")) for m in mentions]
        self.cores = [strip_bracket(n).strip() or n for n in normals]
        self.keys = [match_key(c) for c in self.cores]
        # Mentions with one key are joined first; the pairwise rules then compare one mention per key, so a
        # long document (thousands of mentions, few distinct names) stays fast.
        first: dict[str, int] = {}
        self.reps = [first.setdefault(k, i) for i, k in enumerate(self.keys) if k not in first]
        self.clusters = _Clusters(len(mentions))
        self.defined = self._acronym_definitions()
        self.candidates = [self._gazetteer_candidates(i, gazetteer) for i in range(len(mentions))]
        self.entries = self._resolve_ambiguous()

    # -- evidence ---------------------------------------------------------------------------------------
    def _acronym_definitions(self) -> dict[str, int]:
        defined: dict[str, int] = {}
        for i, m in enumerate(self.mentions):
            d = acronyms.definition(m["text"], self.text, m["end"])
            if d:
                defined.setdefault(match_key(d[0]), i)
        return defined

    def _gazetteer_candidates(self, i: int, gazetteer: Gazetteer) -> list[Entry]:
        if self.labels[i] == "PER":
            return []
        if acronyms.is_acronym(self.mentions[i]["text"]) and self.keys[i] in self.defined:
            return []  # the document's own definition wins over the gazetteer
        return gazetteer.lookup(self.cores[i]) or gazetteer.lookup(strip_bracket(self.mentions[i]["text"]))

    def _resolve_ambiguous(self) -> list[Entry | None]:
        """Pick among several gazetteer entries (РК: Kazakhstan or Korea) by what else the document mentions;
        leave the mention unresolved when the document does not tell."""
        support: Counter[str] = Counter()
        for cands in self.candidates:
            if len(cands) == 1:
                support[cands[0].id] += 1
                if cands[0].country and cands[0].country != cands[0].id:
                    support[cands[0].country] += 1
        lowered = self.text.lower()
        context_hits: dict[str, int] = {}

        def hits(e: Entry) -> int:  # counted once per entry: the text may be long
            if e.id not in context_hits:
                context_hits[e.id] = sum(lowered.count(c) for c in e.context)
            return context_hits[e.id]

        out: list[Entry | None] = []
        for i, cands in enumerate(self.candidates):
            if len(cands) <= 1:
                out.append(cands[0] if cands else None)
                continue
            # A candidate named right next to it (из РК в Корею) is a different place: РК is the other one.
            named = self._named_nearby(i)
            cands = [e for e in cands if e.id not in named] or cands
            if len(cands) == 1:
                out.append(cands[0])
                continue
            out.append(_unique_best(cands, lambda e: support[e.id]) or _unique_best(cands, hits))
        return out

    def _named_nearby(self, i: int, window: int = 6) -> set[str]:
        """Entities another mention names within a few words (из РК в Корею, РК и Корея)."""
        start, end = self.mentions[i]["start"], self.mentions[i]["end"]
        # Mentions come sorted by start, so the ones within a few characters are next to i in the list.
        near = range(max(0, i - 3), min(len(self.candidates), i + 4))
        return {
            self.candidates[j][0].id
            for j in near
            if j != i
            and len(self.candidates[j]) == 1
            and (
                0 <= self.mentions[j]["start"] - end <= window
                or 0 <= start - self.mentions[j]["end"] <= window
            )
        }

    # -- joining ----------------------------------------------------------------------------------------
    def _join_same_names(self) -> None:
        first: dict[str, int] = {}
        for i, k in enumerate(self.keys):
            self.clusters.join(first.setdefault(k, i), i)

    def _join_acronyms(self) -> None:
        for i, m in enumerate(self.mentions):
            if acronyms.is_acronym(m["text"]) and self.keys[i] in self.defined:
                self.clusters.join(i, self.defined[self.keys[i]])
        initials: dict[int, set[str]] = {}
        for i in self.reps:
            m = self.mentions[i]
            if not acronyms.is_acronym(m["text"]) or self.entries[i] or self.keys[i] in self.defined:
                continue
            acr = match_key(m["text"])
            targets = []
            for j in self.reps:
                if self.labels[j] == "PER":
                    continue
                if j not in initials:
                    initials[j] = {match_key(x) for x in acronyms.initials(self.cores[j])}
                if acr in initials[j]:
                    targets.append(j)
            self._join_unique(i, targets)

    def _join_persons(self) -> None:
        names = [
            persons.words(c) if lab == "PER" else [] for c, lab in zip(self.cores, self.labels, strict=True)
        ]
        order = sorted(self.reps, key=lambda i: -len(names[i]))  # join longer names first
        for i in reversed(order):
            if not names[i]:
                continue
            exact = [j for j in order if names[j] and set(names[i]) < set(names[j])]
            stems = [j for j in order if persons.refers_to(names[i], names[j])]
            # A nominative surname shows gender; prefer full names of that gender when there is one.
            stems = [j for j in stems if _same_gender(names[i], names[j])] or stems
            self._join_unique(i, exact or stems)

    def _join_org_heads(self) -> None:
        """`Комиссия` (or a contraction, `Нацбанк`) alone refers to the one longer organisation of the
        document headed by that word."""
        for i in self.reps:
            if (
                self.labels[i] != "ORG"
                or self.entries[i]
                or " " in self.keys[i]
                or acronyms.is_acronym(self.cores[i])
            ):
                continue
            targets = [
                j
                for j in self.reps
                if self.labels[j] == "ORG"
                and " " in (k := self.keys[j])
                and (k.split(" ")[0] == self.keys[i] or acronyms.is_contraction(self.keys[i], k))
            ]
            self._join_unique(i, targets)

    def _join_longer_names(self) -> None:
        """A multiword organisation name refers to the one longer organisation of the document it shortens:
        the same name without its capitalised dependent (Генеральная Ассамблея: Генеральная Ассамблея ООН),
        or with its first words contracted (Нацбанк Белоруссии: Национальный банк Белоруссии)."""
        for i in self.reps:
            if self.labels[i] != "ORG" or self.entries[i] or " " not in self.keys[i]:
                continue
            short = self.keys[i]
            first, rest = short.split(" ", 1)
            targets = [
                j
                for j in self.reps
                if j != i
                and self.labels[j] == "ORG"
                and (
                    _shortens(short, self.keys[j], self.cores[j])
                    or (
                        self.keys[j].endswith(" " + rest)
                        and acronyms.is_contraction(first, self.keys[j][: -len(rest) - 1])
                    )
                )
            ]
            self._join_unique(i, targets)

    def _join_unique(self, i: int, targets: list[int]) -> None:
        roots = {self.clusters.root(j) for j in targets if j != i}
        if len(roots) == 1:
            self.clusters.join(i, roots.pop())

    def _person_canonical(self, rep: int, idx: list[int]) -> str:
        """The representative's normal form; for a person whose other mentions show the gender (Назима
        Абдыкадырова ... Абдыкадыровой), the representative normalised in that gender."""
        if self.labels[rep] != "PER" or len(idx) < 2:
            return self.cores[rep]
        gender = persons.document_gender([self.mentions[i]["text"] for i in idx])
        if gender is None:
            return self.cores[rep]
        try:
            text = strip_bracket(self.mentions[rep]["text"]).strip()
            return strip_bracket(normalize_person(text, gender)).strip() or self.cores[rep]
        except Exception:  # a canonical is never worth failing a document for
            return self.cores[rep]

    # -- output -----------------------------------------------------------------------------------------
    def links(self) -> list[Link]:
        self._join_same_names()
        self._join_longer_names()
        self._join_acronyms()
        self._join_persons()
        self._join_org_heads()
        members: dict[int, list[int]] = {}
        for i in range(len(self.mentions)):
            members.setdefault(self.clusters.root(i), []).append(i)
        by_root: dict[int, Link] = {}
        for root, idx in members.items():
            found = Counter(self.entries[i].id for i in idx if self.entries[i] is not None)
            if found:
                e = next(
                    self.entries[i]
                    for i in idx
                    if self.entries[i] and self.entries[i].id == found.most_common(1)[0][0]
                )
                by_root[root] = Link(e.canonical, e.id, e.name_en)
            else:
                rep = max(idx, key=lambda i: (len(self.cores[i].split()), len(self.cores[i]), -i))
                by_root[root] = Link(self._person_canonical(rep, idx), None, None)
        return [by_root[self.clusters.root(i)] for i in range(len(self.mentions))]


def _unique_best(cands: list[Entry], score) -> Entry | None:
    scored = sorted(((score(e), e) for e in cands), key=lambda t: -t[0])
    if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return scored[0][1]
    return None


def _same_gender(short: list[str], full: list[str]) -> bool:
    """A nominative surname shows gender (Усенбекова / Усенбеков); an oblique one (Усенбекову) does not."""
    if len(short) != 1:
        return True
    fem, masc = persons.is_feminine_surname(short[0]), persons.is_masculine_surname(short[0])
    if not (fem or masc):
        return True
    return any(
        persons.is_feminine_surname(w) == fem
        for w in full
        if persons.surname_stem(w) == persons.surname_stem(short[0])
    )


def _shortens(short: str, key: str, core: str) -> bool:
    """Is `short` (a key) the name `key` without its last words, which are a capitalised dependent (ООН,
    Белоруссии, КНР)? Lower-case extra words are a different name (Газпром нефть)."""
    if not key.startswith(short + " "):
        return False
    extra = core.split()[len(short.split()) :]
    return bool(extra) and all(w[:1].isupper() for w in extra)
