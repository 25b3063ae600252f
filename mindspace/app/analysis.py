"""AnalysisService: analyse saved journal entries, mood notes and transcripts, store the result.

Contract
--------
* Every method blocks (model inference + DB); call from a worker thread, never the GUI thread.
  Methods raise ``VaultLockedError`` if the vault locks meanwhile and ``NotFoundError`` for an
  unknown id; nothing is stored then.
* A result is stored under (source type, id, model id). The model id names the emotion model
  and, when it took part, the crisis screen's learned layer
  (``text-emotion@1.0.1+crisis-classifier@1.1.0+sentence-encoder@1.1.1``), so an update of
  either makes :meth:`AnalysisService.reanalyze` redo the entries. When the emotion model is
  unavailable the crisis screen and sentiment are still stored under ``NO_MODEL_ID`` (plus the
  crisis model), and re-analysis adds the full result once the model is back.
* ``AnalysisOutcome.show_crisis_panel`` follows ``core.rules.opens_support_panel``: the UI then
  shows the calm, non-blocking crisis panel. The screen is not a diagnosis.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from mindspace.core.rules import opens_support_panel
from mindspace.ml.text_analyzer import Cancelled, TextAnalysis, TextAnalyzer
from mindspace.storage.analysis import AnalysisStore
from mindspace.storage.journal import JournalRepository
from mindspace.storage.mood import MoodRepository

NO_MODEL_ID = "crisis-sentiment-only"


def stored_model_id(emotion_model: str | None, crisis_model: str | None) -> str:
    """The id a result is stored under: the emotion model (or ``NO_MODEL_ID``), then the crisis
    screen's learned layer when it took part."""
    return "+".join([emotion_model or NO_MODEL_ID, *([crisis_model] if crisis_model else [])])


@dataclass(frozen=True)
class AnalysisOutcome:
    source_type: str
    source_id: str
    analysis: TextAnalysis
    model_id: str

    @property
    def show_crisis_panel(self) -> bool:
        return opens_support_panel(self.analysis.crisis.level)


class AnalysisService:
    def __init__(self, analyzer: TextAnalyzer, store: AnalysisStore,
                 journal: JournalRepository, mood: MoodRepository) -> None:
        self.analyzer = analyzer
        self.store = store
        self._journal = journal
        self._mood = mood
        # the user's personal label layer (None: the shipped model's labels)
        self.personal_labels: Callable[[dict[str, float]], list[str] | None] | None = None

    @property
    def current_model_id(self) -> str:
        return stored_model_id(self.analyzer.model_id, self.analyzer.crisis_model_id)

    def _store(self, source_type: str, source_id: str, text: str, at: datetime,
               updated: datetime) -> AnalysisOutcome:
        analysis = self.analyzer.analyze(text)
        if self.personal_labels is not None and analysis.emotions is not None:
            labels = self.personal_labels(analysis.emotions)
            if labels is not None:
                analysis = replace(analysis, labels=labels)
        model_id = stored_model_id(analysis.model, analysis.crisis.model)
        self.store.save(source_type, source_id, model_id, analysis.to_dict(), at, updated)
        return AnalysisOutcome(source_type, source_id, analysis, model_id)

    def analyze_journal_entry(self, entry_id: str) -> AnalysisOutcome:
        entry = self._journal.get(entry_id)
        text = f"{entry.title}\n{entry.body}" if entry.title else entry.body
        return self._store("journal", entry.id, text, entry.entry_at,
                           entry.updated_at or entry.entry_at)

    def analyze_mood_checkin(self, checkin_id: str) -> AnalysisOutcome | None:
        """None when the check-in has no note (nothing to analyse)."""
        checkin = self._mood.get(checkin_id)
        if not checkin.note.strip():
            return None
        return self._store("mood", checkin.id, checkin.note, checkin.checkin_at,
                           checkin.updated_at or checkin.checkin_at)

    def analyze_transcript(self, transcript_id: str, text: str, at: datetime) -> AnalysisOutcome:
        return self._store("transcript", transcript_id, text, at, at)

    def reanalyze(self, progress: Callable[[int, int], None] | None = None,
                  cancel: threading.Event | None = None) -> int:
        """Analyse every entry/note lacking a result from the current model (or edited since).
        Returns how many were analysed; raises Cancelled when ``cancel`` is set."""
        todo = self.store.needs_reanalysis(self.current_model_id)
        for done, (source_type, source_id) in enumerate(todo, 1):
            if cancel is not None and cancel.is_set():
                raise Cancelled("re-analysis cancelled")
            if source_type == "journal":
                self.analyze_journal_entry(source_id)
            else:
                self.analyze_mood_checkin(source_id)
            if progress is not None:
                progress(done, len(todo))
        return len(todo)


    def correct_label(self, source_type: str, source_id: str, label: str, present: bool) -> None:
        stored = self.store.get(source_type, source_id)
        self.store.set_correction(source_type, source_id, label, present,
                                  stored.model_id if stored else None)
