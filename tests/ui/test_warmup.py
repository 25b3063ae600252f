"""Models are loaded in the background once the vault is unlocked, on one low-priority worker."""
# mypy: disable-error-code="no-untyped-def"

from __future__ import annotations

import threading

import pytest

from mindspace.app import AppServices
from mindspace.ui import warmup
from tests.ui.test_shell_story import _unlock_via_gui

pytestmark = pytest.mark.gui


def test_unlocking_starts_the_warm_up_off_the_gui_thread(
    qtbot, make_shell, new_services: AppServices, recovery_code: str, monkeypatch, tasks_done
) -> None:
    calls: list[tuple[AppServices, bool]] = []
    monkeypatch.setattr(
        warmup, "warm_models",
        lambda services: calls.append((services, threading.current_thread() is main)),
    )
    main = threading.main_thread()
    shell = make_shell()
    shell.start()
    assert calls == []  # nothing before the vault is open
    _unlock_via_gui(qtbot, shell)
    qtbot.waitUntil(lambda: bool(calls), timeout=10_000)
    assert calls == [(new_services, False)]
    tasks_done()


def test_warm_up_loads_both_models_and_survives_a_missing_one() -> None:
    loaded: list[str] = []

    class Analyzer:
        def analyze(self, text: str) -> None:
            loaded.append("text")

    class Services:
        def text_analyzer(self) -> Analyzer:
            return Analyzer()

        def transcriber(self) -> None:
            loaded.append("speech")
            raise RuntimeError("speech model missing")  # reported later, when it is used

    warmup.warm_models(Services())  # type: ignore[arg-type]
    assert loaded == ["text", "speech"]


def test_warm_up_is_low_priority(qtbot, monkeypatch) -> None:
    from mindspace.ui.tasks import TaskRunner

    priorities: list[int] = []
    runner = TaskRunner(max_threads=1)
    monkeypatch.setattr(runner._pool, "start", lambda job, priority=0: priorities.append(priority))
    warmup.start_warmup(object(), runner)  # type: ignore[arg-type]
    assert priorities == [warmup.WARMUP_PRIORITY] and warmup.WARMUP_PRIORITY < 0


def test_crisis_patterns_compile_off_the_gui_thread_while_the_unlock_window_waits(
    qtbot, make_shell, new_services: AppServices, recovery_code: str, monkeypatch, tasks_done
) -> None:
    imported: list[bool] = []
    main = threading.main_thread()
    monkeypatch.setattr(
        warmup, "compile_screen", lambda: imported.append(threading.current_thread() is main))
    shell = make_shell()
    shell.start()  # the vault exists: the unlock window waits for the passphrase
    qtbot.waitUntil(lambda: bool(imported), timeout=10_000)
    assert imported == [False]
    tasks_done()
