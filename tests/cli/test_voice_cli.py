"""`mindspace transcribe` and `mindspace analyze-voice`: JSON contract and bad files."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.audio.helpers import JFK, speak, write_wav
from tests.cli.helpers import run_cli


def _json(proc: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    obj: dict[str, Any] = json.loads(lines[0])
    return obj


def _no_traceback(proc: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def test_transcribe_contract_on_synthesised_speech(tmp_path: Path) -> None:
    wav = speak("my name is Sam and I like to walk my dog in the park", tmp_path / "s.wav")
    obj = _json(run_cli("transcribe", str(wav), "--json", data_dir=tmp_path / "nodata"))
    assert {"text", "segments", "duration_s", "processing_s", "model"} <= obj.keys()
    assert "dog" in obj["text"].lower() and "park" in obj["text"].lower()
    assert obj["model"] == "whisper-tiny-en@1.0.0"
    seg = obj["segments"][0]
    assert set(seg) == {"start", "end", "text"} and seg["end"] > seg["start"]
    assert 2.0 < obj["duration_s"] < 6.0 and obj["processing_s"] > 0
    assert not (tmp_path / "nodata").exists()  # no vault needed, nothing written


def test_transcribe_shared_sample(tmp_path: Path) -> None:
    if not JFK.exists():
        pytest.skip("shared ASR sample not available")
    obj = _json(run_cli("transcribe", str(JFK), "--json"))
    assert "country" in obj["text"].lower()


def test_analyze_voice_contract(tmp_path: Path) -> None:
    wav = speak("I feel hopeless and I want to end my life", tmp_path / "s.wav")
    obj = _json(run_cli("analyze-voice", str(wav), "--json"))
    assert {"transcript", "prosody", "arousal", "text", "risk"} <= obj.keys()
    assert "hopeless" in obj["transcript"]["text"].lower()
    assert obj["prosody"]["pitch_median_hz"] > 50 and "speaking_rate_wpm" in obj["prosody"]
    assert -1.0 <= obj["arousal"] <= 1.0
    assert obj["text"]["crisis"]["level"] == "urgent"
    assert obj["risk"]["level"] == "high" and "not a diagnosis" in obj["risk"]["explanation"]
    assert obj["recommendations"][0]["id"] == "safety-plan"


def test_analyze_voice_on_silence_is_a_sensible_empty_result(tmp_path: Path) -> None:
    wav = write_wav(tmp_path / "quiet.wav", np.zeros(16000 * 3, np.float32))
    obj = _json(run_cli("analyze-voice", str(wav), "--json"))
    assert obj["transcript"]["text"] == "" and obj["arousal"] is None
    assert obj["risk"]["level"] == "low" and "no speech" in obj["risk"]["explanation"]
    human = run_cli("transcribe", str(wav))
    assert human.returncode == 0 and "no speech" in human.stdout


def test_bad_files_get_one_line_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.wav"
    junk.write_bytes(np.random.default_rng(0).bytes(4000))
    notes = tmp_path / "notes.m4a"
    notes.write_text("dear diary\n" * 50)
    cases = {empty: "empty", junk: "not a readable audio file", notes: "not a readable",
             tmp_path / "missing.wav": "no such file", tmp_path: "folder"}
    for path, expected in cases.items():
        for cmd in ("transcribe", "analyze-voice"):
            proc = run_cli(cmd, str(path), "--json")
            assert proc.returncode == 1 and proc.stdout == ""
            assert expected in _no_traceback(proc)


def test_zero_length_and_truncated_files(tmp_path: Path) -> None:
    zero = write_wav(tmp_path / "zero.wav", np.zeros(0, np.float32))
    obj = _json(run_cli("transcribe", str(zero), "--json"))
    assert obj["text"] == "" and obj["segments"] == [] and obj["duration_s"] == 0.0
    wav = speak("this recording was cut off in the middle of a sentence", tmp_path / "s.wav")
    cut = tmp_path / "cut.wav"
    cut.write_bytes(wav.read_bytes()[: len(wav.read_bytes()) // 2])
    obj = _json(run_cli("transcribe", str(cut), "--json"))
    assert "recording" in obj["text"].lower()


def test_an_hour_long_file_is_refused(tmp_path: Path) -> None:
    sox = shutil.which("sox")
    if sox is None:
        pytest.skip("sox is not installed")
    path = tmp_path / "long.flac"
    subprocess.run([sox, "-n", "-r", "16000", "-c", "1", str(path), "trim", "0", "3660"],
                   check=True)
    proc = run_cli("transcribe", str(path), "--json")
    assert proc.returncode == 1 and "too long" in _no_traceback(proc)


from tests.conftest import PASSPHRASE  # noqa: E402


def test_voice_add_stores_a_checkin_in_the_vault(tmp_path: Path) -> None:
    from mindspace.app import AppServices

    data = tmp_path / "vault"
    services = AppServices(data)
    services.create_vault(PASSPHRASE)
    services.lock()
    wav = speak("I walked my dog in the park this morning", tmp_path / "s.wav")
    obj = _json(run_cli("voice", "add", str(wav), "--passphrase-stdin", "--json", "--mood", "4",
                        stdin=PASSPHRASE + "\n", data_dir=data))
    assert {"id", "transcript", "indication", "crisis_level", "audio_kept"} <= obj.keys()
    assert "dog" in obj["transcript"].lower() and obj["audio_kept"] is False
    assert obj["indication"]["level"] in ("low", "moderate", "high")
    assert "not a diagnosis" in obj["indication"]["explanation"]
    services.unlock(PASSPHRASE)
    try:
        stored = services.voice.get(obj["id"])
        assert stored.transcript == obj["transcript"] and stored.source == "import"
        assert stored.self_mood == 4 and not stored.has_audio
        assert services.journal.search("dog")  # the transcript is searchable in the journal
    finally:
        services.close()

    junk = tmp_path / "junk.wav"
    junk.write_bytes(np.random.default_rng(1).bytes(4000))
    proc = run_cli("voice", "add", str(junk), "--passphrase-stdin", "--json",
                   stdin=PASSPHRASE + "\n", data_dir=data)
    assert proc.returncode == 1 and proc.stdout == ""
    assert "not a readable audio file" in _no_traceback(proc)
    proc = run_cli("voice", "add", str(wav), "--passphrase-stdin",
                   stdin="wrong passphrase entirely\n", data_dir=data)
    assert proc.returncode == 3 and proc.stdout == ""
    _no_traceback(proc)


def test_voice_front_ends_import_only_app_and_core() -> None:
    """The voice screens and commands go through mindspace.app (no ml, audio or storage)."""
    import ast

    root = Path(__file__).resolve().parents[2] / "mindspace"
    modules = ["ui/voice_screen.py", "ui/voice_view.py", "ui/voice_history.py",
               "ui/preferences_dialog.py", "commands/voice.py"]
    for rel in modules:
        tree = ast.parse((root / rel).read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module for n in ast.walk(tree)
                  if isinstance(n, ast.ImportFrom) and n.module]
        inner = [n for n in names if n.startswith("mindspace.")]
        bad = [n for n in inner if n.split(".")[1] not in ("app", "core", "ui", "commands")]
        assert bad == [], f"{rel} imports {bad}"
