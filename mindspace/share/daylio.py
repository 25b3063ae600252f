"""Reading Daylio's CSV export (pure: text in, rows and problems out; no storage).

Two layouts exist. Current exports have eight columns
``full_date,date,weekday,time,mood,activities,note_title,note`` (``full_date`` ISO, ``time`` as
``21:03`` or ``9:03 PM``); older ones have seven, ``year,date,weekday,time,mood,activities,note``
(``date`` like ``18 May``, ``time`` like ``11:54 pm``). Rows are newest first; `parse_export`
returns them oldest first. Moods are the user's own labels: the defaults ``rad good meh bad
awful`` mean 5..1 and other labels need a mapping; an unknown label makes its row a problem, it
is never guessed. Activities are separated by ``|``. Notes may hold simple HTML, which becomes
Markdown (journal) or plain text (check-in note) through `html.parser`; no tag survives.

Every row gets a stable `import_key` (a hash of its date-time, mood label, activities, title and
note as written in the file), so the same export imported twice is recognised. A row that
cannot be read becomes a `RowProblem` with its line number and a reason; the others still parse.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from html.parser import HTMLParser

from mindspace.core.errors import ValidationError
from mindspace.core.rules import SCALE_MAX, SCALE_MIN
from mindspace.core.validation import (
    MAX_BODY_BYTES,
    MAX_NOTE_CHARS,
    MAX_TITLE_CHARS,
    check_words,
)

SOURCE = "daylio"
DEFAULT_MOODS: dict[str, int] = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
CURRENT_COLUMNS = (
    "full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note",
)
LEGACY_COLUMNS = ("year", "date", "weekday", "time", "mood", "activities", "note")
_FIELD_LIMIT = 4_000_000  # characters in one CSV field (a long note), above csv's 128 KiB

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$", re.I)
_DAY_MONTH = re.compile(r"^(\d{1,2})\.?\s+([a-z]+)\.?$|^([a-z]+)\.?\s+(\d{1,2})$", re.I)


@dataclass(frozen=True)
class DaylioRow:
    """One readable row. `note` is Markdown; `plain_note` the same words without markup."""

    line: int
    at: datetime
    mood_label: str
    mood: int
    activities: tuple[str, ...]
    title: str
    note: str
    plain_note: str
    import_key: str

    @property
    def makes_journal_entry(self) -> bool:
        """A titled note, or one longer than a check-in note may be, becomes a journal entry."""
        return bool(self.title) or len(self.plain_note) > MAX_NOTE_CHARS

    @property
    def checkin_note(self) -> str:
        """The check-in's own note: the text, or the title when the text went to the journal."""
        return self.title if self.makes_journal_entry else self.plain_note


@dataclass(frozen=True)
class RowProblem:
    line: int
    reason: str


@dataclass
class ParsedExport:
    layout: str  # "current" (8 columns) or "legacy" (7 columns)
    rows: list[DaylioRow] = field(default_factory=list)  # oldest first, no repeats
    problems: list[RowProblem] = field(default_factory=list)
    unknown_labels: dict[str, int] = field(default_factory=dict)  # label -> rows using it
    repeated: int = 0  # rows identical to an earlier row of the same file (skipped)


def parse_mood_map(text: str) -> dict[str, int]:
    """``"ecstatic=5,fine=3"`` -> {"ecstatic": 5, "fine": 3} (labels compared without case).
    ValidationError names the first part that is not ``label=1..5``."""
    out: dict[str, int] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        label, sep, value = part.rpartition("=")
        label = " ".join(label.split()).casefold()
        if not sep or not label:
            raise ValidationError(f"mood map: {part.strip()!r} is not label=number")
        try:
            level = int(value.strip())
        except ValueError:
            level = 0
        if not SCALE_MIN <= level <= SCALE_MAX:
            raise ValidationError(
                f"mood map: {label!r} must map to a whole number from {SCALE_MIN} to {SCALE_MAX}"
            )
        out[label] = level
    return out


def mood_scale(mapping: Mapping[str, int] | None) -> dict[str, int]:
    """The defaults overlaid with the user's mapping (keys folded)."""
    scale = dict(DEFAULT_MOODS)
    for label, level in (mapping or {}).items():
        scale[" ".join(label.split()).casefold()] = level
    return scale


def decode(data: bytes) -> str:
    """The file's text (UTF-8, with or without a byte-order mark)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            f"the file is not UTF-8 text (unreadable byte at offset {exc.start}); export it"
            " from Daylio again as CSV"
        ) from None


def parse_export(
    text: str, mood_map: Mapping[str, int] | None = None, now: datetime | None = None
) -> ParsedExport:
    """Read a whole export. Raises ValidationError only when the file as a whole is not a
    Daylio CSV export; a bad row becomes a `RowProblem`."""
    scale = mood_scale(mood_map)
    latest = (now or datetime.now()) + timedelta(days=1)
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    reader = csv.reader(text.splitlines(keepends=True), strict=False)
    layout, width = _read_header(reader)
    parsed = ParsedExport(layout)
    seen: set[str] = set()
    unknown: Counter[str] = Counter()
    start = reader.line_num + 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            if not record or all(not cell.strip() for cell in record):
                continue
            try:
                row = _row(record, line, layout, width, scale, latest)
            except _UnknownMood as exc:
                unknown[exc.label] += 1
                parsed.problems.append(RowProblem(line, str(exc)))
                continue
            except ValidationError as exc:
                parsed.problems.append(RowProblem(line, str(exc)))
                continue
            if row.import_key in seen:
                parsed.repeated += 1
                continue
            seen.add(row.import_key)
            parsed.rows.append(row)
    except csv.Error as exc:
        raise ValidationError(
            f"the file stops being readable CSV at line {reader.line_num} ({exc}); nothing"
            " was imported"
        ) from None
    parsed.rows.reverse()  # the file is newest first
    parsed.rows.sort(key=lambda r: r.at)
    parsed.unknown_labels = dict(unknown.most_common())
    return parsed


def _read_header(reader: Iterable[list[str]]) -> tuple[str, int]:
    for record in reader:
        if not record or all(not c.strip() for c in record):
            continue
        names = tuple(c.strip().strip("\ufeff").casefold() for c in record)
        if names == CURRENT_COLUMNS:
            return "current", len(CURRENT_COLUMNS)
        if names == LEGACY_COLUMNS:
            return "legacy", len(LEGACY_COLUMNS)
        break
    raise ValidationError(
        "this is not a Daylio CSV export: its first line should be "
        f"{','.join(CURRENT_COLUMNS)} (or, in older exports, {','.join(LEGACY_COLUMNS)})"
    )


class _UnknownMood(ValidationError):
    def __init__(self, label: str) -> None:
        super().__init__(
            f"unknown mood {label!r}: map it to 1-5 (for example --mood-map \"{label}=3\")"
        )
        self.label = label


def _row(
    record: list[str], line: int, layout: str, width: int, scale: Mapping[str, int],
    latest: datetime,
) -> DaylioRow:
    if len(record) != width:
        raise ValidationError(f"expected {width} columns, found {len(record)}")
    if any("\x00" in cell for cell in record):
        raise ValidationError("the row contains a NUL character")
    if layout == "current":
        day_text, _, _, time_text, label, acts, title, raw_note = record
        day = _iso_day(day_text)
    else:
        year_text, day_text, _, time_text, label, acts, raw_note = record
        title = ""
        day = _legacy_day(year_text, day_text)
    at = datetime.combine(day, _clock(time_text))
    if at > latest:
        raise ValidationError(f"the date {at:%Y-%m-%d} is in the future")
    folded = " ".join(label.split()).casefold()
    if not folded:
        raise ValidationError("the mood is empty")
    mood = scale.get(folded)
    if mood is None:
        raise _UnknownMood(folded)
    activities = tuple(check_words(acts.split("|"), "the activity"))
    title = note_texts(title)[1].replace("\n", " ") if title else ""
    if len(title) > MAX_TITLE_CHARS:
        raise ValidationError(f"the note title is too long ({len(title)} characters)")
    markdown, plain = note_texts(raw_note)
    if len(markdown.encode("utf-8", "surrogatepass")) > MAX_BODY_BYTES:
        raise ValidationError("the note is larger than 1 MB")
    key_source = "\x1f".join(
        (at.isoformat(timespec="minutes"), folded, "|".join(activities), title, raw_note.strip())
    )
    key = hashlib.sha256(key_source.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return DaylioRow(line, at, label.strip(), mood, activities, title, markdown, plain, key)


def _iso_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"the date {text.strip()[:20]!r} is not YYYY-MM-DD") from None


def _legacy_day(year_text: str, day_text: str) -> date:
    match = _DAY_MONTH.match(day_text.strip())
    year = year_text.strip()
    if match is None or not year.isdigit():
        raise ValidationError(f"the date {year[:6]!r} {day_text.strip()[:20]!r} is not readable")
    day_s, month_s = (match.group(1), match.group(2)) if match.group(1) else (
        match.group(4), match.group(3)
    )
    month = _MONTHS.get(month_s.casefold())
    try:
        if month is None:
            raise ValueError
        return date(int(year), month, int(day_s))
    except ValueError:
        raise ValidationError(
            f"the date {day_text.strip()[:20]!r} {year[:6]} does not exist"
        ) from None


def _clock(text: str) -> time:
    match = _TIME.match(text.strip())
    if match is None:
        raise ValidationError(f"the time {text.strip()[:12]!r} is not like 21:03 or 9:03 PM")
    hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    half = (match.group(4) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise ValidationError(f"the time {text.strip()!r} has no such hour")
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValidationError(f"the time {text.strip()!r} does not exist")
    return time(hour, minute)


# ---- notes: simple HTML -> Markdown or plain text ---------------------------------------------
_BLOCK = {"p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
_STRONG = {"b", "strong"}
_EMPH = {"i", "em"}
_SKIP = {"script", "style", "head", "title"}
_MD_SPECIAL = re.compile(r"(<)")  # raw HTML is the only markup a note must not carry


class _NoteHtml(HTMLParser):
    """Collects (Markdown, plain) pieces in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[tuple[str, str]] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag == "br":
            self.parts.append(("\n", "\n"))
        elif tag in _BLOCK:
            self.parts.append(("\n\n", "\n\n"))
        elif tag == "li":
            self.parts.append(("\n- ", "\n• "))
        elif tag in _STRONG:
            self.parts.append(("**", ""))
        elif tag in _EMPH:
            self.parts.append(("*", ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append(("\n", "\n"))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append(("\n\n", "\n\n"))
        elif tag in _STRONG:
            self.parts.append(("**", ""))
        elif tag in _EMPH:
            self.parts.append(("*", ""))

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append((_MD_SPECIAL.sub(r"\\\1", data), data))


def note_texts(raw: str) -> tuple[str, str]:
    """A Daylio note as (Markdown, plain text): ``<b>`` -> ``**``, ``<br>`` -> a line break,
    ``<`` escaped in the Markdown so nothing reads as HTML. No HTML tag survives."""
    if not raw:
        return "", ""
    if "<" not in raw and "&" not in raw:
        text = _tidy(raw)
        return text, text
    parser = _NoteHtml()
    parser.feed(raw)
    parser.close()
    markdown = "".join(md for md, _ in parser.parts).replace("****", "")
    return _tidy(markdown), _tidy("".join(plain for _, plain in parser.parts))


def note_text(raw: str, markdown: bool) -> str:
    """One of `note_texts`."""
    return note_texts(raw)[0 if markdown else 1]


def _tidy(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in text:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
        text = _BLANKS.sub("\n\n", text)
    return text.strip()


_BLANKS = re.compile(r"\n{3,}")
