"""Safety numbers: Signal's numeric fingerprint, computed the same way on both sides.

Follows Signal's `NumericFingerprintGenerator`: for each side, start from
(version as 2 bytes || key bytes || stable identifier) and apply `iterations` rounds of
hash = SHA-512(hash || key bytes); the first 30 bytes give six 5-digit chunks (each 5 bytes read
big-endian modulo 100000), i.e. 30 digits per side. The displayed number is the two 30-digit
halves sorted and concatenated: 60 digits, shown as 12 groups of 5, identical for both people.

For MindSpace the "key bytes" of a person are their Ed25519 signing key followed by their X25519
encryption key (64 bytes), so the number covers both identity keys; the stable identifier is
the constant `STABLE_ID`. Pure functions; ~10 ms per number.
"""

from __future__ import annotations

import hashlib

ITERATIONS = 5200
VERSION = 0
STABLE_ID = b"mindspace-identity"


def side_digits(key: bytes, stable_id: bytes, iterations: int = ITERATIONS) -> str:
    """The 30-digit half contributed by one side."""
    digest = VERSION.to_bytes(2, "big") + key + stable_id
    for _ in range(iterations):
        digest = hashlib.sha512(digest + key).digest()
    return "".join(
        f"{int.from_bytes(digest[i : i + 5], 'big') % 100000:05d}" for i in range(0, 30, 5)
    )


def numeric_fingerprint(
    local_key: bytes,
    local_id: bytes,
    remote_key: bytes,
    remote_id: bytes,
    iterations: int = ITERATIONS,
) -> str:
    """The 60-digit displayable fingerprint (no spaces), identical from either side."""
    local = side_digits(local_key, local_id, iterations)
    remote = side_digits(remote_key, remote_id, iterations)
    return local + remote if local <= remote else remote + local


def identity_key_bytes(sign_public: bytes, enc_public: bytes) -> bytes:
    if len(sign_public) != 32 or len(enc_public) != 32:
        raise ValueError("identity keys are 32 bytes each")
    return sign_public + enc_public


def safety_number(my_sign: bytes, my_enc: bytes, their_sign: bytes, their_enc: bytes) -> str:
    """60 digits for this pair of MindSpace identities."""
    return numeric_fingerprint(
        identity_key_bytes(my_sign, my_enc),
        STABLE_ID,
        identity_key_bytes(their_sign, their_enc),
        STABLE_ID,
    )


def group(digits: str, size: int = 5) -> str:
    """'12345 67890 ...' for display and for reading aloud."""
    return " ".join(digits[i : i + size] for i in range(0, len(digits), size))


def my_half(sign_public: bytes, enc_public: bytes) -> str:
    """My 30 digits: they appear (as one half) in every safety number I share with anyone."""
    return side_digits(identity_key_bytes(sign_public, enc_public), STABLE_ID)
