-- Schema 10: what was brought in from other apps. One row per imported record, keyed by a
-- stable hash of the source row, so importing the same export twice adds nothing the second
-- time. The key stays when the record is deleted later: a deleted import is not brought back.
CREATE TABLE data_imports (
    seq INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    import_key TEXT NOT NULL,
    record_type TEXT NOT NULL CHECK (record_type IN ('mood', 'journal')),
    record_id TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (source, import_key, record_type)
);
