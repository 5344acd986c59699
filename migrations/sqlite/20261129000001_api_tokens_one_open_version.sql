-- API tokens for the public JSON API (/api/v1), and the rule "at most one
-- open (unpublished) version per instrument" enforced by the database, so
-- that two imports racing each other cannot both create a draft.

-- Only a SHA-256 of each token is stored, as for sessions.
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE UNIQUE INDEX instrument_versions_one_open ON instrument_versions(instrument_id)
    WHERE status IN ('draft', 'in_review', 'changes_requested', 'approved');
