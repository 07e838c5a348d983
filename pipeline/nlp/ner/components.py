"""Importing this module registers every NER component factory with spaCy."""

from . import acronyms, merge, natasha_component, org_heads, org_prefix, punct, ruler, stoplist  # noqa: F401
