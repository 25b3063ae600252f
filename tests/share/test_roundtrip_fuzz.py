"""Round trips at the STREAM chunk edges, interoperability with pyrage, and a parser fuzz test."""

from __future__ import annotations

import hashlib
import json
import os
import uuid

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mindspace.share import age_format as age
from mindspace.share.bundle import (
    MAGIC,
    BundleError,
    Item,
    Party,
    bucket_size,
    make_manifest,
    open_bundle,
    seal,
)
from mindspace.share.identity import Identity

KIB64 = 64 * 1024
EDGE_SIZES = [0, 1, KIB64 - 1, KIB64, KIB64 + 1]


def person(name: str) -> Identity:
    return Identity(
        name,
        "patient",
        Ed25519PrivateKey.generate(),
        X25519PrivateKey.generate(),
        uuid.uuid4().hex,
        "2026-01-01T00:00:00+00:00",
    )


ALICE, BOB = person("Alice"), person("Bob")
BOB_PARTY = Party("Bob", BOB.sign_public, BOB.enc_public)


def accept(party: Party, device: str) -> None:
    if party.sign_public != ALICE.sign_public:
        raise BundleError("unknown_sender", "not Alice")


def payload(size: int, seed: int) -> bytes:
    return (hashlib.sha256(seed.to_bytes(8, "big")).digest() * (size // 32 + 1))[:size]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(size=st.sampled_from(EDGE_SIZES), seed=st.integers(0, 2**32), extra=st.binary(max_size=64))
def test_age_round_trip_at_chunk_edges(size: int, seed: int, extra: bytes) -> None:
    data = (extra + payload(size, seed))[-size:] if size else b""
    blob = age.encrypt(data, [BOB.enc_public])
    assert len(blob) == age.encrypted_size(size)
    assert age.decrypt(blob, [BOB.enc_private]) == data
    with pytest.raises(age.AgeNoMatchError):
        age.decrypt(blob, [ALICE.enc_private])


@pytest.mark.parametrize("size", EDGE_SIZES)
def test_interoperates_with_pyrage(size: int) -> None:
    data = os.urandom(size)
    identity = pyrage.x25519.Identity.from_str(age.identity_to_bech32(BOB.enc_private))
    assert str(identity.to_public()) == age.recipient_to_bech32(BOB.enc_public)
    assert pyrage.decrypt(age.encrypt(data, [BOB.enc_public]), [identity]) == data
    theirs = pyrage.encrypt(data, [identity.to_public()])
    assert age.decrypt(theirs, [BOB.enc_private]) == data


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(size=st.sampled_from(EDGE_SIZES), seed=st.integers(0, 2**32))
def test_bundle_round_trip_at_chunk_edges(size: int, seed: int) -> None:
    audio = Item("voice_audio", "v1", "1", payload(size, seed), "audio/wav")
    note = Item("mood_checkin", "m1", "1", json.dumps({"id": "m1", "seed": seed}).encode())
    manifest = make_manifest(ALICE, [BOB_PARTY], [audio, note])
    sealed = seal(ALICE, [BOB_PARTY], [audio, note], manifest)
    assert sealed.padded_size == bucket_size(sealed.plaintext_size)
    opened = open_bundle(sealed.ciphertext, BOB, accept)
    assert opened.manifest_bytes == manifest
    assert [(i.type, i.id, i.data) for i in opened.items] == [
        ("voice_audio", "v1", audio.data),
        ("mood_checkin", "m1", note.data),
    ]


def container(manifest: bytes, signature: bytes, rest: bytes, pad: bool) -> bytes:
    body = MAGIC + len(manifest).to_bytes(4, "big") + manifest + signature + rest
    return body + bytes(bucket_size(len(body)) - len(body)) if pad else body


@st.composite
def mutated_containers(draw: st.DrawFn) -> bytes:
    items = [Item("mood_checkin", "m1", "1", b'{"id":"m1"}')]
    manifest = make_manifest(ALICE, [BOB_PARTY], items)
    signature = ALICE.sign(manifest)
    plain = bytearray(container(manifest, signature, items[0].data, pad=True))
    choice = draw(st.integers(0, 4))
    if choice == 0:  # random bytes
        return draw(st.binary(max_size=4096))
    if choice == 1:  # flip a few bytes anywhere in the plaintext container
        for _ in range(draw(st.integers(1, 4))):
            plain[draw(st.integers(0, len(plain) - 1))] ^= draw(st.integers(1, 255))
        return bytes(plain)
    if choice == 2:  # truncate or extend
        cut = draw(st.integers(0, len(plain) + 64))
        return bytes(plain[:cut]) + draw(st.binary(max_size=64))
    if choice == 3:  # a manifest signed correctly but with fuzzed JSON content
        obj = json.loads(manifest)
        key = draw(st.sampled_from(sorted(obj)))
        obj[key] = draw(
            st.one_of(
                st.none(), st.integers(), st.text(max_size=20), st.lists(st.integers(), max_size=3)
            )
        )
        fuzzed = json.dumps(obj).encode()
        return container(fuzzed, ALICE.sign(fuzzed), items[0].data, pad=draw(st.booleans()))
    # a random manifest length field
    plain[8:12] = draw(st.integers(0, 2**32 - 1)).to_bytes(4, "big")
    return bytes(plain)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plain=mutated_containers())
def test_parser_fuzz_only_raises_bundle_errors(plain: bytes) -> None:
    blob = age.encrypt(plain, [BOB.enc_public])
    try:
        opened = open_bundle(blob, BOB, accept)
    except BundleError as exc:
        assert str(exc).split(":")[0] in {
            "corrupted",
            "bad signature",
            "unsupported",
            "unknown sender",
            "not a listed recipient",
        }
        return
    # anything accepted must be internally consistent
    for item in opened.items:
        entry = next(e for e in opened.manifest["items"] if e["id"] == item.id)
        assert hashlib.sha256(item.data).hexdigest() == entry["sha256"]
