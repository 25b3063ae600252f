"""Files in the data folder: private (0600 files, 0700 folders), written atomically.

Everything MindSpace keeps is readable by its owner only, whatever the umask. A write goes to a
temporary file in the same folder, is flushed to disk, then renamed over the old one, so a crash
leaves either the old or the new content. Errors become one-line `StorageError`s that say what
happened (read-only folder, disk full) instead of a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from mindspace.storage.errors import DiskFullError, ReadOnlyError, StorageError

FILE_MODE = 0o600
DIR_MODE = 0o700


def os_error(exc: OSError, what: str) -> StorageError:
    """The user-facing error for an OSError while doing `what` (e.g. "saving the key file")."""
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyError(f"{what} failed: the data folder cannot be written to")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(f"{what} failed: the disk is full")
    return StorageError(f"{what} failed: {exc.strerror or type(exc).__name__}")


def private_dir(path: Path) -> None:
    """Create `path` (and parents) if needed and make it 0700."""
    path.mkdir(parents=True, exist_ok=True)
    if path.stat().st_mode & 0o777 != DIR_MODE:
        os.chmod(path, DIR_MODE)


def tighten(path: Path) -> None:
    """Make an existing file 0600 (no-op when it is missing or the folder is read-only)."""
    try:
        if path.stat().st_mode & 0o777 != FILE_MODE:
            os.chmod(path, FILE_MODE)
    except OSError:
        pass


def private_write(path: Path, data: bytes, what: str = "saving a file") -> None:
    """Atomically replace `path` with `data` (0600, fsynced)."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise os_error(exc, what) from None


def create_private(path: Path) -> None:
    """Create an empty 0600 file (so SQLite's -wal and -shm files inherit 0600)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)
