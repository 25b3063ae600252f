"""Encrypted blob store: round trip, chunking, tamper detection, crypto-shredding."""

from __future__ import annotations

import os

import pytest

from mindspace.app import AppServices
from mindspace.storage.blobs import (
    CHUNK_SIZE,
    HEADER,
    BlobIntegrityError,
    BlobNotFoundError,
    decrypt_blob,
    encrypt_blob,
)
from mindspace.storage.errors import VaultLockedError


def test_round_trip_small_large_and_empty(open_services: AppServices) -> None:
    store = open_services.blobs
    payloads = [b"", b"hello audio", os.urandom(3 * CHUNK_SIZE + 123), os.urandom(CHUNK_SIZE)]
    ids = [store.put(p, "test") for p in payloads]
    assert len(set(ids)) == len(ids)
    for blob_id, payload in zip(ids, payloads, strict=True):
        assert store.get(blob_id) == payload
        assert store.info(blob_id)["size"] == len(payload)
    assert sorted(ids) == store.ids()


def test_file_holds_no_plaintext(open_services: AppServices) -> None:
    secret = b"PLAINTEXT-CANARY-" * 200
    blob_id = open_services.blobs.put(secret, "test")
    raw = open_services.blobs.path_for(blob_id).read_bytes()
    assert b"PLAINTEXT-CANARY" not in raw
    assert len(raw) >= len(secret) + HEADER.size + 16


@pytest.mark.parametrize("where", ["header", "first-chunk", "tag"])
def test_a_flipped_byte_is_a_clear_error(open_services: AppServices, where: str) -> None:
    payload = os.urandom(2 * CHUNK_SIZE + 10)
    blob_id = open_services.blobs.put(payload, "test")
    path = open_services.blobs.path_for(blob_id)
    data = bytearray(path.read_bytes())
    index = {"header": 10, "first-chunk": HEADER.size + 100, "tag": len(data) - 1}[where]
    data[index] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(BlobIntegrityError, match="failed its integrity check") as info:
        open_services.blobs.get(blob_id)
    assert "\n" not in str(info.value)


def test_truncation_and_swapping_files_are_detected(open_services: AppServices) -> None:
    store = open_services.blobs
    a = store.put(os.urandom(2 * CHUNK_SIZE), "test")
    b = store.put(os.urandom(2 * CHUNK_SIZE), "test")
    pa, pb = store.path_for(a), store.path_for(b)
    # drop the final chunk exactly at a chunk boundary
    pa.write_bytes(pa.read_bytes()[: HEADER.size + CHUNK_SIZE + 16])
    with pytest.raises(BlobIntegrityError):
        store.get(a)
    # a file moved under another id does not decrypt (id is associated data, key differs)
    pa.write_bytes(pb.read_bytes())
    with pytest.raises(BlobIntegrityError):
        store.get(a)
    assert len(store.get(b)) == 2 * CHUNK_SIZE


def test_id_is_bound_as_associated_data() -> None:
    key = os.urandom(32)
    blob = encrypt_blob("a" * 32, key, b"data")
    assert decrypt_blob("a" * 32, key, blob) == b"data"
    with pytest.raises(BlobIntegrityError):
        decrypt_blob("b" * 32, key, blob)


def test_delete_forgets_key_and_file(open_services: AppServices) -> None:
    store = open_services.blobs
    blob_id = store.put(b"x" * 100, "test")
    path = store.path_for(blob_id)
    store.delete(blob_id)
    assert not path.exists()
    with pytest.raises(BlobNotFoundError):
        store.get(blob_id)
    with pytest.raises(BlobNotFoundError):
        store.get("../../etc/passwd")


def test_missing_file_and_orphans(open_services: AppServices) -> None:
    store = open_services.blobs
    blob_id = store.put(b"abc", "test")
    store.path_for(blob_id).unlink()
    with pytest.raises(BlobNotFoundError, match="missing"):
        store.get(blob_id)
    orphan = store.root / ("f" * 32 + ".blob")
    orphan.write_bytes(b"junk")
    assert store.sweep_orphans() == 1 and not orphan.exists()


def test_locked_vault_refuses(open_services: AppServices, passphrase: str) -> None:
    blob_id = open_services.blobs.put(b"abc", "test")
    open_services.lock()
    with pytest.raises(VaultLockedError):
        open_services.blobs.get(blob_id)
    open_services.unlock(passphrase)
    assert open_services.blobs.get(blob_id) == b"abc"
