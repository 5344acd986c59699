# Пешнамоиши зиндаи асбоб танҳо барои хондан (app/src/features/instruments/preview).
# Матнҳои асбоб аз таъриф гирифта мешаванд; дар ин ҷо матнҳои интерфейс.
# Дар забони тоҷикӣ танҳо шакли *[other]-и шумора истифода мешавад.

preview-notice-title = Пешнамоиш — ҳеҷ чиз нигоҳ дошта намешавад.
preview-notice = Ҷавобҳое, ки дар ин ҷо ворид мекунед, танҳо барои санҷиши асбоб мебошанд ва ҳангоми тарки саҳифа нест мешаванд.
preview-code = Рамз
preview-settings = Танзимоти пешнамоиш
preview-locale-label = Забони асбоб
preview-locale-hint = Новобаста аз забони интерфейс интихоб мешавад.
preview-gender-label = Ҷинси маҳкумшуда
preview-gender-male = Мард
preview-gender-female = Зан

preview-required = (ҳатмӣ)
preview-guidance = Дастур барои арзёбикунанда
preview-answer-yes = Ҳа
preview-answer-no = Не
preview-answer-unknown = Маълум нест
preview-omit-reason = Сабаби ба ҳисоб нагирифтан
preview-evidence = Далелҳо
preview-sources = Манбаъҳои маълумот
preview-source-file-review = Омӯзиши парвандаи шахсӣ
preview-source-interview = Сӯҳбат
preview-source-observation = Мушоҳида
preview-source-third-party = Шахсони сеюм
preview-source-intelligence = Маълумоти оперативӣ
preview-trend = Тағйирот аз арзёбии гузашта
preview-trend-improved = Беҳтар шуд
preview-trend-unchanged = Бетағйир
preview-trend-worsened = Бадтар шуд

preview-outcome = Натиҷа
preview-pending = { $count ->
   *[other] Ҳанӯз { $count } банд ҷавобро талаб мекунад.
}
preview-pending-none = Ба ҳамаи саволҳои ҳатмӣ ҷавоб дода шуд.
preview-scores = Холҳо
preview-score-omitted = Ба ҳисоб гирифта нашуд: { $count }
preview-score-unanswered = Бе ҷавоб: { $count }
preview-score-incomplete = Хол нопурра аст: сатҳ ҳанӯз муайян нест
preview-score-no-items = Бандҳо нишон дода нашудаанд
preview-flags = Огоҳиҳо
preview-flag-raised = Фаъол шуд
preview-flag-not-raised = Фаъол нашуд
preview-judgements = Хулосаҳои касбӣ
preview-suggested = Пешниҳод:
preview-no-suggestion = То пурра шудани хол пешниҳод нест.
preview-rationale = Асоснокӣ
preview-override-reason = Сабаби интихоби сатҳи дигар
preview-override-hint = Сатҳи интихобшуда аз пешниҳод фарқ мекунад: сабабашро нависед.
preview-level-low = Паст
preview-level-moderate = Миёна
preview-level-high = Баланд
