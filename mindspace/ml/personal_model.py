"""A small per-user mood model, trained on-device on the user's own labelled voice check-ins.

Contract
--------
* Inputs: prosody features, vocal arousal and text features (sentiment compound + the 7 emotion
  probabilities) of a check-in (:func:`features_of`); label: the mood the user reported after it
  (1-5), grouped into three classes ``low`` (1-2), ``okay`` (3), ``good`` (4-5).
* :func:`train` needs at least :data:`MIN_EXAMPLES` labelled check-ins covering >= 2 classes
  (:class:`NotEnoughExamplesError` otherwise). It fits an L2-regularised multinomial logistic
  regression (scipy L-BFGS) on standardised features, folds the standardisation into the weights,
  quantises the weights to int8 (per-tensor scale) and exports an ONNX graph built with
  ``onnx.helper`` (``DequantizeLinear -> MatMul -> Add -> Softmax``) run by onnxruntime.
* Accuracy is measured on the user's own data by leave-one-out cross-validation (5-fold above
  60 examples) of the same quantised pipeline, and reported next to the majority-class baseline,
  so the user sees whether the model beats always guessing their most common mood.
* Nothing here touches storage: :mod:`mindspace.app.voice` keeps the ONNX bytes and metadata in
  the vault (``personal_models`` table, SQLCipher), never in a plain file.
  Training takes well under a second for hundreds of check-ins.
* It reflects patterns in the user's own labels; it is not a diagnosis.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from mindspace.core.errors import ValidationError

MODEL_NAME = "mood-from-voice"
MIN_EXAMPLES = 12
CLASSES = ("low", "okay", "good")
L2 = 1.0
OPSET = 13
PROSODY_FEATURES = (
    "pitch_median_hz",
    "pitch_variability_st",
    "energy_median_dbfs",
    "energy_variability_db",
    "speaking_rate_wpm",
    "syllable_rate_per_s",
    "pause_ratio",
    "mean_pause_s",
    "voiced_fraction",
)
EMOTIONS = ("anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral")
FEATURE_NAMES: tuple[str, ...] = (
    *PROSODY_FEATURES,
    "arousal",
    "sentiment_compound",
    *(f"emotion_{e}" for e in EMOTIONS),
)


class NotEnoughExamplesError(ValidationError):
    """Too few labelled check-ins (or only one kind of mood) to train on."""


def mood_class(mood: int) -> str:
    return "low" if mood <= 2 else ("okay" if mood == 3 else "good")


def features_of(
    prosody: Mapping[str, Any], arousal: float | None, text: Mapping[str, Any] | None
) -> dict[str, float | None]:
    """The model's named inputs for one check-in (``None`` where unmeasured)."""
    out: dict[str, float | None] = {}
    for name in PROSODY_FEATURES:
        v = prosody.get(name)
        out[name] = None if v is None else float(v)
    out["arousal"] = None if arousal is None else float(arousal)
    text = text or {}
    out["sentiment_compound"] = (
        float((text.get("sentiment") or {}).get("compound", 0.0)) if text else None
    )
    emotions = text.get("emotions") or {}
    for e in EMOTIONS:
        out[f"emotion_{e}"] = float(emotions[e]) if e in emotions else None
    return out


@dataclass
class Example:
    features: Mapping[str, float | None]
    mood: int


# ---- training -------------------------------------------------------------------------------
def _matrix(
    examples: Sequence[Mapping[str, float | None]], fill: np.ndarray
) -> np.ndarray:
    x = np.empty((len(examples), len(FEATURE_NAMES)), dtype=np.float64)
    for i, ex in enumerate(examples):
        for j, name in enumerate(FEATURE_NAMES):
            v = ex.get(name)
            x[i, j] = fill[j] if v is None or not math.isfinite(float(v)) else float(v)
    return x


def _fit(x: np.ndarray, y: np.ndarray, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression on already standardised x; returns (W [F,C], b [C])."""
    from scipy.optimize import minimize

    n, f = x.shape
    onehot = np.eye(n_classes)[y]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[: f * n_classes].reshape(f, n_classes)
        b = theta[f * n_classes :]
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        nll = -float(np.sum(onehot * np.log(p + 1e-12))) / n + 0.5 * L2 * float(np.sum(w * w)) / n
        g = (p - onehot) / n
        gw = x.T @ g + L2 * w / n
        gb = g.sum(axis=0)
        return nll, np.concatenate([gw.ravel(), gb])

    theta0 = np.zeros(f * n_classes + n_classes)
    res = minimize(loss, theta0, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    theta = res.x
    return theta[: f * n_classes].reshape(f, n_classes), theta[f * n_classes :]


@dataclass
class _Linear:
    """Standardisation folded into int8-quantised weights."""

    w_q: np.ndarray  # int8 [F, C]
    scale: float
    bias: np.ndarray  # float32 [C]

    @property
    def weights(self) -> np.ndarray:
        return self.w_q.astype(np.float32) * np.float32(self.scale)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = x.astype(np.float32) @ self.weights + self.bias
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return np.asarray(p / p.sum(axis=1, keepdims=True))


def _train_linear(x: np.ndarray, y: np.ndarray, n_classes: int) -> _Linear:
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    std[std < 1e-6] = 1.0
    w, b = _fit((x - mean) / std, y, n_classes)
    w_raw = w / std[:, None]
    b_raw = b - mean @ w_raw
    scale = float(np.max(np.abs(w_raw))) / 127.0 or 1.0
    w_q = np.clip(np.round(w_raw / scale), -127, 127).astype(np.int8)
    return _Linear(w_q=w_q, scale=scale, bias=b_raw.astype(np.float32))


def _cross_validate(x: np.ndarray, y: np.ndarray, n_classes: int) -> float:
    n = len(y)
    folds = n if n <= 60 else 5
    order = np.arange(n) if folds == n else np.random.default_rng(0).permutation(n)
    correct = 0
    for k in range(folds):
        test = order[k::folds]
        train_idx = np.setdiff1d(order, test)
        if len(set(y[train_idx].tolist())) < 2:
            continue
        model = _train_linear(x[train_idx], y[train_idx], n_classes)
        pred = model.probabilities(x[test]).argmax(axis=1)
        correct += int(np.sum(pred == y[test]))
    return correct / n


def _export_onnx(model: _Linear, classes: Sequence[str]) -> bytes:
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    f, c = model.w_q.shape
    graph = helper.make_graph(
        nodes=[
            helper.make_node("DequantizeLinear", ["w_q", "w_scale", "w_zero"], ["w"]),
            helper.make_node("MatMul", ["features", "w"], ["logits_raw"]),
            helper.make_node("Add", ["logits_raw", "bias"], ["logits"]),
            helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1),
        ],
        name="personal_mood_model",
        inputs=[helper.make_tensor_value_info("features", TensorProto.FLOAT, ["n", f])],
        outputs=[helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["n", c])],
        initializer=[
            numpy_helper.from_array(model.w_q, "w_q"),
            numpy_helper.from_array(np.array(model.scale, dtype=np.float32), "w_scale"),
            numpy_helper.from_array(np.array(0, dtype=np.int8), "w_zero"),
            numpy_helper.from_array(model.bias.astype(np.float32), "bias"),
        ],
    )
    proto = helper.make_model(
        graph,
        producer_name="mindspace",
        opset_imports=[helper.make_opsetid("", OPSET)],
        doc_string="classes: " + ",".join(classes),
    )
    proto.ir_version = 8
    onnx.checker.check_model(proto)
    return bytes(proto.SerializeToString())


@dataclass
class PersonalModel:
    """A trained model: ONNX bytes + metadata (feature fill values, classes, accuracy)."""

    onnx_bytes: bytes
    meta: dict[str, Any]
    _session: Any = field(default=None, repr=False, compare=False)

    @property
    def accuracy(self) -> float:
        return float(self.meta["accuracy"])

    @property
    def baseline_accuracy(self) -> float:
        return float(self.meta["baseline_accuracy"])

    @property
    def examples(self) -> int:
        return int(self.meta["examples"])

    def _sess(self) -> Any:
        if self._session is None:
            import onnxruntime as ort

            opts = ort.SessionOptions()
            opts.intra_op_num_threads = 1
            # ENABLE_ALL would fuse DequantizeLinear+MatMul into an op that also quantises the
            # inputs; basic optimisation keeps the exact float maths of the exported graph
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
            self._session = ort.InferenceSession(
                self.onnx_bytes, sess_options=opts, providers=["CPUExecutionProvider"]
            )
        return self._session

    def matrix(self, rows: Sequence[Mapping[str, float | None]]) -> np.ndarray:
        return _matrix(rows, np.asarray(self.meta["fill"], dtype=np.float64)).astype(np.float32)

    def predict_proba(self, rows: Sequence[Mapping[str, float | None]]) -> np.ndarray:
        """Class probabilities [n, classes] computed by onnxruntime."""
        out = self._sess().run(["probabilities"], {"features": self.matrix(rows)})[0]
        return np.asarray(out)

    def predict(self, features: Mapping[str, float | None]) -> tuple[str, dict[str, float]]:
        probs = self.predict_proba([features])[0]
        classes = list(self.meta["classes"])
        best = classes[int(np.argmax(probs))]
        return best, {c: round(float(p), 3) for c, p in zip(classes, probs, strict=True)}

    def summary(self) -> str:
        return (
            f"trained on your {self.examples} check-ins; right {self.accuracy:.0%} of the time "
            f"when tested on check-ins it had not seen (always guessing your most common mood "
            f"would be right {self.baseline_accuracy:.0%})"
        )


def train(examples: Sequence[Example], min_examples: int = MIN_EXAMPLES) -> PersonalModel:
    """Train, cross-validate and export; raises :class:`NotEnoughExamplesError`."""
    if len(examples) < min_examples:
        raise NotEnoughExamplesError(
            f"the personal model needs at least {min_examples} check-ins with your mood "
            f"(you have {len(examples)})"
        )
    labels = [mood_class(int(e.mood)) for e in examples]
    classes = [c for c in CLASSES if c in labels]
    if len(classes) < 2:
        raise NotEnoughExamplesError(
            "the personal model needs check-ins with at least two different moods"
        )
    y = np.array([classes.index(lbl) for lbl in labels])
    feats = [e.features for e in examples]
    raw = np.array(
        [[np.nan if f.get(n) is None else float(f[n] or 0.0) for n in FEATURE_NAMES] for f in feats]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-missing columns -> NaN -> 0
        fill = np.nanmean(raw, axis=0)
    fill = np.where(np.isfinite(fill), fill, 0.0)
    x = _matrix(feats, fill)
    accuracy = _cross_validate(x, y, len(classes))
    majority = float(np.bincount(y).max()) / len(y)
    model = _train_linear(x, y, len(classes))
    meta = {
        "name": MODEL_NAME,
        "features": list(FEATURE_NAMES),
        "fill": [float(v) for v in fill],
        "classes": classes,
        "examples": len(examples),
        "accuracy": round(accuracy, 4),
        "baseline_accuracy": round(majority, 4),
        "validation": "leave-one-out" if len(y) <= 60 else "5-fold",
        "quantization": "int8 weights, per-tensor scale",
        "opset": OPSET,
    }
    return PersonalModel(onnx_bytes=_export_onnx(model, classes), meta=meta)


def reference_probabilities(model: PersonalModel, rows: Sequence[Mapping[str, float | None]]
                            ) -> np.ndarray:
    """The same maths in numpy, from the ONNX initialisers (to check the exported graph)."""
    import onnx
    from onnx import numpy_helper

    proto = onnx.load_from_string(model.onnx_bytes)
    init = {t.name: numpy_helper.to_array(t) for t in proto.graph.initializer}
    linear = _Linear(w_q=init["w_q"], scale=float(init["w_scale"]), bias=init["bias"])
    return linear.probabilities(model.matrix(rows))


class LabelledCheckin(Protocol):
    """What a stored voice check-in offers for training (see ``storage.voice.VoiceCheckin``)."""

    prosody: dict[str, Any]
    arousal: float | None
    text_analysis: dict[str, Any] | None
    self_mood: int | None


def examples_from_checkins(checkins: Sequence[LabelledCheckin]) -> list[Example]:
    """Labelled examples from stored voice check-ins; unlabelled ones are skipped."""
    return [
        Example(features_of(c.prosody, c.arousal, c.text_analysis), int(c.self_mood))
        for c in checkins
        if c.self_mood is not None and c.prosody.get("speech_s")
    ]
