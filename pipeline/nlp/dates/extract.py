"""The scan: tokenize, try the grammar at trigger tokens only, keep the leftmost-longest expressions."""

from __future__ import annotations

from datetime import date, datetime

from pipeline.nlp.dates import relative
from pipeline.nlp.dates.apposition import join_weekend_days
from pipeline.nlp.dates.atom import Atom
from pipeline.nlp.dates.bce import unresolve_bce
from pipeline.nlp.dates.grammar import Expr, Open, Range, expression, with_date
from pipeline.nlp.dates.lexicon import Lexicon, lexicon
from pipeline.nlp.dates.mention import DateMention
from pipeline.nlp.dates.posts import date_posts, signature_dates
from pipeline.nlp.dates.previous_period import previous_periods
from pipeline.nlp.dates.quotes import date_quotations
from pipeline.nlp.dates.resolve import Context, to_mention
from pipeline.nlp.dates.same_period import same_periods
from pipeline.nlp.dates.titles import outside_titles
from pipeline.nlp.dates.tokens import SENTENCE_END, Tokens, tokenize

_ROMAN_CHARS = frozenset("IVXХІ")
_ROMAN_FIRST = frozenset("ivxхі")


def _candidates(t: Tokens, lex: Lexicon) -> list[int]:
    """Token indices where an expression can start: numbers, numeric dates, month/season/relative words,
    interval prepositions and upper-case Roman numerals. One comprehension, no parsing elsewhere."""
    trig = lex.triggers
    raw = t.raw
    found = [
        i
        for i, w in enumerate(t.low)
        if w in trig or w[0].isdigit() or (w[0] in _ROMAN_FIRST and _is_roman(raw[i]))
    ]
    lead = lex.lead_only  # `с`, `не`, `после`: thousands per text, a date after few of them
    return [i for i in found if t.low[i] not in lead or _dating_ahead(t, i, lex)]


_LEAD_REACH = 4  # `не позднее чем через`, `начиная с самого начала`: how far a dating word may follow


def _dating_ahead(t: Tokens, i: int, lex: Lexicon) -> bool:
    """A number, a Roman numeral or a dating word within _LEAD_REACH tokens after token i."""
    for k in range(i + 1, min(i + 1 + _LEAD_REACH, len(t))):
        w = t.low[k]
        if w[0].isdigit() or w in lex.dating_words or _is_roman(t.raw[k]):
            return True
    return False


def _is_roman(raw: str) -> bool:
    """An upper-case Roman numeral (Cyrillic look-alikes allowed): `XXI`, `ХIХ`."""
    return raw.isupper() and set(raw) <= _ROMAN_CHARS


def _as_date(published: date | datetime | None) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    return published if isinstance(published, date) else None


def extract_dates(text: str, published: date | None = None) -> list[DateMention]:
    """All date expressions of `text`, sorted and non-overlapping (see DateMention)."""
    if not text:
        return []
    lex = lexicon()
    pub = _as_date(published)
    t = tokenize(text)
    out: list[DateMention] = []
    signed = signature_dates(text)  # a post's day dates the post, not the narration after it
    done = 0  # tokens before this index belong to an expression already found
    ctx = Context()
    last_year: int | None = None  # the explicit year mentioned last, and where it ended
    last_end = 0
    last_month: tuple[int, int | None, int] | None = None  # month, its explicit year, end of its mention
    anchor: tuple[date, str, int] | None = None  # the last date told: first day, granularity, end
    unknown_day = -1  # where the last day told without its year ends (no published date to give it one)
    for i in _candidates(t, lex):
        if i < done:
            continue
        w = t.low[i]
        e = None
        if w in lex.window_words or w in lex.ago_adjective_words:
            # `Два последних десятилетия`, `четырехлетней давности`: may start before token i
            e = relative.window(t, i, lex) if w in lex.window_words else relative.ago_adjective(t, i, lex)
            if isinstance(e, Atom) and t.low_at(e.stop) == "(":
                e = with_date(t, e, lex)  # `за прошедшие сутки (29 октября. — RT)`: the editors' gloss
            if e is not None and e.first < done:
                continue
        elif w in lex.ago_words or w in lex.post_offset_words:
            # `пять лет назад`, `годом ранее`: the expression ends here, it starts before
            e = relative.ago(t, i, lex) if w in lex.ago_words else relative.post_offset(t, i, lex)
            if e is not None and e.first < done:
                continue
            if isinstance(e, Atom) and w in lex.ago_words and _more_before(t, e.first, lex):
                dated = with_date(t, e, lex)
                if dated is not e:  # `более года назад, в сентябре 2016-го`: the date told decides
                    dated.first = e.first - 1
                    e = dated
                else:  # `более двух лет назад`: as `с лишним`
                    e = Open("open_start", e, e.first - 1, e.stop)
            else:
                e = with_date(t, e, lex)
            if e is None and w in lex.ago_words:
                more = relative.ago_more(t, i, lex)  # `160 с лишним лет назад`: before that year ended
                if more is not None and more.first >= done:
                    e = Open("open_start", more, more.first, more.stop)
        if e is None and w not in lex.ago_words:
            e = expression(t, i, lex)
        if e is None:
            continue
        ref = e.atom if isinstance(e, Open) else e
        if isinstance(ref, Atom) and ref.month_ref and not _month_from_context(ref, t, last_month, pub):
            continue  # `а 14-го`, `до 4-го` with no month before it
        if _recurs(e) and relative.habitual(t, e.first, lex):
            done = e.stop
            continue  # `считают 23 декабря`, `Каждый год с 17 по 25 декабря`: a yearly date
        ctx.story_year = None
        if last_year is not None and (pub is None or last_year < pub.year - 1):
            start = t.start[e.first]  # same paragraph, not far back
            # with no publication date only a year-less `в начале года` takes it, and only from its own
            # sentence (`в 2017 году ... однако в начале года`; not after a target `на 2028 год.`)
            if (
                start - last_end <= _STORY_CHARS
                and text.find("\n", last_end, start) < 0
                and (pub is not None or SENTENCE_END.search(text, last_end, start) is None)
            ):
                ctx.story_year = last_year
        ctx.anchor = None
        if anchor is not None and t.start[e.first] - anchor[2] <= _ANCHOR_CHARS:
            ctx.anchor = anchor[:2]
            if unknown_day > anchor[2] and isinstance(e, Atom) and e.gran in _FINER_THAN_YEAR:
                # `1956 ... 22 октября студенты ... На следующий день`: counted from a day of unknown year;
                # `сезоне 2001 года ... 10 марта ... через год` still counts from the season's year
                ctx.anchor = None
        if isinstance(e, Atom) and e.needs_anchor and ctx.anchor is None and pub is not None:
            done = e.stop
            continue  # counted from the publication it would be wrong; with none it stays unresolved
        m = to_mention(e, t, pub, ctx)
        if m is not None:
            out.append(m)
            # `(на 2% меньше, чем в предыдущем году); кукурузы — (на 13% меньше, чем в предыдущем году)`: both
            # count from the date told, not the second from the first
            if m.start not in signed and t.low[e.first] not in lex.anaphoric_modifiers:
                anchor = _anchor_of(m) or anchor
            if m.kind == "date" and m.date_start is None:
                unknown_day = m.end
            a = e.tail if isinstance(e, Range) else e.atom if isinstance(e, Open) else e
            if a.month is not None and not a.relative:
                last_month = (a.month, a.year, m.end)
            y = _explicit_year(e)
            if y is not None:
                ctx.last_year = y
                last_year = None if _since(e) else y
                last_end = m.end
        done = e.stop
    # `День поэзии – XXI век. 2017 год. Альманах (9)`: a title in a list of books
    out = outside_titles(text, out)
    out = join_weekend_days(text, out, lex)
    out = previous_periods(text, same_periods(text, out, lex, extract_dates), lex)
    out = date_quotations(text, out, extract_dates)
    out = date_posts(text, out, extract_dates, signed)
    return unresolve_bce(text, out)


def _since(e: object) -> bool:
    """`руководит с 2014 года`: a period from a year up to now tells no story of that year, unlike `к концу
    1942 года` or `после 1945 года`."""
    return isinstance(e, Open) and e.kind == "open_end" and not e.after


def _more_before(t: Tokens, first: int, lex: Lexicon) -> bool:
    """`более двух лет назад`, `больше 10 лет назад`: a comparative before the count; not `не более`."""
    return first > 0 and t.low[first - 1] in lex.ago_more_before and t.low_at(first - 2) != "не"


def _recurs(e: object) -> bool:
    """A year-less day, month or season, a range of them or an interval bounded by one, that a habitual clause
    can make yearly."""
    if isinstance(e, Range):
        return _habitual_candidate(e.head) and _habitual_candidate(e.tail)
    if isinstance(e, Open):  # `весной, ближе к началу апреля`, in a sentence telling the usual course
        # not `Каждый регион должен до конца года выбрать`: a deadline in the current (or story's) year
        return not e.atom.implicit and _habitual_candidate(e.atom)
    return isinstance(e, Atom) and _habitual_candidate(e)


def _habitual_candidate(a: Atom) -> bool:
    """A year-less calendar day, month or season: what a habitual clause can make recur every year."""
    if a.implicit:  # `каждый орган обязан в начале года`
        return True
    return a.gran in ("day", "month", "season") and not a.relative and not a.has_year() and not a.month_ref


def _month_from_context(
    a: Atom, t: Tokens, last_month: tuple[int, int | None, int] | None, pub: date | None
) -> bool:
    """`Спортсмены стартовали 2 января ..., а 14-го финишировали`: the month (and year) of the day or month
    mentioned last in the same paragraph, at most _STORY_CHARS back; `18-го числа` with none before is a
    day of the publication month (unresolved without one). False when the day has no month to take."""
    start = t.start[a.first]
    if last_month is not None:
        month, year, end = last_month
        if start - end <= _STORY_CHARS and t.text.find("\n", end, start) < 0:
            a.month, a.year = month, year
            return True
    if a.stop - 1 > a.first + 2:  # `числа` joined the span
        if pub is not None:
            a.month, a.year = pub.month, pub.year
        return True
    return False


# What a narrative offset (`двумя днями раньше`, `Накануне`) can count from: a date told at most this many
# characters before it (see _anchor_of).
_ANCHOR_CHARS = 700
_ANCHOR_KINDS = frozenset({"date", "month", "year", "open_end"})


def _anchor_of(m: DateMention) -> tuple[date, str, int] | None:
    """(first day, granularity, end) when m is a resolved day, month or year told by the text (`19 марта`,
    `с мая 2010 года`) or a resolved relative one (`На вчерашнем заседании ... накануне`, `шесть лет назад
    ... год спустя`): what a narrative offset after it counts from."""
    if m.date_start is None or m.granularity is None:
        return None
    if m.kind in _ANCHOR_KINDS or (m.kind == "relative" and m.granularity in ("day", "month", "year")):
        return m.date_start, m.granularity, m.end
    return None


_FINER_THAN_YEAR = ("day", "week", "month")

# How far back (in characters) a year of the past still sets the year of year-less dates
# (`1 июля 1950 года, а уже 5 июля ...`).
_STORY_CHARS = 300


def _explicit_year(e: Expr) -> int | None:
    """The year written in an expression (`в 1941 году`, `22 июня 1941 года`, `с 1941 по 1945 год`)."""
    a = e.tail if isinstance(e, Range) else e.atom if isinstance(e, Open) else e
    if a.gran in ("decade", "century") or a.anaphoric:
        return None
    return a.year
