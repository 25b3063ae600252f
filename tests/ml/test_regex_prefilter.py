"""The literal pre-filter: which patterns can match, read from their syntax, never misses one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mindspace.ml import crisis
from mindspace.ml import crisis_net as net
from mindspace.ml.crisis import CrisisDetector, normalise
from mindspace.ml.regex_prefilter import LiteralIndex, required_literals

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bkill myself\b", {"kill myself"}),
    (r"\b(?:kill|end) (?:it|myself)\b", {"kill", "end"}),  # longest shortest literal wins a tie
    (r"(?<!not )want to die", {"want to die"}),  # a look-behind is never required
    (r"(?:pills?|tablets) (?:tonight|now)", {"pill", "tablets"}),
    (r"sleep(?: forever)?", {"sleep"}),
    (r"(?:^|\s)[’']?ending it", {"ending it"}),
    (r"(?:ab)+c", {"ab"}),  # "c" is shorter; either is required
])
def test_required_literals(pattern: str, expected: set[str]) -> None:
    assert required_literals(re.compile(pattern)) == frozenset(expected)


@pytest.mark.parametrize("pattern", [
    r"\w+ ?\d", r"(?:kill)?", r"[a-z]+", r"(?i)kill", r"(?:x|\d)", r"(?:ab|)c?", r".*",
])
def test_patterns_without_a_known_literal_are_always_candidates(pattern: str) -> None:
    assert required_literals(re.compile(pattern)) is None
    index = LiteralIndex([re.compile(pattern), re.compile("zzz")])
    assert index.candidates("nothing here") == [0]


def test_candidates_find_overlapping_and_prefix_literals_in_order() -> None:
    pats = [re.compile(p) for p in (r"killing time", r"kill(?:ing)? myself", r"ill", r"tonight")]
    index = LiteralIndex(pats)
    # "kill myself" and "killing time" start at the same place; "ill" lies inside both
    assert index.candidates("i am killing time, not killing myself") == [0, 1, 2]
    assert index.candidates("tonight") == [3]
    assert index.candidates("kill myself", 0, 4) == [2]  # only literals inside the slice count
    assert index.candidates("") == []


def _sentences() -> list[str]:
    texts = []
    for path in [DATA / "crisis_eval.jsonl", *sorted((DATA / "crisis-dev").glob("*.jsonl"))]:
        texts += [json.loads(x)["text"] for x in path.read_text(encoding="utf-8").splitlines()
                  if x.strip()]
    return texts


def test_no_pattern_that_matches_is_left_out() -> None:
    """Every pattern of the crisis screen that matches a sentence of the development sets (five
    languages) is among that sentence's candidates."""
    tables = [(crisis._INDEX, [p.regex for p in crisis._PATTERNS]),
              (crisis._NET_INDEX, [p.regex for p in net.NET_PATTERNS])]
    checked = 0
    for text in _sentences()[::3]:
        norm = normalise(text)
        starts, ends = CrisisDetector._sentences(norm)
        for a, b in zip(starts, ends, strict=True):
            for index, regexes in tables:
                cand = set(index.candidates(norm, a, b))
                for i, rx in enumerate(regexes):
                    if rx.search(norm, a, b):
                        checked += 1
                        assert i in cand, (rx.pattern[:80], norm[a:b])
    assert checked > 500
