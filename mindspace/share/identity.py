"""This installation's sharing identity: Ed25519 (signing) and X25519 (encryption) key pairs.

The private keys are sealed with ChaCha20-Poly1305 under a vault subkey (`derive_key(
"share-identity")`) and stored only inside the encrypted database; they never touch a file.
All SQL runs on the vault's DB executor. Errors: `VaultLockedError` when locked,
`IdentityError` (one line) for a damaged identity row.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from mindspace.core.errors import UserError
from mindspace.share.contact_card import ContactCard, _clean_name
from mindspace.share.safety_number import group, my_half
from mindspace.storage.database import DbExecutor

SEAL_PURPOSE = "share-identity"
_AD = b"mindspace/share-identity/v1"


class IdentityError(UserError):
    """The stored identity cannot be used (message is one line for the user)."""


def utc_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Identity:
    display_name: str
    role: str
    sign_private: Ed25519PrivateKey
    enc_private: X25519PrivateKey
    device_id: str
    created_at: str

    @property
    def sign_public(self) -> bytes:
        return self.sign_private.public_key().public_bytes_raw()

    @property
    def enc_public(self) -> bytes:
        return self.enc_private.public_key().public_bytes_raw()

    def card(self) -> ContactCard:
        return ContactCard(self.display_name, self.sign_public, self.enc_public, self.role)

    def fingerprint(self) -> str:
        """My 30-digit half of every safety number, in groups of five."""
        return group(my_half(self.sign_public, self.enc_public))

    def sign(self, data: bytes) -> bytes:
        return self.sign_private.sign(data)


class IdentityRepository:
    """Create, load and rename the single identity of this vault."""

    def __init__(self, db: DbExecutor, seal_key: bytes) -> None:
        self._db = db
        self._aead = ChaCha20Poly1305(seal_key)
        self._cache: Identity | None = None

    def exists(self) -> bool:
        row = self._db.run(lambda c: c.execute("SELECT 1 FROM share_identity").fetchone())
        return row is not None

    def get(self) -> Identity | None:
        if self._cache is not None:
            return self._cache
        row = self._db.run(
            lambda c: c.execute(
                "SELECT display_name, role, sign_public, enc_public, sealed_private, device_id,"
                " created_at FROM share_identity WHERE id = 1"
            ).fetchone()
        )
        if row is None:
            return None
        name, role, sign_pub, enc_pub, sealed, device_id, created = row
        try:
            secret = self._aead.decrypt(
                bytes(sealed[:12]), bytes(sealed[12:]), _AD + sign_pub + enc_pub
            )
        except InvalidTag:
            raise IdentityError("the stored sharing identity is damaged") from None
        identity = Identity(
            name,
            role,
            Ed25519PrivateKey.from_private_bytes(secret[:32]),
            X25519PrivateKey.from_private_bytes(secret[32:]),
            device_id,
            created,
        )
        if identity.sign_public != bytes(sign_pub) or identity.enc_public != bytes(enc_pub):
            raise IdentityError("the stored sharing identity is damaged")
        self._cache = identity
        return identity

    def get_or_create(
        self, display_name: str = "MindSpace user", role: str = "patient"
    ) -> Identity:
        existing = self.get()
        if existing is not None:
            return existing
        if role not in ("patient", "therapist"):
            raise IdentityError("the role must be patient or therapist")
        sign = Ed25519PrivateKey.generate()
        enc = X25519PrivateKey.generate()
        sign_pub = sign.public_key().public_bytes_raw()
        enc_pub = enc.public_key().public_bytes_raw()
        nonce = os.urandom(12)
        sealed = nonce + self._aead.encrypt(
            nonce, sign.private_bytes_raw() + enc.private_bytes_raw(), _AD + sign_pub + enc_pub
        )
        name = _clean_name(display_name)
        device_id = uuid.uuid4().hex

        def work(conn: Any) -> None:
            conn.execute(
                "INSERT OR IGNORE INTO share_identity(id, display_name, role, sign_public,"
                " enc_public, sealed_private, device_id, created_at)"
                " VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
                (name, role, sign_pub, enc_pub, sealed, device_id, utc_now()),
            )

        self._db.transaction(work)
        created = self.get()
        assert created is not None
        return created

    def update(self, display_name: str | None = None, role: str | None = None) -> Identity:
        """Change the name or role shown on my card (keys stay the same)."""
        current = self.get()
        if current is None:
            raise IdentityError("no sharing identity yet")
        name = _clean_name(display_name) if display_name is not None else current.display_name
        new_role = role or current.role
        if new_role not in ("patient", "therapist"):
            raise IdentityError("the role must be patient or therapist")
        self._db.transaction(
            lambda c: c.execute(
                "UPDATE share_identity SET display_name = ?, role = ? WHERE id = 1",
                (name, new_role),
            )
        )
        self._cache = None
        updated = self.get()
        assert updated is not None
        return updated
