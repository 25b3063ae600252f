"""Importing a Daylio export into a real vault: preview, import once, nothing twice, rollback."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from mindspace.app import AppServices
from mindspace.app.data_transfer import read_export_file
from mindspace.core.errors import NotFoundError, UserError, ValidationError

DATA = Path(__file__).resolve().parents[1] / "data" / "daylio"


def test_dry_run_writes_nothing_and_import_happens_once(open_services: AppServices) -> None:
    use = open_services.daylio_import()
    preview = use.run(DATA / "current.csv", {"ecstatic": 5}, dry_run=True)
    assert preview.dry_run and preview.new_checkins == 6 and preview.new_journal_entries == 1
    assert [p.line for p in preview.problems] == [7, 8, 10, 11, 12]
    assert preview.rows_read == 12 and preview.repeated_in_file == 1
    assert open_services.mood.list() == [] and open_services.journal.count() == 0

    done = use.run(DATA / "current.csv", {"ecstatic": 5})
    assert not done.dry_run and (done.new_checkins, done.new_journal_entries) == (6, 1)
    checkins = open_services.mood.list()
    assert len(checkins) == 6
    newest = checkins[0]
    assert newest.checkin_at == datetime(2024, 5, 20, 21, 3) and newest.mood == 5
    assert newest.activities == ["friends", "music"]
    assert newest.note == "Band practice went long. Great night."
    (entry,) = open_services.journal.list()
    assert entry.title == "Hill walk" and entry.tags == ["daylio"]
    assert entry.entry_at == datetime(2024, 5, 19, 21, 3)
    assert "two herons & a kestrel" in entry.body
    assert open_services.journal.search("herons")[0].entry_id == entry.id

    again = use.run(DATA / "current.csv", {"ecstatic": 5})
    assert (again.new_checkins, again.new_journal_entries, again.already_imported) == (0, 0, 6)
    assert len(open_services.mood.list()) == 6 and open_services.journal.count() == 1

    mapped = use.run(DATA / "current.csv", {"ecstatic": 5, "fine": 3})  # only the missing row
    assert (mapped.new_checkins, mapped.already_imported) == (1, 6)
    assert len(open_services.mood.list()) == 7


def test_both_layouts_import_side_by_side(open_services: AppServices) -> None:
    use = open_services.daylio_import()
    legacy = use.run(DATA / "legacy.csv")
    assert legacy.layout == "legacy" and legacy.new_checkins == 4
    assert [p.line for p in legacy.problems] == [5, 6, 8]
    assert legacy.unknown_labels == {"so-so": 1}
    moods = {c.checkin_at: c for c in open_services.mood.list()}
    assert moods[datetime(2019, 5, 17, 18, 5)].note == "Long queue\nat the shop"


def test_a_failure_during_the_write_leaves_the_vault_as_it_was(
    open_services: AppServices, tmp_path: Path
) -> None:
    open_services.mood.add(3, note="before the import")
    good = tmp_path / "good.csv"
    shutil.copy(DATA / "current.csv", good)
    # break the database half-way: the journal insert fails after the check-ins went in
    open_services.vault.db.run(lambda c: c.execute(
        "CREATE TRIGGER no_entries BEFORE INSERT ON journal_entries"
        " BEGIN SELECT RAISE(ABORT, 'refused'); END"))
    with pytest.raises(Exception, match="refused"):
        open_services.daylio_import().run(good, {"ecstatic": 5})
    assert [c.note for c in open_services.mood.list()] == ["before the import"]
    assert open_services.vault.db.run(
        lambda c: c.execute("SELECT count(*) FROM data_imports").fetchone()[0]) == 0


def test_bad_files_are_refused_with_clear_messages(
    open_services: AppServices, tmp_path: Path
) -> None:
    use = open_services.daylio_import()
    with pytest.raises(NotFoundError, match="no file at"):
        use.run(tmp_path / "missing.csv")
    with pytest.raises(ValidationError, match="is not a file"):
        use.run(tmp_path)
    with pytest.raises(ValidationError, match="not a Daylio CSV export"):
        use.run(DATA / "not_daylio.csv")
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(UserError, match="not UTF-8"):
        use.run(binary)
    assert open_services.mood.list() == []
    assert read_export_file(DATA / "bom_crlf.csv").startswith(b"\xef\xbb\xbf")
