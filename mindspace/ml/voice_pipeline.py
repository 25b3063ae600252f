"""One voice reading from audio to indication: transcribe, read the voice, read the words, fuse.

Pure inference: nothing here loads models, reads the user's history or stores anything (the use
case :mod:`mindspace.app.voice` does that and hands the pieces in).

Contract
--------
* :func:`analyze_steps` is the one path from audio to a :class:`VoiceCheckinResult`, as a
  generator of ``(fraction, message)`` progress reports for task runners. Transcription goes
  through :meth:`Transcriber.transcribe_steps` (the transcriber's own segment filtering) and is
  reported as 0..0.85; then prosody + arousal against ``history`` (the user's baseline), text
  analysis of the transcript, fusion. ``cancel`` (``threading.Event``) aborts with
  :class:`~mindspace.core.errors.Cancelled`.
* :func:`analyze_stream_steps` is the same for audio that arrives in blocks (a file decoded bit
  by bit): the voice is read frame by frame and speech transcribed a window at a time, so memory
  stays flat however long the recording is; the result is the one :func:`analyze_steps` gives.
* :func:`analyze_transcript` redoes everything but the transcription (after the user edited it).
* ``text_analyzer`` is anything with ``analyze(text) -> obj`` where ``obj.to_dict()`` is the
  analyze-text object. An empty transcript is analysed too (so ``text`` is always an object when
  an analyzer is given) but its text part is left out of the fusion.
* The result's :meth:`VoiceCheckinResult.to_dict` is the ``mindspace analyze-voice --json`` object.
* Runs on a worker thread, never the GUI thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from mindspace.core.errors import Cancelled
from mindspace.ml.fusion import FusionResult, fuse
from mindspace.ml.prosody import ProsodyStream
from mindspace.ml.transcriber import Transcriber, Transcript
from mindspace.ml.voice_analyzer import VoiceAnalysis, VoiceAnalyzer

TRANSCRIBING = "Transcribing on this device…"
READING = "Reading your voice and words…"
TRANSCRIPTION_SHARE = 0.85


class _HasToDict(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


class TextAnalyzerLike(Protocol):
    def analyze(self, text: str) -> _HasToDict: ...


@dataclass
class VoiceCheckinResult:
    transcript: Transcript
    voice: VoiceAnalysis
    text: dict[str, Any] | None
    fusion: FusionResult
    processing_s: float

    @property
    def crisis_level(self) -> str:
        """The crisis screen's level for the words ("none" without words)."""
        return self.fusion.crisis_level

    def to_dict(self) -> dict[str, Any]:
        """The ``analyze-voice --json`` object."""
        voice = self.voice.to_dict()
        return {
            "transcript": self.transcript.to_dict(),
            "prosody": voice["prosody"],
            "arousal": voice["arousal"],
            "arousal_basis": voice["arousal_basis"],
            "voice": {
                "description": voice["description"],
                "deviations": voice["deviations"],
                "baseline_count": voice["baseline_count"],
            },
            "text": self.text,
            "state": self.fusion.state.to_dict(),
            "risk": self.fusion.risk_dict(),
            "recommendations": self.fusion.to_dict()["recommendations"],
            "duration_s": round(self.transcript.duration_s, 3),
            "processing_s": round(self.processing_s, 3),
            "model": self.transcript.model,
        }


def analyze_text(text_analyzer: TextAnalyzerLike | None, transcript: str) -> dict[str, Any] | None:
    """The analyze-text object of the transcript (also for an empty one), or None without an
    analyzer."""
    if text_analyzer is None:
        return None
    return dict(text_analyzer.analyze(transcript).to_dict())


def _transcribing(steps: Generator[float, None, Transcript]
                  ) -> Generator[tuple[float, str], None, Transcript]:
    """Relays a transcription's progress as the first ``TRANSCRIPTION_SHARE`` of the whole."""
    while True:
        try:
            fraction = next(steps)
        except StopIteration as done:
            transcript: Transcript = done.value
            return transcript
        yield TRANSCRIPTION_SHARE * fraction, TRANSCRIBING


def analyze_steps(
    samples: np.ndarray,
    transcriber: Transcriber,
    text_analyzer: TextAnalyzerLike | None,
    history: Sequence[Mapping[str, Any]] | None = None,
    helpfulness: Mapping[str, tuple[int, int]] | None = None,
    cancel: threading.Event | None = None,
    voice_analyzer: VoiceAnalyzer | None = None,
) -> Generator[tuple[float, str], None, VoiceCheckinResult]:
    """Transcribe and analyse 16 kHz mono float32 audio, yielding ``(fraction, message)``."""
    started = time.perf_counter()
    yield 0.0, TRANSCRIBING
    transcript = yield from _transcribing(transcriber.transcribe_steps(samples, cancel))
    yield 0.88, READING
    result = analyze_transcript(
        samples, transcript, text_analyzer, history, helpfulness, cancel, voice_analyzer
    )
    result.processing_s = time.perf_counter() - started
    yield 1.0, READING
    return result


def analyze_stream_steps(
    blocks: Iterable[np.ndarray],
    transcriber: Transcriber,
    text_analyzer: TextAnalyzerLike | None,
    history: Sequence[Mapping[str, Any]] | None = None,
    helpfulness: Mapping[str, tuple[int, int]] | None = None,
    cancel: threading.Event | None = None,
    voice_analyzer: VoiceAnalyzer | None = None,
    expected_s: float | None = None,
) -> Generator[tuple[float, str], None, VoiceCheckinResult]:
    """:func:`analyze_steps` for audio that arrives in blocks (e.g. decoded from a file bit by
    bit), so memory does not grow with the recording's length: each block goes to the voice
    reading (:class:`ProsodyStream`) and to transcription, which holds at most one window of
    ``transcriber.block_s`` seconds. ``expected_s`` (the file header's length) scales progress."""
    started = time.perf_counter()
    yield 0.0, TRANSCRIBING
    prosody = ProsodyStream()

    def measured() -> Iterator[np.ndarray]:
        for block in blocks:
            prosody.feed(block)
            yield block

    transcript = yield from _transcribing(
        transcriber.transcribe_stream_steps(measured(), cancel, expected_s))
    yield 0.88, READING
    segments = [s.to_dict() for s in transcript.segments]
    voice = (voice_analyzer or VoiceAnalyzer()).from_prosody(prosody.finish(segments), history)
    result = _finish(transcript, voice, text_analyzer, helpfulness, cancel)
    result.processing_s = time.perf_counter() - started
    yield 1.0, READING
    return result


def analyze_transcript(
    samples: np.ndarray,
    transcript: Transcript,
    text_analyzer: TextAnalyzerLike | None,
    history: Sequence[Mapping[str, Any]] | None = None,
    helpfulness: Mapping[str, tuple[int, int]] | None = None,
    cancel: threading.Event | None = None,
    voice_analyzer: VoiceAnalyzer | None = None,
) -> VoiceCheckinResult:
    """Everything after transcription (prosody, text analysis, fusion)."""
    started = time.perf_counter()
    segments = [s.to_dict() for s in transcript.segments]
    voice = (voice_analyzer or VoiceAnalyzer()).analyze(samples, segments, history)
    result = _finish(transcript, voice, text_analyzer, helpfulness, cancel)
    result.processing_s = time.perf_counter() - started
    return result


def _finish(
    transcript: Transcript,
    voice: VoiceAnalysis,
    text_analyzer: TextAnalyzerLike | None,
    helpfulness: Mapping[str, tuple[int, int]] | None,
    cancel: threading.Event | None,
) -> VoiceCheckinResult:
    """Text analysis of the transcript and the fusion with the voice reading."""
    started = time.perf_counter()
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    text = analyze_text(text_analyzer, transcript.text)
    fusion = fuse(text if transcript.text.strip() else None, voice, helpfulness)
    return VoiceCheckinResult(
        transcript=transcript,
        voice=voice,
        text=text,
        fusion=fusion,
        processing_s=time.perf_counter() - started,
    )
