## Что не так с ответами оценки (server/services/src/answers_check.rs).
## Каждая проблема также называет своё место (путь JSON, например /items/risk_1).

answer-invalid-shape = Ответ дан не в той форме, которую принимает этот пункт.
answer-unknown-item = В этой версии инструмента нет такого пункта.
answer-unknown-judgement = В этой версии инструмента нет такого суждения.
answer-required = На этот пункт нужно ответить.
answer-invalid-value = Этот пункт не предлагает такого значения.
answer-out-of-range = Число вне допустимого диапазона.
answer-invalid-date = Дата пишется как гггг-мм-дд, например 2026-03-08.
answer-too-long = Текст слишком длинный.
answer-omit-not-allowed = Этот пункт нельзя пропустить.
answer-omitted-with-value = У пропущенного пункта не может быть ответа.
answer-omit-reason-required = Укажите, почему сведений недостаточно для ответа.
answer-not-asked = Этот пункт этого не запрашивает.
answer-evidence-required = Для этого пункта нужны основания ответа.
answer-sources-required = Отметьте, откуда получены сведения.
answer-duplicate-source = Этот источник отмечен дважды.
answer-trend-required = Для этого пункта нужна динамика.
answer-judgement-required = Выберите уровень для этого суждения.
answer-level-not-offered = Это суждение не предлагает такого уровня.
answer-rationale-required = Обоснуйте это суждение.
answer-override-reason-required = Для уровня, отличного от предложенного, нужна причина.

## Отказы по оценкам.
error-invalid-answers = В ответах есть ошибки; каждая указана с её местом.
error-assessment-changed = Эту оценку сохранили в другом месте (другая вкладка или устройство) после того, как вы её открыли. Откройте её заново; ваши ответы хранятся в этом браузере, пока не будут сохранены.
error-assessment-draft-exists = У этого осуждённого уже есть незавершённая оценка по этому инструменту: продолжите её.
error-assessment-locked = Эта оценка отправлена и закрыта. Исправьте её поправкой.
error-assessment-not-submitted = Исправить можно только отправленную оценку.
error-amendment-exists = Исправление этой оценки уже начато.
error-amendment-reason = Укажите, почему оценка исправляется (от 1 до 2000 знаков).
error-instrument-not-published = У этого инструмента нет опубликованной версии для оценки.
error-subject-not-in-custody = Оценивать можно только осуждённого, находящегося под стражей.
error-locale-locked = Язык пунктов можно менять только до первого ответа.
error-locale-not-offered = У этого инструмента нет формулировок на этом языке.
error-assessment-id = Это не идентификатор оценки.
error-not-your-assessment = Изменять эту оценку может только начавший её оценщик.
error-subject-unknown = Среди осуждённых, с которыми вы работаете, нет осуждённого с таким кодом.
