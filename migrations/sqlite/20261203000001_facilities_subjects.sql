-- Facilities, who works at which, and subjects (the prisoners assessed).
--
-- A subject belongs to exactly one facility at a time; what is recorded
-- about them later (assessments) refers to the subject, not the facility,
-- so a transfer (a new facility_id) moves the subject's whole history.
-- Codes are stored in capitals (the domain parses them so). The full name
-- is personal data: it lives in this table alone, with its folded form
-- (lower case, Tajik letters and ё as their Russian look-alikes) beside it
-- so that a search by name runs in SQL on both engines.

CREATE TABLE facilities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    name_tg TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE user_facilities (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    facility_id INTEGER NOT NULL REFERENCES facilities(id),
    PRIMARY KEY (user_id, facility_id)
);
CREATE INDEX user_facilities_facility ON user_facilities(facility_id);

CREATE TABLE subjects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    search_name TEXT NOT NULL,
    gender TEXT NOT NULL CHECK (gender IN ('male', 'female')),
    birth_date TEXT NOT NULL,
    facility_id INTEGER NOT NULL REFERENCES facilities(id),
    language TEXT NOT NULL CHECK (language IN ('tg', 'ru', 'en')),
    status TEXT NOT NULL CHECK (status IN ('in_custody', 'released', 'transferred')),
    -- The day of the release or transfer; none while simply in custody.
    status_date TEXT,
    revision INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    updated_at TEXT NOT NULL,
    CHECK (status = 'in_custody' OR status_date IS NOT NULL)
);
CREATE INDEX subjects_facility ON subjects(facility_id, code);
