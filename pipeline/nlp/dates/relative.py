"""Deictic expressions, meaningful only against the publication date: `вчера`, `в прошлом году`,
`на этой неделе`, `в субботу`, `прошлым летом`."""

from __future__ import annotations

from pipeline.nlp.dates.atom import Atom
from pipeline.nlp.dates.events import names_edition
from pipeline.nlp.dates.lexicon import Lexicon
from pipeline.nlp.dates.tokens import ADJECTIVE_ENDINGS, NUM, WORD, Tokens, dating_adjective, phrase_at
from pipeline.nlp.dates.verbs import finite_verb, verb_tense
from pipeline.nlp.dates.years import year_at
from pipeline.nlp.morph_vocab import morph_vocab, word_cache


def _unit(w: str, lex: Lexicon) -> str | None:
    if w in lex.year_words:
        return "year"
    if w in lex.month_unit_words:
        return "month"
    if w in lex.week_words:
        return "week"
    if w in lex.quarter_words:
        return "quarter"
    if w in lex.half_words:
        return "half"
    if w in lex.century_words or w in lex.century_rel_words:
        return "century"
    return None


def negated_bound(t: Tokens, i: int, lex: Lexicon) -> bool:
    """Token i follows `не раньше`, `не позднее`: a bound of a planned time."""
    return i >= 2 and t.low[i - 1] in lex.negated_bounds and t.low[i - 2] == "не"


def relative_day(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`вчера`, `сегодня`, `позавчера`; not `сегодня` meaning 'nowadays' (see _nowadays)."""
    off = lex.relative_days.get(t.low[i]) if t.kind[i] == WORD else None
    if off is None or (off == 0 and _nowadays(t, i, lex)):
        return None
    day_adjective = lex.deictic_adjectives.get(t.low_at(i + 1))
    if t.low[i] in lex.eve_words and day_adjective is not None and day_adjective[0] == "day":
        return Atom("day", i, i + 2, relative=True, offset=off + day_adjective[1])  # `накануне вчерашнего`
    if t.low[i] in lex.eve_words and _eve_preposition(t, i + 1, lex):
        return None
    return Atom("day", i, i + 1, relative=True, offset=off, narrative=t.low[i] in lex.eve_words)


_QUOTES = frozenset({"«", '"', "„", "“"})


def _eve_preposition(t: Tokens, j: int, lex: Lexicon) -> bool:
    """`накануне выборов`, `накануне Нового года`, `накануне его визита`, `накануне 8 Марта`: `накануне` as
    a preposition (the word after it, token j, is a date or a genitive; no punctuation between), not the
    adverb of `Накануне премьер заявил`, `Накануне США начали` (an indeclinable upper-case name)."""
    if j < len(t) and t.low[j] in _QUOTES and t.adjacent(j + 1):
        j += 1  # `накануне «Евровидения»`
    if j >= len(t) or t.text.find("\n", t.end[j - 1], t.start[j]) >= 0:
        return False
    if t.kind[j] == NUM:
        return True
    if t.kind[j] != WORD:
        return False
    if t.low[j] in lex.eve_possessives:
        return j + 1 < len(t) and t.kind[j + 1] == WORD and _eve_preposition(t, j + 1, lex)
    if t.raw[j].isupper():  # `Накануне США начали`; `накануне ОИ-2018`: a named event
        return j + 1 < len(t) and t.low[j + 1] in ("-", "–") and t.adjacent(j + 1)
    if not _genitive(t.low[j]):
        return False
    # `Накануне Минобороны опубликовало`: an indeclinable noun before a verb is its subject
    nxt = j + 1 < len(t) and t.kind[j + 1] == WORD and finite_verb(t.low[j + 1])
    return not (nxt and _indeclinable(t.low[j]))


@word_cache
def _indeclinable(word: str) -> bool:
    try:
        parses = morph_vocab().parse(word)
    except (ValueError, IndexError):
        return False
    return bool(parses) and "Fixd" in str(parses[0].tag)


@word_cache
def _genitive(word: str) -> bool:
    """A genitive noun by its likeliest parse (`выборов`, `саммита`), or an adjective or participle with any
    genitive parse (`Нового`, `важнейшей`, `Олимпийских`, `предполагаемого`)."""
    try:
        parses = morph_vocab().parse(word)
    except (ValueError, IndexError):
        return False
    if not parses:
        return False
    if parses[0].pos in ("NOUN", "PROPN"):
        return parses[0].feats.get("Case") == "Gen"
    return any(
        p.feats.get("Case") == "Gen" and (p.pos in ("ADJ", "DET") or p.feats.get("VerbForm") == "Part")
        for p in parses
    )


_CLAUSE_ENDS = frozenset({".", "!", "?", ";", "…"})
_COMMA_CLAUSE_ENDS = _CLAUSE_ENDS | {","}
_QUOTES = frozenset("«»“”„")
_WINDOW = 20  # tokens either side
_SENTENCE_WINDOW = 60  # a whole sentence, for a past verb that rules out a plan (planned_day)


def habitual(t: Tokens, i: int, lex: Lexicon) -> bool:
    """`Днём рождения авиации считают 23 декабря`, `ежегодно 9 мая`: the clause around token i states what
    recurs every year (a habitual word, or a holiday noun with present-tense habitual verbs and no past or
    future one)."""
    lo, hi = _clause(t, i, _COMMA_CLAUSE_ENDS)
    if any(t.low[k] in lex.habitual_words for k in range(lo, hi)):
        return True
    if _usual(t, i, lex):
        return True
    if not any(t.low[k] in lex.holiday_words for k in range(lo, hi)):
        return False
    tenses = _clause_tenses(t, i, _COMMA_CLAUSE_ENDS)
    return any(x[5:] in lex.habitual_verbs for x in tenses if x.startswith("Pres:")) and not any(
        x in ("Past", "Fut") for x in tenses
    )


_USUAL_CLAUSE_ENDS = _COMMA_CLAUSE_ENDS | {"(", ")", "—", "–"}  # `19 декабря (обычно это формальность)`
_USUAL_REACH = 3  # tokens past the clause where a parenthetical `, как правило,` may stand


def _usual(t: Tokens, i: int, lex: Lexicon) -> bool:
    """`в начале января обычно показывают`, `Осенью, как правило, в начале октября`: a phrase of the usual
    course in the clause around token i, or as a parenthetical of its own right next to it."""
    lo, hi = _clause(t, i, _USUAL_CLAUSE_ENDS)
    for k in range(max(0, lo - _USUAL_REACH), min(len(t), hi + _USUAL_REACH)):
        stop = phrase_at(t, k, lex.usual_phrases)
        if stop is None:
            continue
        if lo <= k and stop <= hi:
            return True
        if t.low_at(k - 1) == "," and t.low_at(stop) == "," and (stop + 1 == lo or k - 1 == hi):
            return True
    return False


def _clause(t: Tokens, i: int, ends: frozenset[str] = _CLAUSE_ENDS, window: int = _WINDOW) -> tuple[int, int]:
    """Token bounds [lo, hi) of the clause around token i: up to `window` tokens each side, within one
    sentence (or what `ends` ends) and line."""
    text = t.text
    lo = i
    while lo > 0 and i - lo < window and t.low[lo - 1] not in ends:
        if "\n" in text[t.end[lo - 1] : t.start[lo]]:
            break
        lo -= 1
    hi = i + 1
    while hi < len(t) and hi - i < window and t.low[hi] not in ends:
        if "\n" in text[t.end[hi - 1] : t.start[hi]]:
            break
        hi += 1
    return lo, hi


def _clause_tenses(t: Tokens, i: int, ends: frozenset[str] = _CLAUSE_ENDS) -> list[str]:
    """Tenses of the finite verbs in the clause around token i (see verb_tense)."""
    return _tenses(t, i, *_clause(t, i, ends))


def planned_clause(t: Tokens, i: int, lex: Lexicon) -> bool:
    """`в сентябре пройдёт выставка`, `осенью планируется запуск`: the comma-bounded clause around token i
    has a future-tense verb or a plan word and no past-tense verb (`прошла`; `перенесли и пройдёт`:
    mixed clauses are left to the nearest year)."""
    lo, hi = _clause(t, i, _COMMA_CLAUSE_ENDS)
    return bool(_planned(t, i, lo, hi, lex))


def past_clause(t: Tokens, i: int, lex: Lexicon) -> bool:
    """`Встреча прошла 20 мая`, `кризиса, разразившегося 5 июня`: a past verb and no future one or plan word
    in the comma-bounded clause around token i, or a past active participle right before it."""
    lo, hi = _clause(t, i, _COMMA_CLAUSE_ENDS | {":"})  # `была поставлена задача: 21 мая обеспечить`
    if _planned(t, i, lo, hi, lex) is False and "Past" in _tenses(t, i, lo, hi):
        return True
    return i > 0 and _past_participle(t.low[i - 1])


def durative_past_clause(t: Tokens, i: int, lex: Lexicon) -> bool:
    """`Заявки принимались до середины марта`: an imperfective past verb and no future one or plan word in
    the comma-bounded clause around token i: something went on up to that time. A perfective one leaves the
    bound open (`срок продлили до 1 сентября` looks ahead)."""
    lo, hi = _clause(t, i, _COMMA_CLAUSE_ENDS)
    if _planned(t, i, lo, hi, lex) is not False:
        return False
    return any(
        t.kind[k] == WORD and finite_verb(t.low[k]) and _imperfective_past(t.low[k]) for k in range(lo, hi)
    )


@word_cache
def _imperfective_past(word: str) -> bool:
    try:
        feats = morph_vocab().parse(word)[0].feats
    except (ValueError, IndexError):
        return False
    return feats.get("Tense") == "Past" and feats.get("Aspect") == "Imp"


@word_cache
def _past_participle(word: str) -> bool:
    """`разразившегося`, `прошедшей`: a past active participle by its likeliest parse."""
    try:
        p = morph_vocab().parse(word)[0]
    except (ValueError, IndexError):
        return False
    feats = p.feats
    return feats.get("VerbForm") == "Part" and feats.get("Tense") == "Past" and feats.get("Voice") == "Act"


def planned_day(t: Tokens, i: int, lex: Lexicon) -> bool:
    """A year-less day in a plan: `18 марта после голосования тот, кто придёт, получит флаеры`,
    `кто готов дать три концерта 22, 23 и 24 марта`. The comma-bounded clause (a list of day numbers does
    not end it) decides; one with neither a finite verb nor a plan word takes the tense of its sentence.
    A past-tense verb anywhere in the sentence (`предупреждали, что с 24 ноября перейдёт`, reported
    speech of an earlier time; `отметил, что ... соглашение, подписанное 12 марта`) rules the plan out."""
    if "Past" in _tenses(t, i, *_clause(t, i, _CLAUSE_ENDS, _SENTENCE_WINDOW)):
        return False
    slo, shi = _clause(t, i, _CLAUSE_ENDS, _SENTENCE_WINDOW)
    lo, hi = _clause(t, i, _COMMA_CLAUSE_ENDS)
    while lo >= 2 and t.low[lo - 1] == "," and t.kind[lo - 2] == NUM and t.kind[lo] == NUM:
        lo = _clause(t, lo - 2, _COMMA_CLAUSE_ENDS)[0]  # `22, 23 и 24 марта`: one clause
    planned = _planned(t, i, lo, hi, lex)
    if planned is None:
        planned = _planned(t, i, slo, shi, lex)
    return bool(planned)


def _tenses(t: Tokens, i: int, lo: int, hi: int) -> list[str]:
    """Tenses of the finite verbs among tokens [lo, hi) other than token i (see verb_tense). A past form with
    `бы` or after `чтобы` in its clause is a mood, not a tense (`чтобы Греция успела вернуть в четверг`:
    a purpose still ahead), and is left out."""
    tenses = []
    for k in range(lo, hi):
        if k == i or t.kind[k] != WORD or not finite_verb(t.low[k]):
            continue
        tense = verb_tense(t.low[k])
        if tense is not None and not (tense == "Past" and _irrealis(t, k, lo)):
            tenses.append(tense)
    return tenses


_IRREALIS = frozenset({"бы", "б", "чтобы", "чтоб"})


def _irrealis(t: Tokens, k: int, lo: int) -> bool:
    """The verb at token k has `бы` right after it or `бы`/`чтобы` before it in its comma clause."""
    if t.low_at(k + 1) in _IRREALIS:
        return True
    for j in range(k - 1, lo - 1, -1):
        if t.low[j] in _COMMA_CLAUSE_ENDS:
            return False
        if t.low[j] in _IRREALIS:
            return True
    return False


def _planned(t: Tokens, i: int, lo: int, hi: int, lex: Lexicon) -> bool | None:
    """True (a future verb or a plan word, no past verb), False (a past or present verb only), None (no
    finite verb or plan word in tokens [lo, hi))."""
    tenses = _tenses(t, i, lo, hi)
    if "Past" in tenses:
        return False
    if "Fut" in tenses or any(t.low[k] in lex.plan_words for k in range(lo, hi)):
        return True
    return False if tenses else None


def _nowadays(t: Tokens, i: int, lex: Lexicon) -> bool:
    """`Сегодня Россия является рынком № 1`: `сегодня` in a clause whose finite verbs are all in the
    present tense (and not event verbs such as `проходит`, `ожидается`; predicatives such as `нельзя`,
    `известно` count as present) means 'nowadays'. Said in the first or second person (`мы начинаем`) it
    is the day, unless the verb states a state (`Сегодня мы можем констатировать`). A past or future verb
    (`сегодня заявил`, `сегодня будет`), a time of day (`сегодня утром`) or no finite verb at all keep it a
    date. A quotation is a clause of its own: the verb of saying after it does not date it."""
    if t.low_at(i + 1) in lex.day_parts or _clock_after(t, i + 1):
        return False  # `сегодня утром`, `сегодня в 19:55`: a time of that day
    # the comma-bounded clause of `сегодня` decides when it has a verb: `Он рассказал, что сегодня система
    # включает 30 ракет`, `Сегодня можно констатировать, что ситуация изменилась`
    own = _tenses_and_predicatives(t, i, _COMMA_CLAUSE_ENDS | _QUOTES, lex)
    if own:
        return all(_states(x, lex) for x in own)
    tenses = _tenses_and_predicatives(t, i, _CLAUSE_ENDS | _QUOTES, lex)
    return bool(tenses) and all(_states(x, lex) for x in tenses)


def _clock_after(t: Tokens, j: int) -> bool:
    """`в 19:55` (or `в 19.55`) starts at token j."""
    return t.low_at(j) == "в" and t.kind[j + 1 : j + 2] == [NUM] and t.low_at(j + 2) in (":", ".")


def _tenses_and_predicatives(t: Tokens, i: int, ends: frozenset[str], lex: Lexicon) -> list[str]:
    """The tenses of the clause around token i (see _clause_tenses), a present predicative (`можно`) as
    `Pres:можно`."""
    lo, hi = _clause(t, i, ends)
    predicatives = [f"Pres:{t.low[k]}" for k in range(lo, hi) if t.low[k] in lex.present_predicatives]
    return _tenses(t, i, lo, hi) + predicatives


def _states(tense: str, lex: Lexicon) -> bool:
    """A present-tense verb of the `сегодня` = 'nowadays' test (see _nowadays)."""
    kind, _, lemma = tense.partition(":")
    if kind == "Pres":
        return lemma not in lex.today_verbs
    return kind == "Pres1" and lemma in lex.state_verbs


def relative_unit(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`прошлом году`, `этом месяце`, `следующей неделе`, `текущем квартале`, `прошлого века`, `следующий
    день`."""
    off = lex.modifiers.get(t.low[i])
    if off is None or t.low_at(i - 1) in lex.habitual_words:
        return None  # `в начале каждого наступившего года`: every year
    w = t.low_at(i + 1)
    if off == 0 and w in lex.deictic_day_parts:
        return Atom("day", i, i + 2, relative=True, offset=0)  # `Этим утром`, `этой ночью`: today
    unit, stop = _unit(w, lex), i + 2
    if unit is None and w in lex.year_adjectives and _unit(t.low_at(i + 2), lex) == "year":
        return Atom("year", i, i + 3, relative=True, offset=off)  # `в будущем финансовом году`
    if (
        unit is None
        and w in lex.coordinators
        and t.low_at(i + 2) in lex.modifiers
        and _unit(t.low_at(i + 3), lex) == "year"
    ):
        unit, stop = "year", i + 1  # `на текущий и следующий годы`: the unit of the last item
    if unit is not None:
        if unit == "year" and names_edition(t, i, i + 2, lex):
            return None  # `лауреатов этого года`: an edition of an award, as `премии 2017 года`
        # `в 2012 году ... А уже в следующем году было установлено`: the year after the one just told
        story = t.low[i] in lex.story_modifiers and unit in ("year", "month")
        story = story and (t.low[i] in lex.anaphoric_modifiers or "Past" in _clause_tenses(t, i))
        return Atom(unit, i, stop, relative=True, offset=off, narrative=story)
    if w in lex.day_unit_words and off in (-1, 1) and t.raw[i + 1].islower():
        # `на следующий день`, `следующего дня`; not `предстоящий День города` (a holiday)
        return Atom("day", i, i + 2, relative=True, offset=off, narrative=True)
    m = lex.months.get(w)
    if m is not None and t.kind[i + 1] == WORD:  # `в прошлом августе`: the last August before
        return Atom("month", i, i + 2, month=m, relative=True, offset=off)
    s = lex.seasons.get(w)
    if s is not None and year_at(t, i + 2, lex, need_word=False) is not None:
        return None  # `(в связи с) этим летом 2016 года`: the year is written, the season parser takes it
    if s is not None:  # `прошлым летом` = the summer of last year
        return Atom("season", i, i + 2, part=s, relative=True, offset=off)
    return weekday(t, i, lex)


def implicit_unit(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`года` in `до конца года`: the current unit. Only called after `начала/середины/конца`."""
    unit = _unit(t.low_at(i), lex)
    if unit is None or unit == "century":
        return None
    return Atom(unit, i, i + 1, relative=True, offset=0)


def weekday(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`в субботу`, `в прошлую пятницу`, `во вторник`, `до среды`, `утра воскресенья`: the preposition or
    part of the day is required (and left out of the span, but for `до`, which makes an open interval)
    because `среда`, `пятница` are also ordinary nouns; other weekdays may name the day as the subject of a
    past-tense verb (`воскресенье выдалось ясным`)."""
    off: int | None = lex.modifiers.get(t.low[i])
    j = i + 1 if off is not None else i
    prep = t.low_at(i - 1)
    wd = lex.weekdays.get(t.low_at(j)) if prep in lex.weekday_preps or _second_weekday(t, i, lex) else None
    since = prep in _SINCE and t.low_at(j + 1) not in _SCHEDULE_NEXT  # `начиная со вторника`
    if since or prep == "до" or negated_bound(t, i, lex) or _part_of_day(t, i, lex):  # `утра среды`
        wd = lex.weekdays_gen.get(t.low_at(j))
    elif wd is None and off is None and t.low[i] in lex.weekday_subjects and t.kind[i + 1 : i + 2] == [WORD]:
        # `воскресенье выдалось ясным`; the word test first: this runs for every word candidate
        wd = lex.weekday_subjects[t.low[i]] if verb_tense(t.low[i + 1]) == "Past" else None
    if wd is None or t.low_at(j + 1) in lex.weekday_not_before:
        return None
    return Atom("day", i, j + 1, relative=True, offset=off, weekday=wd)


def _part_of_day(t: Tokens, i: int, lex: Lexicon) -> bool:
    """`утра среды`, `вечером пятницы`, `на вечер воскресенья` before token i; an accusative part of the
    day only after `на` (`после среды уже вечер пятницы` is a figure of speech)."""
    prep = t.low_at(i - 1)
    if prep not in lex.weekday_gen_after:
        return False
    return prep not in _ACCUSATIVE_PARTS or t.low_at(i - 2) == "на"


_ACCUSATIVE_PARTS = frozenset({"утро", "вечер", "ночь"})


def _second_weekday(t: Tokens, i: int, lex: Lexicon) -> bool:
    """`В среду и четверг`, `во вторник или среду`: the weekday before `и`/`или` took the preposition."""
    return (
        t.low_at(i - 1) in _WEEKDAY_JOINS
        and t.low_at(i - 2) in lex.weekdays
        and t.low_at(i - 3) in lex.weekday_preps
    )


_WEEKDAY_JOINS = frozenset({"и", "или"})
_SINCE = frozenset({"с", "со"})
# `с понедельника по пятницу` (a schedule), `в ночь с субботы на воскресенье`: no bound of an interval
_SCHEDULE_NEXT = frozenset({"по", "до", "на", "и"})


# --- counted offsets: `пять лет назад`, `через 5 дней` ----------------------------------------------

_SINGULAR = frozenset({"день", "сутки", "неделю", "месяц", "год", "полгода", "полугода"})
_GENITIVE_SINGULAR = frozenset({"дня", "суток", "недели", "месяца", "года"})  # after `больше`, `свыше`
_MONTHS_PER = {"half": 6}


def _count_before(t: Tokens, k: int, lex: Lexicon) -> tuple[int, int] | None:
    """The count that ends at token k: (its first token, n). `5`, `пять`, `двадцать пять`."""
    if k < 0:
        return None
    w = t.low[k]
    if t.kind[k] == NUM:
        if len(w) > 3 or (k > 0 and t.adjacent(k) and t.low[k - 1] in (",", ".", "-", "–")):
            return None  # `1,5 года`, `3-4 года`: fractions and ranges are vague
        return k, int(w)
    n = lex.number_words.get(w)
    if n is None:
        return None
    tens = lex.number_words.get(t.low_at(k - 1)) if k > 0 else None
    if tens is not None and n < 10 and tens >= 20 and tens % 10 == 0:
        return k - 1, tens + n
    return k, n


def _offset_atom(unit: str, n: int, sign: int, first: int, stop: int, narrative: bool = False) -> Atom | None:
    """N units before or after the reference date; `narrative` when counted from a date the text tells
    (`двумя днями раньше`) rather than from the publication (`два дня назад`)."""
    if n <= 0 or n > 1000:
        return None
    if unit in _MONTHS_PER:
        unit, n = "month", n * _MONTHS_PER[unit]
    return Atom(unit, first, stop, relative=True, offset=sign * n, narrative=narrative)


def ago(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`пять лет назад`, `2 года тому назад`, `год назад`, `полгода назад`: token i is `назад`; the
    atom starts before it."""
    k = i - 1
    if t.low_at(k) in lex.ago_fillers:
        k -= 1
    if k < 0:
        return None
    unit = lex.offset_units.get(t.low[k])
    if unit is None:
        return None
    c = _count_before(t, k - 1, lex)
    if c is None and unit == "year":  # `Полтора года назад`, `2,5 года назад`: resolved to the month
        for first in (k - 1, k - 3):
            part = _years_fraction(t, first, lex)
            if part is not None and part[1] == k:
                months = part[0]
                return _offset_atom("month", int(months), -1, first, i + 1) if months.is_integer() else None
    approx = t.low_at((c[0] if c else k) - 1) in lex.ago_approx_words
    if c is None:
        # `несколько лет назад`: vague; `около месяца назад`: an estimate of one month
        more = t.low[k] in _GENITIVE_SINGULAR and t.low_at(k - 1) in lex.ago_more_before
        more = more and t.low_at(k - 2) != "не"  # `не более года назад`: no bound written so
        if t.low[k] not in _SINGULAR and not (approx and t.low[k] in lex.ago_approx_units) and not more:
            return None  # `больше года назад`: more than one year ago (an open start, see extract.py)
        c = (k, 1)
    if c[0] > 0 and (t.low[c[0] - 1] in lex.number_words or _dash_before(t, c[0])):
        return None  # `лет пять назад`, `два-три года назад`: vague
    return _offset_atom(unit, c[1], -1, c[0] - 1 if approx else c[0], i + 1)


def _years_fraction(t: Tokens, j: int, lex: Lexicon) -> tuple[float, int] | None:
    """A fractional count of years starting at token j, in months, and the token after it: `полтора` -> 18,
    `2,5` -> 30."""
    if j < 0 or j >= len(t):
        return None
    if t.low[j] in lex.fraction_words:
        return 12 * lex.fraction_words[t.low[j]], j + 1
    decimal = (
        j + 2 < len(t)
        and t.kind[j] == NUM
        and t.low[j + 1] in (",", ".")
        and t.kind[j + 2] == NUM
        and len(t.low[j + 2]) == 1
        and t.adjacent(j + 1)
        and t.adjacent(j + 2)
    )
    return (12 * float(f"{t.low[j]}.{t.low[j + 2]}"), j + 3) if decimal else None


def ago_more(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`160 с лишним лет назад`, `год с небольшим назад`: token i is `назад`; the offset atom N units back,
    spanning from the count. More than N units ago is before that unit ends: the caller makes it an
    open_start."""
    k = i - 1
    if t.low_at(k) in lex.ago_fillers:
        k -= 1
    unit = lex.offset_units.get(t.low_at(k))
    if unit is not None:  # `год с небольшим назад`: the unit before its excess
        if k < 2 or t.low[k - 1] not in lex.ago_more_words or t.low[k - 2] not in ("с", "со"):
            return None
        c = _count_before(t, k - 3, lex)
        return None if c is None else _offset_atom(unit, c[1], -1, c[0], i + 1)
    if k >= 2 and t.low_at(k) in lex.ago_more_words and t.low[k - 1] == "с":
        unit = lex.offset_units.get(t.low[k - 2])
        c = _count_before(t, k - 3, lex)
        if c is None and t.low[k - 2] in _SINGULAR:
            c = (k - 2, 1)
        return None if unit is None or c is None else _offset_atom(unit, c[1], -1, c[0], i + 1)
    return None


def _dash_before(t: Tokens, k: int) -> bool:
    """A dash glued to token k from the left or right side of token k-1 (`два-три`, `год-другой`)."""
    return 0 < k < len(t) and t.low[k - 1] in ("-", "–") and (t.adjacent(k) or t.adjacent(k - 1))


def _dash_after(t: Tokens, k: int) -> bool:
    return k + 1 < len(t) and t.low[k + 1] in ("-", "–") and t.adjacent(k + 1)


def later(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`через пять дней`, `через год`, `через 2 недели`; not `через год после выборов`. `спустя полгода`
    (story_later_words) only in a narrated clause: `Спустя полгода в небо поднялся Ту-95`."""
    story = t.low[i] in lex.story_later_words
    if t.low[i] not in lex.later_words and not story:
        return None
    if (
        story
        and i > 0
        and t.low[i - 1] not in lex.story_offset_after
        and "\n" not in t.text[t.end[i - 1] : t.start[i]]
    ):
        return None  # `вернулся в клуб спустя 12 лет`: a duration inside the clause
    j = i + 1
    n = 1
    part = _years_fraction(t, j, lex)
    if part is not None:  # `через полтора года`, `через 4,5 года`: resolved to the month
        months, j = part
        if lex.offset_units.get(t.low_at(j)) != "year" or not months.is_integer():
            return None
        n, unit = int(months), "month"
    else:
        if j < len(t) and (t.kind[j] == NUM or t.low[j] in lex.number_words):
            k = j + 1 if t.low_at(j + 1) in lex.number_words else j
            c = _count_before(t, k, lex)
            if c is None or c[0] != j:
                return None
            n, j = c[1], k + 1
        w = t.low_at(j)
        unit = lex.offset_units.get(w)
        if unit is None or (n == 1 and j == i + 1 and w not in _SINGULAR):
            return None
    if t.low_at(j + 1) in lex.offset_not_before or _dash_after(t, j):  # `через год-другой`
        return None
    past = "Past" in _clause_tenses(t, i)
    if past and not story and _future_aside(t, i, lex):
        past = False  # `наблюдали в 1948 году, а повторится он через 28 лет`: counted from now
    if story and not past:  # `спустя` narrates
        return None
    a = _offset_atom(unit, n, 1, i, j + 1, narrative=past)
    if a is not None and past and not story:
        a.needs_anchor = True  # `через месяц я оттуда ушёл`: after a narrated event, or nothing
    return a


def _future_aside(t: Tokens, i: int, lex: Lexicon) -> bool:
    """The comma-bounded clause around token i has a future verb or a plan word (`а через три года область
    должна получать`) and no past verb, and is no reported speech (`отметил, что сведения будут известны
    через пару дней` is counted from when it was said)."""
    lo, hi = _clause(t, i, _COMMA_CLAUSE_ENDS)
    return t.low[lo] not in _REPORTED and _planned(t, i, lo, hi, lex) is True


_REPORTED = frozenset({"что", "чтобы", "будто", "якобы"})


def post_offset(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`год спустя`, `два года спустя` (a narrated clause), `пятью годами ранее`, `неделей позже`, `(за) два
    года до того`: token i ends the offset, which starts before it."""
    w = t.low[i]
    sign = lex.post_offset_words.get(w)
    if sign is None or i == 0:
        return None
    k = i - 1
    anaphora = w in lex.post_offset_anaphora
    if anaphora:
        if t.low[k] != "до" or not _points_back(t, i):
            return None
        k -= 1
    units = lex.offset_units_instr if w in lex.post_offset_instr else lex.offset_units
    unit = units.get(t.low[k])
    if unit is None:
        return None
    c = _count_before(t, k - 1, lex)
    if c is None:
        if w not in lex.post_offset_instr and t.low[k] not in _SINGULAR:
            return None  # `лет спустя`: vague
        if w in lex.post_offset_instr and t.low[k].endswith(("ами", "ями")):
            return None  # `годами ранее`: vague
        c = (k, 1)
    if c[0] > 0 and (t.low[c[0] - 1] in lex.number_words or _dash_before(t, c[0])):
        return None  # `лет пять спустя`, `два-три года спустя`: vague
    if c[0] > 0 and t.low[c[0] - 1] in ("на", "за") and not anaphora:
        return None  # `на два года раньше срока`: a comparison, not a date
    a = _offset_atom(unit, c[1], sign, c[0], i + 1, narrative=True)
    if a is not None and w in lex.story_later_words and "Past" not in _clause_tenses(t, i):
        a.needs_anchor = True  # `на выборах мэра год спустя`: after the date just told, or nothing
    return a


_CONJUNCTIONS = frozenset({"как", "когда", "что", "чтобы"})


def _points_back(t: Tokens, i: int) -> bool:
    """`до того` at token i points back at what was just told (`За два года до этого скончался`), not
    forward at a clause or a noun (`за год до того, как он умер`, `до того дня`)."""
    nxt = t.low_at(i + 1)
    if nxt in _CONJUNCTIONS or (nxt == "," and t.low_at(i + 2) in _CONJUNCTIONS):
        return False
    return not (i + 1 < len(t) and t.kind[i + 1] == WORD and _genitive(nxt))


# --- windows up to now: `в последние два года`, `Два последних десятилетия` ---------------------------


def count_after(t: Tokens, j: int, lex: Lexicon) -> tuple[float, int] | None:
    """The count that starts at token j and where it ends: `13`, `два`, `двадцать пять`, `полторы тысячи`."""
    if j >= len(t):
        return None
    w = t.low[j]
    if t.kind[j] == NUM:
        if len(w) > 4 or (t.adjacent(j + 1) and t.low_at(j + 1) in (",", ".", "-", "–")):
            return None  # `1,5`, `3-4`: fractions and ranges are vague
        n: float = int(w)
    elif w in lex.fraction_words:
        n = lex.fraction_words[w]
    elif w in lex.number_words:
        n = lex.number_words[w]
        units = lex.number_words.get(t.low_at(j + 1))
        if units is not None and n >= 20 and n % 10 == 0 and units < 10:
            n, j = n + units, j + 1
    else:
        return None
    scale = lex.window_scales.get(t.low_at(j + 1))
    if scale is not None:
        n, j = n * scale, j + 1
    return n, j + 1


def _window_of_one(t: Tokens, i: int, lex: Lexicon) -> bool:
    """`за последний год`, `Последние сутки`: a window of one unit with no count written."""
    singular = t.low[i] in lex.window_singular and t.low_at(i - 1) == "за"
    return singular or t.low_at(i + 1) in lex.window_one_units


_RANKED_WORDS = 2


def window(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`последние два года`, `Два последних десятилетия`, `за последний год`: token i is `последние`; a
    window from that many units before the reference date up to it. Without a count (`в последние годы`)
    it is vague: None."""
    first = i
    if t.low[i] in lex.first_time_words or t.low[i] in lex.superlative_heads:
        # `Впервые за 15 лет`, `самым молодым за восемь лет`, `первым русским патриархом за 200 лет`: a
        # window, spanning from the count; up to two words (the thing ranked) may come before `за`
        za = i + 1 if t.low[i] in lex.first_time_words else i + 2
        for _ in range(_RANKED_WORDS):
            if t.low_at(za) == "за" or za >= len(t) or t.kind[za] != WORD:
                break
            za += 1
        c = count_after(t, za + 1, lex) if t.low_at(za) == "за" else None
        if c is None or (t.kind[za + 1] == NUM and len(t.low[za + 1]) == 4):
            return None  # `крупнейший за 2017 год`: a year, not a count of years
        first = za + 1
    else:
        c = count_after(t, i + 1, lex)
    if c is not None:
        n, j = c
    else:
        before = _count_before(t, i - 1, lex)
        if before is not None:
            first, n, j = before[0], before[1], i + 1
        elif _window_of_one(t, i, lex):
            n, j = 1, i + 1
        else:
            return None
    unit = lex.window_units.get(t.low_at(j))
    if unit is None or n <= 0:
        return None
    kind, per = unit
    span = n * per
    if span != int(span) or span > 12 * 5000:
        return None
    gran = "day" if kind == "days" else "month"
    return Atom(gran, first, j + 1, relative=True, offset=-int(span), window=True)


def ago_adjective(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`четырехлетней давности`, `10-летней давности`: token i is `давности`; like `четыре года назад`."""
    if i == 0:
        return None
    w = t.low[i - 1]
    unit = lex.ago_adjective_units.get(w)
    if unit is not None:  # `10-летней`: digits, a dash, the unit ending
        if i < 3 or t.low[i - 2] not in ("-", "–") or t.kind[i - 3] != NUM or len(t.low[i - 3]) > 3:
            return None
        return _offset_atom(unit, int(t.low[i - 3]), -1, i - 3, i + 1)
    for ending, unit in lex.ago_adjective_units.items():
        n = lex.ago_adjective_stems.get(w[: -len(ending)]) if w.endswith(ending) else None
        if n is not None:
            return _offset_atom(unit, n, -1, i - 1, i + 1)
    return None


# `в выходные`, `на выходных` (when); `на выходные` is `for the weekend`, often a habit (`брал на выходные`)
_BARE_WEEKENDS = frozenset({("в", "выходные"), ("на", "выходных")})


def weekend(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`в минувшие выходные`, `в ближайшие выходные`, `в наступающий уик-энд`: Saturday and Sunday of the
    last, this or the next weekend."""
    off = lex.weekend_modifiers.get(t.low[i])
    if off is None:
        # `на прошедшем в выходные форуме выступил`: a bare weekend in a past or future clause
        # (grammar.py picks the weekend by the tense); `работает в выходные` is a habit
        bare = (t.low_at(i - 1), t.low[i]) in _BARE_WEEKENDS
        if not bare or not (past_clause(t, i, lex) or planned_day(t, i, lex)):
            return None
        return Atom("weekend", i, i + 1, relative=True, weekday=5)
    if t.low_at(i + 1) in lex.weekend_words:
        return Atom("weekend", i, i + 2, relative=True, offset=off)
    if t.low_at(i + 2) == "-" and t.low_at(i + 1) + "-" + t.low_at(i + 3) in lex.weekend_words:
        return Atom("weekend", i, i + 4, relative=True, offset=off)  # `уик-энд`: three tokens
    return None


def deictic_adjective(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`прошлогодним хитом`, `вчерашнего заседания`: an adjective dating a thing; not `на сегодняшний
    день` (as of now)."""
    unit = lex.deictic_adjectives.get(t.low[i])
    if unit is None or (unit[1] == 0 and t.low_at(i + 1) in lex.deictic_adjective_not_before):
        return None
    return Atom(unit[0], i, i + 1, relative=True, offset=unit[1])


def weekday_adjective(t: Tokens, i: int, lex: Lexicon) -> Atom | None:
    """`на воскресном заседании`, `воскресной гонки`: the weekday of an event, as `в воскресенье`."""
    wd = lex.weekday_adjectives.get(t.low[i])
    if wd is None or not dating_adjective(t, i, lex.weekday_adjective_not_before):
        return None
    noun = i + 1  # `воскресной аналитической программы`: the noun after the adjectives decides
    while noun < i + 3 and t.low_at(noun).endswith(ADJECTIVE_ENDINGS):
        noun += 1
    if t.low_at(noun) in lex.weekday_adjective_not_before:
        return None
    return Atom("day", i, i + 1, relative=True, weekday=wd)


WORD_PARSERS = (relative_day, relative_unit, weekday, weekend, deictic_adjective, weekday_adjective)
