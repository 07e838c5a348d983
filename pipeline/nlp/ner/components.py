"""Importing this module registers every NER component factory with spaCy."""

from . import (  # noqa: F401
    acronyms,
    context,
    merge,
    natasha_component,
    org_heads,
    org_prefix,
    punct,
    quoted_orgs,
    ruler,
    stoplist,
)
