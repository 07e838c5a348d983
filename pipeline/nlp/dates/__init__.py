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
  2021-01-01; `до конца/начала/середины X` use the end/start/middle of X (`к окончанию/завершению X`
  like `к концу X`). `2020 год и далее`, `2001 года и позже` (a dated X with `год`, not a bare number) are
  open_end from the start of X; `с X и далее` takes the tail into its span; not before a verb (`в 2015 году
  и позже поступил`: then) or a comparison (`и позже всех`).
- Year-less dates (`30 мая`, `в марте`, `во втором квартале`, `летом`) take the year (publication year
  or a neighbour) nearest to the publication date, the future counting double; after `на` (a plan:
  `перенесли на август`) or `до/к` (a deadline) they resolve forwards; so does a year-less month,
  season, quarter or half in a comma-bounded clause with a future-tense verb or a plan word and no
  past-tense verb (`в сентябре пройдёт выставка`, `осенью планируется`), and a year-less day (or a list
  of days, `22, 23 и 24 марта`) in such a clause whose sentence has no past-tense verb (`18 марта ...
  получит`); an earlier year of a history does not give them their year. The month of publication stays
  in its year (a planned day too; a planned day up to 3 days before publication is the day just gone).
  Without `published` they are kept with resolved=False and no dates; relative expressions likewise.
- Winter of year Y is 1 Dec Y-1 .. end of Feb Y. Centuries run 1..100 (XXI = 2001..2100). Two-digit
  decades: `00-е`, `10-е` are 2000s/2010s, the rest 1920s..1990s.
- `после X` starts the day after X ends at every granularity: `после 2020 года` -> 2021-01-01,
  `после 1 января 2018 года` -> 2018-01-02 (strict `after`; an annotator reading 2018-01-01 is off by
  one day, kept for consistency with years and months).
- `к X` is a deadline (open_start) when X is still ahead of the publication date (or there is none);
  when X is over (`к декабрю 1940 года` in a later text) it describes the state as of X: X itself.
- `в начале/конце/середине X` keeps the word in the span and means all of X (the gold convention; the
  part of X is not guessed), also as the tail of a dash range: `в конце 2019 – начале 2020 года` ->
  2019-01-01..2020-12-31. With a bare unit it is the current one (`в конце года`, `в начале месяца`:
  relative), or the year of a story in the paragraph (`В 1917 году ... в конце года`); a bare season is
  the nearest (`в начале осени`). Coordinated: `в конце ХХ и начале XXI века` -> two centuries.
  `до конца X`, `с начала X` still use the end/start point of X.
- Counted offsets from the publication date (kind relative): `пять лет назад` -> that whole year,
  `полгода назад` -> that month, `через 5 дней` -> that day, `через неделю` -> that week. Vague counts
  (`несколько`, `два-три`, `лет пять`, `через год-другой`) and counts from an event (`через год после
  ...`, `через месяц` in a clause with a past-tense verb) are skipped.
- An estimate of N units ago is still the whole unit N back, the estimate word in the span (`Около месяца
  назад` on 2007-09-21 -> 2007-08-01..2007-08-31, `около 40 лет назад`, `около двух лет назад`: genitive
  numerals count); a bare genitive unit needs it.
- More than N units ago (`160 с лишним лет назад`, `год с небольшим назад`, `более двух лет назад`, the
  comparative in the span; not `не более`) is open_start, ending when the unit N back ends (in 2018:
  1858-12-31).
- `накануне` as an adverb (`Накануне премьер заявил`, `прибыла накануне вечером`) is the day before,
  relative like `вчера` (the test3 convention); as a preposition before a genitive or a date (`накануне
  выборов`, `накануне Нового года`, `накануне его визита`, `накануне 20 апреля`) it is no date itself.
- `не раньше`/`не ранее` X is open_end, `не позднее` X open_start; after them a bare season is a date and a
  year-less period resolves forwards, as a plan (`не раньше осени`).
- Offsets of a story are relative too (the bench convention), counted from the publication date like the
  others: `Спустя полгода` (at the head of a clause with a past-tense verb; `вернулся спустя 12 лет` and
  `спустя девять лет он покинет` are durations), `год спустя`, `пятью годами ранее`, `неделей позже`,
  `на следующий день` (span `следующий день`; `в этот день` is anaphora, skipped).
- An offset, weekday or deictic day followed by a date in apposition is one date: `через год, 27 января`
  (the offset sets the year), `Неделей ранее, 6 октября`, `во вторник, 19 сентября` (span `вторник, 19
  сентября`), `На следующий день, 20 августа 1960 года`; the date alone sets the dates.
- A day with `-го` and no month (`а 14-го финишировали`, `до 4-го`) takes the month and year of the day or
  month mentioned last in the paragraph (skipped without one); `18-го числа` with none before is a day of the
  publication month. Ordinals of nouns (`15-го тура`) are not days.
- Recurring dates are skipped: a year-less day, month or season in a clause with `ежегодно`, `каждый`,
  `традиционно`, or with a holiday noun and a present-tense `считать`/`отмечать`/`праздновать` and no past or
  future verb (`Днём рождения авиации считают 23 декабря`, `15 апреля отмечают День Солнца`).
- `сегодня` is a day unless its clause has only third-person present-tense verbs or predicatives
  (`Сегодня Россия является ...`, `сегодня ... изменить нельзя`: 'nowadays', skipped); event verbs
  (`проходит`, `ожидается`), a time of day (`сегодня утром`) or any past/future verb keep it a day.
  pymorphy2 (via natasha) tells the tenses.
- Deictic words in a quotation dated in the text (`29 декабря 1925 года ... писал: «... вчера ...»`) or in an
  embedded post (the line above `— Name (@handle) 6 августа 2017 г.`, `Публикация от ... Ноя 3 2017 в ...`)
  count from that day (quotes.py, posts.py).
- Decades take a following century: `60-х годов XIX века` -> 1860s, `90-х прошлого века` against the
  publication date; in a dash range the two-digit head takes it too (`30-е–40-е годы ХIХ века` ->
  1830..1849; `90-е – 2000-е` stays 1990..2009). A Roman numeral (Cyrillic look-alikes mixed in: `ХIХ`)
  before `столетие` is a century (`ХIХ столетия`); digits before it count centuries (`2 столетия`).
  `прошлого столетия` is `прошлого века`.
- Years by reference: `в сентябре того же года`, `в начале того же года` take the explicit year written
  last (unresolved when there is none); `в том же году` alone is bare anaphora, no date; `с.г.` is the
  publication year; `в прошлом августе` is the last August before the publication month. Year-less dates
  in a history (`1 июля 1950 года, а уже 5 июля`) take the explicit year written last when it is in the
  same paragraph, at most 300 characters back and more than a year before the publication year (plans such
  as `до 9 июля` keep resolving forwards).
- A 4-digit year with no `год` is a year after locative `в` (or `начале/конце/середине`) when punctuation,
  a conjunction or a capitalised word follows (`ни в 2007, ни в 2008 году`, `а в 2019 — уже $716 млрд`,
  `В конце 2016 Госдепартамент`), or alone in brackets (`(1944)`, `(р. 1947)`; a range `(11 лет,
  2003–2014)` after a comma in brackets too), or closing a bibliographic imprint (`М.: ОГИ, 2017.`,
  `Екатеринбург: Кабинетный ученый, 2017.`); `в 1500 километрах`, `в 2000 раз`, `в 2008—2009` are not.
- Titles in a list of books hold no dates (`День поэзии – XXI век. 2017 год. Альманах (9)`; titles.py); an
  imprint's year counts also without a city (`– Хабаровская краевая типография, 2018. – 304 с.`).
- Weeks (`на прошлой неделе`) have granularity None: the output contract has no 'week'.
- A range's granularity is the finer of its two ends'.
- Not dates: numbers counting things (`2019 человек`), numbers after `№`, times, phone numbers,
  versions, `кв. м`, capitalised `8 Марта` / `1 Мая` (holiday and street names), `90-е место`.
"""

from pipeline.nlp.dates.extract import extract_dates
from pipeline.nlp.dates.mention import DateMention

__all__ = ["DateMention", "extract_dates"]
