"""link: mentions -> entities, each with a canonical name (in-document coreference + gazetteer)."""

from __future__ import annotations

from pipeline.stages.base import Doc, Stage, StageFn


def load() -> StageFn:
    from pipeline.nlp.linking import Linker

    linker = Linker()

    def link(docs: list[Doc]) -> dict[str, list[dict]]:
        rows = []
        for doc in docs:
            mentions = doc.inputs["mentions"]
            for m, found in zip(mentions, linker.link(doc.text, mentions), strict=True):
                rows.append(
                    {
                        **m,
                        "canonical": found.canonical,
                        "canonical_id": found.canonical_id,
                        "name_en": found.name_en,
                    }
                )
        return {"entities": rows}

    return link


STAGE = Stage(
    name="link",
    version="1",
    deps=("ner",),
    inputs=("mentions",),
    outputs=("entities",),
    russian_only=True,
    load=load,
)
