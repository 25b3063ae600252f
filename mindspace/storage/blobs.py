"""Encrypted blob store for audio (and other attachments) inside the vault.

Design
------
* Each blob is one file ``<vault>/blobs/<id>.blob`` holding only ciphertext; its per-file random
  256-bit key is stored in the ``blobs`` table of the (SQLCipher) database, wrapped with
  ChaCha20-Poly1305 under the vault subkey ``derive_key("blob-wrap")`` with the blob id as
  associated data. Deleting the row therefore makes the file undecryptable even if a copy of it
  survives (SSD wear levelling, backups); the file is unlinked as well.
* File format (version 1), chunked STREAM construction::

      header  = b"MSBLOB\\x00\\x01" | chunk_size (u32 BE) | nonce_prefix (7 random bytes)
      chunk i = ChaCha20-Poly1305(file_key, nonce = prefix | i (u32 BE) | last (1 byte),
                                  plaintext[i*chunk_size : (i+1)*chunk_size],
                                  aad = header | blob id)

  The last chunk carries ``last=1`` (an empty blob is one empty final chunk), so truncation,
  reordering, swapping files between ids and any flipped byte fail authentication.
* Writes are atomic: ciphertext goes to ``<id>.tmp`` in the same folder, is fsynced and renamed;
  then the key row is inserted (if that fails the file is removed). Plaintext never touches disk;
  :meth:`BlobStore.get` decrypts into memory.
* Errors (one line, safe to show): :class:`BlobNotFoundError`, :class:`BlobIntegrityError`.
  ``VaultLockedError`` when the vault is locked. Safe to call from worker threads (SQL goes through
  the vault's executor; each call works on its own file).
"""

from __future__ import annotations

import os
import secrets
import struct
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from mindspace.storage.errors import NotFoundError, VaultError
from mindspace.storage.vault import Vault

MAGIC = b"MSBLOB\x00\x01"
HEADER = struct.Struct(">8sI7s")
CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
KEY_AD_PREFIX = b"mindspace/blob-key/v1/"
BLOB_DIR = "blobs"
_SUFFIX = ".blob"


class BlobNotFoundError(NotFoundError):
    """No blob with that id (or its file is gone)."""


class BlobIntegrityError(VaultError):
    """The blob's ciphertext or key failed authentication (tampered, truncated or corrupt)."""


def _valid_id(blob_id: str) -> str:
    if not blob_id or not all(c in "0123456789abcdef" for c in blob_id) or len(blob_id) != 32:
        raise BlobNotFoundError(f"no blob with id {blob_id!r}")
    return blob_id


def encrypt_blob(blob_id: str, key: bytes, data: bytes, chunk_size: int = CHUNK_SIZE) -> bytes:
    """The version-1 ciphertext of ``data`` bound to ``blob_id`` (pure function)."""
    header = HEADER.pack(MAGIC, chunk_size, secrets.token_bytes(7))
    aad = header + blob_id.encode("ascii")
    aead = ChaCha20Poly1305(key)
    prefix = header[-7:]
    out = [header]
    view = memoryview(data)
    count = max(1, -(-len(data) // chunk_size))
    for i in range(count):
        chunk = bytes(view[i * chunk_size : (i + 1) * chunk_size])
        nonce = prefix + struct.pack(">I", i) + (b"\x01" if i == count - 1 else b"\x00")
        out.append(aead.encrypt(nonce, chunk, aad))
    return b"".join(out)


def decrypt_blob(blob_id: str, key: bytes, blob: bytes) -> bytes:
    """Inverse of :func:`encrypt_blob`; raises :class:`BlobIntegrityError` on any mismatch."""
    bad = BlobIntegrityError(
        f"audio blob {blob_id[:8]}… failed its integrity check (tampered, truncated or corrupt)"
    )
    if len(blob) < HEADER.size + TAG_SIZE:
        raise bad
    magic, chunk_size, prefix = HEADER.unpack_from(blob)
    if magic != MAGIC or not 1024 <= chunk_size <= 16 * 1024 * 1024:
        raise bad
    aad = blob[: HEADER.size] + blob_id.encode("ascii")
    aead = ChaCha20Poly1305(key)
    body = memoryview(blob)[HEADER.size :]
    step = chunk_size + TAG_SIZE
    count = max(1, -(-len(body) // step))
    parts: list[bytes] = []
    try:
        for i in range(count):
            piece = bytes(body[i * step : (i + 1) * step])
            nonce = prefix + struct.pack(">I", i) + (b"\x01" if i == count - 1 else b"\x00")
            parts.append(aead.decrypt(nonce, piece, aad))
    except InvalidTag:
        raise bad from None
    return b"".join(parts)


class BlobStore:
    """Encrypted blobs of one open vault. See the module docstring for the format."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self.root = vault.data_dir / BLOB_DIR

    def path_for(self, blob_id: str) -> Path:
        return self.root / f"{_valid_id(blob_id)}{_SUFFIX}"

    def _wrap_aead(self) -> ChaCha20Poly1305:
        return ChaCha20Poly1305(self._vault.derive_key("blob-wrap"))

    def put(self, data: bytes, kind: str = "application/octet-stream") -> str:
        """Encrypt and store ``data``; returns the new blob id (32 hex chars)."""
        blob_id = uuid.uuid4().hex
        file_key = secrets.token_bytes(32)
        nonce = secrets.token_bytes(12)
        wrapped = nonce + self._wrap_aead().encrypt(
            nonce, file_key, KEY_AD_PREFIX + blob_id.encode("ascii")
        )
        ciphertext = encrypt_blob(blob_id, file_key, bytes(data))
        self.root.mkdir(parents=True, exist_ok=True)
        os.chmod(self.root, 0o700)
        final = self.path_for(blob_id)
        tmp = final.with_suffix(".tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(ciphertext)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, final)
            now = datetime.now().replace(microsecond=0).isoformat()
            self._vault.db.transaction(
                lambda c: c.execute(
                    "INSERT INTO blobs(id, kind, wrapped_key, size, created_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (blob_id, kind, wrapped, len(data), now),
                )
            )
        except BaseException:
            tmp.unlink(missing_ok=True)
            final.unlink(missing_ok=True)
            raise
        return blob_id

    def info(self, blob_id: str) -> dict[str, Any]:
        """``{"id", "kind", "size", "created_at"}`` of a stored blob."""
        row = self._row(blob_id)
        return {"id": blob_id, "kind": row[0], "size": int(row[2]), "created_at": row[3]}

    def _row(self, blob_id: str) -> tuple[Any, ...]:
        _valid_id(blob_id)
        row = self._vault.db.run(
            lambda c: c.execute(
                "SELECT kind, wrapped_key, size, created_at FROM blobs WHERE id=?", (blob_id,)
            ).fetchone()
        )
        if row is None:
            raise BlobNotFoundError(f"no blob with id {blob_id}")
        return tuple(row)

    def exists(self, blob_id: str) -> bool:
        try:
            self._row(blob_id)
        except BlobNotFoundError:
            return False
        return True

    def get(self, blob_id: str) -> bytes:
        """Decrypt a blob into memory. Raises BlobNotFoundError / BlobIntegrityError."""
        row = self._row(blob_id)
        wrapped = bytes(row[1])
        try:
            file_key = self._wrap_aead().decrypt(
                wrapped[:12], wrapped[12:], KEY_AD_PREFIX + blob_id.encode("ascii")
            )
        except InvalidTag:
            raise BlobIntegrityError(
                f"the key of audio blob {blob_id[:8]}… failed its integrity check"
            ) from None
        try:
            ciphertext = self.path_for(blob_id).read_bytes()
        except FileNotFoundError:
            raise BlobNotFoundError(
                f"the file of audio blob {blob_id[:8]}… is missing from the vault folder"
            ) from None
        data = decrypt_blob(blob_id, file_key, ciphertext)
        if len(data) != int(row[2]):
            raise BlobIntegrityError(f"audio blob {blob_id[:8]}… has the wrong length")
        return data

    def delete(self, blob_id: str) -> None:
        """Forget the key (crypto-shredding) and remove the file. Missing blobs are ignored."""
        _valid_id(blob_id)
        self._vault.db.transaction(lambda c: c.execute("DELETE FROM blobs WHERE id=?", (blob_id,)))
        self.path_for(blob_id).unlink(missing_ok=True)

    def ids(self) -> list[str]:
        rows = self._vault.db.run(lambda c: c.execute("SELECT id FROM blobs").fetchall())
        return sorted(r[0] for r in rows)

    def sweep_orphans(self) -> int:
        """Remove files without a key row (e.g. after a crash mid-write); returns how many."""
        if not self.root.is_dir():
            return 0
        known = set(self.ids())
        removed = 0
        for path in self.root.iterdir():
            stem = path.name.split(".")[0]
            if path.suffix in (_SUFFIX, ".tmp") and stem not in known:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
