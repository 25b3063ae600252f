"""Write a small fixture vault at one schema version: `tests/fixtures/vault-v<N>/`.

Usage: python scripts/make_fixture_vault.py N   (passphrase: see tests/fixtures/README.md)
Each fixture holds sample rows written with the schema of its version, so the migration tests
can open it with the current app and check that nothing was lost.
"""

from __future__ import annotations

import secrets
import shutil
import sys
from pathlib import Path

from mindspace.storage import keys
from mindspace.storage.database import _open_connection
from mindspace.storage.migrations import latest_version, migrate

PASSPHRASE = "fixture passphrase for tests 1"
RECOVERY_CODE_FILE = "recovery-code.txt"

SAMPLES: dict[int, list[str]] = {
    1: [
        "INSERT INTO journal_entries(id, title, body, entry_at, created_at, updated_at) VALUES"
        " ('fixture-entry-1', 'Fixture title', 'Fixture body about the seaside',"
        " '2026-01-02T09:00:00', '2026-01-02T09:00:00', '2026-01-02T09:00:00')",
        "INSERT INTO tags(name) VALUES ('fixture')",
        "INSERT INTO entry_tags(entry_seq, tag_id) VALUES (1, 1)",
        "INSERT INTO mood_checkins(id, checkin_at, mood, energy, emotions, activities,"
        " sleep_hours, note, created_at, updated_at) VALUES ('fixture-mood-1',"
        " '2026-01-02T10:00:00', 4, 3, '[\"calm\"]', '[\"walk\"]', 7.5, 'fixture note',"
        " '2026-01-02T10:00:00', '2026-01-02T10:00:00')",
    ],
    3: [
        "INSERT INTO voice_checkins(id, recorded_at, duration_s, transcript, created_at,"
        " updated_at) VALUES ('fixture-voice-1', '2026-01-03T09:00:00', 4.0,"
        " 'fixture transcript', '2026-01-03T09:00:00', '2026-01-03T09:00:00')",
        "INSERT INTO recommendation_feedback(checkin_id, recommendation, helped, rated_at)"
        " VALUES ('fixture-voice-1', 'walk', 1, '2026-01-03T09:05:00')",
    ],
    4: [
        "INSERT INTO share_contacts(id, display_name, sign_public, enc_public, verified,"
        " added_at, updated_at) VALUES ('fixture-contact', 'Fixture Therapist', zeroblob(32),"
        " zeroblob(32), 1, '2026-01-02T09:00:00', '2026-01-02T09:00:00')",
    ],
    5: [
        "INSERT INTO share_sync_retry(name, attempts, first_failed_at, last_failed_at,"
        " next_try_at, last_error) VALUES ('fixture.msenv', 1, '2026-01-04T09:00:00+00:00',"
        " '2026-01-04T09:00:00+00:00', '2026-01-04T09:00:00+00:00', 'corrupted: fixture')",
        "INSERT INTO share_sync_alarms(device_id, contact_id, seq, detail, raised_at, kind)"
        " VALUES ('', 'fixture-contact', 0, 'fixture alarm', '2026-01-04T09:00:00+00:00',"
        " 'unreadable')",
    ],
}


def make(version: int, root: Path) -> Path:
    if not 1 <= version <= latest_version():
        raise SystemExit(f"schema version must be 1..{latest_version()}")
    out = root / f"vault-v{version}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    drk = secrets.token_bytes(32)
    vault_id = secrets.token_hex(16)
    kdf = keys.KdfParams(keys.MIN_MEMORY_KIB, keys.MIN_ITERATIONS, 4, secrets.token_bytes(16))
    code = keys.new_recovery_code()
    conn = _open_connection(out / "vault.db", keys.derive_subkey(drk, "sqlcipher"))
    try:
        for step in range(1, version + 1):
            migrate(conn, target=step)
            for sql in SAMPLES.get(step, []):
                conn.execute(sql)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    rec_kdf = keys.KdfParams(kdf.memory_kib, kdf.iterations, kdf.lanes, secrets.token_bytes(16))
    keys.KeyFile(
        vault_id,
        keys.wrap_key(drk, keys.normalise_passphrase(PASSPHRASE), vault_id, "passphrase", kdf),
        keys.wrap_key(drk, keys.parse_recovery_code(code), vault_id, "recovery", rec_kdf),
    ).save(out / "keyfile.json")
    (out / RECOVERY_CODE_FILE).write_text(code + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    target = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
    for arg in sys.argv[1:] or [str(latest_version())]:
        print(make(int(arg), target))
