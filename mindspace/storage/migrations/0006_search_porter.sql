-- Journal search matches word forms ("walks", "walking" find "walk"): the full-text index is
-- rebuilt with the Porter stemmer in front of the same Unicode tokenizer. The index holds no
-- data of its own (content='journal_entries'); 'rebuild' fills it again from the entries, and
-- the triggers of 0001 keep writing to it under the same name.
DROP TABLE journal_fts;

CREATE VIRTUAL TABLE journal_fts USING fts5(
    title, body,
    content='journal_entries', content_rowid='seq',
    tokenize='porter unicode61 remove_diacritics 2'
);

INSERT INTO journal_fts(journal_fts) VALUES ('rebuild');
