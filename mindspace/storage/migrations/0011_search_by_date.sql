-- Newest-first search and listing without sorting: every entry gets an order key that sorts
-- newest first (minus: seconds since 1970 times 2^30 plus its sequence number, which keeps
-- keys unique), and the full-text index uses that key as its rowid. FTS5 streams matches in
-- ascending rowid order, prefix queries included (backwards it would first merge every
-- matching word's list), so a query for the newest 100 matches stops after 100 instead of
-- sorting every match, and the journal list pages through the key's index. SQLite computes
-- the key itself, so every way of writing an entry keeps it right; a new date moves it.
ALTER TABLE journal_entries ADD COLUMN order_key INTEGER
    GENERATED ALWAYS AS (-(unixepoch(entry_at) * 1073741824 + seq)) VIRTUAL;
CREATE UNIQUE INDEX journal_entries_order ON journal_entries(order_key);

DROP TRIGGER journal_fts_ai;
DROP TRIGGER journal_fts_ad;
DROP TRIGGER journal_fts_au;
DROP TABLE journal_fts;

CREATE VIRTUAL TABLE journal_fts USING fts5(
    title, body,
    content='journal_entries', content_rowid='order_key',
    tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER journal_fts_ai AFTER INSERT ON journal_entries BEGIN
    INSERT INTO journal_fts(rowid, title, body) VALUES (new.order_key, new.title, new.body);
END;

CREATE TRIGGER journal_fts_ad AFTER DELETE ON journal_entries BEGIN
    INSERT INTO journal_fts(journal_fts, rowid, title, body)
        VALUES ('delete', old.order_key, old.title, old.body);
END;

CREATE TRIGGER journal_fts_au AFTER UPDATE OF title, body, entry_at ON journal_entries BEGIN
    INSERT INTO journal_fts(journal_fts, rowid, title, body)
        VALUES ('delete', old.order_key, old.title, old.body);
    INSERT INTO journal_fts(rowid, title, body) VALUES (new.order_key, new.title, new.body);
END;

INSERT INTO journal_fts(journal_fts) VALUES ('rebuild');
