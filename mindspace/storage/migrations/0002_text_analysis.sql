-- Schema 2: text analyses (per source and model version), label corrections, safety plan.
CREATE TABLE text_analyses (
    seq INTEGER PRIMARY KEY,
    source_type TEXT NOT NULL CHECK (source_type IN ('journal', 'mood', 'transcript')),
    source_id TEXT NOT NULL,
    model_id TEXT NOT NULL,
    source_at TEXT NOT NULL,
    source_updated_at TEXT NOT NULL,
    analyzed_at TEXT NOT NULL,
    emotions TEXT,
    labels TEXT NOT NULL DEFAULT '[]',
    sentiment TEXT NOT NULL DEFAULT '{}',
    compound REAL NOT NULL DEFAULT 0,
    crisis_level TEXT NOT NULL CHECK (crisis_level IN ('none', 'concern', 'urgent')),
    crisis_score REAL NOT NULL DEFAULT 0,
    crisis_reasons TEXT NOT NULL DEFAULT '[]',
    UNIQUE (source_type, source_id, model_id)
);
CREATE INDEX text_analyses_source ON text_analyses(source_type, source_id);
CREATE INDEX text_analyses_at ON text_analyses(source_at);

CREATE TABLE emotion_corrections (
    seq INTEGER PRIMARY KEY,
    source_type TEXT NOT NULL CHECK (source_type IN ('journal', 'mood', 'transcript')),
    source_id TEXT NOT NULL,
    label TEXT NOT NULL,
    present INTEGER NOT NULL CHECK (present IN (0, 1)),
    model_id TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (source_type, source_id, label)
);

CREATE TABLE safety_plan (
    step TEXT PRIMARY KEY CHECK (step IN ('warning_signs', 'coping_strategies', 'distractions',
        'people_to_ask', 'professionals', 'safe_environment', 'reasons_for_living')),
    items TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT NOT NULL
);

-- Derived data goes with its source: deleting an entry or check-in deletes its analyses.
CREATE TRIGGER text_analyses_journal_ad AFTER DELETE ON journal_entries BEGIN
    DELETE FROM text_analyses WHERE source_type = 'journal' AND source_id = old.id;
    DELETE FROM emotion_corrections WHERE source_type = 'journal' AND source_id = old.id;
END;

CREATE TRIGGER text_analyses_mood_ad AFTER DELETE ON mood_checkins BEGIN
    DELETE FROM text_analyses WHERE source_type = 'mood' AND source_id = old.id;
    DELETE FROM emotion_corrections WHERE source_type = 'mood' AND source_id = old.id;
END;
