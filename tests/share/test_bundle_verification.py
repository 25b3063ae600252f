"""Opening a bundle checks, in order: for me -> signature -> known verified sender -> listed
recipient -> item hashes; each failure names its reason and imports nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from mindspace.share import age_format as age
from mindspace.share.bundle import MAGIC, BundleError, Item, Party, bucket_size, make_manifest, seal
from mindspace.share.errors import SharingError
from mindspace.share.export import ExportSelection
from tests.share.helpers import Person, count_received, make_person, pair_up


def export(patient: Person, to: str = "Dr Tess Therapist", **kw: object) -> bytes:
    patient.services.journal.add("A hard week", "Talked to my sister.", tags=["family"])
    patient.services.mood.add(2, 2, ["sad"], ["family"], 6.0)
    preview = patient.sharing.preview_export(to, ExportSelection(**kw))  # type: ignore[arg-type]
    return patient.sharing.seal_preview(preview).ciphertext


def reason_of(person: Person, data: bytes) -> str:
    with pytest.raises(BundleError) as info:
        person.sharing.open_bytes(data)
    assert count_received(person) == (0, 0)
    return info.value.reason


def decrypt_for(person: Person, data: bytes) -> bytes:
    return age.decrypt(data, [person.sharing.require_identity().enc_private])


def split(plain: bytes) -> tuple[bytes, bytes, bytes]:
    size = int.from_bytes(plain[8:12], "big")
    manifest = plain[12 : 12 + size]
    return manifest, plain[12 + size : 12 + size + 64], plain[12 + size + 64 :]


def repack(manifest: bytes, signature: bytes, rest: bytes) -> bytes:
    body = MAGIC + len(manifest).to_bytes(4, "big") + manifest + signature + rest.rstrip(b"\0")
    return body + bytes(bucket_size(len(body)) - len(body))


def test_round_trip_imports_everything(paired: tuple[Person, Person]) -> None:
    patient, therapist = paired
    result = therapist.sharing.open_bytes(export(patient))
    assert result.sender == "Pat Patient"
    assert result.counts == {
        "journal_entry": 1,
        "mood_checkin": 1,
        "report_csv": 1,
        "report_pdf": 1,
    }
    contact = therapist.sharing.contacts.list()[0]
    entries = therapist.sharing.inbox.records(contact.id, "journal_entry")
    assert entries[0]["body"] == "Talked to my sister." and entries[0]["received_at"]


def test_not_for_me(paired: tuple[Person, Person], tmp_path: Path) -> None:
    patient, _ = paired
    stranger = make_person(tmp_path / "stranger", "Sam Stranger", "therapist")
    try:
        assert reason_of(stranger, export(patient)) == "not_for_me"
    finally:
        stranger.services.close()


def test_bad_signature_when_resigned_with_another_key(paired: tuple[Person, Person]) -> None:
    patient, therapist = paired
    manifest, _, rest = split(decrypt_for(therapist, export(patient)))
    forged = Ed25519PrivateKey.generate().sign(manifest)
    tampered = repack(manifest, forged, rest)
    enc = therapist.sharing.require_identity().enc_public
    assert reason_of(therapist, age.encrypt(tampered, [enc])) == "bad_signature"


def test_bad_signature_when_manifest_edited(paired: tuple[Person, Person]) -> None:
    patient, therapist = paired
    manifest, signature, rest = split(decrypt_for(therapist, export(patient)))
    edited = manifest.replace(b'"kind":"share"', b'"kind":"share" ')
    enc = therapist.sharing.require_identity().enc_public
    assert (
        reason_of(therapist, age.encrypt(repack(edited, signature, rest), [enc])) == "bad_signature"
    )


def test_unknown_sender_when_resigned_as_someone_else(
    paired: tuple[Person, Person], tmp_path: Path
) -> None:
    patient, therapist = paired
    mallory = make_person(tmp_path / "mallory", "Pat Patient", "patient")  # same display name
    try:
        mallory.sharing.add_contact(therapist.sharing.require_identity().card(), verified=True)
        assert reason_of(therapist, export(mallory)) == "unknown_sender"
    finally:
        mallory.services.close()


def test_unverified_and_changed_senders_are_refused(patient: Person, therapist: Person) -> None:
    pair_up(patient, therapist, verified=False)
    patient.sharing.verify_contact(patient.sharing.find_contact("Dr Tess Therapist").id)
    data = export(patient)
    assert reason_of(therapist, data) == "unknown_sender"  # Pat not verified by Tess
    contact = therapist.sharing.find_contact("Pat Patient")
    therapist.sharing.verify_contact(contact.id)
    assert therapist.sharing.open_bytes(data).sender == "Pat Patient"


def test_forwarded_bundle_is_not_for_a_listed_recipient(
    paired: tuple[Person, Person], tmp_path: Path
) -> None:
    patient, therapist = paired
    carol = make_person(tmp_path / "carol", "Carol Colleague", "therapist")
    try:
        pair_up(patient, carol)
        plain = decrypt_for(therapist, export(patient))
        forwarded = age.encrypt(plain, [carol.sharing.require_identity().enc_public])
        assert reason_of(carol, forwarded) == "not_recipient"
    finally:
        carol.services.close()


def test_item_hash_mismatch_is_corrupted(paired: tuple[Person, Person]) -> None:
    patient, therapist = paired
    me = patient.sharing.require_identity()
    tess = patient.sharing.find_contact("Dr Tess Therapist")
    recipients = [Party(tess.display_name, tess.sign_public, tess.enc_public)]
    good = Item("mood_checkin", "m1", "1", json.dumps({"id": "m1"}).encode())
    manifest = make_manifest(me, recipients, [good])
    evil = Item("mood_checkin", "m1", "1", json.dumps({"id": "m2"}).encode())
    sealed = seal(me, recipients, [evil], manifest)
    assert reason_of(therapist, sealed.ciphertext) == "corrupted"


def test_replay_of_the_same_file(paired: tuple[Person, Person]) -> None:
    patient, therapist = paired
    data = export(patient)
    therapist.sharing.open_bytes(data)
    before = count_received(therapist)
    with pytest.raises(BundleError) as info:
        therapist.sharing.open_bytes(data)
    assert info.value.reason == "replayed" and count_received(therapist) == before


def test_sending_rules(patient: Person, therapist: Person) -> None:
    pair_up(patient, therapist, verified=False)
    patient.services.mood.add(3)
    with pytest.raises(SharingError, match="not verified"):
        patient.sharing.preview_export("Dr Tess Therapist", ExportSelection())
    preview = patient.sharing.preview_export(
        "Dr Tess Therapist", ExportSelection(), allow_unverified=True
    )
    assert preview.needs_confirmation and preview.warnings
    # Tess reinstalls: a new card with the same name has different keys -> blocked
    new_keys = make_person(
        patient.services.data_dir.parent / "tess2", "Dr Tess Therapist", "therapist"
    )
    try:
        contact, outcome = patient.sharing.add_contact(new_keys.sharing.require_identity().card())
        assert outcome == "changed" and contact.key_changed and not contact.verified
        with pytest.raises(SharingError, match="changed"):
            patient.sharing.preview_export(
                "Dr Tess Therapist", ExportSelection(), allow_unverified=True
            )
        patient.sharing.verify_contact(contact.id)
        assert patient.sharing.preview_export("Dr Tess Therapist", ExportSelection()).items
    finally:
        new_keys.services.close()


def test_preview_is_exactly_what_is_written(paired: tuple[Person, Person], tmp_path: Path) -> None:
    patient, therapist = paired
    patient.services.journal.add("one", "first", tags=["a"])
    patient.services.journal.add("two", "second", tags=["b"])
    preview = patient.sharing.preview_export(
        "Dr Tess Therapist", ExportSelection(tags=["b"], mood=False)
    )
    assert [i.type for i in preview.items] == ["journal_entry", "report_csv", "report_pdf"]
    out = tmp_path / "to-tess.msbundle"
    sealed = patient.sharing.write_export(preview, out)
    assert out.stat().st_size == preview.file_size == len(sealed.ciphertext)
    opened, _ = therapist.sharing.verify(out.read_bytes())
    assert opened.manifest_bytes == preview.manifest_bytes
    assert [i.data for i in opened.items] == [i.data for i in preview.items]
    with pytest.raises(SharingError, match="already exists"):
        patient.sharing.write_export(preview, out)
