"""Bare degrees in a text about the weather are degrees Celsius.

`градус` alone is an angle (`повернул на 90 градусов`); `К среде обещают 37 градусов` after `была
температура` is the heat. A `deg` amount whose sentence or the one before holds a weather word
(models/amounts/weather_cues.txt) becomes `degC`.
"""

from __future__ import annotations

import dataclasses
import re

from pipeline.nlp.amounts.lexicon import WEATHER_CUES
from pipeline.nlp.amounts.types import Amount

_CUE = re.compile(r"(?<![а-яё])(?:" + "|".join(sorted(WEATHER_CUES)) + ")", re.IGNORECASE)
_FROST = re.compile(r"(?<![а-яё])мороз", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…]\s")
_LOOKBACK = 300  # characters: the amount's sentence and the one before


def with_weather_units(text: str, found: list[Amount]) -> list[Amount]:
    """`found` with bare degrees in a weather context as degC."""
    return [_weather(text, a) if a.unit == "deg" else a for a in found]


def _weather(text: str, amount: Amount) -> Amount:
    start = max(0, amount.start - _LOOKBACK)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, amount.start)]
    since = ends[-2] if len(ends) >= 2 else start  # the sentence before the amount's
    sentence_end = _SENTENCE_END.search(text, amount.end)
    stop = sentence_end.start() if sentence_end else len(text)
    if _CUE.search(text, since, stop) is None or _FROST.search(text, since, stop):
        return amount  # `мороз до 30 градусов` is below zero: the sign is not written
    return dataclasses.replace(amount, unit="degC")
