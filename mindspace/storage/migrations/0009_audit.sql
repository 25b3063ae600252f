-- Schema 9: the audit log (append-only, hash-chained), and studies as a sharing role.

-- One row per export, import, sync, contact or key change, passphrase change and model change.
-- `hash` = sha256 of the canonical JSON of (seq, time, kind, detail, prev_hash); see
-- mindspace/core/audit.py. `detail` is a short line that never quotes journal text.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY CHECK (seq >= 1),
    time TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
    detail TEXT NOT NULL CHECK (length(detail) <= 240),
    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
);
CREATE INDEX audit_log_kind ON audit_log(kind, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be deleted');
END;

-- A research study is a sharing identity of its own: allow the role 'study'.
CREATE TABLE share_identity_new (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    display_name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'patient' CHECK (role IN ('patient', 'therapist', 'study')),
    sign_public BLOB NOT NULL,
    enc_public BLOB NOT NULL,
    sealed_private BLOB NOT NULL,
    device_id TEXT NOT NULL,
    created_at TEXT NOT NULL
);
INSERT INTO share_identity_new SELECT id, display_name, role, sign_public, enc_public,
    sealed_private, device_id, created_at FROM share_identity;
DROP TABLE share_identity;
ALTER TABLE share_identity_new RENAME TO share_identity;
