## Чӣ дар ҷавобҳои арзёбӣ нодуруст аст (server/services/src/answers_check.rs).
## Ҳар мушкилот ҷои худро низ номбар мекунад (роҳи JSON, масалан /items/risk_1).

answer-invalid-shape = Ин ҷавоб на дар шакле аст, ки ин банд қабул мекунад.
answer-unknown-item = Дар ин версияи асбоб чунин банд нест.
answer-unknown-judgement = Дар ин версияи асбоб чунин хулоса нест.
answer-required = Ба ин банд бояд ҷавоб дод.
answer-invalid-value = Ин банд чунин қиматро пешниҳод намекунад.
answer-out-of-range = Ин рақам берун аз доираи қабулшуда аст.
answer-invalid-date = Сана ҳамчун сссс-мм-рр навишта мешавад, масалан 2026-03-08.
answer-too-long = Ин матн хеле дароз аст.
answer-omit-not-allowed = Ин бандро гузаронидан мумкин нест.
answer-omitted-with-value = Банди гузаронидашуда ҷавоб дошта наметавонад.
answer-omit-reason-required = Нависед, ки чаро барои ҷавоб маълумот кифоя нест.
answer-not-asked = Ин банд инро намепурсад.
answer-evidence-required = Барои ин банд асоси ҷавоб лозим аст.
answer-sources-required = Қайд кунед, ки маълумот аз куҷо гирифта шудааст.
answer-duplicate-source = Ин манбаъ ду бор қайд шудааст.
answer-trend-required = Барои ин банд тамоюл лозим аст.
answer-judgement-required = Барои ин хулоса сатҳро интихоб кунед.
answer-level-not-offered = Ин хулоса чунин сатҳро пешниҳод намекунад.
answer-rationale-required = Ин хулосаро асоснок кунед.
answer-override-reason-required = Барои сатҳе, ки аз сатҳи пешниҳодшуда фарқ мекунад, сабаб лозим аст.

## Радкуниҳо оид ба арзёбиҳо.
error-invalid-answers = Ҷавобҳо хатоҳо доранд; ҳар яке бо ҷояш нишон дода шудааст.
error-assessment-changed = Ин арзёбиро пас аз кушоданатон дар ҷои дигар (варақа ё дастгоҳи дигар) нигоҳ доштанд. Онро аз нав кушоед; ҷавобҳои шумо то нигоҳ дошта шуданашон дар ҳамин браузер маҳфузанд.
error-assessment-draft-exists = Ин маҳкумшуда аллакай арзёбии нотамом аз рӯи ҳамин асбоб дорад: онро идома диҳед.
error-assessment-locked = Ин арзёбӣ фиристода ва баста шудааст. Онро бо ислоҳ дуруст кунед.
error-assessment-not-submitted = Танҳо арзёбии фиристодашударо ислоҳ кардан мумкин аст.
error-amendment-exists = Ислоҳи ин арзёбӣ аллакай оғоз шудааст.
error-amendment-reason = Нависед, ки чаро арзёбӣ ислоҳ мешавад (аз 1 то 2000 аломат).
error-instrument-not-published = Ин асбоб барои арзёбӣ версияи нашршуда надорад.
error-subject-not-in-custody = Танҳо маҳкумшудаи дар ҳабсбударо арзёбӣ кардан мумкин аст.
error-locale-locked = Забони бандҳоро танҳо то ҷавоби аввал иваз кардан мумкин аст.
error-locale-not-offered = Ин асбоб бо ин забон матн надорад.
error-assessment-id = Ин рақами арзёбӣ нест.
error-not-your-assessment = Ин арзёбиро танҳо арзёбкунандае, ки онро оғоз кардааст, тағйир дода метавонад.
error-subject-unknown = Дар байни маҳкумшудагоне, ки шумо бо онҳо кор мекунед, маҳкумшуда бо ин рамз нест.
