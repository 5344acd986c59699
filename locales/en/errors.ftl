error-not-signed-in = Your session has ended. Please sign in again.
error-forbidden = Your roles do not allow this action.
error-not-found = It does not exist, or it has been removed.
error-invalid-credentials = The username or password is incorrect.
throttled = Too many failed sign-ins. Try again in { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}.
error-internal = Something went wrong on the server. Reference: { $id }
error-request = The server could not be reached. Check the connection and try again; what you typed is still here.
error-username-length = A username needs 3 to 64 characters.
error-username-characters = A username may hold only letters, digits, dot, underscore and hyphen.
error-username-taken = This username is already in use.
error-display-name-required = Enter the person's full name.
error-display-name-length = A name may have at most 120 characters.
error-password-too-short = The password needs at least 10 characters.
error-password-too-long = The password may have at most 256 characters.
error-password-mismatch = The two new passwords differ.
error-current-password-wrong = The current password is incorrect.
error-password-unchanged = The new password must differ from the current one.
error-roles-required = Choose at least one role.
error-unknown-locale = Unknown language.
error-stale-revision = Someone else changed this account after you opened it. Reload the page to see their change; your edits are still in the form.
error-last-administrator = This would leave no active administrator. Give another account the administrator role first.
error-must-change-password = Choose a new password on your account page first.
error-cross-site = This request came from another site and was refused.
