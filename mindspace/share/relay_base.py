"""What a sync relay must offer: a flat store of immutable, opaquely named files.

A relay never sees plaintext or who sent what: every file is an age-encrypted envelope or
acknowledgement named `<32 random hex digits>.msenv`. Implementations: `FolderRelay` (a shared
or synced folder) and `WebDavRelay` (e.g. Nextcloud). All methods block; call them off the GUI
thread. Failures raise `RelayError` with a one-line message.
"""

from __future__ import annotations

import re
import secrets
from typing import Protocol

from mindspace.core.errors import UserError

SUFFIX = ".msenv"
NAME_RE = re.compile(r"^[0-9a-f]{32}\.msenv$")


class RelayError(UserError):
    """The relay could not be reached or refused an operation (one-line message)."""


class RelayNotFoundError(RelayError):
    pass


class Relay(Protocol):
    def list(self) -> list[str]:
        """Names of the envelope files currently in the store (others are ignored)."""
        ...

    def get(self, name: str, limit: int) -> bytes:
        """The file's bytes; RelayNotFoundError if it vanished; RelayError above `limit`."""
        ...

    def put(self, name: str, data: bytes) -> None:
        """Create the file; files are immutable, so an existing name is never overwritten."""
        ...

    def delete(self, name: str) -> None:
        """Remove the file (missing files are fine)."""
        ...

    def describe(self) -> str: ...


def new_name() -> str:
    return secrets.token_hex(16) + SUFFIX


def check_name(name: str) -> str:
    if not NAME_RE.match(name):
        raise RelayError(f"refusing an unexpected relay file name {name!r}")
    return name
