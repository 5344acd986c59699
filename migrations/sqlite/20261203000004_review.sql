-- Review, approval and publication (issue 10): who wrote each version (four
-- eyes), every move between statuses, comments, electronic signatures,
-- retired instruments and the installation's settings.

-- Everyone who saved a version's definition (created, imported, edited):
-- none of them may approve it.
CREATE TABLE version_authors (
    version_id INTEGER NOT NULL REFERENCES instrument_versions(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (version_id, user_id)
);
INSERT INTO version_authors (version_id, user_id)
    SELECT id, created_by FROM instrument_versions WHERE created_by IS NOT NULL;
-- Editor saves made before this table: from the audit log.
INSERT INTO version_authors (version_id, user_id)
    SELECT DISTINCT v.id, e.actor_id FROM audit_events e
    JOIN instrument_versions v ON CAST(v.id AS TEXT) = e.target_id
    WHERE e.action = 'instrument.draft_saved' AND e.actor_id IS NOT NULL
    ON CONFLICT DO NOTHING;

-- Each round of review starts with a submission; approvals count per round.
ALTER TABLE instrument_versions ADD COLUMN review_round INTEGER NOT NULL DEFAULT 0;

-- Every move of a version between statuses, with who, when and why.
CREATE TABLE version_transitions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id INTEGER NOT NULL REFERENCES instrument_versions(id),
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    actor_id INTEGER REFERENCES users(id),
    reason TEXT,
    occurred_at TEXT NOT NULL
);
CREATE INDEX version_transitions_version ON version_transitions(version_id);

-- Comments on a version, a section or an item (path: a JSON pointer into
-- the definition when the comment was written; anchor: the section's key,
-- or section and item keys as `section/item`, which find it again after
-- the version is edited; none: the version as a whole); replies name the
-- thread's first comment, which carries the thread's resolved state.
CREATE TABLE version_comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id INTEGER NOT NULL REFERENCES instrument_versions(id),
    path TEXT,
    anchor TEXT,
    body TEXT NOT NULL,
    reply_to INTEGER REFERENCES version_comments(id),
    author_id INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    resolved_by INTEGER REFERENCES users(id)
);
CREATE INDEX version_comments_version ON version_comments(version_id);

-- Electronic signatures (21 CFR Part 11 §11.50/§11.70 in spirit): who,
-- when, what it meant, and the SHA-256 of the exact canonical definition
-- signed, so the signature is bound to that record.
CREATE TABLE version_signatures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id INTEGER NOT NULL REFERENCES instrument_versions(id),
    signer_id INTEGER NOT NULL REFERENCES users(id),
    meaning TEXT NOT NULL CHECK (meaning IN ('approved', 'published', 'retired')),
    definition_sha256 TEXT NOT NULL,
    review_round INTEGER NOT NULL,
    reason TEXT,
    signed_at TEXT NOT NULL
);
CREATE INDEX version_signatures_version ON version_signatures(version_id);
-- A reviewer approves a round of review once.
CREATE UNIQUE INDEX version_signatures_one_approval
    ON version_signatures(version_id, review_round, signer_id) WHERE meaning = 'approved';

ALTER TABLE instruments ADD COLUMN retired_at TEXT;
ALTER TABLE instruments ADD COLUMN retired_reason TEXT;

-- Settings of the whole installation, changed by administrators.
CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO settings (name, value) VALUES ('approvals_required', '1');
