"""Markdown shown as plain words (list snippets, search results): one rule for every layer."""

from __future__ import annotations

import re

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LINE_MARKS = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)", re.M)
_EMPHASIS = re.compile(r"(?<!\w)[*_~]+|[*_~]+(?!\w)|`+")


def plain_text(markdown: str) -> str:
    """Markdown as the words a person reads: no heading, list or quote markers, no emphasis
    markers or backticks, links shown by their text."""
    text = _LINK.sub(r"\1", markdown)
    text = re.sub(r"^[ \t]*(?:[-*_][ \t]*){3,}$", "", text, flags=re.M)  # rules
    text = _LINE_MARKS.sub("", text)
    return _EMPHASIS.sub("", text)
