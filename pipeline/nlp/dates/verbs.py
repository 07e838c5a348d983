"""Finite verb forms and their tense, by the morphological analyser: the clause tests of the dates rules."""

from __future__ import annotations

from pipeline.nlp.morph_vocab import morph_vocab, word_cache

# Endings of finite verb forms (past -л/-ла/-ли, present/future -т/-ет/-ют, reflexive -ся/-сь, first and
# second person plural -м/-те, second singular -шь): other words are not sent to the analyser.
_VERB_ENDINGS = ("л", "ла", "ло", "ли", "т", "ся", "сь", "м", "те", "шь")


@word_cache  # bounded: the vocabulary of a long run is open
def verb_tense(word: str) -> str | None:
    """Tense of a finite verb form (`Past`, `Pres`, `Fut`) by its likeliest parse, with the lemma
    folded in for present forms (`Pres:проходить`; `Pres1:мочь` for the first and second person). None
    for other words."""
    try:
        p = morph_vocab().parse(word)[0]
    except (ValueError, IndexError):
        return None
    if p.pos not in ("VERB", "AUX") or p.feats.get("VerbForm") != "Fin":
        return None
    found = p.feats.get("Tense")
    if found == "Pres" and p.feats.get("Person", "3") != "3":  # `мы начинаем`, `не могу`: speech
        return f"Pres1:{p.normal}"
    return f"Pres:{p.normal}" if found == "Pres" else found


def finite_verb(word: str) -> bool:
    """A finite verb form (`финишировали`, `придёт`), by the cheap ending test and then the analyser."""
    return len(word) >= 3 and word.endswith(_VERB_ENDINGS) and verb_tense(word) is not None
