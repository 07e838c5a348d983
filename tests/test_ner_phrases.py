"""Literal token patterns compiled to phrase patterns: the same matches, found by a PhraseMatcher."""

from __future__ import annotations

from pipeline.nlp.ner import EntityRecognizer
from pipeline.nlp.ner.phrases import as_phrases


def test_literal_pattern_becomes_every_combination() -> None:
    pattern = {
        "label": "ORG",
        "pattern": [{"TEXT": {"IN": ["Жогорку"]}}, {"TEXT": {"IN": ["Кенеш", "Кенеша"]}}],
    }
    assert as_phrases(pattern) == [
        {"label": "ORG", "pattern": "Жогорку Кенеш"},
        {"label": "ORG", "pattern": "Жогорку Кенеша"},
    ]


def test_lower_literal_matches_three_casings() -> None:
    phrases = as_phrases({"label": "ORG", "pattern": [{"TEXT": "Белый"}, {"LOWER": "дом"}]})
    assert [p["pattern"] for p in phrases] == ["Белый ДОМ", "Белый Дом", "Белый дом"]


def test_non_literal_patterns_stay_token_patterns() -> None:
    regex = {"label": "ORG", "pattern": [{"TEXT": {"REGEX": "^[a-z]+$"}}, {"TEXT": "."}]}
    flags = {"label": "ORG", "pattern": [{"TEXT": "rbc", "SPACY": False}]}
    phrase = {"label": "LOC", "pattern": "Москва"}
    for p in (regex, flags, phrase):
        assert as_phrases(p) == [p]


def test_huge_products_stay_token_patterns() -> None:
    words = {"TEXT": {"IN": [f"w{k}" for k in range(50)]}}
    pattern = {"label": "ORG", "pattern": [words, words]}
    assert as_phrases(pattern) == [pattern]


def test_recognizer_applies_compiled_patterns() -> None:
    found = EntityRecognizer()("Депутаты Жогорку Кенеша и Госдумы встретились в Бишкеке.")
    labels = {(m.text, m.label) for m in found}
    assert ("Жогорку Кенеша", "ORG") in labels
    assert ("Госдумы", "ORG") in labels
