-- Instruments and their versions. A version's definition is stored as the
-- canonical JSON export of the domain model, so that export returns exactly
-- what was imported.

CREATE TABLE instruments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE instrument_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instrument_id INTEGER NOT NULL REFERENCES instruments(id),
    number INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'changes_requested', 'approved', 'published', 'superseded', 'retired')),
    definition TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    published_at TEXT,
    UNIQUE (instrument_id, number)
);
CREATE INDEX instrument_versions_status ON instrument_versions(instrument_id, status);
