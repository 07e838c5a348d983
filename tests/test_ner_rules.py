"""Each NER rule component on sentences written for the test, with natasha's output stubbed in doc.ents."""

from __future__ import annotations

import pytest
from ner_rules_support import rules_nlp, run

from pipeline.nlp.ner.homoglyphs import unify_scripts
from pipeline.nlp.ner.tokenizer import split_words


@pytest.fixture(scope="module")
def nlp():
    return rules_nlp()


# --- edges: quotes, brackets, separators -------------------------------------------------------------


def test_quotes_stripped_from_edges(nlp):
    got = run(nlp, "Компания «Зеленый берег» выросла.", [("«Зеленый берег»", "ORG")], only="ner_punct")
    assert got == [("Зеленый берег", "ORG")]


def test_span_stops_at_opening_bracket(nlp):
    got = run(nlp, "Делегаты АБВГ (Ассоциация) приехали.", [("АБВГ (", "ORG")], only="ner_punct")
    assert got == [("АБВГ", "ORG")]


def test_bracketed_transliteration_becomes_own_mention(nlp):
    text = "Слово взял Иван Петров (Ivan Petrov) из Самары."
    got = run(nlp, text, [("Иван Петров (Ivan Petrov)", "PER")], only="ner_punct")
    assert got == [("Иван Петров", "PER"), ("Ivan Petrov", "PER")]


def test_list_separators_split_places(nlp):
    got = run(nlp, "Участники: Гвинея • Мали • Чад.", [("Гвинея • Мали • Чад", "LOC")], only="ner_punct")
    assert got == [("Гвинея", "LOC"), ("Мали", "LOC"), ("Чад", "LOC")]


def test_comma_splits_people_but_not_organisations(nlp):
    people = run(nlp, "Голы забили Смирнов, Орлов.", [("Смирнов, Орлов", "PER")], only="ner_punct")
    assert people == [("Смирнов", "PER"), ("Орлов", "PER")]
    text = "Институт истории, языка и литературы открылся."
    org = run(nlp, text, [("Институт истории, языка и литературы", "ORG")], only="ner_punct")
    assert org == [("Институт истории, языка и литературы", "ORG")]


def test_unclosed_quote_inside_span_splits_it(nlp):
    text = "Он сказал Северной редакции «Радио Ромашка» вчера."
    got = run(nlp, text, [("Северной редакции «Радио Ромашка", "ORG")], only="ner_punct")
    assert got == [("Северной редакции", "ORG"), ("Радио Ромашка", "ORG")]


# --- ORG prefixes --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "want"),
    [("ОАО «Северсталь»", "Северсталь"), ("Холдинг «Ромашка»", "Ромашка"), ("ТОО Алматыгаз", "Алматыгаз")],
)
def test_legal_form_or_descriptor_dropped(nlp, span, want):
    text = f"Вчера {span} объявил о сделке."
    assert run(nlp, text, [(span, "ORG")], only="ner_org_prefix") == [(want, "ORG")]


def test_apostrophe_is_not_a_quote(nlp):
    text = "Аукцион Sotheby’s продал картину."
    assert run(nlp, text, [("Sotheby’s", "ORG")]) == [("Sotheby’s", "ORG")]


# --- bracketed acronyms --------------------------------------------------------------------------------


def test_acronym_after_org_is_an_org(nlp):
    text = "Доклад подготовил Институт морских технологий (ИМТ) в мае."
    got = run(nlp, text, [("Институт морских технологий", "ORG")])
    assert got == [("Институт морских технологий", "ORG"), ("ИМТ", "ORG")]


def test_latin_acronym_after_org(nlp):
    text = "Представители Корейского агентства энергетики (KEMCO) приехали."
    got = run(nlp, text, [("Корейского агентства энергетики", "ORG")])
    assert ("KEMCO", "ORG") in got


def test_bracket_after_common_words_or_numbers_is_not_an_entity(nlp):
    text = "Рост валового продукта (ВП) составил 3%, сказал Петр Сидоров (2510)."
    got = run(nlp, text, [("Петр Сидоров", "PER")])
    assert got == [("Петр Сидоров", "PER")]


# --- ruler: label fixes ------------------------------------------------------------------------------


def test_country_abbreviation_is_loc(nlp):
    text = "Министр экономики КР встретился с послом."
    got = run(nlp, text, [("КР", "ORG")], only="ner_ruler")
    assert got == [("КР", "LOC")]


def test_ruler_fills_missing_abbreviation(nlp):
    got = run(nlp, "Посол РК прибыл в Сеул.", [("Сеул", "LOC")], only="ner_ruler")
    assert got == [("РК", "LOC"), ("Сеул", "LOC")]


def test_union_is_org(nlp):
    got = run(nlp, "Санкции Евросоюза продлены.", [("Евросоюза", "LOC")], only="ner_ruler")
    assert got == [("Евросоюза", "ORG")]


def test_longer_model_span_beats_ruler(nlp):
    text = "Руководитель Торгово-промышленной палаты КР выступил."
    span = "Торгово-промышленной палаты КР"
    assert run(nlp, text, [(span, "ORG")], only="ner_ruler") == [(span, "ORG")]


# --- ORG heads -----------------------------------------------------------------------------------------


def test_org_head_noun_relabels(nlp):
    text = "Он учился в Университете Сиэтла и в Областной больнице Омска работал."
    got = run(
        nlp, text, [("Университете Сиэтла", "LOC"), ("Областной больнице Омска", "LOC")], only="ner_org_heads"
    )
    assert got == [("Университете Сиэтла", "ORG"), ("Областной больнице Омска", "ORG")]


def test_place_without_org_head_keeps_label(nlp):
    text = "Он жил в Советском Союзе и в Нижнем Новгороде."
    spans = [("Советском Союзе", "LOC"), ("Нижнем Новгороде", "LOC")]
    assert run(nlp, text, spans, only="ner_org_heads") == spans


# --- merging names cut in two --------------------------------------------------------------------------


def test_org_of_a_people_of_a_country_is_one_name(nlp):
    text = "Заседание Ассамблеи народа Казахстана прошло в Астане."
    got = run(
        nlp, text, [("Ассамблеи народа", "ORG"), ("Казахстана", "LOC"), ("Астане", "LOC")], only="ner_merge"
    )
    assert got == [("Ассамблеи народа Казахстана", "ORG"), ("Астане", "LOC")]


def test_genitive_org_completes_org(nlp):
    text = "Делегация Парламентской ассамблеи Совета Европы уехала."
    got = run(nlp, text, [("Парламентской ассамблеи", "ORG"), ("Совета Европы", "ORG")], only="ner_merge")
    assert got == [("Парламентской ассамблеи Совета Европы", "ORG")]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Глава МИД РФ заявил.", [("МИД", "ORG"), ("РФ", "LOC")]),  # abbreviation on the left
        ("Решение Министерства финансов Германии.", [("Министерства финансов", "ORG"), ("Германии", "LOC")]),
        ("Письмо Совета директоров, Москва.", [("Совета директоров", "ORG"), ("Москва", "LOC")]),  # comma gap
    ],
)
def test_no_merge_when_grammar_or_convention_says_two(nlp, text, spans):
    assert run(nlp, text, spans, only="ner_merge") == spans


# --- stop list ------------------------------------------------------------------------------------------


def test_stop_list_drops_non_entities(nlp):
    text = "Об этом пишут СМИ, сообщил Олег Жуков."
    got = run(nlp, text, [("СМИ", "ORG"), ("Олег Жуков", "PER")], only="ner_stoplist")
    assert got == [("Олег Жуков", "PER")]


def test_role_word_trimmed_from_name_start(nlp):
    text = "Замглавы Федеральной таможенной службы уволен."
    got = run(nlp, text, [("Замглавы Федеральной таможенной службы", "ORG")], only="ner_stoplist")
    assert got == [("Федеральной таможенной службы", "ORG")]


def test_sentence_initial_common_word_dropped_but_names_kept(nlp):
    text = "Вечерний поезд ушел. Россия ответила. Воронеж ждет."
    spans = [("Вечерний", "LOC"), ("Россия", "LOC"), ("Воронеж", "LOC")]
    assert run(nlp, text, spans, only="ner_stoplist") == [("Россия", "LOC"), ("Воронеж", "LOC")]


# --- mixed scripts -------------------------------------------------------------------------------------


def test_unify_scripts_maps_minority_letters_only():
    assert unify_scripts("КOTRA и Газпрoм") == "KOTRA и Газпром"
    assert unify_scripts("Москва USA") == "Москва USA"
    assert len(unify_scripts("ВКО-СOVID")) == len("ВКО-СOVID")


def test_mixed_script_word_is_one_token():
    words, _, _ = split_words("Агентство КOTRA открыло офис")
    assert "КOTRA" in words


def test_adjective_then_name_is_one_org(nlp):
    text = "Заседала Межрегиональная российско-китайская Комиссия по науке в мае."
    spans = [("Межрегиональная российско-китайская", "ORG"), ("Комиссия по науке", "ORG")]
    got = run(nlp, text, spans, only="ner_merge")
    assert got == [("Межрегиональная российско-китайская Комиссия по науке", "ORG")]


def test_bracketed_abbreviation_inside_place_is_org_but_country_code_is_loc(nlp):
    text = "Атташе Республики Чили (PROCHILE) и Корейской Народно-Демократической Республики (КНДР) прибыли."
    spans = [
        ("Республики Чили (PROCHILE)", "LOC"),
        ("Корейской Народно-Демократической Республики (КНДР)", "LOC"),
    ]
    got = run(nlp, text, spans)
    assert ("PROCHILE", "ORG") in got
    assert ("КНДР", "LOC") in got
    assert ("Республики Чили", "LOC") in got


def test_original_name_in_brackets_after_org(nlp):
    text = "Доклад выпустила Лига защиты птиц (Bird Protection League) вчера."
    got = run(nlp, text, [("Лига защиты птиц", "ORG")])
    assert got == [("Лига защиты птиц", "ORG"), ("Bird Protection League", "ORG")]


def test_acronym_after_unrecognised_org_phrase(nlp):
    text = "Строительство Курской атомной электростанции (КуАЭС) продолжится."
    assert run(nlp, text, []) == [("КуАЭС", "ORG")]


def test_named_after_person_is_one_org(nlp):
    text = "Спектакль Театра им. Анны Ахматовой прошел."
    got = run(nlp, text, [("Театра им.", "ORG"), ("Анны Ахматовой", "PER")])
    assert got == [("Театра им. Анны Ахматовой", "ORG")]


def test_regional_office_by_place_is_one_org(nlp):
    text = "Сотрудники МЧС по Томской области выехали."
    got = run(nlp, text, [("МЧС", "ORG"), ("Томской", "LOC")], only="ner_merge")
    assert got == [("МЧС по Томской", "ORG")]
    text = "Сотрудники МЧС работали по Томску."  # a verb in between: no merge
    assert run(nlp, text, [("МЧС", "ORG"), ("Томску", "LOC")], only="ner_merge") == [
        ("МЧС", "ORG"),
        ("Томску", "LOC"),
    ]


def test_balanced_quote_inside_name_is_kept(nlp):
    text = "Директор Центра прикладных исследований «Вектор» выступил."
    span = "Центра прикладных исследований «Вектор»"
    assert run(nlp, text, [(span, "ORG")]) == [(span, "ORG")]


def test_descriptor_with_quote_closed_just_after_span(nlp):
    text = "Член НП «Эксперты рынка труда» сказал."
    assert run(nlp, text, [("НП «Эксперты рынка труда", "ORG")]) == [("Эксперты рынка труда", "ORG")]


def test_comma_separates_names_inside_brackets(nlp):
    text = "Группировка «Северный фронт» (СФ, НФС) запрещена."
    got = run(nlp, text, [("«Северный фронт» (СФ, НФС)", "ORG")])
    assert got == [("Северный фронт", "ORG"), ("СФ", "ORG"), ("НФС", "ORG")]


def test_lone_letter_after_line_break_dropped(nlp):
    text = "Фанатка и Эрдоган\nА вот в Европе"
    assert run(nlp, text, [("Эрдоган\nА", "PER")], only="ner_punct") == [("Эрдоган", "PER")]


def test_bracket_in_other_script_must_look_like_transliteration(nlp):
    text = "Машина Ивана Смирнова (Red Bull) и машина Ивана Смирнова (Ivan Smirnov)."
    spans = [("Ивана Смирнова", "PER"), ("Ивана Смирнова", "PER")]
    got = run(nlp, text, spans, only="ner_bracket_acronyms")
    assert got == [("Ивана Смирнова", "PER"), ("Ивана Смирнова", "PER"), ("Ivan Smirnov", "PER")]


def test_ruler_patterns_need_the_proper_name_form(nlp):
    text = "С европейскими союзниками говорили Европарламентарии и Европейский союз."
    got = run(nlp, text, [("Европейский союз", "LOC")], only="ner_ruler")
    assert got == [("Европейский союз", "ORG")]


def test_overlong_mentions_are_noise(nlp):
    text = "Слово " + "Ы" * 500 + " и Москва."
    assert run(nlp, text, [("Ы" * 500, "ORG"), ("Москва", "LOC")], only="ner_stoplist") == [("Москва", "LOC")]


def test_role_word_trimmed_then_region_code_is_loc(nlp):
    text = "Аким СКО провел совещание."
    assert run(nlp, text, [("Аким СКО", "ORG")]) == [("СКО", "LOC")]


def test_role_word_alone_is_no_name(nlp):
    text = "Замглавы Налоговой службы уволен."
    got = run(nlp, text, [("Замглавы", "ORG"), ("Налоговой службы", "ORG")])
    assert got == [("Налоговой службы", "ORG")]


def test_parliament_names_are_org(nlp):
    text = "Жогорку Кенеш и депутаты Мажилиса одобрили закон."
    got = run(nlp, text, [("Жогорку Кенеш", "LOC")], only="ner_ruler")
    assert got == [("Жогорку Кенеш", "ORG"), ("Мажилиса", "ORG")]


def test_quoted_name_after_org_word(nlp):
    text = "Акции ТОО «Степной ветер» купил фонд «Береке», а в кино «Тихий вечер» не пошли."
    got = run(nlp, text, [])
    assert got == [("Степной ветер", "ORG"), ("Береке", "ORG")]


def test_quoted_name_already_found_is_not_duplicated(nlp):
    text = "Сотрудники компании «Алтын Групп» уволены."
    assert run(nlp, text, [("Алтын Групп", "ORG")]) == [("Алтын Групп", "ORG")]


def test_quoted_title_after_vehicle_or_work_noun_is_not_org(nlp):
    text = "Экипаж корабля «Восход-9» и создатели фильма «Ледокол» отдыхали, акционеры ТОО «Восход» тоже."
    spans = [("Восход-9", "ORG"), ("Ледокол", "ORG"), ("Восход", "ORG")]
    assert run(nlp, text, spans) == [("Восход", "ORG")]


def test_trimmed_remainder_in_lower_case_is_dropped(nlp):
    text = "Замминистра энергетики и угля РК выступил."
    got = run(nlp, text, [("Замминистра энергетики и угля", "ORG"), ("РК", "LOC")])
    assert got == [("РК", "LOC")]


def test_no_genitive_merge_into_latin_name(nlp):
    text = "Индекс Пражской биржи Prague Index вырос."
    spans = [("Пражской биржи", "ORG"), ("Prague Index", "ORG")]
    assert run(nlp, text, spans, only="ner_merge") == spans


def test_bracketed_abbreviation_of_the_place_itself_stays_loc(nlp):
    text = "В Республике Молдова (РМ) распускают армию."
    got = run(nlp, text, [("Республике Молдова (РМ)", "LOC")], only="ner_punct")
    assert got == [("Республике Молдова", "LOC"), ("РМ", "LOC")]


def test_bracketed_other_script_inside_person_span_needs_matching_initials(nlp):
    text = "Машину разбил Карлос Сайнс (Red Bull) на старте."
    got = run(nlp, text, [("Карлос Сайнс (Red Bull)", "PER")], only="ner_punct")
    assert got == [("Карлос Сайнс", "PER")]


# --- complements: 'по ...' / 'при ...' complete an institution's name -----------------------------------


@pytest.mark.parametrize(
    ("text", "spans", "name"),
    [
        (
            "Заявление сделал представитель Контрольного комитета при мэрии города вчера.",
            [("Контрольного комитета", "ORG")],
            "Контрольного комитета при мэрии города",
        ),
        (
            "Лицензию выдало Бюро Канады по авторским правам и смежным вопросам.",
            [("Бюро", "ORG"), ("Канады", "LOC")],
            "Бюро Канады по авторским правам и смежным вопросам",
        ),
        (
            "Сотрудники МВД по Самаре и Тольятти задержали его.",
            [("МВД", "ORG"), ("Самаре", "LOC"), ("Тольятти", "LOC")],
            "МВД по Самаре и Тольятти",
        ),
        (
            "Решение принял Научный совет при Президенте Чехии в среду.",
            [("Научный совет", "ORG"), ("Президенте", "PER"), ("Чехии", "LOC")],
            "Научный совет при Президенте Чехии",
        ),
    ],
)
def test_complement_completes_an_institution_name(nlp, text, spans, name):
    assert run(nlp, text, spans, only="ner_merge")[0] == (name, "ORG")


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Совет директоров по итогам года одобрил сделку.", [("Совет директоров", "ORG")]),  # discourse 'по'
        ("Форум прошёл в Центре при поддержке мэрии.", [("Центре", "ORG")]),  # a circumstance
        ("Акции Газпрома по оценкам аналитиков вырастут.", [("Газпрома", "ORG")]),  # no institution noun
        # the phrase belongs to the lower-case 'комитета' before the name
        ("Глава комитета Совета Федерации по обороне выступил.", [("Совета Федерации", "ORG")]),
    ],
)
def test_no_complement_for_discourse_phrases_or_other_owners(nlp, text, spans):
    assert run(nlp, text, spans, only="ner_merge") == spans


def test_original_name_in_brackets_after_a_quoted_org(nlp):
    text = "Концерн «Орбита» (Orbita Group) открыл завод."
    got = run(nlp, text, [("Орбита", "ORG")], only="ner_bracket_acronyms")
    assert got == [("Орбита", "ORG"), ("Orbita Group", "ORG")]


def test_original_name_in_a_second_bracket_after_the_abbreviation(nlp):
    text = "Доклад выпустила Лига защиты птиц (ЛЗП) (Bird Protection League) вчера."
    got = run(nlp, text, [("Лига защиты птиц", "ORG")], only="ner_bracket_acronyms")
    assert got == [("Лига защиты птиц", "ORG"), ("ЛЗП", "ORG"), ("Bird Protection League", "ORG")]


def test_bracket_after_a_quoted_title_is_not_taken_for_the_org(nlp):
    # a bracket far from the name (a clause between) stays alone
    text = "Концерн «Орбита» сообщил, что (по данным Reuters) продажи выросли."
    got = run(nlp, text, [("Орбита", "ORG"), ("Reuters", "ORG")], only="ner_bracket_acronyms")
    assert got == [("Орбита", "ORG"), ("Reuters", "ORG")]
