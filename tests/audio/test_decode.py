"""Decoding imported files: formats, and every kind of bad file gives a one-line error."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from mindspace.audio.decode import AudioDecodeError, decode_bytes, decode_file
from tests.audio.helpers import tone, write_wav


def _one_line(exc: pytest.ExceptionInfo[AudioDecodeError]) -> str:
    msg = str(exc.value)
    assert msg and "\n" not in msg and "Traceback" not in msg
    return msg


@pytest.mark.parametrize("fmt", ["WAV", "FLAC", "OGG"])
def test_soundfile_formats_decode_to_16k_mono(tmp_path: Path, fmt: str) -> None:
    stereo = np.stack([tone(440, 1.5), tone(440, 1.5)], axis=1)
    path = tmp_path / f"a.{fmt.lower()}"
    sf.write(str(path), stereo, 44100, format=fmt)
    audio = decode_file(path)
    assert audio.sample_rate == 16000 and audio.samples.dtype == np.float32
    assert audio.samples.ndim == 1
    # tone() made 1.5 s at 16 kHz; written at 44.1 kHz it lasts 24000 / 44100 s and its
    # 440 Hz sine plays at 440 * 44100 / 16000 Hz: resampling must keep both
    assert abs(audio.duration_s - 24000 / 44100) < 0.02
    spectrum = np.abs(np.fft.rfft(audio.samples))
    peak_hz = np.argmax(spectrum) * 16000 / audio.samples.size
    assert abs(peak_hz - 440 * 44100 / 16000) < 20


@pytest.mark.parametrize("ext", ["mp3", "m4a"])
def test_compressed_formats(tmp_path: Path, ext: str) -> None:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        pytest.skip("ffmpeg is not installed")
    src = write_wav(tmp_path / "src.wav", tone(300, 2.0))
    out = tmp_path / f"a.{ext}"
    subprocess.run([ffmpeg, "-loglevel", "error", "-y", "-i", str(src), str(out)], check=True)
    audio = decode_file(out)
    assert abs(audio.duration_s - 2.0) < 0.1
    assert decode_bytes(out.read_bytes(), out.name).samples.size == audio.samples.size


def test_empty_missing_folder_and_junk(tmp_path: Path) -> None:
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    with pytest.raises(AudioDecodeError) as exc:
        decode_file(empty)
    assert "empty" in _one_line(exc)
    with pytest.raises(AudioDecodeError) as exc:
        decode_file(tmp_path / "nope.wav")
    assert "no such file" in _one_line(exc)
    with pytest.raises(AudioDecodeError) as exc:
        decode_file(tmp_path)
    assert "folder" in _one_line(exc)
    junk = tmp_path / "junk.wav"
    junk.write_bytes(np.random.default_rng(0).bytes(4000))
    with pytest.raises(AudioDecodeError) as exc:
        decode_file(junk)
    assert "not a readable audio file" in _one_line(exc)
    text = tmp_path / "notes.mp3"
    text.write_text("these are my private notes, not audio\n" * 20)
    with pytest.raises(AudioDecodeError) as exc:
        decode_file(text)
    _one_line(exc)
    with pytest.raises(AudioDecodeError):
        decode_bytes(b"", "x.wav")


def test_zero_length_audio_is_an_empty_result(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "zero.wav", np.zeros(0, np.float32))
    audio = decode_file(path)
    assert audio.samples.size == 0 and audio.duration_s == 0.0


def test_truncated_file_keeps_the_readable_part(tmp_path: Path) -> None:
    full = write_wav(tmp_path / "full.wav", tone(220, 3.0))
    cut = tmp_path / "cut.wav"
    cut.write_bytes(full.read_bytes()[: 44 + 16000 * 2])  # header + 1 s
    audio = decode_file(cut)
    assert 0.9 < audio.duration_s < 1.1
    flac = tmp_path / "full.flac"
    sf.write(str(flac), tone(220, 3.0), 16000, format="FLAC")
    cut_flac = tmp_path / "cut.flac"
    cut_flac.write_bytes(flac.read_bytes()[: len(flac.read_bytes()) // 2])
    audio = decode_file(cut_flac)
    assert 0.5 < audio.duration_s < 2.9 and audio.truncated


def test_length_limit(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "three.wav", tone(220, 3.0))
    with pytest.raises(AudioDecodeError) as exc:
        decode_file(path, max_seconds=1.0)
    assert "too long" in _one_line(exc)


def test_an_hour_long_file_is_refused_from_its_header(tmp_path: Path) -> None:
    sox = shutil.which("sox")
    if sox is None:
        pytest.skip("sox is not installed")
    path = tmp_path / "long.flac"
    subprocess.run(
        [sox, "-n", "-r", "16000", "-c", "1", str(path), "trim", "0", "3700"], check=True
    )
    with pytest.raises(AudioDecodeError) as exc:
        decode_file(path)
    assert "limit is 60 min" in _one_line(exc)
