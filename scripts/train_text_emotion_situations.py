#!/usr/bin/env python3
"""Teach the text emotion model (``models/text-emotion``) to read emotions from situations.

The 1.0.x model was fine-tuned on GoEmotions (short Reddit comments that mostly *say* the
emotion). Journal lines often only describe what happened ("my landlord kept the whole deposit
again"); on such lines it answers ``neutral``. This script continues training on GoEmotions plus
the first-person situational lines in ``training/emotion/*.jsonl`` (``{"text", "label"}``, one of
the 7 Ekman labels; see that folder's README).

Run with the training venv (torch + transformers + onnx + onnxruntime)::

    .venv-train/bin/python scripts/train_text_emotion_situations.py             # all stages
    .venv-train/bin/python scripts/train_text_emotion_situations.py --stages baseline
    .venv-train/bin/python scripts/train_text_emotion_situations.py \\
        --stages thresholds,export,quantize,evaluate,sitdev \\
        --weights .train-work/emotion-sit/epoch2.pt

Stages (artifacts under ``.train-work/emotion-sit/``; each is skipped when its artifact exists
and is fresh, so a killed run resumes where it stopped):

* ``split``    stratified hold-out of ``--dev-frac`` (15 %) of the situational lines per
               (file, label) group -> ``split.json``. The group seed depends only on the file
               name and label, so adding a new file never moves lines of older files between
               train and dev. Dev lines are never trained on.
* ``init``     starting weights: ``shipped`` rebuilds the float weights of the shipped int8
               model by dequantising it (so the run continues from the GoEmotions fine-tune
               instead of repeating it), ``base`` starts from all-MiniLM-L6-v2 -> ``init.pt``.
* ``baseline`` the shipped model (int8, scored as the app does) on the situational dev lines
               -> ``baseline.json``.
* ``finetune`` full-encoder fine-tune. Each epoch: every situational train line
               (``--sit-repeat`` times) plus ``--go-per-epoch`` GoEmotions train comments drawn
               without replacement with class-balanced weights (``--go-balance``: each comment
               weighted by the inverse frequency of its rarest label to the power ``balance``,
               so ``neutral`` stops dominating). Multi-label BCE with pos_weight, the situational
               lines' loss scaled by ``--sit-weight``. Checkpoint ``ckpt_last.pt`` every
               ``--ckpt-every`` steps and ``epochN.pt`` each epoch (resumable); per-epoch dev
               figures (situational dev arg-max macro-F1, GoEmotions dev subset) ->
               ``history.json``.
* ``blend``    weight-space interpolation between the starting weights and the fine-tuned ones
               (``init + alpha * (finetuned - init)`` for each ``--alphas``), scored like the
               epochs -> ``blend.json`` and ``blend_<alpha>.pt``; trades situational reading
               against GoEmotions without more training. Pick one with ``--weights``.
* ``thresholds``, ``export``, ``quantize``, ``evaluate``: as in ``train_text_emotion.py``
               (GoEmotions dev thresholds, ONNX opset 17, int8 with uint8 weights, Ekman test).
* ``sitdev``   int8 model on the situational dev lines (arg-max, as the app's reading) and median
               latency of a 20-word entry -> ``sitdev.json``.
* ``ship``     writes ``models/text-emotion`` (model, tokenizer, card, manifest entry) only when
               the candidate beats the shipped model on the situational dev lines and keeps
               GoEmotions Ekman test macro-F1 >= ``--min-goemotions``.

GoEmotions is read in place from ``../shared/data/goemotions`` (never copied into the repo).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import math
import os
import random
import shutil
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402
import train_text_emotion as base  # noqa: E402
from torch import nn  # noqa: E402

REPO = base.REPO
WORK = REPO / ".train-work" / "emotion-sit"
SIT_DIR = REPO / "training" / "emotion"
VERSION = "1.3.0"
LABELS = base.EKMAN_LABELS
STAGES = ("split", "init", "baseline", "finetune", "blend", "thresholds", "export", "quantize",
          "evaluate", "sitdev", "ship")
TWENTY_WORDS = ("I finally told my sister what happened at work and she just laughed and "
                "changed the subject again tonight")

log = base.log


# --------------------------------------------------------------------------- situational data


def load_situational(folder: Path) -> list[dict[str, str]]:
    """Every ``*.jsonl`` line of ``folder`` as ``{"text", "label", "source"}`` (deduplicated)."""
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            text, label = str(obj["text"]).strip(), str(obj["label"]).strip().lower()
            if label not in LABELS:
                raise SystemExit(f"{path.name}:{n}: unknown label {label!r}")
            key = " ".join(text.lower().split())
            if not text or key in seen:
                continue
            seen.add(key)
            rows.append({"text": text, "label": label, "source": path.stem})
    return rows


def split_situational(
    rows: Sequence[dict[str, str]], dev_frac: float, seed: int
) -> tuple[list[int], list[int]]:
    """Stratified by (file, label); each group shuffled with its own seed (stable when files are
    added). Returns (train indices, dev indices)."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(rows):
        groups.setdefault((r["source"], r["label"]), []).append(i)
    train: list[int] = []
    dev: list[int] = []
    for (source, label), idx in sorted(groups.items()):
        rng = random.Random(f"{seed}:{source}:{label}")
        idx = idx[:]
        rng.shuffle(idx)
        k = int(round(len(idx) * dev_frac))
        dev += idx[:k]
        train += idx[k:]
    return sorted(train), sorted(dev)


def goemotions_sampling(ekman: np.ndarray, balance: float) -> np.ndarray:
    """Sampling probability of each GoEmotions comment: the inverse frequency of its rarest
    label to the power ``balance``, normalised."""
    freq = ekman.mean(0)
    rarest = np.where(ekman > 0, freq[None, :], 1.0).min(1)
    p = rarest ** (-balance)
    return np.asarray(p / p.sum())


def one_hot(labels: Sequence[str]) -> np.ndarray:
    y = np.zeros((len(labels), len(LABELS)), dtype=np.float32)
    for i, lab in enumerate(labels):
        y[i, LABELS.index(lab)] = 1.0
    return y


def argmax_macro_f1(y: np.ndarray, probs: np.ndarray) -> dict[str, Any]:
    """Single-label reading (the label with the highest probability), as the app shows it."""
    pred = np.zeros_like(y)
    pred[np.arange(len(y)), probs.argmax(1)] = 1.0
    f1 = base.f1_per_label(y, pred)
    return {
        "macro_f1": round(float(f1.mean()), 4),
        "accuracy": round(float((pred * y).sum() / len(y)), 4),
        "neutral_answered": int(pred[:, LABELS.index("neutral")].sum()),
        "per_label_f1": {lab: round(float(v), 4) for lab, v in zip(LABELS, f1, strict=True)},
        "n": int(len(y)),
    }


class Data:
    """Situational train/dev lines and the GoEmotions splits, tokenised once."""

    def __init__(self, args: argparse.Namespace, ctx: base.Ctx):
        self.args = args
        self.ctx = ctx
        split = json.loads((WORK / "split.json").read_text())
        rows = load_situational(args.situational)
        by_text = {r["text"]: r for r in rows}
        self.sit_train = [by_text[t] for t in split["train"]]
        self.sit_dev = [by_text[t] for t in split["dev"]]
        self.sit_train_seqs = base.encode(ctx.tok, [r["text"] for r in self.sit_train])
        self.sit_dev_seqs = base.encode(ctx.tok, [r["text"] for r in self.sit_dev])
        self.y_sit_train = one_hot([r["label"] for r in self.sit_train])
        self.y_sit_dev = one_hot([r["label"] for r in self.sit_dev])


# --------------------------------------------------------------------------- stages


def stage_split(ctx: base.Ctx) -> None:
    a = ctx.args
    out = WORK / "split.json"
    rows = load_situational(a.situational)
    if not rows:
        raise SystemExit(f"no situational lines in {a.situational}")
    sources = sorted({r["source"] for r in rows})
    if out.exists() and not a.force:
        old = json.loads(out.read_text())
        if old.get("sources") == sources and old.get("n") == len(rows):
            log("split: done")
            return
        log(f"split: files changed ({old.get('sources')} -> {sources}); redoing the split")
    tr, dv = split_situational(rows, a.dev_frac, a.seed)
    counts = {lab: [sum(rows[i]["label"] == lab for i in s) for s in (tr, dv)] for lab in LABELS}
    base.write_json(out, {
        "sources": sources, "n": len(rows), "dev_frac": a.dev_frac, "seed": a.seed,
        "counts_train_dev": counts,
        "train": [rows[i]["text"] for i in tr], "dev": [rows[i]["text"] for i in dv],
    })
    log(f"split: {len(rows)} lines from {sources}: train {len(tr)}, dev {len(dv)}")


def dequantize_onnx(path: Path, dither_seed: int | None = 0) -> dict[str, torch.Tensor]:
    """Float state dict (``EmotionNet`` names) rebuilt from a model exported and quantised by
    ``train_text_emotion.py``: MatMul weights ``(q - zero_point) * per-channel scale``
    (transposed back to ``nn.Linear`` layout), embedding tables ``(q - zp) * scale``, the float
    biases and LayerNorms as they are.

    With ``dither_seed`` each quantised weight gets uniform noise of +-half its quantisation
    step (the float weights it came from lay somewhere in that cell). Without it every weight
    sits exactly on the int8 grid, and fine-tuning updates smaller than half a step would round
    back to the old int8 values at export: the int8 model would silently stay the old one."""
    rng = np.random.default_rng(dither_seed) if dither_seed is not None else None

    def dither(w: np.ndarray, step: np.ndarray | float) -> np.ndarray:
        if rng is None:
            return w
        return w + (rng.random(w.shape, dtype=np.float32) - 0.5) * step
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(path))
    inits = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    state: dict[str, torch.Tensor] = {}
    for name, arr in inits.items():
        if name.startswith("net.") and arr.dtype == np.float32 and not name.endswith("_scale"):
            state[name[len("net."):]] = torch.from_numpy(arr.copy())
    for name in list(inits):
        if name.startswith("net.") and name.endswith(".weight_quantized"):
            stem = name[: -len("_quantized")]
            q = inits[name].astype(np.float32)
            w = (q - inits[stem + "_zero_point"].astype(np.float32)) * inits[stem + "_scale"]
            w = dither(w, inits[stem + "_scale"])
            state[stem[len("net."):]] = torch.from_numpy(w.astype(np.float32))
    for node in model.graph.node:
        if node.op_type != "MatMulInteger":
            continue
        b = node.input[1]
        q = inits[b].astype(np.float32) - inits[node.input[3]].astype(np.float32)
        scale = inits[b.replace("_quantized_u8", "").replace("_quantized", "") + "_scale"]
        w = dither(q * scale, scale).T  # ONNX [in, out] -> nn.Linear [out, in]
        if node.name.startswith("/head/"):
            key = "head.weight"
        else:  # /encoder/encoder/layer.0/attention/self/query/MatMul_quant
            key = node.name.split("/MatMul")[0].strip("/").replace("/", ".") + ".weight"
        state[key] = torch.from_numpy(np.ascontiguousarray(w, dtype=np.float32))
    return state


def stage_init(ctx: base.Ctx) -> None:
    out = WORK / "init.pt"
    if out.exists() and not ctx.args.force:
        log("init: done")
        return
    net = base.build_net(28)
    if ctx.args.init == "shipped":
        src = REPO / "models" / "text-emotion" / "model.int8.onnx"
        state = dequantize_onnx(src)
        missing, unexpected = net.load_state_dict(state, strict=False)
        missing = [k for k in missing if not k.startswith("aux_head.")
                   and "position_ids" not in k and ".pooler." not in k]
        if missing or unexpected:
            raise SystemExit(f"init: missing {missing} unexpected {unexpected}")
        # check: the rebuilt float model agrees with the shipped int8 model
        probe = ["my landlord kept the whole deposit again", "so happy today!!", "ok"]
        seqs = base.encode(ctx.tok, probe)
        diff = np.abs(base.predict_probs(net, seqs) - base.onnx_probs(src, seqs)).max()
        log(f"init: dequantised {src.name}; max |float - int8| prob on probes {diff:.3f}")
        if diff > 0.1:
            raise SystemExit("init: dequantised model disagrees with the shipped model")
    base.atomic_torch_save(net.state_dict(), out)


def stage_baseline(ctx: base.Ctx) -> None:
    out = WORK / "baseline.json"
    d = Data(ctx.args, ctx)
    if (out.exists() and not ctx.args.force
            and json.loads(out.read_text())["sit_dev"]["n"] == len(d.sit_dev)):
        log("baseline: done")
        return
    src = REPO / "models" / "text-emotion" / "model.int8.onnx"
    res = argmax_macro_f1(d.y_sit_dev, base.onnx_probs(src, d.sit_dev_seqs))
    base.write_json(out, {"model": "shipped text-emotion int8", "sit_dev": res})
    log(f"baseline: shipped model on situational dev: {res}")


def stage_finetune(ctx: base.Ctx) -> None:
    a = ctx.args
    final = WORK / "finetuned.pt"
    if final.exists():
        log("finetune: done (finetuned.pt exists)")
        return
    d = Data(a, ctx)
    go, go_seqs = ctx.split("train")
    godev, godev_seqs = ctx.split("dev")
    dev_take = list(range(0, len(godev_seqs), max(1, len(godev_seqs) // a.go_dev_n)))
    # one index space: situational train lines first, then GoEmotions train comments
    seqs = d.sit_train_seqs + go_seqs
    y = np.concatenate([d.y_sit_train, go.ekman])
    n_sit = len(d.sit_train_seqs)
    w_row = np.concatenate([np.full(n_sit, a.sit_weight, np.float32),
                            np.ones(len(go_seqs), np.float32)])
    p_go = goemotions_sampling(go.ekman, a.go_balance)
    n_go = min(a.go_per_epoch, len(go_seqs))
    per_epoch = n_sit * a.sit_repeat + n_go
    # label frequencies of the expected mix -> pos_weight
    mix = (d.y_sit_train.sum(0) * a.sit_repeat + n_go * (p_go[:, None] * go.ekman).sum(0))
    pos = mix / per_epoch
    pos_weight = torch.tensor(np.clip(np.sqrt((1 - pos) / pos), 1.0, 10.0), dtype=torch.float32)
    lossf = nn.BCEWithLogitsLoss(pos_weight=pos_weight, reduction="none")

    torch.manual_seed(a.seed)
    net = base.build_net(28)
    net.load_state_dict(torch.load(WORK / "init.pt", map_location="cpu", weights_only=False))
    no_decay = ("bias", "LayerNorm.weight")
    enc = list(net.encoder.named_parameters())
    groups = [
        {"params": [p for n, p in enc if not any(k in n for k in no_decay)],
         "weight_decay": 0.01, "lr": a.lr},
        {"params": [p for n, p in enc if any(k in n for k in no_decay)],
         "weight_decay": 0.0, "lr": a.lr},
        {"params": list(net.head.parameters()), "weight_decay": 0.01, "lr": a.head_lr},
    ]
    opt = torch.optim.AdamW(groups)
    steps_per_epoch = math.ceil(per_epoch / a.batch_size)
    sched = base.warmup_linear(opt, steps_per_epoch * a.epochs)
    ck = WORK / "ckpt_last.pt"
    start_epoch, start_step, gstep = base.resume(ck, net, opt, sched)

    def save(epoch: int, step_in_epoch: int) -> None:
        base.save_checkpoint(ck, net, opt, sched, epoch, step_in_epoch, gstep,
                             {k: str(v) for k, v in vars(a).items()})

    log(f"finetune: {a.epochs} epochs x {steps_per_epoch} steps ({n_sit} x{a.sit_repeat} "
        f"situational + {n_go} GoEmotions per epoch), lr {a.lr}, pos_weight "
        f"{np.round(pos_weight.numpy(), 2).tolist()}")
    hist_path = WORK / "history.json"
    history: list[dict[str, Any]] = json.loads(hist_path.read_text()) if hist_path.exists() else []
    for epoch in range(start_epoch, a.epochs):
        rng = np.random.default_rng(a.seed * 1000 + epoch)
        chosen = rng.choice(len(go_seqs), size=n_go, replace=False, p=p_go) + n_sit
        items = np.concatenate([np.tile(np.arange(n_sit), a.sit_repeat), chosen])
        lengths = [len(seqs[i]) for i in items]
        batches = [[int(items[j]) for j in b]
                   for b in base.bucketed_batches(lengths, a.batch_size, seed=a.seed + epoch)]
        if a.max_steps:  # quick trial runs
            batches = batches[: a.max_steps]
        net.train()
        t0, seen, run_loss = time.time(), 0, 0.0
        first = start_step if epoch == start_epoch else 0
        for si in range(first, len(batches)):
            b = batches[si]
            ids, mask = base.pad_batch([seqs[i] for i in b])
            logits, _ = net(ids, mask)
            per = lossf(logits, torch.from_numpy(y[b])).mean(1)
            wb = torch.from_numpy(w_row[b])
            loss = (per * wb).sum() / wb.sum()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            gstep += 1
            seen += len(b)
            run_loss += float(loss.detach())
            if (si + 1) % 25 == 0:
                log(f"epoch {epoch} step {si + 1}/{len(batches)} loss {run_loss / 25:.4f} "
                    f"{seen / (time.time() - t0):.1f} ex/s")
                run_loss = 0.0
            if (si + 1) % a.ckpt_every == 0:
                save(epoch, si + 1)
        save(epoch + 1, 0)
        base.atomic_torch_save(net.state_dict(), WORK / f"epoch{epoch + 1}.pt")
        p_sit = base.predict_probs(net, d.sit_dev_seqs)
        p_go_dev = base.predict_probs(net, [godev_seqs[i] for i in dev_take])
        y_go_dev = godev.ekman[dev_take]
        thr = base.tune_thresholds(y_go_dev, p_go_dev)
        rec = {"epoch": epoch + 1, "sit_dev": argmax_macro_f1(d.y_sit_dev, p_sit),
               "go_dev_subset": base.report(y_go_dev, p_go_dev, thr) | {"n": len(dev_take)},
               "seconds": round(time.time() - t0)}
        history.append(rec)
        base.write_json(hist_path, history)
        log(f"finetune: epoch {epoch + 1}: situational dev macro-F1 "
            f"{rec['sit_dev']['macro_f1']} (neutral answered {rec['sit_dev']['neutral_answered']}"
            f"/{rec['sit_dev']['n']}), GoEmotions dev subset {rec['go_dev_subset']['macro_f1']}")
    best = a.epochs
    shutil.copyfile(WORK / f"epoch{best}.pt", final)
    log("finetune: finished -> finetuned.pt")


def score_epoch(net: base.EmotionNet, d: Data, ctx: base.Ctx, go_dev_n: int) -> dict[str, Any]:
    """Situational dev (arg-max) and an evenly spaced GoEmotions dev subset (dev thresholds)."""
    godev, godev_seqs = ctx.split("dev")
    take = list(range(0, len(godev_seqs), max(1, len(godev_seqs) // go_dev_n)))
    p_go = base.predict_probs(net, [godev_seqs[i] for i in take])
    thr = base.tune_thresholds(godev.ekman[take], p_go)
    return {"sit_dev": argmax_macro_f1(d.y_sit_dev, base.predict_probs(net, d.sit_dev_seqs)),
            "go_dev_subset": base.report(godev.ekman[take], p_go, thr) | {"n": len(take)}}


def stage_blend(ctx: base.Ctx) -> None:
    a = ctx.args
    out = WORK / "blend.json"
    d = Data(a, ctx)
    init = torch.load(WORK / "init.pt", map_location="cpu", weights_only=False)
    tuned = torch.load(WORK / "finetuned.pt", map_location="cpu", weights_only=False)
    res: list[dict[str, Any]] = json.loads(out.read_text()) if out.exists() else []
    done = {r["alpha"] for r in res}
    net = base.build_net(28)
    for alpha in (float(x) for x in a.alphas.split(",")):
        if alpha in done:
            continue
        state = {k: (init[k] + alpha * (tuned[k] - init[k])) if tuned[k].is_floating_point()
                 else tuned[k] for k in tuned}
        net.load_state_dict(state)
        base.atomic_torch_save(state, WORK / f"blend_{alpha:g}.pt")
        r = {"alpha": alpha} | score_epoch(net, d, ctx, a.go_dev_n)
        res.append(r)
        base.write_json(out, sorted(res, key=lambda x: x["alpha"]))
        log(f"blend {alpha:g}: situational dev {r['sit_dev']['macro_f1']} (neutral "
            f"{r['sit_dev']['neutral_answered']}), GoEmotions dev subset "
            f"{r['go_dev_subset']['macro_f1']}")


def stage_sitdev(ctx: base.Ctx) -> None:
    out = WORK / "sitdev.json"
    if ctx.fresh(out):
        log("sitdev: done")
        return
    import onnxruntime as ort

    d = Data(ctx.args, ctx)
    path = WORK / "model.int8.onnx"
    res = argmax_macro_f1(d.y_sit_dev, base.onnx_probs(path, d.sit_dev_seqs))
    so = ort.SessionOptions()
    so.intra_op_num_threads = 2
    sess = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
    ids = np.asarray([ctx.tok.encode(TWENTY_WORDS).ids], dtype=np.int64)
    feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
    for _ in range(5):
        sess.run(None, feeds)
    times = []
    for _ in range(50):
        t0 = time.perf_counter()
        sess.run(None, feeds)
        times.append((time.perf_counter() - t0) * 1000)
    out_obj = {"weights": ctx.args.weights.name, "sit_dev_int8": res,
               "median_ms_20_words": round(statistics.median(times), 2),
               "int8_size_bytes": path.stat().st_size}
    base.write_json(out, out_obj)
    ctx.mark(out)
    log(f"sitdev: int8 situational dev {res['macro_f1']}, median {out_obj['median_ms_20_words']}"
        " ms per 20-word entry")


# --------------------------------------------------------------------------- ship


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stage_ship(ctx: base.Ctx) -> None:
    a = ctx.args
    ev = json.loads((WORK / "eval.json").read_text())
    sit = json.loads((WORK / "sitdev.json").read_text())
    shipped = json.loads((WORK / "baseline.json").read_text())["sit_dev"]
    go_test = ev["int8_test"]["macro_f1"]
    cand = sit["sit_dev_int8"]["macro_f1"]
    if cand <= shipped["macro_f1"] or go_test < a.min_goemotions:
        log(f"ship: refused (situational dev {cand} vs shipped {shipped['macro_f1']}, "
            f"GoEmotions test {go_test} vs minimum {a.min_goemotions})")
        return
    out_dir = base.OUT_DIR
    model_dst = out_dir / "model.int8.onnx"
    tok_dst = out_dir / "tokenizer.json"
    shutil.copyfile(WORK / "model.int8.onnx", model_dst)
    base.inference_tokenizer(a.max_len, a.stride).save(str(tok_dst))
    manifest_path = base.MODELS / "manifest.json"
    data = json.loads(manifest_path.read_text(encoding="utf-8"))
    entry = next(m for m in data["models"] if m["name"] == base.NAME)
    size = model_dst.stat().st_size
    entry["version"] = VERSION
    entry["sha256"] = sha256_of(model_dst)
    entry["size"] = size
    entry["thresholds"] = {k: round(float(v), 2) for k, v in ev["thresholds"].items()}
    entry["data_source"] = ("GoEmotions (Demszky et al. 2020), Ekman taxonomy, Apache-2.0; "
                            "situational first-person lines written for MindSpace "
                            "(training/emotion/)")
    entry["metrics"] = {"test_macro_f1_int8": ev["int8_test"]["macro_f1"],
                        "test_macro_f1_float": ev["float_test"]["macro_f1"],
                        "situational_dev_macro_f1_int8": cand}
    entry["files"] = {
        "model": {"path": f"{base.NAME}/model.int8.onnx", "sha256": entry["sha256"],
                  "size": size},
        "tokenizer": {"path": f"{base.NAME}/tokenizer.json", "sha256": sha256_of(tok_dst),
                      "size": tok_dst.stat().st_size},
    }

    def fig(r: dict[str, Any], n: int) -> dict[str, Any]:
        return {"macro_f1": r["macro_f1"]} | {
            f"f1_{k}": round(v, 3) for k, v in r["per_label_f1"].items()} | {"n": n}

    entry["figures"] = {
        "GoEmotions Ekman test (int8)": fig(ev["int8_test"], 5427),
        "GoEmotions Ekman test (float32)": fig(ev["float_test"], 5427),
        "GoEmotions Ekman dev (int8)": {"macro_f1": ev["int8_dev"]["macro_f1"], "n": 5426},
        "Situational dev lines (int8, arg-max)": fig(sit["sit_dev_int8"],
                                                     sit["sit_dev_int8"]["n"]),
    }
    base.write_json(manifest_path, data)
    log(f"ship: models/{base.NAME} {VERSION} written ({size / 1e6:.1f} MB); "
        "refresh drift_reference with scripts/make_drift_reference.py and update MODEL_CARD.md")


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--data", type=Path, default=base.DEFAULT_DATA)
    p.add_argument("--situational", type=Path, default=SIT_DIR)
    p.add_argument("--stages", default=",".join(STAGES))
    p.add_argument("--init", choices=("shipped", "base"), default="shipped")
    p.add_argument("--dev-frac", type=float, default=0.15)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=4e-5)
    p.add_argument("--head-lr", type=float, default=5e-4)
    p.add_argument("--sit-repeat", type=int, default=1)
    p.add_argument("--sit-weight", type=float, default=1.0)
    p.add_argument("--go-per-epoch", type=int, default=2500)
    p.add_argument("--go-balance", type=float, default=0.5,
                   help="GoEmotions sampling weight = (frequency of rarest label) ** -balance")
    p.add_argument("--alphas", default="0.5,0.7,0.85", help="blend stage: weights on the "
                   "fine-tuned model")
    p.add_argument("--go-dev-n", type=int, default=1000, help="GoEmotions dev rows per epoch")
    p.add_argument("--min-goemotions", type=float, default=0.63)
    p.add_argument("--max-len", type=int, default=128)
    p.add_argument("--stride", type=int, default=32)
    p.add_argument("--ckpt-every", type=int, default=40)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--weights", type=Path, default=None,
                   help="state dict for the stages after finetune (default: finetuned.pt)")
    p.add_argument("--force", action="store_true")
    p.add_argument("--work", type=Path, default=WORK, help="artifact folder (git-ignored)")
    p.add_argument("--max-steps", type=int, default=0, help="cut each epoch (trial runs)")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    global WORK
    args = parse_args(argv)
    WORK = args.work
    if args.weights is None:
        args.weights = WORK / "finetuned.pt"
    torch.set_num_threads(args.threads)
    WORK.mkdir(parents=True, exist_ok=True)
    base.WORK = WORK  # the shared stages write their artifacts here
    base.VERSION = VERSION
    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    unknown = set(stages) - set(STAGES)
    if unknown:
        raise SystemExit(f"unknown stages: {sorted(unknown)}")
    ctx = base.Ctx(args)
    funcs = {
        "split": stage_split, "init": stage_init, "baseline": stage_baseline,
        "finetune": stage_finetune, "blend": stage_blend, "thresholds": base.stage_thresholds,
        "export": base.stage_export, "quantize": base.stage_quantize,
        "evaluate": base.stage_evaluate, "sitdev": stage_sitdev, "ship": stage_ship,
    }
    for s in STAGES:
        if s in stages:
            t0 = time.time()
            funcs[s](ctx)
            log(f"stage {s} took {time.time() - t0:.0f}s ({_dt.datetime.now():%H:%M})")
    _log_run(args)
    return 0


def _log_run(args: argparse.Namespace) -> None:
    """Record the run in mlruns/ (skipped with a warning without mlflow): parameters, the
    sha256 of every data file, the figures of every evaluation and the exported model."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run_tracking import log_run

    corpus = sorted((base.REPO / "training" / "emotion").glob("*.jsonl"))
    ekman = base.DEFAULT_DATA / "ekman"
    goemotions = [ekman / f"{split}.tsv" for split in ("train", "dev", "test")]
    metrics: dict[str, Any] = {}
    for name in ("eval.json", "sitdev.json"):
        path = WORK / name
        if path.exists():
            metrics[name.removesuffix(".json")] = json.loads(path.read_text())
    artifacts = [p for p in (WORK / "model.int8.onnx", WORK / "eval.json", WORK / "sitdev.json")
                 if p.exists()]
    run_id = log_run("text-emotion-situations", vars(args),
                     [p for p in (*corpus, *goemotions) if p.exists()], metrics, artifacts)
    if run_id:
        log(f"run logged: mlruns/ run {run_id}")


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sys.exit(main())
