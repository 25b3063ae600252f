"""Errors the storage layer raises; each message is safe to show to the user as one line."""

from __future__ import annotations

from mindspace.core.errors import NotFoundError, UserError, ValidationError


class VaultError(UserError):
    """Base class for vault problems a user can see."""


class StorageError(VaultError):
    """The data folder or the vault file could not be read or written."""


class ReadOnlyError(StorageError):
    pass


class DiskFullError(StorageError):
    pass


class VaultDamagedError(StorageError):
    """The vault file is damaged (or does not belong to this key file); the passphrase was
    right."""


class VaultNotFoundError(VaultError):
    pass


class VaultExistsError(VaultError):
    pass


class VaultLockedError(VaultError):
    def __init__(self, message: str = "the vault is locked") -> None:
        super().__init__(message)


class WrongPassphraseError(VaultError):
    def __init__(self, message: str = "wrong passphrase: the vault was not opened") -> None:
        super().__init__(message)


class WeakPassphraseError(VaultError, ValidationError):
    pass


class KeyFileError(VaultError):
    """The key file is missing, corrupt, tampered with, or below the KDF safety floor."""


class ThrottledError(VaultError):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"too many wrong attempts: try again in {seconds:.0f} s")
        self.seconds = seconds




__all__ = [
    "DiskFullError",
    "KeyFileError",
    "NotFoundError",
    "ReadOnlyError",
    "StorageError",
    "ThrottledError",
    "ValidationError",
    "VaultDamagedError",
    "VaultError",
    "VaultExistsError",
    "VaultLockedError",
    "VaultNotFoundError",
    "WeakPassphraseError",
    "WrongPassphraseError",
]
