"""Rule-based extraction of date expressions from Russian news text.

    from pipeline.nlp.dates import extract_dates, DateMention
    extract_dates("Программа рассчитана на 2024-2028 гг.", published=None)

How it works: a regex tokenizer (tokens.py), a list of candidate tokens where an expression can start
(extract.py: numbers, month/season/relative words, interval prepositions, Roman numerals), atoms
(atom.py) for days/months/quarters/halves/seasons (atoms.py), years (years.py), decades and centuries
(eras.py) and deictic expressions (relative.py), ranges/open intervals built from atoms (grammar.py)
and the conversion to dates (resolve.py, intervals.py). Word lists: models/dates/lexicon.json.

Conventions (tested in tests/test_dates_cases.py):
- Spans keep the words that change the interval (`с`, `до`, `к`, `после`, `начиная с`, `между`,
  `не позднее`, `до конца`, `по настоящее время`) and leave out locative `в/во/на/за`:
  `за первое полугодие 2019 года` -> `первое полугодие 2019 года`; `в субботу` -> `субботу`.
- date_end is inclusive. `до 2030 года` / `к 2030 году` end on 2030-12-31; `после 2020 года` starts on
  2021-01-01; `до конца/начала/середины X` use the end/start/middle of X.
- Year-less dates (`30 мая`, `в марте`, `во втором квартале`, `летом`) take the year (publication year
  or a neighbour) nearest to the publication date, the future counting double; after `на` (a plan:
  `перенесли на август`) or `до/к` (a deadline) they resolve forwards. Without `published` they are
  kept with resolved=False and no dates; relative expressions likewise.
- Winter of year Y is 1 Dec Y-1 .. end of Feb Y. Centuries run 1..100 (XXI = 2001..2100). Two-digit
  decades: `00-е`, `10-е` are 2000s/2010s, the rest 1920s..1990s.
- Weeks (`на прошлой неделе`) have granularity None: the output contract has no 'week'.
- A range's granularity is the finer of its two ends'.
- Not dates: numbers counting things (`2019 человек`), numbers after `№`, times, phone numbers,
  versions, `кв. м`, capitalised `8 Марта` / `1 Мая` (holiday and street names), `90-е место`.
"""

from pipeline.nlp.dates.extract import extract_dates
from pipeline.nlp.dates.mention import DateMention

__all__ = ["DateMention", "extract_dates"]
