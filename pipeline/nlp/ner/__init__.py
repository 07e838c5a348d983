"""Named-entity recognition (PER / ORG / LOC spans) as a spaCy pipeline over natasha plus rules."""

from .mention import LABELS, Mention
from .recognizer import EntityRecognizer, build_nlp

__all__ = ["LABELS", "EntityRecognizer", "Mention", "build_nlp"]
