instruments-new-link = Новый инструмент
instrument-new = Новый инструмент
instrument-new-intro = Начните с того, что это за инструмент: он становится черновой версией 1. Разделы, пункты, подсчёт баллов и тексты затем записываются в файл определения и импортируются или сохраняются через API.
field-instrument-code = Код
instrument-code-rules = Короткий неизменный код, например IRNS: латинские буквы, цифры, «-» или «_», не более 32.
field-instrument-title = Название
instrument-title-hint = На исходном языке; переводы добавляются позже.
field-source-language = Исходный язык
field-required-languages = Обязательные языки
field-genders = Для лиц пола
instrument-create = Создать
instrument-import = Импорт файла определения
instrument-import-intro = Файл определения JSON (instrument-library/FORMAT.md) становится следующей черновой версией своего инструмента или новым инструментом, если его код новый. Файл должен пройти все проверки.
field-definition-file = Файл определения (JSON)
instrument-import-submit = Импортировать
history-created-by = Автор
history-system = библиотека
history-new-draft = Новый черновик из последней опубликованной версии
history-new-draft-hint = Опубликованная версия никогда не редактируется: изменения вносятся в новую черновую версию, которая начинается как копия.
history-export = Экспорт JSON
history-edit = Редактировать

# The editor's page around the editor (the editor island does not carry these).
editor-page-title = Редактирование черновика
editor-not-a-draft = Эта версия — не черновик и не редактируется. Начните новую черновую версию на странице инструмента.
editor-review-comment = Комментарий рецензента
