from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mindspace.app import AppServices
from mindspace.storage.errors import VaultError
from mindspace.storage.migrations import available, latest_version, migrate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# the committed fixture vaults in tests/fixtures were made with this passphrase (see their README)
FIXTURE_PASSPHRASE = "fixture passphrase for tests 1"


def fixture_versions() -> list[int]:
    return sorted(int(p.name.split("-v")[1]) for p in FIXTURES.glob("vault-v*"))


def test_migrations_are_numbered_without_gaps() -> None:
    versions = [v for v, _, _ in available()]
    assert versions == list(range(1, latest_version() + 1))


def test_there_is_a_fixture_for_every_schema_version() -> None:
    assert fixture_versions() == list(range(1, latest_version() + 1))


@pytest.mark.parametrize("version", fixture_versions())
def test_fixture_vault_migrates_to_latest_and_keeps_data(tmp_path: Path, version: int) -> None:
    data = tmp_path / "vault"
    shutil.copytree(FIXTURES / f"vault-v{version}", data)
    svc = AppServices(data)
    svc.unlock(FIXTURE_PASSPHRASE)
    assert svc.vault.db.run(lambda c: c.execute("PRAGMA user_version").fetchone()[0]) == (
        latest_version()
    )
    entry = svc.journal.get("fixture-entry-1")
    assert entry.title == "Fixture title" and entry.tags == ["fixture"]
    assert [h.entry_id for h in svc.journal.search("seaside")] == ["fixture-entry-1"]
    # the search index was rebuilt with the stemmer (schema 6): other word forms find it too
    assert [h.entry_id for h in svc.journal.search("seasides")] == ["fixture-entry-1"]
    assert svc.mood.get("fixture-mood-1").note == "fixture note"
    if version >= 3:
        rows = svc.vault.db.run(
            lambda c: c.execute(
                "SELECT v.transcript, f.recommendation FROM voice_checkins v"
                " JOIN recommendation_feedback f ON f.checkin_id = v.id"
            ).fetchall()
        )
        assert rows == [("fixture transcript", "walk")]
    if version >= 4:
        names = svc.vault.db.run(
            lambda c: c.execute("SELECT display_name FROM share_contacts").fetchall()
        )
        assert names == [("Fixture Therapist",)]
    svc.journal.add("after migration", "still writable")
    svc.lock()
    code = (data / "recovery-code.txt").read_text().strip()
    svc.unlock_with_recovery(code)
    assert svc.journal.count() == 2
    svc.close()


def test_a_newer_vault_is_refused(tmp_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(tmp_path / "plain.db", isolation_level=None)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    with pytest.raises(VaultError, match="newer MindSpace"):
        migrate(conn)
    conn.close()
