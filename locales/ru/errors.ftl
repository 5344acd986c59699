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
