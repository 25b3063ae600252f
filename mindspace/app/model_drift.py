"""Local drift monitor: do the texts and voice notes in this vault still look like what each
model learned from? Nothing leaves the device and nothing new is stored.

Contract
--------
* ``drift_report(registry, db)`` reads the vault once on its DB thread (see
  :mod:`mindspace.storage.model_inputs`), counts into histograms (language, length in words,
  the emotion model's top probability) and compares each monitored model's counts with the
  reference histograms in its manifest entry (``"drift_reference"``) by population stability
  index. Only counts are kept; the texts are never collected. Blocking: call from a worker.
* ``assess(name, reference, profile)`` is the pure comparison (used by tests and benches).
* :class:`ModelDrift` ``messages`` are plain sentences, present only for features whose PSI is at
  least ``PSI_DRIFT`` (0.25), e.g. "Most of your entries are in Spanish; the emotion model reads
  English only, so its suggestions for them may be off."
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mindspace.ml.drift import (
    BINS,
    LANGUAGE_NAMES,
    MIN_COUNT,
    PSI_DRIFT,
    DriftProfile,
    FeatureDrift,
    compare,
    mean_bin,
    shares,
)
from mindspace.ml.registry import ModelNotFoundError, ModelRegistry
from mindspace.storage.database import DbExecutor
from mindspace.storage.model_inputs import visit_analysed_texts, visit_transcripts

# model -> (features it is monitored on, how it is named to the user, what it reads)
MONITORED: dict[str, tuple[tuple[str, ...], str, str]] = {
    "text-emotion": (("language", "length_words", "top_confidence"), "the emotion model",
                     "entries"),
    "crisis-classifier": (("language", "length_words"), "the crisis screen's model", "entries"),
    "whisper-tiny-en": (("language",), "the speech model", "voice check-ins"),
}
READS_ONLY = {"text-emotion": "reads English only",
              "crisis-classifier": "learned from English statements only",
              "whisper-tiny-en": "understands English only"}


@dataclass(frozen=True)
class ModelDrift:
    model: str
    version: str
    seen: int
    reference_source: str
    features: list[FeatureDrift] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    @property
    def drifted(self) -> bool:
        return bool(self.messages)

    @property
    def enough(self) -> bool:
        return any(f.psi is not None for f in self.features)

    def to_dict(self) -> dict[str, Any]:
        return {"model": self.model, "version": self.version, "seen": self.seen,
                "reference": self.reference_source, "drifted": self.drifted,
                "features": [f.to_dict() for f in self.features], "messages": self.messages}


def _language_message(name: str, f: FeatureDrift) -> str:
    who, what = MONITORED[name][1], MONITORED[name][2]
    obs = shares(f.observed, "language")
    known = {k: v for k, v in obs.items() if k != "unknown"}
    top = max(known, key=known.__getitem__) if known else "unknown"
    told = sum(known.values()) or 1.0
    if top != "en" and known[top] / told > 0.5:
        lang = LANGUAGE_NAMES[top]
        if top == "other":
            return (f"Most of your {what} do not read as English; {who} {READS_ONLY[name]}, "
                    "so what it finds in them may be off.")
        return (f"Most of your {what} are in {lang}; {who} {READS_ONLY[name]}, so what it "
                "finds in them may be off.")
    not_en = round(100 * (1 - known.get("en", 0.0) / told))
    return (f"About {not_en}% of your {what} are not in English; {who} {READS_ONLY[name]}, "
            "so what it finds in those may be off.")


def _length_message(name: str, f: FeatureDrift, source: str) -> str:
    who, what = MONITORED[name][1], MONITORED[name][2]
    longer = mean_bin(f.observed, "length_words") > mean_bin(f.reference, "length_words")
    if longer:
        return (f"Your {what} are much longer than the texts {who} learned from ({source}); "
                "it reads them in parts, and a feeling mentioned only briefly may be missed.")
    return (f"Your {what} are much shorter than the texts {who} learned from ({source}); "
            "with fewer words to go on, its readings are less certain.")


def _confidence_message(name: str, f: FeatureDrift) -> str:
    who, what = MONITORED[name][1], MONITORED[name][2]
    if mean_bin(f.observed, "top_confidence") < mean_bin(f.reference, "top_confidence"):
        return (f"{who.capitalize()} is much less sure about your {what} than about the texts "
                "it was tested on; treat its suggestions with more doubt, and correct them "
                "when they are wrong.")
    return (f"{who.capitalize()} is much more certain about your {what} than about the texts "
            "it was tested on; that can mean your writing is unlike what it learned from.")


def assess(name: str, version: str, reference: dict[str, Any], profile: DriftProfile,
           seen: int, min_count: int = MIN_COUNT) -> ModelDrift:
    features = compare(reference, profile, min_count)
    source = str(reference.get("source", "its training data"))
    messages = []
    for f in features:
        if f.psi is None or f.psi < PSI_DRIFT:
            continue
        if f.feature == "language":
            messages.append(_language_message(name, f))
        elif f.feature == "length_words":
            messages.append(_length_message(name, f, source))
        elif f.feature == "top_confidence":
            messages.append(_confidence_message(name, f))
    return ModelDrift(name, version, seen, source, features, messages)


def profiles_from_vault(db: DbExecutor) -> tuple[dict[str, DriftProfile], dict[str, int]]:
    """Histograms of what each monitored model has read in this vault, and how many items."""
    text = DriftProfile(tuple(BINS))
    crisis = DriftProfile(("language", "length_words"))
    speech = DriftProfile(("language",))

    def on_text(_source_type: str, body: str, emotions: dict[str, float] | None) -> None:
        text.add_text(body)
        crisis.add_text(body)
        if emotions:
            text.add_confidence(emotions)

    n_text = visit_analysed_texts(db, on_text)
    n_voice = visit_transcripts(db, lambda body, _duration: speech.add_text(body))
    profiles = {"text-emotion": text, "crisis-classifier": crisis, "whisper-tiny-en": speech}
    return profiles, {"text-emotion": n_text, "crisis-classifier": n_text,
                      "whisper-tiny-en": n_voice}


def drift_report(registry: ModelRegistry, db: DbExecutor,
                 min_count: int = MIN_COUNT) -> list[ModelDrift]:
    profiles, seen = profiles_from_vault(db)
    out = []
    for name in MONITORED:
        try:
            entry = registry.get(name)
        except ModelNotFoundError:
            continue
        reference = entry.raw.get("drift_reference")
        if not isinstance(reference, dict):
            continue
        out.append(assess(name, entry.version, reference, profiles[name], seen[name], min_count))
    return out
