"""The page registry: what the main window's sidebar shows.

Each page is a `PageSpec(key, title, icon, shortcut, factory)`; `factory(services, parent)`
builds the page widget (lazily, the first time the page is shown; imports happen then too).
Pages may implement any of these optional methods, which the shell calls when present:

* `clear()` - forget every piece of user data shown (called when the vault locks, before the
  page is destroyed);
* `pending_work() -> Callable[[], Any] | None` - unsaved edits as a closure that the shell runs
  on a worker just before locking (e.g. save a journal draft);
* `new_entry()`, `focus_search()` (journal) and `start_checkin()` (mood) - targets of the main
  toolbar actions.

The first page ("today") is the one shown after unlocking.

To add a page: `register_page(PageSpec(...))` before the main window is built, or append to
`CORE_PAGES`. Shortcuts are strings for `QKeySequence` ("Ctrl+3"); icons are names of SVG files
in resources/icons/.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from mindspace.app import AppServices

PageFactory = Callable[["AppServices", "QWidget | None"], "QWidget"]


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str
    shortcut: str
    factory: PageFactory


def _journal(services: AppServices, parent: QWidget | None) -> QWidget:
    from mindspace.ui.journal_screen import JournalScreen

    return JournalScreen(services, parent)


def _mood(services: AppServices, parent: QWidget | None) -> QWidget:
    from mindspace.ui.mood_screen import MoodScreen

    return MoodScreen(services, parent)


def lazy_page(
    key: str, title: str, icon: str, shortcut: str, module: str, class_name: str
) -> PageSpec:
    """A PageSpec whose widget class `module.class_name(services, parent)` is imported on use."""

    def factory(services: AppServices, parent: QWidget | None) -> QWidget:
        import importlib

        cls = getattr(importlib.import_module(module), class_name)
        return cls(services, parent)

    return PageSpec(key, title, icon, shortcut, factory)


CORE_PAGES: list[PageSpec] = [
    lazy_page("today", "Today", "mindspace", "Ctrl+0", "mindspace.ui.today_screen", "TodayScreen"),
    PageSpec("journal", "Journal", "journal", "Ctrl+1", _journal),
    PageSpec("mood", "Mood", "mood", "Ctrl+2", _mood),
    lazy_page(
        "voice", "Voice check-in", "voice", "Ctrl+3", "mindspace.ui.voice_screen", "VoiceScreen"
    ),
    lazy_page(
        "voice-history", "Past check-ins", "voice", "", "mindspace.ui.voice_history",
        "VoiceHistory",
    ),
    lazy_page(
        "chat", "Talk it through", "chat", "Ctrl+8", "mindspace.ui.chat_screen", "ChatScreen"
    ),
    lazy_page(
        "insights", "Insights", "insights", "Ctrl+4", "mindspace.ui.insights_screen",
        "InsightsScreen",
    ),
    lazy_page(
        "safety",
        "Safety plan",
        "safety",
        "Ctrl+5",
        "mindspace.ui.safety_plan_editor",
        "SafetyPlanEditor",
    ),
    lazy_page("share", "Share", "share", "Ctrl+6", "mindspace.ui.share_screen", "ShareScreen"),
    lazy_page(
        "questionnaires", "Questionnaires", "checkin", "Ctrl+9",
        "mindspace.ui.questionnaire_screen", "QuestionnaireScreen",
    ),
    lazy_page(
        "clinician",
        "Clinician inbox",
        "clinician",
        "Ctrl+7",
        "mindspace.ui.clinician_screen",
        "ClinicianScreen",
    ),
    lazy_page(
        "models", "Models", "insights", "", "mindspace.ui.models_screen",
        "ModelsScreen",
    ),
    lazy_page(
        "audit", "Activity log", "lock", "", "mindspace.ui.audit_screen", "AuditScreen"
    ),
]

_extra: list[PageSpec] = []


def register_page(spec: PageSpec) -> None:
    """Add (or replace, by key) a page shown after the core pages."""
    _extra[:] = [p for p in _extra if p.key != spec.key]
    _extra.append(spec)


def all_pages() -> list[PageSpec]:
    core_keys = {p.key for p in CORE_PAGES}
    return [*CORE_PAGES, *(p for p in _extra if p.key not in core_keys)]
