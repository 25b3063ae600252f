"""`SharingError`: a sharing step the user must fix first (one-line message).

Bundle problems raise `mindspace.share.bundle.BundleError` (with a reason and exit code),
bad cards `CardError`, bad selections `SelectionError`, relay trouble `RelayError`; all of them
are `mindspace.core.errors.UserError`s, so `app.errors` shows them as they are.
"""

from __future__ import annotations

from mindspace.core.errors import UserError


class SharingError(UserError):
    """A sharing step the user must fix first (one-line message)."""
