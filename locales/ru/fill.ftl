## The assessment form (the fill island) and the assessment page.

fill-progress = Отвечено вопросов: { $answered } из { $shown }
fill-saved = Все ответы сохранены.
fill-unsaved = Ещё не сохранено — хранится на этом устройстве, пока сервер не получит ответы.
fill-saving = Сохранение…
fill-offline = Ещё не сохранено: нет связи с сервером. Ответы хранятся на этом устройстве и будут сохранены, как только связь восстановится.
fill-conflict = Эта оценка была сохранена в другом месте (в другой вкладке или на другом устройстве) после того, как на этом устройстве были внесены ответы. Выберите, какие ответы оставить.
fill-keep-mine = Оставить ответы с этого устройства
fill-take-saved = Взять сохранённые ответы
fill-storage-hint = Пока сервер не получил ответ, браузер хранит его у себя, затем удаляет.
fill-submit = Отправить оценку
fill-submit-hint = Сервер проверяет каждый ответ и сам вычисляет баллы. Отправленная оценка закрывается для изменений; исправление оформляется как поправка.
fill-submit-wait = Отправить можно, когда все ответы сохранены.
fill-submitting = Отправка…
fill-problems = Оценка не отправлена. Каждая ошибка указана с её местом:

assessment-back = Назад к лицу
assessment-start = Начать оценку
assessment-start-submit = Начать оценку
assessment-items-language = Язык вопросов
assessment-items-language-hint = Сначала выбран язык, который предпочитает лицо. Интерфейс остаётся на вашем языке.
assessment-definition-hash = Хеш определения
assessment-outcome = Результат
assessment-score = Балл или суждение
assessment-score-value = Значение
assessment-score-band = Уровень
assessment-flags = Поднятые флаги
assessment-omitted = Пропущено
assessment-print-hint = Чтобы напечатать (A4, с этими сведениями), воспользуйтесь печатью браузера (Ctrl+P).
field-reassess-by = Повторная оценка до
subject-overdue = просрочена
assessment-amend = Исправить эту оценку
assessment-amend-hint = Исправление начинается как новый черновик с этими ответами, по той же версии. После отправки оно заменяет эту оценку; сохраняются обе, вместе с причиной.
field-amendment-reason = Причина исправления
assessment-amend-submit = Начать исправление
assessment-amends = Исправляет
assessment-amends-link = прежнюю оценку
