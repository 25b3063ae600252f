"""Companion conversations, their messages and finished exercises (schema 0008). DB executor.

Contract: every method blocks on the vault's DB executor; ``NotFoundError`` for an unknown
conversation id; ``VaultLockedError`` when the vault is locked. Conversation state is an opaque
JSON object owned by the app layer.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from mindspace.core.chat import (
    ChatMessage,
    ConversationSummary,
    ExerciseResult,
    ThoughtRecordRating,
)
from mindspace.storage.database import DbExecutor
from mindspace.storage.errors import NotFoundError

TITLE_WORDS = 8


def _iso(value: datetime) -> str:
    return value.replace(microsecond=0).isoformat()


def _title(text: str) -> str:
    parts = text.split()
    return " ".join(parts[:TITLE_WORDS]) + (" ..." if len(parts) > TITLE_WORDS else "")


class ChatRepository:
    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    def create(self, conversation_id: str, at: datetime, state: dict[str, Any]) -> None:
        when = _iso(at)
        self._db.transaction(lambda c: c.execute(
            "INSERT INTO chat_conversations(id, started_at, updated_at, title, state)"
            " VALUES (?, ?, ?, '', ?)", (conversation_id, when, when, json.dumps(state))))

    def append(self, conversation_id: str, messages: Sequence[ChatMessage],
               state: dict[str, Any], finished: ExerciseResult | None = None) -> None:
        """Add messages, save the new state and (once) a finished exercise, in one transaction."""

        def work(conn: Any) -> None:
            row = conn.execute("SELECT title FROM chat_conversations WHERE id=?",
                               (conversation_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"no conversation with id {conversation_id}")
            title = row[0]
            for m in messages:
                conn.execute(
                    "INSERT INTO chat_messages(conversation_id, role, text, at, route, exercise,"
                    " step, crisis_level, sources, why) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (conversation_id, m.role, m.text, _iso(m.at), m.route, m.exercise, m.step,
                     m.crisis_level, json.dumps(list(m.sources)), json.dumps(list(m.why))))
                if not title and m.role == "user" and m.text.strip():
                    title = _title(m.text)
            last = _iso(messages[-1].at) if messages else None
            conn.execute(
                "UPDATE chat_conversations SET title=?, state=?,"
                " updated_at=COALESCE(?, updated_at) WHERE id=?",
                (title, json.dumps(state), last, conversation_id))
            if finished is not None:
                conn.execute(
                    "INSERT OR IGNORE INTO chat_exercise_results(id, conversation_id, exercise,"
                    " title, answers, finished_at, emotion, rating_before, rating_after)"
                    " VALUES (?,?,?,?,?,?,?,?,?)",
                    (finished.id, conversation_id, finished.exercise, finished.title,
                     json.dumps([list(a) for a in finished.answers]),
                     _iso(finished.finished_at), finished.emotion, finished.rating_before,
                     finished.rating_after))

        self._db.transaction(work)

    def load(self, conversation_id: str) -> tuple[dict[str, Any], builtins.list[ChatMessage]]:
        """The saved state and the transcript (oldest first)."""

        def work(conn: Any) -> tuple[Any, builtins.list[Any]]:
            row = conn.execute("SELECT state FROM chat_conversations WHERE id=?",
                               (conversation_id,)).fetchone()
            rows = conn.execute(
                "SELECT role, text, at, route, exercise, step, crisis_level, sources, why"
                " FROM chat_messages WHERE conversation_id=? ORDER BY seq",
                (conversation_id,)).fetchall()
            return row, rows

        row, rows = self._db.run(work)
        if row is None:
            raise NotFoundError(f"no conversation with id {conversation_id}")
        messages = [
            ChatMessage(r[0], r[1], datetime.fromisoformat(r[2]), r[3], r[4], r[5], r[6],
                        tuple(json.loads(r[7])), tuple(json.loads(r[8])))
            for r in rows
        ]
        return json.loads(row[0]), messages

    def list(self) -> builtins.list[ConversationSummary]:
        """Every conversation, most recently active first."""
        rows = self._db.run(lambda c: c.execute(
            "SELECT c.id, c.started_at, c.updated_at, c.title,"
            " (SELECT COUNT(*) FROM chat_messages m WHERE m.conversation_id=c.id)"
            " FROM chat_conversations c ORDER BY c.updated_at DESC, c.started_at DESC").fetchall())
        return [ConversationSummary(r[0], datetime.fromisoformat(r[1]),
                                    datetime.fromisoformat(r[2]), r[3], int(r[4])) for r in rows]

    def user_messages(self, start: datetime,
                      end: datetime) -> builtins.list[tuple[int, ChatMessage]]:
        """(sequence number, message) of every message the person wrote in [start, end), over
        all conversations, oldest first (for insights; the number never repeats)."""
        rows = self._db.run(lambda c: c.execute(
            "SELECT seq, text, at FROM chat_messages WHERE role='user' AND at >= ? AND at < ?"
            " ORDER BY at, seq", (_iso(start), _iso(end))).fetchall())
        return [(int(r[0]), ChatMessage("user", r[1], datetime.fromisoformat(r[2])))
                for r in rows]

    def delete(self, conversation_id: str) -> None:
        """Delete a conversation and its messages (secure_delete overwrites the pages)."""
        count = self._db.transaction(lambda c: c.execute(
            "DELETE FROM chat_conversations WHERE id=?", (conversation_id,)).rowcount)
        if not count:
            raise NotFoundError(f"no conversation with id {conversation_id}")

    def link_journal(self, result_id: str, entry_id: str) -> None:
        self._db.transaction(lambda c: c.execute(
            "UPDATE chat_exercise_results SET journal_entry_id=? WHERE id=?",
            (entry_id, result_id)))

    def exercise_results(self, exercise: str | None = None) -> builtins.list[ExerciseResult]:
        sql = ("SELECT id, exercise, title, answers, finished_at, emotion, rating_before,"
               " rating_after FROM chat_exercise_results")
        params: tuple[str, ...] = ()
        if exercise:
            sql += " WHERE exercise=?"
            params = (exercise,)
        rows = self._db.run(lambda c: c.execute(sql + " ORDER BY finished_at", params).fetchall())
        return [ExerciseResult(r[0], r[1], r[2], tuple((a, b) for a, b in json.loads(r[3])),
                               datetime.fromisoformat(r[4]), r[5], r[6], r[7]) for r in rows]

    def thought_record_ratings(self) -> builtins.list[ThoughtRecordRating]:
        """Before/after ratings of every finished thought record, oldest first."""
        return [ThoughtRecordRating(r.id, r.finished_at, r.emotion, r.rating_before,
                                    r.rating_after)
                for r in self.exercise_results("thought-record")
                if r.rating_before is not None and r.rating_after is not None]
