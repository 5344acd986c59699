## The assessment form (the fill island) and the assessment page.

fill-progress = { $answered } of { $shown } items answered
fill-saved = All answers are saved.
fill-unsaved = Not yet saved — kept on this device until the server has them.
fill-saving = Saving…
fill-offline = Not yet saved: no connection to the server. Kept on this device; saved as soon as the connection is back.
fill-conflict = This assessment was saved elsewhere (another tab or device) after these answers were made on this device. Choose which answers to keep.
fill-keep-mine = Keep the answers on this device
fill-take-saved = Use the saved answers
fill-storage-hint = Until the server has an answer, this browser keeps it; then it removes it.
fill-submit = Submit the assessment
fill-submit-hint = The server checks every answer and computes the scores itself. A submitted assessment is locked; a correction is made as an amendment.
fill-submit-wait = Submitting waits until every answer is saved.
fill-submitting = Submitting…
fill-problems = The assessment was not submitted. Each problem is listed with its place:

assessment-back = Back to the subject
assessment-start = Start an assessment
assessment-start-submit = Start the assessment
assessment-items-language = Language of the items
assessment-items-language-hint = The subject's preferred language is chosen first. The interface stays in your language.
assessment-definition-hash = Definition hash
assessment-outcome = Outcome
assessment-score = Score or judgement
assessment-score-value = Value
assessment-score-band = Band or level
assessment-flags = Flags raised
assessment-omitted = Omitted
assessment-print-hint = To print it (A4, with this stamp), use the browser's Print (Ctrl+P).
field-reassess-by = Reassess by
subject-overdue = overdue
assessment-amend = Correct this assessment
assessment-amend-hint = A correction starts as a new draft with these answers, on the same version. Once it is submitted it replaces this assessment; both are kept, with the reason.
field-amendment-reason = Reason for the correction
assessment-amend-submit = Start the correction
assessment-amends = Corrects
assessment-amends-link = the earlier assessment
