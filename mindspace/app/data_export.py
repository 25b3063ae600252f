"""Export my data: everything the vault holds about the user, as files they can keep or move.

`json`: one document. `csv`: a zip archive with one CSV file per kind (journal, mood, analyses,
voice check-ins with their transcripts and readings, label corrections, safety plan) and a
README. Recorded audio is not included (it stays in the vault).

An export that is not encrypted is readable by anyone who gets the file: the CLI prints a
warning line and the GUI asks first. With a passphrase the file is age-encrypted (scrypt) and
can be opened with `age -d` or MindSpace's own tools. The file is written to a temporary file
in the same folder (0600), flushed, then renamed into place, so a failure never leaves half an
export; the system temporary folder is refused. Blocking: the GUI runs this on a worker.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import mindspace
from mindspace.core.audit import AuditKind
from mindspace.core.entities import SAFETY_PLAN_STEPS
from mindspace.core.errors import UserError, ValidationError
from mindspace.core.passphrase import assess
from mindspace.share import data_export

FORMATS = ("csv", "json")
UNENCRYPTED_WARNING = (
    "the export is NOT encrypted: anyone who can read {file} can read your journal, moods and"
    " analyses. Keep it somewhere private or use --encrypt"
)
_SHARED_TEMP = ("/var/tmp", "/dev/shm")  # besides the system temporary folder ($TMPDIR or /tmp)

COLUMNS: dict[str, list[str]] = {
    "journal": ["id", "entry_at", "title", "body", "body_format", "tags", "created_at",
                "updated_at"],
    "mood": ["id", "checkin_at", "mood", "mood_word", "energy", "emotions", "activities",
             "sleep_hours", "note", "created_at", "updated_at"],
    "analyses": ["source_type", "source_id", "model_id", "source_at", "analyzed_at", "labels",
                 "emotions", "sentiment", "crisis_level", "crisis_score", "crisis_reasons"],
    "voice_checkins": ["id", "recorded_at", "duration_s", "source", "transcript",
                       "transcript_edited", "model", "self_mood", "risk_level", "arousal",
                       "prosody", "fusion", "text_analysis", "journal_entry_id", "has_audio",
                       "feedback", "segments"],
    "label_corrections": ["source_type", "source_id", "label", "present", "model_id",
                          "created_at"],
    "safety_plan": ["step", "heading", "position", "item"],
}
README = """MindSpace export ({when})

One CSV file per kind of record (UTF-8, comma-separated, first row = column names):

* journal.csv - journal entries (body in Markdown; tags separated by " | ")
* mood.csv - mood check-ins (mood and energy 1-5; emotions and activities separated by " | ")
* analyses.csv - text analyses of entries, notes and transcripts (nested values as JSON)
* voice_checkins.csv - voice check-ins: transcripts and readings (audio is not exported)
* label_corrections.csv - emotion labels you corrected
* safety_plan.csv - your safety plan, one item per row

This file holds private information. Keep it somewhere only you can read.
"""


@dataclass(frozen=True)
class ExportResult:
    file: Path
    format: str
    encrypted: bool
    bytes_written: int
    counts: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {"file": str(self.file), "format": self.format, "encrypted": self.encrypted,
                "bytes": self.bytes_written, "counts": self.counts}


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValidationError(f"unknown export format {fmt!r} (use csv or json)")
    return fmt


def check_export_passphrase(passphrase: str) -> str:
    strength = assess(passphrase)
    if not strength.acceptable:
        raise ValidationError(
            f"the export passphrase is too weak ({strength.label}): {strength.feedback}"
        )
    return passphrase


def _temp_folders() -> list[Path]:
    found = [Path(tempfile.gettempdir()), *map(Path, _SHARED_TEMP)]
    return [p.resolve() for p in found if p.exists()]


def check_export_path(out: Path, data_dir: Path | None = None, overwrite: bool = False) -> Path:
    """The absolute path to write, or ValidationError saying why not: no file name, a folder,
    a missing folder, an existing file (unless `overwrite`), the system temporary folder, or
    inside the vault's data folder."""
    raw = str(out)
    if not raw.strip() or raw.endswith(os.sep):
        raise ValidationError("give the export a file name, e.g. mindspace-export.zip")
    path = Path(out).expanduser().absolute()
    if path.is_dir():
        raise ValidationError(f"{path} is a folder: give the export a file name inside it")
    folder = path.parent.resolve()
    if not folder.is_dir():
        raise ValidationError(f"the folder {folder} does not exist")
    target = folder / path.name
    for temp in _temp_folders():
        if folder == temp or temp in folder.parents:
            raise ValidationError(
                f"will not write your data into the temporary folder {temp}: other programs"
                " can read it and it is cleaned away; choose a folder of your own"
            )
    if data_dir is not None:
        vault = Path(data_dir).expanduser().resolve()
        if folder == vault or vault in folder.parents:
            raise ValidationError("choose a folder outside MindSpace's own data folder")
    if target.exists() and not overwrite:
        raise ValidationError(f"{target} already exists: choose another name (or overwrite it)")
    if not os.access(folder, os.W_OK):
        raise ValidationError(f"the folder {folder} cannot be written to")
    return target


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a 0600 temporary file in the same folder, fsync, rename."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        with contextlib.suppress(OSError):
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise UserError(f"the export could not be written: the disk is full ({path.parent})"
                            ) from None
        raise UserError(
            f"the export could not be written to {path.parent}: {exc.strerror or exc}"
        ) from None


if TYPE_CHECKING:
    from mindspace.app.audit import AuditTrail
    from mindspace.storage.analysis import AnalysisStore
    from mindspace.storage.database import DbExecutor
    from mindspace.storage.journal import JournalRepository
    from mindspace.storage.mood import MoodRepository
    from mindspace.storage.voice import VoiceRepository


class DataExport:
    """Collects the open vault's records and writes them as an export file."""

    def __init__(
        self, db: DbExecutor, journal: JournalRepository, mood: MoodRepository,
        analyses: AnalysisStore, voice: Callable[[], VoiceRepository], data_dir: Path,
        audit: AuditTrail | None = None,
    ) -> None:
        self._audit = audit
        self._db = db
        self._journal = journal
        self._mood = mood
        self._analyses = analyses
        self._voice = voice
        self._data_dir = data_dir

    def collect(self) -> dict[str, list[dict[str, Any]]]:
        """Every record, per kind, as plain values."""
        plan = self._analyses.safety_plan()
        headings = dict(SAFETY_PLAN_STEPS)
        from mindspace.storage import export_reads  # the storage stack: only when exporting

        voice = []
        for checkin in self._voice().list():
            record = checkin.to_json()
            record["has_audio"] = checkin.has_audio
            record.pop("audio_blob_id", None)
            record.pop("sample_rate", None)
            voice.append(record)
        return {
            "journal": [e.to_json() for e in reversed(self._journal.list())],
            "mood": [c.to_json() for c in reversed(self._mood.list())],
            "analyses": export_reads.all_analyses(self._db),
            "voice_checkins": list(reversed(voice)),
            "label_corrections": self._analyses.corrections(),
            "safety_plan": [
                {"step": step, "heading": headings[step], "position": i, "item": item}
                for step, items in plan.items()
                for i, item in enumerate(items, 1)
            ],
        }

    def export(
        self, out: Path, fmt: str, passphrase: str | None = None, overwrite: bool = False,
        now: datetime | None = None,
    ) -> ExportResult:
        """Write the export (age-encrypted to `passphrase` when given) and say what went in."""
        check_format(fmt)
        target = check_export_path(out, self._data_dir, overwrite)
        if passphrase is not None:
            check_export_passphrase(passphrase)
        when = now or datetime.now()
        data = self.collect()
        if fmt == "json":
            payload = data_export.to_json(data, when, mindspace.__version__)
        else:
            readme = README.format(when=when.replace(microsecond=0).isoformat())
            payload = data_export.to_csv_zip(data, COLUMNS, when, readme)
        if passphrase is not None:
            payload = data_export.encrypt_to_passphrase(payload, passphrase)
        write_private(target, payload)
        if self._audit is not None:
            counts = ", ".join(f"{len(records)} {kind}" for kind, records in data.items())
            self._audit.record(AuditKind.DATA_EXPORT, f"{fmt.upper()},"
                               f" {'encrypted' if passphrase is not None else 'not encrypted'}:"
                               f" {counts}")
        return ExportResult(target, fmt, passphrase is not None, len(payload),
                            {kind: len(records) for kind, records in data.items()})


def decrypt_export(data: bytes, passphrase: str) -> bytes:
    """Open an encrypted export; UserError for a wrong passphrase or a file that is not one."""
    try:
        return data_export.decrypt_with_passphrase(data, passphrase)
    except Exception:  # pyrage raises its own DecryptError types
        raise UserError("this export cannot be opened with that passphrase") from None
