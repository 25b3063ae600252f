"""Counts read with the right plural; Markdown reads as plain words."""

from __future__ import annotations

from mindspace.core.wording import plain_text, plural


def test_plural() -> None:
    assert plural(1, "entry") == "1 entry" and plural(2, "entry") == "2 entries"
    assert plural(0, "bundle") == "0 bundles" and plural(1, "bundle") == "1 bundle"
    assert plural(1, "check-in") == "1 check-in" and plural(3, "check-in") == "3 check-ins"
    assert plural(2, "day") == "2 days" and plural(2, "match") == "2 matches"
    assert plural(2, "analysis", "analyses") == "2 analyses"


def test_plain_text() -> None:
    assert plain_text("## Title\n**bold** _it_ `x` [a link](http://e.org) ![pic](p.png)") == (
        "Title\nbold it x a link pic"
    )
    assert plain_text("> quoted\n1. first\n* item\n---\nsnake_case stays") == (
        "quoted\nfirst\nitem\n\nsnake_case stays"
    )
