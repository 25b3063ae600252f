"""The desktop shell end to end, driving real widgets over a real SQLCipher vault."""
# mypy: disable-error-code="union-attr, arg-type, var-annotated, func-returns-value"

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from mindspace.app import AppServices
from mindspace.ui.change_passphrase_dialog import ChangePassphraseDialog, can_reset_with_recovery
from mindspace.ui.create_vault_screen import CreateVaultScreen
from mindspace.ui.journal_screen import JournalScreen
from mindspace.ui.mood_screen import MoodScreen
from mindspace.ui.preferences_dialog import PreferencesDialog
from mindspace.ui.unlock_screen import UnlockScreen
from tests.conftest import NEW_PASSPHRASE, PASSPHRASE
from tests.ui.conftest import all_widget_text, flush_deletes

pytestmark = pytest.mark.gui
CODE_RE = re.compile(r"^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$")


def _unlock_via_gui(qtbot, shell, passphrase: str = PASSPHRASE) -> None:
    screen = shell.window
    assert isinstance(screen, UnlockScreen)
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=20_000)
    qtbot.keyClicks(screen.passphrase_edit, passphrase)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.state == "unlocked", timeout=20_000)


def test_create_write_search_lock_unlock_checkin(
    qtbot, make_shell, new_services: AppServices, screenshot, tasks_done, tmp_path: Path
) -> None:
    shell = make_shell()
    shell.start()
    create = shell.window
    assert isinstance(create, CreateVaultScreen) and shell.state == "create"
    screenshot(create, "first-start")

    # a very weak passphrase is refused with feedback
    qtbot.keyClicks(create.form.passphrase_edit, "password1")
    qtbot.keyClicks(create.form.confirm_edit, "password1")
    create.form.assess_now()
    assert not create.create_button.isEnabled()
    assert "too weak" in create.form.strength_label.text()
    screenshot(create, "weak-passphrase")
    create.form.passphrase_edit.clear()
    create.form.confirm_edit.clear()
    qtbot.keyClicks(create.form.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(create.form.confirm_edit, PASSPHRASE)
    create.form.assess_now()
    assert create.create_button.isEnabled()
    assert "acceptable" in create.form.strength_label.text()
    qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)
    assert create.busy.isVisible()  # the slow part runs on a worker; the GUI shows progress
    panel = create.code_panel
    qtbot.waitUntil(lambda: create.pages.currentWidget() is panel, timeout=20_000)
    code = panel.code_label.text()
    assert CODE_RE.match(code)
    screenshot(create, "recovery-code")

    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == code
    QGuiApplication.clipboard().clear()
    pdf = tmp_path / "recovery.pdf"
    panel.print_to_pdf(str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert not panel.continue_button.isEnabled()
    panel.written_check.setChecked(True)
    qtbot.mouseClick(panel.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.state == "unlocked", timeout=5_000)
    assert panel.code_label.text() == ""  # shown once, then forgotten
    window = shell.main_window
    assert window is not None

    # write two entries on the same (back-dated) day
    journal = window.show_page("journal")
    assert isinstance(journal, JournalScreen)
    tasks_done()
    v = journal.view
    day = datetime.now().replace(hour=9, minute=15, second=0, microsecond=0) - timedelta(days=3)
    for title, body, tags, when in (
        ("Morning walk", "Saw a **heron** by the river.", "outdoors, calm", day),
        ("Evening", "Quiet dinner, read a book.", "home", day + timedelta(hours=10)),
    ):
        window.actions_by_name["new_entry"].trigger()
        qtbot.keyClicks(v.title_edit, title)
        qtbot.keyClicks(v.body_edit, body)
        qtbot.keyClicks(v.tags_edit, tags)
        v.date_edit.setDateTime(QDateTime(when))
        with qtbot.waitSignal(journal.entry_saved, timeout=10_000):
            qtbot.mouseClick(v.save_button, Qt.MouseButton.LeftButton)
        tasks_done()
    assert v.entry_list.topLevelItemCount() == 1  # grouped by day
    day_item = v.entry_list.topLevelItem(0)
    assert day_item.text(0) == day.strftime("%A %d %B %Y")
    assert day_item.childCount() == 2
    assert v.entry_list.currentItem().text(0).startswith("19:15 Evening")
    v.entry_list.setCurrentItem(day_item.child(1))  # the older entry of that day
    assert v.title_edit.text() == "Morning walk"
    v.preview_button.click()
    assert v.body_stack.currentWidget() is v.preview
    assert v.preview.toPlainText().strip() == "Saw a heron by the river."  # Markdown rendered
    v.preview_button.click()
    assert v.body_stack.currentWidget() is v.body_edit
    screenshot(window, "journal")

    # full-text search with highlighted matches
    window.actions_by_name["search"].trigger()
    with qtbot.waitSignal(journal.search_finished, timeout=10_000) as hit_count:
        qtbot.keyClicks(v.search_edit, "heron")
    assert hit_count.args == [1]
    html = v.entry_list.topLevelItem(0).data(0, 257)
    assert re.search(r'<span class="match"[^>]*>heron</span>', html)
    screenshot(window, "search-highlight")

    # lock: every view is cleared and destroyed, the vault is closed
    window.actions_by_name["lock"].trigger()
    assert shell.state == "locked"
    tasks_done()
    assert not new_services.is_unlocked
    flush_deletes()
    texts = all_widget_text()
    for secret in ("heron", "Morning walk", "outdoors"):
        assert secret not in texts
    screenshot(shell.window, "locked")

    # unlock again and check in a mood
    _unlock_via_gui(qtbot, shell)
    window = shell.main_window
    window.actions_by_name["checkin"].trigger()
    mood = window.page("mood")
    assert isinstance(mood, MoodScreen) and window.current_page_key() == "mood"
    tasks_done()
    qtbot.mouseClick(mood.mood_buttons[4], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(mood.energy_buttons[3], Qt.MouseButton.LeftButton)
    mood.emotions.findItems("calm", Qt.MatchFlag.MatchExactly)[0].setCheckState(
        Qt.CheckState.Checked
    )
    mood.sleep_spin.setValue(7.5)
    qtbot.keyClicks(mood.note_edit, "slept well")
    with qtbot.waitSignal(mood.data_refreshed, timeout=10_000):
        qtbot.mouseClick(mood.save_button, Qt.MouseButton.LeftButton)
    assert mood.history.count() == 1
    assert "Good (4/5)" in mood.history.item(0).text()
    assert "slept well" in mood.history.item(0).text()
    assert mood.chart.data()[-1][1] == 4.0
    assert "average mood 4.0" in mood.chart.accessibleDescription()
    stored = new_services.mood.list()[0]
    assert (stored.mood, stored.energy, stored.emotions) == (4, 3, ["calm"])
    assert stored.sleep_hours == 7.5
    screenshot(window, "mood")
    journal = window.show_page("journal")
    tasks_done()
    assert journal.view.entry_list.topLevelItem(0).childCount() == 2  # data survived the lock


def test_wrong_passphrase_message_and_growing_delay(
    qtbot, make_shell, new_services: AppServices, recovery_code: str, screenshot, tasks_done
) -> None:
    folder = new_services.data_dir
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.suffix != ".json"}
    keyfile = (new_services.data_dir / "keyfile.json").read_bytes()
    shell = make_shell()
    shell.start()
    screen = shell.window
    assert isinstance(screen, UnlockScreen)
    for attempt in range(3):
        qtbot.keyClicks(screen.passphrase_edit, f"not my passphrase {attempt}")
        qtbot.keyPress(screen.passphrase_edit, Qt.Key.Key_Return)
        assert screen.busy.isVisible()
        tasks_done()
        assert screen.message.text() == (
            "Wrong passphrase: the vault was not opened. Nothing was changed."
        )
        screen.passphrase_edit.clear()
    assert shell.state == "locked" and not new_services.is_unlocked
    # after three failures a delay applies: button disabled, countdown shown
    assert screen.seconds_left > 0
    assert not screen.unlock_button.isEnabled()
    assert re.match(r"You can try again in \d+ s\.", screen.countdown.text())
    screenshot(screen, "throttled")
    qtbot.keyClicks(screen.passphrase_edit, PASSPHRASE)
    qtbot.keyPress(screen.passphrase_edit, Qt.Key.Key_Return)  # ignored while throttled
    assert default_idle() and not new_services.is_unlocked
    # no data was touched by the failures
    after = {p.name: p.read_bytes() for p in new_services.data_dir.iterdir() if p.suffix != ".json"}
    assert after == before
    assert (new_services.data_dir / "keyfile.json").read_bytes() == keyfile
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=70_000)
    assert screen.countdown.text() == ""
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.state == "unlocked", timeout=20_000)


def default_idle() -> bool:
    from mindspace.ui.tasks import default_runner

    return default_runner().is_idle()


def test_recovery_code_unlock(
    qtbot, make_shell, new_services: AppServices, recovery_code: str, screenshot, tasks_done
) -> None:
    shell = make_shell()
    shell.start()
    screen = shell.window
    assert isinstance(screen, UnlockScreen)
    qtbot.mouseClick(screen.mode_button, Qt.MouseButton.LeftButton)
    assert screen.recovery_mode and screen.recovery_edit.isVisible()
    typo = recovery_code[:-1] + ("0" if recovery_code[-1] != "0" else "1")
    qtbot.keyClicks(screen.recovery_edit, typo)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    tasks_done()
    assert "typo" in screen.message.text()
    assert not new_services.is_unlocked
    screenshot(screen, "recovery-typo")
    screen.recovery_edit.clear()
    # tolerant of case and spaces instead of dashes
    qtbot.keyClicks(screen.recovery_edit, recovery_code.lower().replace("-", " "))
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.state == "unlocked", timeout=20_000)
    assert new_services.is_unlocked
    window = shell.main_window
    if not can_reset_with_recovery(new_services):
        pytest.skip("AppServices.reset_passphrase is not available yet")
    dialog = window.dialog
    assert isinstance(dialog, ChangePassphraseDialog)  # offered a new passphrase right away
    assert not dialog.current_edit.isVisible()
    screenshot(dialog, "set-new-passphrase")
    qtbot.keyClicks(dialog.form.passphrase_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.form.confirm_edit, NEW_PASSPHRASE)
    dialog.form.assess_now()
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.code_panel, timeout=20_000)
    new_code = dialog.code_panel.code_label.text()
    assert CODE_RE.match(new_code) and new_code != recovery_code
    dialog.code_panel.written_check.setChecked(True)
    dialog.code_panel.continue_button.click()
    new_services.lock()
    new_services.unlock(NEW_PASSPHRASE)
    assert new_services.is_unlocked


def test_change_passphrase(
    qtbot, make_shell, new_services: AppServices, recovery_code: str, screenshot, tasks_done
) -> None:
    shell = make_shell()
    shell.start()
    _unlock_via_gui(qtbot, shell)
    window = shell.main_window
    window.actions_by_name["change_passphrase"].trigger()
    dialog = window.dialog
    assert isinstance(dialog, ChangePassphraseDialog)
    qtbot.keyClicks(dialog.current_edit, "wrong current passphrase")
    qtbot.keyClicks(dialog.form.passphrase_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.form.confirm_edit, NEW_PASSPHRASE)
    dialog.form.assess_now()
    assert dialog.change_button.isEnabled()
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    tasks_done()
    assert dialog.message.text().startswith("Wrong passphrase")
    assert dialog.pages.currentWidget() is not dialog.code_panel
    dialog.current_edit.clear()
    qtbot.keyClicks(dialog.current_edit, PASSPHRASE)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.code_panel, timeout=20_000)
    new_code = dialog.code_panel.code_label.text()
    assert CODE_RE.match(new_code) and new_code != recovery_code
    screenshot(dialog, "new-recovery-code")
    dialog.reject()  # cannot be dismissed before confirming
    assert dialog.isVisible()
    dialog.code_panel.written_check.setChecked(True)
    qtbot.mouseClick(dialog.code_panel.continue_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert new_services.is_unlocked  # data stays open; only the key wrap changed
    window.actions_by_name["lock"].trigger()
    tasks_done()
    _unlock_via_gui(qtbot, shell, NEW_PASSPHRASE)
    new_services.lock()
    new_services.unlock_with_recovery(new_code)
    new_services.lock()
    with pytest.raises(Exception, match="wrong"):
        new_services.unlock(PASSPHRASE)


def test_auto_lock_after_idle(
    qtbot, make_shell, new_services: AppServices, recovery_code: str, tasks_done
) -> None:
    shell = make_shell()
    shell.start()
    _unlock_via_gui(qtbot, shell)
    assert shell.idle.interval_ms() == 5 * 60_000  # default preference: 5 minutes
    journal = shell.main_window.show_page("journal")
    tasks_done()
    qtbot.keyClicks(journal.view.body_edit, "an unsaved draft about the lighthouse")
    shell.idle.set_interval_ms(60_000)
    for _ in range(3):  # typing restarts the idle timer
        qtbot.waitUntil(lambda: shell.idle.remaining_ms() < 59_950, timeout=10_000)
        qtbot.keyClick(journal.view.body_edit, Qt.Key.Key_Space)
        assert shell.idle.remaining_ms() >= 59_950
    assert shell.state == "unlocked" and new_services.is_unlocked
    with qtbot.waitSignal(shell.idle.idle_timeout, timeout=10_000):
        shell.idle.set_interval_ms(200)  # then nothing happens for 0.2 s
    qtbot.waitUntil(lambda: shell.state == "locked", timeout=10_000)
    tasks_done()
    assert not new_services.is_unlocked
    assert "lighthouse" not in all_widget_text()
    assert "without activity" in shell.window.message.text()
    new_services.unlock(PASSPHRASE)
    drafts = new_services.journal.search("lighthouse")
    assert len(drafts) == 1  # the unsaved draft was saved before locking


def test_theme_switching_and_text_size(
    qtbot, make_shell, qapp, new_services: AppServices, recovery_code: str, screenshot, tasks_done
) -> None:
    from mindspace.ui.themes import system_font

    shell = make_shell()
    shell.start()
    _unlock_via_gui(qtbot, shell)
    window = shell.main_window
    base = system_font().pointSizeF()
    lightness = {}
    for theme, scale in (("dark", 1.5), ("high-contrast", 1.0), ("light", 0.9)):
        window.actions_by_name["preferences"].trigger()
        dialog = window.dialog
        assert isinstance(dialog, PreferencesDialog)
        dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData(theme))
        dialog.text_size_spin.setValue(round(scale * 100))
        dialog.autolock_spin.setValue(7)
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()
        QApplication.processEvents()
        lightness[theme] = qapp.palette().color(QPalette.ColorRole.Window).lightness()
        assert qapp.font().pointSizeF() == pytest.approx(base * scale, abs=0.05)
        screenshot(window, f"theme-{theme}")
    assert lightness["dark"] < 80 and lightness["high-contrast"] == 0 and lightness["light"] > 200
    prefs = new_services.load_preferences()
    assert (prefs.theme, prefs.font_scale, prefs.autolock_minutes) == ("light", 0.9, 7)
    assert shell.idle.interval_ms() == 7 * 60_000
    assert set(__import__("json").loads(new_services.preferences_path.read_text())) == {
        "theme",
        "font_scale",
        "autolock_minutes",
        "audio_input_device",
        "whisper_model_dir",
        "reminder_enabled",
        "reminder_time",
        "reminder_quiet_days",
        "start_at_login",
    }  # only these non-personal settings; the crisis region lives in the vault


def test_auto_lock_waits_while_a_new_recovery_code_is_shown(
    qtbot, make_shell, new_services: AppServices, recovery_code: str, tasks_done
) -> None:
    shell = make_shell()
    shell.start()
    _unlock_via_gui(qtbot, shell)
    window = shell.main_window
    window.open_change_passphrase()
    dialog = window.dialog
    dialog.current_edit.setText(PASSPHRASE)
    dialog.form.passphrase_edit.setText(NEW_PASSPHRASE)
    dialog.form.confirm_edit.setText(NEW_PASSPHRASE)
    dialog.form.assess_now()
    dialog.change_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.code_panel, timeout=20_000)
    shell.lock("idle")  # what the idle timer does
    assert shell.state == "unlocked" and dialog.isVisible()
    assert dialog.code_panel.code_label.text()
    dialog.code_panel.written_check.setChecked(True)
    dialog.code_panel.continue_button.click()
    shell.lock("idle")
    assert shell.state == "locked"
    tasks_done()
    assert not new_services.is_unlocked
