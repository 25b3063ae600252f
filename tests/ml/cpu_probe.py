"""Raw int8 model outputs on a small fixed set, as JSON on stdout (used by test_int8_models.py).

Run as ``python tests/ml/cpu_probe.py [MODELS_DIR]``, natively or under an emulated CPU
(``qemu-x86_64 -cpu Haswell``), so that the two runs can be compared number by number. Both
models are loaded through the registry (sha256-verified) with one intra-op thread.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

# Statements whose scores moved most between CPUs with the former U8S8 weights (the first one
# crossed the 0.18 threshold: 0.186 with exact integer math, 0.118 with AVX2's saturating
# kernel), plus plainly safe and plainly risky ones.
CRISIS_TEXTS = (
    "I'm leaving and I'm not coming back, and I don't mean moving.",
    "Part of me wants the plane to crash with me on it.",
    "I texted my ex to say I forgive her.",
    "Finally finished clearing out my flat so no one else has to.",
    "Saying goodbye to my old car today, traded it in.",
    "I want to kill myself.",
    "Work was long today and I am tired but fine.",
)
EMOTION_TEXTS = (
    "The song plays SO OFTEN on the radio and I CAN'T STAND IT anymore!!",
    "I am so happy today!",
    "I'm terrified of what comes next.",
    "I miss her so much, I cried all night.",
    "This makes me so angry, how dare they!",
    "Wow, I did not see that coming at all!",
)


def main() -> None:
    from mindspace.ml.crisis import CrisisDetector
    from mindspace.ml.crisis_model import CrisisModel, model_units
    from mindspace.ml.emotion_model import EmotionModel
    from mindspace.ml.registry import ModelRegistry

    registry = ModelRegistry(Path(sys.argv[1])) if len(sys.argv) > 1 else ModelRegistry()
    detector = CrisisDetector()
    crisis = CrisisModel.load(registry, threads=1)
    units = []
    for text in CRISIS_TEXTS:
        _, ctx = detector.screen(text)
        units += [u for _, u in model_units(ctx, detector)]
    emotion = EmotionModel.load(registry, threads=1)
    preds = emotion.predict(list(EMOTION_TEXTS))
    json.dump({
        "crisis_threshold": crisis.threshold,
        "crisis_units": units,
        "crisis_scores": crisis.score_units(units),
        "emotion_probabilities": [list(p.probabilities.values()) for p in preds],
        "emotion_labels": [p.labels for p in preds],
    }, sys.stdout)


if __name__ == "__main__":
    main()
