"""The EntityRecognizer end to end (natasha + rules): API contract, invariants on any input, rule classes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.nlp.ner import LABELS, EntityRecognizer, Mention


@pytest.fixture(scope="module")
def rec() -> EntityRecognizer:
    return EntityRecognizer()


def check_invariants(text: str, mentions: list[Mention]) -> None:
    prev_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.label in LABELS
        assert m.source
        assert m.start < m.end
        assert m.start >= prev_end, "sorted and non-overlapping"
        prev_end = m.end


def test_pipeline_is_a_readable_list(rec):
    assert rec.pipe_names[0] == "natasha_ner"
    assert {"ner_punct", "ner_ruler", "ner_merge", "ner_stoplist"} <= set(rec.pipe_names)


def test_pipe_matches_call_and_keeps_order(rec):
    texts = [
        "",
        "Президент Казахстана Касым-Жомарт Токаев прилетел в Сеул.",
        "   ",
        "Компания «Самрук» растет.",
    ]
    batched = list(rec.pipe(texts, batch_size=2))
    assert len(batched) == len(texts)
    assert batched == [rec(t) for t in texts]
    assert batched[0] == [] and batched[2] == []
    assert ("Сеул", "LOC") in [(m.text, m.label) for m in batched[1]]


def test_mention_is_frozen():
    m = Mention(0, 3, "abc", "ORG", "natasha")
    with pytest.raises(AttributeError):
        m.start = 1  # type: ignore[misc]


def test_mixed_script_name_found_with_original_offsets(rec):
    text = "Соглашение подписали представители агентства КOTRA и министерства."  # 'К' is Cyrillic
    mentions = rec(text)
    check_invariants(text, mentions)
    assert any(m.text == "КOTRA" and m.label == "ORG" for m in mentions)


def test_acronym_in_brackets_after_institute(rec):
    text = "Руководители Корейского института морских технологий (KIMT) посетили Бишкек."
    found = [(m.text, m.label) for m in rec(text)]
    assert ("KIMT", "ORG") in found
    assert all("(" not in t and ")" not in t for t, _ in found)


def test_country_abbreviation_consistently_loc(rec):
    text = "Посол КР в Республике Корея встретился с министром торговли КР."
    found = [(m.text, m.label) for m in rec(text) if m.text == "КР"]
    assert found and all(label == "LOC" for _, label in found)


def test_quotes_never_at_span_edges(rec):
    text = "Акционеры ОАО «Уралкалий» и компании «Северный ветер» встретились в «Президент-отеле»."
    for m in rec(text):
        assert m.text[0] not in '«»"' and m.text[-1] not in '«»"', m


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_unicode_input(rec, text):
    check_invariants(text, rec(text))


_PIECES = st.sampled_from(
    [
        "Москва",
        "ООО",
        "«",
        "»",
        "(",
        ")",
        "КР",
        "Ассамблеи народа",
        "Казахстана",
        "Ивана Петрова",
        "•",
        ",",
        "\n",
        "  ",
        "KOTRA",
        "КOTRA",
        "Университет",
        "СМИ",
        "-",
        "—",
        "\u00a0",
        "\u200b",
        "ЕС",
        ".",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_name_like_noise(rec, text):
    check_invariants(text, rec(text))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200))
def test_any_code_point_including_lone_surrogates(rec, text):
    check_invariants(text, rec(text))
    assert list(rec.pipe([text, text])) == [rec(text), rec(text)]


def test_bio_decoding_matches_slovnet():
    from pipeline.nlp.ner.natasha_component import _bio_spans

    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-LOC", "I-LOC"]
    assert list(_bio_spans(tags)) == [(0, 2, "PER"), (4, 5, "ORG"), (5, 7, "LOC")]


def test_natasha_component_alone_reproduces_natasha():
    from pipeline.nlp.ner.natasha_component import load_tagger

    text = (
        "Глава МИД России Сергей Лавров провел переговоры с министром иностранных дел Казахстана "
        "в Астане.\n\nКомпания «Самсунг Электроникс» открыла завод под Калугой (ОЭЗ «Ворсино»)."
    )
    ours = EntityRecognizer([("natasha_ner", {})])(text)
    plain = [(s.start, s.stop, s.type) for s in load_tagger()(text).spans]
    assert [(m.start, m.end, m.label) for m in ours] == plain


@given(st.lists(st.integers(min_value=0, max_value=50), max_size=40), st.integers(1, 8), st.integers(1, 120))
def test_token_batches_keep_order_and_bound_the_padded_size(lengths, max_items, max_tokens):
    from pipeline.nlp.ner.natasha_component import token_batches

    items = [["w"] * n for n in sorted(lengths)]
    groups = list(token_batches(items, max_items, max_tokens))
    assert [i for g in groups for i in g] == items
    for g in groups:
        assert 0 < len(g) <= max_items
        assert len(g) == 1 or len(g) * max(map(len, g)) <= max_tokens


def test_tags_do_not_depend_on_how_documents_are_batched(monkeypatch):
    import pipeline.nlp.ner.natasha_component as component

    texts = [
        "Президент Казахстана Касым-Жомарт Токаев прибыл в Сеул.",
        "Компания «Самсунг Электроникс» открыла завод под Калугой. " * 30,
        "В Бишкеке прошло заседание правительства Кыргызской Республики.",
    ]
    rec = EntityRecognizer([("natasha_ner", {})])
    together = [[(m.start, m.end, m.label) for m in ms] for ms in rec.pipe(texts)]
    monkeypatch.setattr(component, "MAX_BATCH_TOKENS", 1)  # every document alone
    alone = [[(m.start, m.end, m.label) for m in ms] for ms in rec.pipe(texts)]
    assert together == alone and all(together)
