"""Train the companion's intent head on the written corpus in ``training/companion/``.

Usage: /work/main/.venv/bin/python scripts/train_companion_intent.py [--folds 5] [--no-write]
           [--out DIR] [--hidden 128] [--hidden-steps 800] [--steps 600] [--data-fraction 1.0]
           [--seed 11] [--version V]

* Each ``training/companion/<intent>.txt`` holds one example message per line (``#`` starts a
  comment line). The file name is the label.
* Every example is also used in a few deterministic variants (no punctuation, lower case, a
  typo, a spoken-style filler), so that terse, typo-ridden and voice-transcript messages read
  like the originals. Variants of one example always stay in the same fold.
* Features: the shipped ``sentence-encoder`` (verified through the model registry); head: one
  ReLU hidden layer (``--hidden``, 128 units) and a softmax output, with L2, fitted in NumPy by
  full-batch Adam (``--hidden-steps``) from a seeded start; ``--hidden 0`` fits a multinomial
  logistic regression by full-batch gradient descent instead (``--steps``; the k-fold report
  always uses that linear head). With a hidden layer the linear head is fitted as well and
  written as ``answers.json`` (role ``answers``, its own temperature): the companion reads the
  ``crisis`` probability of answers inside an exercise from it.
* Held-out sets: ``training/companion/dev.jsonl`` and ``eval.jsonl`` (``{"text", "label"}``,
  written separately from the training files and never trained on; named in
  ``models/companion-intent/gates/sets.json``, the promotion gates). The softmax temperature is
  the one that minimises the negative log-likelihood on the dev set (a temperature never changes
  which label wins, so the gated accuracy and macro-F1 do not depend on it).
* Optionally (``--folds N``, default 5; 0 skips it) reports stratified k-fold accuracy (originals
  only, variants of held-out examples excluded from training); it changes nothing in the model.
* Fits on everything (deterministic: fixed seeds, full-batch gradient descent, one BLAS thread)
  and reports accuracy and macro-F1 on every held-out set. Without ``--out`` it writes
  ``models/companion-intent/weights.json`` and its ``models/manifest.json`` entry; with
  ``--out DIR`` it writes a promotion candidate there instead (``weights.json``,
  ``candidate.json``) for ``scripts/promote_model.py``.
* The run is logged with MLflow to ``mlruns/`` (``scripts/run_tracking.py``; parameters, sha256
  of every data file, figures on every evaluation set, the exported files); without MLflow a
  warning is printed and training goes on. ``--data-fraction`` and ``--steps`` exist to train
  deliberately weaker candidates (promotion tests). About 100 s on one core with the
  embedding cache (15 s with ``--hidden 0``).
"""

from __future__ import annotations

import os

# One BLAS thread: faster on a shared 2-core machine and the same sums in every run.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from gate_metrics import read_jsonl, single_label  # noqa: E402

from mindspace.ml.crisis_model import ENCODER_NAME, SentenceEncoder  # noqa: E402
from mindspace.ml.intent import INTENT_NAME, SoftmaxHead, prepare  # noqa: E402
from mindspace.ml.registry import ModelRegistry  # noqa: E402

CORPUS = ROOT / "training" / "companion"
CHAT = CORPUS / "chat"  # whole first messages, one {"text", "label"} per line
CRISIS_DATA = sorted((ROOT / "tests" / "data").glob("crisis_*.jsonl"))
CRISIS_RISK_MAX = 1500  # risk statements used for the "crisis" label
CRISIS_SAFE_MAX = 700  # hard negatives (idiom, third person, past ...) added to "venting"
CACHE = Path.home() / ".cache" / "mindspace-train" / "companion-intent-embeddings.npz"
MODELS = ROOT / "models"
OUT = MODELS / INTENT_NAME / "weights.json"
ANSWERS_OUT = MODELS / INTENT_NAME / "answers.json"
GATE_SPEC = MODELS / INTENT_NAME / "gates" / "sets.json"
VERSION = "1.0.0"
L2 = 1e-3
STEPS = 600
LR = 2.0
SEED = 11  # the crisis-statement sample
HIDDEN = 128  # units of the hidden layer (0: a linear head)
HIDDEN_LR = 3e-3  # Adam, for --hidden
HIDDEN_L2 = 1e-4
FILLERS = ("um so ", "uh ", "okay so ", "like ", "so basically ")


def load_corpus(fraction: float = 1.0) -> list[tuple[str, str]]:
    """Every ``<intent>.txt`` line; with ``fraction`` < 1 only the first part of each file."""
    rows: list[tuple[str, str]] = []
    for path in sorted(CORPUS.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line and not line.startswith("#")]
        keep = max(1, math.ceil(len(lines) * fraction))
        rows.extend((line, path.stem) for line in lines[:keep])
    for path in sorted(CHAT.glob("*.jsonl")):
        chat = [(str(r["text"]), str(r["label"])) for r in read_jsonl(path)]
        rows.extend(chat[:max(1, math.ceil(len(chat) * fraction))])
    return rows


def held_out_sets(spec: Path = GATE_SPEC) -> dict[str, Path]:
    """Display name -> path of every held-out set named in the gate spec."""
    data = json.loads(spec.read_text(encoding="utf-8"))
    return {s["name"]: ROOT / s["path"] for s in data["sets"]}


def data_files() -> list[Path]:
    return [*sorted(CORPUS.glob("*.txt")), *sorted(CHAT.glob("*.jsonl")), *CRISIS_DATA,
            *held_out_sets().values()]


def load_crisis_rows(seed: int = SEED) -> list[tuple[str, str]]:
    """Risk statements (label ``crisis``) and hard negatives (label ``venting``) from the crisis
    screen's own written statements, a deterministic sample of each."""
    risk: list[str] = []
    safe: list[str] = []
    for path in CRISIS_DATA:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            label = row.get("label", row.get("risk"))
            is_risk = label in ("risk", True, 1, "true")
            if not is_risk and "step" in row:
                continue  # a safe answer to an exercise step is not a chat message
            (risk if is_risk else safe).append(" ".join(str(row["text"]).split()))
    rng = random.Random(seed)
    risk = sorted(set(risk))
    safe = sorted(set(safe))
    rng.shuffle(risk)
    rng.shuffle(safe)
    return ([(t, "crisis") for t in risk[:CRISIS_RISK_MAX]]
            + [(t, "venting") for t in safe[:CRISIS_SAFE_MAX]])


def embed_cached(encoder: SentenceEncoder, texts: list[str], path: Path = CACHE) -> np.ndarray:
    """Embeddings, reusing a local cache keyed by the encoder id and the text."""
    cache: dict[str, np.ndarray] = {}
    if path.exists():
        with np.load(path, allow_pickle=False) as data:
            if str(data["model"]) == encoder.model_id:
                cache = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    out = np.zeros((len(texts), encoder.dim), dtype=np.float32)
    new = 0
    for i, text in enumerate(texts):
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if key not in cache:
            cache[key] = encoder.embed(text)
            new += 1
        out[i] = cache[key]
    if new:
        path.parent.mkdir(parents=True, exist_ok=True)
        keys = sorted(cache)
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp.npz")
        np.savez(tmp, model=np.asarray(encoder.model_id), keys=np.asarray(keys),
                 vectors=np.stack([cache[k] for k in keys]))
        os.replace(tmp, path)
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


def fit(x: np.ndarray, y: np.ndarray, k: int, weights: np.ndarray, steps: int = STEPS
        ) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression, sample-weighted, by full-batch gradient descent."""
    n, d = x.shape
    w = np.zeros((k, d))
    b = np.zeros(k)
    onehot = np.eye(k)[y]
    sw = weights / weights.sum()
    for _ in range(steps):
        p = softmax(x @ w.T + b)
        g = (p - onehot) * sw[:, None]
        w -= LR * (g.T @ x + L2 * w)
        b -= LR * g.sum(axis=0)
    return w, b


def class_weights(y: np.ndarray, k: int) -> np.ndarray:
    counts = np.bincount(y, minlength=k).astype(float)
    return (1.0 / counts)[y]


def pick_temperature(scores: np.ndarray, y: np.ndarray) -> float:
    """The temperature (0.30-3.00 by 0.05) with the lowest negative log-likelihood."""
    best_t, best_nll = 1.0, float("inf")
    for t in np.arange(0.3, 3.01, 0.05):
        p = softmax(scores / t)
        nll = float(-np.log(p[np.arange(len(y)), y] + 1e-12).mean())
        if nll < best_nll:
            best_t, best_nll = float(t), nll
    return round(best_t, 4)


def weights_json(labels: list[str], temperature: float, w: np.ndarray, b: np.ndarray,
                 hidden: tuple[np.ndarray, np.ndarray] | None = None) -> str:
    data: dict[str, Any] = {
        "labels": labels, "temperature": round(temperature, 4),
        "weights": [[round(float(v), 6) for v in row] for row in w],
        "bias": [round(float(v), 6) for v in b],
    }
    if hidden is not None:
        data["hidden"] = {"weights": [[round(float(v), 6) for v in row] for row in hidden[0]],
                          "bias": [round(float(v), 6) for v in hidden[1]]}
    return json.dumps(data) + "\n"


def fit_hidden(x: np.ndarray, y: np.ndarray, k: int, weights: np.ndarray, units: int,
               steps: int) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """One ReLU hidden layer and a softmax output, sample-weighted, by full-batch Adam from a
    seeded start (deterministic with one BLAS thread). Returns ((hidden, bias), (out, bias))."""
    rng = np.random.default_rng(0)
    sw = weights / weights.sum()
    onehot = np.eye(k)[y]
    params = [rng.normal(0, 0.05, (units, x.shape[1])), np.zeros(units),
              rng.normal(0, 0.05, (k, units)), np.zeros(k)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    for step in range(1, steps + 1):
        w1, b1, w2, b2 = params
        h = np.maximum(0.0, x @ w1.T + b1)
        g = (softmax(h @ w2.T + b2) - onehot) * sw[:, None]
        gh = (g @ w2) * (h > 0)
        grads = [gh.T @ x + HIDDEN_L2 * w1, gh.sum(axis=0), g.T @ h + HIDDEN_L2 * w2,
                 g.sum(axis=0)]
        for i, (p, gr) in enumerate(zip(params, grads, strict=True)):
            m[i] = 0.9 * m[i] + 0.1 * gr
            v[i] = 0.999 * v[i] + 0.001 * gr * gr
            p -= HIDDEN_LR * (m[i] / (1 - 0.9 ** step)) / (np.sqrt(v[i] / (1 - 0.999 ** step))
                                                            + 1e-8)
    return (params[0], params[1]), (params[2], params[3])


def cross_validate(args: argparse.Namespace, corpus: list[tuple[str, str]], n_written: int,
                   texts: list[str], x: np.ndarray, y: np.ndarray, grp: np.ndarray,
                   orig: np.ndarray, labels: list[str]) -> dict[str, float]:
    """Stratified k-fold report over examples (a group = one example and its variants)."""
    k = len(labels)
    index = {label: i for i, label in enumerate(labels)}
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
        w, b = fit(x[~test], y[~test], k, class_weights(y[~test], k), args.steps)
        scores[test] = x[test] @ w.T + b
    cv_t = pick_temperature(scores[orig], y[orig])
    probs = softmax(scores / cv_t)
    pred = probs.argmax(axis=1)
    acc = float((pred[orig] == y[orig]).mean())
    acc_var = float((pred[~orig] == y[~orig]).mean())
    conf = probs.max(axis=1)
    print(f"cv accuracy {acc:.3f} (originals), {acc_var:.3f} (variants); "
          f"cv temperature {cv_t:.2f}")
    for cut in (0.3, 0.4, 0.5, 0.6):
        sure = orig & (conf >= cut)
        print(f"  confidence >= {cut}: {sure.sum() / orig.sum():.2f} of messages, "
              f"accuracy {(pred[sure] == y[sure]).mean():.3f}")
    for c, label in enumerate(labels):
        m = orig & (y == c)
        print(f"  {label:24s} {float((pred[m] == c).mean()):.3f}")
    confusions: dict[tuple[str, str], int] = {}
    for i in np.where(orig & (pred != y))[0]:
        key = (labels[y[i]], labels[pred[i]])
        confusions[key] = confusions.get(key, 0) + 1
    for (a, b_), n in sorted(confusions.items(), key=lambda kv: -kv[1])[:10]:
        print(f"  confused {a} -> {b_}: {n}")
    crisis = index.get("crisis")
    if crisis is not None:
        p_crisis = probs[:, crisis]
        is_written = grp < n_written
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
    return {"accuracy": round(acc, 4), "accuracy_variants": round(acc_var, 4)}


def write_manifest_entry(labels: list[str], figures: dict[str, Any], cv: dict[str, float] | None,
                         temperature: float, n_examples: int, version: str,
                         run: str | None) -> None:
    digest = hashlib.sha256(OUT.read_bytes()).hexdigest()
    rel = f"{INTENT_NAME}/weights.json"
    size = OUT.stat().st_size
    files: dict[str, Any] = {"model": {"path": rel, "sha256": digest, "size": size}}
    if ANSWERS_OUT.exists():
        files["answers"] = {"path": f"{INTENT_NAME}/{ANSWERS_OUT.name}",
                            "sha256": hashlib.sha256(ANSWERS_OUT.read_bytes()).hexdigest(),
                            "size": ANSWERS_OUT.stat().st_size}
    metrics: dict[str, Any] = {"temperature": temperature, "examples": n_examples}
    if cv:
        metrics.update({"cv_accuracy": cv["accuracy"],
                        "cv_accuracy_variants": cv["accuracy_variants"]})
    entry: dict[str, Any] = {
        "name": INTENT_NAME, "version": version, "kind": "softmax-regression-json",
        "path": rel, "sha256": digest, "size": size,
        "files": files,
        "requires": [ENCODER_NAME], "labels": labels,
        "license": "Apache-2.0 (weights trained by MindSpace on its own written messages)",
        "data_source": "training/companion/*.txt (written by the MindSpace team) with "
                       "deterministic surface variants; a sample of the crisis screen's "
                       "statements in tests/data/crisis_*.jsonl (risk -> crisis, safe -> "
                       "venting)",
        "metrics": metrics,
        "card": f"{INTENT_NAME}/MODEL_CARD.md",
        "figures": figures,
    }
    if run:
        entry["run"] = run
    path = MODELS / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    models = data["models"]
    for i, old in enumerate(models):
        if old.get("name") == INTENT_NAME:
            for key in ("drift_reference",):
                if key in old:
                    entry[key] = old[key]
            models[i] = entry
            break
    else:
        models.append(entry)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--folds", type=int, default=5, help="k-fold report (0: skip)")
    ap.add_argument("--no-write", action="store_true", help="report only")
    ap.add_argument("--out", type=Path, help="write a promotion candidate here, not models/")
    ap.add_argument("--steps", type=int, default=STEPS, help="gradient-descent steps")
    ap.add_argument("--data-fraction", type=float, default=1.0,
                    help="share of each intent's written examples to train on")
    ap.add_argument("--seed", type=int, default=SEED, help="seed of the crisis-statement sample")
    ap.add_argument("--version", default=VERSION)
    ap.add_argument("--hidden", type=int, default=HIDDEN,
                    help="units of a ReLU hidden layer (0: a linear head)")
    ap.add_argument("--hidden-steps", type=int, default=800, help="Adam steps with --hidden")
    ap.add_argument("--cache", type=Path, default=CACHE, help="embedding cache file")
    ap.add_argument("--mlruns", type=Path, default=ROOT / "mlruns", help="MLflow file store")
    ap.add_argument("--no-track", action="store_true", help="do not log the run with MLflow")
    ap.add_argument("--dump-oof", type=Path, help="write out-of-fold crisis probabilities here")
    args = ap.parse_args(argv)
    if not 0 < args.data_fraction <= 1:
        ap.error("--data-fraction must be in (0, 1]")
    t0 = time.perf_counter()
    written = load_corpus(args.data_fraction)
    corpus = written + load_crisis_rows(args.seed)
    labels = sorted({label for _, label in corpus})
    index = {label: i for i, label in enumerate(labels)}
    registry = ModelRegistry(MODELS)
    enc_entry = registry.get(ENCODER_NAME)
    # the id keys the embedding cache: with the file hash, new weights never reuse old vectors
    encoder = SentenceEncoder.from_files(registry.verify(enc_entry),
                                         enc_entry.file_path("tokenizer"),
                                         f"{enc_entry.model_id}:{enc_entry.sha256}")
    texts, ys, groups, original = [], [], [], []
    for g, (text, label) in enumerate(corpus):
        extra = variants(text, g) if g < len(written) else []
        for v, variant in enumerate([text, *extra]):
            texts.append(prepare(variant))
            ys.append(index[label])
            groups.append(g)
            original.append(v == 0)
    held: dict[str, tuple[np.ndarray, list[str]]] = {}
    for name, path in held_out_sets().items():
        rows = read_jsonl(path)
        held[name] = (embed_cached(encoder, [prepare(r["text"]) for r in rows], args.cache)
                      .astype(np.float64), [str(r["label"]) for r in rows])
    x = embed_cached(encoder, texts, args.cache).astype(np.float64)
    y = np.asarray(ys)
    grp = np.asarray(groups)
    orig = np.asarray(original)
    k = len(labels)
    print(f"{len(corpus)} examples, {len(texts)} with variants, {k} intents; "
          f"embedded in {time.perf_counter() - t0:.1f} s")
    cv = (cross_validate(args, corpus, len(written), texts, x, y, grp, orig, labels)
          if args.folds > 1 else None)

    dev_name = next(iter(held))
    dev_x, dev_gold = held[dev_name]
    dev_y = np.asarray([index[g] for g in dev_gold])
    hidden: tuple[np.ndarray, np.ndarray] | None = None
    answers_text = None
    if args.hidden:
        hidden, (w, b) = fit_hidden(x, y, k, class_weights(y, k), args.hidden, args.hidden_steps)
        lw, lb = fit(x, y, k, class_weights(y, k), args.steps)
        linear = SoftmaxHead(tuple(labels), lw, lb, 1.0, "training")
        answers_t = pick_temperature(linear.scores(dev_x), dev_y)
        answers_text = weights_json(labels, answers_t, lw, lb)
        print(f"answers head (linear): temperature {answers_t:.2f}")
    else:
        w, b = fit(x, y, k, class_weights(y, k), args.steps)

    head = SoftmaxHead(tuple(labels), w, b, 1.0, "training", hidden)
    temperature = pick_temperature(head.scores(dev_x), dev_y)
    figures: dict[str, Any] = {}
    for name, (hx, gold) in held.items():
        pred = [labels[i] for i in head.scores(hx).argmax(axis=1)]
        figures[name] = single_label(gold, pred)
        print(f"{name}: accuracy {figures[name]['accuracy']:.3f}, "
              f"macro-F1 {figures[name]['macro_f1']:.3f} (n={len(gold)})")
    print(f"temperature {temperature:.2f} (lowest log-loss on {dev_name})")
    if args.no_write:
        return 0

    out_dir = args.out or Path(tempfile.mkdtemp(prefix="companion-intent-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    weights_text = weights_json(labels, temperature, w, b, hidden)
    (out_dir / "weights.json").write_text(weights_text, encoding="utf-8")
    if answers_text is not None:
        (out_dir / "answers.json").write_text(answers_text, encoding="utf-8")
    params = {"steps": args.steps, "lr": LR, "l2": L2, "folds": args.folds,
              "data_fraction": args.data_fraction, "seed": args.seed, "version": args.version,
              "examples": len(corpus), "examples_with_variants": len(texts), "intents": k,
              "encoder_sha256": enc_entry.sha256, "hidden": args.hidden,
              "hidden_steps": args.hidden_steps if args.hidden else 0}
    candidate: dict[str, Any] = {
        "version": args.version, "run": None,
        "files": {"model": "weights.json",
                  **({"answers": "answers.json"} if answers_text is not None else {})},
        "params": params, "figures": figures, "temperature": temperature,
        "metrics": {"temperature": temperature, "examples": len(corpus),
                    **({"cv_accuracy": cv["accuracy"],
                        "cv_accuracy_variants": cv["accuracy_variants"]} if cv else {})},
    }

    def write_candidate(run_id: str | None) -> None:
        digest = hashlib.sha256(weights_text.encode("utf-8")).hexdigest()
        candidate["run"] = run_id or f"untracked-{digest[:12]}"
        (out_dir / "candidate.json").write_text(json.dumps(candidate, indent=2) + "\n",
                                                encoding="utf-8")

    write_candidate(None)
    run_id = None
    if not args.no_track:
        from run_tracking import log_run

        metrics: dict[str, Any] = {**figures, "temperature": temperature}
        if cv:
            metrics["5-fold CV" if args.folds == 5 else f"{args.folds}-fold CV"] = cv
        run_id = log_run(INTENT_NAME, params, data_files(), metrics,
                         [out_dir / "weights.json", out_dir / "candidate.json",
                          *([out_dir / "answers.json"] if answers_text is not None else [])],
                         store=args.mlruns, on_run=write_candidate)
        if run_id:
            print(f"run logged: {args.mlruns} run {run_id}")
    if args.out:
        print(f"wrote candidate {out_dir} (run {candidate['run']}) "
              f"in {time.perf_counter() - t0:.1f} s")
        return 0
    shutil.rmtree(out_dir, ignore_errors=True)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(weights_text, encoding="utf-8")
    if answers_text is not None:
        ANSWERS_OUT.write_text(answers_text, encoding="utf-8")
    else:
        ANSWERS_OUT.unlink(missing_ok=True)
    write_manifest_entry(labels, figures, cv, temperature, len(corpus), args.version, run_id)
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1e3:.1f} kB) and its manifest "
          f"entry in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
