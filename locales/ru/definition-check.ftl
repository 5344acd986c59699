## Ошибки в определении инструмента (domain/src/definition/message.rs).
## Там перечислены все идентификаторы; app/tests/locales.rs проверяет,
## что каждый есть здесь, в en и в tg.

## Слова, которые подставляются в сообщения ниже.
check-term-locale-tg = таджикский
check-term-locale-ru = русский
check-term-locale-en = английский
check-term-gender-male = мужской
check-term-gender-female = женский
check-term-type-bool = да/нет
check-term-type-number = число
check-term-type-text = текст
check-term-type-number-set = набор чисел
check-term-type-text-set = набор текстов
check-term-thing-scale = шкала
check-term-thing-section = раздел
check-term-thing-item = пункт
check-term-thing-score = балл
check-term-thing-flag = сигнал
check-term-thing-judgement = суждение
check-term-end = конец условия

## Чтение документа.
check-syntax = Файл не является корректным JSON (строка { $line }, столбец { $column }).
check-structure = Значение не соответствует формату: { $detail }
check-structure-not-object = Определение должно быть объектом JSON.
check-structure-unknown-field = Здесь нет поля `{ $field }`; проверьте написание.
check-structure-missing-field = Здесь обязательно поле `{ $field }`.
check-structure-unknown-variant = `{ $value }` не входит в число допустимых здесь значений.
check-unsupported-format = Это формат { $found }, а прочитать можно только формат { $supported }.

## Метаданные и ключи.
check-meta-no-locales = Укажите хотя бы один обязательный язык.
check-meta-source-not-required = Исходный язык ({ $locale }) должен быть среди обязательных языков.
check-meta-no-genders = Укажите хотя бы один пол, для которого предназначен инструмент.
check-duplicate-locale = Язык «{ $locale }» указан дважды.
check-duplicate-gender = Пол «{ $gender }» указан дважды.
check-duplicate-key = Ключ `{ $key }` ({ $what }) уже используется: { $first }.
check-duplicate-level = Уровень `{ $level }` указан дважды.
check-unknown-scale = Шкалы `{ $key }` нет.
check-unknown-item = Пункта `{ $key }` нет.
check-unknown-section = Раздела `{ $key }` нет.
check-unknown-score = Балла `{ $key }` нет.

## Формулировки и пол.
check-missing-wording = Нет формулировки на языке «{ $locale }».
check-missing-gender-wording = Нет формулировки на языке «{ $locale }» для пола «{ $gender }».
check-section-gender-not-declared = Раздел предназначен только для пола «{ $gender }», но этот пол не указан в meta.genders.
check-item-gender-not-declared = Пункт предназначен только для пола «{ $gender }», но этот пол не указан в meta.genders.
check-conflicting-applicability = Пункт предназначен для пола «{ $gender }», а его раздел — только для другого пола.

## Разделы, пункты и шкалы.
check-no-sections = В инструменте должен быть хотя бы один раздел.
check-empty-section = В разделе должен быть хотя бы один пункт.
check-missing-scale = Для этого пункта нужна шкала (`scale`) с вариантами ответа.
check-unexpected-scale = Шкала бывает только у пунктов с оценкой или выбором ответа.
check-unexpected-min-max = Поле `{ $field }` бывает только у числовых пунктов.
check-unexpected-required-if = `required_if` не действует на пункт, который обязателен всегда; добавьте "required": false.
check-unexpected-value = Поле `value` бывает только у подсчёта (count).
check-invalid-range = Наибольшее значение ({ $max }) меньше наименьшего ({ $min }).
check-empty-scale = В шкале должен быть хотя бы один вариант ответа.
check-duplicate-option-value = Значение { $value } уже занято одним из предыдущих вариантов.
check-mixed-option-values = Значения шкалы должны быть либо все числами, либо все текстами.
check-rating-scale-not-scorable = Для оценки нужна шкала, варианты которой — числа или имеют баллы; у шкалы `{ $key }` есть варианты без баллов.

## Баллы, диапазоны и суждения.
check-item-not-scorable = У пункта `{ $key }` нет баллов, которые можно сложить.
check-score-no-items = Для балла нужны `items`, `sections` или оба поля.
check-count-no-value = Для подсчёта нужно значение (`value`), которое он считает.
check-count-value-impossible = Ни на один пункт этого балла нельзя ответить { $value }.
check-band-reversed = Этот диапазон заканчивается ({ $max }) раньше, чем начинается ({ $min }).
check-band-overlap = Этот диапазон начинается с { $min }, а предыдущий заканчивается на { $previous_max }; диапазоны не должны пересекаться и идут от низких значений к высоким.
check-band-gap = Для баллов от { $from } до { $to } нет диапазона.
check-bands-incomplete = Балл может принимать значения от { $low } до { $high }, а диапазоны покрывают только от { $first } до { $last }.
check-judgement-no-levels = Для суждения нужны уровни, из которых выбирает оценщик.
check-judgement-score-no-bands = У балла `{ $key }` нет диапазонов, поэтому он не может предложить уровень.
check-judgement-level-not-offered = Балл `{ $key }` может предложить уровень `{ $level }`, которого нет в этом суждении.

## Условия: check-condition оборачивает каждое сообщение expr-… ($problem).
check-condition = { $at ->
    [0] Условие: { $problem }
    [one] Условие, символ { $at }: { $problem }
    [few] Условие, символ { $at }: { $problem }
    [many] Условие, символ { $at }: { $problem }
   *[other] Условие, символ { $at }: { $problem }
}
expr-too-long = Условие может содержать не более { $max ->
    [one] { $max } символа
    [few] { $max } символов
    [many] { $max } символов
   *[other] { $max } символа
}.
expr-too-deep = Условие вложено слишком глубоко (допустимо уровней: { $max }).
expr-expected = Ожидалось { $expected }, а найдено: { $found }.
expr-expected-end = Ожидалось `and`, `or` или конец условия, а найдено: { $found }.
expr-expected-value = Ожидалось значение, а найдено: { $found }.
expr-expected-answered = После `is` ожидалось `answered` (пишите `x is answered` или `x is not answered`).
expr-chained-comparison = Сравнения нельзя писать цепочкой; соедините их через `and`.
expr-minus-without-number = `-` может стоять только перед числом.
expr-subject-attribute = У осуждённого есть `gender` и `age`, но не { $found }.
expr-list-outside-function = `{ $word }(…)` перечисляет пункты; используйте его внутри count, any, sum или max.
expr-unknown-word = Неизвестное слово `{ $word }`; функции: answer, sources, trend, score, band, count, any, sum, max.
expr-key-in-quotes = { $function }() принимает ключ в кавычках, например { $function }("key"); найдено: { $found }.
expr-item-list-expected = { $function }() начинается с section("key") или items("a", "b"), а найдено: { $found }.
expr-single-equals = Для сравнения пишите `==` (одиночный `=` не допускается).
expr-unclosed-string = У этой строки нет закрывающей `"`.
expr-bad-escape = После обратной косой черты допустимы только `\"` и `\\`.
expr-bad-number = Это число не удаётся прочитать.
expr-unexpected-character = Неожиданный символ `{ $character }`.
expr-unknown-item = Пункта `{ $key }` нет.
expr-unknown-section = Раздела `{ $key }` нет.
expr-unknown-score = Балла `{ $key }` нет.
expr-forward-item = На пункт `{ $key }` отвечают не раньше этого места; условие может использовать только предыдущие ответы.
expr-forward-section = Раздел `{ $key }` не завершён до этого места; условие может использовать только предыдущие ответы.
expr-not-bool = Условие должно быть истинным или ложным, а здесь тип «{ $found }».
expr-empty-list = В списке должно быть хотя бы одно значение.
expr-list-not-literal = В списке могут быть только явно записанные числа или тексты.
expr-list-mixed = В списке нельзя смешивать числа и тексты.
expr-needs-type = { $context } требует тип «{ $want }», а здесь тип «{ $found }».
expr-count-value-type = { $function }() ищет число или текст, а здесь тип «{ $found }».
expr-count-item-type = { $function }() не может искать тип «{ $want }» в пункте `{ $key }`.
expr-count-no-item = { $function }() не находит в этом разделе ни одного пункта с вариантами типа «{ $want }».
expr-item-not-scorable = У пункта `{ $key }` нет баллов, которые можно сложить.
expr-section-not-scorable = В этом разделе нет пунктов с баллами.
expr-compare-mixed = `{ $operator }` сравнивает тип «{ $left }» с типом «{ $right }».
expr-compare-sets = `{ $operator }` не может сравнивать тип «{ $found }»; для наборов используйте `in`.
expr-in-mismatch = Для `in` нужны значение и набор того же вида, а найдено: «{ $left }» в «{ $right }».
expr-outcome-not-allowed = { $function }() можно использовать только в сигналах, а не в условиях пунктов или разделов.
expr-sources-not-asked = Пункт `{ $key }` не спрашивает об источниках информации.
expr-trend-not-asked = Пункт `{ $key }` не спрашивает об изменении с прошлой оценки.
expr-unknown-value = { $value } не является возможным значением здесь; возможные значения: { $values }.
