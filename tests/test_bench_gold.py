"""The independent bench gold: structure of tests/data/bench_gold_{dev,test,dev2,test2}.jsonl and materialize()
on synthetic texts."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from pipeline.evaluate.bench_gold import load_gold, materialize
from pipeline.nlp.dates.mention import KINDS

# part -> (articles, articles with a published date); dev/test and dev2/test2 are two independent selections
PARTS = {
    "dev": None,
    "test": None,
    "dev2": (15, 10),
    "test2": (15, 10),
    "test3": (20, 14),
    "test4": (20, 14),
    "test5": (12, 12),
    "test6": (15, 15),
    "test7": (15, 12),
    "test8": (15, 15),
    "test9": (15, 15),
    "test10": (14, 14),
    "test11": (10, 10),
    "test12": (15, 15),
    "test13": (13, 13),
    "test14": (14, 14),
    "test15": (13, 13),
    "test16": (14, 14),
    "test17": (14, 14),
    "test18": (11, 11),
    "test19": (8, 8),
    "test20": (14, 0),
    "test21": (14, 0),
    "test22": (14, 0),
    "test23": (8, 0),
    "test24": (14, 0),
    "test25": (14, 0),
    "test26": (14, 0),
    "test27": (14, 0),
    "test28": (14, 0),
    "test29": (14, 0),
    "test30": (14, 0),
    "test31": (13, 0),
    "test32": (14, 0),
    "test33": (14, 0),
    "test34": (14, 0),
    "test35": (12, 0),
    "test36": (14, 0),
    "test37": (14, 0),
    "test38": (13, 0),
    "test39": (14, 0),
    "test40": (8, 0),
    "test41": (14, 0),
    "test42": (14, 0),
    "test43": (14, 0),
    "test44": (14, 0),
    "test45": (12, 0),
    "test46": (14, 0),
    "test47": (8, 0),
    "test48": (14, 0),
    "test49": (14, 0),
    "test50": (14, 0),
    "test51": (14, 0),
    "test52": (14, 0),
    "test53": (14, 0),
    "test54": (14, 0),
    "test55": (14, 0),
    "test56": (14, 0),
    "test57": (14, 0),
    "test58": (14, 0),
    "test59": (12, 0),
    "test60": (14, 0),
    "test61": (14, 0),
    "test62": (14, 0),
    "test63": (14, 0),
    "test64": (14, 0),
    "test65": (14, 0),
    "test66": (14, 0),
    "test67": (14, 0),
    "test68": (14, 0),
    "test69": (14, 0),
    "test70": (14, 0),
    "test71": (14, 0),
    "test72": (14, 0),
    "test73": (14, 0),
    "test74": (14, 0),
    "test75": (14, 0),
    "test76": (14, 0),
    "test77": (14, 0),
    "test78": (14, 0),
    "test79": (14, 0),
    "test80": (14, 0),
    "test81": (12, 0),
    # test82-85: second excerpts (from the paragraph after char 1700) of articles no gold held before
    "test82": (5, 0),
    "test83": (4, 0),
    "test84": (9, 0),
    "test85": (8, 0),
    "test86": (10, 0),
    "test87": (13, 0),
    "test88": (14, 0),
    "test89": (11, 0),
    "test90": (10, 0),
    "test91": (11, 0),
    "test92": (9, 0),
    "test93": (8, 0),
    "test94": (9, 0),
    "test95": (11, 0),
    "test96": (9, 0),
    "test97": (6, 0),
    "test98": (5, 5),
    "test99": (5, 5),
    "test100": (6, 0),
    "test101": (11, 0),
    "test102": (10, 10),
    "test103": (7, 0),
    "test104": (7, 0),
    "test105": (12, 0),
    "test106": (9, 9),
    "test107": (7, 7),
    "test108": (12, 0),
    "test109": (14, 0),
    "test110": (13, 0),
    "test111": (12, 0),
    "test112": (10, 0),
    "test113": (7, 0),
    "test114": (11, 0),
    "test115": (10, 0),
    "test116": (11, 0),
    "test117": (15, 0),
    "test118": (7, 1),
    "test119": (15, 0),
    "test120": (10, 1),
    "test121": (13, 2),
    "test122": (14, 2),
    "test123": (14, 1),
    "test124": (7, 0),
    "test125": (13, 2),
    "test126": (15, 1),
    "test127": (10, 1),
    "test128": (15, 2),
    "test129": (10, 3),
    "test130": (12, 1),
    "test131": (11, 3),
    "test132": (10, 1),
    "test133": (15, 2),
    "test134": (11, 1),
    "test135": (11, 1),
    "test136": (15, 2),
    "test137": (15, 1),
    "test138": (11, 0),
    "test139": (15, 0),
    "test140": (15, 2),
    "test141": (9, 1),
    "test142": (13, 1),
    "test143": (11, 1),
    "test144": (13, 2),
    "test145": (14, 1),
    "test146": (15, 1),
    "test147": (15, 0),
    "test148": (11, 0),
    "test149": (9, 0),
    "test150": (15, 0),
    "test151": (10, 0),
    "test152": (11, 1),
    "test153": (12, 2),
    "test154": (14, 2),
    "test155": (10, 0),
    "test156": (10, 1),
    "test157": (7, 2),
    "test158": (11, 2),
    "test159": (9, 2),
    "test160": (15, 0),
    "test161": (9, 1),
    "test162": (12, 0),
    "test163": (12, 1),
    "test164": (15, 3),
}
BENCH_GOLDS = [Path(__file__).parent / "data" / f"bench_gold_{part}.jsonl" for part in PARTS]
# part -> articles: excerpts of the FactRuEval dev texts (../shared/data/factru_dev.jsonl), none with a
# published date, annotated blind once the benchmark's articles were all used
FACTRU_PARTS = {"1": 11, "2": 6, "3": 12, "4": 9}
FACTRU_GOLDS = [Path(__file__).parent / "data" / f"factru_gold_{part}.jsonl" for part in FACTRU_PARTS]
GOLDS = BENCH_GOLDS + FACTRU_GOLDS

AMOUNT_KINDS = {"money", "percent", "count", "quantity"}
QUALIFIERS = {"exact", "approx", "gt", "gte", "lt", "lte", "range"}
DATE_KINDS = set(KINDS)  # the dates contract: the gold uses the extractor's kinds
# Measure units are short Latin symbols (`t`, `km`, `MWh`, `m2`, `km/h`), never the Russian word.
QUANTITY_UNIT = re.compile(r"^[A-Za-z][A-Za-z0-9/]{0,5}$")  # `km/h` too


def _iso(s: str | None) -> dt.date | None:
    return None if s is None else dt.date.fromisoformat(s)


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return [g for path in GOLDS for g in load_gold(path)]


def test_gold_articles(gold: list[dict]) -> None:
    # an article may come back in a later part with another passage (test117 on: third excerpts), but no
    # passage is annotated twice
    by_id: dict[str, list[tuple[int, int]]] = {}
    for g in gold:
        by_id.setdefault(g["id"], []).append((g["excerpt_start"], g["excerpt_end"]))
    for article, ranges in by_id.items():
        ranges.sort()
        assert all(e1 <= s2 for (_, e1), (s2, _) in zip(ranges, ranges[1:], strict=False)), article
    by_part = {part: load_gold(path) for part, path in zip(PARTS, BENCH_GOLDS, strict=True)}
    first = by_part["dev"] + by_part["test"]
    assert len(first) == 24
    assert sum(g["published"] is not None for g in first) == 12
    for part, expected in PARTS.items():
        if expected is not None:
            rows = by_part[part]
            assert (len(rows), sum(g["published"] is not None for g in rows)) == expected, part
    for (part, expected), path in zip(FACTRU_PARTS.items(), FACTRU_GOLDS, strict=True):
        rows = load_gold(path)
        assert (len(rows), sum(g["published"] is not None for g in rows)) == (expected, 0), part
    for g in gold:
        assert set(g) == {"id", "excerpt_start", "excerpt_end", "published", "amounts", "dates"}, g["id"]
        assert 0 <= g["excerpt_start"] < g["excerpt_end"]
        _iso(g["published"])
        assert len(g["amounts"]) + len(g["dates"]) >= 2, g["id"]


def _check_spans(items: list[dict], length: int, where: str) -> None:
    for it in items:
        assert isinstance(it["start"], int) and isinstance(it["end"], int), where
        assert 0 <= it["start"] < it["end"] <= length, (where, it)
    spans = sorted((it["start"], it["end"]) for it in items)
    for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False):
        assert e1 <= s2, (where, "overlapping spans")


def test_gold_amounts(gold: list[dict]) -> None:
    for g in gold:
        _check_spans(g["amounts"], g["excerpt_end"] - g["excerpt_start"], g["id"])
        for a in g["amounts"]:
            where = (g["id"], a)
            assert a["kind"] in AMOUNT_KINDS, where
            assert a["qualifier"] in QUALIFIERS, where
            assert isinstance(a["unit"], str) and a["unit"], where
            if a["kind"] == "percent":
                assert a["unit"] in {"%", "pp", "bp"}, where
            if a["kind"] == "money":
                assert len(a["unit"]) == 3 and a["unit"].isupper(), where
            if a["kind"] == "quantity":
                assert QUANTITY_UNIT.match(a["unit"]), where
            v, lo, hi, q = a["value"], a["value_min"], a["value_max"], a["qualifier"]
            if q == "exact":
                assert v is not None and v == lo == hi, where
            elif q == "approx":  # an approximate figure claims no bounds
                assert v is not None and lo is None and hi is None, where
            elif q in ("gt", "gte"):
                assert v is not None and lo == v and hi is None, where
            elif q in ("lt", "lte"):
                assert v is not None and hi == v and lo is None, where
            else:
                assert v is None and lo is not None and hi is not None, where
            if lo is not None and hi is not None:
                assert lo <= hi, where


def test_gold_dates(gold: list[dict]) -> None:
    for g in gold:
        _check_spans(g["dates"], g["excerpt_end"] - g["excerpt_start"], g["id"])
        for d in g["dates"]:
            where = (g["id"], d)
            assert d["kind"] in DATE_KINDS, where
            start, end = _iso(d["date_start"]), _iso(d["date_end"])
            if start is not None and end is not None:
                assert start <= end, where
            if d["kind"] == "open_start":
                assert start is None, where
            if d["kind"] == "open_end":
                assert end is None, where


def test_gold_holds_no_text() -> None:
    for path in GOLDS:
        for line in path.read_text(encoding="utf-8").splitlines():
            assert "text" not in json.loads(line)


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_materialize(tmp_path: Path) -> None:
    text_a = "Вчера компания выделила 5 млн рублей.\nВторой абзац, который не входит."
    text_b = "В 2019 году продано около 300 тонн зерна."
    _write(
        tmp_path / "texts.jsonl",
        [
            {"id": "x", "text": "не нужен"},
            {"id": "a", "text": text_a, "published": "2018-03-15"},
            {"id": "b", "text": text_b},
        ],
    )
    amount_a = {
        "start": 24,
        "end": 36,
        "kind": "money",
        "value": 5000000,
        "value_min": 5000000,
        "value_max": 5000000,
        "unit": "RUB",
        "qualifier": "exact",
    }
    date_a = {"start": 0, "end": 5, "kind": "relative", "date_start": "2018-03-14", "date_end": "2018-03-14"}
    amount_b = {
        "start": 20,
        "end": 34,
        "kind": "quantity",
        "value": 300,
        "value_min": 300,
        "value_max": 300,
        "unit": "t",
        "qualifier": "approx",
    }
    date_b = {"start": 2, "end": 11, "kind": "year", "date_start": "2019-01-01", "date_end": "2019-12-31"}
    gold = [
        {
            "id": "a",
            "excerpt_start": 0,
            "excerpt_end": text_a.index("\n"),
            "published": "2018-03-15",
            "amounts": [amount_a],
            "dates": [date_a],
        },
        {
            "id": "b",
            "excerpt_start": 0,
            "excerpt_end": len(text_b),
            "published": None,
            "amounts": [amount_b],
            "dates": [date_b],
        },
    ]
    _write(tmp_path / "gold.jsonl", gold)

    amounts_path, dates_path = materialize(
        tmp_path / "gold.jsonl", tmp_path / "texts.jsonl", tmp_path / "out"
    )

    amounts = [json.loads(line) for line in amounts_path.read_text(encoding="utf-8").splitlines()]
    dates = [json.loads(line) for line in dates_path.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in amounts] == ["a", "b"] == [d["id"] for d in dates]
    assert amounts[0]["text"] == "Вчера компания выделила 5 млн рублей."
    assert set(amounts[0]) == {"id", "text", "amounts"}
    assert set(dates[0]) == {"id", "text", "published", "dates"}
    assert amounts[0]["amounts"] == [amount_a] and amounts[1]["amounts"] == [amount_b]
    assert dates[0]["dates"] == [date_a] and dates[1]["dates"] == [date_b]
    assert dates[0]["published"] == "2018-03-15" and dates[1]["published"] is None
    text = amounts[0]["text"]
    assert text[amount_a["start"] : amount_a["end"]] == "5 млн рублей"
    assert dates[0]["text"][date_a["start"] : date_a["end"]] == "Вчера"
    assert amounts[1]["text"][amount_b["start"] : amount_b["end"]] == "около 300 тонн"
    assert dates[1]["text"][date_b["start"] : date_b["end"]] == "2019 году"


def test_materialize_missing_article(tmp_path: Path) -> None:
    _write(tmp_path / "texts.jsonl", [{"id": "a", "text": "5 лет"}])
    gold = [{"id": "zz", "excerpt_start": 0, "excerpt_end": 3, "published": None, "amounts": [], "dates": []}]
    _write(tmp_path / "gold.jsonl", gold)
    with pytest.raises(ValueError, match="not in"):
        materialize(tmp_path / "gold.jsonl", tmp_path / "texts.jsonl", tmp_path / "out")
