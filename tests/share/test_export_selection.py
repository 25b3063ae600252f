"""What leaves the device is exactly what the person selected, item type by item type.

One vault holds one of each record: a journal entry, a mood check-in with a note, a voice
check-in with a transcript and audio (which also writes its linked "Voice check-in" journal
entry), and an analysis of every text. Every subset of --include (and the voice options) is
exported, the bundle is decrypted and opened by the recipient, and its items must equal exactly
what the selection allows; the preview must list exactly those items.
"""

from __future__ import annotations

import itertools
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from mindspace.share.export import ExportSelection, SelectionError
from tests.share.helpers import Person

TRANSCRIPT = "zebra transcript words only in the voice recording"
RESULT = {"emotions": {"joy": 0.7}, "labels": ["joy"], "sentiment": {"compound": 0.4}}
WHEN = datetime(2026, 3, 2, 9, 0)


def fill(patient: Person) -> dict[str, str]:
    s = patient.services
    entry = s.journal.add("Walk", "a walk in the park", entry_at=WHEN)
    mood = s.mood.add(4, note="calm after the walk", checkin_at=WHEN)
    voice = s.voice.add(
        duration_s=2.0,
        transcript=TRANSCRIPT,
        audio=np.zeros(1600, dtype=np.int16),
        sample_rate=16000,
        recorded_at=WHEN,
    )
    assert voice.journal_entry_id is not None
    texts = (("journal", entry.id), ("mood", mood.id), ("journal", voice.journal_entry_id))
    for kind, rid in texts:
        s.analyses.save(kind, rid, "test-model", RESULT, WHEN, WHEN)
    return {"journal": entry.id, "mood": mood.id, "voice": voice.id}


def expected(ids: dict[str, str], inc: set[str], audio: bool) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    if "journal" in inc:
        out.add(("journal_entry", ids["journal"]))
    if "mood" in inc:
        out.add(("mood_checkin", ids["mood"]))
    if "voice" in inc:
        out.add(("voice_checkin", ids["voice"]))
        if audio:
            out.add(("voice_audio", ids["voice"]))
    if "analysis" in inc:
        out |= {("analysis", f"{k}:{ids[k]}") for k in ("journal", "mood") if k in inc}
    if out:
        out |= {("report_csv", "summary.csv"), ("report_pdf", "summary.pdf")}
    return out


def selections() -> list[tuple[set[str], bool, bool]]:
    kinds = ("journal", "mood", "voice", "analysis")
    out = []
    for n in range(1, 5):
        for combo in itertools.combinations(kinds, n):
            inc = set(combo)
            extras = [(t, a) for t in (False, True) for a in (False, True)] if "voice" in inc else [
                (False, False)
            ]
            out += [(inc, t, a) for t, a in extras]
    return out


def test_every_item_type_follows_every_selection(
    paired: tuple[Person, Person], tmp_path: Path
) -> None:
    patient, therapist = paired
    ids = fill(patient)
    if not patient.sharing.preview_export("Dr Tess Therapist", ExportSelection()).items:
        pytest.fail("the vault should have shareable records")
    for n, (inc, transcripts, audio) in enumerate(selections()):
        selection = ExportSelection(
            journal="journal" in inc,
            mood="mood" in inc,
            voice="voice" in inc,
            voice_transcripts=transcripts,
            voice_audio=audio,
            analysis="analysis" in inc,
        )
        want = expected(ids, inc, audio)
        if not want:
            with pytest.raises(SelectionError):
                patient.sharing.preview_export("Dr Tess Therapist", selection)
            continue
        preview = patient.sharing.preview_export("Dr Tess Therapist", selection)
        listed = {(line["type"], line["id"]) for line in preview.lines()}
        assert listed == want, (inc, transcripts, audio)
        path = tmp_path / f"bundle-{n}.msbundle"
        patient.sharing.write_export(preview, path)
        opened, _ = therapist.sharing.verify(path.read_bytes())
        sent = {(item.type, item.id) for item in opened.items}
        assert sent == want, (inc, transcripts, audio)
        carries_transcript = any(TRANSCRIPT.encode() in item.data for item in opened.items)
        assert carries_transcript == ("voice" in inc and transcripts), (inc, transcripts, audio)


def test_a_voice_transcript_entry_cannot_be_picked_as_a_journal_entry(
    paired: tuple[Person, Person],
) -> None:
    patient, _ = paired
    voice = patient.services.voice.add(duration_s=1.0, transcript=TRANSCRIPT)
    with pytest.raises(SelectionError, match="voice check-in transcript"):
        patient.sharing.preview_export(
            "Dr Tess Therapist",
            ExportSelection(entry_ids=[str(voice.journal_entry_id)], mood=False),
        )
