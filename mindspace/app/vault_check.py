"""Checking the whole vault: on demand (`mindspace vault check`, the GUI's menu) and, every
`CHECK_EVERY` days, in the background after unlock, so damage in parts nobody reads is found.

The time of the last check is kept in the vault. A read-only vault is checked but nothing is
recorded.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from mindspace.app.container import AppServices
from mindspace.storage.check import WHAT_TO_DO, CheckReport, check_vault

CHECK_EVERY = timedelta(days=7)
LAST_CHECK_KEY = "vault_check.last"

__all__ = ["CHECK_EVERY", "WHAT_TO_DO", "CheckReport", "check_due", "run_check"]


def run_check(services: AppServices) -> CheckReport:
    """Check the open vault end to end and record when (blocking; a worker thread's job)."""
    report = check_vault(services.vault, services.blobs)
    if not services.vault.read_only and not any("structure" in p for p in report.problems):
        services.settings.set(LAST_CHECK_KEY, {"at": report.checked_at, "ok": report.ok})
    return report


def check_due(services: AppServices, now: datetime | None = None) -> bool:
    """True when the vault was never checked, or last checked `CHECK_EVERY` ago or more."""
    last = services.settings.get(LAST_CHECK_KEY)
    if not isinstance(last, dict) or not last.get("ok"):
        return True
    try:
        when = datetime.fromisoformat(str(last.get("at")))
    except ValueError:
        return True
    return (now or datetime.now()) - when >= CHECK_EVERY
