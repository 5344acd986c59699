instruments-new-link = New instrument
instrument-new = New instrument
instrument-new-intro = Start with what the instrument is: it becomes draft version 1. Its sections, items, scoring and texts are then written in its definition file and imported, or saved over the API.
field-instrument-code = Code
instrument-code-rules = A short code that never changes, e.g. IRNS: Latin letters, digits, "-" or "_", at most 32.
field-instrument-title = Title
instrument-title-hint = In the source language; translations come later.
field-source-language = Source language
field-required-languages = Required languages
field-genders = Used for subjects who are
instrument-create = Create
instrument-import = Import a definition file
instrument-import-intro = A JSON definition file (instrument-library/FORMAT.md) becomes the next draft version of its instrument, or a new instrument when its code is new. It must pass every check.
field-definition-file = Definition file (JSON)
instrument-import-submit = Import
history-created-by = By
history-system = the library
history-new-draft = New draft from the latest published version
history-new-draft-hint = A published version is never edited: changes go into a new draft version, which starts as a copy.
history-export = Export JSON
history-edit = Edit

# The editor's page around the editor (the editor island does not carry these).
editor-page-title = Edit draft
editor-not-a-draft = This version is not a draft and is never edited. Start a new draft version from the instrument's page.
editor-review-comment = Review comment
