"""The one SQLCipher connection and the serialised executor that owns it.

Every statement runs on the executor's single thread (`DbExecutor.run` blocks the caller until the
result is ready; `submit` returns a Future). The connection is keyed with a raw 256-bit key, so
SQLCipher does no passphrase KDF of its own. Pragmas: secure_delete, temp_store=MEMORY, WAL
(``cipher_memory_security`` stays at SQLCipher's default, off: see docs/security.md, "Memory");
`close()` checkpoints (TRUNCATE) before closing. SQLCipher's own
log is off: every failure becomes a one-line `VaultError` saying what happened (damaged file,
read-only folder, disk full). With `read_only` the file is read as it is and nothing is written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import sqlcipher3

from mindspace.storage.errors import (
    DiskFullError,
    ReadOnlyError,
    VaultDamagedError,
    VaultError,
    VaultLockedError,
)
from mindspace.storage.migrations import latest_version, migrate

T = TypeVar("T")
Connection = Any  # sqlcipher3.dbapi2.Connection (no type stubs)


def translate(exc: sqlcipher3.Error, what: str = "the vault") -> VaultError:
    """Say what happened to the vault file, in words a person can act on."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return ReadOnlyError(
            f"{what} cannot be written: the data folder is read-only (your entries can still be"
            " read)"
        )
    if "disk is full" in text or "disk full" in text:
        return DiskFullError(f"{what} could not be saved: the disk is full; nothing was changed")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return VaultDamagedError(
            "part of the vault file is damaged; run `mindspace vault check` to see what is"
            " affected, and restore a backup if you have one"
        )
    return VaultError(f"{what} failed: {exc}")


def _open_connection(path: Path, raw_key: bytes, read_only: bool = False) -> Connection:
    if read_only:  # a read-only folder cannot hold the WAL index: read the file as it is
        uri = f"file:{quote(str(path))}?mode=ro&immutable=1"
        conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=True)
    else:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=True)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # failures are reported, not printed
        conn.execute(f"PRAGMA key = \"x'{raw_key.hex()}'\"")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            if "not a database" in str(exc).lower():  # page 1 fails its HMAC
                raise VaultDamagedError(
                    "the vault file (vault.db) cannot be read with its key: it is damaged or"
                    " belongs to another vault. Your passphrase is right; restore vault.db from"
                    " a backup if you have one"
                ) from None
            raise translate(exc, "opening the vault") from None
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA cache_size = -65536")  # 64 MiB of decrypted pages
        return conn
    except sqlcipher3.Error as exc:
        conn.close()
        raise translate(exc, "opening the vault") from None
    except BaseException:
        conn.close()
        raise


class DbExecutor:
    """Owns the connection on one worker thread; all database work is serialised through it."""

    def __init__(self, path: Path, raw_key: bytes, read_only: bool = False) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mindspace-db")
        self._conn: Connection | None = None
        self._lock = threading.Lock()
        self.path = path
        self.read_only = read_only
        try:
            self._pool.submit(self._open, raw_key).result()
        except BaseException:
            self._pool.shutdown(wait=True)
            raise

    def _open(self, raw_key: bytes) -> None:
        conn = _open_connection(self.path, raw_key, self.read_only)
        try:
            if self.read_only:
                if conn.execute("PRAGMA user_version").fetchone()[0] != latest_version():
                    raise ReadOnlyError(
                        "this vault needs an update that cannot be written: the data folder is"
                        " read-only"
                    )
            else:
                migrate(conn)
        except sqlcipher3.Error as exc:
            conn.close()
            raise translate(exc, "opening the vault") from None
        except Exception:
            conn.close()
            raise
        self._conn = conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def submit(self, fn: Callable[[Connection], T]) -> Future[T]:
        with self._lock:
            if self._conn is None:
                raise VaultLockedError()
            return self._pool.submit(self._call, fn)

    def _call(self, fn: Callable[[Connection], T]) -> T:
        if self._conn is None:
            raise VaultLockedError()
        try:
            return fn(self._conn)
        except sqlcipher3.OperationalError as exc:
            raise translate(exc) from exc
        except sqlcipher3.DatabaseError as exc:
            if isinstance(exc, sqlcipher3.IntegrityError):
                raise
            raise translate(exc) from exc

    def run(self, fn: Callable[[Connection], T]) -> T:
        return self.submit(fn).result()

    def transaction(self, fn: Callable[[Connection], T]) -> T:
        """Run `fn` inside BEGIN IMMEDIATE ... COMMIT (ROLLBACK on any exception)."""

        def wrapped(conn: Connection) -> T:
            conn.execute("BEGIN IMMEDIATE")
            try:
                result = fn(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            return result

        return self.run(wrapped)

    def close(self) -> None:
        """Checkpoint the WAL into the main file, close the connection and stop the thread."""
        with self._lock:
            if self._conn is None:
                self._pool.shutdown(wait=True)
                return

            def _close(conn: Connection) -> None:
                try:
                    if not self.read_only:
                        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    conn.close()

            conn = self._conn
            try:
                self._pool.submit(_close, conn).result()
            except sqlcipher3.Error as exc:
                raise translate(exc, "closing the vault") from exc
            finally:
                self._conn = None
                self._pool.shutdown(wait=True)
