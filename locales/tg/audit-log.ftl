# Филтрҳои саҳифаи дафтари аудит.
audit-filter-actor = Кӣ
audit-filter-action = Амал
audit-filter-any-action = Ҳар амал
audit-filter-from = Аз (сана)
audit-filter-to = То (сана)
audit-filter-target = Навъи сабт
audit-filter-any-target = Ҳар навъ
audit-filter-target-id = Рақами сабт
audit-filter-apply = Нишон додан
audit-filter-clear = Тоза кардани филтрҳо
audit-filter-nothing = Ягон рӯйдод ба ин филтрҳо мувофиқ нест.
audit-filter-invalid-date = Санаро ба шакли СССС-ММ-РР ворид кунед.
audit-filter-invalid-choice = Аз рӯйхат қимате интихоб кунед.
