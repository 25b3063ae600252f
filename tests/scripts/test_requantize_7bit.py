"""The 7-bit weight rounding of scripts/requantize_7bit.py: error-compensating (GPTQ) rounding
keeps a layer's outputs closer to the float layer's than rounding each weight to nearest, on
inputs like the calibration inputs, and never leaves [-64, 63]."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np

REPO = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("requantize_7bit",
                                                  REPO / "scripts" / "requantize_7bit.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _layer(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Correlated inputs with a few large channels (as after a LayerNorm) and a weight matrix."""
    rng = np.random.default_rng(seed)
    mix = rng.normal(size=(64, 64)) / 8
    x = rng.normal(size=(2000, 64)) @ (np.eye(64) + mix)
    x[:, :4] *= 6.0
    w = rng.normal(scale=0.05, size=(64, 48))
    return x, w


def test_gptq_rounding_moves_the_outputs_less_than_rounding_to_nearest() -> None:
    rq = _script()
    for seed in (1, 2, 3):
        x, w = _layer(seed)
        calib, held = x[:1000], x[1000:]
        q_near, scale = rq.quantise_columns(w)
        q_gptq = rq.gptq_rows(w, calib.T @ calib, scale)
        assert q_gptq.dtype == np.int8
        assert q_gptq.min() >= rq.LOW and q_gptq.max() <= rq.HIGH
        err_near = np.square(held @ w - held @ (q_near * scale)).mean()
        err_gptq = np.square(held @ w - held @ (q_gptq * scale)).mean()
        assert err_gptq < 0.8 * err_near, (seed, err_gptq, err_near)


def test_unused_inputs_do_not_break_the_rounding() -> None:
    rq = _script()
    x, w = _layer(4)
    x[:, 10] = 0.0  # an input channel that is never active
    _, scale = rq.quantise_columns(w)
    q = rq.gptq_rows(w, x.T @ x, scale)
    assert np.isfinite(q.astype(float)).all()
    assert (q[10] == 0).all()
