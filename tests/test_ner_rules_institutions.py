"""Institution names after an institution noun, and common nouns that natasha takes for names."""

from __future__ import annotations

import pytest

from pipeline.nlp.ner import EntityRecognizer


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer()


def found(recognizer: EntityRecognizer, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in recognizer(text)]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Делегация посетила госпиталь Северанс в Сеуле.", "Северанс"),
        ("Он преподаёт в университете Ёнсе уже десять лет.", "Ёнсе"),
    ],
)
def test_an_unknown_name_after_an_institution_noun_is_an_org(
    recognizer: EntityRecognizer, text: str, name: str
) -> None:
    assert (name, "ORG") in found(recognizer, text)


def test_a_known_place_after_an_institution_noun_stays_a_place(recognizer: EntityRecognizer) -> None:
    assert ("Алматы", "LOC") in found(recognizer, "Врачи больницы Алматы приняли гостей из Бишкека.")


@pytest.mark.parametrize("word", ["IT-специалист", "PR-менеджер", "VIP-гость"])
def test_an_acronym_glued_to_a_common_noun_is_no_entity(recognizer: EntityRecognizer, word: str) -> None:
    text = f"Каждый {word} в Алматы знает об этом."
    assert [w for w, _ in found(recognizer, text)] == ["Алматы"]


def test_names_with_hyphens_stay(recognizer: EntityRecognizer) -> None:
    text = "Компания Coca-Cola открыла завод в Усть-Каменогорске, сообщает РИА-Новости."
    assert {w for w, _ in found(recognizer, text)} >= {"Coca-Cola", "Усть-Каменогорске"}


def test_the_internet_is_not_an_organisation(recognizer: EntityRecognizer) -> None:
    assert all(w != "Интернета" for w, _ in found(recognizer, "Развитие Интернета вещей в Казахстане."))
