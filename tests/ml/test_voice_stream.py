"""analyze-voice reads a file as a stream: decoded, measured and transcribed block by block, with
the same transcript and voice reading as when the whole recording is in memory."""

from __future__ import annotations

import re
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from mindspace.audio.decode import AudioDecodeError, decode_file, open_stream
from mindspace.ml.prosody import ProsodyStream, extract_prosody
from mindspace.ml.transcriber import BLOCK_S, block_bounds, cut_windows
from mindspace.ml.voice_pipeline import analyze_steps, analyze_stream_steps
from tests.audio.helpers import RATE, speak_16k, text_analyzer, transcriber, write_wav


def words(text: str) -> list[str]:
    return re.sub(r"[^a-z' ]", " ", text.lower()).split()


def run(steps: Iterator[tuple[float, str]]) -> object:
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def _sample(tmp_path: Path) -> tuple[np.ndarray, float]:
    """Two sentences over room noise with a quieter two-second pause between them, and the
    length of a window that ends inside that pause."""
    rng = np.random.default_rng(3)
    first = speak_16k("the garden was quiet this morning and I felt calm", tmp_path)
    second = speak_16k("then we walked down to the river before lunch", tmp_path)
    pause = rng.normal(0, 0.0005, RATE * 2)
    audio = np.concatenate([first + rng.normal(0, 0.002, first.size), pause,
                            second + rng.normal(0, 0.002, second.size), pause[: RATE // 2]])
    # long enough for the rest after the pause, short enough that its last half is the pause
    window_s = max(first.size / RATE + 2.0, second.size / RATE + 2.6)
    return audio.astype(np.float32), window_s


def test_streamed_file_gives_the_transcript_and_voice_of_the_whole_recording(
    tmp_path: Path,
) -> None:
    audio, window_s = _sample(tmp_path)
    wav = write_wav(tmp_path / "talk.wav", audio)
    samples = decode_file(wav).samples
    model, texts = transcriber(), text_analyzer()
    whole = run(analyze_steps(samples, model, texts))  # the recording in memory, one window
    model.block_s = window_s  # a short window, so this sample is cut like a long recording is
    try:
        with open_stream(wav) as stream:
            blocks = stream.blocks(0.7)
            streamed = run(analyze_stream_steps(blocks, model, texts,
                                                expected_s=stream.header_seconds))
    finally:
        model.block_s = BLOCK_S
    a, b = whole.to_dict(), streamed.to_dict()  # type: ignore[attr-defined]
    assert len(block_bounds(samples, window_s)) == 2
    assert words(b["transcript"]["text"]) == words(a["transcript"]["text"])
    assert "garden" in words(b["transcript"]["text"]) and "river" in words(b["transcript"]["text"])
    rate = "speaking_rate_wpm"  # words over the timestamps' span: those move by a few frames
    assert {k: v for k, v in b["prosody"].items() if k != rate} == {
        k: v for k, v in a["prosody"].items() if k != rate}
    assert b["prosody"][rate] == pytest.approx(a["prosody"][rate], rel=0.1)
    assert b["arousal"] == pytest.approx(a["arousal"], abs=0.05)
    # punctuation may differ with the window ("calm. Then" / "calm, then"): same risk reading
    assert b["text"]["crisis"] == a["text"]["crisis"]
    assert b["risk"]["level"] == a["risk"]["level"]
    assert b["duration_s"] == a["duration_s"] == round(samples.size / RATE, 3)


def test_stream_blocks_are_the_decoded_samples(tmp_path: Path) -> None:
    audio, _ = _sample(tmp_path)
    wav = write_wav(tmp_path / "talk.wav", audio)
    with open_stream(wav) as stream:
        blocks = list(stream.blocks(1.0))
    assert all(b.size == RATE for b in blocks[:-1]) and 0 < blocks[-1].size <= RATE
    assert np.array_equal(np.concatenate(blocks), decode_file(wav).samples)
    assert stream.samples_read == sum(b.size for b in blocks) and not stream.truncated


def test_bad_files_fail_when_the_stream_opens(tmp_path: Path) -> None:
    (tmp_path / "empty.wav").write_bytes(b"")
    (tmp_path / "text.wav").write_text("not audio at all " * 50)
    for name, message in (("missing.wav", "no such file"), ("empty.wav", "empty"),
                          ("text.wav", "not a readable audio file")):
        with pytest.raises(AudioDecodeError, match=message):
            open_stream(tmp_path / name)


def test_prosody_stream_matches_the_whole_signal_for_any_blocks(tmp_path: Path) -> None:
    audio, _ = _sample(tmp_path)
    segments = [{"start": 0.2, "end": 3.5, "text": "the garden was quiet this morning"}]
    whole = extract_prosody(audio, segments).to_dict()
    rng = np.random.default_rng(7)
    for _ in range(3):
        stream, at = ProsodyStream(), 0
        while at < audio.size:
            size = int(rng.integers(1, 12_000))
            stream.feed(audio[at : at + size])
            at += size
            assert stream.held_samples < size + 1024 + 160
        assert stream.finish(segments).to_dict() == whole
    assert whole["pitch_median_hz"] is not None and whole["speech_s"] > 2.0


def _long_stream(minutes: int, block_s: float = 10.0) -> Iterator[np.ndarray]:
    """Speech-like audio (bursts of voiced sound with short pauses), made block by block."""
    rng = np.random.default_rng(minutes)
    t = np.arange(int(block_s * RATE)) / RATE
    for i in range(int(minutes * 60 / block_s)):
        gate = np.sin(2 * np.pi * 0.4 * t) > -0.6  # a pause every 2.5 s
        voiced = 0.2 * np.sin(2 * np.pi * (120 + 10 * (i % 5)) * t) * gate
        yield (voiced + rng.normal(0, 0.003, t.size)).astype(np.float32)


def _peak_bytes(minutes: int) -> tuple[int, list[int]]:
    tracemalloc.start()
    try:
        prosody, windows = ProsodyStream(), []

        def measured() -> Iterator[np.ndarray]:
            for block in _long_stream(minutes):
                prosody.feed(block)
                yield block

        for _start, window in cut_windows(measured()):
            windows.append(window.size)
        prosody.finish()
        return tracemalloc.get_traced_memory()[1], windows
    finally:
        tracemalloc.stop()


def test_long_input_is_processed_in_bounded_blocks() -> None:
    """An hour-long stream is never held: windows of at most BLOCK_S seconds cut at pauses, and
    the same peak of allocations for 4 and 12 minutes (well under the 46 MB of 12 minutes)."""
    short_peak, short_windows = _peak_bytes(4)
    long_peak, long_windows = _peak_bytes(12)
    assert sum(long_windows) == 12 * 60 * RATE and len(long_windows) >= 12
    assert max(long_windows) <= BLOCK_S * RATE and min(long_windows[:-1]) >= (BLOCK_S - 15) * RATE
    assert long_peak < 30 * 2**20
    assert long_peak < short_peak * 1.25
    # the same cuts as for the whole recording in memory
    whole = np.concatenate(list(_long_stream(4)))
    starts = [0, *np.cumsum(short_windows)[:-1].tolist()]
    assert [(s, s + n) for s, n in zip(starts, short_windows, strict=True)] == block_bounds(whole)


def test_released_speech_model_loads_again_when_needed(tmp_path: Path) -> None:
    audio = speak_16k("I walked the dog along the beach today", tmp_path)
    model = transcriber()
    model.release()
    assert "beach" in words(model.transcribe(audio).text)
