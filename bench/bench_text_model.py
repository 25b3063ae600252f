#!/usr/bin/env python3
"""Benchmark the shipped int8 ONNX text-emotion model against the same fine-tuned model in float
PyTorch, side by side.

    .venv/bin/python bench/bench_text_model.py [--runs 60] [--threads 2]

Each configuration runs in its own subprocess so load time and memory are isolated:

* ``int8``  : ``mindspace.ml.emotion_model.EmotionModel`` (onnxruntime + tokenizers), run with
  this interpreter (the app venv).
* ``float`` : the fine-tuned checkpoint ``.train-work/finetuned.pt`` in PyTorch float32, run with
  ``.venv-train/bin/python`` (torch lives only there). Shown as unavailable if that interpreter,
  torch or the checkpoint is missing.

Both use the shipped ``tokenizer.json`` and the same windowing (128-token windows, averaged),
batch size 1 (one journal entry per call), ``--threads`` intra-op threads, no busy-wait spinning
(onnxruntime ``allow_spinning=0`` in the runtime; ``OMP_WAIT_POLICY=PASSIVE`` for PyTorch).
Reported: import time of the inference libraries and model load time (for int8 including the
sha256 integrity check), RSS after imports, after load and at peak, all as deltas over the bare
interpreter, and per-entry latency (median, p95) for synthetic entries of
20 and 120 words.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TRAIN_PY = REPO / ".venv-train" / "bin" / "python"
FLOAT_CKPT = REPO / ".train-work" / "finetuned.pt"
TOKENIZER = REPO / "models" / "text-emotion" / "tokenizer.json"

_VOCAB = (
    "today i felt tired after work but the walk in the park helped me breathe again and my "
    "sister called to talk about her new job which made me happy though i still worry about "
    "money and sleep and the exam next week when everything feels heavy i try to write it down "
    "so it stops spinning in my head dinner was quiet we laughed at an old movie i miss my "
    "friends sometimes and wonder if they think of me the rain kept going all afternoon"
)
WORDS = _VOCAB.split()


def synthetic_entries(n_words: int, count: int, seed: int) -> list[str]:
    """Deterministic pseudo-journal entries of exactly ``n_words`` words."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(n_words)]
        text = " ".join(words)
        out.append(text[0].upper() + text[1:] + ".")
    return out


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; falls back to peak RSS)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_rss_mb()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --------------------------------------------------------------------------- workers


def _load_int8(threads: int) -> Callable[[str], Any]:
    sys.path.insert(0, str(REPO))
    from mindspace.ml.emotion_model import EmotionModel
    from mindspace.ml.registry import ModelRegistry

    model = EmotionModel.load(ModelRegistry(), threads=threads)
    return lambda text: model.predict([text])


def _load_float(threads: int, ckpt: Path) -> Callable[[str], Any]:
    import importlib.util

    import numpy as np
    import torch
    from tokenizers import Tokenizer

    torch.set_num_threads(threads)
    spec = importlib.util.spec_from_file_location(
        "train_text_emotion", REPO / "scripts" / "train_text_emotion.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses need the module registered
    spec.loader.exec_module(mod)
    net = mod.build_net(28)
    state = torch.load(ckpt, map_location="cpu", weights_only=False)
    net.load_state_dict(state.get("model", state))
    net.eval()
    tok = Tokenizer.from_file(str(TOKENIZER))

    def predict(text: str) -> Any:
        enc = tok.encode(text)
        wins = [enc.ids] + [o.ids for o in enc.overflowing]
        width = max(len(w) for w in wins)
        ids = torch.zeros((len(wins), width), dtype=torch.long)
        mask = torch.zeros_like(ids)
        for i, w in enumerate(wins):
            ids[i, : len(w)] = torch.tensor(w)
            mask[i, : len(w)] = 1
        with torch.inference_mode():
            logits, _ = net(ids, mask)
            return np.asarray(torch.sigmoid(logits).mean(0))

    return predict


def worker(kind: str, runs: int, threads: int, ckpt: Path) -> dict[str, Any]:
    import importlib

    base_rss = rss_mb()
    t0 = time.perf_counter()
    libs = ["numpy", "onnxruntime", "tokenizers"] if kind == "int8" else ["torch", "transformers"]
    for lib in libs:
        importlib.import_module(lib)
    import_s = time.perf_counter() - t0
    import_rss = rss_mb()
    t1 = time.perf_counter()
    predict = _load_int8(threads) if kind == "int8" else _load_float(threads, ckpt)
    load_s = time.perf_counter() - t1
    res: dict[str, Any] = {
        "import_s": import_s,
        "load_s": load_s,
        "rss_after_imports_delta_mb": import_rss - base_rss,
        "rss_after_load_delta_mb": rss_mb() - base_rss,
    }
    for n_words in (20, 120):
        texts = synthetic_entries(n_words, runs, seed=n_words)
        for t in texts[:5]:  # warm-up
            predict(t)
        lat = []
        for t in texts:
            s = time.perf_counter()
            predict(t)
            lat.append((time.perf_counter() - s) * 1000)
        lat.sort()
        res[f"w{n_words}"] = {
            "median_ms": statistics.median(lat),
            "p95_ms": lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))],
        }
    res["peak_rss_delta_mb"] = peak_rss_mb() - base_rss
    return res


# --------------------------------------------------------------------------- driver


def run_worker(
    python: Path | str, kind: str, runs: int, threads: int, ckpt: Path
) -> dict[str, Any] | str:
    # OMP_WAIT_POLICY=PASSIVE: PyTorch threads do not busy-wait, matching the int8 runtime,
    # which disables onnxruntime's thread spinning (both matter on a loaded 2-core machine).
    env = dict(
        os.environ,
        OMP_NUM_THREADS=str(threads),
        OMP_WAIT_POLICY="PASSIVE",
        TOKENIZERS_PARALLELISM="false",
        HF_HUB_OFFLINE="1",
    )
    cmd = [
        str(python),
        str(Path(__file__).resolve()),
        "--worker",
        kind,
        "--runs",
        str(runs),
        "--threads",
        str(threads),
        "--float-ckpt",
        str(ckpt),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=REPO)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["failed"])[-1]
        return f"unavailable ({tail})"
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def float_unavailable_reason(ckpt: Path) -> str | None:
    if not TRAIN_PY.exists():
        return f"unavailable ({TRAIN_PY.relative_to(REPO)} not found)"
    probe = subprocess.run([str(TRAIN_PY), "-c", "import torch"], capture_output=True)
    if probe.returncode != 0:
        return "unavailable (torch is not installed in .venv-train)"
    if not ckpt.exists():
        return f"unavailable ({ckpt} not found)"
    return None


def cpu_model() -> str:
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def fmt(res: dict[str, Any] | str, key: str) -> str:
    if isinstance(res, str):
        return "n/a"
    if key == "import":
        return f"{res['import_s'] * 1000:.0f} ms"
    if key == "load":
        return f"{res['load_s'] * 1000:.0f} ms"
    if key == "rss_imports":
        return f"{res['rss_after_imports_delta_mb']:.0f} MB"
    if key == "rss":
        return f"{res['rss_after_load_delta_mb']:.0f} MB"
    if key == "peak":
        return f"{res['peak_rss_delta_mb']:.0f} MB"
    words, stat = key.split(":")
    return f"{res[words][stat]:.1f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--runs", type=int, default=60, help="entries timed per length")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument(
        "--float-ckpt",
        type=Path,
        default=FLOAT_CKPT,
        help="fine-tuned float checkpoint (default .train-work/finetuned.pt)",
    )
    ap.add_argument("--worker", choices=["int8", "float"], help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true", help="also print the raw results as JSON")
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.runs, args.threads, args.float_ckpt)))
        return 0

    ckpt_path = args.float_ckpt.resolve()
    int8 = run_worker(sys.executable, "int8", args.runs, args.threads, ckpt_path)
    reason = float_unavailable_reason(ckpt_path)
    flt: dict[str, Any] | str = reason or run_worker(
        TRAIN_PY, "float", args.runs, args.threads, ckpt_path
    )
    size = (REPO / "models" / "text-emotion" / "model.int8.onnx").stat().st_size / 1e6
    ckpt = ckpt_path.stat().st_size / 1e6 if ckpt_path.exists() else float("nan")

    print(
        f"CPU: {cpu_model()}, {os.cpu_count()} logical cores; threads={args.threads}; "
        f"batch 1; {args.runs} entries per length"
    )
    rows = [
        ("model file", f"{size:.1f} MB (int8 ONNX)", f"{ckpt:.1f} MB (fp32 checkpoint)"),
        ("import time (libraries)", fmt(int8, "import"), fmt(flt, "import")),
        ("model load time", fmt(int8, "load"), fmt(flt, "load")),
        ("RSS delta after imports", fmt(int8, "rss_imports"), fmt(flt, "rss_imports")),
        ("RSS delta after load", fmt(int8, "rss"), fmt(flt, "rss")),
        ("peak RSS delta", fmt(int8, "peak"), fmt(flt, "peak")),
        ("latency 20 words, median", fmt(int8, "w20:median_ms"), fmt(flt, "w20:median_ms")),
        ("latency 20 words, p95", fmt(int8, "w20:p95_ms"), fmt(flt, "w20:p95_ms")),
        ("latency 120 words, median", fmt(int8, "w120:median_ms"), fmt(flt, "w120:median_ms")),
        ("latency 120 words, p95", fmt(int8, "w120:p95_ms"), fmt(flt, "w120:p95_ms")),
    ]
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows + [("", "int8 onnxruntime", "")])
    print(f"{'':{w0}}  {'int8 onnxruntime':>{w1}}  {'float32 PyTorch'}")
    for name, a, b in rows:
        print(f"{name:{w0}}  {a:>{w1}}  {b}")
    for label, res in (("int8", int8), ("float", flt)):
        if isinstance(res, str):
            print(f"{label} column: {res}")
    if not isinstance(int8, str):
        ok = max(int8["w20"]["median_ms"], int8["w120"]["median_ms"]) < 15
        print(f"target median < 15 ms per entry (int8): {'met' if ok else 'NOT met'}")
    if args.json:
        print(json.dumps({"int8": int8, "float": flt}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
