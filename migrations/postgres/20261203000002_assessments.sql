-- Assessments: one completion of one published instrument version about
-- one subject. Pinned at the start to the version, the locale its items
-- are shown in and the subject's gender; the answers and the outcome the
-- server computed from them are stored as JSON text. A correction is a new
-- row (`amends` names the one it corrects); both are kept.

CREATE TABLE assessments (
    id TEXT PRIMARY KEY,
    subject_id BIGINT NOT NULL REFERENCES subjects(id),
    version_id BIGINT NOT NULL REFERENCES instrument_versions(id),
    locale TEXT NOT NULL CHECK (locale IN ('tg', 'ru', 'en')),
    gender TEXT NOT NULL CHECK (gender IN ('male', 'female')),
    -- The subject's age in whole years on the day the assessment started.
    age BIGINT,
    assessor_id BIGINT NOT NULL REFERENCES users(id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'superseded')),
    revision BIGINT NOT NULL DEFAULT 1,
    answers TEXT NOT NULL,
    outcome TEXT NOT NULL,
    amends TEXT REFERENCES assessments(id),
    amendment_reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    submitted_at TEXT,
    CHECK (amends IS NULL OR amendment_reason IS NOT NULL)
);
CREATE INDEX assessments_subject ON assessments(subject_id, created_at);
CREATE INDEX assessments_version ON assessments(version_id, status);
-- At most one draft per subject and instrument version: two drafts never mix.
CREATE UNIQUE INDEX assessments_one_draft ON assessments(subject_id, version_id) WHERE status = 'draft';
