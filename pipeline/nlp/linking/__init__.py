"""Canonical linking of entity mentions: in-document coreference (surnames, acronyms, short forms) and a
gazetteer (countries from pycountry, regions, cities, organisations) for ids and English names."""

from .gazetteer import Entry, Gazetteer
from .linker import Link, Linker

__all__ = ["Entry", "Gazetteer", "Link", "Linker"]
