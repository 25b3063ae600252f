"""The one SQLCipher connection and the serialised executor that owns it.

Every statement runs on the executor's single thread (`DbExecutor.run` blocks the caller until the
result is ready; `submit` returns a Future). The connection is keyed with a raw 256-bit key, so
SQLCipher does no passphrase KDF of its own. Pragmas: secure_delete, temp_store=MEMORY,
cipher_memory_security, WAL; `close()` checkpoints (TRUNCATE) before closing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import sqlcipher3

from mindspace.storage.errors import VaultError, VaultLockedError, WrongPassphraseError
from mindspace.storage.migrations import migrate

T = TypeVar("T")
Connection = Any  # sqlcipher3.dbapi2.Connection (no type stubs)


def _open_connection(path: Path, raw_key: bytes) -> Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=True)
    try:
        conn.execute(f"PRAGMA key = \"x'{raw_key.hex()}'\"")
        conn.execute("PRAGMA cipher_memory_security = ON")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            raise WrongPassphraseError("the vault could not be decrypted with this key") from None
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA cache_size = -65536")  # 64 MiB of decrypted pages
        return conn
    except BaseException:
        conn.close()
        raise


class DbExecutor:
    """Owns the connection on one worker thread; all database work is serialised through it."""

    def __init__(self, path: Path, raw_key: bytes) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mindspace-db")
        self._conn: Connection | None = None
        self._lock = threading.Lock()
        self.path = path
        self._pool.submit(self._open, raw_key).result()

    def _open(self, raw_key: bytes) -> None:
        conn = _open_connection(self.path, raw_key)
        try:
            migrate(conn)
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
        return fn(self._conn)

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
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    conn.close()

            conn = self._conn
            try:
                self._pool.submit(_close, conn).result()
            except sqlcipher3.Error as exc:
                raise VaultError(f"closing the vault failed: {exc}") from exc
            finally:
                self._conn = None
                self._pool.shutdown(wait=True)
