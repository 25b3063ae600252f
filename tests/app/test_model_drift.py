"""Local drift monitor: a shift in what the models read is told in plain words; a sample of the
training data itself is not called drift. Real vault, real models."""

from __future__ import annotations

import csv
import json
import random
from datetime import datetime, timedelta
from pathlib import Path

from mindspace.app import AppServices
from mindspace.app.model_drift import assess
from mindspace.ml.drift import BINS, DriftProfile, detect_language, psi
from mindspace.ml.registry import ModelRegistry

REPO = Path(__file__).resolve().parents[2]
SPANISH = [
    "Hoy me siento muy cansada porque no dormí bien y el trabajo fue difícil.",
    "Estoy contenta con mi familia, fuimos al parque y comimos helado con los niños.",
    "Tengo miedo de la reunión de mañana, pero mi hermana dice que todo va a salir bien.",
    "La semana fue larga y estoy un poco triste, aunque también hubo momentos buenos.",
    "Mi amiga me llamó por la tarde y hablamos de sus planes para el verano.",
    "Siento que no tengo tiempo para mí, todo es trabajo y más trabajo.",
]


def spanish_entries(n: int) -> list[str]:
    rng = random.Random(7)
    return [" ".join(rng.sample(SPANISH, 2)) for _ in range(n)]


def test_language_heuristic() -> None:
    assert detect_language(SPANISH[0]) == "es"
    assert detect_language("I feel tired today and I just want to sleep.") == "en"
    assert detect_language("Je suis très fatigué aujourd'hui et je ne sais pas pourquoi.") == "fr"
    assert detect_language("ok") == "unknown"


def test_psi_is_zero_for_the_same_shares_and_large_for_a_shift() -> None:
    ref = {"en": 90, "other": 10}
    assert psi(ref, {"en": 900, "other": 100}, "language") < 1e-9
    assert psi(ref, {"es": 80, "en": 20}, "language") > 1.0


def test_generated_shift_is_told_in_plain_words() -> None:
    entry = ModelRegistry().get("text-emotion")
    profile = DriftProfile(("language", "length_words"))
    for text in spanish_entries(40):
        profile.add_text(text)
    drift = assess("text-emotion", entry.version, entry.raw["drift_reference"], profile, 40)
    assert drift.drifted
    assert ("Most of your entries are in Spanish; the emotion model reads English only, so what "
            "it finds in them may be off.") in drift.messages
    language = next(f for f in drift.features if f.feature == "language")
    assert language.level == "drift" and language.psi is not None and language.psi > 1


def test_too_few_entries_are_not_judged() -> None:
    entry = ModelRegistry().get("text-emotion")
    profile = DriftProfile(("language",))
    for text in spanish_entries(5):
        profile.add_text(text)
    drift = assess("text-emotion", entry.version, entry.raw["drift_reference"], profile, 5)
    assert not drift.drifted and not drift.enough


def test_vault_with_spanish_entries_shows_drift(open_services: AppServices) -> None:
    start = datetime(2026, 1, 1, 9)
    for i, text in enumerate(spanish_entries(25)):
        open_services.journal.add("", text, start + timedelta(days=i), [])
    open_services.analysis_service().reanalyze()
    report = {d.model: d for d in open_services.model_drift()}
    emotion = report["text-emotion"]
    assert emotion.seen == 25 and emotion.drifted
    assert any("Most of your entries are in Spanish" in m for m in emotion.messages)
    assert any("in Spanish" in m for m in report["crisis-classifier"].messages)
    speech = report["whisper-tiny-en"]
    assert speech.seen == 0 and not speech.drifted and not speech.enough
    # counts only: nothing of the texts is in the report
    dumped = json.dumps([d.to_dict() for d in report.values()])
    assert "cansada" not in dumped and "reunión" not in dumped


def test_training_data_sample_is_not_drift(open_services: AppServices, shared_data: Path) -> None:
    with (shared_data / "goemotions" / "ekman" / "train.tsv").open(encoding="utf-8") as fh:
        comments = [r[0] for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if r]
    sample = random.Random(3).sample(comments, 120)
    start = datetime(2026, 1, 1, 9)
    for i, text in enumerate(sample):
        open_services.journal.add("", text, start + timedelta(hours=i), [])
    open_services.analysis_service().reanalyze()
    report = {d.model: d for d in open_services.model_drift()}
    emotion = report["text-emotion"]
    assert emotion.seen == 120 and emotion.enough
    assert not emotion.drifted, emotion.to_dict()
    assert all(f.psi is not None and f.psi < 0.25 for f in emotion.features)


def test_crisis_training_statements_are_not_drift() -> None:
    entry = ModelRegistry().get("crisis-classifier")
    texts = []
    for path in sorted((REPO / "tests" / "data").glob("crisis_train_*.jsonl")):
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        texts += [r["text"] for r in rows if r.get("split", "train") == "train"]
    sample = random.Random(5).sample(texts, 150)
    profile = DriftProfile(("language", "length_words"))
    for text in sample:
        profile.add_text(text)
    drift = assess("crisis-classifier", entry.version, entry.raw["drift_reference"], profile,
                   len(sample))
    assert drift.enough and not drift.drifted, drift.to_dict()
    assert set(BINS) >= {f.feature for f in drift.features}
