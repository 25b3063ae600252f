"""How a model failure is reported: logged without user text, and named in the result.

A failure the user can act on (`UserError`: a missing or altered model file) is named with its
own message. Anything else is a bug: it is logged with where it happened (never the exception's
message, which may quote the text being read) and the result says "internal error". Either way
the caller keeps the deterministic part of the result and marks it, so nothing fails silently.
"""

from __future__ import annotations

import logging

from mindspace.core.errors import UserError, bug_summary

log = logging.getLogger("mindspace.ml")


def model_failure(what: str, exc: BaseException) -> str:
    """Log `exc` and return the one line stored as the result's model error."""
    if isinstance(exc, UserError | OSError | ImportError):
        log.warning("%s: %s", what, type(exc).__name__)
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return f"{what}: {detail}"
    log.error("%s: %s", what, bug_summary(exc))
    return f"{what}: internal error ({type(exc).__name__})"
