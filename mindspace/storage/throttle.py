"""One throttle for every check of a secret (passphrase, recovery code), across processes.

After `FREE_ATTEMPTS` wrong secrets in a row, each further attempt must wait a growing delay
(1 s, 2 s, 4 s ... `MAX_DELAY_S`). The count lives in `unlock-throttle.json` (no secrets in it).
`attempt()` takes an exclusive lock on that file for the whole check, so attempts made in
parallel (several `unlock` processes, `change-passphrase` beside `unlock`) run one after the
other and each one sees the failures before it. On a read-only data folder nothing can be
recorded; reading still works, and the throttle then applies what the file already says.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from mindspace.storage.errors import StorageError, ThrottledError, WrongPassphraseError
from mindspace.storage.files import private_write

FREE_ATTEMPTS = 3
MAX_DELAY_S = 60.0


def delay_for(failures: int) -> float:
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(MAX_DELAY_S, 2 ** (failures - FREE_ATTEMPTS)))


class UnlockThrottle:
    def __init__(self, path: Path) -> None:
        self.path = path

    # ---- reading (no lock needed: the file is replaced whole) ------------------------------
    def _read(self) -> tuple[int, float]:
        try:
            obj = json.loads(self.path.read_text(encoding="utf-8") or "{}")
            return int(obj["failures"]), float(obj["last_failure"])
        except (OSError, ValueError, KeyError, TypeError):
            return 0, 0.0

    def failures(self) -> int:
        return self._read()[0]

    def remaining(self) -> float:
        failures, last = self._read()
        return max(0.0, last + delay_for(failures) - time.time())

    def reset(self) -> None:
        """Forget recorded failures (after a success, or by the user's own decision)."""
        with self._exclusive():
            self._write(0, 0.0)

    # ---- one attempt ----------------------------------------------------------------------
    @contextlib.contextmanager
    def attempt(self, wait: Callable[[float], None] | None = None) -> Iterator[None]:
        """Check a secret inside this block. A `WrongPassphraseError` raised in it counts as a
        failure; leaving it normally clears the count. While a delay applies, raise
        `ThrottledError`, or with `wait` call `wait(seconds)` (which should sleep) and go on."""
        with self._exclusive():
            remaining = self.remaining()
            if remaining > 0:
                if wait is None:
                    raise ThrottledError(remaining)
                wait(remaining)
            try:
                yield
            except WrongPassphraseError:
                self._write(self.failures() + 1, time.time())
                raise
            if self.failures():
                self._write(0, 0.0)

    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[None]:
        """An exclusive lock on the data folder itself (works on a read-only folder too)."""
        fd = os.open(self.path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def _write(self, failures: int, last: float) -> None:
        data = json.dumps({"failures": failures, "last_failure": last}).encode()
        # read-only folder: the attempt cannot be recorded (and nothing can be changed either)
        with contextlib.suppress(StorageError):
            private_write(self.path, data, "recording the attempt")
