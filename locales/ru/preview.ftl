# Живой просмотр инструмента только для чтения (app/src/features/instruments/preview).
# Формулировки инструмента берутся из определения; здесь — тексты интерфейса.

preview-notice-title = Просмотр — ничего не сохраняется.
preview-notice = Ответы, введённые здесь, служат только для проверки инструмента и пропадут, когда вы покинете страницу.
preview-code = Код
preview-settings = Настройки просмотра
preview-locale-label = Язык инструмента
preview-locale-hint = Выбирается независимо от языка интерфейса.
preview-gender-label = Пол осуждённого
preview-gender-male = Мужской
preview-gender-female = Женский

preview-required = (обязательно)
preview-guidance = Указания для оценщика
preview-answer-yes = Да
preview-answer-no = Нет
preview-answer-unknown = Неизвестно
preview-omit-reason = Причина пропуска
preview-evidence = Доказательства
preview-sources = Источники информации
preview-source-file-review = Изучение личного дела
preview-source-interview = Беседа
preview-source-observation = Наблюдение
preview-source-third-party = Третьи лица
preview-source-intelligence = Оперативные данные
preview-trend = Изменение с прошлой оценки
preview-trend-improved = Улучшение
preview-trend-unchanged = Без изменений
preview-trend-worsened = Ухудшение

preview-outcome = Результат
preview-pending = { $count ->
    [one] Ещё { $count } пункт требует ответа.
    [few] Ещё { $count } пункта требуют ответа.
    [many] Ещё { $count } пунктов требуют ответа.
   *[other] Ещё { $count } пункта требуют ответа.
}
preview-pending-none = Все обязательные ответы даны.
preview-scores = Баллы
preview-score-omitted = Пропущено: { $count }
preview-score-unanswered = Без ответа: { $count }
preview-score-incomplete = Балл неполный: уровень пока не определён
preview-score-no-items = Пункты не показаны
preview-flags = Сигналы
preview-flag-raised = Сработал
preview-flag-not-raised = Не сработал
preview-judgements = Профессиональные суждения
preview-suggested = Предложено:
preview-no-suggestion = Предложения нет, пока балл неполный.
preview-rationale = Обоснование
preview-override-reason = Причина отклонения от предложения
preview-override-hint = Выбранный уровень отличается от предложенного: объясните почему.
preview-level-low = Низкий
preview-level-moderate = Средний
preview-level-high = Высокий
