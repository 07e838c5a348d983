"""Bytes -> text, with the encoding recorded; refuses what it cannot decode with confidence."""

from __future__ import annotations

import codecs

# Letters that make up about half of any Russian text; a wrong 8-bit guess scatters them.
_FREQUENT = set("оеаинтсрвл")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_EIGHT_BIT = ("cp1251", "koi8_r")


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
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if b"\x00" in data:
        raise DecodeError("binary data: contains NUL bytes and is not UTF-16")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _eight_bit(data)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) // 2)
    odd_nuls = data[1::2].count(0) / (len(data) // 2)
    for name, share in (("utf-16-le", odd_nuls), ("utf-16-be", even_nuls)):
        if share > 0.3:
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                return None
    return None


def _eight_bit(data: bytes) -> tuple[str, str]:
    scored = []
    for name in _EIGHT_BIT:
        text = data.decode(name, errors="replace")
        letters = [c for c in text if c.isalpha()]
        if not letters:
            continue
        scored.append((sum(c in _FREQUENT for c in letters) / len(letters), name, text))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < 0.3 or _control_share(scored[0][2]) > 0.05:
        raise DecodeError("not UTF-8, and no single-byte Cyrillic encoding fits: binary or unknown encoding")
    _, name, text = scored[0]
    return text, name


def _control_share(text: str) -> float:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    return controls / max(len(text), 1)
