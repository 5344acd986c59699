## Exports of assessments as CSV and XLSX (server/services/src/exports.rs).
## Column names of the second header row; the first row holds stable keys.

export-column-id = Идентификатор оценки
export-column-subject = Код осуждённого
export-column-facility = Учреждение
export-column-assessor = Оценщик
export-column-locale = Язык пунктов
export-column-gender = Пол
export-column-submitted-at = Отправлена (UTC)
export-column-amends = Исправляет оценку
export-column-score-value = значение
export-column-score-band = уровень

## Cells.
export-answer-yes = Да
export-answer-no = Нет
export-answer-unknown = Неизвестно
export-omitted = [пропущено: недостаточно информации]
export-flag-raised = да
export-flag-not-raised = нет

## Refusals.
error-export-locale = Выберите язык выгрузки: tg, ru или en.
