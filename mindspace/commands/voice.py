"""`mindspace transcribe AUDIO` and `mindspace analyze-voice AUDIO` (no vault needed).

Contract (stable; checked by tools):
* ``transcribe AUDIO --json`` prints ``{"text", "segments": [{"start","end","text"}],
  "duration_s", "processing_s", "model": "name@version"}``.
* ``analyze-voice AUDIO --json`` prints the transcript object under ``"transcript"``, plus
  ``"prosody"`` (named features with units), ``"arousal"`` (-1..1, or null without speech),
  ``"text"`` (the analyze-text object, null when nothing was said), ``"risk"``
  (``{"level": "low|moderate|high", "explanation"}``) and ``"recommendations"``.
* Empty, corrupt, non-audio and over-long (> 60 min) files exit 1 with a one-line error; a valid
  file with no speech gives an empty transcript. Audio is decoded in memory; nothing is written.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from mindspace.commands.common import CliContext, CliError, add_json_flag, emit


def register(sub: Any) -> None:
    p = sub.add_parser("transcribe", help="transcribe an audio file on this device")
    p.add_argument("audio", type=Path, help="wav, flac, ogg, mp3 or m4a file (at most 60 min)")
    _model_flag(p)
    add_json_flag(p)
    p.set_defaults(func=cmd_transcribe)

    p = sub.add_parser(
        "analyze-voice", help="transcribe an audio file and read its voice and words"
    )
    p.add_argument("audio", type=Path, help="wav, flac, ogg, mp3 or m4a file (at most 60 min)")
    _model_flag(p)
    add_json_flag(p)
    p.set_defaults(func=cmd_analyze_voice)


def _model_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--model-dir",
        type=Path,
        default=None,
        help="a CTranslate2 Whisper model folder to use instead of the shipped tiny.en",
    )


def _decode(path: Path) -> Any:
    from mindspace.audio.decode import AudioDecodeError, decode_file

    try:
        return decode_file(path)
    except AudioDecodeError as exc:
        raise CliError(str(exc)) from None


def _transcriber(args: argparse.Namespace, ctx: CliContext) -> Any:
    from mindspace.ml.registry import ModelIntegrityError
    from mindspace.ml.transcriber import ModelFolderError, Transcriber

    try:
        if args.model_dir is not None:
            return Transcriber.load(ctx.services.model_registry(), args.model_dir)
        return ctx.services.transcriber()
    except (ModelIntegrityError, ModelFolderError) as exc:
        raise CliError(str(exc)) from None


def cmd_transcribe(args: argparse.Namespace, ctx: CliContext) -> int:
    started = time.perf_counter()
    audio = _decode(args.audio)
    decoded = time.perf_counter()
    transcriber = _transcriber(args, ctx)
    loaded = time.perf_counter()
    result = transcriber.transcribe(audio.samples)
    obj = result.to_dict()  # processing_s: transcription only
    obj["decode_s"] = round(decoded - started, 3)
    obj["model_load_s"] = round(loaded - decoded, 3)
    if audio.truncated:
        obj["warning"] = "the file looks truncated; only the readable part was transcribed"
    emit(obj, args.json, _human_transcript)
    return 0


def _human_transcript(obj: dict[str, Any]) -> str:
    lines = [f"[{s['start']:7.2f} - {s['end']:7.2f}] {s['text']}" for s in obj["segments"]]
    if not lines:
        lines = ["(no speech heard)"]
    if obj.get("warning"):
        lines.append(f"warning: {obj['warning']}")
    return "\n".join(lines)


def cmd_analyze_voice(args: argparse.Namespace, ctx: CliContext) -> int:
    from mindspace.ml.voice_pipeline import analyze_audio

    audio = _decode(args.audio)
    transcriber = _transcriber(args, ctx)
    text_analyzer = _text_analyzer(ctx)
    result = analyze_audio(audio.samples, transcriber, text_analyzer)
    obj = result.to_dict()
    if audio.truncated:
        obj["warning"] = "the file looks truncated; only the readable part was analysed"
    emit(obj, args.json, _human_analysis)
    return 0


def _text_analyzer(ctx: CliContext) -> Any:
    from mindspace.ml.registry import ModelIntegrityError

    factory = getattr(ctx.services, "text_analyzer", None)
    if factory is None:
        raise CliError("text analysis is not available in this installation")
    try:
        return factory()
    except ModelIntegrityError as exc:
        raise CliError(str(exc)) from None


def _human_analysis(obj: dict[str, Any]) -> str:
    transcript = obj["transcript"]["text"] or "(no speech heard)"
    lines = [
        f"Transcript: {transcript}",
        f"Voice: {obj['voice']['description']}",
        f"Indication: {obj['risk']['explanation']}",
    ]
    for rec in obj["recommendations"]:
        lines.append(f"  - {rec['title']}: {rec['text']}")
    return "\n".join(lines)
