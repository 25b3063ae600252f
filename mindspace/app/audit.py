"""The audit log use case: record events, list them, verify the chain.

Every export, import, sync, contact or key change, passphrase change and model change is
recorded here, from the use case that performs it:

    services.audit().record(AuditKind.DATA_EXPORT, "12 entries to a JSON file")

`AuditKind` (in `mindspace.core.audit`) is the one list of kinds; add a member there for a new
event. `detail` is one short line for the person reading their own log: counts, a contact's
name, a bundle id, a model name; never journal text, notes, transcripts or secrets. A read-only
vault cannot be written, so nothing is recorded then (`record` returns None). Blocking calls
on the DB executor.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from mindspace.core.audit import SHARED_KINDS, AuditKind, AuditRow, ChainCheck
from mindspace.storage.audit import AuditLog

if TYPE_CHECKING:
    from mindspace.app.container import AppServices
    from mindspace.storage.database import DbExecutor

__all__ = ["SHARED_KINDS", "AuditKind", "AuditRow", "AuditTrail", "ChainCheck", "record"]


class AuditTrail:
    def __init__(self, db: DbExecutor) -> None:
        self._db = db
        self.log = AuditLog(db)

    def record(self, kind: AuditKind | str, detail: str = "") -> AuditRow | None:
        """Append one event (None when the vault is read-only and cannot record it)."""
        if self._db.read_only:
            return None
        return self.log.append(str(kind), detail)

    def rows(self, kinds: Iterable[str] | None = None, newest_first: bool = True,
             limit: int | None = None) -> list[AuditRow]:
        return self.log.list(kinds, newest_first, limit)

    def kinds(self) -> list[str]:
        return self.log.kinds()

    def verify(self) -> ChainCheck:
        return self.log.verify()

    def shared_history(self) -> list[dict[str, Any]]:
        """What left the vault for someone else, and when, oldest first (for a report)."""
        return [
            {"time": r.time, "kind": r.kind, "detail": r.detail}
            for r in self.log.list(SHARED_KINDS)
        ]


def record(services: AppServices, kind: AuditKind | str, detail: str = "") -> AuditRow | None:
    """`services.audit().record(kind, detail)` for code that holds the container."""
    return services.audit().record(kind, detail)
