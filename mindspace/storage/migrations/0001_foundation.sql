-- Schema 1: journal, tags, full-text search, mood check-ins, editable vocabularies, settings.
CREATE TABLE journal_entries (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    body_format TEXT NOT NULL DEFAULT 'markdown',
    entry_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX journal_entries_entry_at ON journal_entries(entry_at);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE entry_tags (
    entry_seq INTEGER NOT NULL REFERENCES journal_entries(seq) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (entry_seq, tag_id)
);
CREATE INDEX entry_tags_tag ON entry_tags(tag_id);

CREATE VIRTUAL TABLE journal_fts USING fts5(
    title, body,
    content='journal_entries', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2'
);

CREATE TRIGGER journal_fts_ai AFTER INSERT ON journal_entries BEGIN
    INSERT INTO journal_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

CREATE TRIGGER journal_fts_ad AFTER DELETE ON journal_entries BEGIN
    INSERT INTO journal_fts(journal_fts, rowid, title, body)
        VALUES ('delete', old.seq, old.title, old.body);
END;

CREATE TRIGGER journal_fts_au AFTER UPDATE ON journal_entries BEGIN
    INSERT INTO journal_fts(journal_fts, rowid, title, body)
        VALUES ('delete', old.seq, old.title, old.body);
    INSERT INTO journal_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

CREATE TABLE mood_checkins (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    checkin_at TEXT NOT NULL,
    mood INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5),
    energy INTEGER CHECK (energy IS NULL OR energy BETWEEN 1 AND 5),
    emotions TEXT NOT NULL DEFAULT '[]',
    activities TEXT NOT NULL DEFAULT '[]',
    sleep_hours REAL CHECK (sleep_hours IS NULL OR (sleep_hours >= 0 AND sleep_hours <= 24)),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX mood_checkins_at ON mood_checkins(checkin_at);

CREATE TABLE vocabulary (
    kind TEXT NOT NULL CHECK (kind IN ('emotion', 'activity')),
    name TEXT NOT NULL COLLATE NOCASE,
    position INTEGER NOT NULL,
    PRIMARY KEY (kind, name)
);

INSERT INTO vocabulary(kind, name, position) VALUES
    ('emotion', 'calm', 1), ('emotion', 'happy', 2), ('emotion', 'grateful', 3),
    ('emotion', 'hopeful', 4), ('emotion', 'anxious', 5), ('emotion', 'sad', 6),
    ('emotion', 'angry', 7), ('emotion', 'lonely', 8), ('emotion', 'tired', 9),
    ('emotion', 'stressed', 10), ('emotion', 'excited', 11), ('emotion', 'content', 12),
    ('activity', 'work', 1), ('activity', 'exercise', 2), ('activity', 'walk', 3),
    ('activity', 'friends', 4), ('activity', 'family', 5), ('activity', 'reading', 6),
    ('activity', 'music', 7), ('activity', 'nature', 8), ('activity', 'cooking', 9),
    ('activity', 'screen time', 10), ('activity', 'meditation', 11), ('activity', 'study', 12);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
