"""Shared helpers for the voice tests: synthetic speech, tones, a once-per-process model."""

from __future__ import annotations

import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

REPO = Path(__file__).resolve().parents[2]
SHARED = (REPO / ".." / "shared").resolve()
JFK = SHARED / "data" / "asr-eval-samples" / "jfk" / "jfk.wav"
RATE = 16_000

_lock = threading.Lock()
_cache: dict[str, Any] = {}


def transcriber() -> Any:
    """The real shipped speech model, verified and loaded once per test process."""
    from mindspace.ml.transcriber import Transcriber

    with _lock:
        if "t" not in _cache:
            _cache["t"] = Transcriber.load()
        return _cache["t"]


def text_analyzer() -> Any:
    """The real text analyzer (emotion model + sentiment + crisis screen), built once."""
    from mindspace.ml.emotion_model import EmotionModel
    from mindspace.ml.registry import ModelRegistry
    from mindspace.ml.text_analyzer import TextAnalyzer

    with _lock:
        if "a" not in _cache:
            _cache["a"] = TextAnalyzer(lambda: EmotionModel.load(ModelRegistry()))
        return _cache["a"]


def need_espeak() -> str:
    exe = shutil.which("espeak-ng")
    if exe is None:
        pytest.skip("espeak-ng is not installed")
    return exe


def speak(text: str, path: Path, speed: int = 160, pitch: int = 50, amplitude: int = 100) -> Path:
    """Synthesise English speech with espeak-ng into a WAV file (22.05 kHz mono)."""
    exe = need_espeak()
    subprocess.run(
        [exe, "-v", "en-us", "-s", str(speed), "-p", str(pitch), "-a", str(amplitude),
         "-w", str(path), text],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return path


def speak_16k(text: str, tmp: Path, **kw: Any) -> np.ndarray:
    """Synthesised speech as 16 kHz mono float32 (through the real decoder)."""
    from mindspace.audio.decode import decode_file

    name = f"say-{abs(hash((text, tuple(kw.items()))))}.wav"
    return decode_file(speak(text, tmp / name, **kw)).samples


def tone(freq: float = 220.0, seconds: float = 2.0, amp: float = 0.3) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def write_wav(path: Path, samples: np.ndarray, rate: int = RATE) -> Path:
    sf.write(str(path), samples, rate, subtype="PCM_16")
    return path
