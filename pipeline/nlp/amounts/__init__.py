"""Amounts extractor: money, percentages, counts and measured quantities in Russian news text.

    from pipeline.nlp.amounts import extract_amounts, Amount
    extract_amounts("порядка 50 млн долларов США")
    # [Amount(start=0, end=27, text='порядка 50 млн долларов США', kind='money', value=50000000.0,
    #         value_min=None, value_max=None, unit='USD', qualifier='approx')]

Kinds and units:
- money: `unit` is the ISO 4217 code (`тенге` -> KZT, `$` -> USD; tables in models/amounts/);
- percent: `unit` '%' or 'pp' (percentage points, `п.п.`), 'bp' for basis points;
- quantity: a normalised measure unit ('t', 'km', 'ha', 'MW', 'm2', 'kWh', ...);
- money also: `у.е.` / `условных единиц` -> 'XXX' (ISO 4217 "no currency"); ISO codes before the number
  (`USD 5 млн`) and Latin scale suffixes after a symbol (`$130m`, `£2bn`);
- count: the lemma of the counted noun, with ё as the dictionary spells it whatever the text's spelling
  (`полетов` -> 'полёт', `35 тысяч корейцев` -> 'кореец'); up to three adjectives may stand
  between number and noun (`14 сложных операций` -> 'операция'), coordinated and with degree adverbs
  (`пяти новых и очень разных книг`); a count whose noun is stated by the next count shares it
  (`четыре золотые и две серебряные медали`: both 'медаль'); a few substantivized participles count too
  (`23 потерпевших`, models/amounts/substantivized.txt). The noun must agree with the number (`3 места`,
  `5 мест`, not `занял 3 место`, `ученики 9 класса`), and the lemma comes from the agreeing parse.
  A word that is both noun and adjective defers to an agreeing noun after it (`семи пожарных машин` ->
  'машина', `19 полицейских` -> 'полицейский'). A lone `один`/`одна` is an amount only as a member of a list
  of counts (`семи жителей и одного жителя`) or at a rate, before `в` + a period (`один визит в год`: 1
  'визит'; not `один раз в месяц`, `ни один`, `за один визит`), never alone (`одна из компаний`, `с одной
  стороны`);
  collective numerals are (`пятеро детей`), but never without a noun of their own (`против — трое`, `все
  трое`). An abbreviation keeps its capitals (`600 ФАПов` -> 'ФАП', `58 СМИ` -> 'СМИ'); a one-word name in
  quotes can be the counted thing (`четырёх «Тритонов»` -> 'Тритон', not after 1 or a code). After a scale
  word the noun is never nominative (`в числе этих 50 млн граждане` is no count), and in `15 тыс. 498
  частных домах` the last part agrees. `N раз` counts occurrences (`десять раз поднимались`) unless
  it is a multiplier (`в 2 раза`, `в целых три раза`, `10 раз больше`, fractions).
- a unit stated once covers a list (`21 млрд, 55 млрд и 68 млрд рублей`, `на 5, 10 и 15%`, `150 или 200
  мест`; counts without scale words only), and a bare scaled number right after a money amount in the same
  clause continues it (`274 млрд руб., в 2019 году – 288 млрд`); scaled numbers of one parallel enumeration
  (same scale word, only conjunctions, time labels and punctuation between: models/amounts/
  parallel_gap_words.txt) take the currency or measure written once at its end (`324 млрд (в 2016 году – 521
  млрд) руб.`, `21 млрд, в 2019-м — 55 млрд, а в 2020-м — 68 млрд рублей`), each span stopping at its own
  scale word; a qualifier applies to its own member only (`около 39 млрд и 23,9 млрд руб.`). A bare number
  contrasted by `, а`/`, но` with the next number of its sentence, a count, takes that count's noun
  (`около 400, а по всей стране более 100 тыс. скотомогильников`, `не 12, а 15 игроков`; not after a
  preposition, before `а также`, from a scaled number to a plain one, nor for `раз`).

Value conventions (one rule per qualifier, so analysts can filter on value_min/value_max uniformly):
- exact:        value = value_min = value_max = the number;
- approx:       value = the number, value_min = value_max = None (no firm bound is stated);
- gt / gte:     value = value_min = the number, value_max = None  (`более`, `свыше`, `не менее`, `от`,
                `более чем на|в` with its preposition in the span;
                a lone `от` before a count is read as a preposition: `отказаться от двух островов`);
- lt / lte:     value = value_max = the number, value_min = None  (`менее`, `не более`, `до`);
- range:        value = None (no single value is stated), value_min / value_max = the bounds
                (`от 5 до 10 млн тенге`, `5-10 млн`; the first bound borrows the second's scale and unit;
                `от 0,5 трлн до 300 млрд` has the larger bound first and is the range [3e11, 5e11]).
A qualified dash range stays a range, the qualifier word in its span (`около 24-26%`, `более 5-6 тыс.`,
`не превысит $1—2`: the bounds are the estimate; every annotator read them so where the guide was silent).
An ellipsis joins a range as a dash does (`-2… -4 °С`, `-4... -9 °С`: weather reports). `один` is a number
before a unit of measure (`на один процентный пункт`), not before a noun (`один из`) nor as the
denominator of a rate (`$6 млн за один километр`). A measure unit makes a number after a numbering word an
amount (`калибром 122 мм`, `участок 5 га`; still `статья 50`, `дом 12`).
Measure adjectives glued to digits are quantities (`17-метровая` -> 17 m, see
models/amounts/measure_adjectives.tsv; not ages or durations: `5-летний`); `экз.` counts `экземпляр`, and
in a bibliographic imprint `– 128 с.` counts `страница`. A prepositional complement may stand between the
adjectives and the counted noun (`две важные для города даты`). Set phrases are no amounts (`на семи
холмах`, `в двух шагах`: models/amounts/idioms.txt), nor capitalised place names after a number (`0-1
Германия`), nor the last number of a list of labels (`статьи 222 и 232 Конституции`, `ст. 91 УПК`).
The span covers qualifier words, a sign (`–5%`, `минус 30 градусов`: value negative), a leading currency
symbol, the number and its unit or noun; an abbreviation's dot is kept (`5 млн руб.`, `724 тыс.`) even at a
sentence end, but words written without a dot (`млн`, `млрд`, `трлн`, `км`, `м`, `кг`, `т`, `га`) leave a
dot that ends the sentence out (`составил $76 млрд. Кредиты` -> `$76 млрд`; all three annotators' golds).

Titles in a list of books (lines ending in a bracketed page reference, or followed by an imprint `. –
Город: Издательство, 2017.`; pipeline.nlp.dates.titles) hold no amounts: `Евгений Никитин. Семь жизней
М. Горького (9)`, `Нарисую трех читателей. – Киев: Лыбидь, 2017. – 160 с.` (the page count still counts).

Deliberately not amounts: years and dates (`в 2019 году`, `1992 г.`, `30 мая`), durations and ages
(`за 5 лет`, `в возрасте 45 лет`: nouns of time are on the count stoplist), ordinals (`2-й`, `первый`),
numbered names (`Су-35`, `COVID-19`, `II форум`, `«Движение 5 звезд»`), `№ 123`, law numbers (`45-ФЗ`),
times (`10:30`), phone numbers, multipliers (`в 2 раза`), and bare numbers with no unit or noun.

`до` after a word of change (models/amounts/change_words.txt), a number or a previous amount
(`вырос до 10%`, `снизился на 3 п.п., до 62%`) is the target of a change, not an upper bound, so it stays
out of the span and the amount is exact; in `с 5 до 10%` the bare start value borrows the target's unit and
scale, giving two exact amounts (`5` and `10%`).

How it works (all lexicons in models/amounts/, loaded once at import): a regex prefilter finds anchors
(digits, number and scale words, currency symbols) and only windows around them are tokenized; a scanner
reads a number at each anchor (numbers.py), looks back for a qualifier or sign and forward for a range,
unit, currency or counted noun (extractor.py). pymorphy2 is called only on words right after a number.
A token scanner was chosen over yargy/spaCy Matcher for speed: ~130 docs/s on bench_news (6.5k chars),
versus ~2.5 docs/s for natasha's MoneyExtractor on the same machine and load.
"""

from pipeline.nlp.amounts.extractor import extract_amounts
from pipeline.nlp.amounts.types import Amount

__all__ = ["Amount", "extract_amounts"]
