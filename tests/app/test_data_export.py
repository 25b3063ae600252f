"""Export my data: round trip of every kind, encryption with no plaintext, refused paths."""

from __future__ import annotations

import csv
import io
import json
import stat
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from pyrage import passphrase as age_passphrase

from mindspace.app import AppServices
from mindspace.app.data_export import check_export_path, decrypt_export
from mindspace.core.errors import UserError, ValidationError

EXPORT_PW = "lantern orchard mosaic thimble 9"
SECRET_WORDS = "purple giraffe whispered at the harbour"


@pytest.fixture
def filled(open_services: AppServices) -> AppServices:
    svc = open_services
    svc.journal.add("Harbour day", f"We walked and {SECRET_WORDS}.\n\nA \"quoted\", line",
                    datetime(2024, 3, 1, 9, 30), tags=["walk", "sea"])
    svc.mood.add(4, energy=3, emotions=["calm"], activities=["walk", "friends"],
                 note="good, calm day", checkin_at=datetime(2024, 3, 1, 20, 0))
    svc.analyses.save("journal", svc.journal.list()[0].id, "test-model",
                      {"emotions": {"joy": 0.7}, "labels": ["joy"],
                       "sentiment": {"compound": 0.5}, "crisis": {"level": "none"}},
                      datetime(2024, 3, 1, 9, 30), datetime(2024, 3, 1, 9, 30))
    svc.analyses.save_safety_plan({"warning_signs": ["not sleeping"],
                                   "reasons_for_living": ["my cat", "the sea"]})
    return svc


@pytest.fixture
def out_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of the user's own (the system temporary folder is moved elsewhere)."""
    scratch = tmp_path / "system-temp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def test_json_round_trip(filled: AppServices, out_dir: Path) -> None:
    result = filled.data_export().export(out_dir / "me.json", "json")
    assert result.counts == {"journal": 1, "mood": 1, "analyses": 1, "voice_checkins": 0,
                             "label_corrections": 0, "safety_plan": 3}
    path = out_dir / "me.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    doc = json.loads(path.read_text("utf-8"))
    assert doc["format"] == "mindspace-export" and doc["version"] == 1
    (entry,) = doc["journal"]
    original = filled.journal.list()[0]
    assert entry["body"] == original.body and entry["tags"] == original.tags
    assert entry["entry_at"] == "2024-03-01T09:30:00"
    (mood,) = doc["mood"]
    assert (mood["mood"], mood["activities"], mood["note"]) == (4, ["walk", "friends"],
                                                                 "good, calm day")
    assert doc["analyses"][0]["emotions"] == {"joy": 0.7}
    assert [s["item"] for s in doc["safety_plan"]] == ["not sleeping", "my cat", "the sea"]
    assert [p.name for p in out_dir.iterdir()] == ["me.json"]  # no temporary file left


def test_csv_zip_round_trip(filled: AppServices, out_dir: Path) -> None:
    filled.data_export().export(out_dir / "me.zip", "csv")
    with zipfile.ZipFile(out_dir / "me.zip") as archive:
        names = set(archive.namelist())
        assert {"journal.csv", "mood.csv", "analyses.csv", "voice_checkins.csv",
                "safety_plan.csv", "label_corrections.csv", "README.txt"} <= names
        journal = list(csv.DictReader(io.StringIO(archive.read("journal.csv").decode())))
        mood = list(csv.DictReader(io.StringIO(archive.read("mood.csv").decode())))
        voice = archive.read("voice_checkins.csv").decode()
    assert journal[0]["body"] == filled.journal.list()[0].body  # commas, quotes, newlines kept
    assert journal[0]["tags"] == "sea | walk"
    assert mood[0]["activities"] == "walk | friends" and mood[0]["mood"] == "4"
    assert voice.startswith("id,recorded_at,")


def test_encrypted_export_holds_no_plaintext(filled: AppServices, out_dir: Path) -> None:
    for fmt in ("json", "csv"):
        path = out_dir / f"me-{fmt}.age"
        result = filled.data_export().export(path, fmt, passphrase=EXPORT_PW)
        assert result.encrypted
        blob = path.read_bytes()
        assert blob.startswith(b"age-encryption.org/v1\n")
        for word in (b"giraffe", b"harbour", b"Harbour", b"calm", b"journal"):
            assert word not in blob
        plain = age_passphrase.decrypt(blob, EXPORT_PW)
        if fmt == "json":
            assert SECRET_WORDS in json.loads(plain)["journal"][0]["body"]
        else:
            with zipfile.ZipFile(io.BytesIO(plain)) as archive:
                assert SECRET_WORDS in archive.read("journal.csv").decode()
        with pytest.raises(UserError, match="cannot be opened"):
            decrypt_export(blob, "a different passphrase entirely 5")


def test_bad_paths_are_refused_and_nothing_is_written(
    filled: AppServices, out_dir: Path, tmp_path: Path
) -> None:
    export = filled.data_export()
    cases = [
        (out_dir, "is a folder"),
        (out_dir / "missing" / "me.json", "does not exist"),
        (tmp_path / "system-temp" / "me.json", "temporary folder"),
        (filled.data_dir / "me.json", "outside MindSpace's own data folder"),
    ]
    for path, message in cases:
        with pytest.raises(ValidationError, match=message):
            export.export(path, "json")
    (out_dir / "taken.json").write_text("keep me")
    with pytest.raises(ValidationError, match="already exists"):
        export.export(out_dir / "taken.json", "json")
    assert (out_dir / "taken.json").read_text() == "keep me"
    export.export(out_dir / "taken.json", "json", overwrite=True)
    assert stat.S_IMODE((out_dir / "taken.json").stat().st_mode) == 0o600
    with pytest.raises(ValidationError, match="too weak"):
        export.export(out_dir / "weak.age", "json", passphrase="abc")
    with pytest.raises(ValidationError, match="unknown export format"):
        export.export(out_dir / "x.xml", "xml")
    assert sorted(p.name for p in out_dir.iterdir()) == ["taken.json"]
    assert not list((tmp_path / "system-temp").iterdir())


def test_default_temp_folder_is_refused_without_patching(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="temporary folder"):
        check_export_path(Path(tempfile.gettempdir()) / "mindspace-export.json")
    with pytest.raises(ValidationError, match="file name"):
        check_export_path(Path(""))
