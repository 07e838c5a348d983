"""Pattern rules over doc.ents: rule matches fix labels and fill gaps, natasha keeps longer spans.

spaCy's span_ruler (the engine behind EntityRuler since spaCy 3.5) writing to doc.ents, with patterns from
models/ner/ruler_patterns.jsonl and `rules_fix_labels` as its `ents_filter`. A match
replaces every existing mention it covers (same extent = a label fix; wider = a better boundary), and is
dropped when an existing mention overlaps it without being covered: 'Торгово-промышленной палаты КР'
stays one ORG even though 'КР' alone would be LOC.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Span
from spacy.util import filter_spans

from .phrases import as_phrases
from .resources import load_jsonl
from .spans import make_span

SOURCE = "ruler"


def _covers(outer: Span, inner: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def rules_fix_labels(entities: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
    ents = list(entities)
    matches = filter_spans(list(spans))
    keep_matches: list[Span] = []
    for m in matches:
        overlapping = [e for e in ents if e.start < m.end and m.start < e.end]
        if all(_covers(m, e) for e in overlapping):
            if not (
                len(overlapping) == 1 and overlapping[0].label_ == m.label_ and _covers(overlapping[0], m)
            ):
                keep_matches.append(make_span(m.doc, m.start, m.end, m.label_, SOURCE))
            else:
                keep_matches.append(overlapping[0])  # already right: keep natasha's span and source
    covered = {(e.start, e.end) for m in keep_matches for e in ents if _covers(m, e)}
    return [e for e in ents if (e.start, e.end) not in covered] + keep_matches


@Language.factory("ner_ruler", default_config={"patterns": "ruler_patterns.jsonl"})
def make_ruler(nlp: Language, name: str, patterns: str) -> SpanRuler:
    """spaCy's SpanRuler writing doc.ents through `rules_fix_labels`, patterns from models/ner/."""
    ruler = SpanRuler(
        nlp,
        name,
        spans_key=None,
        annotate_ents=True,
        ents_filter=rules_fix_labels,
        overwrite=False,
        validate=True,
    )
    ruler.add_patterns([p for pattern in load_jsonl(patterns) for p in as_phrases(pattern)])
    return ruler
