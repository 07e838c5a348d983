"""Rule-based extraction of date expressions from Russian news text.

    from pipeline.nlp.dates import extract_dates, DateMention
    extract_dates("с 2013 по 2015 год", published=None)

Language data: models/dates/lexicon.json. Design notes: docs are in the module docstrings of
grammar.py (spans), resolve.py (year-less and relative dates) and intervals.py (calendar conventions).
"""

from pipeline.nlp.dates.extract import extract_dates
from pipeline.nlp.dates.mention import DateMention

__all__ = ["DateMention", "extract_dates"]
