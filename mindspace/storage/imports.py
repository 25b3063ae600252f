"""Records brought in from other apps, written in one transaction with their import keys.

`ImportStore.add` inserts every record of one import inside a single BEGIN IMMEDIATE ... COMMIT
(batched `executemany`), so an import either lands whole or not at all. Each record's key goes
into `data_imports`; a key already there is skipped, so running the same import twice adds
nothing. Runs on the vault's DB executor (blocking the caller).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mindspace.core.validation import check_body, check_entry, check_note, check_scale, check_title
from mindspace.storage.journal import insert_entries, link_tags

if TYPE_CHECKING:  # records are described without loading SQLCipher (the CLI's start-up)
    from mindspace.storage.database import DbExecutor

_CHUNK = 500  # keys per IN (...) query


@dataclass(frozen=True)
class ImportRecord:
    """One mood check-in to create, and optionally the journal entry that holds its note."""

    key: str
    at: datetime
    mood: int
    activities: Sequence[str] = ()
    note: str = ""
    journal_title: str | None = None  # None: no journal entry
    journal_body: str = ""


@dataclass(frozen=True)
class ImportCounts:
    mood: int
    journal: int
    already_imported: int


def _iso(value: datetime) -> str:
    return value.replace(second=0, microsecond=0).isoformat()


class ImportStore:
    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    def known(self, source: str, keys: Iterable[str]) -> set[str]:
        """Which of `keys` were imported from `source` before."""
        wanted = list(dict.fromkeys(keys))

        def work(conn: Any) -> set[str]:
            found: set[str] = set()
            for i in range(0, len(wanted), _CHUNK):
                chunk = wanted[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                found.update(
                    r[0]
                    for r in conn.execute(
                        "SELECT DISTINCT import_key FROM data_imports WHERE source=? AND"
                        f" import_key IN ({marks})",
                        (source, *chunk),
                    )
                )
            return found

        return self._db.run(work)

    def count(self, source: str) -> int:
        return int(self._db.run(lambda c: c.execute(
            "SELECT count(DISTINCT import_key) FROM data_imports WHERE source=?", (source,)
        ).fetchone()[0]))

    def add(self, source: str, records: Sequence[ImportRecord], tag: str) -> ImportCounts:
        """Insert the records whose key is new, all in one transaction; `tag` marks the journal
        entries made. ValidationError (nothing written) if any record breaks a value rule."""
        for record in records:
            check_scale(record.mood, "mood")
            check_note(record.note)
            if record.journal_title is not None:
                check_entry(check_title(record.journal_title), check_body(record.journal_body))
        now = datetime.now().replace(microsecond=0).isoformat()

        def work(conn: Any) -> ImportCounts:
            known: set[str] = set()
            keys = [r.key for r in records]
            for i in range(0, len(keys), _CHUNK):
                chunk = keys[i : i + _CHUNK]
                known.update(r[0] for r in conn.execute(
                    "SELECT import_key FROM data_imports WHERE source=? AND import_key IN"
                    f" ({','.join('?' * len(chunk))})", (source, *chunk)))
            moods: list[tuple[Any, ...]] = []
            entries: list[tuple[Any, ...]] = []
            links: list[tuple[Any, ...]] = []
            for r in records:
                if r.key in known:
                    continue
                known.add(r.key)
                when = _iso(r.at)
                checkin_id = uuid.uuid4().hex
                moods.append((checkin_id, when, r.mood, json.dumps(list(r.activities)),
                               r.note.strip(), now, now))
                links.append((source, r.key, "mood", checkin_id, now))
                if r.journal_title is not None:
                    entry_id = uuid.uuid4().hex
                    entries.append((entry_id, r.journal_title.strip(), r.journal_body, when,
                                    now, now))
                    links.append((source, r.key, "journal", entry_id, now))
            conn.executemany(
                "INSERT INTO mood_checkins(id, checkin_at, mood, activities, note, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", moods)
            seqs = insert_entries(conn, entries)  # indexed for search in one pass
            link_tags(conn, [(seqs[e[0]], tag) for e in entries])
            links.sort(key=lambda link: link[1])  # in key order: the unique index grows in place
            conn.executemany(
                "INSERT INTO data_imports(source, import_key, record_type, record_id,"
                " imported_at) VALUES (?, ?, ?, ?, ?)", links)
            return ImportCounts(len(moods), len(entries), len(records) - len(moods))

        return self._db.transaction(work)
