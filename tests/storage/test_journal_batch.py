"""Batch inserts (add_many and imports) index a whole batch in one pass: same search results as
one entry at a time, the schema left exactly as it was, and nothing left behind on failure."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

import pytest

from mindspace.app import AppServices
from mindspace.core.errors import ValidationError
from mindspace.storage.journal import insert_entries

WORDS = ["garden", "walk", "walking", "walked", "rain", "tomatoes", "sister", "meeting", "slept",
         "sleep", "café", "naïve", "anxious", "calm", "budget", "river", "coffee", "tired"]


def _items(n: int, seed: int = 3) -> list[tuple[str, str, datetime, list[str]]]:
    rng = random.Random(seed)
    start = datetime(2025, 1, 1, 8)
    return [
        (
            " ".join(rng.sample(WORDS, 2)).capitalize(),
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 40))),
            start + timedelta(hours=rng.randint(0, 5000)),  # dates out of order, some equal
            rng.sample(["work", "home", "Sleep"], rng.randint(0, 2)),
        )
        for _ in range(n)
    ]


def _schema(services: AppServices) -> list[tuple[Any, ...]]:
    return sorted(services.journal._db.run(
        lambda c: c.execute("SELECT type, name, sql FROM sqlite_master").fetchall()))


def _check_index(services: AppServices) -> None:
    """FTS5's own check that the index holds exactly the content table's rows."""
    services.journal._db.run(lambda c: c.execute(
        "INSERT INTO journal_fts(journal_fts, rank) VALUES ('integrity-check', 1)"))


QUERIES = ["garden", "walk", "slept", "cafe", "naive", '"rain tomatoes"', "calm OR river",
           "coff", "sleep budget"]


def test_batch_finds_what_one_by_one_finds(open_services: AppServices, tmp_path) -> None:
    items = _items(300)
    batch = open_services
    batch.journal.add_many(items)
    one = AppServices(tmp_path / "one")
    one.create_vault("another long passphrase for the second vault 7")
    try:
        for title, body, when, tags in items:
            one.journal.add(title, body, when, tags)
        for query in QUERIES:
            for tag in (None, "work"):
                got = [(h.title, h.entry_at, h.snippet, h.tags)
                       for h in batch.journal.search(query, tag=tag, limit=1000)]
                want = [(h.title, h.entry_at, h.snippet, h.tags)
                        for h in one.journal.search(query, tag=tag, limit=1000)]
                assert got == want, query
                assert got or tag, query
        assert batch.journal.tags() == one.journal.tags()
        assert _schema(batch) == _schema(one)  # the trigger is back, word for word
    finally:
        one.close()
    _check_index(batch)


def test_later_single_entries_and_edits_are_still_indexed(open_services: AppServices) -> None:
    repo = open_services.journal
    ids = repo.add_many(_items(50))
    repo.add("Lighthouse", "A walk to the lighthouse")  # through the trigger again
    assert [h.title for h in repo.search("lighthouse")] == ["Lighthouse"]
    repo.update(ids[0], body="zeppelin overhead")
    assert [h.entry_id for h in repo.search("zeppelin")] == [ids[0]]
    repo.delete(ids[1])
    assert ids[1] not in {h.entry_id for h in repo.search("walk OR garden", limit=1000)}
    _check_index(open_services)


def test_a_failing_batch_leaves_entries_index_and_schema_as_they_were(
    open_services: AppServices,
) -> None:
    repo = open_services.journal
    repo.add_many(_items(20, seed=9))
    before = _schema(open_services), repo.count(), len(repo.search("garden", limit=1000))
    rows = [(f"id{i}", "Kite", "kite flying", "2025-02-01T10:00:00", "x", "x") for i in range(10)]
    rows.append(rows[0])  # a duplicate id: the unique index refuses the batch

    def work(conn: Any) -> None:
        insert_entries(conn, rows)

    with pytest.raises(Exception, match="UNIQUE"):
        open_services.journal._db.transaction(work)
    after = _schema(open_services), repo.count(), len(repo.search("garden", limit=1000))
    assert after == before
    assert repo.search("kite") == []
    _check_index(open_services)
    # and a bad entry is refused before anything is written
    with pytest.raises(ValidationError):
        repo.add_many([*_items(10), ("", "", datetime(2025, 1, 1), [])])
    assert repo.count() == before[1]


def test_daylio_style_import_batch_is_searchable(open_services: AppServices) -> None:
    from mindspace.storage.imports import ImportRecord, ImportStore

    store = ImportStore(open_services.journal._db)
    records = [
        ImportRecord(key=f"k{i}", at=datetime(2024, 5, 1) + timedelta(hours=i), mood=3,
                     note="", journal_title=f"Day {i}", journal_body=f"walked by the river {i}")
        for i in range(40)
    ]
    counts = store.add("daylio", records, "daylio")
    assert counts.journal == 40
    hits = open_services.journal.search("river", limit=100)
    assert [h.title for h in hits] == [f"Day {i}" for i in reversed(range(40))]
    assert all(h.tags == ["daylio"] for h in hits)
    assert store.add("daylio", records, "daylio").journal == 0
    _check_index(open_services)
