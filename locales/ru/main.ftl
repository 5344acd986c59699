app-name = Мизон
skip-to-content = Перейти к содержанию
loading = Загрузка…
saved = Сохранено.
save = Сохранить
cancel = Отмена
back-home = На начальную страницу

nav-label = Основная навигация
nav-home = Начало
nav-users = Пользователи
nav-audit = Журнал аудита
nav-account = Моя учётная запись
sign-out = Выйти
language-switcher-label = Язык интерфейса

sign-in-title = Вход
sign-in-submit = Войти
field-username = Имя пользователя
field-password = Пароль
field-display-name = Полное имя
field-current-password = Текущий пароль
field-new-password = Новый пароль
field-confirm-password = Повторите новый пароль
field-initial-password = Начальный пароль
field-temporary-password = Временный пароль
field-roles = Роли
field-status = Состояние
field-created = Создан
field-active = Учётная запись активна
field-preferred-language = Предпочитаемый язык
language-not-set = Не задан (язык браузера)

password-policy = Не менее 10 символов. Короткую фразу легко запомнить и трудно угадать.
username-rules = От 3 до 64 символов: буквы, цифры, точка, подчёркивание, дефис.
initial-password-hint = Передайте его человеку лично; при первом входе его нужно будет сменить.
active-hint = Отключённая учётная запись не может войти; её история сохраняется.

home-welcome = Добро пожаловать, { $name }
home-intro = В Мизоне хранятся инструменты оценки пенитенциарной службы на таджикском, русском и английском языках и оценки, проведённые с их помощью.
home-your-roles = Ваши роли
home-administration = Администрирование

role-administrator = Администратор
role-methodologist = Методист
role-translator = Переводчик
role-reviewer = Рецензент
role-assessor = Оценщик

status-active = Активна
status-inactive = Отключена

account-title = Моя учётная запись
account-must-change = Вы вошли с временным паролем. Чтобы продолжить, задайте свой пароль.
account-password-title = Смена пароля
account-password-submit = Сменить пароль
account-password-changed = Пароль изменён. Другие сеансы вашей учётной записи завершены.
account-language-title = Язык интерфейса

users-title = Пользователи
users-new = Новый пользователь
users-create = Создать пользователя
users-back = ← Все пользователи
users-reset-password = Сбросить пароль
users-password-reset-done = Временный пароль задан. Пользователь должен сменить его при следующем входе; его открытые сеансы завершены.

audit-title = Журнал аудита
audit-summary = { $total ->
    [one] { $total } событие
    [few] { $total } события
    [many] { $total } событий
   *[other] { $total } события
}, страница { $page } из { $pages }
audit-seq = №
audit-time = Время (UTC)
audit-actor = Кто
audit-action = Действие
audit-target = Объект
audit-details = Подробности
audit-pages = Страницы журнала аудита
page-previous = ← Новее
page-next = Старше →

not-found-title = Страница не найдена
not-found-body = По этому адресу страницы нет. Проверьте адрес или начните с начальной страницы.
forbidden-title = Нет доступа
forbidden-body = Ваши роли не дают доступа к этой странице. Если он нужен, обратитесь к администратору.
server-error-title = Что-то пошло не так
server-error-body = Сервер не смог выполнить запрос. Ранее сохранённое не потеряно. Если это повторится, сообщите администратору этот код: { $id }
tokens-title = API-токены
tokens-intro = Токен позволяет другой системе (реестру осуждённых, статистике) пользоваться JSON API системы Mizon от вашего имени и с вашими ролями. Храните его как пароль.
tokens-created = Ваш новый токен ниже. Скопируйте его сейчас: больше он показан не будет.
tokens-create = Создать токен
tokens-none = У вас нет API-токенов.
tokens-created-at = Создан
tokens-expires-at = Действует до
tokens-last-used = Последнее использование
tokens-state = Состояние
tokens-revoke = Отозвать
tokens-revoked = Отозван
field-token-name = Название токена
token-name-hint = Для чего он, например «выгрузка статистики».
field-token-days = Срок действия (дней)
token-days-hint = От 1 до 3650; пусто — без срока.
