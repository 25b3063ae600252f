"""`mindspace transcribe AUDIO`, `mindspace analyze-voice AUDIO` (no vault needed) and
`mindspace voice add AUDIO --passphrase-stdin` (a check-in stored in the vault).

Contract (stable; checked by tools):
* ``transcribe AUDIO --json`` prints ``{"text", "segments": [{"start","end","text"}],
  "duration_s", "processing_s", "model": "name@version"}``.
* ``analyze-voice AUDIO --json`` prints the transcript object under ``"transcript"``, plus
  ``"prosody"`` (named features with units), ``"arousal"`` (-1..1, or null without speech),
  ``"text"`` (the analyze-text object, null when nothing was said), ``"risk"``
  (``{"level": "low|moderate|high", "explanation"}``) and ``"recommendations"``.
* ``voice add AUDIO --passphrase-stdin --json`` imports the recording as a voice check-in
  through the same use case as the GUI's import (`mindspace.app.voice`) and prints
  ``{"id", "transcript", "indication": {"level", "explanation"}, "crisis_level",
  "duration_s", "audio_kept"}``; ``--keep-audio`` stores the audio too (encrypted).
* Empty, corrupt, non-audio and over-long (> 60 min) files exit 1 with a one-line error (the
  central `UserError` handling of `mindspace.cli`); a valid file with no speech gives an empty
  transcript. Audio is decoded in memory (``analyze-voice`` reads it as a stream of
  blocks, so its memory does not grow with the file's length); only ``voice add`` writes,
  and only into the vault.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from mindspace.commands.common import CliContext, add_json_flag, add_passphrase_flag, emit
from mindspace.core.rules import SCALE_VALUES


def _truncated_warning(what: str) -> str:
    from mindspace.app.voice import TRUNCATED_WARNING  # audio stack: only when a command runs

    return TRUNCATED_WARNING.format(what)

AUDIO_HELP = "wav, flac, ogg, mp3 or m4a file (at most 60 min)"


def register(sub: Any) -> None:
    p = sub.add_parser("transcribe", help="transcribe an audio file on this device")
    p.add_argument("audio", type=Path, help=AUDIO_HELP)
    _model_flag(p)
    add_json_flag(p)
    p.set_defaults(func=cmd_transcribe)

    p = sub.add_parser(
        "analyze-voice", help="transcribe an audio file and read its voice and words"
    )
    p.add_argument("audio", type=Path, help=AUDIO_HELP)
    _model_flag(p)
    add_json_flag(p)
    p.set_defaults(func=cmd_analyze_voice)

    voice = sub.add_parser("voice", help="voice check-ins stored in the vault")
    vsub = voice.add_subparsers(dest="voice_command", required=True)
    add = vsub.add_parser("add", help="import a recording as a voice check-in")
    add.add_argument("audio", type=Path, help=AUDIO_HELP)
    add.add_argument("--keep-audio", action="store_true",
                     help="also keep the audio in the vault (encrypted)")
    add.add_argument("--mood", type=int, choices=SCALE_VALUES,
                     help="how you felt afterwards (1-5)")
    add_passphrase_flag(add)
    add_json_flag(add)
    add.set_defaults(func=cmd_voice_add)


def _model_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--model-dir",
        type=Path,
        default=None,
        help="a CTranslate2 Whisper model folder to use instead of the shipped tiny.en",
    )


def cmd_transcribe(args: argparse.Namespace, ctx: CliContext) -> int:
    reader = ctx.services.voice_reader(args.model_dir)
    started = time.perf_counter()
    audio = reader.decode(args.audio)
    decoded = time.perf_counter()
    transcriber = reader.transcriber()
    loaded = time.perf_counter()
    obj = transcriber.transcribe(audio.samples).to_dict()  # processing_s: transcription only
    obj["decode_s"] = round(decoded - started, 3)
    obj["model_load_s"] = round(loaded - decoded, 3)
    if audio.truncated:
        obj["warning"] = _truncated_warning("transcribed")
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
    result, warning = ctx.services.voice_reader(args.model_dir).analyze_file(args.audio)
    obj = result.to_dict()
    if warning:
        obj["warning"] = warning
    emit(obj, args.json, _human_analysis)
    return 0


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


def cmd_voice_add(args: argparse.Namespace, ctx: CliContext) -> int:
    services = ctx.unlock(args)
    saved = services.voice_checkins().add_file(
        args.audio, keep_audio=args.keep_audio, self_mood=args.mood
    )
    reading = saved.reading
    obj: dict[str, Any] = {
        "id": saved.id,
        "transcript": saved.stored.transcript,
        "indication": {"level": reading.level, "explanation": reading.explanation},
        "crisis_level": reading.crisis_level,
        "duration_s": round(saved.stored.duration_s, 3),
        "audio_kept": saved.stored.has_audio,
    }
    if reading.truncated:
        obj["warning"] = _truncated_warning("analysed")
    emit(obj, args.json, _human_added)
    return 0


def _human_added(obj: dict[str, Any]) -> str:
    lines = [
        f"Saved voice check-in {obj['id']}",
        f"Transcript: {obj['transcript'] or '(no speech heard)'}",
        f"Indication: {obj['indication']['explanation']}",
    ]
    if obj.get("warning"):
        lines.append(f"warning: {obj['warning']}")
    return "\n".join(lines)
