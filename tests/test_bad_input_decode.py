"""Bytes -> text on real Russian text in every encoding a Russian news archive holds, and on what is not text.

The rule under test: the decoder returns the right text with the right encoding, or refuses with a clear
error; it never returns mojibake.
"""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
from conftest import SENTENCES, make_text

from pipeline.ingest.decode import DecodeError, decode

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ARTICLE = sorted(CORPUS.glob("*.txt"))[0].read_text(encoding="utf-8")
SAMPLES = {
    "article": ARTICLE,
    "generated": make_text(3),
    "short": "Москва, 5 мая. Правительство выделило 3 млрд рублей на дороги.",
    "headline_caps": "СРОЧНО: ПРАВИТЕЛЬСТВО ВЫДЕЛИЛО 3 МЛРД РУБЛЕЙ НА СТРОИТЕЛЬСТВО ДОРОГ",
    "mixed_latin": "Компания Samsung Electronics (SEC) объявила о росте прибыли на 12% в III квартале.",
    "quotes_and_numero": "«Газпром» и ООО «Ромашка» — участники торгов № 5.",
    "crlf": "Первая строка.\r\nВторая строка в Алматы.\r\n",
    "word": "Привет",
}


@pytest.mark.parametrize("name", SAMPLES)
@pytest.mark.parametrize(
    ("codec", "recorded"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),  # with a BOM
        ("utf-16-le", "utf-16-le"),  # without
        ("utf-16-be", "utf-16-be"),
        ("utf-32", "utf-32"),
        ("cp1251", "cp1251"),
        ("koi8_r", "koi8_r"),
    ],
)
def test_russian_text_decodes_to_itself_or_is_refused(name: str, codec: str, recorded: str) -> None:
    text = SAMPLES[name]
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        pytest.skip(f"{codec} cannot encode this sample")
    try:
        got, encoding = decode(data)
    except DecodeError:
        # Only a one-word single-byte text may be too short to tell 1251 from KOI8-R.
        assert name == "word" and codec in ("cp1251", "koi8_r")
        return
    assert got == text
    assert encoding == recorded


def test_every_generated_sentence_in_1251_and_koi8_is_right_or_refused() -> None:
    rng = random.Random(1)
    wrong, refused = [], 0
    for i in range(300):
        text = rng.choice(SENTENCES).format(
            city="Караганде", person="Ивана Петрова", org="«Казатомпром»", year=2019, pct=5, num=50, day=12
        )
        text = text if i % 3 else text.upper()
        for codec in ("cp1251", "koi8_r"):
            data = text.encode(codec, errors="ignore")  # KOI8-R has no guillemets
            text = data.decode(codec)
            try:
                got, encoding = decode(data)
            except DecodeError:
                refused += 1
                continue
            if got != text or encoding != codec:
                wrong.append((text, codec, encoding))
    assert wrong == []
    assert refused < 30


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(2).randbytes(4000),
        random.Random(3).randbytes(5000),
        b"\x7fELF\x02\x01\x01" + b"\x00" * 100 + b"/lib64/ld-linux-x86-64.so.2" + b"\x00\x01\x02" * 50,
        b"\x1f\x8b\x08\x00" + random.Random(4).randbytes(3000),
        b"\x00" * 1000,
    ],
    ids=["all_bytes", "png", "random", "elf", "gzip", "nuls"],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(DecodeError, match="binary|no single-byte|not decode"):
        decode(data)


def test_stray_nul_bytes_are_removed_and_recorded() -> None:
    data = ARTICLE.encode("utf-8").replace(b"\n", b"\n\x00", 3)
    text, encoding = decode(data)
    assert text == ARTICLE and encoding == "utf-8+nul-stripped"


def test_a_utf8_file_cut_inside_its_last_character_keeps_the_rest() -> None:
    data = ARTICLE.encode("utf-8")
    cut = next(i for i in range(len(data) - 1, 0, -1) if data[i] >= 0xC0)  # start of a 2-byte letter
    text, encoding = decode(data[: cut + 1])
    assert encoding == "utf-8+truncated" and text == data[:cut].decode("utf-8")


def test_utf8_damaged_inside_is_refused_not_read_as_1251() -> None:
    data = ARTICLE.encode("utf-8")
    with pytest.raises(DecodeError, match="damaged"):
        decode(data[:500] + b"\xff\xfe" + data[500:])


def test_a_bom_that_lies_is_refused() -> None:
    with pytest.raises(DecodeError, match="byte-order mark"):
        decode(codecs.BOM_UTF8 + "Привет".encode("cp1251"))


def test_ascii_and_empty_input() -> None:
    assert decode(b"Plain English text.") == ("Plain English text.", "utf-8")
    assert decode(b"") == ("", "utf-8")


def test_other_scripts_in_utf16_without_bom() -> None:
    for text in ("서울에서 한국과 카자흐스탄 정상회담이 열렸다.", "Қазақстан Республикасының Президенті"):
        for codec in ("utf-16-le", "utf-16-be"):
            assert decode(text.encode(codec)) == (text, codec)
