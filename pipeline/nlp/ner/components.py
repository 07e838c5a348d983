"""Importing this module registers every NER component factory with spaCy."""

from . import acronyms, natasha_component, org_prefix, punct  # noqa: F401
