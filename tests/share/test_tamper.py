"""Tampered bundles fail closed: every check raises, and nothing reaches the vault."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from mindspace.share import age_format as age
from mindspace.share.bundle import BundleError
from mindspace.share.export import ExportSelection
from tests.share.helpers import Person, count_received, make_person, pair_up


@pytest.fixture(scope="module")
def people(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Person, Person]]:
    root = tmp_path_factory.mktemp("tamper")
    patient = make_person(root / "p", "Pat Patient", "patient")
    therapist = make_person(root / "t", "Dr Tess Therapist", "therapist")
    pair_up(patient, therapist)
    patient.services.mood.add(3, 3, ["calm"], ["walk"], 7.5, "ok day")
    patient.services.journal.add("Long entry", "x" * 100_000, tags=["long"])
    yield patient, therapist
    patient.services.close()
    therapist.services.close()


def bundle(patient: Person, **kw: object) -> bytes:
    preview = patient.sharing.preview_export(
        "Dr Tess Therapist",
        ExportSelection(reports=False, **kw),  # type: ignore[arg-type]
    )
    return patient.sharing.seal_preview(preview).ciphertext


@pytest.fixture(scope="module")
def small(people: tuple[Person, Person]) -> bytes:
    return bundle(people[0], journal=False)


@pytest.fixture(scope="module")
def large(people: tuple[Person, Person]) -> bytes:
    return bundle(people[0])  # 100 KB entry -> 128 KiB bucket -> two full STREAM chunks


def fails_closed(therapist: Person, data: bytes) -> str:
    before = count_received(therapist)
    with pytest.raises(BundleError) as info:
        therapist.sharing.open_bytes(data)
    assert count_received(therapist) == before == (0, 0)
    return info.value.reason


def test_bundles_are_valid_to_begin_with(
    people: tuple[Person, Person], small: bytes, large: bytes
) -> None:
    _, therapist = people
    for data in (small, large):
        opened, _ = therapist.sharing.verify(data)
        assert opened.items
    assert len(small) == age.encrypted_size(32 * 1024)
    assert len(large) == age.encrypted_size(128 * 1024)


def test_flip_bits(people: tuple[Person, Person], small: bytes) -> None:
    """Every bit of the header and the first 256 payload bytes, then one bit of every byte."""
    _, therapist = people
    header_end = age.parse_header(small).payload_offset + age.NONCE_SIZE + 256
    reasons: set[str] = set()
    positions = [(i, b) for i in range(header_end) for b in range(8)]
    positions += [(i, i % 8) for i in range(header_end, len(small))]
    for index, bit in positions:
        data = bytearray(small)
        data[index] ^= 1 << bit
        with pytest.raises(BundleError) as info:
            therapist.sharing.open_bytes(bytes(data))
        reasons.add(info.value.reason)
    assert count_received(therapist) == (0, 0)
    assert reasons <= {"not_for_me", "corrupted"}
    assert len(positions) > 30_000


def test_truncate_at_chunk_boundaries_and_random_places(
    people: tuple[Person, Person], large: bytes
) -> None:
    _, therapist = people
    start = age.parse_header(large).payload_offset
    cuts = {0, 1, start - 1, start, start + 8, start + age.NONCE_SIZE}
    for k in range(1, 3):
        boundary = start + age.NONCE_SIZE + k * age.ENC_CHUNK_SIZE
        cuts |= {boundary - 17, boundary - 16, boundary - 1, boundary, boundary + 1}
    rng = random.Random(5)
    cuts |= {rng.randrange(len(large)) for _ in range(40)}
    for cut in sorted(c for c in cuts if 0 <= c < len(large)):
        fails_closed(therapist, large[:cut])


def test_append_garbage(people: tuple[Person, Person], small: bytes, large: bytes) -> None:
    _, therapist = people
    for data in (small, large):
        for garbage in (b"\0", b"x" * 16, bytes(age.ENC_CHUNK_SIZE), b"\n--- junk\n"):
            fails_closed(therapist, data + garbage)


def test_swap_and_duplicate_chunks(people: tuple[Person, Person], large: bytes) -> None:
    _, therapist = people
    start = age.parse_header(large).payload_offset + age.NONCE_SIZE
    size = age.ENC_CHUNK_SIZE
    head, first, second = large[:start], large[start : start + size], large[start + size :]
    assert len(second) == size
    for data in (head + second + first, head + first + first, head + second, head + first):
        fails_closed(therapist, data)


def test_header_from_another_bundle(people: tuple[Person, Person], small: bytes) -> None:
    patient, therapist = people
    other = bundle(patient, journal=False)
    start = age.parse_header(small).payload_offset
    start_other = age.parse_header(other).payload_offset
    assert fails_closed(therapist, other[:start_other] + small[start:]) == "corrupted"


def test_nothing_was_imported_and_real_bundle_still_opens(
    people: tuple[Person, Person], small: bytes, tmp_path: Path
) -> None:
    _, therapist = people
    assert count_received(therapist) == (0, 0)
    assert therapist.sharing.open_bytes(small).counts == {"mood_checkin": 1}
