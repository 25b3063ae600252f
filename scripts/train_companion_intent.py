"""Train the companion's intent head on the written corpus in ``training/companion/``.

Usage: /work/main/.venv/bin/python scripts/train_companion_intent.py [--folds 5] [--no-write]

* Each ``training/companion/<intent>.txt`` holds one example message per line (``#`` starts a
  comment line). The file name is the label.
* Every example is also used in a few deterministic variants (no punctuation, lower case, a
  typo, a spoken-style filler), so that terse, typo-ridden and voice-transcript messages read
  like the originals. Variants of one example always stay in the same fold.
* Features: the shipped ``sentence-encoder`` (verified through the model registry); head: a
  multinomial logistic regression with L2, fitted in NumPy by full-batch gradient descent.
* Reports stratified k-fold accuracy (originals only, variants of held-out examples excluded
  from training), then fits on everything, picks the softmax temperature that minimises the
  cross-validated negative log-likelihood, and writes ``models/companion-intent/weights.json``
  and its ``models/manifest.json`` entry (sha256, size, metrics). Runs in about a minute.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mindspace.ml.crisis_model import ENCODER_NAME, SentenceEncoder  # noqa: E402
from mindspace.ml.intent import INTENT_NAME, prepare  # noqa: E402
from mindspace.ml.registry import ModelRegistry  # noqa: E402

CORPUS = ROOT / "training" / "companion"
CRISIS_DATA = sorted((ROOT / "tests" / "data").glob("crisis_*.jsonl"))
CRISIS_RISK_MAX = 1500  # risk statements used for the "crisis" label
CRISIS_SAFE_MAX = 700  # hard negatives (idiom, third person, past ...) added to "venting"
CACHE = Path.home() / ".cache" / "mindspace-train" / "companion-intent-embeddings.npz"
MODELS = ROOT / "models"
OUT = MODELS / INTENT_NAME / "weights.json"
VERSION = "1.0.0"
L2 = 1e-3
STEPS = 600
LR = 2.0
FILLERS = ("um so ", "uh ", "okay so ", "like ", "so basically ")


def load_corpus() -> list[tuple[str, str]]:
    rows = []
    for path in sorted(CORPUS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                rows.append((line, path.stem))
    return rows


def load_crisis_rows() -> list[tuple[str, str]]:
    """Risk statements (label ``crisis``) and hard negatives (label ``venting``) from the crisis
    screen's own written statements, a deterministic sample of each."""
    risk, safe = [], []
    for path in CRISIS_DATA:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            label = row.get("label", row.get("risk"))
            is_risk = label in ("risk", True, 1, "true")
            (risk if is_risk else safe).append(" ".join(str(row["text"]).split()))
    rng = random.Random(11)
    risk = sorted(set(risk))
    safe = sorted(set(safe))
    rng.shuffle(risk)
    rng.shuffle(safe)
    return ([(t, "crisis") for t in risk[:CRISIS_RISK_MAX]]
            + [(t, "venting") for t in safe[:CRISIS_SAFE_MAX]])


def embed_cached(encoder: SentenceEncoder, texts: list[str]) -> np.ndarray:
    """Embeddings, reusing a local cache keyed by the encoder id and the text."""
    cache: dict[str, np.ndarray] = {}
    if CACHE.exists():
        with np.load(CACHE, allow_pickle=False) as data:
            if str(data["model"]) == encoder.model_id:
                cache = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    out = np.zeros((len(texts), encoder.dim), dtype=np.float32)
    for i, text in enumerate(texts):
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if key not in cache:
            cache[key] = encoder.embed(text)
        out[i] = cache[key]
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    keys = sorted(cache)
    np.savez(CACHE, model=np.asarray(encoder.model_id), keys=np.asarray(keys),
             vectors=np.stack([cache[k] for k in keys]))
    return out


def variants(text: str, seed: int) -> list[str]:
    """Deterministic surface variants of one example (never changes its meaning)."""
    rng = random.Random(seed)
    out = []
    bare = re.sub(r"[^\w\s']", "", text).lower()
    if bare != text:
        out.append(bare)
    words = bare.split()
    long_words = [i for i, w in enumerate(words) if len(w) > 4]
    if long_words:
        i = rng.choice(long_words)
        w = words[i]
        j = rng.randrange(1, len(w) - 2)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]  # swap two letters
        out.append(" ".join(words))
    if len(text.split()) > 2:
        out.append(rng.choice(FILLERS) + bare)
    return out


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit(x: np.ndarray, y: np.ndarray, k: int, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression, sample-weighted, by full-batch gradient descent."""
    n, d = x.shape
    w = np.zeros((k, d))
    b = np.zeros(k)
    onehot = np.eye(k)[y]
    sw = weights / weights.sum()
    for _ in range(STEPS):
        p = softmax(x @ w.T + b)
        g = (p - onehot) * sw[:, None]
        w -= LR * (g.T @ x + L2 * w)
        b -= LR * g.sum(axis=0)
    return w, b


def class_weights(y: np.ndarray, k: int) -> np.ndarray:
    counts = np.bincount(y, minlength=k).astype(float)
    return (1.0 / counts)[y]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-write", action="store_true", help="report only")
    ap.add_argument("--dump-oof", type=Path, help="write out-of-fold crisis probabilities here")
    args = ap.parse_args()
    t0 = time.perf_counter()
    written = load_corpus()
    corpus = written + load_crisis_rows()
    labels = sorted({label for _, label in corpus})
    index = {label: i for i, label in enumerate(labels)}
    registry = ModelRegistry(MODELS)
    enc_entry = registry.get(ENCODER_NAME)
    encoder = SentenceEncoder.from_files(registry.verify(enc_entry),
                                         enc_entry.file_path("tokenizer"), enc_entry.model_id)
    texts, ys, groups, original = [], [], [], []
    for g, (text, label) in enumerate(corpus):
        extra = variants(text, g) if g < len(written) else []
        for v, variant in enumerate([text, *extra]):
            texts.append(prepare(variant))
            ys.append(index[label])
            groups.append(g)
            original.append(v == 0)
    x = embed_cached(encoder, texts).astype(np.float64)
    y = np.asarray(ys)
    grp = np.asarray(groups)
    orig = np.asarray(original)
    k = len(labels)
    print(f"{len(corpus)} examples, {len(texts)} with variants, {k} intents; "
          f"embedded in {time.perf_counter() - t0:.1f} s")

    # stratified folds over examples (a group = one example and its variants)
    rng = np.random.default_rng(7)
    fold_of = np.zeros(len(corpus), dtype=int)
    for c in range(k):
        members = [g for g, (_, label) in enumerate(corpus) if index[label] == c]
        rng.shuffle(members)
        for j, g in enumerate(members):
            fold_of[g] = j % args.folds
    scores = np.zeros((len(texts), k))
    for f in range(args.folds):
        test = fold_of[grp] == f
        w, b = fit(x[~test], y[~test], k, class_weights(y[~test], k))
        scores[test] = x[test] @ w.T + b
    best_t, best_nll = 1.0, float("inf")
    for t in np.arange(0.3, 3.01, 0.05):
        p = softmax(scores[orig] / t)
        nll = float(-np.log(p[np.arange(orig.sum()), y[orig]] + 1e-12).mean())
        if nll < best_nll:
            best_t, best_nll = float(t), nll
    probs = softmax(scores / best_t)
    pred = probs.argmax(axis=1)
    acc = float((pred[orig] == y[orig]).mean())
    acc_var = float((pred[~orig] == y[~orig]).mean())
    conf = probs.max(axis=1)
    per_label: dict[str, float] = {}
    for c, label in enumerate(labels):
        m = orig & (y == c)
        per_label[label] = round(float((pred[m] == c).mean()), 3)
    print(f"cv accuracy {acc:.3f} (originals), {acc_var:.3f} (variants); temperature {best_t:.2f}")
    for cut in (0.3, 0.4, 0.5, 0.6):
        sure = orig & (conf >= cut)
        print(f"  confidence >= {cut}: {sure.sum() / orig.sum():.2f} of messages, "
              f"accuracy {(pred[sure] == y[sure]).mean():.3f}")
    for label, a in per_label.items():
        print(f"  {label:24s} {a:.3f}")
    confusions: dict[tuple[str, str], int] = {}
    for i in np.where(orig & (pred != y))[0]:
        key = (labels[y[i]], labels[pred[i]])
        confusions[key] = confusions.get(key, 0) + 1
    for (a, b_), n in sorted(confusions.items(), key=lambda kv: -kv[1])[:10]:
        print(f"  confused {a} -> {b_}: {n}")
    crisis = index.get("crisis")
    if crisis is not None:
        p_crisis = probs[:, crisis]
        is_written = grp < len(written)
        for cut in (0.05, 0.1, 0.2, 0.3, 0.5):
            kept = (p_crisis[orig & (y == crisis)] >= cut).mean()
            chat = (p_crisis[orig & is_written] >= cut).mean()
            print(f"  crisis gate {cut}: keeps {kept:.3f} of risk statements, "
                  f"passes {chat:.3f} of written chat messages")
    if args.dump_oof:
        args.dump_oof.write_text(json.dumps(
            {texts[i]: [float(probs[i, crisis]) if crisis is not None else 0.0,
                        labels[int(pred[i])], float(conf[i])]
             for i in range(len(texts)) if orig[i]}), encoding="utf-8")
    if args.no_write:
        return 0

    w, b = fit(x, y, k, class_weights(y, k))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({
        "labels": labels, "temperature": round(best_t, 4),
        "weights": [[round(float(v), 6) for v in row] for row in w],
        "bias": [round(float(v), 6) for v in b],
    }) + "\n", encoding="utf-8")
    digest = hashlib.sha256(OUT.read_bytes()).hexdigest()
    rel = f"{INTENT_NAME}/weights.json"
    size = OUT.stat().st_size
    entry: dict[str, Any] = {
        "name": INTENT_NAME, "version": VERSION, "kind": "softmax-regression-json",
        "path": rel, "sha256": digest, "size": size,
        "files": {"model": {"path": rel, "sha256": digest, "size": size}},
        "requires": [ENCODER_NAME], "labels": labels,
        "license": "Apache-2.0 (weights trained by MindSpace on its own written messages)",
        "data_source": "training/companion/*.txt (written by the MindSpace team) with "
                       "deterministic surface variants; a sample of the crisis screen's "
                       "statements in tests/data/crisis_*.jsonl (risk -> crisis, safe -> "
                       "venting)",
        "metrics": {"cv_accuracy": round(acc, 4), "cv_accuracy_variants": round(acc_var, 4),
                    "temperature": round(best_t, 4), "examples": len(corpus)},
        "card": f"{INTENT_NAME}/MODEL_CARD.md",
    }
    path = MODELS / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    models = data["models"]
    for i, old in enumerate(models):
        if old.get("name") == INTENT_NAME:
            models[i] = entry
            break
    else:
        models.append(entry)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    print(f"wrote {OUT.relative_to(ROOT)} ({size / 1e3:.1f} kB) and its manifest entry "
          f"in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
