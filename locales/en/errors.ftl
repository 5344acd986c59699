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
error-open-version-exists = This instrument already has a version that is not yet published (a draft, or one in review). Finish or withdraw it first.
error-concurrent-change = Someone else made the same change at the same moment. Reload and try again.
error-code-mismatch = The definition's code differs from the instrument named in the address.
error-invalid-definition = The definition has problems; each is listed with its place.
error-token-name = Give the token a name of 1 to 100 characters.
error-token-expiry = A token lasts 1 to 3650 days; leave the field empty for no expiry.
error-token-revoked = This token was revoked already.
error-malformed-request = The request could not be read: { $detail }
error-no-such-route = There is no such address in the API.
error-payload-too-large = The request is too large.
error-api-token = Send a valid API token: Authorization: Bearer TOKEN.
error-api-throttled = Too many invalid tokens came from your address. Try again in { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}.
error-draft-changed = Someone else saved this draft after you opened it. Your edits are kept: see what they changed, then apply yours on top.
error-instrument-code = An instrument code starts with a Latin letter and has at most 32 Latin letters, digits, "-" or "_".
error-instrument-code-taken = An instrument with this code exists already.
error-title-required = Give the instrument a title.
error-title-invalid = The title is too long (at most 200 characters) or has control characters.
error-genders-required = Choose at least one gender the instrument is used for.
error-import-file = Choose a definition file (JSON) to import.

## Translations (issue 9)
error-translation-file-invalid = The file could not be read, so nothing of it was saved. Correct the problems listed and upload it again.
error-translation-source-locale = This is the instrument's source language: its texts are written in the editor, not translated.
error-translation-not-a-target = This language is not one the instrument is translated into.
error-sign-off-status = Translations are signed off while the version is a draft or in review.
error-sign-off-incomplete = Something in this language is still missing or out of date; it can be signed off once every text is translated from the current source.
error-translation-empty = Type a wording first: an empty one is not saved.
error-translation-source-changed = The source text of this wording changed while you were translating: read the new source and translate it again.
error-translation-file-kind = Choose a translation file: a Fluent file (.ftl) or a spreadsheet (.xlsx).
error-translation-changed-meanwhile = Someone else changed this wording while you were translating it: what you typed is kept below; compare it with theirs and save again.
error-translation-not-seen = This text is never shown to that gender: give one wording, or only the variant of the gender who sees it.
error-translation-file-locale = This file is for { $file }, not { $chosen }: choose its language, or upload the file made for { $chosen }.
error-file-not-fluent = Line { $number }: not valid Fluent ({ $detail }).
error-file-repeated-line = Line { $number }: this key is given twice ({ $detail }).
error-file-repeated-row = Row { $number }: this key is given twice ({ $detail }).
error-file-repeated-file = This key is given twice ({ $detail }).
error-file-no-key = Row { $number }: a translation without a key.
error-file-no-column = The sheet lacks a column it needs ({ $detail }).
error-file-column-twice = Two columns have the same name ({ $detail }).
error-file-not-xlsx = This is not an .xlsx workbook: save it as .xlsx and upload it again.
error-file-empty = The sheet is empty.
error-file-not-text = This is not a text file in UTF-8: save the .ftl file as UTF-8.
error-file-problem-line = Line { $number }: { $detail }
error-file-problem-row = Row { $number }: { $detail }
error-file-problem-file = { $detail }

## Review, approval and publication
error-version-draft = This version is a draft: it can be edited and submitted for review; it is approved and published only after review.
error-version-in-review = This version is in review and read-only: a reviewer approves it or asks for changes.
error-version-changes-requested = A reviewer asked for changes to this version: make them (saving makes it a draft again) and submit it for review again.
error-version-approved = This version is approved and read-only: it can be published.
error-version-published = This version is published and is never changed: start a new draft version to change the instrument.
error-version-superseded = This version was superseded by a newer published version: nothing more can be done with it.
error-version-retired = This instrument is retired: its versions are kept, but nothing more can be done with them.
error-instrument-retired = This instrument is retired: no new versions or assessments.
error-review-not-ready = This version is not ready: each problem below says what to fix.
error-review-reason-required = Say why (the author will read it).
error-review-text-too-long = This text is too long (at most 4000 characters).
error-review-already-approved = You have approved this version already; another reviewer must give the next approval.
error-comment-empty = Write the comment first.
error-comment-path = A comment is on the version, a section or an item of it.
error-comment-reply-to = The comment you reply to is not on this version.
error-approvals-required = The number of approvals must be between 1 and 5.
review-blocker-missing = Translation ({ $locale }): not translated yet.
review-blocker-missing-variant = Translation ({ $locale }, { $gender }): not translated yet.
review-blocker-stale = Translation ({ $locale }): out of date, the source text changed after it was translated.
review-blocker-stale-variant = Translation ({ $locale }, { $gender }): out of date, the source text changed after it was translated.
review-blocker-not-signed-off = Translation ({ $locale }): the translation is not signed off by a reviewer.
