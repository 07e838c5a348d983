"""Token patterns whose every token is a literal or a list of literals, compiled to phrase patterns.

spaCy's Matcher tests each token of a text against the first token of every pattern, and a set (`IN`)
or regex test is a predicate call per token: with a few dozen patterns that was a tenth of the pipeline's
time. A PhraseMatcher looks the words up in a hash table instead. So the patterns stay readable in
models/ner/ruler_patterns.jsonl (`{"TEXT": {"IN": ["Госдума", "Госдумы", ...]}}`), and the ruler gets
each combination of the literals as a phrase. `LOWER` literals match any case in a token pattern; as phrases
they are given in lower, capitalised and upper case.
"""

from __future__ import annotations

from itertools import product

_MAX_PHRASES = 2000  # per pattern: a token pattern that would expand further stays a token pattern


def _literals(token: dict) -> list[str] | None:
    """The words one token spec accepts, or None when it is not made of literals only."""
    if len(token) != 1:
        return None
    ((attr, value),) = token.items()
    words = value["IN"] if isinstance(value, dict) and set(value) == {"IN"} else [value]
    if not all(isinstance(w, str) for w in words):
        return None
    if attr in ("TEXT", "ORTH"):
        return list(words)
    if attr == "LOWER":
        return sorted({v for w in words for v in (w, w.capitalize(), w.upper())})
    return None


def as_phrases(pattern: dict) -> list[dict]:
    """The phrase patterns equal to a token pattern, or [pattern] itself when it cannot be compiled."""
    tokens = pattern["pattern"]
    if isinstance(tokens, str):
        return [pattern]
    choices = [_literals(t) for t in tokens]
    if any(c is None for c in choices):
        return [pattern]
    count = 1
    for c in choices:
        count *= len(c)  # type: ignore[arg-type]
    if count > _MAX_PHRASES:
        return [pattern]
    rest = {k: v for k, v in pattern.items() if k != "pattern"}
    return [{**rest, "pattern": " ".join(words)} for words in product(*choices)]  # type: ignore[arg-type]
