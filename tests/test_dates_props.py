"""Property tests for pipeline.nlp.dates: the output invariants hold on any input."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.dates import DateMention, extract_dates
from pipeline.nlp.dates.mention import GRANULARITIES, KINDS

# Fragments that make the grammar fire, mixed with arbitrary text so that the generator reaches the
# interesting paths (ranges, open intervals, numeric dates) and not only "no match".
_FRAGMENTS = [
    "с",
    "по",
    "до",
    "к",
    "после",
    "между",
    "и",
    "в",
    "на",
    "начиная",
    "конца",
    "-",
    "–",
    ".",
    ",",
    "№",
    "2019",
    "2020",
    "1990",
    "90",
    "30",
    "1",
    "12",
    "29",
    "31",
    "0",
    "9999",
    "1000",
    "2100",
    "мая",
    "Мая",
    "декабря",
    "январе",
    "марте",
    "года",
    "году",
    "г",
    "гг",
    "годы",
    "-е",
    "-х",
    "-м",
    "-го",
    "XXI",
    "ХХ",
    "II",
    "IV",
    "века",
    "вв",
    "квартале",
    "кв",
    "полугодие",
    "летом",
    "зимой",
    "осень",
    "прошлом",
    "этой",
    "следующей",
    "неделе",
    "месяце",
    "вчера",
    "субботу",
    "30.05.2011",
    "2011-05-30",
    "29.02.2019",
    "31.04.2020",
    "00.00.00",
    "человек",
    "млн",
]
_words = st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=6), max_size=25)
_texts = st.one_of(st.text(), _words.map(" ".join), _words.map("".join))
_published = st.none() | st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


def _check(text: str, found: list[DateMention]) -> None:
    prev_end = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= prev_end  # sorted, non-overlapping
        prev_end = m.end
        assert m.kind in KINDS
        assert m.granularity is None or m.granularity in GRANULARITIES
        if m.date_start is not None and m.date_end is not None:
            assert m.date_start <= m.date_end
        if m.resolved:
            if m.kind == "open_start":
                assert m.date_start is None and m.date_end is not None
            elif m.kind == "open_end":
                assert m.date_start is not None and m.date_end is None
            else:
                assert m.date_start is not None and m.date_end is not None
        else:
            assert m.date_start is None and m.date_end is None


@settings(max_examples=600, deadline=None)
@given(_texts, _published)
def test_invariants_on_any_text(text: str, published: date | None) -> None:
    _check(text, extract_dates(text, published))


def test_letters_without_unicode_name_after_a_bare_year() -> None:
    """The word after `мая 2019` goes to pymorphy2, which raises on letters that have no Unicode name."""
    for word in ("\U00017000а", "а\U00017000", "\U00017000"):
        found = extract_dates(f"30 мая 2019 {word}")
        assert found and found[0].text.startswith("30 мая")


def test_calendar_edges_do_not_raise() -> None:
    """Relative and `после` expressions against the first and last representable days."""
    text = "после конца года, с прошлой недели, позавчера, послезавтра, в следующем веке, до конца месяца"
    for published in (date.min, date.max, None):
        _check(text, extract_dates(text, published))


@settings(max_examples=200, deadline=None)
@given(_texts, st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_publication_date_only_resolves(text: str, published: date) -> None:
    """Giving a publication date never changes which spans are found, only their dates (and the kind of `к X`,
    which is a deadline while X is ahead of the publication date and X itself once X is over: documented)."""
    without = extract_dates(text)
    with_pub = extract_dates(text, published)

    def kind(m: DateMention) -> str:
        return (
            "by"
            if m.text[:1] in "кК" and m.kind in ("open_start", "relative", *GRANULARITIES, "date")
            else m.kind
        )

    assert [(m.start, m.end, kind(m)) for m in without] == [(m.start, m.end, kind(m)) for m in with_pub]
    for a, b in zip(without, with_pub, strict=True):
        if a.resolved and kind(a) != "by":
            assert (a.date_start, a.date_end) == (b.date_start, b.date_end)


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1000, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from(["Документ подписан {}.", "{} — важная дата", "({})"]),
)
def test_numeric_dates_round_trip(day: date, template: str) -> None:
    """Any valid date written dd.mm.yyyy or yyyy-mm-dd is found whole and read back exactly."""
    for written in (day.strftime("%d.%m.") + f"{day.year:04d}", f"{day.year:04d}-{day:%m-%d}"):
        text = template.format(written)
        found = extract_dates(text)
        assert [(m.text, m.date_start, m.date_end, m.kind) for m in found] == [(written, day, day, "date")]


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1000, max_value=2100), st.integers(min_value=1000, max_value=2100))
def test_year_ranges(a: int, b: int) -> None:
    """`A–B гг.` is a range exactly when A < B; a backwards range is not read as one."""
    found = extract_dates(f"Программа на {a}–{b} гг. утверждена.")
    if a < b:
        assert [(m.kind, m.date_start, m.date_end) for m in found] == [
            ("range", date(a, 1, 1), date(b, 12, 31))
        ]
    else:
        assert all(m.kind != "range" for m in found)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=99999), st.sampled_from(["человек", "рублей", "тонн", "млн", "%"]))
def test_counted_numbers_are_not_dates(n: int, unit: str) -> None:
    assert extract_dates(f"Всего {n} {unit} за отчётный период.") == []


def test_long_lists_stay_linear() -> None:
    """A table-like run of numbers must not make the scan quadratic (it once took minutes)."""
    import time

    text = "1, " * 20000 + "и 5 мая"
    t0 = time.process_time()
    found = extract_dates(text)
    assert time.process_time() - t0 < 30
    assert [m.text for m in found][-1:] == ["5 мая"]
