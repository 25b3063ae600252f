#!/usr/bin/env python3
"""Rewrite a dynamically quantised ONNX model's int8 MatMul weights as uint8 (U8U8), losslessly.

Why: ``quantize_dynamic(per_channel=True, weight_type=QInt8)`` gives ``MatMulInteger`` nodes
with uint8 activations and int8 weights (U8S8). onnxruntime's MLAS runs U8S8 with
``vpmaddubsw`` on AVX2 (and AVX-512 without VNNI), which saturates the int16 sum of each pair
of products, while AVX-512 VNNI, AMX and ARM compute it exactly. The same model therefore gives
different outputs (and, near a threshold, different decisions) on different CPUs. U8U8 GEMMs
are computed exactly on every CPU (AVX2 widens to int16 and uses ``vpmaddwd``).

How: every int8 weight ``q`` with zero point 0 becomes the uint8 weight ``q + 128`` with zero
point 128, so ``(q + 128) - 128 == q`` and the dequantised weights are bit-identical. The
per-channel scales are not touched (in the dynamic-quantisation graph they live in the ``Mul``
after ``MatMulInteger``). Nothing else in the graph changes; the embedding tables (uint8
``Gather`` + ``DequantizeLinear``) have no GEMM and are left as they are.

Usage (reads and writes in place unless ``--out`` is given; prints the new sha256 and size)::

    python scripts/requantize_u8u8.py models/sentence-encoder/model.int8.onnx
    python scripts/requantize_u8u8.py models/text-emotion/model.int8.onnx

A model that has no int8 ``MatMulInteger`` weight left (already converted) is written
unchanged. Deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, numpy_helper

ZERO_POINT = 128


def convert(model: onnx.ModelProto) -> int:
    """Convert every int8 constant ``B`` of a ``MatMulInteger`` in place; returns the count.

    Raises ``ValueError`` if a weight has a non-zero zero point (the rewrite would then not be
    exact) or an initializer is shared with a node other than ``MatMulInteger`` ``B`` inputs.
    """
    graph = model.graph
    inits = {init.name: init for init in graph.initializer}
    users: dict[str, list[tuple[onnx.NodeProto, int]]] = {}
    for node in graph.node:
        for pos, name in enumerate(node.input):
            users.setdefault(name, []).append((node, pos))
    done: dict[tuple[str, str], tuple[str, str]] = {}
    count = 0
    for node in graph.node:
        if node.op_type != "MatMulInteger" or len(node.input) < 2:
            continue
        b_name = node.input[1]
        b_init = inits.get(b_name)
        if b_init is None or b_init.data_type != TensorProto.INT8:
            continue
        zp_name = node.input[3] if len(node.input) > 3 else ""
        key = (b_name, zp_name)
        if key not in done:
            if any(n.op_type != "MatMulInteger" or pos != 1 for n, pos in users[b_name]):
                raise ValueError(f"weight {b_name} is used by other nodes")
            q = numpy_helper.to_array(b_init)
            if zp_name:
                zp = numpy_helper.to_array(inits[zp_name])
                if zp.dtype != np.int8 or np.any(zp != 0):
                    raise ValueError(f"weight {b_name}: zero point is not int8 zero")
            u = (q.astype(np.int16) + ZERO_POINT).astype(np.uint8)
            assert np.array_equal(u.astype(np.int16) - ZERO_POINT, q)
            new_b = numpy_helper.from_array(u, b_name + "_u8")
            new_zp = numpy_helper.from_array(np.array(ZERO_POINT, dtype=np.uint8),
                                             b_name + "_u8_zero_point")
            graph.initializer.extend([new_b, new_zp])
            done[key] = (new_b.name, new_zp.name)
            count += 1
        new_b_name, new_zp_name = done[key]
        inputs = list(node.input)
        while len(inputs) < 4:
            inputs.append("")
        inputs[1], inputs[3] = new_b_name, new_zp_name
        del node.input[:]
        node.input.extend(inputs)
    # drop the int8 initializers (and their zero points) nothing reads any more
    used = {name for node in graph.node for name in node.input}
    used |= {out.name for out in graph.output}
    keep = [init for init in graph.initializer if init.name in used]
    del graph.initializer[:]
    graph.initializer.extend(keep)
    return count


def requantize_file(src: Path, out: Path | None = None) -> tuple[int, str, int]:
    """Convert ``src`` and write it to ``out`` (default: ``src``) atomically; returns the number
    of weights converted, the sha256 and the size of the written file."""
    out = out or src
    model = onnx.load(str(src))
    n = convert(model)
    onnx.checker.check_model(model)
    tmp = out.with_suffix(".tmp.onnx")
    onnx.save(model, str(tmp))
    os.replace(tmp, out)
    data = out.read_bytes()
    return n, hashlib.sha256(data).hexdigest(), len(data)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("model", type=Path, help="int8 ONNX model from quantize_dynamic")
    ap.add_argument("--out", type=Path, help="output path (default: overwrite the input)")
    args = ap.parse_args(argv)
    out = args.out or args.model
    n, sha, size = requantize_file(args.model, out)
    print(f"{out}: {n} MatMulInteger weights int8 -> uint8 (zero point {ZERO_POINT}); "
          f"size {size}, sha256 {sha}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
