"""Personal emotion calibration: the user's label corrections train a small layer on top of the
shipped emotion model (see :mod:`mindspace.ml.calibration`), adopted only when it does better.

Contract
--------
* Examples: each stored correction (``emotion_corrections``) of one of the model's 7 labels,
  paired with the model's probability for that label in the most recent stored analysis of the
  same text. Corrections of texts never analysed by the model are skipped.
* Split (chronological, by text): texts are ordered by their first correction; the most recent
  :data:`HELD_OUT_FRACTION` (30 %) of texts are held out, the rest train the candidate. All
  corrections of one text fall on the same side. At least :data:`MIN_TRAIN` training and
  :data:`MIN_HELD` held-out corrections are needed.
* Gate: the candidate is adopted only if its mean log-loss on the held-out corrections is lower
  than the current layer's (or the shipped model's, when no layer is active) on the same
  corrections. Accuracy at 0.5 is reported alongside.
* Storage: the vault's ``personal_models`` table, rows ``emotion-calibration`` (active) and
  ``emotion-calibration.previous`` (the one before, for roll-back); a short history of changes
  in vault settings (``personal_calibration.history``). Nothing leaves the vault.
* Roll-back: ``use_previous()`` swaps the active and previous layers; ``use_none()`` turns the
  layer off (the active one becomes the previous, so it can be restored).
* Every change calls ``on_change(kind, detail)`` (default: nothing), the hook where the audit
  log records personal-layer changes.
* Applying: ``labels_for(probabilities)`` gives the personal label set, or None with no layer;
  the analysis service uses it for the labels it stores (probabilities stay the model's own).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mindspace.core.errors import UserError
from mindspace.ml.calibration import CalibrationLayer, Example, accuracy, fit, log_loss, usable
from mindspace.storage.analysis import AnalysisStore
from mindspace.storage.personal_models import PersonalModelStore
from mindspace.storage.settings import VaultSettings

ACTIVE = "emotion-calibration"
PREVIOUS = "emotion-calibration.previous"
HISTORY_KEY = "personal_calibration.history"
HISTORY_MAX = 20
HELD_OUT_FRACTION = 0.3
MIN_TRAIN = 10
MIN_HELD = 5
METRIC = "held-out log-loss"

ChangeHook = Callable[[str, dict[str, Any]], object]


def no_audit(_kind: str, _detail: dict[str, Any]) -> None:
    """Default ``on_change``: the audit log is wired here when it is available."""


class NotEnoughCorrections(UserError):
    pass


@dataclass(frozen=True)
class Decision:
    adopted: bool
    candidate_loss: float
    current_loss: float
    candidate_accuracy: float
    current_accuracy: float
    n_train: int
    n_held: int
    against: str  # "personal layer" or "shipped model"

    def to_dict(self) -> dict[str, Any]:
        return {"adopted": self.adopted, "metric": METRIC,
                "candidate": round(self.candidate_loss, 4), "current": round(self.current_loss, 4),
                "candidate_accuracy": round(self.candidate_accuracy, 4),
                "current_accuracy": round(self.current_accuracy, 4),
                "n_train": self.n_train, "n_held": self.n_held, "against": self.against}

    def sentence(self) -> str:
        verdict = "adopted" if self.adopted else "not adopted"
        return (f"New personal layer {verdict}: {METRIC} {self.candidate_loss:.3f} against "
                f"{self.current_loss:.3f} for the {self.against} on your {self.n_held} most "
                f"recent corrections (trained on {self.n_train}; lower is better).")


@dataclass(frozen=True)
class LayerState:
    layer: CalibrationLayer
    meta: dict[str, Any]


def split(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    first: dict[str, str] = {}
    for e in examples:
        if e.group not in first or e.order < first[e.group]:
            first[e.group] = e.order
    groups = sorted(first, key=lambda g: (first[g], g))
    n_held = math.ceil(len(groups) * HELD_OUT_FRACTION) if len(groups) > 1 else 0
    held_groups = set(groups[len(groups) - n_held:])
    return ([e for e in examples if e.group not in held_groups],
            [e for e in examples if e.group in held_groups])


class PersonalCalibration:
    def __init__(self, store: PersonalModelStore, analyses: AnalysisStore, settings: VaultSettings,
                 thresholds: Mapping[str, float], on_change: ChangeHook = no_audit) -> None:
        self._store = store
        self._analyses = analyses
        self._settings = settings
        self.identity = CalibrationLayer.identity(thresholds)
        self.on_change = on_change
        self._lock = threading.Lock()
        self._cached: tuple[bool, CalibrationLayer | None] = (False, None)

    # ---- state -----------------------------------------------------------------------------
    def _load(self, name: str) -> LayerState | None:
        row = self._store.load(name)
        return None if row is None else LayerState(CalibrationLayer.from_bytes(row[0]), row[1])

    def active(self) -> LayerState | None:
        return self._load(ACTIVE)

    def previous(self) -> LayerState | None:
        return self._load(PREVIOUS)

    def active_layer(self) -> CalibrationLayer | None:
        with self._lock:
            loaded, layer = self._cached
        if not loaded:
            state = self.active()
            layer = state.layer if state else None
            with self._lock:
                self._cached = (True, layer)
        return layer

    def labels_for(self, probabilities: Mapping[str, float]) -> list[str] | None:
        layer = self.active_layer()
        return None if layer is None else layer.labels_for(probabilities)

    def history(self) -> list[dict[str, Any]]:
        return list(self._settings.get(HISTORY_KEY, []) or [])

    def _changed(self, kind: str, detail: dict[str, Any]) -> None:
        with self._lock:
            self._cached = (False, None)
        event = {"at": datetime.now().replace(microsecond=0).isoformat(), "kind": kind, **detail}
        self._settings.set(HISTORY_KEY, ([event] + self.history())[:HISTORY_MAX])
        self.on_change(f"personal-calibration.{kind}", detail)  # audit hook

    def _put(self, name: str, state: LayerState | None) -> None:
        if state is None:
            self._store.delete(name)
        else:
            meta = {k: v for k, v in state.meta.items()
                    if k not in ("trained_at", "examples", "accuracy")}
            self._store.save(name, state.layer.to_bytes(), int(state.meta.get("examples", 0)),
                             state.meta.get("accuracy"), meta)

    # ---- data ------------------------------------------------------------------------------
    def examples(self) -> list[Example]:
        out: list[Example] = []
        cache: dict[tuple[str, str], dict[str, float] | None] = {}
        for c in self._analyses.corrections():
            key = (c["source_type"], c["source_id"])
            if key not in cache:
                stored = self._analyses.get(*key)
                cache[key] = stored.emotions if stored is not None else None
            emotions = cache[key]
            if not emotions or c["label"] not in emotions:
                continue
            out.append(Example(c["label"], float(emotions[c["label"]]), bool(c["present"]),
                               f"{key[0]}:{key[1]}", str(c["created_at"])))
        return usable(out, self.identity.labels)

    # ---- training and the gate -------------------------------------------------------------
    def consider(self, candidate: CalibrationLayer, train: list[Example],
                 held: list[Example]) -> Decision:
        """Adopt ``candidate`` if it beats the active layer (or the shipped model) on ``held``."""
        current_state = self.active()
        current = current_state.layer if current_state else self.identity
        decision = Decision(
            adopted=False,
            candidate_loss=log_loss(candidate, held), current_loss=log_loss(current, held),
            candidate_accuracy=accuracy(candidate, held), current_accuracy=accuracy(current, held),
            n_train=len(train), n_held=len(held),
            against="personal layer" if current_state else "shipped model",
        )
        if decision.candidate_loss < decision.current_loss:
            decision = Decision(**{**decision.__dict__, "adopted": True})
            meta = {**decision.to_dict(), "examples": len(train) + len(held),
                    "accuracy": decision.candidate_accuracy}
            self._put(PREVIOUS, current_state)
            self._put(ACTIVE, LayerState(candidate, meta))
            self._changed("adopted", decision.to_dict())
        else:
            self._changed("rejected", decision.to_dict())
        return decision

    def train(self, l2: float = 1.0) -> Decision:
        """Fit a candidate on the older corrections and put it through the gate."""
        train, held = split(self.examples())
        if len(train) < MIN_TRAIN or len(held) < MIN_HELD:
            raise NotEnoughCorrections(
                f"a personal layer needs at least {MIN_TRAIN + MIN_HELD} emotion corrections "
                f"on several entries (you have {len(train) + len(held)})")
        return self.consider(fit(self.identity, train, l2=l2), train, held)

    # ---- roll-back -------------------------------------------------------------------------
    def use_previous(self) -> None:
        active, previous = self.active(), self.previous()
        if previous is None:
            raise UserError("there is no previous personal layer to go back to")
        self._put(ACTIVE, previous)
        self._put(PREVIOUS, active)
        self._changed("rolled-back", {"to": "previous"})

    def use_none(self) -> None:
        active = self.active()
        if active is None:
            return
        self._put(PREVIOUS, active)
        self._put(ACTIVE, None)
        self._changed("rolled-back", {"to": "none"})
