## Problems found in an instrument definition (domain/src/definition/message.rs).
## Every id the checks can produce is listed there; app/tests/locales.rs
## makes sure each exists here, in ru and in tg.

## Words used inside the messages below.
check-term-locale-tg = Tajik
check-term-locale-ru = Russian
check-term-locale-en = English
check-term-gender-male = male
check-term-gender-female = female
check-term-type-bool = true/false
check-term-type-number = a number
check-term-type-text = a text
check-term-type-number-set = a set of numbers
check-term-type-text-set = a set of texts
check-term-thing-scale = scale
check-term-thing-section = section
check-term-thing-item = item
check-term-thing-score = score
check-term-thing-flag = flag
check-term-thing-judgement = judgement
check-term-end = the end of the condition

## Reading the document.
check-syntax = The file is not valid JSON (line { $line }, column { $column }).
check-structure = This value does not fit the format: { $detail }
check-structure-not-object = A definition must be a JSON object.
check-structure-unknown-field = There is no field `{ $field }` here; check its spelling.
check-structure-missing-field = The field `{ $field }` is required here.
check-structure-unknown-variant = `{ $value }` is not one of the values allowed here.
check-unsupported-format = This is format { $found }, but only format { $supported } can be read.

## Metadata and keys.
check-meta-no-locales = List at least one required language.
check-meta-source-not-required = The source language, { $locale }, must be one of the required languages.
check-meta-no-genders = List at least one gender the instrument is used for.
check-duplicate-locale = { $locale } is listed twice.
check-duplicate-gender = The gender “{ $gender }” is listed twice.
check-duplicate-key = The { $what } key `{ $key }` is already used at { $first }.
check-duplicate-level = The level `{ $level }` is listed twice.
check-unknown-scale = There is no scale `{ $key }`.
check-unknown-item = There is no item `{ $key }`.
check-unknown-section = There is no section `{ $key }`.
check-unknown-score = There is no score `{ $key }`.

## Wording and genders.
check-missing-wording = The { $locale } wording is missing.
check-missing-gender-wording = The { $locale } wording for { $gender } subjects is missing.
check-section-gender-not-declared = This section is for { $gender } subjects, but the instrument does not list that gender in meta.genders.
check-item-gender-not-declared = This item is for { $gender } subjects, but the instrument does not list that gender in meta.genders.
check-conflicting-applicability = This item is for { $gender } subjects, but its section is only for the other gender.

## Sections, items and scales.
check-no-sections = An instrument needs at least one section.
check-empty-section = A section needs at least one item.
check-missing-scale = This item needs a `scale` with its response options.
check-unexpected-scale = Only rating and choice items have a scale.
check-unexpected-min-max = Only number items have `{ $field }`.
check-unexpected-required-if = `required_if` has no effect on an item that is always required; add "required": false.
check-unexpected-value = Only a count has a `value`.
check-invalid-range = The largest value ({ $max }) is below the smallest ({ $min }).
check-empty-scale = A scale needs at least one option.
check-duplicate-option-value = The value { $value } is used by an earlier option.
check-mixed-option-values = All values of a scale must be numbers, or all must be texts.
check-rating-scale-not-scorable = A rating needs a scale whose options are numbers or have scores; `{ $key }` has options without.

## Scores, bands and judgements.
check-item-not-scorable = Item `{ $key }` has no scores to add up.
check-score-no-items = A score needs `items`, `sections` or both.
check-count-no-value = A count needs the `value` it counts.
check-count-value-impossible = No item of this score can be answered { $value }.
check-band-reversed = This band ends ({ $max }) before it starts ({ $min }).
check-band-overlap = This band starts at { $min }, but the band before it ends at { $previous_max }; bands must not overlap and go from low to high.
check-band-gap = Scores { $from } to { $to } have no band.
check-bands-incomplete = This score can range from { $low } to { $high }, but the bands cover only { $first } to { $last }.
check-judgement-no-levels = A judgement needs the levels the assessor can choose.
check-judgement-score-no-bands = Score `{ $key }` has no bands, so it cannot suggest a level.
check-judgement-level-not-offered = Score `{ $key }` can suggest `{ $level }`, which this judgement does not offer.

## Conditions: check-condition frames each expr-… message ($problem).
check-condition = { $at ->
    [0] Condition: { $problem }
   *[other] Condition, at character { $at }: { $problem }
}
expr-too-long = A condition may have at most { $max ->
    [one] { $max } character
   *[other] { $max } characters
}.
expr-too-deep = This condition is nested too deeply (more than { $max } levels).
expr-expected = Expected { $expected }, found { $found }.
expr-expected-end = Expected `and`, `or` or the end, found { $found }.
expr-expected-value = Expected a value, found { $found }.
expr-expected-answered = Expected `answered` after `is` (write `x is answered` or `x is not answered`).
expr-chained-comparison = Comparisons cannot be chained; join them with `and`.
expr-minus-without-number = `-` may only stand before a number.
expr-subject-attribute = A subject has `gender` and `age`, not { $found }.
expr-list-outside-function = `{ $word }(…)` lists items; use it inside count, any, sum or max.
expr-unknown-word = Unknown word `{ $word }`; the functions are answer, sources, trend, score, band, count, any, sum, max.
expr-key-in-quotes = { $function }() takes a key in quotes, e.g. { $function }("key"); found { $found }.
expr-item-list-expected = { $function }() starts with section("key") or items("a", "b"), found { $found }.
expr-single-equals = Use `==` to compare (a single `=` is not allowed).
expr-unclosed-string = This string has no closing `"`.
expr-bad-escape = Only `\"` and `\\` may follow a backslash.
expr-bad-number = This number cannot be read.
expr-unexpected-character = Unexpected character `{ $character }`.
expr-unknown-item = There is no item `{ $key }`.
expr-unknown-section = There is no section `{ $key }`.
expr-unknown-score = There is no score `{ $key }`.
expr-forward-item = Item `{ $key }` is not answered before this point; a condition may only use earlier answers.
expr-forward-section = Section `{ $key }` is not finished before this point; a condition may only use earlier answers.
expr-not-bool = A condition must be true or false, but this is { $found }.
expr-empty-list = A list needs at least one value.
expr-list-not-literal = A list may hold only numbers or texts written out.
expr-list-mixed = A list may not mix numbers and texts.
expr-needs-type = { $context } needs { $want }, but this is { $found }.
expr-count-value-type = { $function }() looks for a number or a text, but this is { $found }.
expr-count-item-type = { $function }() cannot look for { $want } in item `{ $key }`.
expr-count-no-item = { $function }() finds no item in this section whose options hold { $want }.
expr-item-not-scorable = Item `{ $key }` has no scores to add up.
expr-section-not-scorable = This section has no scored items.
expr-compare-mixed = `{ $operator }` compares { $left } with { $right }.
expr-compare-sets = `{ $operator }` cannot compare { $found }; use `in` for sets.
expr-in-mismatch = `in` needs a value and a set of the same kind, but found { $left } in { $right }.
expr-outcome-not-allowed = { $function }() may be used only in flags, not in item or section conditions.
expr-sources-not-asked = Item `{ $key }` does not ask for information sources.
expr-trend-not-asked = Item `{ $key }` does not ask for a trend.
expr-unknown-value = { $value } is not a possible value here; possible values: { $values }.
