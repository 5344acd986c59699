-- The translation workflow (issue 9). The wordings themselves stay in the
-- version's definition (so the preview, the forms and the exports need no
-- join); these tables hold what the definition cannot: per text × locale ×
-- variant, the source text a wording was made from (its hash: when the
-- source changes the wording is stale), which wording that was (its hash:
-- a change made anywhere else is noticed), whether it is approved, and who
-- touched which locale (four eyes at sign-off).
--
-- text_id is the stable id (the JSON path with keys for indices), so a
-- status follows its text when items move and into the next version.

CREATE TABLE translations (
    version_id INTEGER NOT NULL REFERENCES instrument_versions(id),
    text_id TEXT NOT NULL,
    locale TEXT NOT NULL CHECK (locale IN ('tg', 'ru', 'en')),
    variant TEXT NOT NULL CHECK (variant IN ('neutral', 'male', 'female')),
    source_hash TEXT NOT NULL,
    -- The source wording itself (JSON), to show beside the new one when stale.
    source_text TEXT NOT NULL,
    wording_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'approved')),
    translated_by INTEGER REFERENCES users(id),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (version_id, text_id, locale, variant)
);

-- Everyone who wrote a wording of a locale in a version: none of them may
-- sign that locale off.
CREATE TABLE translation_contributors (
    version_id INTEGER NOT NULL REFERENCES instrument_versions(id),
    locale TEXT NOT NULL CHECK (locale IN ('tg', 'ru', 'en')),
    user_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (version_id, locale, user_id)
);

-- Sign-offs of a locale as a whole; the newest counts while every wording
-- of the locale is still approved.
CREATE TABLE translation_sign_offs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id INTEGER NOT NULL REFERENCES instrument_versions(id),
    locale TEXT NOT NULL CHECK (locale IN ('tg', 'ru', 'en')),
    signed_by INTEGER NOT NULL REFERENCES users(id),
    signed_at TEXT NOT NULL
);
CREATE INDEX translation_sign_offs_version ON translation_sign_offs(version_id, locale);
