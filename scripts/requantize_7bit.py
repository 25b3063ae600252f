#!/usr/bin/env python3
"""Give a dynamically quantised ONNX model 7-bit signed MatMul weights (U8S8 that no CPU rounds).

Why: onnxruntime's int8 GEMMs with uint8 activations and int8 weights (U8S8) are about twice as
fast as uint8 weights (U8U8) on AVX2 and several times on AVX-512 VNNI, AMX and ARM. On AVX2 (and
AVX-512 without VNNI) MLAS computes U8S8 with ``vpmaddubsw``, which adds two products ``a*w`` in
a saturating int16; with 8-bit weights the sum can reach 2 * 255 * 127 = 64,770 and is clipped,
so the same model gives other numbers on those CPUs. With weights in [-64, 63] the sum stays
within 2 * 255 * 64 = 32,640 < 32,767: every CPU computes the same integers
(``tests/ml/test_int8_models.py`` runs the models under an emulated AVX2-only CPU).

How: each MatMulInteger weight (int8, or uint8 with zero point 128 as
``requantize_u8u8.py`` writes it) is dequantised with its per-channel scale and quantised again
to [-64, 63] per output column, with the scale (a fraction 1.00, 0.97, ... 0.76 of the column's
largest magnitude / 63) that gives the smallest squared error; the column scale in the graph's
``Mul`` is replaced. MatMuls whose node name matches ``--keep`` are left as they are (8-bit
U8U8 weights: exact everywhere, slower). With ``--calibrate TEXTS.jsonl`` the rounding is
error-compensating (GPTQ, Frantar et al. 2022): the model is run on those texts, the second
moments ``H = X^T X`` of each MatMul's input are gathered, and the weight rows are rounded one
after another with each row's rounding error spread over the rows not yet rounded, weighted by
``H^-1`` (most active inputs first), so that the layer's outputs on such inputs move as little
as possible. The sentence encoder ships rounded to nearest; text-emotion ships with GPTQ
rounding and its head kept at 8 bits (rounding to nearest read the written situational lines
less well; its model card).

Usage (reads and writes in place unless ``--out`` is given; deterministic on a given CPU;
prints what it changed, the new sha256 and size)::

    python scripts/requantize_7bit.py models/sentence-encoder/model.int8.onnx --out OUT
    python scripts/requantize_7bit.py models/text-emotion/model.int8.onnx --out OUT \\
        --calibrate CALIB.jsonl --keep '^/head/'   # CALIB: scripts/emotion_calibration_texts.py

The result is a candidate: its gates (``scripts/promote_model.py``) compare it with the shipped
model. ``scripts/train_crisis_classifier.py`` applies it to the sentence encoder it exports.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, numpy_helper

LOW, HIGH = -64, 63
CLIP_RATIOS = tuple(round(1.0 - 0.03 * k, 2) for k in range(9))  # 1.00 ... 0.76


def quantise_columns(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(q, scale)`` with ``q`` int8 in [LOW, HIGH] and one scale per column of ``w`` (K x N),
    the clip ratio of each column chosen for the smallest squared error."""
    amax = np.abs(w).max(axis=0)
    best_err = np.full(w.shape[1], np.inf)
    best_scale = np.ones(w.shape[1], dtype=np.float32)
    best_q = np.zeros(w.shape, dtype=np.int8)
    for ratio in CLIP_RATIOS:
        scale = np.where(amax > 0, amax * ratio / HIGH, 1.0).astype(np.float32)
        q = np.clip(np.round(w / scale), LOW, HIGH)
        err = ((q * scale - w) ** 2).sum(axis=0)
        better = err < best_err
        best_err = np.where(better, err, best_err)
        best_scale = np.where(better, scale, best_scale)
        best_q = np.where(better[None, :], q, best_q).astype(np.int8)
    return best_q, best_scale


def gptq_rows(w: np.ndarray, h: np.ndarray, scale: np.ndarray, damp: float = 0.01
              ) -> np.ndarray:
    """Round ``w`` (K x N) to [LOW, HIGH] in steps of ``scale`` (per column), row by row, each
    row's error compensated on the later rows through ``H^-1`` (``h``: K x K input moments)."""
    order = np.argsort(-np.diag(h), kind="stable")  # the most active inputs first
    w = w.astype(np.float64)[order]
    h = h.astype(np.float64)[np.ix_(order, order)]
    dead = np.diag(h) == 0
    h[dead, dead] = 1.0
    w[dead, :] = 0.0
    h += damp * float(np.mean(np.diag(h))) * np.eye(len(h))
    hinv = np.linalg.cholesky(np.linalg.inv(h)).T  # upper triangular
    q = np.zeros(w.shape, dtype=np.int8)
    for k in range(w.shape[0]):
        row = np.clip(np.round(w[k] / scale), LOW, HIGH)
        q[k] = row
        err = (w[k] - row * scale) / hinv[k, k]
        w[k + 1:] -= np.outer(hinv[k, k + 1:], err)
    out = np.empty_like(q)
    out[order] = q
    return out


def input_moments(path: Path, texts: Sequence[str], tokenizer: Path) -> dict[str, np.ndarray]:
    """``X^T X`` of the float input of every MatMulInteger of the model at ``path`` (the input
    of its DynamicQuantizeLinear), summed over all tokens of ``texts`` run one at a time."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    model = onnx.load(str(path))
    producer = {out: node for node in model.graph.node for out in node.output}
    names = sorted({producer[n.input[0]].input[0] for n in model.graph.node
                    if n.op_type == "MatMulInteger"})
    for name in names:
        model.graph.output.append(onnx.helper.make_tensor_value_info(name, TensorProto.FLOAT,
                                                                     None))
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    sess = ort.InferenceSession(model.SerializeToString(), opts,
                                providers=["CPUExecutionProvider"])
    wanted = {i.name for i in sess.get_inputs()}
    tok = Tokenizer.from_file(str(tokenizer))
    sums: dict[str, np.ndarray] = {}
    for text in texts:
        enc = tok.encode(text)
        feed = {"input_ids": np.array([enc.ids], np.int64),
                "attention_mask": np.array([enc.attention_mask], np.int64),
                "token_type_ids": np.array([enc.type_ids], np.int64)}
        outs = sess.run(names, {k: v for k, v in feed.items() if k in wanted})
        for name, x in zip(names, outs, strict=True):
            x = x.reshape(-1, x.shape[-1]).astype(np.float64)
            sums[name] = sums.get(name, 0) + x.T @ x
    return sums


def convert(model: onnx.ModelProto, keep: list[re.Pattern[str]],
            moments: dict[str, np.ndarray] | None = None, damp: float = 0.01) -> tuple[int, int]:
    """Rewrite the weights of ``model`` in place; returns (converted, kept). With ``moments``
    (see ``input_moments``) the rounding is GPTQ's; otherwise to nearest."""
    graph = model.graph
    inits = {init.name: init for init in graph.initializer}
    producer = {out: node for node in graph.node for out in node.output}
    users: dict[str, list[onnx.NodeProto]] = {}
    for node in graph.node:
        for name in node.input:
            users.setdefault(name, []).append(node)
    converted = kept = 0
    for node in graph.node:
        if node.op_type != "MatMulInteger" or len(node.input) < 4:
            continue
        if any(k.search(node.name) for k in keep):
            kept += 1
            continue
        b_name, zp_name = node.input[1], node.input[3]
        if len(users[b_name]) != 1 or len(users[zp_name]) != 1:
            raise ValueError(f"{node.name}: weight shared with another node")
        b = numpy_helper.to_array(inits[b_name]).astype(np.int32)
        zp = numpy_helper.to_array(inits[zp_name]).astype(np.int32)
        if inits[b_name].data_type not in (TensorProto.INT8, TensorProto.UINT8):
            raise ValueError(f"{node.name}: weight is neither int8 nor uint8")
        # MatMulInteger -> Cast -> Mul(., a_scale * w_scale): find the weight scale constant
        cast = users[node.output[0]][0]
        mul = users[cast.output[0]][0]
        other = next(n for n in mul.input if n != cast.output[0])
        scale_name = next(n for n in producer[other].input if n in inits)
        if len(users[scale_name]) != 1:
            raise ValueError(f"{node.name}: weight scale shared with another node")
        w_scale = numpy_helper.to_array(inits[scale_name]).astype(np.float32)
        w = (b - zp) * w_scale
        q, scale = quantise_columns(w)
        if moments is not None:
            q = gptq_rows(w, moments[producer[node.input[0]].input[0]], scale, damp)
        inits[b_name].CopyFrom(numpy_helper.from_array(q, b_name))
        inits[zp_name].CopyFrom(numpy_helper.from_array(np.zeros(zp.shape, np.int8), zp_name))
        inits[scale_name].CopyFrom(numpy_helper.from_array(scale.reshape(w_scale.shape),
                                                           scale_name))
        converted += 1
    return converted, kept


def requantize_file(src: Path, out: Path | None = None, keep: Sequence[str] = (),
                    calibrate: Sequence[str] = (), tokenizer: Path | None = None,
                    damp: float = 0.01) -> tuple[int, int, str, int]:
    """Convert ``src`` and write it to ``out`` (default: ``src``) atomically, with GPTQ rounding
    when ``calibrate`` texts are given (``tokenizer``: default ``tokenizer.json`` next to
    ``src``); returns the weights converted and kept, the sha256 and the size of the file."""
    out = out or src
    moments = (input_moments(src, calibrate, tokenizer or src.with_name("tokenizer.json"))
               if calibrate else None)
    model = onnx.load(str(src))
    converted, kept = convert(model, [re.compile(k) for k in keep], moments, damp)
    onnx.checker.check_model(model)
    tmp = out.with_suffix(".tmp.onnx")
    onnx.save(model, str(tmp))
    os.replace(tmp, out)
    data = out.read_bytes()
    return converted, kept, hashlib.sha256(data).hexdigest(), len(data)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("model", type=Path, help="dynamically quantised ONNX model")
    ap.add_argument("--out", type=Path, help="output path (default: overwrite the input)")
    ap.add_argument("--keep", action="append", default=[],
                    help="regex of MatMulInteger node names to leave at 8 bits (repeatable)")
    ap.add_argument("--calibrate", action="append", default=[], type=Path,
                    help="JSONL file of {\"text\": ...} lines for GPTQ rounding (repeatable)")
    ap.add_argument("--calibrate-n", type=int, default=1000,
                    help="how many calibration texts to use (every k-th line; default 1000)")
    ap.add_argument("--damp", type=float, default=0.01,
                    help="GPTQ dampening, a fraction of the mean diagonal of H (default 0.01)")
    args = ap.parse_args(argv)
    texts = [json.loads(line)["text"] for f in args.calibrate
             for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = texts[::max(1, len(texts) // args.calibrate_n)][:args.calibrate_n] if texts else []
    converted, kept, sha, size = requantize_file(args.model, args.out, args.keep, texts,
                                                 damp=args.damp)
    print(f"{converted} MatMul weights at 7 bits, {kept} kept at 8 bits; sha256 {sha} size {size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
