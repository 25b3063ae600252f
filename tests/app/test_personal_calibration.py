"""Personal emotion calibration: trained from the user's corrections, adopted only when it beats
the current layer on held-out corrections, rolled back on request. Real vault, real model."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from mindspace.app import AppServices
from mindspace.app.personal_calibration import (
    ACTIVE,
    PREVIOUS,
    NotEnoughCorrections,
    split,
)
from mindspace.ml.calibration import CalibrationLayer, Example, fit, log_loss

HAPPY = [
    "We went to the beach and laughed all afternoon, it was wonderful.",
    "Got the job! I am so happy and proud of myself today.",
    "Dinner with friends was lovely, such a great evening together.",
    "The sun was out and I felt really good on my walk.",
    "My sister visited and we had so much fun baking a cake.",
    "Finished my project and celebrated with a nice meal.",
]


def fill_with_corrections(services: AppServices, n: int = 18) -> list[str]:
    """Entries the model reads as joyful; the user says joy does not fit and sadness does
    (a consistent personal disagreement a calibration layer can learn)."""
    ids = []
    start = datetime(2026, 1, 1, 9)
    for i in range(n):
        entry = services.journal.add("", HAPPY[i % len(HAPPY)] + f" Day {i}.",
                                     start + timedelta(days=i), [])
        ids.append(entry.id)
    service = services.analysis_service()
    service.reanalyze()
    for entry_id in ids:
        service.correct_label("journal", entry_id, "joy", False)
        service.correct_label("journal", entry_id, "sadness", True)
    return ids


def test_fit_recovers_a_bias_and_identity_is_neutral() -> None:
    base = CalibrationLayer.identity({"joy": 0.5, "sadness": 0.5})
    assert base.labels_for({"joy": 0.7, "sadness": 0.2}) == ["joy"]
    examples = [Example("joy", 0.8, False, f"g{i}") for i in range(30)]
    layer = fit(base, examples)
    assert layer.bias[0] < -1
    assert log_loss(layer, examples) < log_loss(base, examples)
    assert CalibrationLayer.from_bytes(layer.to_bytes()) == layer


def test_split_is_chronological_by_text() -> None:
    ex = [Example("joy", 0.5, True, f"t{i}", f"2026-01-{i + 1:02d}") for i in range(10)]
    ex += [Example("fear", 0.5, False, "t0", "2026-02-01")]
    train, held = split(ex)
    assert {e.group for e in held} == {"t7", "t8", "t9"}
    assert all(e.group != "t0" for e in held) and len(train) == 8


def test_too_few_corrections_is_a_clear_error(open_services: AppServices) -> None:
    with pytest.raises(NotEnoughCorrections, match="at least 15"):
        open_services.personal_calibration().train()


def test_better_layer_adopted_worse_rejected_and_rollback(open_services: AppServices) -> None:
    ids = fill_with_corrections(open_services)
    cal = open_services.personal_calibration()
    events: list[str] = []
    cal.on_change = lambda kind, _detail: events.append(kind)
    decision = cal.train()
    assert decision.adopted and decision.against == "shipped model"
    assert decision.n_held > 0 and decision.candidate_loss < decision.current_loss
    first = cal.active()
    assert first is not None and first.meta["metric"] == "held-out log-loss"

    # a worse candidate (it pushes every label the wrong way) is refused; nothing changes
    train, held = split(cal.examples())
    worse = CalibrationLayer(first.layer.labels, first.layer.thresholds, 1.0,
                             tuple(3.0 if lab == "joy" else -3.0 for lab in first.layer.labels))
    refused = cal.consider(worse, train, held)
    assert not refused.adopted and refused.against == "personal layer"
    assert refused.candidate_loss > refused.current_loss
    assert cal.active() is not None and cal.active().layer == first.layer  # type: ignore[union-attr]
    assert cal.previous() is None

    # the layer is used for the labels of new analyses
    entry = open_services.journal.add("", HAPPY[0], datetime(2026, 3, 1), [])
    outcome = open_services.analysis_service().analyze_journal_entry(entry.id)
    assert "joy" not in outcome.analysis.labels and "sadness" in outcome.analysis.labels

    cal.use_none()
    assert cal.active() is None and cal.previous() is not None
    assert cal.labels_for({"joy": 0.9}) is None
    cal.use_previous()
    assert cal.active() is not None and cal.active().layer == first.layer  # type: ignore[union-attr]
    assert events == ["personal-calibration.adopted", "personal-calibration.rejected",
                      "personal-calibration.rolled-back", "personal-calibration.rolled-back"]
    kinds = [h["kind"] for h in cal.history()]
    assert kinds == ["rolled-back", "rolled-back", "rejected", "adopted"]
    assert len(ids) == 18
    _ = (ACTIVE, PREVIOUS)


def test_state_survives_lock_and_unlock(open_services: AppServices, passphrase: str) -> None:
    fill_with_corrections(open_services)
    assert open_services.personal_calibration().train().adopted
    open_services.lock()
    open_services.unlock(passphrase)
    assert open_services.personal_calibration().active() is not None
