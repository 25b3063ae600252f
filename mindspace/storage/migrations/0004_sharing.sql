-- Schema 4: sharing with a therapist (identity, contacts, bundles, clinician inbox, relay sync).

-- This installation's identity. Private keys are sealed (AEAD) with a vault subkey and live only
-- inside the encrypted database.
CREATE TABLE share_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    display_name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'patient' CHECK (role IN ('patient', 'therapist')),
    sign_public BLOB NOT NULL,
    enc_public BLOB NOT NULL,
    sealed_private BLOB NOT NULL,
    device_id TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE share_contacts (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'contact',
    sign_public BLOB NOT NULL UNIQUE,
    enc_public BLOB NOT NULL,
    verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
    verified_at TEXT,
    key_state TEXT NOT NULL DEFAULT 'ok' CHECK (key_state IN ('ok', 'changed')),
    previous_sign_public BLOB,
    previous_enc_public BLOB,
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Bundles this vault imported (file or relay); bundle_id makes a second import a replay.
CREATE TABLE share_received_bundles (
    bundle_id TEXT PRIMARY KEY,
    contact_id TEXT NOT NULL REFERENCES share_contacts(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('file', 'relay')),
    item_count INTEGER NOT NULL,
    manifest TEXT NOT NULL
);
CREATE INDEX share_received_bundles_contact ON share_received_bundles(contact_id, received_at);

-- Clinician-side copy of what a patient shared: the newest revision of each item.
CREATE TABLE share_received_items (
    contact_id TEXT NOT NULL REFERENCES share_contacts(id) ON DELETE CASCADE,
    item_type TEXT NOT NULL,
    item_id TEXT NOT NULL,
    revision TEXT NOT NULL,
    bundle_id TEXT NOT NULL REFERENCES share_received_bundles(bundle_id) ON DELETE CASCADE,
    received_at TEXT NOT NULL,
    item_date TEXT,
    data BLOB NOT NULL,
    PRIMARY KEY (contact_id, item_type, item_id)
);
CREATE INDEX share_received_items_date ON share_received_items(contact_id, item_type, item_date);

-- Bundles this vault wrote (what was shared with whom, not the content).
CREATE TABLE share_sent_bundles (
    bundle_id TEXT PRIMARY KEY,
    contact_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    item_count INTEGER NOT NULL,
    size INTEGER NOT NULL,
    via TEXT NOT NULL CHECK (via IN ('file', 'relay'))
);

-- Sender side of relay sync: one hash chain per recipient contact.
CREATE TABLE share_sync_outbox (
    contact_id TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    name TEXT NOT NULL UNIQUE,
    manifest_hash TEXT NOT NULL,
    envelope BLOB,
    created_at TEXT NOT NULL,
    uploaded_at TEXT,
    acked_at TEXT,
    deleted_at TEXT,
    PRIMARY KEY (contact_id, seq)
);

-- Receiver side: per sending device, the highest accepted sequence number and its hash.
CREATE TABLE share_sync_chains (
    device_id TEXT PRIMARY KEY,
    contact_id TEXT NOT NULL,
    last_seq INTEGER NOT NULL,
    last_hash TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Every accepted envelope hash, to tell a replay (same hash) from a fork (different hash).
CREATE TABLE share_sync_log (
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    manifest_hash TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
);

-- Relay file names already handled (imported, acknowledged or not addressed to this vault).
CREATE TABLE share_sync_seen (
    name TEXT PRIMARY KEY,
    outcome TEXT NOT NULL,
    seen_at TEXT NOT NULL
);

CREATE TABLE share_sync_alarms (
    id INTEGER PRIMARY KEY,
    device_id TEXT NOT NULL,
    contact_id TEXT,
    seq INTEGER NOT NULL,
    detail TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    dismissed_at TEXT
);
