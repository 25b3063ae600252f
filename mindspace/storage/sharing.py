"""Sharing tables of the vault (schema 0004): my identity row, contacts and sent bundles.

Plain rows in, plain rows out; the protocol around them (sealing the private keys, safety
numbers, what a key change means for sending) lives in `mindspace.share` and the use cases in
`mindspace.app.sharing`. All SQL runs on the vault's DB executor. Missing rows raise
`NotFoundError` with a one-line message.
"""

from __future__ import annotations

import builtins
import uuid
from typing import Any

from mindspace.core.errors import NotFoundError
from mindspace.core.rules import utc_now
from mindspace.core.sharing import ContactRow, IdentityRow
from mindspace.storage.database import Connection, DbExecutor


class ShareIdentityRepository:
    """The single identity row of this vault (the private keys arrive already sealed)."""

    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    def get(self) -> IdentityRow | None:
        row = self._db.run(
            lambda c: c.execute(
                "SELECT display_name, role, sign_public, enc_public, sealed_private, device_id,"
                " created_at FROM share_identity WHERE id = 1"
            ).fetchone()
        )
        if row is None:
            return None
        name, role, sign_pub, enc_pub, sealed, device_id, created = row
        return IdentityRow(
            name, role, bytes(sign_pub), bytes(enc_pub), bytes(sealed), device_id, created
        )

    def insert(self, row: IdentityRow) -> None:
        """Store the identity unless one exists already (the first one wins)."""
        self._db.transaction(
            lambda c: c.execute(
                "INSERT OR IGNORE INTO share_identity(id, display_name, role, sign_public,"
                " enc_public, sealed_private, device_id, created_at)"
                " VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row.display_name,
                    row.role,
                    row.sign_public,
                    row.enc_public,
                    row.sealed_private,
                    row.device_id,
                    row.created_at,
                ),
            )
        )

    def set_device_id(self, device_id: str) -> None:
        """A new device id (a restored vault restarting its relay chains)."""
        self._db.transaction(
            lambda c: c.execute(
                "UPDATE share_identity SET device_id = ? WHERE id = 1", (device_id,)
            )
        )

    def rename(self, display_name: str, role: str) -> None:
        self._db.transaction(
            lambda c: c.execute(
                "UPDATE share_identity SET display_name = ?, role = ? WHERE id = 1",
                (display_name, role),
            )
        )




_COLUMNS = (
    "id, display_name, role, sign_public, enc_public, verified, verified_at, key_state, added_at"
)


def _contact(row: tuple[Any, ...]) -> ContactRow:
    return ContactRow(
        row[0], row[1], row[2], bytes(row[3]), bytes(row[4]), bool(row[5]), row[6], row[7], row[8]
    )


class ContactRepository:
    """The people I share with or receive from, with verification and key-change state."""

    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    def list(self) -> builtins.list[ContactRow]:
        rows = self._db.run(
            lambda c: c.execute(
                f"SELECT {_COLUMNS} FROM share_contacts ORDER BY display_name COLLATE NOCASE"
            ).fetchall()
        )
        return [_contact(r) for r in rows]

    def get(self, contact_id: str) -> ContactRow:
        row = self._db.run(
            lambda c: c.execute(
                f"SELECT {_COLUMNS} FROM share_contacts WHERE id = ?", (contact_id,)
            ).fetchone()
        )
        if row is None:
            raise NotFoundError(f"no contact with id {contact_id}")
        return _contact(row)

    def by_sign_key(self, sign_public: bytes) -> ContactRow | None:
        row = self._db.run(
            lambda c: c.execute(
                f"SELECT {_COLUMNS} FROM share_contacts WHERE sign_public = ?", (sign_public,)
            ).fetchone()
        )
        return None if row is None else _contact(row)

    def add(
        self, name: str, role: str, sign_public: bytes, enc_public: bytes, verified: bool = False
    ) -> tuple[ContactRow, str]:
        """Add or update from a card's fields. Returns (contact, outcome).

        Outcome: `added`, `unchanged`, `updated` (same keys, new name/role), `verified` or
        `changed` (an existing contact with this name or signing key now has different keys:
        verification is dropped and the contact is blocked until verified again).
        `verified=True` records that the user compared the safety number for exactly these keys.
        """
        now = utc_now()

        def work(conn: Connection) -> tuple[str, str]:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM share_contacts WHERE sign_public = ?", (sign_public,)
            ).fetchone()
            if row is None:
                same_name = conn.execute(
                    f"SELECT {_COLUMNS} FROM share_contacts WHERE display_name = ? COLLATE NOCASE",
                    (name,),
                ).fetchall()
                row = same_name[0] if len(same_name) == 1 else None
            if row is None:
                contact_id = uuid.uuid4().hex
                conn.execute(
                    f"INSERT INTO share_contacts({_COLUMNS}, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, 'ok', ?, ?)",
                    (
                        contact_id,
                        name,
                        role,
                        sign_public,
                        enc_public,
                        int(verified),
                        now if verified else None,
                        now,
                        now,
                    ),
                )
                return contact_id, "added"
            old = _contact(row)
            if old.sign_public == sign_public and old.enc_public == enc_public:
                outcome = "unchanged"
                if (old.display_name, old.role) != (name, role):
                    outcome = "updated"
                conn.execute(
                    "UPDATE share_contacts SET display_name = ?, role = ?, updated_at = ?"
                    " WHERE id = ?",
                    (name, role, now, old.id),
                )
                if verified and not (old.verified and old.key_state != "changed"):
                    conn.execute(
                        "UPDATE share_contacts SET verified = 1, verified_at = ?,"
                        " key_state = 'ok' WHERE id = ?",
                        (now, old.id),
                    )
                    outcome = "verified"
                return old.id, outcome
            conn.execute(
                "UPDATE share_contacts SET display_name = ?, role = ?, sign_public = ?,"
                " enc_public = ?, previous_sign_public = ?, previous_enc_public = ?,"
                " verified = ?, verified_at = ?, key_state = ?, updated_at = ? WHERE id = ?",
                (
                    name,
                    role,
                    sign_public,
                    enc_public,
                    old.sign_public,
                    old.enc_public,
                    int(verified),
                    now if verified else None,
                    "ok" if verified else "changed",
                    now,
                    old.id,
                ),
            )
            return old.id, "changed"

        contact_id, outcome = self._db.transaction(work)
        return self.get(contact_id), outcome

    def mark_verified(self, contact_id: str, verified: bool = True) -> ContactRow:
        """Record that the safety number was compared (clears a key change)."""
        now = utc_now()
        if verified:
            sql = (
                "UPDATE share_contacts SET verified = 1, verified_at = ?, key_state = 'ok',"
                " updated_at = ? WHERE id = ?"
            )
            params: tuple[str, ...] = (now, now, contact_id)
        else:
            sql = (
                "UPDATE share_contacts SET verified = 0, verified_at = NULL, updated_at = ?"
                " WHERE id = ?"
            )
            params = (now, contact_id)
        changed = self._db.transaction(lambda c: c.execute(sql, params).rowcount)
        if not changed:
            raise NotFoundError(f"no contact with id {contact_id}")
        return self.get(contact_id)

    def delete(self, contact_id: str) -> None:
        deleted = self._db.transaction(
            lambda c: c.execute("DELETE FROM share_contacts WHERE id = ?", (contact_id,)).rowcount
        )
        if not deleted:
            raise NotFoundError(f"no contact with id {contact_id}")


def record_sent(
    conn: Connection,
    bundle_id: str,
    contact_id: str,
    created_at: str,
    item_count: int,
    size: int,
    via: str,
) -> None:
    """Note a bundle I sent (inside the caller's transaction; a second note is ignored)."""
    conn.execute(
        "INSERT OR IGNORE INTO share_sent_bundles(bundle_id, contact_id, created_at,"
        " item_count, size, via) VALUES (?, ?, ?, ?, ?, ?)",
        (bundle_id, contact_id, created_at, item_count, size, via),
    )


class SentBundles:
    """What I sent, by file or relay (a record only; the bundle itself is not kept)."""

    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    def record(
        self, bundle_id: str, contact_id: str, created_at: str, item_count: int, size: int, via: str
    ) -> None:
        self._db.transaction(
            lambda c: record_sent(c, bundle_id, contact_id, created_at, item_count, size, via)
        )
