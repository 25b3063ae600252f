"""Load the models in the background after unlocking, so the first voice import, share
preview or companion reply does not wait for them.

One low-priority job on the shared runner: it takes a single worker (the others stay free for
the person's own work) and waits behind any job already queued. A model that fails to load here
is reported when it is used, as before.
"""

from __future__ import annotations

import contextlib
import importlib
from typing import TYPE_CHECKING

from mindspace.ui.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from mindspace.app import AppServices

WARMUP_PRIORITY = -10


def warm_models(services: AppServices) -> None:
    """Build and load the text analyzer (emotion and crisis models, by one short analysis), the
    companion chat (its content and intent models, so the first reply on the chat page comes
    quickly) and the speech model (worker thread; errors are left for the real use to
    report)."""
    with contextlib.suppress(Exception):
        services.text_analyzer().analyze("warming up")
    with contextlib.suppress(Exception):
        services.companion_engine()
    with contextlib.suppress(Exception):
        services.transcriber()


def compile_screen() -> None:
    importlib.import_module("mindspace.app.screen")  # compiles the patterns on import


def start_screen_warmup(runner: TaskRunner) -> Task:
    """Compile the crisis patterns (about half a second) while the unlock window waits for the
    passphrase, so building the main window after unlock does not pay for it on the GUI
    thread."""
    return runner.submit(
        lambda: compile_screen(),
        name="warm-screen",
        on_failure=lambda _exc: None,
    )


def start_warmup(services: AppServices, runner: TaskRunner) -> Task:
    return runner.submit(
        lambda: warm_models(services),
        name="warm-models",
        priority=WARMUP_PRIORITY,
        on_failure=lambda _exc: None,
    )
