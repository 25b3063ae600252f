"""The one place that turns a failure into what a person reads, and into a CLI exit code.

A `UserError` carries a one-line message written for the user; `Cancelled` is not a failure.
Anything else is a bug: the message names only its type (never the user's text), and the caller
logs it.
"""

from __future__ import annotations

from mindspace.core.errors import Cancelled, NotFoundError, UserError, ValidationError
from mindspace.storage.errors import (
    ThrottledError,
    VaultLockedError,
    VaultNotFoundError,
    WeakPassphraseError,
    WrongPassphraseError,
)

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_WRONG_PASSPHRASE = 3
EXIT_NOT_FOUND = 4


def user_message(exc: BaseException, sentence: bool = True) -> str:
    """One line a person can read; as a sentence (capital first letter) for the GUI, or as it
    is for the command line's "mindspace: error: ..." prefix."""
    if isinstance(exc, UserError):
        text = str(exc) or type(exc).__name__
    elif isinstance(exc, Cancelled):
        text = "cancelled."
    else:
        text = f"something went wrong ({type(exc).__name__}); the action did not complete."
    if not sentence:
        return text.rstrip(".")
    return text[:1].upper() + text[1:]


def exit_code(exc: BaseException) -> int:
    """The command-line exit code for a failure (see the README's command-line section)."""
    if isinstance(exc, WrongPassphraseError):
        return EXIT_WRONG_PASSPHRASE
    if isinstance(exc, NotFoundError | VaultNotFoundError):
        return EXIT_NOT_FOUND
    if isinstance(exc, ValidationError):
        return EXIT_USAGE
    code = getattr(exc, "exit_code", None)
    return code if isinstance(code, int) else EXIT_FAILED


__all__ = [
    "EXIT_FAILED",
    "EXIT_NOT_FOUND",
    "EXIT_USAGE",
    "EXIT_WRONG_PASSPHRASE",
    "ThrottledError",
    "VaultLockedError",
    "WeakPassphraseError",
    "WrongPassphraseError",
    "exit_code",
    "is_user_error",
    "user_message",
]


def is_user_error(exc: BaseException) -> bool:
    return isinstance(exc, UserError | Cancelled)
