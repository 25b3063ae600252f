"""The main window: sidebar navigation, stacked pages, menus, toolbar and shortcuts.

Pages come from `mindspace.ui.pages` and are built the first time they are shown. The window
never locks the vault itself: it emits `lock_requested` / `quit_requested` and the shell
(`mindspace.ui.application.Shell`) tears it down with `clear_all()`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.ui.pages import PageSpec, all_pages
from mindspace.ui.tasks import TaskRunner, default_runner
from mindspace.ui.themes import icon

ABOUT_TEXT = (
    "<h3>MindSpace</h3><p>A private journal and mood tracker. Everything stays on this computer, "
    "encrypted; nothing is sent anywhere.</p><p><b>MindSpace is not a medical device and does "
    "not diagnose.</b> Its chat companion is a self-help companion, not a therapist: it offers "
    "exercises and ideas from cognitive behavioural therapy and cannot assess risk. If you are "
    "in crisis or thinking about harming yourself, call your local emergency number now.</p>"
    "<p>Free software: GPL-3.0-or-later. You may share and change it "
    "under the terms of the GNU General Public License, version 3 or later. It comes with "
    "<b>no warranty</b>.</p>"
)


class Sidebar(QListWidget):
    """Section list whose width follows its font (so it grows with the text size)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        fm = self.fontMetrics()
        texts = [self.item(i).text() for i in range(self.count())] or ["Journal"]
        width = max(fm.horizontalAdvance(t) for t in texts) + self.iconSize().width()
        return QSize(width + fm.height() * 3, super().sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()


class MainWindow(QMainWindow):
    lock_requested = Signal()
    quit_requested = Signal()
    preferences_saved = Signal(object)  # Preferences
    page_changed = Signal(str)

    def __init__(
        self,
        services: AppServices,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
        pages: list[PageSpec] | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self.specs = pages if pages is not None else all_pages()
        self._pages: dict[str, QWidget] = {}
        self._placeholders: dict[str, QWidget] = {}
        self._holder_layouts: dict[str, QHBoxLayout] = {}
        self.dialog: QWidget | None = None
        self._unstyled: list[tuple[int, QScrollArea]] = []  # pages waiting for a new style sheet
        self.close_means_quit = False  # the shell sets this: closing the window quits the app
        self.setWindowTitle("MindSpace")
        self.setWindowIcon(icon("mindspace"))
        self.sidebar = Sidebar()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Sections")
        self.sidebar.setIconSize(QSize(24, 24))
        self.stack = QStackedWidget()
        self._frames: dict[str, QScrollArea] = {}
        for spec in self.specs:
            item = QListWidgetItem(icon(spec.icon), spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(f"{spec.title} ({spec.shortcut})" if spec.shortcut else spec.title)
            self.sidebar.addItem(item)
            holder = QWidget()
            self._holder_layouts[spec.key] = QHBoxLayout(holder)
            self._holder_layouts[spec.key].setContentsMargins(0, 0, 0, 0)
            self._placeholders[spec.key] = holder
            # a page taller than the window (small screen, large text) scrolls; it never
            # makes the window grow
            frame = QScrollArea()
            frame.setWidget(holder)
            frame.setWidgetResizable(True)
            frame.setFrameShape(QFrame.Shape.NoFrame)
            frame.setAccessibleName(f"{spec.title} page")
            self._frames[spec.key] = frame
            self.stack.addWidget(frame)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.actions_by_name: dict[str, QAction] = {}
        self._build_actions()
        self.sidebar.currentRowChanged.connect(self._row_changed)
        self.statusBar().addPermanentWidget(QLabel("Unlocked"))
        height = self.fontMetrics().height()
        self.resize(height * 70, height * 44)
        if self.specs:
            self.sidebar.setCurrentRow(0)

    # ---- actions --------------------------------------------------------------------------
    def _action(
        self, name: str, text: str, shortcut: str, slot: Callable[[], Any], icon_name: str = ""
    ) -> QAction:
        action = QAction(icon(icon_name) if icon_name else QIcon(), text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text.replace('&', '').rstrip('.')} ({shortcut})")
        action.triggered.connect(lambda _checked=False: slot())
        self.actions_by_name[name] = action
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        lock = a("lock", "&Lock", "Ctrl+L", self.lock_requested.emit, "lock")
        new = a("new_entry", "&New entry", "Ctrl+N", self.new_entry, "new-entry")
        search = a("search", "&Search journal", "Ctrl+F", self.focus_search, "search")
        checkin = a("checkin", "&Mood check-in", "Ctrl+M", self.start_checkin, "checkin")
        prefs = a("preferences", "&Preferences...", "Ctrl+,", self.open_preferences, "preferences")
        change = a("change_passphrase", "&Change passphrase...", "", self.open_change_passphrase)
        research = a("research", "&Research study...", "", self.open_research)
        quit_ = a("quit", "&Quit", "Ctrl+Q", self.quit_requested.emit)
        about = a("about", "&About MindSpace", "", self.show_about)
        import_daylio = a("import_daylio", "&Import from Daylio...", "", self.open_import_daylio)
        export_data = a("export_data", "&Export my data...", "", self.open_export_data)
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        for action in (new, checkin):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (import_daylio, export_data):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (lock, change):
            file_menu.addAction(action)
        file_menu.addAction(research)
        file_menu.addSeparator()
        file_menu.addAction(quit_)
        edit_menu = menu.addMenu("&Edit")
        edit_menu.addAction(search)
        edit_menu.addSeparator()
        edit_menu.addAction(prefs)
        view_menu = menu.addMenu("&View")
        for spec in self.specs:
            action = a(f"page:{spec.key}", spec.title, spec.shortcut, self._show_page_cb(spec.key))
            view_menu.addAction(action)
        menu.addMenu("&Help").addAction(about)
        toolbar = QToolBar("Main toolbar")
        toolbar.setObjectName("main-toolbar")
        toolbar.setAccessibleName("Main toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        for action in (new, search, checkin):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(lock)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        for action in toolbar.actions():
            button = toolbar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(action.text().replace("&", ""))

    def _show_page_cb(self, key: str) -> Callable[[], Any]:
        return lambda: self.show_page(key)

    # ---- pages ----------------------------------------------------------------------------
    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            self.show_page(self.specs[row].key)

    def page(self, key: str) -> QWidget | None:
        """The page widget for `key`, building it on first use (None for unknown keys)."""
        if key in self._pages:
            return self._pages[key]
        spec = next((s for s in self.specs if s.key == key), None)
        if spec is None:
            return None
        holder = self._placeholders[key]
        widget = spec.factory(self.services, holder)
        self._holder_layouts[key].addWidget(widget)
        self._pages[key] = widget
        return widget

    # ---- style ----------------------------------------------------------------------------
    def restyle(self, sheet: str) -> None:
        """Take a new style sheet without freezing: the visible page and the window's own parts
        now, every other built page on its own turn of the event loop (a page out of the window
        is not re-polished with it). A page asked for meanwhile catches up at once."""
        self._reattach_all()
        current = self.stack.currentWidget()
        built = {id(self._frames[key]) for key in self._pages}
        for index in range(self.stack.count() - 1, -1, -1):
            frame = self.stack.widget(index)
            if frame is current or id(frame) not in built or not isinstance(frame, QScrollArea):
                continue
            self.stack.removeWidget(frame)
            frame.setParent(None)
            self._unstyled.insert(0, (index, frame))
        self.setStyleSheet(sheet)
        if self._unstyled:
            QTimer.singleShot(0, self._reattach_next)

    def _reattach_next(self) -> None:
        if not self._unstyled:
            return
        index, frame = self._unstyled.pop(0)
        self.stack.insertWidget(index, frame)
        if self._unstyled:
            QTimer.singleShot(0, self._reattach_next)

    def _reattach_all(self) -> None:
        while self._unstyled:
            self._reattach_next()

    def restyle_pending(self) -> bool:
        return bool(self._unstyled)

    def show_page(self, key: str) -> QWidget | None:
        self._reattach_all()
        widget = self.page(key)
        if widget is None:
            return None
        index = next(i for i, s in enumerate(self.specs) if s.key == key)
        self.stack.setCurrentWidget(self._frames[key])
        if self.sidebar.currentRow() != index:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(index)
            self.sidebar.blockSignals(False)
        self.page_changed.emit(key)
        return widget

    def current_page_key(self) -> str:
        row = self.sidebar.currentRow()
        return self.specs[row].key if 0 <= row < len(self.specs) else ""

    def built_pages(self) -> dict[str, QWidget]:
        return dict(self._pages)

    def _call_page(self, key: str, method: str) -> None:
        widget = self.show_page(key)
        fn = getattr(widget, method, None)
        if callable(fn):
            fn()

    def new_entry(self) -> None:
        self._call_page("journal", "new_entry")

    def focus_search(self) -> None:
        self._call_page("journal", "focus_search")

    def start_checkin(self) -> None:
        self._call_page("mood", "start_checkin")

    # ---- dialogs --------------------------------------------------------------------------
    def _open_dialog(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]

    def _dialog_closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def open_preferences(self) -> None:
        from mindspace.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.services, self)
        dialog.preferences_saved.connect(self.preferences_saved)
        self._open_dialog(dialog)

    def open_import_daylio(self) -> None:
        from mindspace.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.services, self, runner=self.runner)
        dialog.imported.connect(
            lambda report: self.statusBar().showMessage(
                f"Imported {report.new_checkins} check-ins from Daylio.", 10_000)
        )
        self._open_dialog(dialog)

    def open_export_data(self) -> None:
        from mindspace.ui.export_dialog import ExportDialog

        self._open_dialog(ExportDialog(self.services, self, runner=self.runner))

    def open_change_passphrase(self, recovery_code: str = "") -> None:
        from mindspace.ui.change_passphrase_dialog import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(
            self.services, self, runner=self.runner, recovery_code=recovery_code
        )
        dialog.passphrase_changed.connect(
            lambda: self.statusBar().showMessage("Passphrase changed.", 10_000)
        )
        self._open_dialog(dialog)

    def open_research(self) -> None:
        from mindspace.ui.research_dialog import ResearchDialog

        self._open_dialog(ResearchDialog(self.services, self, runner=self.runner))

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle("About MindSpace")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(ABOUT_TEXT)
        box.setIconPixmap(icon("mindspace").pixmap(64, 64))
        ok = box.addButton(QMessageBox.StandardButton.Ok)
        ok.setAccessibleName("Close")
        self._open_dialog(box)

    def show_vault_damage(self, problems: list[str], what_to_do: str) -> None:
        """The background check found damage: say what, and what to do, without blocking."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Part of your vault is damaged")
        box.setText("MindSpace checked your vault and found damage.\n\n" + what_to_do)
        box.setDetailedText("\n".join(problems))
        box.setAccessibleName("Vault damage found")
        ok = box.addButton(QMessageBox.StandardButton.Ok)
        ok.setAccessibleName("Close")
        self.statusBar().showMessage("Vault check: damage found.", 0)
        self._open_dialog(box)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self._reattach_all()
        if self.close_means_quit:
            event.ignore()
            self.quit_requested.emit()
        else:
            super().closeEvent(event)

    # ---- locking --------------------------------------------------------------------------
    def blocks_auto_lock(self) -> bool:
        """True while a passphrase change is running or its new recovery code is on screen."""
        return bool(getattr(self.dialog, "in_critical_step", False))

    def pending_work(self) -> list[Callable[[], Any]]:
        """Unsaved edits of every built page, as closures to run before the vault locks."""
        work = []
        for widget in self._pages.values():
            fn = getattr(widget, "pending_work", None)
            item = fn() if callable(fn) else None
            if item is not None:
                work.append(item)
        return work

    def clear_all(self) -> None:
        """Close dialogs, clear every page and drop them (no user text stays in any widget)."""
        self._reattach_all()
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
        for key, widget in list(self._pages.items()):
            fn = getattr(widget, "clear", None)
            if callable(fn):
                fn()
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
            del self._pages[key]
        self.statusBar().clearMessage()
