#!/usr/bin/env python3
"""Write the drift monitor's reference histograms into ``models/manifest.json``
(``"drift_reference"`` of text-emotion, crisis-classifier and whisper-tiny-en).

    .venv/bin/python scripts/make_drift_reference.py [--goemotions ../shared/data/goemotions]
        [--asr ../shared/data/asr-eval-samples] [--every 5]

* text-emotion: language and length over the GoEmotions Ekman *train* split (43,410 comments);
  the top probability over every ``--every``-th comment of the *test* split, scored one by one by
  the shipped int8 model exactly as the app scores an entry.
* crisis-classifier: language and length over the English statements it was trained on, as
  ``scripts/train_crisis_classifier.py`` gathers them (``--read-since``), everyday lines left out.
* whisper-tiny-en: language over the reference transcripts of the shared ASR evaluation clips.

Only counts are written. Uses the same feature code as the app (``mindspace.ml.drift``).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from train_crisis_classifier import data_sets  # noqa: E402

from mindspace.ml.drift import BINS, DriftProfile  # noqa: E402
from mindspace.ml.emotion_model import EmotionModel  # noqa: E402
from mindspace.ml.registry import ModelRegistry  # noqa: E402

MANIFEST = REPO / "models" / "manifest.json"
SHARED = REPO.parent / "shared" / "data"


def goemotions_texts(root: Path, split: str) -> list[str]:
    with (root / "ekman" / f"{split}.tsv").open(encoding="utf-8") as fh:
        return [row[0] for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if row]


def crisis_texts() -> list[str]:
    """The English statements the shipped learned layer was trained on, without the everyday
    lines (``train_crisis_classifier.data_sets`` with the options of the shipped version)."""
    train, _, _ = data_sets(argparse.Namespace(train_on_dev=True, read_since=True,
                                               everyday=False))
    return [str(r["text"]) for r in train if r.get("language", "en") == "en"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--goemotions", type=Path, default=SHARED / "goemotions")
    parser.add_argument("--asr", type=Path, default=SHARED / "asr-eval-samples")
    parser.add_argument("--every", type=int, default=5)
    args = parser.parse_args()
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    entries = {e["name"]: e for e in manifest["models"]}

    train = goemotions_texts(args.goemotions, "train")
    test = goemotions_texts(args.goemotions, "test")[:: args.every]
    emo = DriftProfile(tuple(BINS))
    for text in train:
        emo.add_text(text)
    model = EmotionModel.load(ModelRegistry(REPO / "models"))
    for text in test:
        emo.add_confidence(model.predict([text])[0].probabilities)
    entries["text-emotion"]["drift_reference"] = {
        "source": "short English Reddit comments (GoEmotions)",
        "computed_from": f"GoEmotions Ekman train ({len(train)} comments: language, length); "
                         f"every {args.every}th test comment ({len(test)}: top probability, "
                         "shipped int8 model)",
        "n": len(train), "histograms": emo.to_dict()}

    texts = crisis_texts()
    crisis = DriftProfile(("language", "length_words"))
    for text in texts:
        crisis.add_text(text)
    entries["crisis-classifier"]["drift_reference"] = {
        "source": "short English first-person statements, chat messages and answers to exercise "
                  "steps",
        "computed_from": f"trained-on statements of {entries['crisis-classifier']['version']} "
                         f"without the everyday lines ({len(texts)})",
        "n": len(texts), "histograms": crisis.to_dict()}

    with (args.asr / "transcripts.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    speech = DriftProfile(("language",))
    for row in rows:
        speech.add_text(row["reference_transcript"])
    entries["whisper-tiny-en"]["drift_reference"] = {
        "source": "English speech",
        "computed_from": f"reference transcripts of the {len(rows)} shared ASR evaluation clips "
                         "(the model is English-only)",
        "n": len(rows), "histograms": speech.to_dict()}

    MANIFEST.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    for name in ("text-emotion", "crisis-classifier", "whisper-tiny-en"):
        print(name, json.dumps(entries[name]["drift_reference"]["histograms"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
