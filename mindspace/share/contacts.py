"""Contacts: the people I share with or receive from, with verification and key-change state.

A contact is `verified` once the user compared the safety number (or scanned the QR code). If a
card arrives for an existing contact with different keys, the contact moves to key state
`changed`, loses its verification and is blocked for sending and receiving until re-verified
(`send_checks`, `check_sender`). Rows are stored by `storage.sharing`; this module is
pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from mindspace.core.errors import NotFoundError
from mindspace.core.sharing import ContactRow
from mindspace.share.bundle import BundleError, Party
from mindspace.share.contact_card import ContactCard
from mindspace.share.errors import SharingError
from mindspace.share.safety_number import group, safety_number


@dataclass(frozen=True)
class Contact(ContactRow):
    """A stored contact with what the protocol needs of it."""

    @classmethod
    def from_row(cls, row: ContactRow) -> Contact:
        return cls(**{f.name: getattr(row, f.name) for f in fields(ContactRow)})

    @property
    def key_changed(self) -> bool:
        return self.key_state == "changed"

    @property
    def trusted(self) -> bool:
        """Verified and not changed since: the only state that allows receiving from them."""
        return self.verified and not self.key_changed

    def party(self) -> Party:
        return Party(self.display_name, self.sign_public, self.enc_public)

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


def find_contact(contacts: Sequence[Contact], name_or_id: str) -> Contact:
    """By exact id, then by name (case-insensitive), then by a unique id prefix."""
    wanted = name_or_id.strip()
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


def send_checks(contact: Contact, allow_unverified: bool) -> list[str]:
    """Whether I may send to `contact`: SharingError if blocked, else the warnings to show."""
    if contact.key_changed:
        raise SharingError(
            f"the keys of {contact.display_name} changed: compare the safety number again"
            " and mark the contact verified before sending"
        )
    if not contact.verified:
        if not allow_unverified:
            raise SharingError(
                f"{contact.display_name} is not verified: compare the safety number first,"
                " or confirm sending to an unverified contact"
            )
        return [f"{contact.display_name} is not verified; their identity was not checked"]
    return []


def check_sender(contact: Contact | None, party: Party) -> None:
    """Raise BundleError("unknown_sender") unless `party` is this trusted contact's keys."""
    if contact is None:
        raise BundleError(
            "unknown_sender",
            f"{party.name!r} is not one of your contacts (add and verify their card)",
        )
    if contact.enc_public != party.enc_public:
        raise BundleError(
            "unknown_sender",
            f"the keys of {contact.display_name} do not match their verified card",
        )
    if contact.key_changed:
        raise BundleError(
            "unknown_sender",
            f"the keys of {contact.display_name} changed and were not re-verified",
        )
    if not contact.verified:
        raise BundleError(
            "unknown_sender",
            f"{contact.display_name} is not verified: compare the safety number first",
        )
