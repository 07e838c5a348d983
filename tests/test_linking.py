"""Linking on short texts written for these tests: in-document coreference, gazetteer ids, ambiguity."""

import json
from pathlib import Path

import pycountry
import pytest

from pipeline.evaluate.linking import evaluate_linking, fill_texts, format_report
from pipeline.nlp.linking import Gazetteer, Linker
from pipeline.nlp.linking.keys import match_key
from pipeline.nlp.normalize import normalize_mention

GOLD = Path(__file__).parent / "data" / "linking_gold.jsonl"


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker()


def mentions(text: str, spans: list[tuple[str, str]]) -> list[dict]:
    """Mentions for (surface, label) pairs, located left to right in `text`."""
    out, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        pos = start + len(surface)
        out.append(
            {
                "start": start,
                "end": pos,
                "text": surface,
                "label": label,
                "normal": normalize_mention(surface, label),
            }
        )
    return out


def canon(linker: Linker, text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str | None]]:
    return [(lk.canonical, lk.canonical_id) for lk in linker.link(text, mentions(text, spans))]


def test_surname_links_to_full_name_in_both_directions(linker: Linker) -> None:
    text = "Слово взяла Гульнара Сатыбалдиева. Позже Сатыбалдиевой задали вопрос, и Сатыбалдиева ответила."
    out = canon(
        linker, text, [("Гульнара Сатыбалдиева", "PER"), ("Сатыбалдиевой", "PER"), ("Сатыбалдиева", "PER")]
    )
    assert {c for c, _ in out} == {"Гульнара Сатыбалдиева"}
    text = "Жумабаев выступил первым. Затем Бакыт Жумабаев ответил на вопросы."
    out = canon(linker, text, [("Жумабаев", "PER"), ("Бакыт Жумабаев", "PER")])
    assert out[0][0] == out[1][0] == "Бакыт Жумабаев"


def test_oblique_consonant_surname_links_to_full_name(linker: Linker) -> None:
    text = "Отравление Сергея Скрипаля обсудили. Скрипаля лечат, Скрипаль жив. Марк Уэббер и Уэбб пришли."
    spans = [
        ("Сергея Скрипаля", "PER"),
        ("Скрипаля", "PER"),
        ("Скрипаль", "PER"),
        ("Марк Уэббер", "PER"),
        ("Уэбб", "PER"),
    ]
    out = canon(linker, text, spans)
    assert [c for c, _ in out[:3]] == ["Сергей Скрипаль"] * 3
    assert out[4][0] == "Уэбб"  # not a case form of Уэббер: another person


def test_gender_shown_elsewhere_in_the_document_fixes_the_canonical(linker: Linker) -> None:
    # Назима Абдыкадырова reads as his genitive or her nominative; Абдыкадыровой is only hers.
    text = "Министр Назима Абдыкадырова провела переговоры. По словам Абдыкадыровой, грант выделят."
    out = canon(linker, text, [("Назима Абдыкадырова", "PER"), ("Абдыкадыровой", "PER")])
    assert {c for c, _ in out} == {"Назима Абдыкадырова"}
    # Дмитрия is also a rare woman's name; Медведев is only his.
    text = "Встреча Дмитрия Медведева с прессой. Медведев ответил."
    out = canon(linker, text, [("Дмитрия Медведева", "PER"), ("Медведев", "PER")])
    assert {c for c, _ in out} == {"Дмитрий Медведев"}
    # Both genders shown (relatives): nothing is forced.
    text = "Анна Петрова пришла. Петровой и Петровым вручили награды."
    out = canon(linker, text, [("Анна Петрова", "PER"), ("Петровой", "PER"), ("Петровым", "PER")])
    assert out[0][0] == "Анна Петрова"


def test_ambiguous_surname_stays_apart(linker: Linker) -> None:
    text = "Встретились Чо Мин Хо и Чо Сон Ги. Чо сказал, что встреча прошла хорошо."
    out = canon(linker, text, [("Чо Мин Хо", "PER"), ("Чо Сон Ги", "PER"), ("Чо", "PER")])
    assert out[0][0] != out[1][0]
    assert out[2][0] == "Чо"


def test_acronym_defined_in_brackets(linker: Linker) -> None:
    text = "Агентство развития малого бизнеса (АРМБ) открыло офис. Глава АРМБ рассказал о планах."
    out = canon(linker, text, [("Агентство развития малого бизнеса (АРМБ)", "ORG"), ("АРМБ", "ORG")])
    assert out[0] == out[1] == ("Агентство развития малого бизнеса", None)


def test_acronym_from_initials(linker: Linker) -> None:
    text = "Фонд поддержки фермеров выдал кредиты. По данным ФПФ, заявок стало больше."
    out = canon(linker, text, [("Фонд поддержки фермеров", "ORG"), ("ФПФ", "ORG")])
    assert out[1][0] == "Фонд поддержки фермеров"


def test_contracted_name_with_the_same_dependent(linker: Linker) -> None:
    text = (
        "Нацбанк Белоруссии снизил ставку. Решение Национального банка Белоруссии ждали. Глава Нацбанка"
        " выступил. Нацбанк Армении промолчал."
    )
    spans = [
        ("Нацбанк Белоруссии", "ORG"),
        ("Национального банка Белоруссии", "ORG"),
        ("Нацбанка", "ORG"),
        ("Нацбанк Армении", "ORG"),
    ]
    out = canon(linker, text, spans)
    assert [c for c, _ in out[:2]] == ["Национальный банк Белоруссии"] * 2
    assert out[3][0] == "Нацбанк Армении"  # another dependent: another bank
    assert out[2][0] != out[0][0]  # two banks a bare Нацбанк might be: not guessed


def test_name_without_its_capitalised_dependent(linker: Linker) -> None:
    text = (
        "Сессия Генеральной Ассамблеи ООН открылась. Генеральную Ассамблею созвали. Решения Генассамблеи"
        " и ГА обязательны."
    )
    spans = [
        ("Генеральной Ассамблеи ООН", "ORG"),
        ("Генеральную Ассамблею", "ORG"),
        ("Генассамблеи", "ORG"),
        ("ГА", "ORG"),
    ]
    assert {c for c, _ in canon(linker, text, spans)} == {"Генеральная Ассамблея ООН"}


def test_name_shortened_ambiguously_or_by_a_lower_case_word_stays_apart(linker: Linker) -> None:
    text = (
        "Министерство обороны России и Министерство обороны Украины спорят; Министерство обороны молчит."
        " Федеральная служба безопасности и Федеральная служба занятости. Федеральная служба ответила."
    )
    spans = [
        ("Министерство обороны России", "ORG"),
        ("Министерство обороны Украины", "ORG"),
        ("Министерство обороны", "ORG"),
        ("Федеральная служба безопасности", "ORG"),
        ("Федеральная служба занятости", "ORG"),
        ("Федеральная служба", "ORG"),
    ]
    out = canon(linker, text, spans)
    assert out[2][0] == "Министерство обороны"
    assert out[5][0] == "Федеральная служба"


def test_acronym_of_a_body_without_its_country(linker: Linker) -> None:
    text = "Официальный представитель Министерства иностранных дел КНР заявил: МИД протестует."
    out = canon(linker, text, [("Министерства иностранных дел КНР", "ORG"), ("МИД", "ORG")])
    assert out[1][0] == "Министерство иностранных дел КНР"
    text = "Министерство иностранных дел КНР и Министерство иностранных дел России. МИД ответил."
    spans = [
        ("Министерство иностранных дел КНР", "ORG"),
        ("Министерство иностранных дел России", "ORG"),
        ("МИД", "ORG"),
    ]
    assert canon(linker, text, spans)[2][0] == "МИД"  # which one is not said


def test_country_aliases_share_id(linker: Linker) -> None:
    text = "Киргизия и Кыргызская Республика — одна страна; КР и Кыргызстан тоже."
    out = canon(
        linker,
        text,
        [("Киргизия", "LOC"), ("Кыргызская Республика", "LOC"), ("КР", "LOC"), ("Кыргызстан", "LOC")],
    )
    assert set(out) == {("Кыргызстан", "KG")}


def test_every_name_of_a_country_gives_one_canonical(linker: Linker) -> None:
    # The usual short name is the canonical: Северная Корея (parallel to Южная Корея), Молдова.
    text = "КНДР, или Северная Корея, ответила Южной Корее. Из Северной Кореи и Молдовы, из Молдавии."
    spans = [
        ("КНДР", "LOC"),
        ("Северная Корея", "LOC"),
        ("Южной Корее", "LOC"),
        ("Северной Кореи", "LOC"),
        ("Молдовы", "LOC"),
        ("Молдавии", "LOC"),
    ]
    out = canon(linker, text, spans)
    assert {out[i] for i in (0, 1, 3)} == {("Северная Корея", "KP")}
    assert out[2] == ("Южная Корея", "KR")
    assert out[4] == out[5] == ("Молдова", "MD")


def test_established_periphrasis_is_the_place(linker: Linker) -> None:
    text = "Из Северной столицы в Первопрестольную, а затем на Туманный Альбион; в южной столице тепло."
    spans = [
        ("Северной столицы", "LOC"),
        ("Первопрестольную", "LOC"),
        ("Туманный Альбион", "LOC"),
        ("южной столице", "LOC"),
    ]
    out = canon(linker, text, spans)
    assert out[:3] == [("Санкт-Петербург", "RU-SPE"), ("Москва", "RU-MOW"), ("Великобритания", "GB")]
    assert out[3] == ("южная столица", None)  # Алматы, Ростов or Сочи: ambiguous, not in the gazetteer


def test_region_abbreviation_and_inflected_name(linker: Linker) -> None:
    text = "В Восточно-Казахстанской области, или ВКО, и в Восточном Казахстане в целом."
    spans = [("Восточно-Казахстанской области", "LOC"), ("ВКО", "ORG"), ("Восточном Казахстане", "LOC")]
    assert set(canon(linker, text, spans)) == {("Восточно-Казахстанская область", "KZ-63")}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        (
            "Сеул и Пусан развивают связи. В Корее считают, что РК нуждается в кадрах.",
            ["Сеул", "Пусан", "Корее"],
            "KR",
        ),
        (
            "Астана и Алматы растут. В Казахстане считают, что РК нуждается в кадрах.",
            ["Астана", "Алматы"],
            "KZ",
        ),
        (
            "Делегация из Кореи и Сеула посетила Казахстан. Поставки из РК в Корею выросли.",
            ["Кореи", "Сеула", "Казахстан"],
            "KZ",
        ),
    ],
)
def test_ambiguous_rk_is_settled_by_the_document(
    linker: Linker, text: str, spans: list[str], expected: str
) -> None:
    found = [(w, "LOC") for w in spans] + [("РК", "LOC")]
    if "в Корею" in text:
        found.append(("Корею", "LOC"))
    assert canon(linker, text, found)[len(spans)][1] == expected


def test_ambiguous_rk_without_context_is_not_guessed(linker: Linker) -> None:
    out = canon(linker, "РК объявила о новых мерах.", [("РК", "LOC")])
    assert out == [("РК", None)]


def test_mixed_script_acronym_matches_gazetteer(linker: Linker) -> None:
    assert match_key("КOTRA") == match_key("KOTRA")
    out = canon(linker, "Представитель КOTRA выступил.", [("КOTRA", "ORG")])
    assert out == [("KOTRA", "org-kotra")]


def test_all_iso_countries_have_russian_names_and_english_names() -> None:
    gaz = Gazetteer()
    for c in pycountry.countries:
        e = gaz.entries[c.alpha_2]
        assert e.name_en and e.canonical
        assert any("а" <= ch.lower() <= "я" for ch in e.canonical), c.alpha_2
    assert gaz.lookup("Германия")[0].id == "DE"
    assert gaz.lookup("ФРГ")[0].name_en == "Germany"


def test_subdivision_ids_are_real_iso_codes() -> None:
    gaz = Gazetteer()
    iso = {s.code for s in pycountry.subdivisions}
    coded = [e.id for e in gaz.entries.values() if e.type != "country" and e.id[:2].isupper()]
    assert coded and all(code in iso for code in coded), [c for c in coded if c not in iso]


def test_empty_document(linker: Linker) -> None:
    assert linker.link("", []) == []


def test_gold_meets_targets() -> None:
    result = evaluate_linking(GOLD)
    report = format_report(result)
    assert result["normal_accuracy"] >= 0.95, report
    assert result["same_rate"] >= 0.95, report
    assert result["split_rate"] >= 0.95, report


def test_text_free_gold_takes_texts_from_articles(tmp_path: Path) -> None:
    text = "Аким Алматы Ерлан Досаев встретился с Досаевым-младшим. Досаева поздравили в Бишкеке.\nДалее"
    spans = [("Алматы", "LOC"), ("Ерлан Досаев", "PER"), ("Бишкеке", "LOC")]
    gold_mentions, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        pos = start + len(surface)
        normal = "Бишкек" if surface == "Бишкеке" else surface
        gold_mentions.append(
            {"start": start, "end": pos, "label": label, "normal": normal, "canonical": normal}
        )
    gold = {"id": "a1", "excerpt_start": 0, "excerpt_end": text.index("\n"), "mentions": gold_mentions}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    articles = [{"id": "other", "text": "Не тот текст."}, {"id": "a1", "text": text}]
    (tmp_path / "texts.jsonl").write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8"
    )
    result = evaluate_linking(tmp_path / "gold.jsonl", texts_path=tmp_path / "texts.jsonl")
    assert (result["docs"], result["mentions"]) == (1, 3)
    assert result["normal_accuracy"] == result["canonical_accuracy"] == 1.0, format_report(result)
    filled = fill_texts([gold], tmp_path / "texts.jsonl")[0]
    assert filled["text"] == text[: text.index("\n")]
    assert [m["text"] for m in filled["mentions"]] == [s for s, _ in spans]
    gold["excerpt_end"] = 10
    with pytest.raises(ValueError, match="beyond the excerpt"):
        fill_texts([gold], tmp_path / "texts.jsonl")
