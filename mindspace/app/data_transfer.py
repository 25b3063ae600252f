"""Bringing data in from Daylio (CSV export): preview, then import without duplicates.

What becomes what: every readable row becomes a mood check-in (mood, activities, note, at the
row's date and time). A note with a title, or one longer than a check-in note may be (2,000
characters), also becomes a journal entry at the same time, tagged ``daylio``, whose text is the
note as Markdown; the check-in's note then holds the title. Rows already imported (same import
key) are skipped, so importing the same file twice changes nothing the second time; deleting an
imported record does not make a later import bring it back.

A row that cannot be read (bad date or time, unknown mood label, wrong number of columns ...)
is reported with its line number and reason and left out; the other rows are imported in one
transaction, so a failure part-way leaves the vault as it was. Map unknown labels and import
again: the rows already in are recognised and only the missing ones are added.
Blocking calls (file reading and the vault): the GUI runs them on a worker.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mindspace.core.audit import AuditKind
from mindspace.core.errors import NotFoundError, UserError, ValidationError
from mindspace.share import daylio
from mindspace.share.daylio import DaylioRow, ParsedExport, RowProblem
from mindspace.storage.imports import ImportRecord, ImportStore

MAX_IMPORT_BYTES = 64 * 1024 * 1024
JOURNAL_TAG = "daylio"
PREVIEW_ROWS = 50


def parse_mood_map(text: str) -> dict[str, int]:
    """``"ecstatic=5,fine=3"`` -> {"ecstatic": 5, "fine": 3}; ValidationError on a bad part."""
    return daylio.parse_mood_map(text)


DEFAULT_MOODS = dict(daylio.DEFAULT_MOODS)


@dataclass
class ImportReport:
    """What an import would do (dry run) or did."""

    file: str
    layout: str
    rows_read: int
    new_checkins: int
    new_journal_entries: int
    already_imported: int
    repeated_in_file: int
    problems: list[RowProblem] = field(default_factory=list)
    unknown_labels: dict[str, int] = field(default_factory=dict)
    preview: list[DaylioRow] = field(default_factory=list)  # the first new rows, oldest first
    dry_run: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "layout": self.layout,
            "dry_run": self.dry_run,
            "rows_read": self.rows_read,
            "new_checkins": self.new_checkins,
            "new_journal_entries": self.new_journal_entries,
            "already_imported": self.already_imported,
            "repeated_in_file": self.repeated_in_file,
            "problems": [{"line": p.line, "reason": p.reason} for p in self.problems],
            "unknown_labels": self.unknown_labels,
            "preview": [
                {
                    "line": r.line,
                    "at": r.at.isoformat(timespec="minutes"),
                    "mood_label": r.mood_label,
                    "mood": r.mood,
                    "activities": list(r.activities),
                    "title": r.title,
                    "journal_entry": r.makes_journal_entry,
                }
                for r in self.preview
            ],
        }


def read_export_file(path: Path) -> bytes:
    """The file's bytes; UserError with a clear line for a missing, odd or huge file."""
    path = Path(path).expanduser()
    if not path.exists():
        raise NotFoundError(f"no file at {path}")
    if not path.is_file():
        raise ValidationError(f"{path} is not a file")
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ValidationError(
                f"{path.name} is too large to be a Daylio export ({size // 1_048_576} MB;"
                f" at most {MAX_IMPORT_BYTES // 1_048_576} MB)"
            )
        return path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or type(exc).__name__}") from None


if TYPE_CHECKING:
    from mindspace.app.audit import AuditTrail


class DaylioImport:
    """The Daylio import use case over the open vault's import store."""

    def __init__(self, store: ImportStore, audit: AuditTrail | None = None) -> None:
        self._store = store
        self._audit = audit

    def preview(self, path: Path, mood_map: Mapping[str, int] | None = None) -> ImportReport:
        """Read and check the file; write nothing."""
        report, _ = self._plan(path, mood_map)
        return report

    def run(
        self, path: Path, mood_map: Mapping[str, int] | None = None, dry_run: bool = False
    ) -> ImportReport:
        """Import the readable, new rows in one transaction (or only plan it with `dry_run`)."""
        report, fresh = self._plan(path, mood_map)
        if dry_run or not fresh:
            report.dry_run = dry_run
            return report
        counts = self._store.add(daylio.SOURCE, [_record(r) for r in fresh], JOURNAL_TAG)
        report.dry_run = False
        report.new_checkins = counts.mood
        report.new_journal_entries = counts.journal
        report.already_imported += counts.already_imported
        if self._audit is not None:
            self._audit.record(AuditKind.DATA_IMPORT, f"Daylio: {counts.mood} check-ins,"
                               f" {counts.journal} journal entries")
        return report

    def _plan(
        self, path: Path, mood_map: Mapping[str, int] | None
    ) -> tuple[ImportReport, list[DaylioRow]]:
        parsed: ParsedExport = daylio.parse_export(
            daylio.decode(read_export_file(path)), mood_map
        )
        known = self._store.known(daylio.SOURCE, (r.import_key for r in parsed.rows))
        fresh = [r for r in parsed.rows if r.import_key not in known]
        report = ImportReport(
            file=Path(path).name,
            layout=parsed.layout,
            rows_read=len(parsed.rows) + parsed.repeated + len(parsed.problems),
            new_checkins=len(fresh),
            new_journal_entries=sum(r.makes_journal_entry for r in fresh),
            already_imported=len(parsed.rows) - len(fresh),
            repeated_in_file=parsed.repeated,
            problems=parsed.problems,
            unknown_labels=parsed.unknown_labels,
            preview=fresh[:PREVIEW_ROWS],
        )
        return report, fresh


def _record(row: DaylioRow) -> ImportRecord:
    journal = row.makes_journal_entry
    return ImportRecord(
        key=row.import_key,
        at=row.at,
        mood=row.mood,
        activities=row.activities,
        note=row.checkin_note,
        journal_title=row.title if journal else None,
        journal_body=row.note if journal else "",
    )
