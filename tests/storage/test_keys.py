from __future__ import annotations

import json
from pathlib import Path

import pytest

from mindspace.storage import keys
from mindspace.storage.errors import KeyFileError, WrongPassphraseError


def test_recovery_code_round_trip_and_typo_detection() -> None:
    code = keys.new_recovery_code()
    groups = code.split("-")
    assert len(groups) == 6 and all(len(g) == 5 for g in groups)
    secret = keys.parse_recovery_code(code)
    assert len(secret) == 16
    # tolerant of case, spaces and look-alike letters
    assert keys.parse_recovery_code(code.lower().replace("-", " ")) == secret
    typo = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(WrongPassphraseError, match="typo"):
        keys.parse_recovery_code(typo)
    with pytest.raises(WrongPassphraseError, match="not a recovery code"):
        keys.parse_recovery_code("hello")


def test_kdf_floor_is_enforced() -> None:
    weak = keys.KdfParams(memory_kib=1024, iterations=1, lanes=1, salt=b"s" * 16)
    with pytest.raises(KeyFileError, match="below the safety floor"):
        weak.derive(b"x")


def test_standard_parameters_are_fixed_and_above_the_floor(monkeypatch) -> None:
    """The app's settings do not depend on the machine's load: the same every time."""
    monkeypatch.setenv("MINDSPACE_KDF_CALIBRATE", "1")
    first, second = keys.standard_params(), keys.standard_params()
    assert (first.memory_kib, first.iterations, first.lanes) == (128 * 1024, 3, 4)
    assert (second.memory_kib, second.iterations) == (first.memory_kib, first.iterations)
    assert first.salt != second.salt
    assert first.memory_kib >= keys.MIN_MEMORY_KIB and first.iterations >= keys.MIN_ITERATIONS


def test_a_passphrase_change_upgrades_older_settings(tmp_path: Path, monkeypatch) -> None:
    from mindspace.storage.vault import Vault

    vault = Vault(tmp_path / "v")
    vault.create("correct horse battery staple 42")  # the floor (MINDSPACE_KDF_CALIBRATE=0)
    vault.lock()
    assert keys.KeyFile.load(vault.keyfile_path).passphrase_wrap.kdf.memory_kib == (
        keys.MIN_MEMORY_KIB
    )
    monkeypatch.setenv("MINDSPACE_KDF_CALIBRATE", "1")
    vault.change_passphrase("correct horse battery staple 42", "a different long passphrase 77")
    upgraded = keys.KeyFile.load(vault.keyfile_path)
    assert upgraded.passphrase_wrap.kdf.memory_kib == keys.STANDARD_MEMORY_KIB
    assert upgraded.recovery_wrap.kdf.memory_kib == keys.STANDARD_MEMORY_KIB
    vault.open("a different long passphrase 77")
    vault.lock()


def _wrap(tmp_path: Path) -> tuple[Path, bytes]:
    drk = b"k" * 32
    kdf = keys.KdfParams(keys.MIN_MEMORY_KIB, 3, 4, b"0123456789abcdef")
    code = keys.new_recovery_code()
    keyfile = keys.KeyFile(
        "vault1",
        keys.wrap_key(drk, b"pw", "vault1", "passphrase", kdf),
        keys.wrap_key(drk, keys.parse_recovery_code(code), "vault1", "recovery", kdf),
    )
    path = tmp_path / "keyfile.json"
    keyfile.save(path)
    return path, drk


def test_kdf_parameters_are_authenticated(tmp_path: Path) -> None:
    path, drk = _wrap(tmp_path)
    loaded = keys.KeyFile.load(path)
    assert keys.unwrap_key(loaded.passphrase_wrap, b"pw", "vault1", "passphrase") == drk
    # raising the memory (still above the floor) must break the authenticated wrap
    data = json.loads(path.read_text())
    data["passphrase"]["kdf"]["memory_kib"] = keys.MIN_MEMORY_KIB * 2
    path.write_text(json.dumps(data))
    tampered = keys.KeyFile.load(path)
    with pytest.raises(WrongPassphraseError):
        keys.unwrap_key(tampered.passphrase_wrap, b"pw", "vault1", "passphrase")


def test_downgraded_kdf_is_refused_before_derivation(tmp_path: Path) -> None:
    path, _ = _wrap(tmp_path)
    data = json.loads(path.read_text())
    data["passphrase"]["kdf"]["memory_kib"] = 8
    path.write_text(json.dumps(data))
    with pytest.raises(KeyFileError, match="safety floor"):
        keys.unwrap_key(keys.KeyFile.load(path).passphrase_wrap, b"pw", "vault1", "passphrase")


@pytest.mark.parametrize("content", [b"", b"{", b"[]", b'{"format": "other"}'])
def test_damaged_key_file_gives_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "keyfile.json"
    path.write_bytes(content)
    with pytest.raises(KeyFileError):
        keys.KeyFile.load(path)
