#!/usr/bin/env python3
"""One MiniLM encoder for both text models: emotions and the learned crisis layer, trained
together (training venv)::

    .venv-train/bin/python scripts/train_shared_encoder.py [--stages finetune,evaluate]

Today each 120-word entry runs the emotion model once (123 tokens) and the crisis layer's
sentence encoder once per sentence with its neighbours (about 375 tokens). With one encoder,
one pass over the entry gives both: the emotion head reads the pooled window, the crisis head
reads each sentence's own tokens pooled out of the same pass (in context, so the neighbours
are read through attention instead of a second time).

Stages (artifacts under ``.train-work-shared/``; each resumes from its checkpoint):

a. ``finetune`` starts from the shipped text-emotion weights (int8 rebuilt to float with
   dither, as ``train_text_emotion_situations.py`` does) and a new crisis head. Each epoch
   interleaves emotion batches (the situational training lines, all of them, and a sample of
   GoEmotions training comments; the text-emotion loss) with crisis batches: every training
   statement of the crisis layer either alone or placed among 1-4 everyday training lines, and
   everyday entries of 3-6 lines. A crisis statement's score is the highest of its sentences'
   scores (its label says only that some sentence is a risk); an everyday line's sentences are
   safe. Checkpoints every ``--ckpt-every`` steps.
b. ``evaluate`` (float, PyTorch) prints the emotion figures the text-emotion card uses (the
   situational dev split, the round-ten blind sets, the GoEmotions Ekman test with thresholds
   tuned on its dev split) and the crisis layer's ranking (ROC AUC, recall at the false-positive
   rate of the shipped layer) on statements alone and placed in held-out everyday entries, next
   to the shipped learned layer scored the same way.

Nothing here is shipped: the app keeps its two models until a shared encoder passes both
models' gates (see docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import train_crisis_classifier as crisis  # noqa: E402
import train_text_emotion as base  # noqa: E402
import train_text_emotion_situations as sit  # noqa: E402

WORK = REPO / ".train-work-shared"
LABELS = base.EKMAN_LABELS
BLIND_EMOTION = [REPO / "bench" / "data" / "text-blind" / f"r10{s}-emotions.jsonl" for s in "abc"]
# English lines of text rounds eighteen to twenty-one (aggregate figures only)
BLIND_CRISIS = [REPO / "bench" / "data" / "text-blind" / f"r{n}{s}-crisis.jsonl"
                for n in (18, 19, 20, 21) for s in "abc"]
_SENT = re.compile(r"(?<=[.!?])\s+|\n+")


def log(msg: str) -> None:
    print(f"[shared {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (split after . ! ? and at line breaks)."""
    spans, start = [], 0
    for m in _SENT.finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


class SharedNet(nn.Module):
    """The emotion network (encoder, 7-label head, auxiliary head) plus a crisis head that
    reads one sentence: the mean of its tokens' last hidden states, unit length, times 10."""

    def __init__(self) -> None:
        super().__init__()
        self.emo = base.build_net(28)
        self.crisis_head = nn.Linear(384, 1)
        with torch.no_grad():
            self.crisis_head.weight.zero_()
            self.crisis_head.bias.zero_()

    def hidden(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        out = self.emo.encoder(input_ids=ids, attention_mask=mask,
                               token_type_ids=torch.zeros_like(ids))
        return out.last_hidden_state

    def emotion_logits(self, hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        m = mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
        return self.emo.head(self.emo.dropout(pooled))

    def span_logits(self, hidden: torch.Tensor, spans: list[tuple[int, int, int]]
                    ) -> torch.Tensor:
        """One logit per (row, first token, end token) span."""
        vecs = torch.stack([hidden[b, s:e].mean(0) for b, s, e in spans])
        vecs = vecs / vecs.norm(dim=-1, keepdim=True).clamp(min=1e-12)
        return self.crisis_head(vecs * 10.0).squeeze(-1)


# --------------------------------------------------------------------------- data


def tokenizer() -> Any:
    return base.make_tokenizer(128)


def goemotions() -> base.Ctx:
    """GoEmotions splits, read and tokenised as the text-emotion scripts do."""
    return base.Ctx(argparse.Namespace(max_len=128, data=base.DEFAULT_DATA, force=False,
                                       weights=None))


def weights_path(a: argparse.Namespace) -> Path:
    """``--weights``, else the finished run, else its last checkpoint."""
    path = a.weights or (WORK / "finetuned.pt")
    return path if path.exists() else WORK / "ckpt_last.pt"


def load_net(a: argparse.Namespace) -> SharedNet:
    net = SharedNet()
    state = torch.load(weights_path(a), map_location="cpu", weights_only=False)
    net.load_state_dict(state.get("model", state))
    return net.eval()


def token_spans(enc: Any, char_spans: list[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """Token ranges [s, e) covering each character span (None when truncated away)."""
    offs = enc.offsets
    special = enc.special_tokens_mask
    out: list[tuple[int, int] | None] = []
    for a, b in char_spans:
        idx = [i for i, (s, e) in enumerate(offs) if not special[i] and e > s and s >= a
               and e <= b]
        out.append((idx[0], idx[-1] + 1) if idx else None)
    return out


class CrisisItem:
    """One crisis example: token ids and its sentences' token spans, each with a group (the
    statement's sentences share one group, scored by their maximum) and the group's label."""

    def __init__(self, ids: list[int], spans: list[tuple[int, int]], groups: list[int],
                 labels: dict[int, float], weights: dict[int, float]) -> None:
        self.ids, self.spans, self.groups, self.labels, self.weights = (
            ids, spans, groups, labels, weights)


def build_crisis_item(tok: Any, parts: list[tuple[str, int | None]]) -> CrisisItem | None:
    """``parts``: (text, label) in order; label 1/0 for a statement, None for everyday lines
    (each of their sentences a safe group of its own)."""
    text, char_spans, owner = "", [], []
    for k, (t, _) in enumerate(parts):
        t = crisis._sentence(t)
        if text:
            text += " "
        base_at = len(text)
        text += t
        for a, b in sentences(t):
            char_spans.append((base_at + a, base_at + b))
            owner.append(k)
    enc = tok.encode(text)
    spans, groups = [], []
    labels: dict[int, float] = {}
    weights: dict[int, float] = {}
    for (ts, k, (_, lab)) in zip(token_spans(enc, char_spans), owner,
                                 [parts[o] for o in owner], strict=True):
        if ts is None:
            continue
        if lab is None:  # everyday sentence: its own safe group
            g = 1000 + len(spans)
            labels[g], weights[g] = 0.0, 0.5
        else:
            g = k
            labels[g], weights[g] = float(lab), 1.0
        spans.append(ts)
        groups.append(g)
    # a statement whose sentences were all truncated away is dropped from the loss
    if not spans:
        return None
    return CrisisItem(enc.ids, spans, groups, labels, weights)


def crisis_rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    args = argparse.Namespace(train_on_dev=True, read_since=True, everyday=False)
    train, held, _ = crisis.data_sets(args)
    keep = [r for r in train if str(r.get("text", "")).strip()]
    return keep, held


def everyday(held: bool) -> list[str]:
    paths = [p for p in crisis.EVERYDAY if (p.name in crisis.EVERYDAY_HELD) == held]
    cache = WORK / f"everyday-{'held' if held else 'train'}.json"
    if cache.exists():
        return list(json.loads(cache.read_text()))
    lines = crisis._everyday_lines(paths)
    cache.write_text(json.dumps(lines))
    return lines


def crisis_epoch(tok: Any, rows: list[dict[str, Any]], lines: list[str], seed: int,
                 n_entries: int) -> list[CrisisItem]:
    rng = np.random.default_rng(seed)
    items: list[CrisisItem] = []
    for r in rows:
        stmt = (str(r["text"]), int(r["y"]))
        if rng.random() < 0.5:
            parts: list[tuple[str, int | None]] = [stmt]
        else:
            parts = [(lines[int(i)], None) for i in
                     rng.choice(len(lines), size=int(rng.integers(1, 5)), replace=False)]
            parts.insert(int(rng.integers(0, len(parts) + 1)), stmt)
        it = build_crisis_item(tok, parts)
        if it is not None:
            items.append(it)
    for _ in range(n_entries):
        parts = [(lines[int(i)], None) for i in
                 rng.choice(len(lines), size=int(rng.integers(3, 7)), replace=False)]
        it = build_crisis_item(tok, parts)
        if it is not None:
            items.append(it)
    return items


def crisis_loss(net: SharedNet, items: list[CrisisItem], pos_weight: float) -> torch.Tensor:
    ids, mask = base.pad_batch([it.ids for it in items])
    hidden = net.hidden(ids, mask)
    spans = [(b, s, e) for b, it in enumerate(items) for s, e in it.spans]
    logits = net.span_logits(hidden, spans)
    losses, weights = [], []
    k = 0
    for it in items:
        n = len(it.spans)
        lg = logits[k:k + n]
        k += n
        for g in dict.fromkeys(it.groups):
            sel = torch.tensor([i for i, gg in enumerate(it.groups) if gg == g])
            y = it.labels[g]
            z = lg[sel].max() if y > 0 else lg[sel]
            tgt = torch.full_like(z, y)
            pw = torch.tensor(pos_weight if y > 0 else 1.0)
            loss = nn.functional.binary_cross_entropy_with_logits(
                z, tgt, pos_weight=pw if y > 0 else None, reduction="mean")
            losses.append(loss)
            weights.append(it.weights[g])
    w = torch.tensor(weights)
    return (torch.stack(losses) * w).sum() / w.sum()


# --------------------------------------------------------------------------- stages


def stage_finetune(a: argparse.Namespace) -> None:
    final = WORK / "finetuned.pt"
    if final.exists() and not a.force:
        log("finetune: done")
        return
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    tok = tokenizer()
    ctx = goemotions()
    sit_rows = sit.load_situational(sit.SIT_DIR)
    tr, dv = sit.split_situational(sit_rows, 0.15, 13)
    sit_seqs = base.encode(tok, [sit_rows[i]["text"] for i in tr])
    y_sit = sit.one_hot([sit_rows[i]["label"] for i in tr])
    go, go_seqs = ctx.split("train")
    rows, _ = crisis_rows()
    lines = everyday(held=False)
    pos = sum(r["y"] for r in rows)
    pos_weight = (len(rows) - pos) / max(pos, 1) * 0.5 + 0.5
    log(f"data: {len(sit_seqs)} situational, {len(go_seqs)} GoEmotions, {len(rows)} crisis "
        f"statements ({pos} risk), {len(lines)} everyday lines; crisis pos_weight "
        f"{pos_weight:.2f}")

    net = SharedNet()
    state = sit.dequantize_onnx(REPO / "models" / "text-emotion" / "model.int8.onnx")
    missing, unexpected = net.emo.load_state_dict(state, strict=False)
    missing = [k for k in missing if not k.startswith("aux_head.")
               and "position_ids" not in k and ".pooler." not in k]
    if missing or unexpected:
        raise SystemExit(f"init: missing {missing} unexpected {unexpected}")
    p_go = sit.goemotions_sampling(go.ekman, 0.5)
    emo_pos = (y_sit.sum(0) + a.go_per_epoch * (p_go[:, None] * go.ekman).sum(0)) / (
        len(sit_seqs) + a.go_per_epoch)
    emo_lossf = nn.BCEWithLogitsLoss(
        pos_weight=torch.tensor(np.clip(np.sqrt((1 - emo_pos) / emo_pos), 1.0, 10.0),
                                dtype=torch.float32))

    enc_params = list(net.emo.encoder.parameters())
    opt = torch.optim.AdamW([
        {"params": enc_params, "lr": a.lr, "weight_decay": 0.01},
        {"params": list(net.emo.head.parameters()), "lr": a.head_lr, "weight_decay": 0.01},
        {"params": list(net.crisis_head.parameters()), "lr": a.crisis_head_lr,
         "weight_decay": 0.0},
    ])
    n_emo = len(sit_seqs) + a.go_per_epoch
    n_cri = len(rows) + a.everyday_entries
    steps_per_epoch = -(-n_emo // a.batch_size) + -(-n_cri // a.crisis_batch_size)
    sched = base.warmup_linear(opt, steps_per_epoch * a.epochs)
    ck = WORK / "ckpt_last.pt"
    start_epoch, start_step, gstep = base.resume(ck, net, opt, sched)
    if start_epoch or start_step:
        log(f"resumed at epoch {start_epoch} step {start_step}")
    for epoch in range(start_epoch, a.epochs):
        rng = np.random.default_rng(a.seed * 1000 + epoch)
        chosen = rng.choice(len(go_seqs), size=a.go_per_epoch, replace=False, p=p_go)
        emo_seqs = sit_seqs + [go_seqs[int(i)] for i in chosen]
        emo_y = np.concatenate([y_sit, go.ekman[chosen]])
        emo_batches = base.bucketed_batches([len(s) for s in emo_seqs], a.batch_size,
                                            seed=a.seed + epoch)
        items = crisis_epoch(tok, rows, lines, a.seed * 7 + epoch, a.everyday_entries)
        cri_batches = base.bucketed_batches([len(it.ids) for it in items], a.crisis_batch_size,
                                            seed=a.seed + 100 + epoch)
        plan = [("e", b) for b in emo_batches] + [("c", b) for b in cri_batches]
        random.Random(a.seed + 200 + epoch).shuffle(plan)
        if a.max_steps:
            plan = plan[: a.max_steps]
        net.train()
        t0, run = time.time(), {"e": [], "c": []}
        first = start_step if epoch == start_epoch else 0
        for si in range(first, len(plan)):
            kind, b = plan[si]
            if kind == "e":
                ids, mask = base.pad_batch([emo_seqs[i] for i in b])
                logits = net.emotion_logits(net.hidden(ids, mask), mask)
                loss = emo_lossf(logits, torch.from_numpy(emo_y[b])).mean()
            else:
                loss = a.crisis_weight * crisis_loss(net, [items[i] for i in b], pos_weight)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            gstep += 1
            run[kind].append(float(loss.detach()))
            if (si + 1) % 50 == 0:
                log(f"epoch {epoch} step {si + 1}/{len(plan)} emotion loss "
                    f"{np.mean(run['e'] or [0]):.4f} crisis loss {np.mean(run['c'] or [0]):.4f} "
                    f"{(si + 1 - first) / (time.time() - t0):.2f} steps/s")
                run = {"e": [], "c": []}
            if (si + 1) % a.ckpt_every == 0:
                base.save_checkpoint(ck, net, opt, sched, epoch, si + 1, gstep,
                                     {k: str(v) for k, v in vars(a).items()})
        base.save_checkpoint(ck, net, opt, sched, epoch + 1, 0, gstep,
                             {k: str(v) for k, v in vars(a).items()})
        base.atomic_torch_save(net.state_dict(), WORK / f"epoch{epoch + 1}.pt")
        log(f"finetune: epoch {epoch + 1} done ({time.time() - t0:.0f} s)")
    base.atomic_torch_save(net.state_dict(), final)


# --------------------------------------------------------------------------- evaluation


def auc(y: np.ndarray, s: np.ndarray) -> float:
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    ranks[order] = np.arange(1, len(s) + 1)
    for v in np.unique(s):  # ties share their mean rank
        m = s == v
        ranks[m] = ranks[m].mean()
    npos = int(y.sum())
    return float((ranks[y == 1].sum() - npos * (npos + 1) / 2) / (npos * (len(y) - npos)))


def recall_at_fpr(y: np.ndarray, s: np.ndarray, fpr: float) -> float:
    neg = np.sort(s[y == 0])[::-1]
    k = int(np.floor(fpr * len(neg)))
    thr = neg[k] if k < len(neg) else -np.inf
    return float((s[y == 1] > thr).mean())


@torch.no_grad()
def shared_scores(net: SharedNet, tok: Any, texts: list[str]) -> np.ndarray:
    """Highest sentence probability of each text, all sentences from one pass."""
    net.eval()
    out = np.zeros(len(texts))
    for i, t in enumerate(texts):
        enc = tok.encode(t)
        spans = [s for s in token_spans(enc, sentences(t)) if s is not None]
        if not spans:
            continue
        ids = torch.tensor([enc.ids])
        hidden = net.hidden(ids, torch.ones_like(ids))
        out[i] = float(torch.sigmoid(net.span_logits(hidden, [(0, s, e) for s, e in spans]))
                       .max())
    return out


def shipped_scores(texts: list[str]) -> np.ndarray:
    """The shipped learned layer on each text: highest unit probability, units as the app forms
    them (frames and all)."""
    from mindspace.ml.crisis import CrisisDetector
    from mindspace.ml.crisis_model import CrisisModel, model_units

    det = CrisisDetector()
    model = CrisisModel.load()
    out = np.zeros(len(texts))
    for i, t in enumerate(texts):
        _, ctx = det.screen(t)
        units = [u for _, u in model_units(ctx, det)]
        if units:
            out[i] = max(model.score_units(units))
    return out


def blind_crisis_lines() -> tuple[list[str], np.ndarray]:
    texts, ys = [], []
    for p in BLIND_CRISIS:
        for r in crisis.read_jsonl(p):
            if r.get("language", "en") == "en":
                texts.append(str(r["text"]))
                ys.append(1 if r["label"] == "risk" else 0)
    return texts, np.array(ys)


def stage_evaluate(a: argparse.Namespace) -> None:
    """Float (PyTorch) figures, or with ``--int8`` those of the exported int8 graph."""
    torch.set_num_threads(a.threads)
    tok = tokenizer()
    net = load_net(a)
    path = weights_path(a)
    res: dict[str, Any] = {"weights": str(path.name), "int8": bool(a.int8)}
    graph = OnnxShared(threads=a.threads) if a.int8 else None

    def emo_probs(texts: list[str]) -> np.ndarray:
        if graph is not None:
            return np.stack([graph.read(t)[0] for t in texts])
        seqs = base.encode(tok, texts)
        return base.predict_probs(net.emo, seqs)

    def crisis_scores(texts: list[str]) -> np.ndarray:
        if graph is not None:
            return np.array([graph.read(t)[1] for t in texts])
        return shared_scores(net, tok, texts)

    sit_rows = sit.load_situational(sit.SIT_DIR)
    _, dv = sit.split_situational(sit_rows, 0.15, 13)
    res["sit_dev"] = sit.argmax_macro_f1(sit.one_hot([sit_rows[i]["label"] for i in dv]),
                                         emo_probs([sit_rows[i]["text"] for i in dv]))["macro_f1"]
    blind = [r for p in BLIND_EMOTION for r in crisis.read_jsonl(p)]
    res["r10_blind"] = sit.argmax_macro_f1(sit.one_hot([r["label"] for r in blind]),
                                           emo_probs([r["text"] for r in blind]))["macro_f1"]
    ctx = goemotions()
    godev, _ = ctx.split("dev")
    gotest, _ = ctx.split("test")
    thr = base.tune_thresholds(godev.ekman, emo_probs(godev.texts))
    res["goemotions_test"] = base.report(gotest.ekman, emo_probs(gotest.texts), thr)["macro_f1"]
    log(f"emotions: {res}")

    texts, y = blind_crisis_lines()
    held_lines = everyday(held=True)
    rng = np.random.default_rng(5)
    entries = []
    for t in texts:
        parts = [crisis._sentence(held_lines[int(i)]) for i in
                 rng.choice(len(held_lines), size=int(rng.integers(2, 5)), replace=False)]
        parts.insert(int(rng.integers(0, len(parts) + 1)), crisis._sentence(t))
        entries.append(" ".join(parts))
    for name, xs in (("alone", texts), ("in entries", entries)):
        s_new = crisis_scores(xs)
        s_old = shipped_scores(xs)
        fpr_old = float((s_old[y == 0] >= 0.5).mean())
        res[f"crisis {name}"] = {
            "auc shared": round(auc(y, s_new), 4), "auc shipped": round(auc(y, s_old), 4),
            "recall at shipped FPR": [round(recall_at_fpr(y, s_new, fpr_old), 4),
                                      round(float((s_old[y == 1] >= 0.5).mean()), 4)],
            "shipped FPR at 0.5": round(fpr_old, 4)}
        log(f"crisis {name}: {res[f'crisis {name}']}")
    out = WORK / f"evaluate-{path.stem}{'-int8' if a.int8 else ''}.json"
    out.write_text(json.dumps(res, indent=1))
    log(f"-> {out}")


# --------------------------------------------------------------------------- export, speed


class _Both(nn.Module):
    """Export wrapper: (input_ids, attention_mask) -> (emotion probabilities, last hidden
    states); the crisis head and the sentence pooling run in NumPy on the hidden states."""

    def __init__(self, net: SharedNet) -> None:
        super().__init__()
        self.net = net

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        hidden = self.net.hidden(ids, mask)
        return torch.sigmoid(self.net.emotion_logits(hidden, mask)), hidden


def stage_export(a: argparse.Namespace) -> None:
    """float ONNX, then dynamic int8 (MatMul and Gather, per channel), then 7-bit weights
    rounded to nearest (the same integers on every CPU; scripts/requantize_7bit.py)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from requantize_7bit import requantize_file as to_7bit
    from requantize_u8u8 import requantize_file as to_u8u8

    net = load_net(a)
    tok = tokenizer()
    ids, mask = base.pad_batch([tok.encode("hello there, how are you feeling?").ids,
                                tok.encode("fine").ids])
    fp32 = WORK / "shared.fp32.onnx"
    torch.onnx.export(_Both(net), (ids, mask), str(fp32), opset_version=17, dynamo=False,
                      input_names=["input_ids", "attention_mask"],
                      output_names=["probabilities", "hidden"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "sequence"},
                                    "attention_mask": {0: "batch", 1: "sequence"},
                                    "probabilities": {0: "batch"},
                                    "hidden": {0: "batch", 1: "sequence"}},
                      do_constant_folding=True)
    out = WORK / "shared.int8.onnx"
    quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, per_channel=True,
                     op_types_to_quantize=["MatMul", "Gather"])
    to_u8u8(out)
    conv, kept, sha, size = to_7bit(out, keep=["^/head/"])
    (WORK / "crisis_head.json").write_text(json.dumps({
        "weights": net.crisis_head.weight.detach().numpy()[0].tolist(),
        "bias": float(net.crisis_head.bias.detach().numpy()[0]), "scale": 10.0}))
    log(f"export: {out.name} {size / 1e6:.1f} MB ({conv} MatMuls at 7 bits, {kept} kept)")


class OnnxShared:
    """The int8 graph and the crisis head: one pass per text gives both readings."""

    def __init__(self, threads: int = 1) -> None:
        import onnxruntime as ort

        so = ort.SessionOptions()
        so.intra_op_num_threads = threads
        so.inter_op_num_threads = 1
        so.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.sess = ort.InferenceSession(str(WORK / "shared.int8.onnx"), so,
                                         providers=["CPUExecutionProvider"])
        head = json.loads((WORK / "crisis_head.json").read_text())
        self.w = np.asarray(head["weights"], dtype=np.float32)
        self.b = float(head["bias"])
        self.tok = tokenizer()

    def read(self, text: str) -> tuple[np.ndarray, float]:
        """(emotion probabilities, highest sentence crisis probability)."""
        enc = self.tok.encode(text)
        ids = np.asarray([enc.ids], dtype=np.int64)
        probs, hidden = self.sess.run(None, {"input_ids": ids,
                                             "attention_mask": np.ones_like(ids)})
        spans = [sp for sp in token_spans(enc, sentences(text)) if sp is not None]
        if not spans:
            return probs[0], 0.0
        vecs = np.stack([hidden[0, s:e].mean(0) for s, e in spans])
        vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
        z = (vecs * 10.0) @ self.w + self.b
        return probs[0], float((1 / (1 + np.exp(-z))).max())


def stage_bench(a: argparse.Namespace) -> None:
    """Median wall and CPU time per 120-word entry: the shared graph's one pass (tokenizer,
    graph, sentence pooling, head) against the app's two models as analyze-text runs them."""
    sys.path.insert(0, str(REPO / "bench"))
    from bench_analyze_text import make_entry  # type: ignore[import-not-found]
    from cpuinfo import cpu_line  # type: ignore[import-not-found]

    print(cpu_line())
    rng = random.Random(7)
    entries = [make_entry(rng, 120) for _ in range(60)]
    for threads in (1, 2):
        shared = OnnxShared(threads=threads)
        for e in entries[:5]:
            shared.read(e)
        walls, cpus = [], []
        for e in entries:
            t0, c0 = time.perf_counter(), time.process_time()
            shared.read(e)
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        log(f"shared graph, one pass per 120-word entry: wall median {np.median(walls) * 1e3:.1f} "
            f"ms, CPU median {np.median(cpus) * 1e3:.1f} ms ({threads} intra-op threads)")


def main() -> int:
    global WORK
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--stages", default="finetune,evaluate")
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--crisis-batch-size", type=int, default=16)
    p.add_argument("--lr", type=float, default=4e-5)
    p.add_argument("--head-lr", type=float, default=5e-4)
    p.add_argument("--crisis-head-lr", type=float, default=2e-2)
    p.add_argument("--crisis-weight", type=float, default=1.0)
    p.add_argument("--go-per-epoch", type=int, default=5000)
    p.add_argument("--everyday-entries", type=int, default=800)
    p.add_argument("--ckpt-every", type=int, default=100)
    p.add_argument("--max-steps", type=int, default=0)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--weights", type=Path, default=None)
    p.add_argument("--force", action="store_true")
    p.add_argument("--int8", action="store_true", help="evaluate: the exported int8 graph")
    p.add_argument("--work", type=Path, default=WORK, help="artifact folder (git-ignored)")
    a = p.parse_args()
    WORK = a.work
    WORK.mkdir(exist_ok=True)
    for stage in a.stages.split(","):
        {"finetune": stage_finetune, "evaluate": stage_evaluate, "export": stage_export,
         "bench": stage_bench}[stage](a)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
