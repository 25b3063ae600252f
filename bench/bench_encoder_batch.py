#!/usr/bin/env python3
"""The crisis layer's units through the sentence encoder: one call per unit, or one padded batch.

    .venv/bin/python bench/bench_encoder_batch.py [--entries 40] [--words 120] [--threads 1]

For made-up entries (`bench_analyze_text.make_entries`), the units the learned crisis layer reads
(`crisis_model.model_units`) go through the shipped `sentence-encoder` as the app runs them (one
onnxruntime call per unit) and as one batch per entry (padded to the longest unit, attention
mask set). Prints the CPU line, the median CPU time per entry both ways, the largest change of an
embedding value between the two, and how many entries' learned-layer decision (any unit at or
above the threshold) differs: with dynamic int8 quantization the activation scale is computed
over the whole input, so batch-mates change each other's results.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_analyze_text import make_entries  # noqa: E402 - bench/ is the script's folder
from cpuinfo import cpu_line  # noqa: E402

from mindspace.ml.crisis import CrisisDetector  # noqa: E402
from mindspace.ml.crisis_model import CrisisModel, model_units  # noqa: E402


def feeds(ids: list[list[int]]) -> dict[str, np.ndarray]:
    width = max(len(i) for i in ids)
    tokens = np.zeros((len(ids), width), np.int64)
    mask = np.zeros((len(ids), width), np.int64)
    for row, unit in enumerate(ids):
        tokens[row, :len(unit)] = unit
        mask[row, :len(unit)] = 1
    return {"input_ids": tokens, "attention_mask": mask}


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--entries", type=int, default=40)
    ap.add_argument("--words", type=int, default=120)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    print(f"CPU: {cpu_line()}")
    model = CrisisModel.load(threads=args.threads)
    session, tokenizer = model.encoder._session, model.encoder._tokenizer  # noqa: SLF001
    detector = CrisisDetector()
    one, batch, changes, flips, n_units, lengths = [], [], [], 0, 0, []
    for entry in make_entries(args.entries, args.words, seed=7):
        units = [u for _, u in model_units(detector.screen(entry)[1], detector)]
        ids = [tokenizer.encode(u).ids for u in units]
        n_units += len(ids)
        lengths += [len(i) for i in ids]
        t = time.process_time()
        alone = np.vstack([session.run(None, feeds([i]))[0] for i in ids])
        one.append(time.process_time() - t)
        t = time.process_time()
        together = session.run(None, feeds(ids))[0]
        batch.append(time.process_time() - t)
        changes.append(float(np.abs(alone - together).max()))
        decide = [bool((model.head.probabilities(v) >= model.threshold).any())
                  for v in (alone, together)]
        flips += decide[0] != decide[1]
    print(f"{args.entries} entries of {args.words} words, {n_units} units, median "
          f"{statistics.median(lengths):.0f} tokens per unit, {args.threads} thread(s)")
    print(f"CPU per entry, one call per unit: median {1000 * statistics.median(one):.1f} ms; "
          f"one padded batch: {1000 * statistics.median(batch):.1f} ms")
    print(f"largest change of an embedding value in a batch: {max(changes):.4f}; entries whose "
          f"learned-layer decision changed: {flips} of {args.entries}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
