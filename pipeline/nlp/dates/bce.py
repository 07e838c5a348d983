"""Dates before the common era (`IV в. до н.э.`, `300 год до нашей эры`) stay unresolved.

The dates table holds ISO dates, which have no year before 1; a century or year read without its era would
be off by two thousand years, so the mention keeps its kind and span with empty dates and resolved = false.
"""

from __future__ import annotations

import re

from pipeline.nlp.dates.mention import DateMention

_BCE = re.compile(r"\s*до\s+(?:н\.\s?э\.|нашей\s+эры|Р\.\s?Х\.|Рождества\s+Христова)", re.IGNORECASE)


def unresolve_bce(text: str, found: list[DateMention]) -> list[DateMention]:
    """`found` with each mention followed by `до н.э.` widened over it and left without dates."""
    out = []
    for m in found:
        era = _BCE.match(text, m.end)
        if era is None:
            out.append(m)
        else:
            out.append(
                DateMention(
                    m.start, era.end(), text[m.start : era.end()], m.kind, None, None, m.granularity, False
                )
            )
    return out
