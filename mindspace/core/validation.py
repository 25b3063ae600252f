"""Value rules for user input. Each failure raises ValidationError with a one-line message."""

from __future__ import annotations

from datetime import datetime

from mindspace.core.errors import ValidationError
from mindspace.core.rules import SCALE_MAX, SCALE_MIN, on_scale

MAX_TITLE_CHARS = 300
MAX_BODY_BYTES = 1_000_000  # 1 MB of UTF-8 per entry
MAX_NOTE_CHARS = 2_000
MAX_TAG_CHARS = 50
MAX_TAGS = 30


def check_title(title: str) -> str:
    title = title.strip()
    if len(title) > MAX_TITLE_CHARS:
        raise ValidationError(f"the title is too long ({len(title)} characters, at most 300)")
    return title


def check_body(body: str) -> str:
    size = len(body.encode("utf-8", errors="surrogatepass"))
    if size > MAX_BODY_BYTES:
        raise ValidationError(
            f"the entry is too large ({size / 1_000_000:.1f} MB; at most 1 MB per entry)"
        )
    if "\x00" in body:
        raise ValidationError("the entry contains a NUL character")
    return body


def check_entry(title: str, body: str) -> None:
    """An entry needs a title or some text."""
    if not title.strip() and not body.strip():
        raise ValidationError("an entry needs a title or some text; nothing was saved")


def check_tags(tags: list[str]) -> list[str]:
    cleaned: list[str] = []
    for raw in tags:
        tag = " ".join(raw.strip().lstrip("#").split())
        if not tag:
            continue
        if len(tag) > MAX_TAG_CHARS:
            raise ValidationError(f"the tag {tag[:20]!r}... is too long (at most 50 characters)")
        if tag.casefold() not in {t.casefold() for t in cleaned}:
            cleaned.append(tag)
    if len(cleaned) > MAX_TAGS:
        raise ValidationError(f"too many tags ({len(cleaned)}; at most {MAX_TAGS})")
    return cleaned


def check_scale(value: int | None, what: str, optional: bool = False) -> int | None:
    if value is None:
        if optional:
            return None
        raise ValidationError(f"{what} is required")
    if not on_scale(value):
        raise ValidationError(
            f"{what} must be a whole number from {SCALE_MIN} to {SCALE_MAX} (got {value})"
        )
    return value


def check_sleep(hours: float | None) -> float | None:
    if hours is None:
        return None
    if not 0 <= hours <= 24 or hours != hours:
        raise ValidationError(f"sleep must be between 0 and 24 hours (got {hours})")
    return round(float(hours), 2)


def check_note(note: str) -> str:
    note = note.strip()
    if len(note) > MAX_NOTE_CHARS:
        raise ValidationError(f"the note is too long ({len(note)} characters, at most 2000)")
    return note


def check_words(words: list[str], what: str) -> list[str]:
    cleaned: list[str] = []
    for raw in words:
        word = " ".join(raw.strip().split())
        if not word:
            continue
        if len(word) > 40:
            raise ValidationError(f"{what} {word[:20]!r}... is too long (at most 40 characters)")
        if word.casefold() not in {w.casefold() for w in cleaned}:
            cleaned.append(word)
    return cleaned


def parse_datetime(text: str) -> datetime:
    """ISO date or date-time; a bare date means noon local time that day. Naive = local."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"not an ISO date or date-time: {text!r}") from None
    if len(text.strip()) == 10:
        value = value.replace(hour=12)
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    if value.year < 1900 or value > datetime.now().replace(year=datetime.now().year + 1):
        raise ValidationError(f"the date {text!r} is out of range")
    return value
