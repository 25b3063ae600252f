"""Per-entry insights: analyse saved text in the background, show the emotions, and open the
crisis panel when the words show risk.

`EntryInsights` is owned by a screen (journal, mood). After a save the screen calls `analyse`;
when an entry is opened it calls `show_stored`. Analysis (model inference + vault writes) runs
on the task runner; results arrive on the GUI thread. The crisis panel is non-blocking: it
appears inline above the screen and the person can keep writing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from mindspace.app.screen import level_rank, screen_text
from mindspace.core.rules import opens_support_panel

if TYPE_CHECKING:
    from mindspace.app import AppServices
    from mindspace.ui.crisis_panel import CrisisPanel
    from mindspace.ui.emotion_chips import EmotionChips
    from mindspace.ui.tasks import TaskRunner


# Shown when the learned layer of the crisis screen could not run (the patterns still did).
SCREEN_FALLBACK_NOTICE = (
    "Safety screen: patterns only this time (its learned part could not run)."
)


class EntryInsights(QObject):
    analysed = Signal(str, str, str)  # source type, source id, crisis level
    failed = Signal(str)

    def __init__(
        self,
        services: AppServices,
        runner: TaskRunner,
        panel: CrisisPanel,
        chips: EmotionChips | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.panel = panel
        self.chips = chips
        self._shown: tuple[str, str] | None = None

    def screen_now(self, source_type: str, text: str) -> str:
        """The pattern screen on the text being saved, on the spot (no model, no vault, no
        worker): the support panel opens at once when it flags. Returns the level."""
        screened = screen_text(text)
        if screened.opens_support_panel:
            self.panel.show_for(screened.level, list(screened.reasons), (source_type, None))
            if self.chips is not None:
                self.chips.hide_for_crisis()
        return screened.level

    def analyse(self, source_type: str, source_id: str) -> None:
        """Analyse a saved journal entry ("journal") or mood check-in note ("mood")."""
        services = self.services
        self._shown = (source_type, source_id)
        self.panel.adopt((source_type, source_id))

        def work() -> Any:
            service = services.analysis_service()
            if source_type == "journal":
                return service.analyze_journal_entry(source_id)
            return service.analyze_mood_checkin(source_id)

        self.runner.submit(
            work,
            name=f"analyse-{source_type}",
            owner=self,
            on_success=self._show_outcome,
            on_failure=lambda exc: self.failed.emit(str(exc)),
        )

    def show_stored(self, source_type: str, source_id: str) -> None:
        """Show the stored result of an entry that was analysed before (nothing if none); a
        support panel raised by another entry goes, this entry's own comes back."""
        self._shown = (source_type, source_id)
        self.panel.release((source_type, source_id))
        analyses = self.services.analyses
        self.runner.submit(
            lambda: analyses.get(source_type, source_id),
            name="load-analysis",
            owner=self,
            on_success=lambda stored: self._show_stored(source_type, source_id, stored),
            on_failure=lambda exc: self.failed.emit(str(exc)),
        )

    def clear(self) -> None:
        """No entry shown (a new one, or locked): the panel of the last entry goes too."""
        self._shown = None
        self.panel.release(None)
        if self.chips is not None:
            self.chips.reset()

    def _show_stored(self, source_type: str, source_id: str, stored: Any) -> None:
        if stored is None or self._shown != (source_type, source_id):
            return
        flagged = opens_support_panel(stored.crisis_level)
        if flagged and self.panel.owner != (source_type, source_id):
            self.panel.show_for(stored.crisis_level, list(stored.crisis_reasons),
                                (source_type, source_id))
        if self.chips is None:
            return
        self.chips.show_result(
            source_type,
            source_id,
            stored.emotions,
            float(stored.sentiment.get("compound", 0.0)),
            stored.labels,
            flagged=flagged,
            language=stored.language,
            english_only=stored.english_only,
        )

    def _show_outcome(self, outcome: Any) -> None:
        if outcome is None:  # a mood check-in without a note
            return
        analysis = outcome.analysis
        key = (outcome.source_type, outcome.source_id)
        flagged = outcome.show_crisis_panel or (
            self.panel.owner == key and self.panel.isVisible()
        )
        if self.chips is not None and self._shown == key:
            self.chips.show_result(
                outcome.source_type,
                outcome.source_id,
                analysis.emotions,
                analysis.sentiment.compound,
                analysis.labels,
                SCREEN_FALLBACK_NOTICE if analysis.crisis.model_error else None,
                flagged=flagged,
                language=analysis.language,
                english_only=analysis.english_only,
            )
        # the learned layer may raise what the patterns showed on saving, never lower it
        mine = self.panel.owner == key and self.panel.isVisible()
        raises = level_rank(analysis.crisis.level) > level_rank(self.panel.level if mine else None)
        if outcome.show_crisis_panel and raises and (self._shown == key or mine):
            self.panel.show_for(analysis.crisis.level, list(analysis.crisis.reasons), key)
        self.analysed.emit(outcome.source_type, outcome.source_id, analysis.crisis.level)
