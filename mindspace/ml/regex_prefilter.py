"""Which of many regular expressions can match a piece of text, found without running them.

Contract
--------
* :func:`required_literals` reads a compiled pattern's syntax tree and returns a set of literal
  strings at least one of which occurs inside every match (for example ``{"kill", "end"}`` for
  ``(?:kill|end) (?:it|myself)``), or ``None`` when no such set is known (an optional part, a
  character class, a case-insensitive pattern, a syntax this module does not read). The set is
  a necessary condition only: text holding one of the strings may still not match.
* :class:`LiteralIndex` holds the sets of a sequence of patterns; ``candidates(text, a, b)``
  returns, in pattern order, the indices of the patterns that can match in ``text[a:b]``: those
  without a set, and those one of whose strings occurs in the slice. Running only these gives
  exactly the matches that running all of them would give (a pattern's matches lie inside
  ``text[a:b]`` when searched with ``pos=a, endpos=b``; what a look-behind reads before ``a``
  is never required).
* All literal occurrences are found in one scan of the slice (one regex of every literal
  shaped like a trie, tried at each position, longest first; the shorter literals that are
  prefixes of a found one are added from a table), so the cost hardly grows with the number of
  patterns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# CPython's own regex parser (3.11+), the one re.compile uses
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _parse  # type: ignore[attr-defined]
from typing import Any

# A requirement is a set of literals (one must occur) or None (nothing known).
Requirement = frozenset[str] | None


def required_literals(pattern: re.Pattern[str]) -> Requirement:
    """Literals one of which occurs in every match of ``pattern`` (see the module docstring)."""
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    try:
        tree = _parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unreadable pattern is simply always run
        return None
    req = _sequence(list(tree))
    return req if req and all(req) else None


def _better(a: Requirement, b: Requirement) -> Requirement:
    """The more selective of two requirements: longer shortest literal, then fewer literals."""
    if a is None:
        return b
    if b is None:
        return a
    ka = (min(map(len, a)), -len(a))
    kb = (min(map(len, b)), -len(b))
    return a if ka >= kb else b


def _sequence(items: Sequence[tuple[Any, Any]]) -> Requirement:
    best: Requirement = None
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run:
            best = _better(best, frozenset([run]))
            run = ""
        best = _better(best, _node(op, av))
    if run:
        best = _better(best, frozenset([run]))
    return best


def _node(op: Any, av: Any) -> Requirement:
    if op is _c.SUBPATTERN:
        add_flags, sub = av[1], av[3]
        if add_flags & re.IGNORECASE:
            return None
        return _sequence(list(sub))
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            req = _sequence(list(alt))
            if req is None:
                return None
            out |= req
        return frozenset(out)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, _hi, sub = av
        return _sequence(list(sub)) if lo >= 1 else None
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    # IN, ANY, NOT_LITERAL, AT, ASSERT, ASSERT_NOT, GROUPREF, GROUPREF_EXISTS, CATEGORY, ...
    return None


def _trie(words: Sequence[str]) -> str:
    """One regex for ``words`` shaped like a trie: at a position it tries each character once
    and matches the longest word starting there."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # a word may end here: try to go on first (greedy), so the longest word wins
        return f"(?:{body})?" if "" in node else body

    return build(root)


class LiteralIndex:
    """The literal sets of ``patterns``, searchable together (see the module docstring)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        reqs = [required_literals(p) for p in patterns]
        self.requirements: tuple[Requirement, ...] = tuple(reqs)
        self._always = tuple(i for i, r in enumerate(reqs) if r is None)
        owners: dict[str, list[int]] = {}
        for i, req in enumerate(reqs):
            for lit in req or ():
                owners.setdefault(lit, []).append(i)
        self._owners = {lit: tuple(ix) for lit, ix in owners.items()}
        lits = sorted(owners)
        # at each position the scan finds the longest literal there; every shorter literal
        # starting at that position is one of its prefixes
        self._prefixes = {lit: tuple(lit[:n] for n in range(1, len(lit) + 1) if lit[:n] in owners)
                          for lit in lits}
        self._scan = re.compile("(?=(" + _trie(lits) + "))") if lits else None

    def candidates(self, text: str, a: int = 0, b: int | None = None) -> list[int]:
        """Indices, in pattern order, of the patterns that can match within ``text[a:b]``."""
        b = len(text) if b is None else b
        if self._scan is None:
            return list(self._always)
        present: set[str] = set()
        for m in self._scan.finditer(text, a, b):
            lit = m.group(1)
            if lit not in present:
                present.update(self._prefixes[lit])
        hit = set(self._always)
        for lit in present:
            hit.update(self._owners[lit])
        return sorted(hit)
