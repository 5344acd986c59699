app-name = Мизон
skip-to-content = Гузариш ба мундариҷа
loading = Боргирӣ…
saved = Нигоҳ дошта шуд.
save = Нигоҳ доштан
cancel = Бекор кардан
back-home = Ба саҳифаи аввал

nav-label = Паймоиши асосӣ
nav-home = Оғоз
nav-users = Корбарон
nav-audit = Дафтари аудит
nav-account = Ҳисоби ман
sign-out = Баромадан
language-switcher-label = Забони интерфейс

sign-in-title = Ворид шудан
sign-in-submit = Ворид шудан
field-username = Номи корбар
field-password = Рамз
field-display-name = Ному насаб
field-current-password = Рамзи ҷорӣ
field-new-password = Рамзи нав
field-confirm-password = Рамзи навро такрор кунед
field-initial-password = Рамзи аввалия
field-temporary-password = Рамзи муваққатӣ
field-roles = Нақшҳо
field-status = Ҳолат
field-created = Сана эҷод
field-active = Ҳисоб фаъол аст
field-preferred-language = Забони дилхоҳ
language-not-set = Муқаррар нашудааст (забони браузер)

password-policy = Ақаллан 10 аломат. Ҷумлаи кӯтоҳро ба ёд овардан осон ва ёфтан душвор аст.
username-rules = Аз 3 то 64 аломат: ҳарфҳо, рақамҳо, нуқта, зерхат, дефис.
initial-password-hint = Онро ба шахс танҳо ба худаш диҳед; ҳангоми вуруди аввал бояд иваз карда шавад.
active-hint = Ҳисоби ғайрифаъол ворид шуда наметавонад; таърихи он нигоҳ дошта мешавад.

home-welcome = Хуш омадед, { $name }
home-intro = Дар Мизон асбобҳои арзёбии хадамоти ислоҳӣ ба забонҳои тоҷикӣ, русӣ ва англисӣ ва арзёбиҳое, ки бо онҳо гузаронида шудаанд, нигоҳ дошта мешаванд.
home-your-roles = Нақшҳои шумо
home-administration = Маъмурият

role-administrator = Маъмур
role-methodologist = Методист
role-translator = Тарҷумон
role-reviewer = Тақризчӣ
role-assessor = Арзёбикунанда

status-active = Фаъол
status-inactive = Ғайрифаъол

account-title = Ҳисоби ман
account-must-change = Шумо бо рамзи муваққатӣ ворид шудед. Барои идома рамзи худро муқаррар кунед.
account-password-title = Иваз кардани рамз
account-password-submit = Иваз кардани рамз
account-password-changed = Рамзи шумо иваз шуд. Ҷаласаҳои дигари ҳисоби шумо қатъ карда шуданд.
account-language-title = Забони интерфейс

users-title = Корбарон
users-new = Корбари нав
users-create = Эҷоди корбар
users-back = ← Ҳамаи корбарон
users-reset-password = Аз нав муқаррар кардани рамз
users-password-reset-done = Рамзи муваққатӣ муқаррар шуд. Корбар бояд онро ҳангоми вуруди навбатӣ иваз кунад; ҷаласаҳои кушодаи ӯ қатъ шуданд.

audit-title = Дафтари аудит
audit-summary = { $total } ҳодиса, саҳифаи { $page } аз { $pages }
audit-seq = №
audit-time = Вақт (UTC)
audit-actor = Кӣ
audit-action = Амал
audit-target = Объект
audit-details = Тафсилот
audit-pages = Саҳифаҳои дафтари аудит
page-previous = ← Навтар
page-next = Кӯҳнатар →

not-found-title = Саҳифа ёфт нашуд
not-found-body = Дар ин нишонӣ саҳифа нест. Нишониро санҷед ё аз саҳифаи аввал оғоз кунед.
forbidden-title = Дастрасӣ нест
forbidden-body = Нақшҳои шумо ба ин саҳифа дастрасӣ намедиҳанд. Агар лозим бошад, ба маъмур муроҷиат кунед.
server-error-title = Хатогӣ рух дод
server-error-body = Сервер дархостро иҷро карда натавонист. Он чи пештар нигоҳ дошта шуда буд, гум нашудааст. Агар такрор шавад, ин рамзро ба маъмур диҳед: { $id }
tokens-title = Токенҳои API
tokens-intro = Токен ба низоми дигар (феҳристи маҳбусон, омор) имкон медиҳад, ки аз номи шумо ва бо нақшҳои шумо JSON API-и Mizon-ро истифода барад. Онро мисли парол нигоҳ доред.
tokens-created = Токени нави шумо дар поён аст. Онро ҳозир нусха бардоред: дигар нишон дода намешавад.
tokens-create = Сохтани токен
tokens-none = Шумо токени API надоред.
tokens-created-at = Сохта шуд
tokens-expires-at = Эътибор то
tokens-last-used = Истифодаи охирин
tokens-state = Ҳолат
tokens-revoke = Бекор кардан
tokens-revoked = Бекоршуда
field-token-name = Номи токен
token-name-hint = Барои чӣ аст, масалан «содироти омор».
field-token-days = Мӯҳлати эътибор (рӯз)
token-days-hint = Аз 1 то 3650; холӣ — бемӯҳлат.
