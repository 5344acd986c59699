# Фильтры страницы журнала аудита.
audit-filter-actor = Кто
audit-filter-action = Действие
audit-filter-any-action = Любое действие
audit-filter-from = С (дата)
audit-filter-to = По (дата)
audit-filter-target = Вид записи
audit-filter-any-target = Любой вид
audit-filter-target-id = Номер записи
audit-filter-apply = Показать
audit-filter-clear = Сбросить фильтры
audit-filter-nothing = Нет событий, подходящих под эти фильтры.
audit-filter-invalid-date = Введите дату в виде ГГГГ-ММ-ДД.
audit-filter-invalid-choice = Выберите значение из списка.
