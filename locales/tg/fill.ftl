## The assessment form (the fill island) and the assessment page.

fill-progress = Ба { $answered } аз { $shown } савол ҷавоб дода шуд
fill-saved = Ҳамаи ҷавобҳо нигоҳ дошта шуданд.
fill-unsaved = Ҳоло нигоҳ дошта нашудааст — то сервер ҷавобҳоро гирад, дар ҳамин дастгоҳ нигоҳ дошта мешавад.
fill-saving = Нигоҳ дошта мешавад…
fill-offline = Ҳоло нигоҳ дошта нашудааст: бо сервер пайваст нест. Ҷавобҳо дар ҳамин дастгоҳ ҳастанд ва баробари барқарор шудани пайваст нигоҳ дошта мешаванд.
fill-conflict = Ин арзёбӣ пас аз ворид шудани ҷавобҳо дар ин дастгоҳ дар ҷои дигар (дар варақаи дигар ё дастгоҳи дигар) нигоҳ дошта шуд. Интихоб кунед, ки кадом ҷавобҳо бимонанд.
fill-keep-mine = Ҷавобҳои ҳамин дастгоҳ бимонанд
fill-take-saved = Ҷавобҳои нигоҳдошташуда гирифта шаванд
fill-storage-hint = То сервер ҷавобро нагирад, браузер онро нигоҳ медорад, баъд нест мекунад.
fill-submit = Арзёбиро фиристодан
fill-submit-hint = Сервер ҳар ҷавобро тафтиш мекунад ва холҳоро худаш ҳисоб мекунад. Арзёбии фиристодашуда баста мешавад; ислоҳ ҳамчун тағйирот сабт мешавад.
fill-submit-wait = Фиристодан пас аз нигоҳ дошта шудани ҳамаи ҷавобҳо мумкин аст.
fill-submitting = Фиристода мешавад…
fill-problems = Арзёбӣ фиристода нашуд. Ҳар хато бо ҷояш нишон дода шудааст:

assessment-back = Бозгашт ба шахс
assessment-start = Оғози арзёбӣ
assessment-start-submit = Арзёбиро оғоз кардан
assessment-items-language = Забони саволҳо
assessment-items-language-hint = Аввал забони дӯстдоштаи шахс интихоб шудааст. Интерфейс бо забони шумо мемонад.
assessment-definition-hash = Хеши таъриф
assessment-outcome = Натиҷа
assessment-score = Хол ё хулоса
assessment-score-value = Қимат
assessment-score-band = Сатҳ
assessment-flags = Аломатҳои бардошташуда
assessment-omitted = Партофта шуд
assessment-print-hint = Барои чоп кардан (A4, бо ҳамин маълумот) чопи браузерро истифода баред (Ctrl+P).
field-reassess-by = Арзёбии такрорӣ то
subject-overdue = мӯҳлаташ гузаштааст
assessment-amend = Ислоҳи ин арзёбӣ
assessment-amend-hint = Ислоҳ ҳамчун тарҳи нав бо ҳамин ҷавобҳо ва ҳамин версия оғоз мешавад. Пас аз фиристодан он ҷои ин арзёбиро мегирад; ҳарду бо сабаб нигоҳ дошта мешаванд.
field-amendment-reason = Сабаби ислоҳ
assessment-amend-submit = Ислоҳро оғоз кардан
assessment-amends = Ислоҳ мекунад
assessment-amends-link = арзёбии пешинаро
