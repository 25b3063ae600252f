"""This installation's sharing identity: Ed25519 (signing) and X25519 (encryption) key pairs.

The private keys are sealed with ChaCha20-Poly1305 under a vault subkey (`derive_key(
"share-identity")`) and stored only inside the encrypted database (`storage.sharing`); they
never touch a file. Pure functions; `IdentityError` (one line) for a damaged identity row or a
bad role.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from mindspace.core.errors import UserError
from mindspace.core.rules import utc_now
from mindspace.core.sharing import IdentityRow
from mindspace.share.contact_card import ContactCard, clean_name
from mindspace.share.safety_number import group, my_half

ROLES = ("patient", "therapist", "study")
_AD = b"mindspace/share-identity/v1"


class IdentityError(UserError):
    """The stored identity cannot be used (message is one line for the user)."""


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


def check_role(role: str) -> str:
    if role not in ROLES:
        raise IdentityError("the role must be patient, therapist or study")
    return role


def generate_identity(display_name: str = "MindSpace user", role: str = "patient") -> Identity:
    """Fresh key pairs and a new device id (nothing stored yet)."""
    role = check_role(role)
    return Identity(
        clean_name(display_name),
        role,
        Ed25519PrivateKey.generate(),
        X25519PrivateKey.generate(),
        uuid.uuid4().hex,
        utc_now(),
    )


def derived_identity(seed: bytes, display_name: str, role: str = "patient") -> Identity:
    """A key pair made from a 64-byte secret `seed` (the same seed gives the same keys), e.g. a
    per-study pseudonym derived from the vault key, so nothing needs to be stored."""
    if len(seed) != 64:
        raise ValueError("the seed must be 64 bytes")
    sign = Ed25519PrivateKey.from_private_bytes(seed[:32])
    return Identity(
        clean_name(display_name),
        check_role(role),
        sign,
        X25519PrivateKey.from_private_bytes(seed[32:]),
        hashlib.sha256(seed).hexdigest()[:32],
        utc_now(),
    )


def seal_private(identity: Identity, seal_key: bytes) -> bytes:
    """Both private keys sealed with ChaCha20-Poly1305 under the vault subkey (nonce first)."""
    nonce = os.urandom(12)
    secret = identity.sign_private.private_bytes_raw() + identity.enc_private.private_bytes_raw()
    ad = _AD + identity.sign_public + identity.enc_public
    return nonce + ChaCha20Poly1305(seal_key).encrypt(nonce, secret, ad)


def open_identity(row: IdentityRow, seal_key: bytes) -> Identity:
    """Unseal a stored identity; IdentityError if it was damaged or does not match its keys."""
    sealed = bytes(row.sealed_private)
    sign_pub, enc_pub = bytes(row.sign_public), bytes(row.enc_public)
    try:
        secret = ChaCha20Poly1305(seal_key).decrypt(
            sealed[:12], sealed[12:], _AD + sign_pub + enc_pub
        )
    except InvalidTag:
        raise IdentityError("the stored sharing identity is damaged") from None
    identity = Identity(
        row.display_name,
        row.role,
        Ed25519PrivateKey.from_private_bytes(secret[:32]),
        X25519PrivateKey.from_private_bytes(secret[32:]),
        row.device_id,
        row.created_at,
    )
    if identity.sign_public != sign_pub or identity.enc_public != enc_pub:
        raise IdentityError("the stored sharing identity is damaged")
    return identity
