"""How shared items read on the clinician screen: one list row, the full text, counts."""

from __future__ import annotations

from mindspace.app.inbox import InboxItem
from mindspace.core.rules import format_minute

# how the kinds of shared records read in a count ("2 journal entries")
ITEM_WORDS: dict[str, tuple[str, ...]] = {
    "journal_entry": ("journal entry",),
    "mood_checkin": ("mood check-in",),
    "voice_checkin": ("voice check-in",),
    "analysis": ("analysis", "analyses"),
}


def item_line(item: InboxItem) -> str:
    """One list row: the flag first (in words), then what the item is and when it arrived."""
    when = format_minute(item.date) or "undated"
    arrived = f"  (arrived {format_minute(item.received_at)})" if item.received_at else ""
    line = f"{item.kind_name} {when}  {item.title}{arrived}"
    return f"{item.flag.text} — {line}" if item.flag else line


def item_detail(item: InboxItem) -> str:
    """The whole item as plain text (the flag is on the banner above it): full text, other
    fields, then the analyses."""
    parts = [f"{item.kind_name}: {item.title}"]
    if item.date:
        parts.append(format_minute(item.date))
    if item.text:
        parts += ["", item.text]
    if item.fields:
        parts.append("")
        parts.extend(f"{key}: {value}" for key, value in item.fields)
    for found in item.analyses:
        parts += ["", "Analysis (automatic estimate, not a diagnosis)"]
        parts.extend(found.lines())
    return "\n".join(parts)
