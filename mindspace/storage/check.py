"""`check_vault`: is everything in the vault whole? (key file, every database page, every blob)

SQLCipher authenticates each page when it is read, so damage in a part nobody reads goes
unnoticed until that part is needed. This reads all of it: the key file (format and KDF floor),
`PRAGMA cipher_integrity_check` (the HMAC of every page), `PRAGMA integrity_check` (the b-tree
structure), the audit log's hash chain (the first row that does not fit is named) and every
encrypted blob (its key and every chunk). It changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from mindspace.storage import keys
from mindspace.storage.audit import AuditLog
from mindspace.storage.blobs import BlobStore
from mindspace.storage.errors import NotFoundError, VaultError
from mindspace.storage.vault import Vault

WHAT_TO_DO = (
    "Keep the data folder as it is (do not delete anything). Export what still opens, and"
    " restore vault.db and keyfile.json from your latest backup if you have one."
)


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)
    checked_at: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "problems": list(self.problems),
            "checked": dict(self.checked),
            "checked_at": self.checked_at,
            "what_to_do": "" if self.ok else WHAT_TO_DO,
        }


def check_vault(vault: Vault, blobs: BlobStore) -> CheckReport:
    """Check an open vault end to end. Raises only `VaultLockedError`."""
    report = CheckReport(checked_at=datetime.now().replace(microsecond=0).isoformat())
    _check_keyfile(vault, report)
    _check_database(vault, report)
    if not any("structure" in p for p in report.problems):
        _check_audit(vault, report)
        _check_blobs(blobs, report)
    return report


def _check_audit(vault: Vault, report: CheckReport) -> None:
    """The audit log's hash chain: every row's hash and its link to the row before."""
    try:
        result = AuditLog(vault.db).verify()
    except VaultError as exc:
        report.problems.append(f"audit log: {exc}")
        return
    report.checked["audit_rows"] = result.rows
    if not result.ok:
        report.problems.append(
            f"audit log: {result.reason}; the log cannot be trusted from row"
            f" {result.first_broken} on"
        )


def _check_keyfile(vault: Vault, report: CheckReport) -> None:
    try:
        keyfile = keys.KeyFile.load(vault.keyfile_path)
        keyfile.passphrase_wrap.kdf.check_floor()
        keyfile.recovery_wrap.kdf.check_floor()
    except VaultError as exc:
        report.problems.append(f"key file: {exc}")
    report.checked["key_files"] = 1


def _check_database(vault: Vault, report: CheckReport) -> None:
    pages = vault.db.run(lambda c: c.execute("PRAGMA page_count").fetchone()[0])
    report.checked["pages"] = int(pages)
    failed = vault.db.run(
        lambda c: [str(r[0]) for r in c.execute("PRAGMA cipher_integrity_check").fetchall()]
    )
    if failed:
        report.problems.append(
            f"database: {len(failed)} of {pages} pages of vault.db are damaged ({failed[0]})"
        )
    try:
        rows = vault.db.run(lambda c: c.execute("PRAGMA integrity_check").fetchall())
    except VaultError:
        rows = [("pages could not be read",)]
    messages = [str(r[0]) for r in rows]
    if messages != ["ok"]:
        report.problems.append(f"database structure: {messages[0]}")


def _check_blobs(blobs: BlobStore, report: CheckReport) -> None:
    ids = blobs.ids()
    report.checked["blobs"] = len(ids)
    for blob_id in ids:
        try:
            blobs.get(blob_id)
        except (NotFoundError, VaultError) as exc:
            report.problems.append(f"audio: {exc}")
