"""One voice check-in from audio to indication: transcribe, read the voice, read the words, fuse.

Contract
--------
* :func:`analyze_audio` runs on a worker thread (never the GUI thread): transcription (the slow
  part, reported as progress 0..0.85), prosody + arousal, text analysis of the transcript, fusion.
  ``cancel`` (``threading.Event``) aborts with
  :class:`~mindspace.ml.transcriber.Cancelled`.
* :func:`analyze_transcript` redoes everything but the transcription (after the user edited it).
* :func:`analyze_steps` is the generator form for task runners (progress + cancel);
  :func:`save_checkin` stores a result in the vault's voice repository (worker thread).
* ``text_analyzer`` is anything with ``analyze(text) -> obj`` where ``obj.to_dict()`` is the
  analyze-text object. An empty transcript is analysed too (so ``text`` is always an object when
  an analyzer is given) but its text part is left out of the fusion.
* The result's :meth:`VoiceCheckinResult.to_dict` is the ``mindspace analyze-voice --json`` object.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Generator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from mindspace.ml.fusion import FusionResult, fuse
from mindspace.ml.transcriber import Transcriber, Transcript
from mindspace.ml.voice_analyzer import VoiceAnalysis, VoiceAnalyzer


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


def analyze_audio(
    samples: np.ndarray,
    transcriber: Transcriber,
    text_analyzer: TextAnalyzerLike | None,
    history: Sequence[Mapping[str, Any]] | None = None,
    helpfulness: Mapping[str, tuple[int, int]] | None = None,
    cancel: threading.Event | None = None,
    progress: Callable[[float, str], None] | None = None,
) -> VoiceCheckinResult:
    """Transcribe and analyse 16 kHz mono float32 audio. ``progress(fraction, stage)``."""
    started = time.perf_counter()

    def report(fraction: float, stage: str) -> None:
        if progress is not None:
            progress(fraction, stage)

    report(0.0, "transcribing")
    transcript = transcriber.transcribe(
        samples, cancel=cancel, progress=lambda f: report(0.85 * f, "transcribing")
    )
    result = analyze_transcript(
        samples, transcript, text_analyzer, history, helpfulness, cancel, report
    )
    result.processing_s = time.perf_counter() - started
    return result


def analyze_transcript(
    samples: np.ndarray,
    transcript: Transcript,
    text_analyzer: TextAnalyzerLike | None,
    history: Sequence[Mapping[str, Any]] | None = None,
    helpfulness: Mapping[str, tuple[int, int]] | None = None,
    cancel: threading.Event | None = None,
    progress: Callable[[float, str], None] | None = None,
) -> VoiceCheckinResult:
    """Everything after transcription (prosody, text analysis, fusion)."""
    from mindspace.ml.transcriber import Cancelled

    started = time.perf_counter()
    if progress is not None:
        progress(0.88, "reading the voice")
    segments = [s.to_dict() for s in transcript.segments]
    voice = VoiceAnalyzer().analyze(samples, segments, history)
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    if progress is not None:
        progress(0.95, "reading the words")
    text = analyze_text(text_analyzer, transcript.text)
    fusion = fuse(text if transcript.text.strip() else None, voice, helpfulness)
    if progress is not None:
        progress(1.0, "done")
    return VoiceCheckinResult(
        transcript=transcript,
        voice=voice,
        text=text,
        fusion=fusion,
        processing_s=time.perf_counter() - started,
    )


def analyze_steps(
    samples: np.ndarray,
    transcriber: Transcriber,
    text_analyzer: TextAnalyzerLike | None,
    context: Callable[[], tuple[Sequence[Mapping[str, Any]], Mapping[str, tuple[int, int]]]],
    cancel: threading.Event | None = None,
) -> Generator[tuple[float, str], None, VoiceCheckinResult]:
    """:func:`analyze_audio` as a generator of ``(fraction, message)`` progress reports (for
    task runners); returns the result. ``context()`` supplies (baseline history, helpfulness)
    and is called on the same worker after transcription."""
    started = time.perf_counter()
    kept = []
    yield 0.02, "Transcribing on this device…"
    for seg, fraction in transcriber.iter_segments(samples, cancel=cancel):
        if seg is not None:
            kept.append(seg)
        yield 0.85 * fraction, "Transcribing on this device…"
    transcript = Transcript(
        text=" ".join(s.text for s in kept).strip(),
        segments=kept,
        duration_s=samples.size / 16000.0,
        processing_s=time.perf_counter() - started,
        model=transcriber.model_id,
    )
    yield 0.88, "Reading your voice and words…"
    history, helpfulness = context()
    result = analyze_transcript(samples, transcript, text_analyzer, history, helpfulness, cancel)
    result.processing_s = time.perf_counter() - started
    return result


def save_checkin(
    repo: Any,
    result: VoiceCheckinResult,
    transcript_text: str,
    *,
    saved_id: str | None = None,
    audio: np.ndarray | None = None,
    source: str = "recording",
    self_mood: int | None = None,
    feedback: Mapping[str, bool] | None = None,
) -> str:
    """Store a new check-in (or update ``saved_id``) in a VoiceRepository; audio only if given
    (``None`` on an update discards kept audio). Retrains the personal model when enough
    labelled check-ins exist. Returns the check-in id. Runs on a worker."""
    from mindspace.ml.personal_model import (
        MIN_EXAMPLES,
        NotEnoughExamplesError,
        examples_from_checkins,
        train_and_store,
    )

    if saved_id is None:
        checkin = repo.add(
            duration_s=result.transcript.duration_s,
            transcript=transcript_text,
            segments=result.transcript.segments_json(),
            model=result.transcript.model,
            prosody=result.voice.prosody.to_dict(),
            arousal=result.voice.arousal,
            text_analysis=result.text,
            fusion=result.fusion.to_dict(),
            audio=audio,
            sample_rate=16000,
            source=source,
            self_mood=self_mood,
            transcript_edited=transcript_text != result.transcript.text,
        )
    else:
        checkin = repo.update_transcript(
            saved_id, transcript_text, text_analysis=result.text, fusion=result.fusion.to_dict()
        )
        repo.set_self_mood(saved_id, self_mood)
        if audio is not None and not checkin.has_audio:
            repo.attach_audio(saved_id, audio, 16000)
        elif audio is None and checkin.has_audio:
            repo.discard_audio(saved_id)
    for rec, helped in (feedback or {}).items():
        repo.record_feedback(checkin.id, rec, helped)
    if len(examples_from_checkins(repo.labelled())) >= MIN_EXAMPLES:
        with contextlib.suppress(NotEnoughExamplesError):  # e.g. all moods the same so far
            train_and_store(repo)
    return str(checkin.id)
