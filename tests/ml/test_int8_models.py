"""The shipped int8 encoders: decisions against a float reference, and the same outputs on every
CPU.

* int8 vs float: the reference is built in memory from the shipped int8 weights
  (``tests/ml/int8_reference.py``), so the only difference is the quantisation of activations.
* CPU invariance: the MatMul weights are stored as uint8 with zero point 128 (U8U8, see
  ``scripts/requantize_u8u8.py``), whose integer GEMMs onnxruntime computes exactly on every
  CPU. The former int8 (U8S8) weights went through a saturating AVX2 instruction on CPUs
  without AVX-512 VNNI and moved one held-out statement under the crisis threshold.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
from tokenizers import Tokenizer

from mindspace.ml.crisis import CrisisDetector
from mindspace.ml.crisis_model import (
    CLASSIFIER_NAME,
    ENCODER_NAME,
    CrisisModel,
    LinearHead,
    SentenceEncoder,
    model_units,
)
from mindspace.ml.emotion_model import MODEL_NAME as EMOTION_NAME
from mindspace.ml.emotion_model import EmotionModel
from mindspace.ml.registry import ModelRegistry
from tests.ml.int8_reference import float_reference

DATA = Path(__file__).resolve().parents[1] / "data"
PROBE = Path(__file__).resolve().with_name("cpu_probe.py")

# Journal-style texts for the emotion model (written for this test, not from GoEmotions).
EMOTION_TEXTS = (
    "I am so happy today!",
    "I'm terrified of what comes next.",
    "I miss her so much, I cried all night.",
    "This makes me so angry, how dare they!",
    "Wow, I did not see that coming at all!",
    "That is absolutely disgusting and gross.",
    "I went for a walk and then had lunch.",
    "Got the job! I still can't believe it, I keep smiling.",
    "My landlord ignored my messages again and I am furious.",
    "The doctor called and wants to see me tomorrow. I can't sleep.",
    "Grandma's funeral was today. The house feels empty.",
    "Someone left rubbish all over the stairs again, it stinks.",
    "I found out my best friend lied to me for months.",
    "We watched the sunset from the pier and it was perfect.",
    "Nothing much happened. Laundry, emails, dinner.",
    "The train was cancelled and I waited two hours in the cold.",
    "I'm nervous about the exam, my hands are shaking.",
    "My sister surprised me with a cake at work!",
    "I feel so lonely since the move.",
    "He shouted at the waiter and I was embarrassed and angry.",
    "The dog was sick on the carpet, gross.",
    "I'm proud of how I handled the meeting.",
    "It plays SO OFTEN on the radio and I CAN'T STAND IT anymore!!",
    "I didn't expect the results to be that good, wow.",
    "Another grey day. I stayed in bed until noon.",
    "I'm worried about money, the bills keep piling up.",
    "We laughed so hard at dinner that my stomach hurt.",
    "They cancelled my favourite show and I'm gutted.",
    "The news today scared me, I keep checking my phone.",
    "I cleaned the kitchen and made soup.",
    "How could they treat her like that? It makes me sick.",
    "My therapist said I'm making progress and I believe her.",
    "I keep replaying the argument in my head, I'm so mad at myself.",
    "Suddenly the power went out and everyone screamed.",
    "I finally called my dad and we talked for an hour. It was lovely.",
    "I don't know how I feel today, just numb.",
)


def _session(model: bytes | str) -> ort.InferenceSession:
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    return ort.InferenceSession(model, sess_options=so, providers=["CPUExecutionProvider"])


@pytest.fixture(scope="module")
def registry() -> ModelRegistry:
    return ModelRegistry()


def _crisis_units() -> list[str]:
    """Every unit the app would score for the crisis statements in tests/data: all of
    crisis_eval.jsonl and the held split of crisis_train_extra.jsonl."""
    rows = [json.loads(x) for name in ("crisis_eval.jsonl", "crisis_train_extra.jsonl")
            for x in (DATA / name).read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = [r for r in rows if r.get("split") != "train"]
    detector = CrisisDetector()
    units: list[str] = []
    for r in rows:
        _, ctx = detector.screen(r["text"])
        units += [u for _, u in model_units(ctx, detector)]
    return list(dict.fromkeys(units))


@pytest.mark.slow
def test_crisis_decisions_match_the_float_reference(registry: ModelRegistry) -> None:
    """int8 activations against float activations on the same weights. Measured with
    sentence-encoder 1.4.0 / crisis-classifier 1.5.0 (threshold 0.468): 5 of 811 units flip, all
    within 0.17 of each other and 0.12 of the threshold (int8 vs float: "i am going to jump in
    the lake after the run to cool off" 0.561 vs 0.454, "i am going to end my subscription
    tonight" 0.517 vs 0.427, "part of me wants the plane to crash with me on it" 0.417 vs 0.587,
    "i have found a place in the woods nobody walks through" 0.606 vs 0.434, "i have no
    motivation for anything this week" 0.504 vs 0.349); 1.3.0 / 1.4.0 had 3, 1.2.1 / 1.3.0 none.
    The bound keeps a margin of one."""
    entry = registry.get(ENCODER_NAME)
    path = registry.verify(entry)
    tokenizer = entry.file_path("tokenizer")
    int8 = CrisisModel.load(registry, threads=1)
    head = LinearHead.from_file(registry.verify(registry.get(CLASSIFIER_NAME)), "head")
    tok = Tokenizer.from_file(str(tokenizer))
    tok.no_padding()
    tok.enable_truncation(max_length=128)
    ref = CrisisModel(SentenceEncoder(_session(float_reference(path)), tok, "float"), head)
    units = _crisis_units()
    assert len(units) >= 700
    p8 = np.array(int8.score_units(units))
    pf = np.array(ref.score_units(units))
    thr = int8.threshold
    flips = [(u, round(a, 3), round(b, 3)) for u, a, b in zip(units, p8, pf, strict=True)
             if (a >= thr) != (b >= thr)]
    assert len(flips) <= 6, flips
    assert all(abs(a - b) < 0.25 and min(a, b) > thr - 0.2 for _, a, b in flips), flips


def _labels(p: np.ndarray, thr: np.ndarray) -> list[frozenset[int]]:
    """The app's decision rule: labels at/above their threshold, else the arg-max label."""
    return [frozenset(np.flatnonzero(row >= thr).tolist()) or frozenset([int(np.argmax(row))])
            for row in p]


def _emotion_pair(registry: ModelRegistry) -> tuple[EmotionModel, EmotionModel]:
    entry = registry.get(EMOTION_NAME)
    path = registry.verify(entry)
    tokenizer = Tokenizer.from_file(str(entry.file_path("tokenizer")))
    int8 = EmotionModel.load(registry, threads=1)
    ref = EmotionModel(_session(float_reference(path)), tokenizer, int8.labels,
                       int8.thresholds, "float")
    return int8, ref


def _emotion_flips(int8: EmotionModel, ref: EmotionModel, texts: list[str]
                   ) -> list[tuple[str, list[str], list[str]]]:
    a = [p.labels for p in int8.predict(texts)]
    b = [p.labels for p in ref.predict(texts)]
    return [(t, x, y) for t, x, y in zip(texts, a, b, strict=True) if set(x) != set(y)]


def test_emotion_decisions_match_the_float_reference(registry: ModelRegistry) -> None:
    """At most one label set may differ, and only through a label whose float probability is
    within 0.05 of its threshold (1.2.0: "I didn't expect the results to be that good, wow."
    gets joy 0.628 in int8 vs 0.576 float at threshold 0.60; every other label of every text
    agrees)."""
    int8, ref = _emotion_pair(registry)
    texts = list(EMOTION_TEXTS)
    flips = _emotion_flips(int8, ref, texts)
    assert len(flips) <= 1, flips
    for text, a, b in flips:
        p = ref.predict([text])[0].probabilities
        for label in set(a) ^ set(b):
            assert abs(p[label] - int8.thresholds[label]) <= 0.05, (text, label, p)


@pytest.mark.slow
def test_emotion_decisions_on_goemotions_test_comments(registry: ModelRegistry,
                                                       shared_data: Path) -> None:
    """Activation quantisation does flip some label sets on Reddit comments, which sit closer
    to the thresholds than the journal texts above. 1.3.1 (7-bit weights): 29 of the first 400
    comments of the Ekman test split (7.3 %), 277 of all 5,427 (5.1 %); 1.3.0 (8-bit weights):
    18 of 400, 283 of 5,427. Against the float model before any quantisation the whole split
    differs in 304 (1.3.1) and 296 (1.3.0) label sets. The int8 model is the one whose
    macro-F1 is on the card, so this is a property of the shipped model, not an error; the
    bound below (8 %) only catches a model that drifts further from its float weights."""
    path = shared_data / "goemotions" / "ekman" / "test.tsv"
    if not path.exists():
        pytest.skip("GoEmotions Ekman test split not available")
    with path.open(encoding="utf-8", newline="") as fh:
        texts = [r[0] for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)][:400]
    int8, ref = _emotion_pair(registry)
    flips = _emotion_flips(int8, ref, texts)
    assert len(flips) <= 0.08 * len(texts), (len(flips), flips[:5])


# ---- the same outputs on an AVX2-only CPU ------------------------------------------------

QEMU = shutil.which("qemu-x86_64")


def _probe(*prefix: str) -> dict:
    env = {**os.environ, "MINDSPACE_ML_THREADS": "1", "OMP_NUM_THREADS": "1"}
    out = subprocess.run([*prefix, sys.executable, str(PROBE)], capture_output=True, text=True,
                         env=env, timeout=600, check=True)
    return json.loads(out.stdout)


@pytest.mark.slow
@pytest.mark.skipif(QEMU is None, reason="qemu-x86_64 (qemu-user) is not installed")
@pytest.mark.skipif(os.uname().machine != "x86_64", reason="compares x86-64 kernels")
def test_outputs_are_the_same_on_an_avx2_only_cpu() -> None:
    """``qemu-x86_64 -cpu Haswell`` reports AVX2 without AVX-512, so onnxruntime picks its AVX2
    kernels (about 30 s under emulation). With the former U8S8 weights this set differed by up
    to 0.39 (crisis) and 0.074 (emotion), and two decisions changed (the first crisis unit
    0.186 -> 0.118, under the 0.18 threshold; one emotion label set). With U8U8 weights the
    integer maths is exact on both sides and the outputs agree to rounding: the float ops
    around it (softmax, erf, quantisation of activations) use different SIMD code and can
    differ in the last bit, and such a bit can very rarely move one activation across a uint8
    rounding step (seen once in 60 comments: 0.003). Hence: every decision equal, every
    output within 1e-6 except at most one text per model, and that one within 0.01."""
    assert QEMU is not None
    native = _probe()
    avx2 = _probe(QEMU, "-cpu", "Haswell")
    assert avx2["crisis_units"] == native["crisis_units"]
    thr = native["crisis_threshold"]
    assert [p >= thr for p in avx2["crisis_scores"]] == [p >= thr for p in native["crisis_scores"]]
    assert avx2["emotion_labels"] == native["emotion_labels"]
    for key in ("crisis_scores", "emotion_probabilities"):
        diff = np.abs(np.array(avx2[key]) - np.array(native[key]))
        per_text = diff.reshape(len(diff), -1).max(axis=1)
        assert per_text.max() <= 0.01, (key, per_text)
        assert (per_text > 1e-6).sum() <= 1, (key, per_text)


@pytest.mark.parametrize("name", [ENCODER_NAME, EMOTION_NAME])
def test_no_gemm_weight_can_saturate_avx2(registry: ModelRegistry, name: str) -> None:
    """AVX2's U8S8 kernel adds two uint8 x int8 products in a saturating int16: with int8
    weights in [-64, 63] the sum stays below 32,767 (scripts/requantize_7bit.py); uint8 weights
    (zero point 128) run the exact U8U8 kernel. Any other weight would give CPU-dependent
    numbers."""
    import onnx
    from onnx import TensorProto, numpy_helper

    model = onnx.load(str(registry.verify(registry.get(name))))
    inits = {i.name: i for i in model.graph.initializer}
    seen = 0
    for node in model.graph.node:
        if node.op_type != "MatMulInteger":
            continue
        weight, zero = inits[node.input[1]], numpy_helper.to_array(inits[node.input[3]])
        w = numpy_helper.to_array(weight).astype(np.int32)
        if weight.data_type == TensorProto.INT8:
            assert w.min() >= -64 and w.max() <= 63 and not zero.any(), node.name
        else:
            assert weight.data_type == TensorProto.UINT8 and (zero == 128).all(), node.name
        seen += 1
    assert seen >= 36
