"""The vault: a data folder holding `keyfile.json` and the SQLCipher database `vault.db`.

Thread contract: `create`, `open`, `open_with_recovery` and `change_passphrase` run Argon2id and
take ~0.5-1 s; call them off the GUI thread. Once open, all SQL goes through `vault.db`
(a `DbExecutor`). `lock()` checkpoints and closes the database and drops the keys.

* Every check of a secret goes through the one `UnlockThrottle` (see `throttle.py`).
* Creation is atomic: the database and the key file are written under `.new` names, then
  renamed (database first, key file last: the key file's rename is the commit). An interrupted
  creation is finished or rolled back the next time the folder is looked at.
* Files are 0600 and the folder 0700. On a read-only folder the vault opens read-only.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from mindspace.storage import keys
from mindspace.storage.database import DbExecutor
from mindspace.storage.errors import (
    KeyFileError,
    VaultExistsError,
    VaultLockedError,
    VaultNotFoundError,
    WrongPassphraseError,
)
from mindspace.storage.files import create_private, os_error, private_dir, tighten
from mindspace.storage.throttle import UnlockThrottle

KEYFILE = "keyfile.json"
DATABASE = "vault.db"
THROTTLE = "unlock-throttle.json"
NEW = ".new"
# every file the vault keeps in its folder (beside blobs/); all must stay private
PRIVATE_FILES = (KEYFILE, DATABASE, DATABASE + "-wal", DATABASE + "-shm", THROTTLE)
WaitFn = Callable[[float], None]


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
        self._finish_interrupted_create()
        return self.keyfile_path.exists()

    def orphaned(self) -> bool:
        """`vault.db` is here but its key file is not (it cannot be opened without it)."""
        return not self.exists() and self.db_path.exists()

    @property
    def read_only(self) -> bool:
        return self._db is not None and self._db.read_only

    def _finish_interrupted_create(self) -> None:
        new_db = self.data_dir / (DATABASE + NEW)
        new_key = self.data_dir / (KEYFILE + NEW)
        with contextlib.suppress(OSError):
            if self.keyfile_path.exists():
                return
            if self.db_path.exists() and new_key.exists():
                os.replace(new_key, self.keyfile_path)  # both renames were due: finish
            elif new_db.exists() or new_key.exists():
                for leftover in (new_db, new_key, *_sidecars(new_db)):
                    leftover.unlink(missing_ok=True)  # the database was never committed

    def check_present(self) -> None:
        if self.exists():
            return
        if self.db_path.exists():
            raise KeyFileError(
                f"the key file {KEYFILE} is missing from {self.data_dir}, so {DATABASE} cannot"
                f" be opened. Put back a copy of {KEYFILE} if you have one, or start again with"
                " `mindspace vault init --move-aside` (which keeps the old file)"
            )
        raise VaultNotFoundError(f"no vault found in {self.data_dir}")

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
    def create(self, passphrase: str, move_aside: bool = False) -> str:
        """Create a new vault; returns the recovery code (shown to the user once). With
        `move_aside`, a `vault.db` left without its key file is renamed, never deleted."""
        if self.exists():
            raise VaultExistsError(f"a vault already exists in {self.data_dir}")
        if self.db_path.exists():
            if not move_aside:
                raise VaultExistsError(
                    f"{self.db_path} exists without its key file; refusing to overwrite it."
                    " Put back a copy of keyfile.json, or use `vault init --move-aside` to keep"
                    " it aside and start a new vault"
                )
            self._move_aside()
        try:
            private_dir(self.data_dir)
            return self._create(passphrase)
        except OSError as exc:
            raise os_error(exc, "creating the vault") from None

    def _move_aside(self) -> Path:
        from datetime import datetime

        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.db_path.with_name(f"{DATABASE}.orphaned-{stamp}")
        for src in (self.db_path, *_sidecars(self.db_path)):
            if src.exists():
                os.replace(src, target.with_name(target.name + src.name[len(DATABASE):]))
        return target

    def _create(self, passphrase: str) -> str:
        drk = secrets.token_bytes(32)
        vault_id = secrets.token_hex(16)
        kdf = keys.standard_params()
        recovery_code = keys.new_recovery_code()
        pw_wrap = keys.wrap_key(
            drk, keys.normalise_passphrase(passphrase), vault_id, "passphrase", kdf
        )
        rec_kdf = keys.KdfParams(kdf.memory_kib, kdf.iterations, kdf.lanes, secrets.token_bytes(16))
        rec_wrap = keys.wrap_key(
            drk, keys.parse_recovery_code(recovery_code), vault_id, "recovery", rec_kdf
        )
        new_db = self.data_dir / (DATABASE + NEW)
        new_key = self.data_dir / (KEYFILE + NEW)
        for leftover in (new_db, new_key, *_sidecars(new_db)):
            leftover.unlink(missing_ok=True)
        create_private(new_db)
        try:
            DbExecutor(new_db, keys.derive_subkey(drk, "sqlcipher")).close()
            keys.KeyFile(vault_id, pw_wrap, rec_wrap).save(new_key)
        except BaseException:
            for leftover in (new_db, new_key, *_sidecars(new_db)):
                leftover.unlink(missing_ok=True)
            raise
        os.replace(new_db, self.db_path)
        os.replace(new_key, self.keyfile_path)  # the commit point
        _fsync_dir(self.data_dir)
        self._open_db(drk)
        return recovery_code

    def open(self, passphrase: str, wait: WaitFn | None = None) -> None:
        """Open with the passphrase. While the throttle imposes a delay: `ThrottledError`, or
        with `wait`, `wait(seconds)` is called first (it should sleep)."""
        self._unlock(lambda: keys.normalise_passphrase(passphrase), "passphrase", wait)

    def open_with_recovery(self, code: str, wait: WaitFn | None = None) -> None:
        self._unlock(lambda: keys.parse_recovery_code(code), "recovery", wait)

    def _unwrap(self, secret: Callable[[], bytes], purpose: str,
                wrong: str = "wrong recovery code: the vault was not opened"
                ) -> tuple[keys.KeyFile, bytes]:
        """The key file and the data root key, or WrongPassphraseError (counted by the
        throttle the caller holds). A malformed recovery code keeps its own message."""
        keyfile = keys.KeyFile.load(self.keyfile_path)
        wrap = keyfile.passphrase_wrap if purpose == "passphrase" else keyfile.recovery_wrap
        value = secret()
        try:
            return keyfile, keys.unwrap_key(wrap, value, keyfile.vault_id, purpose)
        except WrongPassphraseError:
            if purpose == "recovery":
                raise WrongPassphraseError(wrong) from None
            raise

    def _unlock(self, secret: Callable[[], bytes], purpose: str, wait: WaitFn | None) -> None:
        if self.is_open:
            return
        self.check_present()
        with self.throttle.attempt(wait):
            _, drk = self._unwrap(secret, purpose)
        self._open_db(drk)

    def _open_db(self, drk: bytes) -> None:
        read_only = not (os.access(self.data_dir, os.W_OK) and os.access(self.db_path, os.W_OK))
        if not read_only:
            for name in PRIVATE_FILES:
                tighten(self.data_dir / name)
        self._db = DbExecutor(self.db_path, keys.derive_subkey(drk, "sqlcipher"), read_only)
        self._drk = bytearray(drk)

    def change_passphrase(self, old: str, new: str, wait: WaitFn | None = None,
                          open_after: bool = False) -> str:
        """Re-wrap the data root key under `new`; returns a fresh recovery code.

        The database is not re-encrypted. The old passphrase must be right even when open, and
        is checked under the same throttle as unlocking. With `open_after` a locked vault is
        left open afterwards (with the key already unwrapped, so no second key derivation).
        """
        self.check_present()
        with self.throttle.attempt(wait):
            keyfile, drk = self._unwrap(lambda: keys.normalise_passphrase(old), "passphrase")
        code = self._rewrap(keyfile, drk, new)
        if open_after and not self.is_open:
            self._open_db(drk)
        return code

    def reset_passphrase(self, recovery_code: str, new: str, wait: WaitFn | None = None) -> str:
        """Set a new passphrase with the recovery code; returns a fresh recovery code."""
        self.check_present()
        with self.throttle.attempt(wait):
            keyfile, drk = self._unwrap(lambda: keys.parse_recovery_code(recovery_code),
                                        "recovery",
                                        "wrong recovery code: the passphrase was not changed")
        return self._rewrap(keyfile, drk, new)

    def _rewrap(self, keyfile: keys.KeyFile, drk: bytes, new: str) -> str:
        if self._drk is not None and bytes(self._drk) != drk:
            raise KeyFileError("the key file does not belong to the open vault")
        # a change of passphrase also brings older key files up to the standard settings
        code = keys.new_recovery_code()
        vid = keyfile.vault_id
        keys.KeyFile(
            vid,
            keys.wrap_key(drk, keys.normalise_passphrase(new), vid, "passphrase",
                          keys.standard_params()),
            keys.wrap_key(drk, keys.parse_recovery_code(code), vid, "recovery",
                          keys.standard_params()),
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


def _sidecars(db: Path) -> tuple[Path, Path]:
    return db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


