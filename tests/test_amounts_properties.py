"""Property tests: the extractor's invariants hold on any unicode input and on number-rich noise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.amounts import Amount, extract_amounts
from pipeline.nlp.amounts.types import KINDS, QUALIFIERS

# Fragments that exercise the grammar far more often than random unicode does.
_PIECES = [
    "5",
    "1 500",
    "2,5",
    "3.7",
    "10 000",
    "-",
    "–",
    " ",
    " ",
    "\u00a0",
    "\n",
    ".",
    ",",
    "%",
    "$",
    "€",
    "₸",
    "млн",
    "млрд",
    "тыс.",
    "тысяч",
    "миллиона",
    "полтора",
    "сорок",
    "пять",
    "с половиной",
    "от",
    "до",
    "более",
    "не менее",
    "около",
    "тенге",
    "долларов США",
    "рублей",
    "сомов",
    "п.п.",
    "процентов",
    "тонн",
    "кв. м",
    "кВт·ч",
    "человек",
    "компаний",
    "новых",
    "году",
    "№",
    ":",
    "й",
    "2019",
    "г.",
    "ФЗ",
    "Су",
]


def _check(text: str, found: list[Amount]) -> None:
    last_end = -1
    for a in found:
        assert 0 <= a.start < a.end <= len(text)
        assert text[a.start : a.end] == a.text
        assert a.start >= last_end, "spans must be sorted and non-overlapping"
        last_end = a.end
        assert a.kind in KINDS
        assert a.qualifier in QUALIFIERS
        if a.value is not None:
            if a.value_min is not None:
                assert a.value_min <= a.value
            if a.value_max is not None:
                assert a.value <= a.value_max
        if a.value_min is not None and a.value_max is not None:
            assert a.value_min <= a.value_max
        if a.qualifier == "range":
            assert a.value is None and a.value_min is not None and a.value_max is not None
        else:
            assert a.value is not None


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_any_unicode(text: str) -> None:
    _check(text, extract_amounts(text))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_number_rich_noise(text: str) -> None:
    _check(text, extract_amounts(text))


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from(["тенге", "рублей", "долларов", "евро"]))
def test_grouped_thousands_read_back(n: int, currency: str) -> None:
    # `N 000 <currency>` with any thousands separator must read as N * 1000
    for sep in (" ", "\u00a0", "\u202f"):
        text = f"Выплата составит {n}{sep}000 {currency}."
        (a,) = extract_amounts(text)
        assert a.value == n * 1000 and a.kind == "money"


def test_long_inputs_stay_linear() -> None:
    # runs of digit groups and number words must not make the scanner quadratic
    import time

    text = (
        " ".join(["123"] * 20000)
        + " тенге. "
        + " ".join(["сто двадцать"] * 5000)
        + " "
        + "5 млн тенге " * 2000
    )
    t0 = time.perf_counter()
    found = extract_amounts(text)
    assert time.perf_counter() - t0 < 5.0
    assert sum(a.unit == "KZT" for a in found) >= 2000


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=99),
    st.sampled_from([("тыс.", 10**3), ("млн", 10**6), ("млрд", 10**9), ("трлн", 10**12)]),
)
def test_decimal_times_scale_has_no_binary_noise(whole: int, frac: int, scale: tuple[str, int]) -> None:
    # `16,24 трлн` must read as 16240000000000.0 exactly, as a decimal would
    word, mult = scale
    (a,) = extract_amounts(f"Бюджет составит {whole},{frac:02d} {word} тенге.")
    assert a.value == (whole * 100 + frac) * mult / 100
