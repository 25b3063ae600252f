#!/usr/bin/env python3
"""Write the calibration texts for the 7-bit rounding of text-emotion (``requantize_7bit.py
--calibrate``): 600 situational lines of the training split (never the development lines) and
400 GoEmotions Ekman training comments, shuffled; deterministic.

    .venv-train/bin/python scripts/emotion_calibration_texts.py OUT.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_text_emotion_situations import (  # noqa: E402
    REPO,
    load_situational,
    split_situational,
)

GOEMOTIONS_TRAIN = REPO.parent / "shared" / "data" / "goemotions" / "ekman" / "train.tsv"


def main(out: Path) -> int:
    rows = load_situational(REPO / "training" / "emotion")
    train, _dev = split_situational(rows, 0.15, 13)
    rng = random.Random(5)
    texts = [rows[i]["text"] for i in rng.sample(train, 600)]
    comments = [line.split("\t")[0] for line in
                GOEMOTIONS_TRAIN.read_text(encoding="utf-8").splitlines()]
    texts += rng.sample(comments, 400)
    rng.shuffle(texts)
    out.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    print(f"{len(texts)} texts -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
