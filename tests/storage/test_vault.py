from __future__ import annotations

from pathlib import Path

import pytest

from mindspace.app import AppServices
from mindspace.storage.errors import (
    ThrottledError,
    VaultExistsError,
    VaultLockedError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from tests.conftest import PASSPHRASE as PW


def test_create_lock_unlock_keeps_data(tmp_path: Path) -> None:
    svc = AppServices(tmp_path)
    code = svc.create_vault(PW)
    entry = svc.journal.add("Hello", "first words", tags=["a"])
    svc.lock()
    with pytest.raises(VaultLockedError):
        svc.journal.list()
    svc.unlock(PW)
    assert svc.journal.get(entry.id).body == "first words"
    svc.lock()
    svc.unlock_with_recovery(code)
    assert svc.journal.count() == 1
    svc.close()


def test_weak_passphrase_refused(tmp_path: Path) -> None:
    svc = AppServices(tmp_path)
    with pytest.raises(WeakPassphraseError):
        svc.create_vault("password1")
    assert not svc.vault_exists()


def test_second_create_refused(open_services: AppServices) -> None:
    with pytest.raises(VaultExistsError):
        open_services.vault.create(PW)


def test_wrong_passphrase_touches_nothing_and_throttles(tmp_path: Path) -> None:
    svc = AppServices(tmp_path)
    svc.create_vault(PW)
    svc.journal.add("t", "b")
    svc.lock()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    for _ in range(3):
        with pytest.raises(WrongPassphraseError):
            svc.unlock("not the passphrase")
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert {k: v for k, v in after.items() if k != "unlock-throttle.json"} == before
    assert svc.throttle_remaining() > 0
    with pytest.raises(ThrottledError):
        svc.unlock(PW)
    svc.vault.throttle.reset()
    svc.unlock(PW)
    assert svc.journal.count() == 1
    assert svc.throttle_remaining() == 0
    svc.close()


def test_throttle_delay_grows() -> None:
    from mindspace.storage.throttle import delay_for

    delays = [delay_for(n) for n in range(0, 10)]
    assert delays[:3] == [0, 0, 0]
    assert all(b >= a for a, b in zip(delays, delays[1:], strict=False))
    assert delays[-1] > delays[3] > 0


def test_change_passphrase_rewraps_without_reencrypting(tmp_path: Path) -> None:
    svc = AppServices(tmp_path)
    old_code = svc.create_vault(PW)
    svc.journal.add("keep", "me")
    svc.lock()
    db_before = (tmp_path / "vault.db").read_bytes()
    new_code = svc.change_passphrase(PW, "a different long passphrase 77")
    # not re-encrypted: the same salt and pages; only the audit log's new row was written
    db_after = (tmp_path / "vault.db").read_bytes()
    assert db_after[:16] == db_before[:16]
    page = 4096
    changed = sum(
        db_after[i : i + page] != db_before[i : i + page] for i in range(0, len(db_before), page)
    )
    assert changed <= 4 < len(db_before) // page
    with pytest.raises(WrongPassphraseError):
        svc.unlock(PW)
    svc.vault.throttle.reset()
    with pytest.raises(WrongPassphraseError):
        svc.unlock_with_recovery(old_code)
    svc.vault.throttle.reset()
    svc.unlock_with_recovery(new_code)
    svc.lock()
    svc.unlock("a different long passphrase 77")
    assert svc.journal.list()[0].title == "keep"
    svc.close()


def test_change_passphrase_with_wrong_old_fails(open_services: AppServices) -> None:
    with pytest.raises(WrongPassphraseError):
        open_services.change_passphrase("wrong old passphrase", "another good passphrase 99")


def test_database_file_is_encrypted(open_services: AppServices) -> None:
    open_services.journal.add("secret title", "secret body")
    open_services.lock()
    for path in open_services.data_dir.iterdir():
        data = path.read_bytes()
        assert b"SQLite format 3" not in data
        assert b"secret" not in data


def test_lock_checkpoints_wal(open_services: AppServices) -> None:
    open_services.journal.add("t", "b")
    open_services.lock()
    wal = open_services.data_dir / "vault.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def test_reset_passphrase_with_recovery_code(tmp_path: Path) -> None:
    svc = AppServices(tmp_path)
    code = svc.create_vault(PW)
    svc.lock()
    with pytest.raises(WrongPassphraseError):
        svc.reset_passphrase(
            code[:-1] + ("0" if code[-1] != "0" else "1"), "new good passphrase 11"
        )
    with pytest.raises(WeakPassphraseError):
        svc.reset_passphrase(code, "short")
    new_code = svc.reset_passphrase(code, "new good passphrase 11")
    assert new_code != code
    svc.unlock("new good passphrase 11")
    svc.close()
