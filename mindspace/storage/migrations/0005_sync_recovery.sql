-- Schema 5: relay sync recovery: unreadable relay files are retried (with back-off) instead of
-- being skipped for good, alarms say what kind they are and what they refer to, and a restored
-- vault can restart its chain with a signed, accepted step.

-- Relay file names whose last read failed (corrupted, truncated, bad signature...). Retried on
-- later syncs: at once for the first attempts, then with back-off; an alarm after the limit.
CREATE TABLE share_sync_retry (
    name TEXT PRIMARY KEY,
    attempts INTEGER NOT NULL,
    first_failed_at TEXT NOT NULL,
    last_failed_at TEXT NOT NULL,
    next_try_at TEXT NOT NULL,
    last_error TEXT NOT NULL
);

-- kind: fork | unreadable | restart (a restored device asks to continue) | mismatch (an
-- acknowledgement names envelopes this vault does not know). For restart: the envelope's
-- relay name, seq and manifest hash and the device it replaces, so accepting needs no re-read.
ALTER TABLE share_sync_alarms ADD COLUMN kind TEXT NOT NULL DEFAULT 'fork';
ALTER TABLE share_sync_alarms ADD COLUMN name TEXT;
ALTER TABLE share_sync_alarms ADD COLUMN manifest_hash TEXT;
ALTER TABLE share_sync_alarms ADD COLUMN old_device_id TEXT;
ALTER TABLE share_sync_alarms ADD COLUMN resolution TEXT;

-- A sending device replaced by an accepted restart: its later envelopes raise fork alarms.
ALTER TABLE share_sync_chains ADD COLUMN retired_at TEXT;
