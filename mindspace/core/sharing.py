"""The sharing records as the vault stores them: my identity and my contacts.

Plain stored fields; `mindspace.share` adds the protocol around them (sealing keys, safety
numbers) and `mindspace.storage.sharing` reads and writes them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IdentityRow:
    display_name: str
    role: str
    sign_public: bytes
    enc_public: bytes
    sealed_private: bytes
    device_id: str
    created_at: str


@dataclass(frozen=True)
class ContactRow:
    id: str
    display_name: str
    role: str
    sign_public: bytes
    enc_public: bytes
    verified: bool
    verified_at: str | None
    key_state: str  # ok | changed
    added_at: str
