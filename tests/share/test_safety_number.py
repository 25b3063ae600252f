from __future__ import annotations

import os

from mindspace.share.safety_number import group, numeric_fingerprint, safety_number

# libsignal's published test vector (33-byte serialized Curve25519 keys, phone numbers as ids).
ALICE = bytes.fromhex("0506863bc66d02b40d27b8d49ca7c09e9239236f9d7d25d6fcca5ce13c7064d868")
BOB = bytes.fromhex("05f781b6fb32fed9ba1cf2de978d4d5da28dc34046ae814402b5c0dbd96fda907b")
EXPECTED = "300354477692869396892869876765458257569162576843440918079131"


def test_signal_vector() -> None:
    assert numeric_fingerprint(ALICE, b"+14152222222", BOB, b"+14153333333") == EXPECTED
    assert numeric_fingerprint(BOB, b"+14153333333", ALICE, b"+14152222222") == EXPECTED


def test_identical_on_both_sides_and_grouped() -> None:
    a, b, c, d = (os.urandom(32) for _ in range(4))
    mine = safety_number(a, b, c, d)
    theirs = safety_number(c, d, a, b)
    assert mine == theirs and len(mine) == 60 and mine.isdigit()
    groups = group(mine).split(" ")
    assert len(groups) == 12 and all(len(g) == 5 for g in groups)


def test_changes_with_either_key() -> None:
    a, b, c, d = (os.urandom(32) for _ in range(4))
    base = safety_number(a, b, c, d)
    assert safety_number(a, b, c, os.urandom(32)) != base
    assert safety_number(a, b, os.urandom(32), d) != base
