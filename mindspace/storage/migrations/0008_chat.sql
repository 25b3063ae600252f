-- Companion chat: conversations (with the state of a running exercise, so a conversation can be
-- resumed), their messages, and finished exercises (a thought record keeps its before/after
-- ratings for insights). Deleting a conversation deletes its messages; finished exercises stay
-- (their ratings feed insights) but lose the link. All of it lives in the encrypted vault.
CREATE TABLE chat_conversations (
    id          TEXT PRIMARY KEY,
    started_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX chat_conversations_updated ON chat_conversations(updated_at);

CREATE TABLE chat_messages (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id  TEXT NOT NULL REFERENCES chat_conversations(id) ON DELETE CASCADE,
    role             TEXT NOT NULL CHECK (role IN ('user', 'companion')),
    text             TEXT NOT NULL,
    at               TEXT NOT NULL,
    route            TEXT CHECK (route IS NULL OR route IN ('crisis', 'refuse', 'exercise', 'support')),
    exercise         TEXT,
    step             INTEGER,
    crisis_level     TEXT CHECK (crisis_level IS NULL OR crisis_level IN ('none', 'concern', 'urgent')),
    sources          TEXT NOT NULL DEFAULT '[]',
    why              TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX chat_messages_conversation ON chat_messages(conversation_id, seq);

CREATE TABLE chat_exercise_results (
    id               TEXT PRIMARY KEY,
    conversation_id  TEXT REFERENCES chat_conversations(id) ON DELETE SET NULL,
    exercise         TEXT NOT NULL,
    title            TEXT NOT NULL,
    answers          TEXT NOT NULL,
    finished_at      TEXT NOT NULL,
    emotion          TEXT,
    rating_before    INTEGER CHECK (rating_before IS NULL OR rating_before BETWEEN 0 AND 100),
    rating_after     INTEGER CHECK (rating_after IS NULL OR rating_after BETWEEN 0 AND 100),
    journal_entry_id TEXT
);
CREATE INDEX chat_exercise_results_finished ON chat_exercise_results(exercise, finished_at);
