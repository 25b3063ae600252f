"""Canary text typed into the GUI never reaches a file in plaintext (data dir or temp dir)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from mindspace.app import AppServices
from tests.conftest import PASSPHRASE
from tests.ui.conftest import all_widget_text, flush_deletes

pytestmark = pytest.mark.gui

CANARIES = {
    "title": "Quokkatitle Zanzibar 7731",
    "body": "Marmalade-canary-body 4406 under the violet bridge",
    "search": "Xylophonesearch",
    "note": "Periwinklenote canary 5512",
    "tag": "canarytag-oolong",
}


def _needles() -> list[bytes]:
    out = []
    for text in CANARIES.values():
        for word in text.split():
            if len(word) >= 8:
                out.append(word.encode("utf-8"))
                out.append(word.encode("utf-16-le"))
    return out


def _scan(folder: Path) -> tuple[list[str], list[str]]:
    hits, sqlite_headers = [], []
    needles = _needles()
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data.startswith(b"SQLite format 3"):
            sqlite_headers.append(str(path))
        lowered = data.lower()
        for needle in needles:
            if needle.lower() in lowered:
                hits.append(f"{path}: {needle!r}")
    return hits, sqlite_headers


def test_canary_typed_in_gui_stays_encrypted(
    qtbot,
    make_shell,
    new_services: AppServices,
    recovery_code: str,
    tmp_path: Path,
    monkeypatch,
    tasks_done,
) -> None:
    private_tmp = tmp_path / "private-tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))

    shell = make_shell()
    shell.start()
    screen = shell.window
    qtbot.keyClicks(screen.passphrase_edit, PASSPHRASE)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.state == "unlocked", timeout=20_000)
    window = shell.main_window

    journal = window.show_page("journal")
    tasks_done()
    v = journal.view
    qtbot.keyClicks(v.title_edit, CANARIES["title"])
    qtbot.keyClicks(v.body_edit, CANARIES["body"])
    qtbot.keyClicks(v.tags_edit, CANARIES["tag"])
    with qtbot.waitSignal(journal.entry_saved, timeout=10_000):
        qtbot.mouseClick(v.save_button, Qt.MouseButton.LeftButton)
    tasks_done()
    v.preview_button.setChecked(True)  # render the Markdown preview too
    with qtbot.waitSignal(journal.search_finished, timeout=10_000):
        qtbot.keyClicks(v.search_edit, "marmalade")
    v.search_edit.clear()
    with qtbot.waitSignal(journal.search_finished, timeout=10_000):
        qtbot.keyClicks(v.search_edit, CANARIES["search"])

    window.actions_by_name["checkin"].trigger()
    mood = window.page("mood")
    tasks_done()
    mood.mood_buttons[2].click()
    qtbot.keyClicks(mood.note_edit, CANARIES["note"])
    with qtbot.waitSignal(mood.checkin_saved, timeout=10_000):
        qtbot.mouseClick(mood.save_button, Qt.MouseButton.LeftButton)
    tasks_done()
    # the data really is in the vault (so the scan below is meaningful)
    assert new_services.journal.search("Marmalade")[0].title == CANARIES["title"]
    assert new_services.mood.list()[0].note == CANARIES["note"]

    window.actions_by_name["lock"].trigger()
    tasks_done()
    assert not new_services.is_unlocked
    flush_deletes()
    widget_text = all_widget_text().lower()
    for text in CANARIES.values():
        assert text.lower() not in widget_text

    files = [p for p in new_services.data_dir.rglob("*") if p.is_file()]
    assert any(p.name == "vault.db" for p in files)
    for folder in (new_services.data_dir, private_tmp):
        hits, headers = _scan(folder)
        assert not hits, f"plaintext canary found: {hits}"
        assert not headers, f"unencrypted SQLite file found: {headers}"


def test_scanner_finds_plaintext_and_sqlite_headers(tmp_path: Path) -> None:
    (tmp_path / "leak.txt").write_text("x " + CANARIES["note"], encoding="utf-8")
    (tmp_path / "plain.db").write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    hits, headers = _scan(tmp_path)
    assert hits and headers == [str(tmp_path / "plain.db")]
