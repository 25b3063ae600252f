"""Voice check-in repository: journal link, audio keep/discard, edits, feedback, model storage."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import numpy as np
import pytest

from mindspace.app import AppServices
from mindspace.storage.errors import NotFoundError, ValidationError

PROSODY = {"speech_s": 3.0, "energy_median_dbfs": -20.0, "speaking_rate_wpm": 140.0}


def _add(open_services: AppServices, text: str = "walked by the harbour today", **kw: Any) -> Any:
    audio = (0.1 * np.sin(np.arange(16000) / 5.0)).astype(np.float32)
    args = {
        "duration_s": 1.0,
        "transcript": text,
        "segments": [{"start": 0.0, "end": 1.0, "text": text}],
        "model": "whisper-tiny-en@1.0.0",
        "prosody": PROSODY,
        "arousal": -0.2,
        "text_analysis": {"sentiment": {"compound": 0.1}},
        "fusion": {"level": "low", "explanation": "Low: nothing stood out."},
        "audio": audio,
        "sample_rate": 16000,
    }
    args.update(kw)
    return open_services.voice.add(**args)


def test_saving_creates_a_searchable_voice_journal_entry(open_services: AppServices) -> None:
    checkin = _add(open_services, "walked by the harbour today")
    entry = open_services.journal.get(checkin.journal_entry_id)
    assert entry.tags == ["voice"] and "harbour" in entry.body
    assert [h.entry_id for h in open_services.journal.search("harbour")] == [entry.id]
    assert checkin.has_audio and checkin.risk_level == "low"
    assert checkin.segments[0]["text"] == "walked by the harbour today"


def test_editing_the_transcript_updates_the_journal_entry(open_services: AppServices) -> None:
    checkin = _add(open_services)
    edited = open_services.voice.update_transcript(
        checkin.id, "walked by the lighthouse today", fusion={"level": "moderate"}
    )
    assert edited.transcript_edited and edited.risk_level == "moderate"
    assert open_services.journal.search("lighthouse")[0].entry_id == checkin.journal_entry_id
    assert open_services.journal.search("harbour") == []
    # the user deleted the journal entry: an edit re-creates it
    open_services.journal.delete(checkin.journal_entry_id)
    assert open_services.voice.get(checkin.id).journal_entry_id is None
    again = open_services.voice.update_transcript(checkin.id, "back at the lighthouse")
    assert open_services.journal.get(again.journal_entry_id).body == "back at the lighthouse"


def test_audio_round_trip_discard_and_delete(open_services: AppServices) -> None:
    checkin = _add(open_services)
    pcm, rate = open_services.voice.load_audio(checkin.id)
    assert rate == 16000 and pcm.dtype == np.int16 and pcm.size == 16000
    blob_path = open_services.blobs.path_for(checkin.audio_blob_id)
    assert blob_path.exists()
    kept = open_services.voice.discard_audio(checkin.id)
    assert not kept.has_audio and not blob_path.exists()
    assert kept.transcript == checkin.transcript
    with pytest.raises(NotFoundError, match="no audio"):
        open_services.voice.load_audio(checkin.id)
    open_services.voice.delete(checkin.id)
    with pytest.raises(NotFoundError):
        open_services.voice.get(checkin.id)
    with pytest.raises(NotFoundError):
        open_services.journal.get(checkin.journal_entry_id)


def test_without_audio_and_attach_later(open_services: AppServices) -> None:
    checkin = _add(open_services, audio=None)
    assert not checkin.has_audio and open_services.blobs.ids() == []
    with_audio = open_services.voice.attach_audio(checkin.id, np.zeros(800, np.int16), 8000)
    assert open_services.voice.load_audio(with_audio.id)[1] == 8000


def test_bad_values_leave_nothing_behind(open_services: AppServices) -> None:
    with pytest.raises(ValidationError):
        _add(open_services, self_mood=9)
    with pytest.raises(ValidationError):
        _add(open_services, fusion={"level": "catastrophic"})
    with pytest.raises(ValidationError):
        _add(open_services, source="phone")
    assert open_services.voice.count() == 0 and open_services.journal.count() == 0
    assert open_services.blobs.ids() == []
    checkin = _add(open_services)
    with pytest.raises(ValidationError):
        open_services.voice.set_self_mood(checkin.id, 0)
    assert open_services.voice.set_self_mood(checkin.id, 4).self_mood == 4


def test_feedback_and_helpfulness(open_services: AppServices) -> None:
    a, b = _add(open_services), _add(open_services)
    open_services.voice.record_feedback(a.id, "walk", True)
    open_services.voice.record_feedback(a.id, "walk", False)  # re-rating replaces
    open_services.voice.record_feedback(b.id, "walk", True)
    open_services.voice.record_feedback(b.id, "breathing", True)
    assert open_services.voice.get(a.id).feedback == {"walk": False}
    assert open_services.voice.helpfulness() == {"walk": (1, 2), "breathing": (1, 1)}
    with pytest.raises(NotFoundError):
        open_services.voice.record_feedback("nope", "walk", True)


def test_prosody_history_is_oldest_first_and_skips_silence(open_services: AppServices) -> None:
    start = datetime(2026, 1, 1, 9, 0)
    ids = []
    for i in range(4):
        prosody = dict(PROSODY, energy_median_dbfs=-30.0 + i)
        ids.append(_add(open_services, recorded_at=start + timedelta(days=i), prosody=prosody).id)
    _add(open_services, recorded_at=start + timedelta(days=5), prosody={"speech_s": 0.0})
    history = open_services.voice.prosody_history()
    assert [h["energy_median_dbfs"] for h in history] == [-30.0, -29.0, -28.0, -27.0]
    assert len(open_services.voice.prosody_history(exclude=ids[-1])) == 3
    assert len(open_services.voice.prosody_history(before=start + timedelta(days=2))) == 2


def test_personal_model_storage(open_services: AppServices) -> None:
    from mindspace.storage.personal_models import PersonalModelStore

    models = PersonalModelStore(open_services.vault.db)
    assert models.load("m") is None
    models.save("m", b"\x00onnx", 12, 0.75, {"classes": ["low", "good"]})
    data, meta = models.load("m")
    assert data == b"\x00onnx" and meta["accuracy"] == 0.75 and meta["examples"] == 12
    models.delete("m")
    assert models.load("m") is None
