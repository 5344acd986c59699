error-throttled-seconds = Слишком много неверных паролей. Повторите через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
    [many] { $seconds } секунд
   *[other] { $seconds } секунды
}.
error-throttled-minutes = Слишком много неверных паролей. Повторите через { $minutes ->
    [one] { $minutes } минуту
    [few] { $minutes } минуты
    [many] { $minutes } минут
   *[other] { $minutes } минуты
}.
error-busy = Сервер занят проверкой паролей. Повторите чуть позже.
error-display-name-too-long = Имя может содержать не более 100 символов.
error-display-name-characters = Имя не может содержать управляющие символы и знаки направления текста.
