"""Stored analyses, re-analysis after a model update, corrections, safety plan, region."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from mindspace.app import AppServices
from mindspace.app.analysis import NO_MODEL_ID, AnalysisService
from mindspace.core.entities import SAFETY_PLAN_STEPS
from mindspace.ml.text_analyzer import TextAnalyzer
from mindspace.storage.errors import NotFoundError, ValidationError, VaultLockedError

RESULT = {
    "emotions": {"joy": 0.8, "sadness": 0.1}, "labels": ["joy"],
    "sentiment": {"compound": 0.5, "pos": 0.5, "neu": 0.5, "neg": 0.0},
    "crisis": {"level": "none", "score": 0.0, "reasons": []},
}


def test_service_analyses_and_stores_with_model_version(open_services: AppServices) -> None:
    entry = open_services.journal.add("Rough day", "I feel hopeless and trapped.")
    svc = open_services.analysis_service()
    outcome = svc.analyze_journal_entry(entry.id)
    assert outcome.show_crisis_panel and outcome.analysis.crisis.level == "concern"
    stored = open_services.analyses.get("journal", entry.id)
    assert stored is not None and stored.model_id == outcome.model_id
    assert stored.model_id.startswith("text-emotion@")
    assert "+crisis-classifier@" in stored.model_id and stored.model_id == svc.current_model_id
    assert stored.crisis_level == "concern" and stored.emotions is not None
    happy = open_services.mood.add(5, note="Lovely walk with friends")
    mood_outcome = svc.analyze_mood_checkin(happy.id)
    assert mood_outcome is not None and not mood_outcome.show_crisis_panel
    assert svc.analyze_mood_checkin(open_services.mood.add(3).id) is None  # no note
    with pytest.raises(NotFoundError):
        svc.analyze_journal_entry("nope")


def test_needs_reanalysis_after_model_update_and_after_edit(open_services: AppServices) -> None:
    store = open_services.analyses
    e1 = open_services.journal.add("a", "first")
    e2 = open_services.journal.add("b", "second")
    for e in (e1, e2):
        store.save("journal", e.id, "text-emotion@1.0.0", RESULT, e.entry_at, e.updated_at)
    assert store.needs_reanalysis("text-emotion@1.0.0") == []
    assert {s for _, s in store.needs_reanalysis("text-emotion@2.0.0")} == {e1.id, e2.id}
    edited = open_services.journal.update(e1.id, body="changed")
    assert e1.updated_at is not None
    if edited.updated_at == e1.updated_at:  # same second: force a visible change
        store.save("journal", e1.id, "text-emotion@1.0.0", RESULT, e1.entry_at,
                   e1.updated_at - timedelta(seconds=1))
    assert store.needs_reanalysis("text-emotion@1.0.0") == [("journal", e1.id)]
    # the old model's rows stay until re-analysis replaces them
    store.save("journal", e1.id, "text-emotion@2.0.0", RESULT, e1.entry_at, edited.updated_at)
    assert store.get("journal", e1.id, "text-emotion@1.0.0") is not None
    assert store.get("journal", e1.id).model_id == "text-emotion@2.0.0"


def test_reanalyze_all_with_real_model(open_services: AppServices) -> None:
    open_services.journal.add("x", "I am so happy")
    open_services.mood.add(2, note="I'm scared about tomorrow")
    svc = open_services.analysis_service()
    seen: list[tuple[int, int]] = []
    assert svc.reanalyze(progress=lambda d, t: seen.append((d, t))) == 2
    assert seen[-1] == (2, 2)
    assert svc.reanalyze() == 0


def test_a_crisis_model_update_alone_makes_entries_stale(open_services: AppServices) -> None:
    svc = open_services.analysis_service()
    emotion_id, crisis_id = svc.analyzer.model_id, svc.analyzer.crisis_model_id
    assert emotion_id and crisis_id and svc.current_model_id == f"{emotion_id}+{crisis_id}"
    entry = open_services.journal.add("x", "Long walk, then soup.")
    # stored by the same emotion model together with an older crisis model
    open_services.analyses.save("journal", entry.id, f"{emotion_id}+crisis-classifier@0.9.0",
                                RESULT, entry.entry_at, entry.updated_at)
    assert svc.reanalyze() == 1
    assert open_services.analyses.get("journal", entry.id).model_id == svc.current_model_id
    assert svc.reanalyze() == 0


def test_without_model_stores_crisis_and_sentiment(
    open_services: AppServices, tmp_path: Path
) -> None:
    from mindspace.ml.emotion_model import EmotionModel
    from mindspace.ml.registry import ModelRegistry

    analyzer = TextAnalyzer(lambda: EmotionModel.load(ModelRegistry(tmp_path)))
    svc = AnalysisService(
        analyzer, open_services.analyses, open_services.journal, open_services.mood
    )
    entry = open_services.journal.add("t", "I want to kill myself")
    outcome = svc.analyze_journal_entry(entry.id)
    assert outcome.model_id.startswith(NO_MODEL_ID) and outcome.show_crisis_panel
    stored = open_services.analyses.get("journal", entry.id)
    assert stored.emotions is None and stored.crisis_level == "urgent"
    assert svc.current_model_id == outcome.model_id


def test_daily_emotion_means(open_services: AppServices) -> None:
    store = open_services.analyses
    day = datetime(2026, 3, 1, 9, 0)
    for i, joy in enumerate((0.2, 0.6)):
        e = open_services.journal.add("d", f"entry {i}", entry_at=day + timedelta(hours=i))
        store.save("journal", e.id, "m@1", {**RESULT, "emotions": {"joy": joy}}, e.entry_at,
                   e.updated_at)
    later = open_services.journal.add("d", "later", entry_at=day + timedelta(days=2))
    store.save("journal", later.id, "m@1", {**RESULT, "emotions": {"joy": 1.0}}, later.entry_at,
               later.updated_at)
    trend = store.daily_emotions(date(2026, 3, 1), date(2026, 3, 3))
    assert [t.day for t in trend] == [date(2026, 3, 1), date(2026, 3, 3)]
    assert trend[0].means["joy"] == pytest.approx(0.4) and trend[0].count == 2
    assert store.daily_emotions(date(2026, 3, 2), date(2026, 3, 2)) == []


def test_corrections_and_cascade_on_delete(open_services: AppServices) -> None:
    store = open_services.analyses
    e = open_services.journal.add("t", "body")
    store.save("journal", e.id, "m@1", RESULT, e.entry_at, e.updated_at)
    open_services.analysis_service().correct_label("journal", e.id, "Sadness", True)
    store.set_correction("journal", e.id, "joy", False)
    got = {c["label"]: c["present"] for c in store.corrections("journal", e.id)}
    assert got == {"sadness": True, "joy": False}
    assert store.corrections()[0]["model_id"] == "m@1"
    with pytest.raises(ValidationError):
        store.set_correction("journal", e.id, "", True)
    open_services.journal.delete(e.id)
    assert store.get("journal", e.id) is None and store.corrections() == []


def test_safety_plan_and_region_survive_lock(open_services: AppServices, passphrase: str) -> None:
    store = open_services.analyses
    assert store.safety_plan() == {s: [] for s, _ in SAFETY_PLAN_STEPS}
    store.save_safety_plan({"warning_signs": ["Not sleeping", "  "], "reasons_for_living": ["Mia"]})
    with pytest.raises(ValidationError):
        store.save_safety_plan({"warning_signs": ["x" * 501]})
    with pytest.raises(ValidationError):
        store.save_safety_plan({"bogus": ["x"]})
    store.set_region("gb")
    open_services.lock()
    with pytest.raises(VaultLockedError):
        _ = open_services.analyses
    open_services.unlock(passphrase)
    plan = open_services.analyses.safety_plan()
    assert plan["warning_signs"] == ["Not sleeping"] and plan["reasons_for_living"] == ["Mia"]
    assert open_services.analyses.region() == "GB"
    raw = (open_services.data_dir / "vault.db").read_bytes()
    assert b"Not sleeping" not in raw and b"SQLite format 3" not in raw[:16]
