"""A bug inside a model layer is logged (without the user's words) and shown, never swallowed."""

from __future__ import annotations

import logging

import pytest

from mindspace.ml.crisis import CrisisDetector
from mindspace.ml.crisis_model import ModelLayer
from mindspace.ml.text_analyzer import TextAnalyzer

SECRET = "I have the pills ready tonight zebra-canary"


class _Broken:
    """A loaded model whose inference hits a bug that quotes its input."""

    model_id = "crisis-classifier@test"
    threshold = 0.5

    def score_units(self, units: list[str]) -> list[float]:
        raise KeyError(units[0])


def _broken_loader() -> _Broken:
    raise TypeError(f"bad argument {SECRET}")


@pytest.mark.parametrize("loader", [_broken_loader, lambda: _Broken()])
def test_crisis_layer_bug_is_logged_and_marked(loader, caplog: pytest.LogCaptureFixture) -> None:
    detector = CrisisDetector(model=ModelLayer(loader))  # type: ignore[arg-type]
    with caplog.at_level(logging.WARNING, logger="mindspace.ml"):
        result = detector.detect(SECRET)
    plain = CrisisDetector().detect(SECRET)
    assert result.level == plain.level == "urgent"  # the pattern screen's answer stands
    assert result.model_error is not None and "internal error" in result.model_error
    assert SECRET not in result.model_error
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors, "the failure must be logged"
    assert all("zebra-canary" not in r.getMessage() for r in caplog.records)
    assert "test_model_failures.py" in errors[0].getMessage() or "crisis_model.py" in (
        errors[0].getMessage()
    )


def test_emotion_model_bug_keeps_crisis_and_sentiment(caplog: pytest.LogCaptureFixture) -> None:
    def loader() -> object:
        raise ZeroDivisionError(SECRET)

    analyzer = TextAnalyzer(loader, crisis=CrisisDetector())  # type: ignore[arg-type]
    with caplog.at_level(logging.WARNING, logger="mindspace.ml"):
        result = analyzer.analyze(SECRET)
    assert result.crisis.level == "urgent" and result.emotions is None
    assert result.emotion_error and "internal error (ZeroDivisionError)" in result.emotion_error
    assert SECRET not in result.emotion_error
    assert any(r.levelno >= logging.ERROR for r in caplog.records)
    assert all("zebra-canary" not in r.getMessage() for r in caplog.records)
