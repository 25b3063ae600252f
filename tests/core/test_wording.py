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


def _plain_text_reference(markdown: str) -> str:
    """Every pattern applied unconditionally: the fast path must give exactly this."""
    import re

    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"^[ \t]*(?:[-*_][ \t]*){3,}$", "", text, flags=re.M)
    text = re.sub(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)", "", text,
                  flags=re.M)
    return re.sub(r"(?<!\w)[*_~]+|[*_~]+(?!\w)|`+", "", text)


def test_plain_text_matches_the_full_rules_on_random_markdown() -> None:
    import random

    rng = random.Random(5)
    pieces = ["word", "café", " ", "  ", "\n", "\t", "*", "**", "_", "~~", "`", "#", "## ",
              "> ", "- ", "+ ", "1. ", "2) ", "---", "***", "[", "]", "(", ")", "](", "!",
              "[link](http://x)", "![img](a.png)", "3", ".", "snake_case", "a*b"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert plain_text(text) == _plain_text_reference(text), repr(text)
