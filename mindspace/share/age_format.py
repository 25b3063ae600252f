"""The age v1 file format (https://age-encryption.org/v1), X25519 recipients, on `cryptography`.

What is implemented: the binary (un-armored) format, X25519 recipient stanzas, the header MAC and
the STREAM ChaCha20-Poly1305 payload with 64 KiB chunks. Files made here are read by any age
implementation (the tests cross-check with `pyrage`), and this reader passes the C2SP age
known-answer vectors for these features.

Documented leniencies (features we neither need nor read): ASCII armor, scrypt passphrase
stanzas (a header with an scrypt stanza next to others is still rejected, as the spec requires)
and the post-quantum `mlkem768x25519` stanzas (ignored like any unknown stanza type). Parser
limits: a header of at most `MAX_HEADER` bytes and `MAX_STANZAS` stanzas.

Errors: every failure is an `AgeError` subclass naming which layer failed
(`AgeHeaderError`, `AgeNoMatchError`, `AgeHmacError`, `AgePayloadError`). Pure functions, any
thread.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mindspace.share import bech32

VERSION_LINE = b"age-encryption.org/v1"
X25519_LABEL = b"age-encryption.org/v1/X25519"
FILE_KEY_SIZE = 16
CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
ENC_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE
NONCE_SIZE = 16
MAX_HEADER = 64 * 1024
MAX_STANZAS = 64
_B64_CHARS = re.compile(rb"^[A-Za-z0-9+/]*$")


class AgeError(Exception):
    """The data is not a readable age file for these identities."""


class AgeHeaderError(AgeError):
    """The header does not parse, or a recipient stanza is malformed."""


class AgeNoMatchError(AgeError):
    """The header parses, but none of its recipient stanzas opens with the given identities."""


class AgeHmacError(AgeError):
    """A file key was unwrapped but the header MAC does not match: the header was altered."""


class AgePayloadError(AgeError):
    """The encrypted payload is truncated, altered or has trailing data."""


@dataclass(frozen=True)
class Stanza:
    type: str
    args: tuple[str, ...]
    body: bytes


@dataclass(frozen=True)
class Header:
    stanzas: tuple[Stanza, ...]
    mac: bytes
    mac_input: bytes  # the header bytes up to and including "---"
    payload_offset: int  # where the 16-byte payload nonce starts


# ---- keys ------------------------------------------------------------------------------------
def identity_from_bech32(text: str) -> X25519PrivateKey:
    """Parse `AGE-SECRET-KEY-1...` into a private key (AgeError if malformed)."""
    try:
        hrp, data = bech32.decode(text.strip())
    except bech32.Bech32Error as exc:
        raise AgeError(f"not an age identity: {exc}") from None
    if hrp != "age-secret-key-" or len(data) != 32:
        raise AgeError("not an age X25519 identity")
    return X25519PrivateKey.from_private_bytes(data)


def identity_to_bech32(key: X25519PrivateKey) -> str:
    return bech32.encode("age-secret-key-", key.private_bytes_raw()).upper()


def recipient_to_bech32(public: bytes) -> str:
    return bech32.encode("age", public)


# ---- helpers ---------------------------------------------------------------------------------
def _hkdf(ikm: bytes, salt: bytes, info: bytes, length: int = 32) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(ikm)


def b64_encode(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def b64_decode(text: bytes) -> bytes:
    """Strict, canonical, unpadded standard base64 (ValueError otherwise)."""
    if not _B64_CHARS.match(text) or len(text) % 4 == 1:
        raise ValueError("invalid base64")
    data = base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    if b64_encode(data) != text:
        raise ValueError("non-canonical base64")
    return data


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


# ---- header ----------------------------------------------------------------------------------
def parse_header(data: bytes) -> Header:
    """Parse the header strictly (AgeHeaderError on any deviation from the spec)."""
    pos = 0

    def line() -> bytes:
        nonlocal pos
        end = data.find(b"\n", pos, min(len(data), MAX_HEADER))
        if end < 0:
            raise AgeHeaderError("the header is truncated or too large")
        text, pos = data[pos:end], end + 1
        return text

    if line() != VERSION_LINE:
        raise AgeHeaderError("not an age v1 file (unsupported version line)")
    stanzas: list[Stanza] = []
    while True:
        start = pos
        text = line()
        if text.startswith(b"--- "):
            try:
                mac = b64_decode(text[4:])
            except ValueError:
                raise AgeHeaderError("malformed header MAC") from None
            if len(mac) != 32:
                raise AgeHeaderError("malformed header MAC")
            break
        if not text.startswith(b"-> "):
            raise AgeHeaderError("malformed header line")
        if len(stanzas) >= MAX_STANZAS:
            raise AgeHeaderError("too many recipient stanzas")
        args = text[3:].split(b" ")
        if any(not a or any(c < 33 or c > 126 for c in a) for a in args):
            raise AgeHeaderError("malformed stanza arguments")
        body = b""
        while True:
            chunk = line()
            if len(chunk) > 64:
                raise AgeHeaderError("stanza body line too long")
            body += chunk
            if len(chunk) < 64:
                break
        try:
            decoded = b64_decode(body)
        except ValueError:
            raise AgeHeaderError("malformed stanza body") from None
        stanzas.append(
            Stanza(args[0].decode("ascii"), tuple(a.decode("ascii") for a in args[1:]), decoded)
        )
    if not stanzas:
        raise AgeHeaderError("no recipient stanzas")
    if any(s.type == "scrypt" for s in stanzas) and len(stanzas) != 1:
        raise AgeHeaderError("an scrypt stanza must be alone in the header")
    if len(data) - pos < NONCE_SIZE:
        raise AgeHeaderError("the payload nonce is missing or short")
    return Header(tuple(stanzas), mac, data[: start + 3], pos)


def encode_header_without_mac(stanzas: Sequence[Stanza]) -> bytes:
    """Header text up to and including "---" (the MAC input)."""
    out = [VERSION_LINE + b"\n"]
    for stanza in stanzas:
        out.append(b"-> " + " ".join((stanza.type, *stanza.args)).encode("ascii") + b"\n")
        body = b64_encode(stanza.body)
        lines = [body[i : i + 64] for i in range(0, len(body), 64)]
        if not lines or len(lines[-1]) == 64:
            lines.append(b"")
        out.append(b"".join(ln + b"\n" for ln in lines))
    out.append(b"---")
    return b"".join(out)


def _unwrap(stanzas: Sequence[Stanza], identities: Sequence[X25519PrivateKey]) -> bytes:
    for identity in identities:
        own_public = identity.public_key().public_bytes_raw()
        for stanza in stanzas:
            if stanza.type != "X25519":
                continue
            if len(stanza.args) != 1:
                raise AgeHeaderError("malformed X25519 stanza")
            try:
                share = b64_decode(stanza.args[0].encode("ascii"))
            except ValueError:
                raise AgeHeaderError("malformed X25519 share") from None
            if len(share) != 32:
                raise AgeHeaderError("malformed X25519 share")
            if len(stanza.body) != FILE_KEY_SIZE + TAG_SIZE:
                raise AgeHeaderError("malformed X25519 stanza body")
            try:
                shared = identity.exchange(X25519PublicKey.from_public_bytes(share))
            except ValueError:
                raise AgeHeaderError("X25519 share is a low-order point") from None
            if shared == bytes(32):
                raise AgeHeaderError("X25519 share is a low-order point")
            wrap_key = _hkdf(shared, share + own_public, X25519_LABEL)
            try:
                return ChaCha20Poly1305(wrap_key).decrypt(bytes(12), stanza.body, None)
            except InvalidTag:
                continue
    raise AgeNoMatchError("no recipient stanza matches this identity")


# ---- decryption ------------------------------------------------------------------------------
def decrypt_chunks(data: bytes, identities: Sequence[X25519PrivateKey]) -> Iterator[bytes]:
    """Yield the plaintext chunk by chunk; raise at the first failure.

    Callers that must not act on partial plaintext use `decrypt`, which releases nothing until
    the whole payload authenticated.
    """
    header = parse_header(data)
    file_key = _unwrap(header.stanzas, identities)
    mac_key = _hkdf(file_key, b"", b"header")
    expected = hmac.new(mac_key, header.mac_input, hashlib.sha256).digest()
    if not hmac.compare_digest(expected, header.mac):
        raise AgeHmacError("the header MAC does not match")
    nonce = data[header.payload_offset : header.payload_offset + NONCE_SIZE]
    aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    pos = header.payload_offset + NONCE_SIZE
    counter = 0
    while True:
        remaining = len(data) - pos
        if remaining == 0:
            raise AgePayloadError("the payload is truncated (no final chunk)")
        if remaining < ENC_CHUNK_SIZE:
            chunk = data[pos:]
            if counter and len(chunk) == TAG_SIZE:
                raise AgePayloadError("the final chunk is empty")
            try:
                plain = aead.decrypt(_nonce(counter, True), chunk, None)
            except InvalidTag:
                raise AgePayloadError("a payload chunk failed to authenticate") from None
            last = True
        else:
            chunk = data[pos : pos + ENC_CHUNK_SIZE]
            try:
                plain, last = aead.decrypt(_nonce(counter, False), chunk, None), False
            except InvalidTag:
                try:
                    plain, last = aead.decrypt(_nonce(counter, True), chunk, None), True
                except InvalidTag:
                    raise AgePayloadError("a payload chunk failed to authenticate") from None
        if counter >= 2**88 - 1:
            raise AgePayloadError("the payload is too long")
        yield plain
        pos += len(chunk)
        counter += 1
        if last:
            if pos != len(data):
                raise AgePayloadError("trailing data after the end of the payload")
            return


def decrypt(
    data: bytes, identities: Sequence[X25519PrivateKey], max_plaintext: int | None = None
) -> bytes:
    """Whole-file decryption: plaintext only if every chunk authenticated (else AgeError)."""
    parts: list[bytes] = []
    size = 0
    for part in decrypt_chunks(data, identities):
        size += len(part)
        if max_plaintext is not None and size > max_plaintext:
            raise AgePayloadError("the payload is larger than allowed")
        parts.append(part)
    return b"".join(parts)


# ---- encryption ------------------------------------------------------------------------------
def wrap_file_key(file_key: bytes, recipient: bytes) -> Stanza:
    ephemeral = X25519PrivateKey.generate()
    share = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    wrap_key = _hkdf(shared, share + recipient, X25519_LABEL)
    body = ChaCha20Poly1305(wrap_key).encrypt(bytes(12), file_key, None)
    return Stanza("X25519", (b64_encode(share).decode("ascii"),), body)


def encrypt(plaintext: bytes, recipients: Sequence[bytes]) -> bytes:
    """Encrypt to one or more raw 32-byte X25519 public keys."""
    if not recipients:
        raise ValueError("at least one recipient is needed")
    file_key = os.urandom(FILE_KEY_SIZE)
    head = encode_header_without_mac([wrap_file_key(file_key, r) for r in recipients])
    mac = hmac.new(_hkdf(file_key, b"", b"header"), head, hashlib.sha256).digest()
    nonce = os.urandom(NONCE_SIZE)
    aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    out = [head, b" ", b64_encode(mac), b"\n", nonce]
    count = max(1, -(-len(plaintext) // CHUNK_SIZE))
    for i in range(count):
        chunk = plaintext[i * CHUNK_SIZE : (i + 1) * CHUNK_SIZE]
        out.append(aead.encrypt(_nonce(i, i == count - 1), chunk, None))
    return b"".join(out)


def encrypted_size(plaintext_size: int, recipients: int = 1) -> int:
    """Exact size of `encrypt` output for this plaintext size (X25519 stanzas are fixed-size)."""
    head = len(VERSION_LINE) + 1 + recipients * (3 + 7 + 43 + 1 + 43 + 1) + 3 + 1 + 43 + 1
    chunks = max(1, -(-plaintext_size // CHUNK_SIZE))
    return head + NONCE_SIZE + plaintext_size + chunks * TAG_SIZE
