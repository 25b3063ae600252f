"""The vault: a data folder holding `keyfile.json` and the SQLCipher database `vault.db`.

Thread contract: `create`, `open`, `open_with_recovery` and `change_passphrase` run Argon2id and
take ~0.5-1 s; call them off the GUI thread. Once open, all SQL goes through `vault.db`
(a `DbExecutor`). `lock()` checkpoints and closes the database and drops the keys.
"""

from __future__ import annotations

import json
import os
import secrets
import time
from pathlib import Path

from mindspace.storage import keys
from mindspace.storage.database import DbExecutor
from mindspace.storage.errors import (
    KeyFileError,
    ThrottledError,
    VaultError,
    VaultExistsError,
    VaultLockedError,
    VaultNotFoundError,
    WrongPassphraseError,
)

KEYFILE = "keyfile.json"
DATABASE = "vault.db"
THROTTLE = "unlock-throttle.json"
FREE_ATTEMPTS = 3
MAX_DELAY_S = 60.0


class UnlockThrottle:
    """Growing delay after repeated wrong passphrases (persisted; holds no secrets)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> tuple[int, float]:
        try:
            obj = json.loads(self.path.read_text(encoding="utf-8"))
            return int(obj["failures"]), float(obj["last_failure"])
        except (OSError, ValueError, KeyError, TypeError):
            return 0, 0.0

    def failures(self) -> int:
        return self._read()[0]

    def delay_for(self, failures: int) -> float:
        if failures < FREE_ATTEMPTS:
            return 0.0
        return float(min(MAX_DELAY_S, 2 ** (failures - FREE_ATTEMPTS)))

    def remaining(self) -> float:
        failures, last = self._read()
        return max(0.0, last + self.delay_for(failures) - time.time())

    def record_failure(self) -> None:
        failures, _ = self._read()
        self.path.write_text(
            json.dumps({"failures": failures + 1, "last_failure": time.time()}), encoding="utf-8"
        )

    def reset(self) -> None:
        self.path.unlink(missing_ok=True)


class Vault:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.keyfile_path = data_dir / KEYFILE
        self.db_path = data_dir / DATABASE
        self.throttle = UnlockThrottle(data_dir / THROTTLE)
        self._db: DbExecutor | None = None
        self._drk: bytearray | None = None

    # ---- state ----------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.keyfile_path.exists()

    @property
    def is_open(self) -> bool:
        return self._db is not None

    @property
    def db(self) -> DbExecutor:
        if self._db is None:
            raise VaultLockedError()
        return self._db

    def derive_key(self, purpose: str, length: int = 32) -> bytes:
        """A subkey of the data root key for one purpose (e.g. 'blob-wrap', 'identity')."""
        if self._drk is None:
            raise VaultLockedError()
        return keys.derive_subkey(bytes(self._drk), purpose, length)

    # ---- lifecycle ------------------------------------------------------------------------
    def create(self, passphrase: str) -> str:
        """Create a new vault; returns the recovery code (shown to the user once)."""
        if self.exists():
            raise VaultExistsError(f"a vault already exists in {self.data_dir}")
        if self.db_path.exists():
            raise VaultError(f"{self.db_path} exists without a key file; refusing to overwrite it")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.data_dir, 0o700)
        drk = secrets.token_bytes(32)
        vault_id = secrets.token_hex(16)
        kdf = keys.calibrate()
        recovery_code = keys.new_recovery_code()
        pw_wrap = keys.wrap_key(
            drk, keys.normalise_passphrase(passphrase), vault_id, "passphrase", kdf
        )
        rec_kdf = keys.KdfParams(kdf.memory_kib, kdf.iterations, kdf.lanes, secrets.token_bytes(16))
        rec_wrap = keys.wrap_key(
            drk, keys.parse_recovery_code(recovery_code), vault_id, "recovery", rec_kdf
        )
        try:
            self._open_db(drk)
        except BaseException:
            self.db_path.unlink(missing_ok=True)
            raise
        keys.KeyFile(vault_id, pw_wrap, rec_wrap).save(self.keyfile_path)
        return recovery_code

    def open(self, passphrase: str) -> None:
        self._unlock(keys.normalise_passphrase(passphrase), "passphrase")

    def open_with_recovery(self, code: str) -> None:
        try:
            secret = keys.parse_recovery_code(code)
        except WrongPassphraseError:
            self.throttle.record_failure()
            raise
        self._unlock(secret, "recovery")

    def _unlock(self, secret: bytes, purpose: str) -> None:
        if self.is_open:
            return
        if not self.exists():
            raise VaultNotFoundError(f"no vault found in {self.data_dir}")
        wait = self.throttle.remaining()
        if wait > 0:
            raise ThrottledError(wait)
        keyfile = keys.KeyFile.load(self.keyfile_path)
        wrap = keyfile.passphrase_wrap if purpose == "passphrase" else keyfile.recovery_wrap
        try:
            drk = keys.unwrap_key(wrap, secret, keyfile.vault_id, purpose)
        except WrongPassphraseError:
            self.throttle.record_failure()
            if purpose == "recovery":
                raise WrongPassphraseError(
                    "wrong recovery code: the vault was not opened"
                ) from None
            raise
        self.throttle.reset()
        self._open_db(drk)

    def _open_db(self, drk: bytes) -> None:
        self._db = DbExecutor(self.db_path, keys.derive_subkey(drk, "sqlcipher"))
        self._drk = bytearray(drk)

    def change_passphrase(self, old: str, new: str) -> str:
        """Re-wrap the data root key under `new`; returns a fresh recovery code.

        The database is not re-encrypted. The old passphrase must be right even when open.
        """
        keyfile = keys.KeyFile.load(self.keyfile_path)
        drk = keys.unwrap_key(
            keyfile.passphrase_wrap, keys.normalise_passphrase(old), keyfile.vault_id, "passphrase"
        )
        return self._rewrap(keyfile, drk, new)

    def reset_passphrase(self, recovery_code: str, new: str) -> str:
        """Set a new passphrase with the recovery code; returns a fresh recovery code."""
        keyfile = keys.KeyFile.load(self.keyfile_path)
        try:
            drk = keys.unwrap_key(
                keyfile.recovery_wrap,
                keys.parse_recovery_code(recovery_code),
                keyfile.vault_id,
                "recovery",
            )
        except WrongPassphraseError:
            raise WrongPassphraseError(
                "wrong recovery code: the passphrase was not changed"
            ) from None
        return self._rewrap(keyfile, drk, new)

    def _rewrap(self, keyfile: keys.KeyFile, drk: bytes, new: str) -> str:
        if self._drk is not None and bytes(self._drk) != drk:
            raise KeyFileError("the key file does not belong to the open vault")
        old_kdf = keyfile.passphrase_wrap.kdf

        def fresh() -> keys.KdfParams:
            return keys.KdfParams(
                old_kdf.memory_kib, old_kdf.iterations, old_kdf.lanes, secrets.token_bytes(16)
            )

        code = keys.new_recovery_code()
        vid = keyfile.vault_id
        keys.KeyFile(
            vid,
            keys.wrap_key(drk, keys.normalise_passphrase(new), vid, "passphrase", fresh()),
            keys.wrap_key(drk, keys.parse_recovery_code(code), vid, "recovery", fresh()),
        ).save(self.keyfile_path)
        return code

    def kdf_parameters(self) -> dict[str, int]:
        return keys.kdf_summary(keys.KeyFile.load(self.keyfile_path).passphrase_wrap.kdf)

    def lock(self) -> None:
        """Checkpoint and close the database, then forget the keys."""
        db, self._db = self._db, None
        try:
            if db is not None:
                db.close()
        finally:
            if self._drk is not None:
                for i in range(len(self._drk)):
                    self._drk[i] = 0
            self._drk = None
