"""Bytes -> text, with the encoding recorded; refuses what it cannot decode with confidence.

Order of evidence: a byte-order mark; valid UTF-8 (a strong signal: other encodings of Cyrillic text are
almost never valid UTF-8); UTF-16 without a BOM (every code unit a plausible character); else one of the
Russian single-byte encodings, Windows-1251 or KOI8-R, chosen by Russian letter frequencies and by case
patterns (KOI8-R read as 1251 and vice versa swaps upper and lower case). Anything else is refused.

Two repairs are made and recorded in the encoding name, so they stay visible in `documents.encoding`:
stray NUL characters (padding left by a crashed writer) are removed (`utf-8+nul-stripped`), and a
UTF-8 text cut in the middle of its last character loses that half character (`utf-8+truncated`).
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_EIGHT_BIT = ("cp1251", "koi8_r")

# Russian letter frequencies (per cent), for telling Windows-1251 from KOI8-R.
_FREQ = dict(
    zip(
        "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
        (10.97, 8.45, 8.01, 7.35, 6.70, 6.26, 5.47, 4.73, 4.54, 4.40, 3.49, 3.21, 2.98, 2.81, 2.62, 2.01)
        + (1.90, 1.74, 1.70, 1.65, 1.59, 1.44, 1.21, 0.97, 0.94, 0.73, 0.64, 0.48, 0.36, 0.32, 0.26, 0.04)
        + (0.04,),
        strict=True,
    )
)
_LOG_FREQ = {c: math.log(p / 100) for c, p in _FREQ.items()}
_CYR_WORD = re.compile(r"[А-ЯЁа-яё]+")
_WELL_CASED = re.compile(r"[А-ЯЁ]?[а-яё]+|[А-ЯЁ]+")
# Mean log-probability of a letter in Russian text is about -3.1; uniform noise over 33 letters is -3.5.
_MIN_LOG_FREQ = -3.45
_MIN_MARGIN = 0.15  # between the best and second-best single-byte reading, else the text is ambiguous
_MAX_NUL_SHARE = 0.01  # more NULs than this is binary data, not text with stray padding
_MAX_CONTROL_SHARE = 0.02


class DecodeError(ValueError):
    """The bytes are not text this pipeline can read, or their encoding is not clear."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises DecodeError for binary or ambiguous data."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as e:
                raise DecodeError(f"starts with a {name} byte-order mark but does not decode: {e}") from e
    utf8 = _utf8(data)
    if utf8 is not None:
        return utf8
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if data.count(0) > _MAX_NUL_SHARE * len(data):
        raise DecodeError("binary data: contains NUL bytes and is neither UTF-8 nor UTF-16 text")
    if _looks_like_broken_utf8(data):
        raise DecodeError(
            "mostly UTF-8 but with invalid byte sequences inside the text: damaged file, not decoded"
        )
    return _eight_bit(data)


def _utf8(data: bytes) -> tuple[str, str] | None:
    try:
        text, name = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        # A file cut off inside its last character (a crashed writer, a size-capped download): keep the rest.
        if e.reason != "unexpected end of data" or len(data) - e.start > 3:
            return None
        text, name = data[: e.start].decode("utf-8"), "utf-8+truncated"
    if "\x00" in text:
        if text.count("\x00") > _MAX_NUL_SHARE * len(text):
            return None  # maybe UTF-16 of ASCII text, else binary: decided by the caller
        text, name = text.replace("\x00", ""), name + "+nul-stripped"
    if _control_share(text) > _MAX_CONTROL_SHARE:
        return None  # Cyrillic UTF-16 without a BOM can be valid UTF-8 of control characters
    return text, name


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    if len(data) < 4 or len(data) % 2:
        return None
    best = None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        share = _plausible_share(text)
        if share >= 0.97 and _spaced_like_text(text) and (best is None or share > best[0]):
            best = (share, text, name)
    return (best[1], best[2]) if best else None


def _plausible_share(text: str) -> float:
    """Share of characters that belong in news text: common scripts, digits, punctuation, whitespace."""
    ok = 0
    for c in text:
        o = ord(c)
        if (
            c in "\n\r\t"
            or 0x20 <= o < 0x7F
            or 0xA0 <= o <= 0x24F  # Latin-1 and Latin Extended
            or 0x400 <= o <= 0x52F  # Cyrillic and its supplement (Kazakh, Kyrgyz letters)
            or 0x2000 <= o <= 0x214F  # punctuation, currency, letterlike (№)
            or 0xAC00 <= o <= 0xD7A3  # Hangul syllables
            or 0x3000 <= o <= 0x303F  # CJK punctuation
        ):
            ok += 1
    return ok / max(len(text), 1)


def _spaced_like_text(text: str) -> bool:
    """Real text has spaces and little punctuation; 8-bit bytes paired up as UTF-16 have spaces fused into
    other characters (b' \xc2' -> U+20C2), so whitespace vanishes and U+20xx 'punctuation' abounds."""
    if len(text) < 20:
        return True
    spaces = sum(c.isspace() for c in text) / len(text)
    general_punctuation = sum("\u2000" <= c <= "\u214f" for c in text) / len(text)
    return spaces >= 0.03 and general_punctuation <= 0.05


def _looks_like_broken_utf8(data: bytes) -> bool:
    """Many well-formed two-byte UTF-8 Cyrillic sequences: UTF-8 with damage, not an 8-bit encoding."""
    high = sum(b >= 0x80 for b in data)
    pairs = len(re.findall(rb"[\xd0\xd1][\x80-\xbf]", data))
    return high > 0 and 2 * pairs / high > 0.6


def _eight_bit(data: bytes) -> tuple[str, str]:
    scored = []
    for name in _EIGHT_BIT:
        text = data.decode(name, errors="replace")
        scored.append((_russian_score(text), name, text))
    scored.sort(reverse=True)
    (best, name, text), (second, _, _) = scored
    if best < _MIN_LOG_FREQ or _control_share(text) > _MAX_CONTROL_SHARE:
        raise DecodeError("not UTF-8, and no single-byte Cyrillic encoding fits: binary or unknown encoding")
    if best - second < _MIN_MARGIN:
        raise DecodeError(
            f"not UTF-8; cannot tell {scored[0][1]} from {scored[1][1]} with confidence (text too short?)"
        )
    return text, name


def _russian_score(text: str) -> float:
    """Mean log-frequency of the Cyrillic letters, less a penalty for words in impossible case patterns
    and for characters that are neither letters, digits, spaces nor common punctuation."""
    letters = [c.lower() for c in text if "А" <= c <= "я" or c in "Ёё"]
    if not letters:
        return -math.inf
    mean = sum(_LOG_FREQ.get(c, -9.0) for c in letters) / len(letters)
    words = _CYR_WORD.findall(text)
    badly_cased = sum(not _WELL_CASED.fullmatch(w) for w in words) / max(len(words), 1)
    odd = sum(unicodedata.category(c)[0] in "CS" and c not in "\n\r\t\f" for c in text) / len(text)
    return mean - 2.0 * badly_cased - 5.0 * odd


def _control_share(text: str) -> float:
    controls = sum(1 for c in text if (ord(c) < 32 and c not in "\n\r\t\f") or c == "\ufffd")
    return controls / max(len(text), 1)
