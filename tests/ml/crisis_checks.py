"""Checks shared by the crisis-screen tests."""

from __future__ import annotations

from collections.abc import Iterable

from mindspace.ml.crisis import CrisisDetector, normalise


def assert_prefilter_finds_every_match(det: CrisisDetector, texts: Iterable[str]) -> None:
    """The sentence pre-filter finds exactly the matches a full scan of every pattern finds."""
    for text in texts:
        norm = normalise(text)
        starts, ends = det._sentences(norm)
        fast = [(p.regex.pattern, m.span()) for p, m, _ in det._matches(norm, starts, ends)]
        full = [(p.regex.pattern, m.span())
                for p, m, _ in det._matches(norm, starts, ends, prefilter=False)]
        assert fast == full, text
