-- Schema 3: voice check-ins, keys of encrypted audio blobs, recommendation feedback,
-- per-user personal mood models.

-- One row per encrypted blob file in <vault>/blobs/. The per-file key lives only here, wrapped
-- with the vault's "blob-wrap" subkey; deleting the row makes the file undecryptable.
CREATE TABLE blobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    wrapped_key BLOB NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    created_at TEXT NOT NULL
);

CREATE TABLE voice_checkins (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    recorded_at TEXT NOT NULL,
    duration_s REAL NOT NULL CHECK (duration_s >= 0),
    source TEXT NOT NULL DEFAULT 'recording' CHECK (source IN ('recording', 'import')),
    transcript TEXT NOT NULL DEFAULT '',
    transcript_edited INTEGER NOT NULL DEFAULT 0 CHECK (transcript_edited IN (0, 1)),
    segments TEXT NOT NULL DEFAULT '[]',
    model TEXT NOT NULL DEFAULT '',
    prosody TEXT NOT NULL DEFAULT '{}',
    arousal REAL,
    text_analysis TEXT,
    fusion TEXT NOT NULL DEFAULT '{}',
    risk_level TEXT CHECK (risk_level IS NULL OR risk_level IN ('low', 'moderate', 'high')),
    audio_blob_id TEXT REFERENCES blobs(id) ON DELETE SET NULL,
    sample_rate INTEGER,
    journal_entry_id TEXT REFERENCES journal_entries(id) ON DELETE SET NULL,
    self_mood INTEGER CHECK (self_mood IS NULL OR self_mood BETWEEN 1 AND 5),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX voice_checkins_at ON voice_checkins(recorded_at);
CREATE INDEX voice_checkins_journal ON voice_checkins(journal_entry_id);

CREATE TABLE recommendation_feedback (
    seq INTEGER PRIMARY KEY,
    checkin_id TEXT NOT NULL REFERENCES voice_checkins(id) ON DELETE CASCADE,
    recommendation TEXT NOT NULL,
    helped INTEGER NOT NULL CHECK (helped IN (0, 1)),
    rated_at TEXT NOT NULL,
    UNIQUE (checkin_id, recommendation)
);

CREATE TABLE personal_models (
    name TEXT PRIMARY KEY,
    trained_at TEXT NOT NULL,
    examples INTEGER NOT NULL,
    accuracy REAL,
    meta TEXT NOT NULL DEFAULT '{}',
    model BLOB NOT NULL
);

-- Derived data goes with its source: a deleted check-in's transcript analysis goes too.
CREATE TRIGGER voice_checkins_ad AFTER DELETE ON voice_checkins BEGIN
    DELETE FROM text_analyses WHERE source_type = 'transcript' AND source_id = old.id;
    DELETE FROM emotion_corrections WHERE source_type = 'transcript' AND source_id = old.id;
END;
