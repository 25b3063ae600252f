"""Contacts: the people I share with or receive from, with verification and key-change state.

A contact is `verified` once the user compared the safety number (or scanned the QR code). If a
card arrives for an existing contact with different keys, the contact moves to key state
`changed`, loses its verification and is blocked for sending and receiving until re-verified.
All SQL runs on the vault's DB executor.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from mindspace.share.contact_card import ContactCard
from mindspace.share.identity import utc_now
from mindspace.share.safety_number import group, safety_number
from mindspace.storage.database import DbExecutor
from mindspace.storage.errors import NotFoundError


@dataclass(frozen=True)
class Contact:
    id: str
    display_name: str
    role: str
    sign_public: bytes
    enc_public: bytes
    verified: bool
    verified_at: str | None
    key_state: str  # ok | changed
    added_at: str

    @property
    def key_changed(self) -> bool:
        return self.key_state == "changed"

    @property
    def trusted(self) -> bool:
        """Verified and not changed since: the only state that allows receiving from them."""
        return self.verified and not self.key_changed

    def card(self) -> ContactCard:
        return ContactCard(self.display_name, self.sign_public, self.enc_public, self.role)

    def safety_number(self, my_sign: bytes, my_enc: bytes) -> str:
        return group(safety_number(my_sign, my_enc, self.sign_public, self.enc_public))

    def state_word(self) -> str:
        if self.key_changed:
            return "keys changed"
        return "verified" if self.verified else "not verified"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.display_name,
            "role": self.role,
            "verified": self.verified,
            "key_state": self.key_state,
            "sign_key": self.sign_public.hex(),
            "enc_key": self.enc_public.hex(),
        }


_COLUMNS = (
    "id, display_name, role, sign_public, enc_public, verified, verified_at, key_state, added_at"
)


def _contact(row: tuple[Any, ...]) -> Contact:
    return Contact(
        row[0], row[1], row[2], bytes(row[3]), bytes(row[4]), bool(row[5]), row[6], row[7], row[8]
    )


class ContactRepository:
    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    def list(self) -> list[Contact]:
        rows = self._db.run(
            lambda c: c.execute(
                f"SELECT {_COLUMNS} FROM share_contacts ORDER BY display_name COLLATE NOCASE"
            ).fetchall()
        )
        return [_contact(r) for r in rows]

    def get(self, contact_id: str) -> Contact:
        row = self._db.run(
            lambda c: c.execute(
                f"SELECT {_COLUMNS} FROM share_contacts WHERE id = ?", (contact_id,)
            ).fetchone()
        )
        if row is None:
            raise NotFoundError(f"no contact with id {contact_id}")
        return _contact(row)

    def by_sign_key(self, sign_public: bytes) -> Contact | None:
        row = self._db.run(
            lambda c: c.execute(
                f"SELECT {_COLUMNS} FROM share_contacts WHERE sign_public = ?", (sign_public,)
            ).fetchone()
        )
        return None if row is None else _contact(row)

    def find(self, name_or_id: str) -> Contact:
        """By exact id, then by name (case-insensitive), then by a unique id prefix."""
        wanted = name_or_id.strip()
        contacts = self.list()
        for contact in contacts:
            if contact.id == wanted:
                return contact
        named = [c for c in contacts if c.display_name.casefold() == wanted.casefold()]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            raise NotFoundError(f"more than one contact is called {wanted!r}: use the contact id")
        prefixed = [c for c in contacts if len(wanted) >= 4 and c.id.startswith(wanted.lower())]
        if len(prefixed) == 1:
            return prefixed[0]
        raise NotFoundError(f"no contact called {wanted!r}")

    def add(self, card: ContactCard, verified: bool = False) -> tuple[Contact, str]:
        """Add or update from a card. Returns (contact, outcome).

        Outcome: `added`, `unchanged`, `updated` (same keys, new name/role) or `changed` (an
        existing contact with this name or signing key now has different keys: verification is
        dropped and the contact is blocked until verified again). `verified=True` records that
        the user compared the safety number for exactly these keys.
        """
        now = utc_now()

        def work(conn: Any) -> tuple[str, str]:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM share_contacts WHERE sign_public = ?", (card.sign_public,)
            ).fetchone()
            if row is None:
                same_name = conn.execute(
                    f"SELECT {_COLUMNS} FROM share_contacts WHERE display_name = ? COLLATE NOCASE",
                    (card.name,),
                ).fetchall()
                row = same_name[0] if len(same_name) == 1 else None
            if row is None:
                contact_id = uuid.uuid4().hex
                conn.execute(
                    f"INSERT INTO share_contacts({_COLUMNS}, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, 'ok', ?, ?)",
                    (
                        contact_id,
                        card.name,
                        card.role,
                        card.sign_public,
                        card.enc_public,
                        int(verified),
                        now if verified else None,
                        now,
                        now,
                    ),
                )
                return contact_id, "added"
            old = _contact(row)
            if old.sign_public == card.sign_public and old.enc_public == card.enc_public:
                outcome = "unchanged"
                if (old.display_name, old.role) != (card.name, card.role):
                    outcome = "updated"
                conn.execute(
                    "UPDATE share_contacts SET display_name = ?, role = ?, updated_at = ?"
                    " WHERE id = ?",
                    (card.name, card.role, now, old.id),
                )
                if verified and not old.trusted:
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
                    card.name,
                    card.role,
                    card.sign_public,
                    card.enc_public,
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

    def mark_verified(self, contact_id: str, verified: bool = True) -> Contact:
        """Record that the safety number was compared (clears a key change)."""
        now = utc_now()
        if verified:
            sql = (
                "UPDATE share_contacts SET verified = 1, verified_at = ?, key_state = 'ok',"
                " updated_at = ? WHERE id = ?"
            )
        else:
            sql = (
                "UPDATE share_contacts SET verified = 0, verified_at = NULL, updated_at = ?"
                " WHERE id = ?"
            )
        params = (now, now, contact_id) if verified else (now, contact_id)
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
