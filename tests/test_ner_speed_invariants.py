"""What the NER speed-ups rely on: the lexical attributes kept in the vocab, and the word lists the tokenizer
keeps for the components (they must stay equal to what the Doc's tokens would give)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from ner_rules_support import rules_nlp
from spacy.attrs import IDS, IS_ALPHA, IS_SPACE, IS_UPPER, LIKE_NUM, LOWER, ORTH, SHAPE
from spacy.tokens import Doc

from pipeline.nlp.ner.recognizer import LEX_ATTRS, build_nlp
from pipeline.nlp.ner.resources import load_jsonl
from pipeline.nlp.ner.spans import token_texts

NER_DIR = Path(__file__).resolve().parents[1] / "pipeline" / "nlp" / "ner"
# every lexical attribute spaCy's Russian defaults compute for a new word
DEFAULT_GETTERS = set(spacy.blank("ru").vocab.lex_attr_getters)
# token pattern keys that read no lexical attribute: the word itself, the space after it, the operator
NO_GETTER_KEYS = {"ORTH", "TEXT", "SPACY", "OP"}

TEXTS = [
    "",
    "   ",
    "Агентство КOTRA открыло офис в Сеуле.",  # mixed scripts: the model reads 'KOTRA'
    "ОАО «Газпром»  и\tЕС\n\n заявили (ООН) 2020 г. — site.ru ",
    "\ud800 лишний суррогат и Газпрoм\n",
    "\n Иван Петров,\u00a0Москва ",
]


@pytest.fixture(scope="module")
def nlp():
    return build_nlp([])  # tokenizer and vocab only


def _attr_ids(names: set[str]) -> set[int]:
    """The lexical attributes among spaCy attribute names ('is_alpha', 'lower_', 'LOWER', ...)."""
    ids = {IDS.get(name.rstrip("_").upper()) for name in names}
    return ids & DEFAULT_GETTERS


def test_ruler_patterns_read_only_kept_attributes():
    keys = {
        key
        for pattern in load_jsonl("ruler_patterns.jsonl")
        if not isinstance(pattern["pattern"], str)
        for token in pattern["pattern"]
        for key in token
    }
    unknown = keys - NO_GETTER_KEYS - {name for name in IDS if IDS[name] in DEFAULT_GETTERS}
    assert not unknown, f"add these pattern keys to NO_GETTER_KEYS or recognizer.LEX_ATTRS: {unknown}"
    assert _attr_ids(keys - NO_GETTER_KEYS) <= set(LEX_ATTRS), "a ruler pattern reads a dropped attribute"
    assert LOWER in _attr_ids(keys)  # the reason LOWER is kept


def test_ruler_phrases_match_on_the_word_itself():
    ruler = build_nlp([("ner_ruler", {})]).get_pipe("ner_ruler")
    assert ruler.phrase_matcher_attr in (None, ORTH)  # phrase patterns read no lexical attribute


def test_components_read_only_kept_attributes():
    """Token attributes like `.is_punct`, `.like_num`, `.shape_` in the component sources must have a
    getter in recognizer.LEX_ATTRS (a dropped one reads False or '' for every new word)."""
    used: dict[str, set[int]] = {}
    for path in NER_DIR.glob("*.py"):
        names = set(
            re.findall(
                r"\.((?:is|like)_[a-z_]+|(?:lower|norm|shape|prefix|suffix|lang)_)\b", path.read_text()
            )
        )
        used[path.name] = _attr_ids(names)
    missing = {name: ids - set(LEX_ATTRS) for name, ids in used.items() if ids - set(LEX_ATTRS)}
    assert not missing, f"attributes read without a getter: {missing}"
    assert set().union(*used.values()) >= {IS_ALPHA, IS_SPACE, IS_UPPER}  # the scan does see them


def test_dropped_getters_are_gone_and_kept_attributes_still_work(nlp):
    assert set(nlp.vocab.lex_attr_getters) == set(LEX_ATTRS)
    assert LIKE_NUM not in nlp.vocab.lex_attr_getters and SHAPE not in nlp.vocab.lex_attr_getters
    assert nlp.vocab.lang == "ru"
    full = spacy.blank("ru")
    for text in TEXTS + ["НАТО и Nato", "новыеслова ЗАГЛАВНЫЕ 123 ."]:
        doc = nlp.make_doc(text)
        ref = Doc(full.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        assert [(t.is_alpha, t.is_space, t.is_upper, t.lower_) for t in doc] == [
            (t.is_alpha, t.is_space, t.is_upper, t.lower_) for t in ref
        ]


def _check_word_lists(doc) -> None:
    assert doc._.ner_token_texts == [t.text for t in doc]
    assert token_texts(doc) == [t.text for t in doc]
    text = doc._.ner_text
    # the words natasha read before the tokenizer kept them: the unified text under each razdel token
    assert doc._.ner_words == [text[t.idx : t.idx + len(t)] for t in (doc[i] for i in doc._.ner_token_ids)]


@pytest.mark.parametrize("text", TEXTS)
def test_tokenizer_word_lists_equal_the_tokens(nlp, text):
    _check_word_lists(nlp.make_doc(text))


def test_mixed_script_word_reaches_the_model_unified(nlp):
    doc = nlp.make_doc("Агентство КOTRA открыло офис")
    assert "КOTRA" in doc._.ner_token_texts  # the Doc keeps the original characters
    assert "KOTRA" in doc._.ner_words


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("аБвГ aBcD КOТРА.,«»()-\n\t\u00a0 1\ud800"), max_size=40))
def test_tokenizer_word_lists_on_any_text(nlp, text):
    _check_word_lists(nlp.make_doc(text))


def test_token_texts_of_a_doc_from_another_tokenizer():
    doc = spacy.blank("ru").make_doc("Газпром и ЕС")
    assert token_texts(doc) == ["Газпром", "и", "ЕС"]


def test_no_component_changes_the_tokens():
    """The kept word lists are valid only while the Doc's tokens stay as the tokenizer made them."""
    for path in NER_DIR.glob("*.py"):
        assert "retokenize" not in path.read_text(), path.name
    nlp = rules_nlp()
    text = "Сотрудники ТОО «Ромашка» и института (KIAT) встретились в Москве с «Газпромом»."
    doc = nlp.make_doc(text)
    doc.ents = [
        doc.char_span(text.index(w), text.index(w) + len(w), label=label)
        for w, label in [
            ("ТОО «Ромашка»", "ORG"),
            ("института", "ORG"),
            ("Москве", "LOC"),
            ("«Газпромом»", "ORG"),
        ]
    ]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert doc.ents  # the components ran on something
    _check_word_lists(doc)
