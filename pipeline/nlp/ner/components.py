"""Importing this module registers every NER component factory with spaCy."""

from . import natasha_component  # noqa: F401
