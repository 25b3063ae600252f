"""The error types every layer shares.

`UserError` is the one base class for failures a person caused or can act on (a wrong passphrase,
a missing entry, a bad file); its message is one line written for them, shown to them and never
logged. `Cancelled` is the one way a long job reports that the user stopped it. Anything else
that escapes is a bug: the front ends show a generic line (`mindspace.app.errors`) and log only
`bug_summary`, which leaves out the message.
"""

from __future__ import annotations


class UserError(Exception):
    """A failure whose message can be shown to the user as it is."""


class ValidationError(UserError, ValueError):
    """Input that breaks a value rule (mood out of range, entry too large, bad date, ...)."""


class NotFoundError(UserError, LookupError):
    """The thing asked for does not exist (an entry, a contact, a check-in)."""


class Cancelled(Exception):  # noqa: N818 - reads as an event, like asyncio.CancelledError
    """Raised inside a job when the user cancelled it; not a failure."""


def bug_summary(exc: BaseException) -> str:
    """Where an unexpected failure happened, for a log line: the type and the innermost frames
    of this package, never the message (it may quote the user's own text)."""
    import traceback

    frames = [
        f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} ({frame.name})"
        for frame in traceback.extract_tb(exc.__traceback__)
        if "mindspace" in frame.filename
    ]
    where = " <- ".join(reversed(frames[-3:])) or "unknown place"
    return f"{type(exc).__name__} at {where}"
