## Exports of assessments as CSV and XLSX (server/services/src/exports.rs).
## Column names of the second header row; the first row holds stable keys.

export-column-id = Шиносаи арзёбӣ
export-column-subject = Рамзи маҳкумшуда
export-column-facility = Муассиса
export-column-assessor = Арзёбикунанда
export-column-locale = Забони бандҳо
export-column-gender = Ҷинс
export-column-submitted-at = Фиристода шуд (UTC)
export-column-amends = Арзёбии ислоҳшаванда
export-column-score-value = қимат
export-column-score-band = сатҳ

## Cells.
export-answer-yes = Ҳа
export-answer-no = Не
export-answer-unknown = Маълум нест
export-omitted = [ба ҳисоб гирифта нашуд: маълумот нокифоя аст]
export-flag-raised = ҳа
export-flag-not-raised = не

## Refusals.
error-export-locale = Забони содиротро интихоб кунед: tg, ru ё en.
