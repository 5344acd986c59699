# The live, read-only instrument preview (app/src/features/instruments/preview).
# Instrument wording comes from the definition; these are interface texts.

preview-notice-title = Preview — nothing is saved.
preview-notice = Answers entered here only try the instrument out; they are lost when you leave the page.
preview-code = Code
preview-settings = Preview settings
preview-locale-label = Instrument language
preview-locale-hint = Chosen separately from the interface language.
preview-gender-label = Subject
preview-gender-male = Male
preview-gender-female = Female

preview-required = (required)
preview-guidance = Guidance for the assessor
preview-answer-yes = Yes
preview-answer-no = No
preview-answer-unknown = Unknown
preview-omit-reason = Reason for omitting
preview-evidence = Evidence
preview-sources = Information sources
preview-source-file-review = File review
preview-source-interview = Interview
preview-source-observation = Observation
preview-source-third-party = Third parties
preview-source-intelligence = Intelligence
preview-trend = Change since the last assessment
preview-trend-improved = Improved
preview-trend-unchanged = Unchanged
preview-trend-worsened = Worsened

preview-outcome = Outcome
preview-pending = { $count ->
    [one] One item still needs an answer.
   *[other] { $count } items still need an answer.
}
preview-pending-none = Everything required has been answered.
preview-scores = Scores
preview-score-omitted = Omitted: { $count }
preview-score-unanswered = Unanswered: { $count }
preview-score-incomplete = Incomplete: no band yet
preview-score-no-items = No items shown
preview-flags = Flags
preview-flag-raised = Raised
preview-flag-not-raised = Not raised
preview-judgements = Judgements
preview-suggested = Suggested:
preview-no-suggestion = No suggestion until the score is complete.
preview-rationale = Rationale
preview-override-reason = Override reason
preview-override-hint = The chosen level differs from the suggestion: say why.
preview-level-low = Low
preview-level-moderate = Moderate
preview-level-high = High
