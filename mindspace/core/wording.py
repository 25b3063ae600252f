"""Words shown to people: Markdown as plain words (list snippets, search results), counts
with the right plural. One rule for every layer."""

from __future__ import annotations

import re

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LINE_MARKS = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)", re.M)
_EMPHASIS = re.compile(r"(?<!\w)[*_~]+|[*_~]+(?!\w)|`+")
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M)
_ANY_EMPHASIS = re.compile(r"[*_~`]")


def plain_text(markdown: str) -> str:
    """Markdown as the words a person reads: no heading, list or quote markers, no emphasis
    markers or backticks, links shown by their text."""
    # each pattern runs only on text holding a character it needs: most entries have no
    # emphasis at all, and the emphasis pattern's look-arounds are slow on long text
    text = _LINK.sub(r"\1", markdown) if "](" in markdown else markdown
    text = _RULE.sub("", text)
    text = _LINE_MARKS.sub("", text)
    return _EMPHASIS.sub("", text) if _ANY_EMPHASIS.search(text) else text


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """The count with the word in the form that fits it: "1 entry", "2 entries", "0 bundles".
    The regular plural is made here (entry -> entries, day -> days, check-in -> check-ins);
    pass `plural_form` for any other ("analysis", "analyses")."""
    if plural_form is None:
        if singular.endswith("y") and singular[-2:-1] not in ("a", "e", "i", "o", "u"):
            plural_form = singular[:-1] + "ies"
        elif singular.endswith(("s", "x", "ch", "sh")):
            plural_form = singular + "es"
        else:
            plural_form = singular + "s"
    return f"{count} {singular if count == 1 else plural_form}"
