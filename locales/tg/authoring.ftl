instruments-new-link = Асбоби нав
instrument-new = Асбоби нав
instrument-new-intro = Аз он оғоз кунед, ки асбоб чист: он версияи сиёҳнависи 1 мешавад. Бахшҳо, бандҳо, ҳисоби хол ва матнҳо баъд дар файли таъриф навишта ва ворид карда мешаванд ё тавассути API нигоҳ дошта мешаванд.
field-instrument-code = Рамз
instrument-code-rules = Рамзи кӯтоҳи тағйирнопазир, масалан IRNS: ҳарфҳои лотинӣ, рақамҳо, «-» ё «_», на зиёда аз 32.
field-instrument-title = Ном
instrument-title-hint = Бо забони аслӣ; тарҷумаҳо баъдтар илова мешаванд.
field-source-language = Забони аслӣ
field-required-languages = Забонҳои ҳатмӣ
field-genders = Барои шахсони ҷинси
instrument-create = Сохтан
instrument-import = Ворид кардани файли таъриф
instrument-import-intro = Файли таърифи JSON (instrument-library/FORMAT.md) версияи навбатии сиёҳнависи асбоби худ мешавад ё, агар рамзаш нав бошад, асбоби нав. Файл бояд ҳамаи санҷишҳоро гузарад.
field-definition-file = Файли таъриф (JSON)
instrument-import-submit = Ворид кардан
history-created-by = Муаллиф
history-system = китобхона
history-new-draft = Сиёҳнависи нав аз версияи охирини нашршуда
history-new-draft-hint = Версияи нашршуда ҳеҷ гоҳ таҳрир намешавад: тағйирот ба версияи нави сиёҳнавис ворид мешаванд, ки ҳамчун нусха оғоз мешавад.
history-export = Содироти JSON
history-edit = Таҳрир кардан

# The editor's page around the editor (the editor island does not carry these).
editor-page-title = Таҳрири сиёҳнавис
editor-not-a-draft = Ин версия сиёҳнавис нест ва таҳрир карда намешавад. Дар саҳифаи асбоб версияи нави сиёҳнавис оғоз кунед.
editor-review-comment = Шарҳи баррасикунанда
