"""The voice check-in use case, the same for the GUI and the command line.

Contract
--------
* :class:`VoiceReader` (no vault needed): decode a file, transcribe it, read voice + words and
  fuse them (`mindspace transcribe` / `analyze-voice`). Models come from the container as
  factories, so they load on the calling worker, never on the GUI thread.
* :class:`VoiceCheckins` (vault open): the whole check-in. A recording (from an ``AudioSource``
  through :mod:`mindspace.app.audio`) or an imported file is decoded, transcribed (the
  transcriber's own segment filtering), its voice read against the user's baseline (earlier
  check-ins), its transcript analysed, the two fused, and the personal model's guess added; the
  result is a :class:`VoiceReading`. :meth:`VoiceCheckins.save` stores transcript, analysis,
  indication and (optionally) the audio as an encrypted blob, then retrains the personal model
  when enough labelled check-ins exist. :meth:`VoiceCheckins.add_file` does all of it in one
  call (`mindspace voice add`); the GUI's import runs :meth:`VoiceCheckins.import_steps` and then
  :meth:`VoiceCheckins.save`, so both store the same thing.
* ``*_steps`` methods are generators of ``(fraction, message)`` progress reports for the GUI's
  task runner (which cancels them between reports); ``cancel`` (``threading.Event``) is also
  checked inside transcription and raises :class:`~mindspace.core.errors.Cancelled`.
* Everything here blocks (models, DB): call it from a worker thread. Failures a person can act on
  are ``UserError`` subclasses (bad file, no microphone, model folder, vault locked).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from mindspace.app.audit import AuditKind, AuditTrail
from mindspace.audio.decode import (
    DecodedAudio,
    decode_file,
    open_stream,
    resample,
    to_float32,
)
from mindspace.audio.recorder import Recording
from mindspace.core.rules import SAMPLE_RATE, opens_support_panel
from mindspace.ml.personal_model import (
    MIN_EXAMPLES,
    MODEL_NAME,
    NotEnoughExamplesError,
    PersonalModel,
    examples_from_checkins,
    features_of,
    train,
)
from mindspace.ml.prosody import prosody_in_words
from mindspace.ml.transcriber import Transcriber
from mindspace.ml.voice_analyzer import VoiceAnalyzer
from mindspace.ml.voice_pipeline import (
    TextAnalyzerLike,
    VoiceCheckinResult,
    analyze_steps,
    analyze_stream_steps,
    analyze_transcript,
)
from mindspace.storage.personal_models import PersonalModelStore
from mindspace.storage.voice import VoiceCheckin, VoiceRepository

Progress = tuple[float, str]
TRUNCATED_WARNING = "the file looks truncated; only the readable part was {}"
STREAM_BLOCK_S = 10.0  # seconds of audio decoded at a time when a file is read as a stream


@dataclass
class VoiceReading:
    """One analysed recording (stored or not yet): what the screens and commands show."""

    result: VoiceCheckinResult
    samples: np.ndarray  # 16 kHz mono float32, in memory only
    source: str = "recording"  # "recording" | "import"
    personal: str = ""  # one line about the personal model's guess
    truncated: bool = False

    @property
    def transcript(self) -> str:
        return self.result.transcript.text

    @property
    def level(self) -> str:
        """The fused indication: "low" | "moderate" | "high"."""
        return self.result.fusion.level

    @property
    def explanation(self) -> str:
        return self.result.fusion.explanation

    @property
    def recommendations(self) -> list[dict[str, str]]:
        return [dict(r) for r in self.result.fusion.recommendations]

    @property
    def crisis(self) -> dict[str, Any]:
        """The analyze-text object's ``crisis`` part ({} without text analysis)."""
        return dict((self.result.text or {}).get("crisis") or {})

    @property
    def crisis_level(self) -> str:
        return self.result.crisis_level

    @property
    def opens_support_panel(self) -> bool:
        """Whether the words call for the support panel (core.rules; only when words were heard)."""
        return bool(self.transcript) and opens_support_panel(self.crisis_level)

    @property
    def voice_words(self) -> str:
        """How the voice sounded, in plain words, compared with the user's usual voice if known."""
        voice = self.result.voice
        words = prosody_in_words(voice.prosody.to_dict())
        if voice.baseline_count:
            compared = f"Compared with your usual voice: {voice.description}."
        else:
            compared = voice.description[:1].upper() + voice.description[1:] + "."
        return f"{words} {compared}"

    def to_dict(self) -> dict[str, Any]:
        """The ``analyze-voice --json`` object."""
        return self.result.to_dict()


@dataclass(frozen=True)
class SavedCheckin:
    id: str
    reading: VoiceReading
    stored: VoiceCheckin = field(repr=False)


class VoiceReader:
    """Transcription and voice + words reading without the vault."""

    def __init__(
        self,
        transcriber: Callable[[], Transcriber],
        text_analyzer: Callable[[], TextAnalyzerLike],
        voice_analyzer: VoiceAnalyzer | None = None,
    ) -> None:
        self._transcriber = transcriber
        self._text_analyzer = text_analyzer
        self.voice_analyzer = voice_analyzer or VoiceAnalyzer()

    def transcriber(self) -> Transcriber:
        """The verified, loaded speech model (slow the first time)."""
        return self._transcriber()

    def text_analyzer(self) -> TextAnalyzerLike:
        return self._text_analyzer()

    @staticmethod
    def decode(path: Path) -> DecodedAudio:
        """A file as 16 kHz mono float32 (AudioDecodeError, one line, for bad files)."""
        return decode_file(path)

    def read_steps(
        self,
        samples: np.ndarray,
        history: list[dict[str, Any]] | None = None,
        helpfulness: Mapping[str, tuple[int, int]] | None = None,
        cancel: threading.Event | None = None,
    ) -> Generator[Progress, None, VoiceCheckinResult]:
        yield 0.0, "Loading the speech model…"
        transcriber, text_analyzer = self.transcriber(), self.text_analyzer()
        return (
            yield from analyze_steps(
                samples, transcriber, text_analyzer, history, helpfulness, cancel,
                self.voice_analyzer,
            )
        )

    def analyze_file(self, path: Path) -> tuple[VoiceCheckinResult, str | None]:
        """`analyze-voice`: the reading of a file (no baseline) and a warning if truncated.

        The file is decoded a block at a time straight into the voice reading and the
        transcription (:func:`analyze_stream_steps`), so memory does not grow with its length.
        """
        with open_stream(path) as audio:  # bad files fail here, before the models load
            transcriber = self.transcriber()
            steps = analyze_stream_steps(
                audio.blocks(STREAM_BLOCK_S), transcriber, _LaterTextAnalyzer(self, transcriber),
                voice_analyzer=self.voice_analyzer, expected_s=audio.header_seconds,
            )
            result: VoiceCheckinResult = _drive(steps, None)
        return result, TRUNCATED_WARNING.format("analysed") if audio.truncated else None


class _LaterTextAnalyzer:
    """The reader's text analyzer, built when the transcript is ready rather than before, so its
    models are not in memory while speech is being transcribed."""

    def __init__(self, reader: VoiceReader, transcriber: Transcriber) -> None:
        self._reader = reader
        self._transcriber = transcriber

    def analyze(self, text: str) -> Any:
        self._transcriber.release()  # done with speech: make room before the text models load
        return self._reader.text_analyzer().analyze(text)


def _drive(steps: Generator[Progress, None, Any],
           progress: Callable[[float, str], None] | None) -> Any:
    while True:
        try:
            fraction, message = next(steps)
        except StopIteration as done:
            return done.value
        if progress is not None:
            progress(fraction, message)


class VoiceCheckins:
    """Voice check-ins in the open vault: read, store, update, list, play back, delete."""

    def __init__(self, reader: VoiceReader, repo: VoiceRepository,
                 models: PersonalModelStore, audit: AuditTrail | None = None) -> None:
        self.reader = reader
        self.repo = repo
        self.models = models
        self.audit = audit

    # ---- reading --------------------------------------------------------------------------
    def analyze_steps(
        self,
        samples: np.ndarray,
        source: str = "recording",
        cancel: threading.Event | None = None,
        exclude: str | None = None,
        truncated: bool = False,
    ) -> Generator[Progress, None, VoiceReading]:
        """Transcribe and read 16 kHz audio against the user's baseline (``exclude``: a stored
        check-in not to compare with itself)."""
        history = self.repo.prosody_history(exclude=exclude)
        helpfulness = self.repo.helpfulness()
        result = yield from self.reader.read_steps(samples, history, helpfulness, cancel)
        return VoiceReading(result, samples, source, self.personal_guess(result), truncated)

    def record_steps(
        self, recording: Recording, cancel: threading.Event | None = None
    ) -> Generator[Progress, None, VoiceReading]:
        """A finished recording (any device rate) read as a check-in."""
        samples = recording.samples_16k()
        return (yield from self.analyze_steps(samples, "recording", cancel))

    def import_steps(
        self, path: Path, cancel: threading.Event | None = None
    ) -> Generator[Progress, None, VoiceReading]:
        """An audio file (wav, flac, ogg, mp3, m4a, ...) read as a check-in."""
        yield 0.0, f"Reading {Path(path).name}…"
        audio = self.reader.decode(Path(path))
        return (
            yield from self.analyze_steps(
                audio.samples, "import", cancel, truncated=audio.truncated
            )
        )

    def reanalyze(
        self, reading: VoiceReading, transcript_text: str, exclude: str | None = None
    ) -> VoiceReading:
        """Re-read the words after the user corrected the transcript (no new transcription)."""
        transcript = replace(reading.result.transcript, text=transcript_text)
        result = analyze_transcript(
            reading.samples, transcript, self.reader.text_analyzer(),
            self.repo.prosody_history(exclude=exclude), self.repo.helpfulness(),
            voice_analyzer=self.reader.voice_analyzer,
        )
        return replace(reading, result=result, personal=self.personal_guess(result))

    # ---- personal model -------------------------------------------------------------------
    def personal_model(self) -> PersonalModel | None:
        """The stored personal model, or None if none was trained yet."""
        found = self.models.load(MODEL_NAME)
        return None if found is None else PersonalModel(onnx_bytes=found[0], meta=found[1])

    def personal_guess(self, result: VoiceCheckinResult) -> str:
        """One line: the personal model's guess for this reading (onnxruntime; worker only)."""
        model = self.personal_model()
        if model is None:
            return (
                f"Your personal model starts after {MIN_EXAMPLES} check-ins where you said how "
                "you felt."
            )
        voice = result.voice
        label, _ = model.predict(features_of(voice.prosody.to_dict(), voice.arousal, result.text))
        return f"Your personal model guesses your mood as “{label}” ({model.summary()})."

    def retrain(self) -> PersonalModel | None:
        """Train on the labelled check-ins and store the model when there are enough (None
        otherwise, e.g. too few or all moods the same so far)."""
        examples = examples_from_checkins(self.repo.labelled())
        if len(examples) < MIN_EXAMPLES:
            return None
        with contextlib.suppress(NotEnoughExamplesError):  # e.g. all moods the same so far
            model = train(examples)
            self.models.save(
                MODEL_NAME, model.onnx_bytes, model.examples, model.accuracy, model.meta
            )
            if self.audit is not None:
                self.audit.record(
                    AuditKind.PERSONAL_MODEL_UPDATE,
                    f"voice mood model retrained on {model.examples} check-ins",
                )
            return model
        return None

    # ---- storing --------------------------------------------------------------------------
    def save(
        self,
        reading: VoiceReading,
        transcript_text: str | None = None,
        *,
        saved_id: str | None = None,
        keep_audio: bool = False,
        self_mood: int | None = None,
        feedback: Mapping[str, bool] | None = None,
    ) -> str:
        """Store a new check-in (or update ``saved_id``); the audio only with ``keep_audio``
        (an update without it discards kept audio). Retrains the personal model when enough
        labelled check-ins exist. Returns the check-in id."""
        result, repo = reading.result, self.repo
        text = reading.transcript if transcript_text is None else transcript_text
        audio = reading.samples if keep_audio else None
        if saved_id is None:
            checkin = repo.add(
                duration_s=result.transcript.duration_s,
                transcript=text,
                segments=result.transcript.segments_json(),
                model=result.transcript.model,
                prosody=result.voice.prosody.to_dict(),
                arousal=result.voice.arousal,
                text_analysis=result.text,
                fusion=result.fusion.to_dict(),
                audio=audio,
                sample_rate=SAMPLE_RATE,
                source=reading.source,
                self_mood=self_mood,
                transcript_edited=text != result.transcript.text,
            )
        else:
            checkin = repo.update_transcript(
                saved_id, text, text_analysis=result.text, fusion=result.fusion.to_dict()
            )
            repo.set_self_mood(saved_id, self_mood)
            if audio is not None and not checkin.has_audio:
                repo.attach_audio(saved_id, audio, SAMPLE_RATE)
            elif audio is None and checkin.has_audio:
                repo.discard_audio(saved_id)
        for rec, helped in (feedback or {}).items():
            repo.record_feedback(checkin.id, rec, helped)
        self.retrain()
        return str(checkin.id)

    def add_file(
        self,
        path: Path,
        *,
        keep_audio: bool = False,
        self_mood: int | None = None,
        cancel: threading.Event | None = None,
        progress: Callable[[float, str], None] | None = None,
    ) -> SavedCheckin:
        """Import a recording as a check-in in one call (what the GUI's import + save do)."""
        reading: VoiceReading = _drive(self.import_steps(path, cancel), progress)
        checkin_id = self.save(reading, keep_audio=keep_audio, self_mood=self_mood)
        return SavedCheckin(checkin_id, reading, self.repo.get(checkin_id))

    def record_feedback(self, checkin_id: str, recommendation: str, helped: bool) -> None:
        self.repo.record_feedback(checkin_id, recommendation, helped)

    # ---- stored check-ins -----------------------------------------------------------------
    def list_checkins(self) -> list[VoiceCheckin]:
        """Stored check-ins, newest first."""
        return self.repo.list()

    def get(self, checkin_id: str) -> VoiceCheckin:
        return self.repo.get(checkin_id)

    def delete(self, checkin_id: str) -> None:
        """Delete a check-in, its audio (crypto-shredded) and its journal entry."""
        self.repo.delete(checkin_id)

    def load_audio(self, checkin_id: str) -> np.ndarray:
        """A check-in's kept audio decrypted into memory as 16 kHz mono float32."""
        pcm, rate = self.repo.load_audio(checkin_id)
        return resample(to_float32(pcm), rate, SAMPLE_RATE)


__all__ = [
    "TRUNCATED_WARNING",
    "SavedCheckin",
    "VoiceCheckin",
    "VoiceCheckins",
    "VoiceReader",
    "VoiceReading",
]
