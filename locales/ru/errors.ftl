error-not-signed-in = Ваш сеанс завершён. Войдите снова.
error-forbidden = Ваши роли не позволяют выполнить это действие.
error-not-found = Такой записи нет, или она удалена.
error-invalid-credentials = Неверное имя пользователя или пароль.
throttled = Слишком много неудачных попыток входа. Повторите через { $minutes ->
    [one] { $minutes } минуту
    [few] { $minutes } минуты
    [many] { $minutes } минут
   *[other] { $minutes } минуты
}.
error-internal = На сервере произошла ошибка. Код: { $id }
error-request = Нет связи с сервером. Проверьте подключение и повторите; введённые данные сохранились в форме.
error-username-length = Имя пользователя должно содержать от 3 до 64 символов.
error-username-characters = Имя пользователя может содержать только буквы, цифры, точку, подчёркивание и дефис.
error-username-taken = Это имя пользователя уже занято.
error-display-name-required = Введите полное имя.
error-display-name-length = Имя может содержать не более 120 символов.
error-password-too-short = Пароль должен содержать не менее 10 символов.
error-password-too-long = Пароль может содержать не более 256 символов.
error-password-mismatch = Новые пароли не совпадают.
error-current-password-wrong = Текущий пароль введён неверно.
error-password-unchanged = Новый пароль должен отличаться от текущего.
error-roles-required = Выберите хотя бы одну роль.
error-unknown-locale = Неизвестный язык.
error-stale-revision = Кто-то изменил эту учётную запись после того, как вы её открыли. Обновите страницу, чтобы увидеть изменения; ваши правки остались в форме.
error-last-administrator = Не останется ни одного активного администратора. Сначала назначьте роль администратора другой учётной записи.
error-must-change-password = Сначала задайте новый пароль на странице учётной записи.
error-cross-site = Запрос пришёл с другого сайта и отклонён.
error-open-version-exists = У этого инструмента уже есть неопубликованная версия (черновик или версия на рассмотрении). Сначала завершите или отзовите её.
error-concurrent-change = Кто-то другой внёс то же изменение в тот же момент. Обновите страницу и попробуйте снова.
error-code-mismatch = Код в определении отличается от инструмента, указанного в адресе.
error-invalid-definition = В определении есть ошибки; каждая указана с её местом.
error-token-name = Дайте токену название длиной от 1 до 100 символов.
error-token-expiry = Токен действует от 1 до 3650 дней; оставьте поле пустым, чтобы срок не ограничивать.
error-token-revoked = Этот токен уже отозван.
error-malformed-request = Не удалось прочитать запрос: { $detail }
error-no-such-route = В API нет такого адреса.
error-payload-too-large = Запрос слишком большой.
error-api-token = Передайте действующий API-токен: Authorization: Bearer ТОКЕН.
error-api-throttled = С вашего адреса пришло слишком много недействительных токенов. Повторите через { $minutes ->
    [one] { $minutes } минуту
    [few] { $minutes } минуты
    [many] { $minutes } минут
   *[other] { $minutes } минуты
}.
error-draft-changed = Кто-то другой сохранил этот черновик после того, как вы его открыли. Ваши правки сохранены: посмотрите, что изменили другие, и примените свои поверх.
error-not-a-draft = Эта версия — не черновик: опубликованная или отправленная версия не редактируется. Начните новую черновую версию.
error-instrument-code = Код инструмента начинается с латинской буквы и содержит не более 32 латинских букв, цифр, «-» или «_».
error-instrument-code-taken = Инструмент с таким кодом уже существует.
error-title-required = Укажите название инструмента.
error-title-invalid = Название слишком длинное (не более 200 знаков) или содержит управляющие символы.
error-genders-required = Выберите хотя бы один пол, для которого предназначен инструмент.
error-import-file = Выберите файл определения (JSON) для импорта.

## Translations (issue 9)
error-translation-file-invalid = Файл не удалось прочитать, поэтому из него ничего не сохранено. Исправьте перечисленные ошибки и загрузите его снова.
error-translation-source-locale = Это исходный язык инструмента: его тексты пишутся в редакторе, а не переводятся.
error-translation-not-a-target = Инструмент не переводится на этот язык.
error-sign-off-status = Переводы утверждаются, пока версия — черновик или на рассмотрении.
error-sign-off-incomplete = На этом языке ещё что-то отсутствует или устарело; утвердить можно, когда каждый текст переведён с текущего исходного.
error-translation-empty = Сначала введите формулировку: пустая не сохраняется.
error-translation-source-changed = Исходный текст этой формулировки изменился, пока вы переводили: прочитайте новый исходный текст и переведите его заново.
error-translation-file-kind = Выберите файл перевода: файл Fluent (.ftl) или таблицу (.xlsx).
error-translation-changed-meanwhile = Кто-то другой изменил эту формулировку, пока вы её переводили: введённое вами сохранено ниже; сравните с их вариантом и сохраните снова.
error-translation-not-seen = Этот текст никогда не показывается людям этого пола: дайте одну формулировку или только вариант для того пола, который его видит.
error-translation-file-locale = Этот файл для языка «{ $file }», а не «{ $chosen }»: выберите его язык или загрузите файл, сделанный для языка «{ $chosen }».
error-file-not-fluent = Строка { $number }: это не правильный Fluent ({ $detail }).
error-file-repeated-line = Строка { $number }: этот ключ указан дважды ({ $detail }).
error-file-repeated-row = Строка таблицы { $number }: этот ключ указан дважды ({ $detail }).
error-file-repeated-file = Этот ключ указан дважды ({ $detail }).
error-file-no-key = Строка таблицы { $number }: перевод без ключа.
error-file-no-column = В листе нет нужного столбца ({ $detail }).
error-file-column-twice = Два столбца называются одинаково ({ $detail }).
error-file-not-xlsx = Это не книга .xlsx: сохраните её как .xlsx и загрузите снова.
error-file-empty = Лист пуст.
error-file-not-text = Это не текстовый файл в UTF-8: сохраните файл .ftl в UTF-8.
error-file-problem-line = Строка { $number }: { $detail }
error-file-problem-row = Строка таблицы { $number }: { $detail }
error-file-problem-file = { $detail }
