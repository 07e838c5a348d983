"""A bare currency name takes the country named with it earlier in the text.

`667,2 миллиона кипрских фунтов ... 111,2 миллиона фунтов`: a reader takes the second for Cypriot pounds too,
not for the British pound a bare `фунт` means elsewhere. Only nouns that name several currencies
(currencies.tsv lists `фунт~` alone and after country adjectives) are read this way.
"""

from __future__ import annotations

import dataclasses

from pipeline.nlp.amounts.lexicon import AMBIGUOUS_CURRENCY_NOUNS
from pipeline.nlp.amounts.morph import first_parse
from pipeline.nlp.amounts.types import Amount
from pipeline.nlp.dates.tokens import ADJECTIVE_ENDINGS

# words after the noun that name the currency themselves: `долларов США`, `фунтов стерлингов`
_NAMING_AFTER = frozenset({"сша", "стерлингов", "стерлинга", "стерлингам", "стерлингами", "стерлингах"})


def with_context_currency(text: str, found: list[Amount]) -> list[Amount]:
    """`found` with each bare ambiguous currency noun given the code it last had with a country word."""
    named: dict[str, str] = {}  # noun lemma -> code it had with a country adjective or `США`
    out = []
    for amount in found:
        if amount.kind == "money":
            amount = _with_named_currency(text, amount, named)
        out.append(amount)
    return out


def _with_named_currency(text: str, amount: Amount, named: dict[str, str]) -> Amount:
    words = amount.text.split()
    for n in range(len(words) - 1, 0, -1):
        word = words[n].strip(".,").lower()
        lemma = first_parse(word)[0] if word.isalpha() else ""
        if lemma not in AMBIGUOUS_CURRENCY_NOUNS:
            continue
        before = words[n - 1].lower()
        after = (words[n + 1 :] or text[amount.end : amount.end + 12].split())[:1]
        if (before.isalpha() and before.endswith(ADJECTIVE_ENDINGS)) or (
            after and after[0].strip(".,;:)").lower() in _NAMING_AFTER
        ):
            named[lemma] = amount.unit  # `кипрских фунтов`, `долларов США`
        elif amount.unit == AMBIGUOUS_CURRENCY_NOUNS[lemma] and named.get(lemma, amount.unit) != amount.unit:
            return dataclasses.replace(amount, unit=named[lemma])
        return amount
    return amount
