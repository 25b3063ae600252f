"""The audit log's rules: the kinds of event it keeps, the row, its hash and the chain check.

The audit log (stored in the vault, table `audit_log`) is append-only and hash-chained. Each row
holds `seq` (1, 2, 3 ...), `time` (UTC, ISO 8601, whole seconds), `kind` (one of `AuditKind`),
`detail` (a short line that never quotes journal text, notes or transcripts) and `prev_hash`
(the previous row's hash, `GENESIS` for the first row). Its `hash` is the SHA-256 (hex) of the
canonical JSON of those five fields (`row_hash`). `verify_chain` walks the rows in order and
names the first one that does not fit: an edited field, a removed or inserted row, a broken
link. Pure functions, any thread.

Adding a kind: add a member to `AuditKind` (values are `area.event`, lower case) and call
`mindspace.app.audit.AuditTrail.record(kind, detail)` where the event happens.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from mindspace.core.errors import ValidationError

GENESIS = "0" * 64
MAX_DETAIL = 240


class AuditKind(StrEnum):
    """Every event the audit log keeps (the one place kinds are declared)."""

    # sharing with a therapist
    SHARE_EXPORT = "share.export"  # a bundle file written
    SHARE_QUEUE = "share.queue"  # a bundle queued for the sync relay
    SHARE_IMPORT = "share.import"  # a bundle received and imported
    SYNC_RUN = "sync.run"  # one relay sync round that moved something
    RELAY_CHANGE = "sync.relay"  # the relay was set or cleared
    SYNC_REJOIN = "sync.rejoin"  # a restored vault restarted its chains
    SYNC_ACCEPT_RESTART = "sync.accept_restart"  # a contact's restarted chain was accepted
    # contacts and my identity keys
    CONTACT_ADD = "contact.add"
    CONTACT_UPDATE = "contact.update"  # same keys, new name or role
    CONTACT_KEY_CHANGE = "contact.key_change"  # a card arrived with different keys
    CONTACT_VERIFY = "contact.verify"
    CONTACT_UNVERIFY = "contact.unverify"
    CONTACT_REMOVE = "contact.remove"
    IDENTITY_CREATE = "identity.create"  # my signing and encryption keys were made
    IDENTITY_UPDATE = "identity.update"  # my card's name or role changed
    IDENTITY_NEW_DEVICE = "identity.new_device"
    # the vault's own keys
    PASSPHRASE_CHANGE = "passphrase.change"
    PASSPHRASE_RESET = "passphrase.reset"  # a new passphrase chosen with the recovery code
    RECOVERY_CODE_USE = "recovery_code.use"  # the vault was opened with the recovery code
    # models
    MODEL_CHANGE = "model.change"  # a shipped or chosen model replaced
    PERSONAL_MODEL_UPDATE = "personal_model.update"  # the personal layer was (re)trained
    PERSONAL_MODEL_RESET = "personal_model.reset"
    # data leaving or entering the vault in bulk
    DATA_EXPORT = "data.export"
    DATA_IMPORT = "data.import"
    # anonymised research exports
    RESEARCH_CONSENT = "research.consent"
    RESEARCH_WITHDRAW = "research.withdraw"
    RESEARCH_EXPORT = "research.export"


# what left the vault for someone else: the rows a "what I shared and when" report lists
SHARED_KINDS = frozenset(
    {AuditKind.SHARE_EXPORT, AuditKind.SHARE_QUEUE, AuditKind.RESEARCH_EXPORT,
     AuditKind.DATA_EXPORT}
)


@dataclass(frozen=True)
class AuditRow:
    seq: int
    time: str
    kind: str
    detail: str
    prev_hash: str
    hash: str

    def to_json(self) -> dict[str, object]:
        return {
            "seq": self.seq,
            "time": self.time,
            "kind": self.kind,
            "detail": self.detail,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


@dataclass(frozen=True)
class ChainCheck:
    """The outcome of `verify_chain`: `first_broken` is the seq of the first bad row."""

    rows: int
    first_broken: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.first_broken is None

    def to_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "rows": self.rows,
            "first_broken": self.first_broken,
            "reason": self.reason,
        }


def check_kind(kind: str) -> AuditKind:
    try:
        return AuditKind(kind)
    except ValueError:
        known = ", ".join(k.value for k in AuditKind)
        raise ValidationError(f"unknown audit kind {kind!r} (known: {known})") from None


def clean_detail(detail: str) -> str:
    """One line of at most `MAX_DETAIL` characters (whitespace folded)."""
    text = " ".join(str(detail).split())
    return text if len(text) <= MAX_DETAIL else text[: MAX_DETAIL - 1] + "…"


def row_hash(seq: int, time: str, kind: str, detail: str, prev_hash: str) -> str:
    """SHA-256 (hex) of the canonical JSON (sorted keys, no spaces, UTF-8) of the five fields."""
    body = json.dumps(
        {"seq": seq, "time": time, "kind": kind, "detail": detail, "prev_hash": prev_hash},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode("utf-8")
    return hashlib.sha256(body).hexdigest()


def next_row(last: AuditRow | None, time: str, kind: str, detail: str) -> AuditRow:
    """The row that follows `last` (or the first row)."""
    seq = 1 if last is None else last.seq + 1
    prev = GENESIS if last is None else last.hash
    kind = check_kind(kind).value
    detail = clean_detail(detail)
    return AuditRow(seq, time, kind, detail, prev, row_hash(seq, time, kind, detail, prev))


def verify_chain(rows: Iterable[AuditRow]) -> ChainCheck:
    """Walk the rows (in seq order) and report the first that breaks the chain."""
    prev_hash, expected, count = GENESIS, 1, 0
    for row in rows:
        count += 1
        if row.seq != expected:
            what = "missing" if row.seq > expected else "out of order"
            return ChainCheck(count, row.seq, f"row {expected} is {what} (found row {row.seq})")
        if row.prev_hash != prev_hash:
            return ChainCheck(count, row.seq, f"row {row.seq} does not link to row {row.seq - 1}")
        if row_hash(row.seq, row.time, row.kind, row.detail, row.prev_hash) != row.hash:
            return ChainCheck(count, row.seq, f"row {row.seq} was changed after it was written")
        prev_hash, expected = row.hash, expected + 1
    return ChainCheck(count)
