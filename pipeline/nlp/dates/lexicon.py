"""Word lists of models/dates/lexicon.json, folded into lookup tables once per process."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# Repository root = three levels above pipeline/nlp/dates/.
LEXICON_PATH = Path(__file__).resolve().parents[3] / "models" / "dates" / "lexicon.json"


def fold(word: str) -> str:
    """The key every lookup uses: lower case, ё as е."""
    return word.lower().replace("ё", "е")


def _forms(mapping: dict[str, list[str]]) -> dict[str, int]:
    return {fold(form): int(key) for key, forms in mapping.items() for form in forms}


def _seqs(items: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    # Longest first, so that `начиная с` wins over `с`.
    return tuple(sorted((tuple(fold(w) for w in seq) for seq in items), key=len, reverse=True))


def _unit_of(mapping: dict[str, list[str]]) -> dict[str, str]:
    """`{"year": ["год", "лет"]}` -> form -> unit."""
    return {fold(form): unit for unit, forms in mapping.items() for form in forms}


def _units(mapping: dict[str, list[str]]) -> dict[str, tuple[str, int]]:
    """`{"year:-1": forms}` or `{"days:7": forms}` -> form -> (unit, number); a bare number key is months."""
    out: dict[str, tuple[str, int]] = {}
    for key, forms in mapping.items():
        unit, _, n = key.rpartition(":")
        for form in forms:
            out[fold(form)] = (unit or "months", int(n))
    return out


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    month_abbr: dict[str, int]
    year_words: frozenset[str]
    year_abbr: frozenset[str]
    plural_year_words: frozenset[str]
    not_calendar_year_after: frozenset[str]
    nominative_year_suffixes: frozenset[str]
    short_year_preps: frozenset[str]  # `с 879 года`
    year_adjectives: frozenset[str]  # `2018 финансовый год`
    year_suffixes: frozenset[str]
    day_suffixes: frozenset[str]
    bare_day_suffixes: frozenset[str]  # `а 14-го финишировали`: a day of the month mentioned last
    bare_day_number_words: frozenset[str]  # `18-го числа`
    bare_day_next: frozenset[str]  # words that may follow such a day
    decade_suffixes: frozenset[str]
    century_words: frozenset[str]
    century_abbr: frozenset[str]
    century_rel_words: frozenset[str]  # `прошлого столетия`: only after a modifier (`два столетия` counts)
    quarter_words: frozenset[str]
    quarter_abbr: frozenset[str]
    half_words: frozenset[str]
    half_words_need_year: frozenset[str]
    week_words: frozenset[str]
    day_unit_words: frozenset[str]  # `на следующий день`
    month_unit_words: frozenset[str]
    seasons: dict[str, int]  # form -> 0 winter, 1 spring, 2 summer, 3 autumn
    season_adverbs: frozenset[str]
    ordinals: dict[str, int]
    ordinal_suffixes: frozenset[str]
    bare_digit_units: frozenset[str]
    modifiers: dict[str, int]  # прошлом -> -1
    relative_days: dict[str, int]
    eve_words: frozenset[str]  # `накануне`: a day before only as an adverb
    eve_possessives: frozenset[str]  # `накануне его визита`: looked through to the noun
    weekdays: dict[str, int]  # accusative form -> 0 (Monday) .. 6
    weekday_preps: frozenset[str]
    weekday_not_before: frozenset[str]  # `в среду обитания`: the noun, not Wednesday
    future_preps: frozenset[str]  # `на август`, `на субботу`: a planned, hence future, time
    plan_words: frozenset[str]  # `планируется`, `намерен`, `предстоит`: a clause about a plan
    season_preps: frozenset[str]  # `на осень`, `до весны`: a season noun that is a date
    decade_words: dict[str, int]
    decade_context: frozenset[str]
    two_digit_decades: dict[str, int]
    open_end_preps: tuple[tuple[str, ...], ...]
    open_after_preps: tuple[tuple[str, ...], ...]
    open_start_preps: tuple[tuple[str, ...], ...]
    by_preps: frozenset[str]
    by_not_after: frozenset[str]  # `по отношению к февралю`: a comparison, no bound
    since_not_after: frozenset[str]  # `по сравнению с сегодняшним положением`: a comparison, no bound
    range_heads: tuple[tuple[str, ...], ...]
    range_joins: frozenset[str]
    between_heads: frozenset[str]
    between_joins: frozenset[str]
    dashes: frozenset[str]
    period_modifiers: dict[str, str]  # `конца` -> end: which point of the atom an open interval uses
    coordinators: frozenset[str]
    decade_not_before: frozenset[str]
    present_tails: tuple[tuple[str, ...], ...]
    onward_tails: tuple[tuple[str, ...], ...]  # `2020 год и далее`: open_end from the start of X
    onward_not_before: frozenset[str]  # `и позже всех`: a comparison
    quarter_abbr_not_before: frozenset[str]
    not_year_after: frozenset[str]
    bare_year_preps: frozenset[str]  # `в 2007,`: a year without `год` after locative `в`
    bare_year_next_words: frozenset[str]  # words that may follow such a bare year (`в 2008 и ...`)
    born_abbr: frozenset[str]  # `(р. 1947)`
    imprint_cities: frozenset[str]  # `М.: ОГИ, 2017`: abbreviated cities of a bibliographic imprint
    instrumental: frozenset[str]  # unit forms after which `с` means `with`, not `since`
    number_markers: frozenset[str]
    section_markers: frozenset[str]  # `ст. 20.3.11`: a section number, not a date
    roman_lookalikes: dict[str, str]
    day_parts: frozenset[str]  # `сегодня утром`: a day, not 'nowadays'
    deictic_day_parts: frozenset[str]  # `этим утром`: today
    today_verbs: frozenset[str]  # lemmas of present-tense verbs that report a day's events
    event_stems: tuple[str, ...]  # `чемпионат`, `кубк`: a year after them names an edition, not a date
    event_year_words: frozenset[str]  # `года`, `г`: the genitive year of an edition
    event_year_not_after: frozenset[str]  # `в`, `с`: a preposition before the year makes it a date
    same_period_words: tuple[str, ...]  # `аналогичн`, `тот же`: before `период` + a year (same_period.py)
    previous_period_stems: tuple[str, ...]  # `предыдущ` + `период`: the unit before (previous_period.py)
    previous_period_cues: tuple[str, ...]  # `по сравнению с`: before it, a comparison
    story_modifiers: frozenset[str]  # `в следующем году` in a past clause: after the date just told
    anaphoric_modifiers: frozenset[str]  # `в предыдущем году`: before the date just told, in any clause
    state_verbs: frozenset[str]  # `Сегодня мы можем констатировать`: first-person present, 'nowadays'
    present_predicatives: frozenset[str]  # `сегодня ... нельзя`: present state, 'nowadays'
    habitual_verbs: frozenset[str]  # `считают 23 декабря`: a yearly date, not a date
    habitual_words: frozenset[str]  # `ежегодно`, `традиционно`
    usual_phrases: tuple[tuple[str, ...], ...]  # `обычно`, `как правило`: their clause or the next recurs
    holiday_words: frozenset[str]  # `День`, `праздник`: what a habitual verb celebrates
    locative_modifiers: dict[str, str]  # `в конце марта`: kept in the span, all of March; -> point in ranges
    target_modifiers: frozenset[str]  # `на конец месяца`: locative after one of target_preps
    target_preps: frozenset[str]
    this_year_abbr: tuple[tuple[str, ...], ...]  # `с.г.`
    same_year_tails: tuple[tuple[str, ...], ...]  # `в сентябре того же года`
    year_tail_first: frozenset[str]  # first words of same_year_tails and this_year_abbr
    offset_units: dict[str, str]  # `лет` -> year: units counted by `назад` / `через`
    number_words: dict[str, int]  # `пять` -> 5
    ago_words: frozenset[str]
    ago_fillers: frozenset[str]
    ago_approx_words: frozenset[str]
    ago_approx_units: frozenset[str]
    ago_more_words: frozenset[str]  # `160 с лишним лет назад`: more than N units ago
    ago_more_before: frozenset[str]  # `более двух лет назад`: more than N units ago
    negated_bounds: frozenset[str]  # `не раньше осени`: after `не`, a bound of a planned time
    later_words: frozenset[str]
    story_later_words: frozenset[str]  # `спустя полгода`: an offset in a narrated (past) clause
    story_offset_after: frozenset[str]  # what may stand before such an offset (`. Спустя`, `а спустя`)
    post_offset_words: dict[str, int]  # `год спустя`, `годом ранее`: the word ending an offset -> its sign
    post_offset_instr: frozenset[str]  # those that take the instrumental (`пятью годами ранее`)
    post_offset_anaphora: frozenset[str]  # those that end `до того` (`два года до того`)
    offset_units_instr: dict[str, str]  # `годами` -> year
    offset_not_before: frozenset[str]  # `через год после ...`: counted from an event, not a date
    window_words: frozenset[str]  # `последние` in `в последние два года`
    window_singular: frozenset[str]  # `последний год`: a window of one unit
    window_one_units: frozenset[str]  # `последние сутки`: one of a plural-only unit
    first_time_words: frozenset[str]  # `Впервые за 15 лет`: a window too
    superlative_heads: frozenset[str]  # `самым` in `самым молодым за восемь лет`
    window_units: dict[str, tuple[str, int]]  # `десятилетия` -> (month, 120); `недель` -> (day, 7)
    fraction_words: dict[
        str, float
    ]  # `полторы` -> 1.5 (`последние полторы тысячи лет`, `Полтора года назад`)
    window_scales: dict[str, int]  # `тысячи` -> 1000
    ago_adjective_words: frozenset[str]  # `давности` in `четырехлетней давности`
    ago_adjective_units: dict[str, str]  # `летней` -> year
    ago_adjective_stems: dict[str, int]  # `четырех` -> 4
    deictic_adjectives: dict[str, tuple[str, int]]  # `прошлогоднего` -> (year, -1)
    deictic_adjective_not_before: frozenset[str]  # `на сегодняшний день`: as of now, vague
    month_adjectives: dict[str, int]  # `декабрьской` -> 12
    month_adjective_not_before: frozenset[str]  # `майские праздники`, `майские указы`
    weekday_adjectives: dict[str, int]  # `воскресном` -> 6
    weekday_adjective_not_before: frozenset[str]  # `воскресной школы`: habitual
    month_edge_days: dict[str, str]  # `последний` -> last, `первый` -> first (`последний день января`)
    plan_modifiers: frozenset[str]  # `предстоящих (в сентябре выборов)`
    night_words: frozenset[str]  # `в ночь на воскресенье`: the night before, not a future target
    weekend_words: frozenset[str]  # `выходные`
    bare_weekend_words: frozenset[str]  # `в выходные` with no modifier
    weekend_modifiers: dict[str, int]  # `минувшие` -> -1
    weekdays_gen: dict[str, int]  # `до среды`
    event_periods: frozenset[str]  # `сезона` in `чемпионом сезона 2015 года`: the year dates the season
    season_nouns: frozenset[str]  # `в сезоне 2017/18`: a season over two years
    rank_words: frozenset[str]  # `место` in `с 15-го на 16-е место`
    born_words: frozenset[str]  # `рождения` in `(1971 рождения)`
    leading_words: frozenset[str]  # `первые` in `первые шесть месяцев 2017 года`, `за` in `за десять месяцев`
    leading_in_span: frozenset[str]  # `первые` is in the span, `за` is not
    leading_units: dict[str, int]  # `месяцев` -> 1, `кварталов` -> 3 (months per unit)
    leading_months_only: frozenset[str]  # `итогам`: leads months, not quarters (`по итогам 2 квартала`)
    weekday_gen_after: frozenset[str]  # `утра` in `утра воскресенья`
    weekday_subjects: dict[str, int]  # `воскресенье` in `воскресенье выдалось ясным`
    triggers: frozenset[str]  # words at which an expression can start
    prep_first: frozenset[str]  # first words of interval prepositions (`с`, `до`, `начиная`)
    lead_only: frozenset[str]  # interval prepositions that are no other trigger: need a dating word after
    dating_words: frozenset[str]  # triggers other than lead_only, and units (`года`, `века`)


def _set(raw: dict, key: str) -> frozenset[str]:
    return frozenset(fold(w) for w in raw[key])


@cache
def lexicon() -> Lexicon:
    with LEXICON_PATH.open(encoding="utf-8") as f:
        raw = json.load(f)
    seasons = {"winter": 0, "spring": 1, "summer": 2, "autumn": 3}
    lex = dict(
        months=_forms(raw["months"]),
        month_abbr=_forms(raw["month_abbr"]),
        year_words=_set(raw, "year_words"),
        year_abbr=_set(raw, "year_abbr"),
        plural_year_words=_set(raw, "plural_year_words"),
        not_calendar_year_after=_set(raw, "not_calendar_year_after"),
        nominative_year_suffixes=_set(raw, "nominative_year_suffixes"),
        short_year_preps=_set(raw, "short_year_preps"),
        year_adjectives=_set(raw, "year_adjectives"),
        year_suffixes=_set(raw, "year_suffixes"),
        day_suffixes=_set(raw, "day_suffixes"),
        bare_day_suffixes=_set(raw, "bare_day_suffixes"),
        bare_day_number_words=_set(raw, "bare_day_number_words"),
        bare_day_next=_set(raw, "bare_day_next"),
        decade_suffixes=_set(raw, "decade_suffixes"),
        century_words=_set(raw, "century_words"),
        century_abbr=_set(raw, "century_abbr"),
        century_rel_words=_set(raw, "century_rel_words"),
        quarter_words=_set(raw, "quarter_words"),
        quarter_abbr=_set(raw, "quarter_abbr"),
        half_words=_set(raw, "half_words") | _set(raw, "half_words_need_year"),
        half_words_need_year=_set(raw, "half_words_need_year"),
        week_words=_set(raw, "week_words"),
        day_unit_words=_set(raw, "day_unit_words"),
        month_unit_words=_set(raw, "month_unit_words"),
        seasons={fold(f): seasons[name] for name, forms in raw["season_words"].items() for f in forms},
        season_adverbs=_set(raw, "season_adverbs"),
        ordinals=_forms(raw["ordinals"]),
        ordinal_suffixes=_set(raw, "ordinal_suffixes"),
        bare_digit_units=_set(raw, "bare_digit_units"),
        modifiers=_forms(raw["relative_modifiers"]),
        relative_days={fold(k): int(v) for k, v in raw["relative_days"].items()},
        eve_words=_set(raw, "eve_words"),
        eve_possessives=_set(raw, "eve_possessives"),
        weekdays=_forms(raw["weekdays_acc"]),
        weekday_preps=_set(raw, "weekday_preps"),
        weekday_not_before=_set(raw, "weekday_not_before"),
        season_preps=_set(raw, "season_preps"),
        future_preps=_set(raw, "future_preps"),
        plan_words=_set(raw, "plan_words"),
        decade_words=_forms(raw["decade_words"]),
        decade_context=_set(raw, "decade_context_before"),
        two_digit_decades={k: int(v) for k, v in raw["two_digit_decade_century"].items()},
        open_end_preps=_seqs(raw["open_end_preps"]),
        open_after_preps=_seqs(raw["open_after_preps"]),
        open_start_preps=_seqs(raw["open_start_preps"]),
        by_preps=_set(raw, "by_preps"),
        by_not_after=_set(raw, "by_not_after"),
        since_not_after=_set(raw, "since_not_after"),
        range_heads=_seqs(raw["range_heads"]),
        range_joins=_set(raw, "range_joins"),
        between_heads=_set(raw, "between_heads"),
        between_joins=_set(raw, "between_joins"),
        dashes=frozenset(raw["dashes"]),
        period_modifiers={fold(k): v for k, v in raw["period_modifiers"].items()},
        coordinators=_set(raw, "coordinators"),
        decade_not_before=_set(raw, "decade_not_before"),
        present_tails=_seqs(raw["present_tails"]),
        onward_tails=_seqs(raw["onward_tails"]),
        onward_not_before=_set(raw, "onward_not_before"),
        quarter_abbr_not_before=_set(raw, "quarter_abbr_not_before"),
        not_year_after=_set(raw, "not_year_after"),
        bare_year_preps=_set(raw, "bare_year_preps"),
        bare_year_next_words=_set(raw, "bare_year_next_words"),
        born_abbr=_set(raw, "born_abbr"),
        imprint_cities=_set(raw, "imprint_cities"),
        number_markers=_set(raw, "number_markers"),
        section_markers=_set(raw, "section_markers"),
        roman_lookalikes={fold(k): v for k, v in raw["roman_lookalikes"].items()},
        day_parts=_set(raw, "day_parts"),
        deictic_day_parts=_set(raw, "deictic_day_parts"),
        today_verbs=_set(raw, "today_verbs"),
        event_stems=tuple(raw["event_stems"]),
        event_year_words=_set(raw, "event_year_words"),
        event_year_not_after=_set(raw, "event_year_not_after"),
        same_period_words=tuple(raw["same_period_words"]),
        previous_period_stems=tuple(raw["previous_period_stems"]),
        previous_period_cues=tuple(raw["previous_period_cues"]),
        story_modifiers=_set(raw, "story_modifiers"),
        anaphoric_modifiers=_set(raw, "anaphoric_modifiers"),
        state_verbs=_set(raw, "state_verbs"),
        present_predicatives=_set(raw, "present_predicatives"),
        habitual_verbs=_set(raw, "habitual_verbs"),
        habitual_words=_set(raw, "habitual_words"),
        usual_phrases=tuple(tuple(p.split()) for p in raw["usual_phrases"]),
        holiday_words=_set(raw, "holiday_words"),
        locative_modifiers={fold(k): v for k, v in raw["locative_modifiers"].items()},
        target_modifiers=_set(raw, "target_modifiers"),
        target_preps=_set(raw, "target_preps"),
        this_year_abbr=_seqs(raw["this_year_abbr"]),
        same_year_tails=_seqs(raw["same_year_tails"]),
        offset_units=_unit_of(raw["offset_units"]),
        number_words=_forms(raw["number_words"])
        | _forms(raw["number_words_instr"])
        | _forms(raw["number_words_gen"]),
        ago_words=_set(raw, "ago_words"),
        ago_fillers=_set(raw, "ago_fillers"),
        ago_approx_words=_set(raw, "ago_approx_words"),
        ago_approx_units=_set(raw, "ago_approx_units"),
        ago_more_words=_set(raw, "ago_more_words"),
        ago_more_before=_set(raw, "ago_more_before"),
        negated_bounds=_set(raw, "negated_bounds"),
        later_words=_set(raw, "later_words"),
        story_later_words=_set(raw, "story_later_words"),
        story_offset_after=_set(raw, "story_offset_after"),
        post_offset_words=_forms(raw["post_offset_words"]),
        post_offset_instr=_set(raw, "post_offset_instr"),
        post_offset_anaphora=_set(raw, "post_offset_anaphora"),
        offset_units_instr=_unit_of(raw["offset_units_instr"]),
        offset_not_before=_set(raw, "offset_not_before"),
        window_words=_set(raw, "window_words"),
        window_singular=_set(raw, "window_singular"),
        window_one_units=_set(raw, "window_one_units"),
        first_time_words=_set(raw, "first_time_words"),
        superlative_heads=_set(raw, "superlative_heads"),
        window_units=_units(raw["window_units"]),
        fraction_words={fold(f): float(k) for k, forms in raw["fraction_words"].items() for f in forms},
        window_scales=_forms(raw["window_scales"]),
        ago_adjective_words=_set(raw, "ago_adjective_words"),
        ago_adjective_units=_unit_of(raw["ago_adjective_units"]),
        ago_adjective_stems=_forms(raw["ago_adjective_stems"]),
        deictic_adjectives=_units(raw["deictic_adjectives"]),
        deictic_adjective_not_before=_set(raw, "deictic_adjective_not_before"),
        month_adjectives=_forms(raw["month_adjectives"]),
        month_adjective_not_before=_set(raw, "month_adjective_not_before"),
        weekday_adjectives=_forms(raw["weekday_adjectives"]),
        weekday_adjective_not_before=_set(raw, "weekday_adjective_not_before"),
        month_edge_days=_unit_of(raw["month_edge_days"]),
        plan_modifiers=_set(raw, "plan_modifiers"),
        night_words=_set(raw, "night_words"),
        weekend_words=_set(raw, "weekend_words"),
        bare_weekend_words=_set(raw, "bare_weekend_words"),
        weekend_modifiers=_forms(raw["weekend_modifiers"]),
        weekdays_gen=_forms(raw["weekdays_gen"]),
        event_periods=_set(raw, "event_periods"),
        season_nouns=_set(raw, "season_nouns"),
        rank_words=_set(raw, "rank_words"),
        born_words=_set(raw, "born_words"),
        leading_words=_set(raw, "leading_words"),
        leading_in_span=_set(raw, "leading_in_span"),
        leading_units={w: int(n) for n, forms in raw["leading_units"].items() for w in forms},
        leading_months_only=_set(raw, "leading_months_only"),
        weekday_gen_after=_set(raw, "weekday_gen_after"),
        weekday_subjects=_forms(raw["weekday_subjects"]),
    )
    units = set(lex["months"]) | lex["year_words"] | lex["quarter_words"] | lex["half_words"]
    units |= lex["century_words"] | lex["month_unit_words"] | lex["week_words"] | set(lex["seasons"])
    instr_endings = ("ом", "ем", "ами", "ями", "ей", "ой", "ью")
    # `с 2014-м` (with the 2014th) as well as `с 2014 годом`.
    lex["instrumental"] = frozenset(w for w in units if w.endswith(instr_endings)) | {"м", "ым"}
    lex["year_tail_first"] = frozenset(
        seq[0] for key in ("same_year_tails", "this_year_abbr") for seq in lex[key]
    )
    triggers: set[str] = set()
    for key in (
        "months",
        "month_abbr",
        "seasons",
        "ordinals",
        "modifiers",
        "relative_days",
        "weekdays",
        "weekdays_gen",
        "weekday_subjects",
        "decade_words",
        "later_words",
        "story_later_words",
        "post_offset_words",
        "ago_words",
        "locative_modifiers",
        "target_modifiers",
        "window_words",
        "ago_adjective_words",
        "deictic_adjectives",
        "month_adjectives",
        "weekday_adjectives",
        "month_edge_days",
        "weekend_modifiers",
        "bare_weekend_words",
    ):
        triggers.update(lex[key])
    words = frozenset(triggers)  # what may date a text by itself, before the prepositions join
    for key in ("open_end_preps", "open_after_preps", "open_start_preps", "range_heads"):
        triggers.update(seq[0] for seq in lex[key])
    preps = {
        seq[0]
        for key in ("open_end_preps", "open_after_preps", "open_start_preps", "range_heads")
        for seq in lex[key]
    } | lex["between_heads"]
    # `с`, `не`, `после` start nothing on their own, nor do `первые`, `за` (`за десять месяцев 2017 года`)
    lead_only = (preps - words) | lex["leading_words"] | lex["superlative_heads"]
    triggers.update(preps | lex["leading_words"])
    return Lexicon(
        **lex,
        triggers=frozenset(triggers),
        prep_first=frozenset(preps),
        lead_only=frozenset(lead_only),
        # `самым молодым за восемь лет`: window units date a lead word too
        dating_words=frozenset((triggers - lead_only) | units | set(lex["window_units"])),
    )
