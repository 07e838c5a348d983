"""ner_context rules and the domain patterns of ner_ruler, on sentences written for the test; natasha's
output is stubbed in doc.ents (as in test_ner_rules.py)."""

from __future__ import annotations

import pytest
from ner_rules_support import rules_nlp, run

from pipeline.nlp.ner.morph import cases, is_known, lemmas, tags


@pytest.fixture(scope="module")
def nlp():
    return rules_nlp()


# --- org_tag: pymorphy2's dictionary knows the word as an organisation ---------------------------------


def test_dictionary_organisation_tagged_person_becomes_org(nlp):
    got = run(nlp, "Акции Лукойла выросли на бирже.", [("Лукойла", "PER")], only="ner_context")
    assert got == [("Лукойла", "ORG")]


def test_organisation_glued_to_a_person_is_split(nlp):
    text = "Интервью дал лидер Аль-Каиды Абу Мусаб."
    got = run(nlp, text, [("Аль-Каиды Абу Мусаб", "PER")], only="ner_context")
    if not (tags("Аль-Каиды") and "Orgn" in tags("Аль-Каиды")[0].grammemes and is_known("Аль-Каиды")):
        pytest.skip("this pymorphy2 dictionary does not list 'Аль-Каиды' as an organisation")
    assert got == [("Аль-Каиды", "ORG"), ("Абу Мусаб", "PER")]


def test_guessed_or_abbreviated_words_are_not_taken_for_organisations(nlp):
    # the guesser tags unknown surnames Orgn; abbreviations ('МКС') are left to the ruler
    got = run(
        nlp,
        "Об этом сказал Хоровитц на борту МКС.",
        [("Хоровитц", "PER"), ("МКС", "LOC")],
        only="ner_context",
    )
    assert got == [("Хоровитц", "PER"), ("МКС", "LOC")]


# --- descriptor: an organisation noun right before a one-word mention ----------------------------------


def test_person_after_organisation_noun_becomes_org(nlp):
    got = run(nlp, "Вчера команда Зубролет выиграла гонку.", [("Зубролет", "PER")], only="ner_context")
    assert got == [("Зубролет", "ORG")]


def test_real_person_after_organisation_noun_stays_person(nlp):
    got = run(nlp, "Вчера команда Путина собралась снова.", [("Путина", "PER")], only="ner_context")
    assert got == [("Путина", "PER")]


def test_place_after_club_becomes_org_but_not_after_company(nlp):
    got = run(nlp, "Вратарь перешёл в клуб Бавария.", [("Бавария", "LOC")], only="ner_context")
    assert got == [("Бавария", "ORG")]
    got = run(nlp, "Инвестиции компании Россия не нужны.", [("Россия", "LOC")], only="ner_context")
    assert got == [("Россия", "LOC")]


# --- titles: a vehicle/title name is no organisation anywhere in the document ---------------------------


def test_vehicle_name_dropped_throughout_the_document(nlp):
    text = "Шаттл «Буревестник» стартовал. После «Буревестника» полетит другой."
    got = run(nlp, text, [("Буревестника", "ORG")], only="ner_context")
    assert got == []


def test_organisation_kept_without_vehicle_evidence(nlp):
    text = "После «Буревестника» полетит другой."
    got = run(nlp, text, [("Буревестника", "ORG")], only="ner_context")
    assert got == [("Буревестника", "ORG")]


# --- adjective: a relational adjective before an ORG is part of the name --------------------------------


def test_relational_adjective_joins_the_org(nlp):
    got = run(nlp, "Глава французского МИДа прилетел в Рим.", [("МИДа", "ORG")], only="ner_context")
    assert got == [("французского МИДа", "ORG")]


def test_relational_adjective_before_quoted_org_takes_the_quotes(nlp):
    text = "Солист казанского «Ветра» дал концерт."
    got = run(nlp, text, [("Ветра", "ORG")], only="ner_context")
    assert got == [("казанского «Ветра»", "ORG")]


def test_evaluative_or_disagreeing_adjective_stays_out(nlp):
    got = run(nlp, "Решение нового Конгресса ждут.", [("Конгресса", "ORG")], only="ner_context")
    assert got == [("Конгресса", "ORG")]
    # a nominative adjective does not agree with a genitive name
    got = run(nlp, "Это российский Газпрома акционер.", [("Газпрома", "ORG")], only="ner_context")
    assert got == [("Газпрома", "ORG")]
    assert not (cases("российский", "ADJ") & cases("Газпрома"))


# --- east_asian: a Korean/Chinese name cut in two ------------------------------------------------------


def test_short_capitalised_syllables_joined_into_one_person(nlp):
    text = "Об этом сказал Пака Мин Хо вчера."
    got = run(nlp, text, [("Пака", "PER"), ("Мин Хо", "PER")], only="ner_context")
    assert got == [("Пака Мин Хо", "PER")]


def test_two_russian_names_side_by_side_stay_two(nlp):
    text = "Медали получили Ивану Петрову Сергей Смирнов."
    spans = [("Ивану Петрову", "PER"), ("Сергей Смирнов", "PER")]
    assert run(nlp, text, spans, only="ner_context") == spans


# --- lists: a bulleted list of places ------------------------------------------------------------------


def test_person_items_in_a_list_of_places_become_places(nlp):
    text = "Участники: • Чили • Эквадор • Сан Марино • Кипр • Мальта • Перу"
    spans = [("Чили", "LOC"), ("Эквадор", "LOC"), ("Сан Марино", "PER"), ("Кипр", "LOC"), ("Мальта", "LOC")]
    got = run(nlp, text, spans, only="ner_context")
    assert ("Сан Марино", "LOC") in got


def test_untagged_item_between_places_becomes_place(nlp):
    text = "Участники: • Чили • Эквадор • Зелёный Мыс • Кипр • Мальта"
    spans = [("Чили", "LOC"), ("Эквадор", "LOC"), ("Кипр", "LOC"), ("Мальта", "LOC")]
    got = run(nlp, text, spans, only="ner_context")
    assert ("Зелёный Мыс", "LOC") in got


def test_people_list_is_left_alone(nlp):
    text = "Состав: • Петров • Сидоров • Кузнецов • Орлов"
    spans = [("Петров", "PER"), ("Сидоров", "PER"), ("Кузнецов", "PER"), ("Орлов", "PER")]
    assert run(nlp, text, spans, only="ner_context") == spans


# --- champion: 'чемпионат Европы' ----------------------------------------------------------------------


def test_place_after_championship_becomes_loc(nlp):
    got = run(nlp, "Он выиграл чемпионат Европы по боксу.", [], only="ner_context")
    assert got == [("Европы", "LOC")]


def test_non_place_after_championship_is_not_tagged(nlp):
    assert run(nlp, "Он выиграл чемпионат Лиги по боксу.", [], only="ner_context") == []


# --- ruler: domain names ---------------------------------------------------------------------------------


def test_domain_name_is_org(nlp):
    got = run(nlp, "Об этом сообщает example-news.ru со ссылкой на источник.", [], only="ner_ruler")
    assert got == [("example-news.ru", "ORG")]
    got = run(nlp, "Проект m.example.com закрыт.", [], only="ner_ruler")
    assert got == [("m.example.com", "ORG")]


def test_sentence_end_before_a_word_is_no_domain(nlp):
    assert run(nlp, "Он ушёл. Com сказал.", [], only="ner_ruler") == []


# --- morphology guard ------------------------------------------------------------------------------------


def test_morph_helpers_survive_letters_without_a_unicode_name():
    word = "\U00017000ского"
    assert lemmas(word) == frozenset() and tags(word) == () and not is_known(word) and not cases(word)


# --- institution: a relational adjective + a lower-case state institution noun ---------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Как сообщили в британском министерстве обороны, учения завершены.",
            "британском министерстве обороны",
        ),
        (
            "Эксперты немецкого антимонопольного ведомства начали проверку.",
            "немецкого антимонопольного ведомства",
        ),
        ("Вопрос обсудят на заседании парламентского комитета в среду.", "парламентского комитета"),
    ],
)
def test_relational_adjective_and_institution_noun_are_an_org(nlp, text, name):
    assert run(nlp, text, [], only="ner_context") == [(name, "ORG")]


@pytest.mark.parametrize(
    "text",
    [
        "Решение российского правительства вызвало споры.",  # governments are no names here
        "Письма получили японские министерства и ведомства.",  # plural: no one institution
        "Вчера новый комитет собрался впервые.",  # no relational adjective
        "Глава Минфина выступил в британском парламенте.",  # not a state-institution head
    ],
)
def test_other_lower_case_institution_phrases_stay_untagged(nlp, text):
    assert [m for m in run(nlp, text, [], only="ner_context") if m[1] == "ORG"] == []


def test_vehicle_names_joined_to_a_vehicle_name_are_titles_too(nlp):
    text = "Скоро полетят корабли «Буревестник» (в мае) и «Сокол». Запуск «Сокола» перенесли."
    got = run(nlp, text, [("Буревестник", "ORG"), ("Сокол", "ORG"), ("Сокола", "ORG")], only="ner_context")
    assert got == []


def test_unquoted_name_in_apposition_to_a_title_noun_is_no_org(nlp):
    text = "Снимки сделал телескоп Зоркий, а кампания шла под девизом Open Sky."
    got = run(nlp, text, [("Зоркий", "ORG"), ("Open Sky", "ORG")], only="ner_context")
    assert got == []


def test_owner_after_a_title_noun_stays_org(nlp):
    text = "Солисты балета Мариинского театра выступили в Омске."
    got = run(nlp, text, [("Мариинского театра", "ORG"), ("Омске", "LOC")], only="ner_context")
    assert got == [("Мариинского театра", "ORG"), ("Омске", "LOC")]


# --- repeats: an ORG name tagged once is an ORG where the document repeats it ------------------------------


def test_repeated_org_name_is_tagged_again(nlp):
    text = "Концерн «Орбита» открыл завод. Позже «Орбита» купила верфь у Зенита."
    got = run(nlp, text, [("Орбита", "ORG")], only="ner_context")
    assert got == [("Орбита", "ORG"), ("Орбита", "ORG")]


def test_repeat_skips_common_word_at_sentence_start_and_hashtags(nlp):
    text = "Проект ведёт компания Стадион. Стадион был полон. Пишите с тегом #Стадион."
    got = run(nlp, text, [("Стадион", "ORG")], only="ner_context")
    assert got == [("Стадион", "ORG")]


def test_repeat_skips_a_name_natasha_mostly_left_untagged(nlp):
    # tagged once, left untagged three times: the one tag is taken for natasha's error (a weapon code)
    text = "Ружьё КРТ-Б поступило в войска. КРТ-Б било далеко. Расчёт КРТ-Б из двух человек. Вес КРТ-Б велик."
    got = run(nlp, text, [("КРТ-Б", "ORG")], only="ner_context")
    assert got == [("КРТ-Б", "ORG")]
    # tagged twice, left untagged three times (within twice as often): repeated as before
    text = "Банк Зубролет вырос. Офис Зубролет открыл. Глава Зубролет доволен. Зубролет и Зубролет едины."
    got = run(nlp, text, [("Зубролет", "ORG"), ("Зубролет", "ORG")], only="ner_context")
    assert got.count(("Зубролет", "ORG")) == 5


# --- adjective: listed relational adjectives without -ский -------------------------------------------------


def test_listed_relational_adjective_joins_the_org(nlp):
    text = "Доклад представил глава синодального Отдела по делам молодёжи."
    got = run(nlp, text, [("Отдела по делам молодёжи", "ORG")], only="ner_context")
    assert got == [("синодального Отдела по делам молодёжи", "ORG")]
    text = "Решение приняли члены государственной Комиссии по энергетике."
    got = run(nlp, text, [("Комиссии по энергетике", "ORG")], only="ner_context")
    assert got == [("государственной Комиссии по энергетике", "ORG")]


def test_unlisted_non_relational_adjective_stays_out(nlp):
    text = "Председатель влиятельного Комитета по бюджету выступил утром."
    got = run(nlp, text, [("Комитета по бюджету", "ORG")], only="ner_context")
    assert got == [("Комитета по бюджету", "ORG")]


# --- facilities: airports, palaces, space centres are places -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Самолёт сел в Северном аэропорту без пассажиров.", "Северном аэропорту"),
        ("Концерт прошёл во Дворце культуры железнодорожников.", "Дворце культуры железнодорожников"),
        ("Связь держали из Космического центра Маршалла весь день.", "Космического центра Маршалла"),
        ("Команды шли из Центра управления полётами в Королёве.", "Центра управления полётами"),
    ],
)
def test_org_headed_by_a_facility_noun_becomes_loc(nlp, text, name):
    assert run(nlp, text, [(name, "ORG")], only="ner_context") == [(name, "LOC")]


def test_name_right_after_a_facility_noun_becomes_loc(nlp):
    got = run(nlp, "Рейс прибыл в аэропорт «Вороново» ночью.", [("Вороново", "ORG")], only="ner_context")
    assert got == [("Вороново", "LOC")]
    got = run(nlp, "Рейс прибыл в аэропорт Вороново ночью.", [("Вороново", "ORG")], only="ner_context")
    assert got == [("Вороново", "LOC")]


def test_organisations_near_facility_words_stay_org(nlp):
    # a company owning airports (plural head), a centre that is no space centre, a firm after 'аэропорта'
    got = run(
        nlp, "Акции купила компания Аэропорты Севера.", [("Аэропорты Севера", "ORG")], only="ner_context"
    )
    assert got == [("Аэропорты Севера", "ORG")]
    got = run(
        nlp, "Отчёт выпустил Научный центр экологии.", [("Научный центр экологии", "ORG")], only="ner_context"
    )
    assert got == [("Научный центр экологии", "ORG")]
    text = "Директор аэропорта Иван Петров встретил делегацию Газпрома."
    got = run(nlp, text, [("Иван Петров", "PER"), ("Газпрома", "ORG")], only="ner_context")
    assert got == [("Иван Петров", "PER"), ("Газпрома", "ORG")]
