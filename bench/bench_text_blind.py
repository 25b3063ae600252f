"""Blind-set figures for the text reading: emotions, the crisis screen per language, and the
learned crisis layer's calibration.

Usage: .venv/bin/python bench/bench_text_blind.py [--sets bench/data/text-blind] [--png PATH]

Reads every `*-emotions.jsonl`, `*-wellbeing.jsonl` and `*-crisis.jsonl` under --sets (see its
README) and prints, per set and pooled, with 95 % intervals (bootstrap for macro-F1, Wilson for
proportions):
- emotion macro-F1 and accuracy of the app's reading (the label with the highest probability),
  and how often `neutral` is answered;
- crisis recall and false-positive rate as the app computes the level (patterns, learned layer
  and emotion signals), pooled and per language;
- wellbeing signals read as one label per line (low_mood, anxiety, stress or neutral when no
  score reaches 0.5): per-class F1 and macro-F1;
- the learned layer's expected calibration error (10 equal-width bins) over English lines, and a
  reliability diagram written as a PNG (--png, default docs/crisis-reliability.png);
- latency of one analysis (median, 20-word and whole-line inputs).
Only aggregate figures are printed: reading the lines a set gets wrong makes it development data.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cpuinfo import cpu_line  # noqa: E402

LABELS = ("anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral")


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def f1_per_label(gold: list[str], pred: list[str], labels: tuple[str, ...] = LABELS
                 ) -> dict[str, float]:
    scores = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        scores[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return scores


def macro_f1(gold: list[str], pred: list[str], labels: tuple[str, ...] = LABELS) -> float:
    scores = f1_per_label(gold, pred, labels)
    return sum(scores.values()) / len(scores)


def f1_interval(gold: list[str], pred: list[str], rounds: int = 1000,
                labels: tuple[str, ...] = LABELS) -> tuple[float, float]:
    rng = random.Random(7)
    n = len(gold)
    values = []
    for _ in range(rounds):
        idx = [rng.randrange(n) for _ in range(n)]
        values.append(macro_f1([gold[i] for i in idx], [pred[i] for i in idx], labels))
    values.sort()
    return values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1]


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def rate(k: int, n: int) -> str:
    lo, hi = wilson(k, n)
    return f"{k / n if n else 0:.3f} [{lo:.2f}-{hi:.2f}] ({k}/{n})"


def reliability_png(bins: list[tuple[float, float, int]], ece: float, path: Path) -> None:
    """A reliability diagram (mean predicted vs observed share per bin), painted with Qt."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

    _app = QGuiApplication.instance() or QGuiApplication([])
    size, margin = 480, 56
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    plot = QRectF(margin, 24, size - margin - 24, size - margin - 24)

    def at(x: float, y: float) -> QPointF:
        return QPointF(plot.left() + x * plot.width(), plot.bottom() - y * plot.height())

    painter.setPen(QPen(QColor("#1f2328"), 1))
    painter.drawRect(plot)
    painter.setPen(QPen(QColor("#8d9299"), 1, Qt.PenStyle.DashLine))
    painter.drawLine(at(0, 0), at(1, 1))
    painter.setPen(QPen(QColor("#1f2328"), 1))
    font = QFont()
    font.setPointSize(9)
    painter.setFont(font)
    for i in range(0, 11, 2):
        v = i / 10
        painter.drawText(at(v, 0) + QPointF(-8, 16), f"{v:.1f}")
        painter.drawText(at(0, v) + QPointF(-30, 4), f"{v:.1f}")
    painter.drawText(QRectF(0, size - 20, size, 20), Qt.AlignmentFlag.AlignCenter,
                     "learned layer's probability (mean per bin)")
    painter.save()
    painter.translate(12, size / 2)
    painter.rotate(-90)
    painter.drawText(QRectF(-size / 2, -10, size, 20), Qt.AlignmentFlag.AlignCenter,
                     "share of lines that are risk")
    painter.restore()
    painter.setPen(QPen(QColor("#35659c"), 2))
    painter.setBrush(QColor("#35659c"))
    points = [at(mean, observed) for mean, observed, n in bins if n]
    for a, b in zip(points, points[1:], strict=False):
        painter.drawLine(a, b)
    for (mean, observed, n), point in zip([b for b in bins if b[2]], points, strict=True):
        radius = 2 + min(8.0, math.sqrt(n))
        painter.drawEllipse(point, radius, radius)
        del mean, observed
    painter.setPen(QPen(QColor("#1f2328"), 1))
    painter.drawText(at(0.03, 0.95), f"ECE {ece:.3f}")
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path), "PNG")


WELLBEING_LABELS = ("low_mood", "anxiety", "stress", "neutral")
WELLBEING_AT = 0.5  # a signal counts when its score reaches this; none does: "neutral"


def wellbeing_report(analyzer: Any, paths: list[Path]) -> None:
    """Per-class F1 of the wellbeing signals read as one label per line: the highest of
    low_mood / anxiety / stress when it reaches ``WELLBEING_AT``, else neutral."""
    labels = WELLBEING_LABELS
    pooled_gold: list[str] = []
    pooled_pred: list[str] = []
    for path in [*paths, None]:
        if path is None:
            if len(paths) < 2:
                break
            gold, pred, name = pooled_gold, pooled_pred, "pooled"
        else:
            gold, pred, name = [], [], path.name
            for row in read(path):
                scores = analyzer.analyze(row["text"]).to_dict().get("wellbeing") or {}
                best = max(scores, key=scores.get) if scores else None
                pred.append(best if best and scores[best] >= WELLBEING_AT else "neutral")
                gold.append(row["label"])
            pooled_gold += gold
            pooled_pred += pred
        per_class = [f"{k} {v:.2f}" for k, v in f1_per_label(gold, pred, labels).items()]
        lo, hi = f1_interval(gold, pred, labels=labels)
        print(f"wellbeing {name}: macro-F1 {macro_f1(gold, pred, labels):.3f} [{lo:.2f}-{hi:.2f}]; "
              f"per class F1: {', '.join(per_class)} (n={len(gold)})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", type=Path, default=REPO / "bench" / "data" / "text-blind")
    parser.add_argument("--png", type=Path, default=REPO / "docs" / "crisis-reliability.png")
    args = parser.parse_args()
    print(cpu_line())
    from mindspace.app import AppServices
    from mindspace.ml.crisis_model import CrisisModel

    services = AppServices(Path("/nonexistent-mindspace-bench"))
    analyzer = services.text_analyzer()
    emotion_sets = sorted(args.sets.glob("*-emotions.jsonl"))
    crisis_sets = sorted(args.sets.glob("*-crisis.jsonl"))
    print(f"{len(emotion_sets)} emotion sets, {len(crisis_sets)} crisis sets from {args.sets}")

    pooled_gold: list[str] = []
    pooled_pred: list[str] = []
    times: list[float] = []
    for path in emotion_sets:
        rows = read(path)
        gold, pred = [], []
        for row in rows:
            start = time.perf_counter()
            result = analyzer.analyze(row["text"]).to_dict()
            times.append(time.perf_counter() - start)
            emotions = result.get("emotions") or {}
            pred.append(max(emotions, key=emotions.get) if emotions else "neutral")
            gold.append(row["label"])
        lo, hi = f1_interval(gold, pred)
        acc = sum(g == p for g, p in zip(gold, pred, strict=True))
        print(f"emotions {path.name}: macro-F1 {macro_f1(gold, pred):.3f} [{lo:.2f}-{hi:.2f}],"
              f" accuracy {acc / len(gold):.3f}, 'neutral' answered {pred.count('neutral')}"
              f"/{len(pred)} (gold {gold.count('neutral')})")
        pooled_gold += gold
        pooled_pred += pred
    if pooled_gold:
        lo, hi = f1_interval(pooled_gold, pooled_pred)
        print(f"emotions pooled: macro-F1 {macro_f1(pooled_gold, pooled_pred):.3f}"
              f" [{lo:.2f}-{hi:.2f}] over {len(pooled_gold)} lines")

    wellbeing_report(analyzer, sorted(args.sets.glob("*-wellbeing.jsonl")))

    model = CrisisModel.load()
    per_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp, risk, fp, safe
    calib: list[tuple[float, int]] = []
    for path in crisis_sets:
        rows = read(path)
        tp = n_risk = fp = n_safe = 0
        for row in rows:
            start = time.perf_counter()
            level = analyzer.analyze(row["text"]).crisis.level
            times.append(time.perf_counter() - start)
            flagged = level != "none"
            risk = row["label"] == "risk"
            counts = per_lang[row.get("language", "en")]
            if risk:
                tp += flagged
                n_risk += 1
                counts[0] += flagged
                counts[1] += 1
            else:
                fp += flagged
                n_safe += 1
                counts[2] += flagged
                counts[3] += 1
            if row.get("language", "en") == "en":
                calib.append((model.score_units([row["text"]])[0], int(risk)))
        print(f"crisis {path.name}: recall {rate(tp, n_risk)}, FPR {rate(fp, n_safe)}")
    for lang, (tp, n_risk, fp, n_safe) in sorted(per_lang.items()):
        print(f"crisis pooled [{lang}]: recall {rate(tp, n_risk)}, FPR {rate(fp, n_safe)}")
    if calib:
        bins: list[tuple[float, float, int]] = []
        ece = 0.0
        for b in range(10):
            inside = [(p, y) for p, y in calib if b / 10 <= p < (b + 1) / 10 or (b == 9 and p == 1)]
            if not inside:
                bins.append((0.0, 0.0, 0))
                continue
            mean = sum(p for p, _ in inside) / len(inside)
            observed = sum(y for _, y in inside) / len(inside)
            bins.append((mean, observed, len(inside)))
            ece += len(inside) / len(calib) * abs(mean - observed)
        high = [y for p, y in calib if p >= 0.99]
        print(f"learned layer, English lines: ECE {ece:.3f} over {len(calib)} lines;"
              f" {len(high)} lines at >= 0.99, of which {sum(high)} are risk")
        reliability_png(bins, ece, args.png)
        print(f"reliability diagram: {args.png}")
    if times:
        print(f"one analysis: median {statistics.median(times) * 1000:.1f} ms,"
              f" p95 {sorted(times)[int(0.95 * (len(times) - 1))] * 1000:.1f} ms"
              f" over {len(times)} lines")


if __name__ == "__main__":
    main()
