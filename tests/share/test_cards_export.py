"""Contact cards (file, code, QR), identity storage, and export selections."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
import segno

from mindspace.share.contact_card import CardError, ContactCard, parse_card_bytes
from mindspace.share.export import ExportSelection, SelectionError
from tests.share.helpers import Person


def test_card_forms_round_trip(patient: Person) -> None:
    card = patient.sharing.require_identity().card()
    assert parse_card_bytes(card.to_file_bytes()) == card
    code = card.to_code()
    assert ContactCard.from_code(code.lower().replace("-", " - ")) == card
    assert parse_card_bytes(code.encode()) == card
    png = card.qr_png()
    assert png.startswith(b"\x89PNG")
    qr = segno.make(code, error="m")
    assert qr.designator and card.sign_public.hex() not in code  # the code is compact base32


@pytest.mark.parametrize(
    "text, message",
    [
        (b'{"type": "something-else"}', "not a MindSpace contact card"),
        (b'{"type": "mindspace-contact", "version": 9}', "unsupported"),
        (b'{"type": "mindspace-contact", "version": 1, "name": "x", "sign_key": "zz"}', "keys"),
        (b"{broken", "damaged"),
        (b"MS1-ABCDE", "too short"),
        (b"hello", "should start with MS1-"),
    ],
)
def test_bad_cards_are_rejected(text: bytes, message: str) -> None:
    with pytest.raises(CardError, match=message):
        parse_card_bytes(text)


def test_code_typo_is_detected(patient: Person) -> None:
    code = patient.sharing.require_identity().card().to_code()
    i = code.index("-") + 3
    typo = code[:i] + ("A" if code[i] != "A" else "B") + code[i + 1 :]
    with pytest.raises(CardError, match="typo"):
        ContactCard.from_code(typo)


def test_private_keys_are_sealed_in_the_vault(patient: Person) -> None:
    me = patient.sharing.require_identity()
    row = patient.services.vault.db.run(
        lambda c: c.execute("SELECT sealed_private FROM share_identity").fetchone()
    )
    raw = me.sign_private.private_bytes_raw()
    assert raw not in bytes(row[0]) and me.enc_private.private_bytes_raw() not in bytes(row[0])
    patient.services.lock()
    patient.services.unlock("correct horse battery staple 42")
    again = patient.services.sharing().require_identity()
    assert again.sign_private.private_bytes_raw() == raw and again.device_id == me.device_id
    for path in patient.services.data_dir.rglob("*"):
        if path.is_file():
            assert raw not in path.read_bytes()


def test_own_card_and_key_change_outcomes(paired: tuple[Person, Person]) -> None:
    patient, therapist = paired
    with pytest.raises(Exception, match="your own"):
        patient.sharing.add_contact(patient.sharing.require_identity().card())
    card = therapist.sharing.require_identity().card()
    assert patient.sharing.add_contact(card)[1] == "unchanged"
    renamed = ContactCard("Dr T. Therapist", card.sign_public, card.enc_public, card.role)
    contact, outcome = patient.sharing.add_contact(renamed)
    assert outcome == "updated" and contact.verified  # same keys keep verification


def selection_items(person: Person, **kw: object) -> list[tuple[str, str]]:
    preview = person.sharing.preview_export(
        "Dr Tess Therapist",
        ExportSelection(reports=False, **kw),  # type: ignore[arg-type]
    )
    return [(i.type, json.loads(i.data).get("title", "")) for i in preview.items]


def test_selection_by_dates_tags_and_entries(paired: tuple[Person, Person]) -> None:
    patient, _ = paired
    j = patient.services.journal
    a = j.add("March work", "x", datetime(2026, 3, 5), ["work"])
    j.add("March family", "x", datetime(2026, 3, 6), ["family"])
    j.add("April work", "x", datetime(2026, 4, 2), ["work"])
    patient.services.mood.add(3, checkin_at=datetime(2026, 3, 7))
    patient.services.mood.add(4, checkin_at=datetime(2026, 4, 7))
    march = {"start": date(2026, 3, 1), "end": date(2026, 3, 31)}
    assert selection_items(patient, **march) == [
        ("journal_entry", "March work"),
        ("journal_entry", "March family"),
        ("mood_checkin", ""),
    ]
    assert selection_items(patient, tags=["work"], mood=False) == [
        ("journal_entry", "March work"),
        ("journal_entry", "April work"),
    ]
    assert selection_items(patient, entry_ids=[a.id], mood=False) == [
        ("journal_entry", "March work")
    ]
    with pytest.raises(SelectionError, match="no journal entry"):
        selection_items(patient, entry_ids=["nope"])
    with pytest.raises(SelectionError, match="after the end"):
        selection_items(patient, start=date(2026, 5, 1), end=date(2026, 4, 1))
    with pytest.raises(SelectionError, match="nothing matches"):
        selection_items(patient, start=date(2020, 1, 1), end=date(2020, 1, 2))
    with pytest.raises(SelectionError, match="nothing is selected"):
        selection_items(patient, journal=False, mood=False)


def test_analysis_results_travel_when_chosen(paired: tuple[Person, Person]) -> None:
    from mindspace.storage.analysis import AnalysisStore

    patient, therapist = paired
    entry = patient.services.journal.add("Tired", "Long day at work.", tags=["work"])
    AnalysisStore(patient.services.vault.db).save(
        "journal",
        entry.id,
        "test-model",
        {
            "emotions": {"sadness": 0.7, "joy": 0.1},
            "labels": ["sadness"],
            "sentiment": {"compound": -0.4},
            "crisis": {"level": "none"},
        },
        entry.entry_at,
        entry.updated_at,
    )
    preview = patient.sharing.preview_export(
        "Dr Tess Therapist", ExportSelection(mood=False, analysis=True)
    )
    analysis = [json.loads(i.data) for i in preview.items if i.type == "analysis"]
    assert analysis[0]["labels"] == ["sadness"] and "automatic estimate" in analysis[0]["summary"]
    result = therapist.sharing.open_bytes(patient.sharing.seal_preview(preview).ciphertext)
    assert result.counts["analysis"] == 1


def test_voice_summaries_with_transcript_and_audio(paired: tuple[Person, Person]) -> None:
    from mindspace.storage.blobs import BlobStore

    patient, therapist = paired
    wav = b"RIFF" + bytes(2000)
    blob_id = BlobStore(patient.services.vault).put(wav, "audio/wav")
    patient.services.vault.db.transaction(
        lambda c: c.execute(
            "INSERT INTO voice_checkins(id, recorded_at, duration_s, transcript, risk_level,"
            " fusion, audio_blob_id, created_at, updated_at) VALUES ('v1', '2026-03-04T08:00:00',"
            " 12.5, 'I slept badly', 'low', '{\"explanation\": \"calm voice\"}', ?,"
            " '2026-03-04T08:00:00', '2026-03-04T08:00:00')",
            (blob_id,),
        )
    )
    plain = patient.sharing.preview_export(
        "Dr Tess Therapist", ExportSelection(journal=False, mood=False, voice=True)
    )
    record = json.loads(next(i.data for i in plain.items if i.type == "voice_checkin"))
    assert "transcript" not in record and "calm voice" in record["summary"]
    assert not any(i.type == "voice_audio" for i in plain.items)
    full = patient.sharing.preview_export(
        "Dr Tess Therapist",
        ExportSelection(
            journal=False, mood=False, voice=True, voice_transcripts=True, voice_audio=True
        ),
    )
    result = therapist.sharing.open_bytes(patient.sharing.seal_preview(full).ciphertext)
    assert result.counts["voice_checkin"] == 1 and result.counts["voice_audio"] == 1
    contact = therapist.sharing.contacts.list()[0]
    shared = therapist.sharing.inbox.records(contact.id, "voice_checkin")
    assert shared[0]["transcript"] == "I slept badly" and shared[0]["received_at"]
    assert therapist.sharing.inbox.blob(contact.id, "voice_audio", "v1") == wav
