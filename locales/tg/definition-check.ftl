## Хатоҳо дар таърифи асбоб (domain/src/definition/message.rs).
## Ҳамаи идентификаторҳо дар он ҷо номбар шудаанд; app/tests/locales.rs
## месанҷад, ки ҳар яке дар ин ҷо, дар en ва дар ru ҳаст.
## Дар забони тоҷикӣ танҳо шакли *[other]-и шумора истифода мешавад.

## Калимаҳое, ки ба паёмҳои зерин гузошта мешаванд.
check-term-locale-tg = тоҷикӣ
check-term-locale-ru = русӣ
check-term-locale-en = англисӣ
check-term-gender-male = мард
check-term-gender-female = зан
check-term-type-bool = ҳа/не
check-term-type-number = рақам
check-term-type-text = матн
check-term-type-number-set = маҷмӯи рақамҳо
check-term-type-text-set = маҷмӯи матнҳо
check-term-thing-scale = миқёс
check-term-thing-section = бахш
check-term-thing-item = банд
check-term-thing-score = хол
check-term-thing-flag = огоҳӣ
check-term-thing-judgement = хулоса
check-term-end = охири шарт

## Хондани ҳуҷҷат.
check-syntax = Файл JSON-и дуруст нест (сатри { $line }, сутуни { $column }).
check-structure = Қимат ба формат мувофиқ нест: { $detail }
check-structure-not-object = Таъриф бояд объекти JSON бошад.
check-structure-unknown-field = Дар ин ҷо майдони `{ $field }` вуҷуд надорад; имлои онро санҷед.
check-structure-missing-field = Дар ин ҷо майдони `{ $field }` ҳатмӣ аст.
check-structure-unknown-variant = `{ $value }` аз қиматҳое, ки дар ин ҷо иҷозат дода шудаанд, нест.
check-unsupported-format = Ин формати { $found } аст, аммо танҳо формати { $supported } хонда мешавад.

## Маълумоти умумӣ ва калидҳо.
check-meta-no-locales = Ақаллан як забони ҳатмиро нишон диҳед.
check-meta-source-not-required = Забони асл ({ $locale }) бояд яке аз забонҳои ҳатмӣ бошад.
check-meta-no-genders = Ақаллан як ҷинсеро, ки асбоб барои он пешбинӣ шудааст, нишон диҳед.
check-duplicate-locale = Забони «{ $locale }» ду бор омадааст.
check-duplicate-gender = Ҷинси «{ $gender }» ду бор омадааст.
check-duplicate-key = Калиди `{ $key }` ({ $what }) аллакай истифода шудааст: { $first }.
check-duplicate-level = Сатҳи `{ $level }` ду бор омадааст.
check-unknown-scale = Миқёси `{ $key }` вуҷуд надорад.
check-unknown-item = Банди `{ $key }` вуҷуд надорад.
check-unknown-section = Бахши `{ $key }` вуҷуд надорад.
check-unknown-score = Холи `{ $key }` вуҷуд надорад.

## Матнҳо ва ҷинс.
check-missing-wording = Матн бо забони «{ $locale }» нест.
check-missing-gender-wording = Матн бо забони «{ $locale }» барои ҷинси «{ $gender }» нест.
check-section-gender-not-declared = Ин бахш танҳо барои ҷинси «{ $gender }» аст, аммо ин ҷинс дар meta.genders нишон дода нашудааст.
check-item-gender-not-declared = Ин банд танҳо барои ҷинси «{ $gender }» аст, аммо ин ҷинс дар meta.genders нишон дода нашудааст.
check-conflicting-applicability = Ин банд барои ҷинси «{ $gender }» аст, аммо бахши он танҳо барои ҷинси дигар аст.

## Бахшҳо, бандҳо ва миқёсҳо.
check-no-sections = Асбоб бояд ақаллан як бахш дошта бошад.
check-empty-section = Бахш бояд ақаллан як банд дошта бошад.
check-missing-scale = Ин банд миқёс (`scale`) бо вариантҳои ҷавоб лозим дорад.
check-unexpected-scale = Миқёс танҳо дар бандҳои баҳодиҳӣ ва интихобӣ мешавад.
check-unexpected-min-max = Майдони `{ $field }` танҳо дар бандҳои рақамӣ мешавад.
check-unexpected-required-if = `required_if` ба банде, ки ҳамеша ҳатмист, таъсир надорад; "required": false илова кунед.
check-unexpected-value = Майдони `value` танҳо дар ҳисобкунӣ (count) мешавад.
check-invalid-range = Қимати калонтарин ({ $max }) аз қимати хурдтарин ({ $min }) камтар аст.
check-empty-scale = Миқёс бояд ақаллан як вариант дошта бошад.
check-duplicate-option-value = Қимати { $value } аллакай дар яке аз вариантҳои пештара истифода шудааст.
check-mixed-option-values = Ҳамаи қиматҳои миқёс бояд ё рақам бошанд, ё матн.
check-rating-scale-not-scorable = Барои баҳодиҳӣ миқёсе лозим аст, ки вариантҳояш рақам бошанд ё хол дошта бошанд; миқёси `{ $key }` вариантҳои бе хол дорад.

## Холҳо, фосилаҳо ва хулосаҳо.
check-item-not-scorable = Банди `{ $key }` холе надорад, ки ҷамъ карда шавад.
check-score-no-items = Барои хол `items`, `sections` ё ҳардуи онҳо лозим аст.
check-count-no-value = Барои ҳисобкунӣ қимате (`value`), ки шумурда мешавад, лозим аст.
check-count-value-impossible = Ба ягон банди ин хол ҷавоби { $value } додан мумкин нест.
check-band-reversed = Ин фосила ({ $max }) пеш аз оғозаш ({ $min }) ба охир мерасад.
check-band-overlap = Ин фосила аз { $min } оғоз мешавад, аммо фосилаи пештара дар { $previous_max } ба охир мерасад; фосилаҳо набояд якдигарро пӯшонанд ва аз паст ба баланд мераванд.
check-band-gap = Барои холҳои аз { $from } то { $to } фосила нест.
check-bands-incomplete = Ин хол метавонад аз { $low } то { $high } бошад, аммо фосилаҳо танҳо аз { $first } то { $last }-ро фаро мегиранд.
check-judgement-no-levels = Барои хулоса сатҳҳое лозиманд, ки арзёбикунанда аз онҳо интихоб мекунад.
check-judgement-score-no-bands = Холи `{ $key }` фосила надорад, бинобар ин сатҳ пешниҳод карда наметавонад.
check-judgement-level-not-offered = Холи `{ $key }` метавонад сатҳи `{ $level }`-ро пешниҳод кунад, ки дар ин хулоса нест.

## Шартҳо: check-condition ҳар паёми expr-…-ро дар бар мегирад ($problem).
check-condition = { $at ->
    [0] Шарт: { $problem }
   *[other] Шарт, аломати { $at }: { $problem }
}
expr-too-long = Шарт метавонад на зиёда аз { $max ->
   *[other] { $max } аломат
} дошта бошад.
expr-too-deep = Сохтори ин шарт хеле чуқур аст (на зиёда аз { $max } сатҳ).
expr-expected = { $expected } интизор буд, аммо { $found } ёфт шуд.
expr-expected-end = `and`, `or` ё охири шарт интизор буд, аммо { $found } ёфт шуд.
expr-expected-value = Қимат интизор буд, аммо { $found } ёфт шуд.
expr-expected-answered = Баъд аз `is` калимаи `answered` интизор буд (`x is answered` ё `x is not answered` нависед).
expr-chained-comparison = Муқоисаҳоро занҷирвор навиштан мумкин нест; онҳоро бо `and` пайваст кунед.
expr-minus-without-number = `-` танҳо пеш аз рақам омада метавонад.
expr-subject-attribute = Маҳкумшуда `gender` ва `age` дорад, на { $found }.
expr-list-outside-function = `{ $word }(…)` бандҳоро номбар мекунад; онро дар дохили count, any, sum ё max истифода баред.
expr-unknown-word = Калимаи номаълум `{ $word }`; функсияҳо: answer, sources, trend, score, band, count, any, sum, max.
expr-key-in-quotes = { $function }() калидро дар нохунак мегирад, масалан { $function }("key"); ёфт шуд: { $found }.
expr-item-list-expected = { $function }() бо section("key") ё items("a", "b") оғоз мешавад, аммо ёфт шуд: { $found }.
expr-single-equals = Барои муқоиса `==` нависед (як `=` иҷозат дода намешавад).
expr-unclosed-string = Ин сатр нохунаки пӯшандаи `"` надорад.
expr-bad-escape = Пас аз хати каҷи баръакс танҳо `\"` ва `\\` омада метавонанд.
expr-bad-number = Ин рақамро хондан ғайриимкон аст.
expr-unexpected-character = Аломати ғайричашмдошт `{ $character }`.
expr-unknown-item = Банди `{ $key }` вуҷуд надорад.
expr-unknown-section = Бахши `{ $key }` вуҷуд надорад.
expr-unknown-score = Холи `{ $key }` вуҷуд надорад.
expr-forward-item = Ба банди `{ $key }` то ин ҷо ҷавоб дода намешавад; шарт танҳо ҷавобҳои пештараро истифода бурда метавонад.
expr-forward-section = Бахши `{ $key }` то ин ҷо ба охир намерасад; шарт танҳо ҷавобҳои пештараро истифода бурда метавонад.
expr-not-bool = Шарт бояд ҳақ ё ноҳақ бошад, аммо дар ин ҷо навъи «{ $found }» аст.
expr-empty-list = Рӯйхат бояд ақаллан як қимат дошта бошад.
expr-list-not-literal = Дар рӯйхат танҳо рақамҳо ё матнҳои возеҳ навишташуда буда метавонанд.
expr-list-mixed = Дар рӯйхат рақам ва матнро омехтан мумкин нест.
expr-needs-type = { $context } навъи «{ $want }»-ро талаб мекунад, аммо дар ин ҷо навъи «{ $found }» аст.
expr-count-value-type = { $function }() рақам ё матн меҷӯяд, аммо дар ин ҷо навъи «{ $found }» аст.
expr-count-item-type = { $function }() дар банди `{ $key }` навъи «{ $want }»-ро ҷуста наметавонад.
expr-count-no-item = { $function }() дар ин бахш ягон банде намеёбад, ки вариантҳояш навъи «{ $want }» дошта бошанд.
expr-item-not-scorable = Банди `{ $key }` холе надорад, ки ҷамъ карда шавад.
expr-section-not-scorable = Дар ин бахш бандҳои холдор нестанд.
expr-compare-mixed = `{ $operator }` навъи «{ $left }»-ро бо навъи «{ $right }» муқоиса мекунад.
expr-compare-sets = `{ $operator }` навъи «{ $found }»-ро муқоиса карда наметавонад; барои маҷмӯъҳо `in`-ро истифода баред.
expr-in-mismatch = Барои `in` қимат ва маҷмӯи ҳамон навъ лозим аст, аммо «{ $left }» дар «{ $right }» ёфт шуд.
expr-outcome-not-allowed = { $function }()-ро танҳо дар огоҳиҳо истифода бурдан мумкин аст, на дар шартҳои бандҳо ё бахшҳо.
expr-sources-not-asked = Банди `{ $key }` манбаъҳои маълумотро намепурсад.
expr-trend-not-asked = Банди `{ $key }` тағйиротро аз арзёбии гузашта намепурсад.
expr-unknown-value = { $value } дар ин ҷо қимати имконпазир нест; қиматҳои имконпазир: { $values }.
