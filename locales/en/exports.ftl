## Exports of assessments as CSV and XLSX (server/services/src/exports.rs).
## Column names of the second header row; the first row holds stable keys.

export-column-id = Assessment id
export-column-subject = Subject code
export-column-facility = Facility
export-column-assessor = Assessor
export-column-locale = Language of the items
export-column-gender = Gender
export-column-submitted-at = Submitted (UTC)
export-column-amends = Corrects assessment
export-column-score-value = value
export-column-score-band = band

## Cells.
export-answer-yes = Yes
export-answer-no = No
export-answer-unknown = Unknown
export-omitted = [omitted: insufficient information]
export-flag-raised = raised
export-flag-not-raised = not raised

## Refusals.
error-export-locale = Choose the language of the export: tg, ru or en.
