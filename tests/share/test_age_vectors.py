"""Known-answer tests: the C2SP age vectors against `mindspace.share.age_format`.

Skipped vectors are the documented leniencies: ASCII armor, scrypt (passphrase-only) and the
post-quantum hybrid identities. Every other vector must give exactly the expected outcome, and
for payload failures the plaintext released before the error must hash to the expected value.
"""

from __future__ import annotations

import hashlib
import zlib
from pathlib import Path

import pytest

from mindspace.share import age_format as age

VECTORS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "age-test-vectors"
TESTDATA = VECTORS / "testdata"

pytestmark = pytest.mark.skipif(not TESTDATA.is_dir(), reason="shared age vectors not present")

EXPECT = {
    "success": None,
    "no match": age.AgeNoMatchError,
    "HMAC failure": age.AgeHmacError,
    "header failure": age.AgeHeaderError,
    "payload failure": age.AgePayloadError,
}


def load(path: Path) -> tuple[dict[str, list[str]], bytes]:
    raw = path.read_bytes()
    head, _, body = raw.partition(b"\n\n")
    fields: dict[str, list[str]] = {}
    for line in head.decode().splitlines():
        key, _, value = line.partition(": ")
        fields.setdefault(key, []).append(value)
    if fields.get("compressed") == ["zlib"]:
        body = zlib.decompress(body)
    return fields, body


def names() -> list[str]:
    return sorted(p.name for p in TESTDATA.iterdir()) if TESTDATA.is_dir() else []


def leniency(fields: dict[str, list[str]]) -> str | None:
    if fields.get("armored") == ["yes"]:
        return "ASCII armor is not supported (bundles are binary)"
    x25519 = [i for i in fields.get("identity", []) if i.startswith("AGE-SECRET-KEY-1")]
    if not x25519 and "passphrase" in fields:
        return "scrypt passphrase stanzas are not supported"
    if not x25519 and fields.get("identity"):
        return "post-quantum hybrid identities are not supported"
    return None


@pytest.mark.parametrize("name", names())
def test_vector(name: str) -> None:
    fields, data = load(TESTDATA / name)
    reason = leniency(fields)
    if reason:
        pytest.skip(reason)
    identities = [
        age.identity_from_bech32(i)
        for i in fields.get("identity", [])
        if i.startswith("AGE-SECRET-KEY-1")
    ]
    expected = EXPECT[fields["expect"][0]]
    released = hashlib.sha256()
    if expected is None:
        for part in age.decrypt_chunks(data, identities):
            released.update(part)
        assert released.hexdigest() == fields["payload"][0]
        return
    with pytest.raises(expected):
        for part in age.decrypt_chunks(data, identities):
            released.update(part)
    if "payload" in fields:
        assert released.hexdigest() == fields["payload"][0]
    # the all-or-nothing API never releases anything on failure
    with pytest.raises(expected):
        age.decrypt(data, identities)


def test_leniencies_are_few() -> None:
    skipped = [n for n in names() if leniency(load(TESTDATA / n)[0])]
    run = len(names()) - len(skipped)
    assert run >= 60, f"only {run} vectors exercised"


@pytest.mark.parametrize("name", ["x25519", "stream_three_chunks", "x25519_multiple_recipients"])
def test_header_round_trip(name: str) -> None:
    _, data = load(TESTDATA / name)
    header = age.parse_header(data)
    assert age.encode_header_without_mac(header.stanzas) == header.mac_input


def test_identity_bech32_round_trip() -> None:
    fields, _ = load(TESTDATA / "x25519")
    key = age.identity_from_bech32(fields["identity"][0])
    assert age.identity_to_bech32(key) == fields["identity"][0]
