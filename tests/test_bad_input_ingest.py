"""Bad input through ingest and the stages after it: every input ends in `documents` or in `errors`, with
the encoding recorded, offsets into the recorded text, and non-Russian texts skipped with a reason."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pandas as pd
import pytest
from conftest import make_text, run_pipeline, write_jsonl

from pipeline.ingest.html import html_to_text, looks_like_html
from pipeline.ingest.lang import detect_language
from pipeline.store import Store

RU = make_text(7)
LANGUAGE_SAMPLES = {
    "kk": "Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев бүгін Астанада шетелдік инвесторлармен "
    "кездесті. Кездесу барысында экономикалық ынтымақтастық және жаңа жобалар туралы сөз болды.\n",
    "ky": "Кыргыз Республикасынын Президенти Садыр Жапаров бүгүн Бишкекте чет элдик инвесторлор менен "
    "жолугушту. Жолугушууда экономикалык кызматташтык жана жаңы долбоорлор боюнча сүйлөшүүлөр болду.\n",
    "en": "Kazakhstan and South Korea signed an agreement on Tuesday to expand trade, officials in Astana "
    "said. The deal covers energy, transport and digital projects worth 2 billion dollars.\n",
    "ko": "한국과 카자흐스탄은 화요일 아스타나에서 무역 확대 협정을 체결했다고 관계자들이 밝혔다. "
    "이번 협정은 에너지, 교통, 디지털 분야를 포함한다.\n",
}
HTML = (
    "<!DOCTYPE html><html><head><title>Новости</title><script>var x = '<p>не текст</p>';</script></head>"
    "<body><h1>Встреча в Алматы</h1><p>Компания &laquo;Газпром&raquo; вложила 50&nbsp;млн долларов"
    "<br>в строительство завода.</p><div>Переговоры продолжатся 12 мая 2021 года &amp; позже.</div>"
    "</body></html>"
)


def _tables(out: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    store = Store.open(str(out))
    return store.read_table("documents").to_pandas(), store.read_table("errors").to_pandas()


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("bad")
    c = base / "corpus"
    c.mkdir()
    files = {
        "utf8_bom.txt": codecs.BOM_UTF8 + RU.encode("utf-8"),
        "utf16_bom.txt": RU.encode("utf-16"),
        "utf16le_nobom.txt": RU.encode("utf-16-le"),
        "utf16be_nobom.txt": RU.encode("utf-16-be"),
        "win1251.txt": RU.encode("cp1251"),
        "koi8r.txt": RU.replace("«", '"').replace("»", '"').encode("koi8_r"),
        "nul_bytes.txt": RU.encode("utf-8").replace(b"\n", b"\n\x00", 2),
        "binary.txt": bytes(range(256)) * 16,
        "empty.txt": b"",
        "blank.txt": b" \n\t\r\n  \n",
        "html.txt": HTML.encode("utf-8"),
        "long_line.txt": (
            "Длинная строка без перевода строки о торговле в Алматы на 5 млн тенге; " * 3000
        ).encode(),
        **{f"lang_{k}.txt": v.encode("utf-8") for k, v in LANGUAGE_SAMPLES.items()},
    }
    for name, data in files.items():
        (c / name).write_bytes(data)
    lines = [
        json.dumps(
            {"id": "j_ok", "text": RU, "published": "30.05.2019", "title": "Заголовок"}, ensure_ascii=False
        ),
        "{this is not json",
        json.dumps({"text": "нет идентификатора"}, ensure_ascii=False),
        json.dumps({"id": "j_no_text"}),
        json.dumps({"id": "j_num_text", "text": 42}),
        json.dumps({"id": ["list"], "text": "x"}),
        json.dumps({"id": "j_bad_title", "text": RU, "title": {"a": 1}}, ensure_ascii=False),
        json.dumps({"id": "j_bad_date", "text": RU, "published": "вчера"}, ensure_ascii=False),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "dup", "text": make_text(11)}, ensure_ascii=False),
        json.dumps({"id": "j_html", "text": HTML}, ensure_ascii=False),
        json.dumps({"id": 17, "text": RU}, ensure_ascii=False),
    ]
    (c / "a_feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_jsonl(c / "b_feed.jsonl", [{"id": "dup", "text": make_text(12)}])  # a later file: loses
    out = base / "out"
    summary = run_pipeline(c, out, ["ingest", "segment", "match"])
    docs, errors = _tables(out)
    return {"corpus": c, "out": out, "docs": docs.set_index("doc_id"), "errors": errors, "summary": summary}


def test_encodings_are_detected_and_recorded(bad_corpus: dict) -> None:
    docs = bad_corpus["docs"]
    expected = {
        "utf8_bom": "utf-8-sig",
        "utf16_bom": "utf-16",
        "utf16le_nobom": "utf-16-le",
        "utf16be_nobom": "utf-16-be",
        "win1251": "cp1251",
        "koi8r": "koi8_r",
        "nul_bytes": "utf-8+nul-stripped",
    }
    for doc_id, encoding in expected.items():
        assert docs.loc[doc_id, "encoding"] == encoding, doc_id
        assert docs.loc[doc_id, "text"].replace('"', "«", 1).startswith("Новости региона"), doc_id
        assert docs.loc[doc_id, "lang"] == "ru"
    assert docs.loc["utf16le_nobom", "text"] == RU and "\x00" not in docs.loc["nul_bytes", "text"]


def test_every_input_is_a_document_or_an_error(bad_corpus: dict) -> None:
    docs, errors = bad_corpus["docs"], bad_corpus["errors"]
    ingest_errors = errors[errors["stage"] == "ingest"]
    n_txt = len(list(bad_corpus["corpus"].glob("*.txt")))
    n_lines = 12 + 1
    assert len(docs) + len(ingest_errors) == n_txt + n_lines
    kinds = dict(
        zip(ingest_errors["source"].str.rsplit("/", n=1).str[-1], ingest_errors["error"], strict=True)
    )
    assert kinds == {
        "binary.txt": "undecodable",
        "empty.txt": "empty_text",
        "blank.txt": "empty_text",
        "a_feed.jsonl:2": "malformed_json",
        "a_feed.jsonl:3": "missing_id",
        "a_feed.jsonl:4": "missing_text",
        "a_feed.jsonl:5": "bad_field",
        "a_feed.jsonl:6": "bad_field",
        "a_feed.jsonl:7": "bad_field",
        "a_feed.jsonl:8": "bad_date",
        "a_feed.jsonl:9": "malformed_json",
        "b_feed.jsonl:1": "duplicate_id",
    }
    assert ingest_errors["message"].str.len().min() > 10
    assert "a_feed.jsonl:10" in ingest_errors.set_index("error").loc["duplicate_id", "message"]


def test_jsonl_fields(bad_corpus: dict) -> None:
    docs = bad_corpus["docs"]
    assert str(docs.loc["j_ok", "published"]) == "2019-05-30" and docs.loc["j_ok", "title"] == "Заголовок"
    assert docs.loc["j_ok", "source"].endswith("a_feed.jsonl:1")
    assert docs.loc["dup", "text"] == make_text(11)  # first occurrence in path order wins
    assert docs.loc["17", "text"] == RU  # integer ids are read as strings


def test_html_is_recorded_as_its_text(bad_corpus: dict) -> None:
    docs = bad_corpus["docs"]
    for doc_id in ("html", "j_html"):
        text = docs.loc[doc_id, "text"]
        assert docs.loc[doc_id, "encoding"].endswith("+html")
        assert "<" not in text and "&laquo;" not in text and "не текст" not in text
        assert "«Газпром» вложила 50 млн долларов\nв строительство завода." in text
        assert "Встреча в Алматы\n\n" in text
    amounts = Store.open(str(bad_corpus["out"])).read_table("amounts").to_pandas()
    html_amounts = amounts[amounts["doc_id"] == "html"]
    assert "50 млн долларов" in set(html_amounts["text"])


def test_languages_are_set_and_russian_only_stages_skip_with_a_reason(bad_corpus: dict) -> None:
    docs, errors = bad_corpus["docs"], bad_corpus["errors"]
    skipped = errors[(errors["level"] == "skipped") & (errors["stage"] == "match")].set_index("doc_id")
    for lang in LANGUAGE_SAMPLES:
        doc_id = f"lang_{lang}"
        assert docs.loc[doc_id, "lang"] == lang
        assert skipped.loc[doc_id, "error"] == "language_not_supported"
        assert repr(lang) in skipped.loc[doc_id, "message"]
    assert not (errors["level"] == "error").loc[errors["stage"] != "ingest"].any()


def test_offsets_index_the_recorded_text_for_every_document(bad_corpus: dict) -> None:
    store = Store.open(str(bad_corpus["out"]))
    texts = bad_corpus["docs"]["text"]
    for table in ("sentences", "amounts", "dates"):
        frame = store.read_table(table).to_pandas()
        assert len(frame) > 0
        for row in frame.itertuples():
            assert texts[row.doc_id][row.start : row.end] == row.text, (table, row.doc_id)


def test_a_later_runs_version_of_an_id_replaces_the_earlier_one(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    write_jsonl(corpus / "feed.jsonl", [{"id": "x", "text": make_text(1)}])
    out = tmp_path / "out"
    run_pipeline(corpus, out, ["ingest", "segment"])
    write_jsonl(corpus / "feed.jsonl", [{"id": "x", "text": make_text(2)}])
    run_pipeline(corpus, out, ["ingest", "segment"])
    docs, errors = _tables(out)
    assert list(docs["text"]) == [make_text(2)] and errors.empty
    sentences = Store.open(str(out)).read_table("sentences").to_pandas()
    assert all(make_text(2)[r.start : r.end] == r.text for r in sentences.itertuples())


def test_html_detection_leaves_plain_text_alone() -> None:
    for text in (RU, "Цена 5 < 6, а 7 > 3; формула a<b>c.", "Тег <p> упомянут в статье о вёрстке."):
        assert not looks_like_html(text)
    assert looks_like_html("<p>Один</p><p>Два</p><p>Три</p>")
    assert html_to_text("<p>Один</p><p>Два &amp; три</p>") == "Один\n\nДва & три\n"


def test_language_of_russian_text_quoting_kazakh_names_is_russian() -> None:
    text = (
        "Президент Казахстана провёл в Астане встречу с инвесторами. Стороны обсудили программу "
        "«Жаңа Қазақстан» и сотрудничество в энергетике."
    )
    assert detect_language(text) == "ru"
    assert detect_language("12345 !!!") == "und"
