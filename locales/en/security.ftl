error-throttled-seconds = Too many wrong passwords. Try again in { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}.
error-throttled-minutes = Too many wrong passwords. Try again in { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}.
error-busy = The server is busy checking passwords. Try again in a moment.
error-display-name-too-long = A name may have at most 100 characters.
error-display-name-characters = A name may not contain control characters or text-direction marks.
