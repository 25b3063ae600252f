"""What the models have read in this vault, handed row by row to a visitor on the DB thread, so
that a caller can count (drift histograms) without collecting texts.

* ``visit_analysed_texts(visit)``: every journal entry, mood note and transcript that has a
  stored text analysis: ``visit(source_type, text, emotions)`` with the most recent analysis'
  emotion probabilities (None when the emotion model did not run).
* ``visit_transcripts(visit)``: every non-empty voice check-in transcript: ``visit(text,
  duration_s)``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from mindspace.storage.database import DbExecutor

_LATEST = ("(SELECT a.emotions FROM text_analyses a WHERE a.source_type=? AND a.source_id=x.id"
           " ORDER BY a.analyzed_at DESC, a.seq DESC LIMIT 1)")
_HAS = "EXISTS (SELECT 1 FROM text_analyses a WHERE a.source_type=? AND a.source_id=x.id)"

TextVisitor = Callable[[str, str, "dict[str, float] | None"], None]


def visit_analysed_texts(db: DbExecutor, visit: TextVisitor) -> int:
    """Call ``visit`` once per analysed source; returns how many."""
    queries = (
        ("journal", f"SELECT x.title || char(10) || x.body, {_LATEST} FROM journal_entries x"
                    f" WHERE {_HAS}"),
        ("mood", f"SELECT x.note, {_LATEST} FROM mood_checkins x WHERE x.note <> '' AND {_HAS}"),
        ("transcript", f"SELECT x.transcript, {_LATEST} FROM voice_checkins x"
                       f" WHERE x.transcript <> '' AND {_HAS}"),
    )

    def work(conn: Any) -> int:
        n = 0
        for source_type, sql in queries:
            for text, emotions in conn.execute(sql, (source_type, source_type)):
                visit(source_type, str(text),
                      None if emotions is None else dict(json.loads(emotions)))
                n += 1
        return n

    return int(db.run(work))


def visit_transcripts(db: DbExecutor, visit: Callable[[str, float], None]) -> int:
    def work(conn: Any) -> int:
        n = 0
        for text, duration in conn.execute(
            "SELECT transcript, duration_s FROM voice_checkins WHERE transcript <> ''"
        ):
            visit(str(text), float(duration))
            n += 1
        return n

    return int(db.run(work))
