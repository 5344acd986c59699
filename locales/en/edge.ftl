error-malformed = The request could not be read: a field is missing or has the wrong form.
error-too-large = The request is too large.
