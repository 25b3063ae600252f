"""One error hierarchy, one message mapping, one exit-code mapping."""

from __future__ import annotations

import pytest

from mindspace.app.errors import (
    EXIT_FAILED,
    EXIT_NOT_FOUND,
    EXIT_USAGE,
    EXIT_WRONG_PASSPHRASE,
    exit_code,
    is_user_error,
    user_message,
)
from mindspace.core.errors import Cancelled, NotFoundError, UserError, ValidationError, bug_summary
from mindspace.storage.errors import (
    ThrottledError,
    VaultNotFoundError,
    WeakPassphraseError,
    WrongPassphraseError,
)


def test_user_errors_read_as_sentences_in_the_gui_and_as_they_are_on_the_cli() -> None:
    exc = NotFoundError("no entry with id 12")
    assert user_message(exc) == "No entry with id 12"
    assert user_message(exc, sentence=False) == "no entry with id 12"


def test_cancelled_is_not_a_failure() -> None:
    assert user_message(Cancelled()) == "Cancelled."
    assert is_user_error(Cancelled())


def test_a_bug_never_shows_its_message() -> None:
    exc = KeyError("my secret diary words")
    assert "secret" not in user_message(exc)
    assert user_message(exc).startswith("Something went wrong (KeyError)")
    assert not is_user_error(exc)


@pytest.mark.parametrize(
    ("exc", "code"),
    [
        (WrongPassphraseError(), EXIT_WRONG_PASSPHRASE),
        (NotFoundError("x"), EXIT_NOT_FOUND),
        (VaultNotFoundError("x"), EXIT_NOT_FOUND),
        (ValidationError("x"), EXIT_USAGE),
        (WeakPassphraseError("x"), EXIT_USAGE),
        (ThrottledError(5), EXIT_FAILED),
        (UserError("x"), EXIT_FAILED),
        (RuntimeError("x"), EXIT_FAILED),
    ],
)
def test_exit_codes(exc: BaseException, code: int) -> None:
    assert exit_code(exc) == code


def test_a_user_error_may_carry_its_own_exit_code() -> None:
    class Refused(UserError):
        exit_code = 7

    assert exit_code(Refused("bundle refused")) == 7


def test_validation_errors_are_value_errors_and_user_errors() -> None:
    assert issubclass(ValidationError, ValueError) and issubclass(ValidationError, UserError)
    assert issubclass(NotFoundError, LookupError)


def test_bug_summary_names_the_place_not_the_message() -> None:
    try:
        {}["zebra canary"]  # noqa: B018
    except KeyError as exc:
        summary = bug_summary(exc)
    assert summary.startswith("KeyError at ")
    assert "zebra" not in summary
