## What is wrong with an assessment's answers (server/services/src/answers_check.rs).
## Each problem also names its place (a JSON path such as /items/risk_1).

answer-invalid-shape = This answer is not in the form this item takes.
answer-unknown-item = This instrument version has no such item.
answer-unknown-judgement = This instrument version has no such judgement.
answer-required = This item must be answered.
answer-invalid-value = This value is not one this item offers.
answer-out-of-range = This number is outside the accepted range.
answer-invalid-date = A date is written yyyy-mm-dd, e.g. 2026-03-08.
answer-too-long = This text is too long.
answer-omit-not-allowed = This item cannot be omitted.
answer-omitted-with-value = An omitted item cannot also have an answer.
answer-omit-reason-required = Say why there is not enough information to answer.
answer-not-asked = This item does not ask for this.
answer-evidence-required = This item needs the evidence behind the answer.
answer-sources-required = Tick where the information comes from.
answer-duplicate-source = This source is ticked twice.
answer-trend-required = This item needs a trend.
answer-judgement-required = Choose a level for this judgement.
answer-level-not-offered = This level is not one this judgement offers.
answer-rationale-required = Give the rationale for this judgement.
answer-override-reason-required = A level other than the suggested one needs a reason.

## Refusals of assessments.
error-invalid-answers = The answers have problems; each is listed with its place.
error-assessment-changed = This assessment was saved elsewhere (another tab or device) after you loaded it. Reload it; your answers are kept in this browser until they are saved.
error-assessment-draft-exists = This subject already has an assessment of this instrument in progress: resume it instead.
error-assessment-locked = This assessment is submitted and locked. Correct it with an amendment.
error-assessment-not-submitted = Only a submitted assessment can be corrected.
error-amendment-exists = A correction of this assessment is already in progress.
error-amendment-reason = Say why the assessment is corrected (1 to 2000 characters).
error-instrument-not-published = This instrument has no published version to assess with.
error-subject-not-in-custody = Only a subject in custody can be assessed.
error-locale-locked = The language of the items can change only until the first answer.
error-locale-not-offered = This instrument has no wording in that language.
error-assessment-id = This is not an assessment's id.
error-not-your-assessment = Only the assessor who started this assessment can change it.
error-subject-unknown = There is no subject with this code among those you work with.
