"""Reading Daylio CSV exports: both layouts, times, labels, notes and bad rows."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from mindspace.core.errors import ValidationError
from mindspace.share import daylio

DATA = Path(__file__).resolve().parents[1] / "data" / "daylio"


def parse(name: str, **kw: object) -> daylio.ParsedExport:
    return daylio.parse_export(daylio.decode((DATA / name).read_bytes()), **kw)  # type: ignore[arg-type]


def test_current_layout_rows_oldest_first_with_problems_by_line() -> None:
    parsed = parse("current.csv", mood_map={"ecstatic": 5})
    assert parsed.layout == "current"
    assert [r.at for r in parsed.rows] == sorted(r.at for r in parsed.rows)
    by_line = {r.line: r for r in parsed.rows}
    assert by_line[2].at == datetime(2024, 5, 20, 21, 3) and by_line[2].mood == 5
    assert by_line[3].at == datetime(2024, 5, 20, 8, 15) and by_line[3].mood == 3
    assert by_line[4].at == datetime(2024, 5, 19, 21, 3)  # 9:03 PM
    assert by_line[5].at == datetime(2024, 5, 18, 0, 30)  # 12:30 AM is just after midnight
    assert by_line[13].at == datetime(2024, 5, 12, 12, 0)  # 12:00 PM is noon
    assert by_line[13].mood == 4  # labels are compared without case
    assert by_line[13].activities == ("family", "cooking")  # the empty last one is dropped
    problems = {p.line: p.reason for p in parsed.problems}
    assert set(problems) == {7, 8, 10, 11, 12}
    assert "25:10" in problems[7]
    assert "fine" in problems[8] and "--mood-map" in problems[8]
    assert "2024-02-30" in problems[10]
    assert problems[11] == "expected 8 columns, found 5"
    assert "empty" in problems[12]
    assert parsed.repeated == 1  # line 6 repeats line 5
    assert parsed.unknown_labels == {"fine": 1}


def test_legacy_layout_dates_and_lower_case_times() -> None:
    parsed = parse("legacy.csv")
    assert parsed.layout == "legacy"
    ats = {r.line: r.at for r in parsed.rows}
    assert ats == {
        2: datetime(2019, 5, 18, 23, 54),
        3: datetime(2019, 5, 18, 9, 10),
        4: datetime(2019, 5, 17, 18, 5),
        7: datetime(2019, 5, 15, 0, 0),
    }
    problems = {p.line: p.reason for p in parsed.problems}
    assert "31 April" in problems[5] and "noon" in problems[6] and "so-so" in problems[8]
    quoted = next(r for r in parsed.rows if r.line == 7)
    assert quoted.plain_note == 'Bad night, "nothing" helped'


def test_a_mood_map_turns_unknown_labels_into_rows() -> None:
    parsed = parse("legacy.csv", mood_map=daylio.parse_mood_map("So-So = 2"))
    assert next(r for r in parsed.rows if r.line == 8).mood == 2
    assert parsed.unknown_labels == {}


def test_bom_and_windows_line_ends() -> None:
    parsed = parse("bom_crlf.csv")
    assert [r.plain_note for r in parsed.rows] == ["BOM and CRLF"]
    assert parsed.problems == []


def test_a_file_that_is_not_a_daylio_export_is_refused() -> None:
    with pytest.raises(ValidationError, match="not a Daylio CSV export"):
        parse("not_daylio.csv")
    with pytest.raises(ValidationError, match="not a Daylio"):
        daylio.parse_export("")
    with pytest.raises(ValidationError, match="not UTF-8"):
        daylio.decode(b"full_date\xff\xfe")


def test_html_notes_become_markdown_or_plain_text_without_tags() -> None:
    raw = 'Up <b>high</b><br>two &amp; three<script>alert(1)</script> <i>ok</i> &lt;img src=x&gt;'
    md = daylio.note_text(raw, markdown=True)
    plain = daylio.note_text(raw, markdown=False)
    assert md == "Up **high**\ntwo & three *ok* \\<img src=x>"
    assert plain == "Up high\ntwo & three ok <img src=x>"
    assert "alert" not in md and "<script" not in md
    assert daylio.note_text("<p>one</p><p>two</p>", markdown=True) == "one\n\ntwo"


def test_titled_or_long_notes_become_journal_entries() -> None:
    rows = {r.line: r for r in parse("current.csv", mood_map={"ecstatic": 5}).rows}
    titled = rows[4]
    assert titled.makes_journal_entry and titled.title == "Hill walk"
    assert titled.checkin_note == "Hill walk"
    assert "herons & a kestrel" in titled.note
    assert not rows[2].makes_journal_entry and rows[2].checkin_note.startswith("Band practice")
    long_note = "word " * 500
    text = (
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        f"2024-01-01,Jan 1,Monday,10:00,good,,,{long_note}\n"
    )
    (row,) = daylio.parse_export(text).rows
    assert row.makes_journal_entry and row.checkin_note == ""


def test_import_keys_are_stable_and_differ_between_rows() -> None:
    first = parse("current.csv", mood_map={"ecstatic": 5})
    again = parse("current.csv", mood_map={"ecstatic": 4})  # remapping keeps the keys
    assert [r.import_key for r in first.rows] == [r.import_key for r in again.rows]
    assert len({r.import_key for r in first.rows}) == len(first.rows)


def test_future_dates_and_bad_mood_maps_are_refused() -> None:
    text = (
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2999-01-01,Jan 1,Monday,10:00,good,,,\n"
    )
    parsed = daylio.parse_export(text)
    assert parsed.rows == [] and "future" in parsed.problems[0].reason
    for bad in ("fine", "fine=6", "=3", "fine=x"):
        with pytest.raises(ValidationError, match="mood map"):
            daylio.parse_mood_map(bad)
