"""Text analysis speed: what `mindspace analyze-text` computes per entry, and `--lines` throughput.

Usage: python bench/bench_analyze_text.py [--entries 200] [--lines-entries 300] [--no-cli]

Entries are made up by a seeded generator (no real data): short (20 words) and long
(120 words), several sentences each, everyday journal wording with now and then a tired or
low sentence so the crisis screen's learned layer has units to read.

Printed:
* per entry, in process, through the analyzer `analyze-text` uses (``AppServices.text_analyzer``):
  median and p95 of wall time and of CPU time (``time.process_time``: every thread of the
  process, so onnxruntime's and the analysis pool's threads count; other
  jobs on a shared machine inflate wall time, not CPU time);
* the same split by component, each timed on its own over the same entries: language id,
  pattern screen, learned crisis layer, emotion model, sentiment (VADER + token count);
* one thread vs two (``workers``), interleaved on the same entries in one process;
* `analyze-text --lines --json` through a subprocess: entries per second for N long entries, raw
  (including start-up and model loading) and net of a one-entry run (start-up only), with the
  child's CPU time;
* the CPU line and the load average before and after.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cpuinfo import cpu_line  # noqa: E402 - bench/ is the script's folder

from mindspace.app.container import AppServices  # noqa: E402
from mindspace.ml.language import identify  # noqa: E402
from mindspace.ml.text_analyzer import TextAnalyzer, model_excerpt  # noqa: E402

_OPENERS = ["This morning", "After work", "Tonight", "At lunch", "Later on", "Earlier today",
            "Around noon", "On the bus", "Before bed", "In the afternoon"]
_SUBJECTS = ["I", "my sister and I", "we", "I finally", "my partner and I", "the team and I"]
_ACTIONS = ["walked to the park", "cooked a big pot of soup", "cleaned the kitchen",
            "called my mum about the weekend", "read two chapters of my book",
            "went for a slow run by the river", "fixed the wobbly shelf", "watered the plants",
            "answered a pile of emails", "sorted the laundry", "baked bread for the first time",
            "sat in the garden with coffee", "finished the report for Monday",
            "tidied my desk", "planned the trip to the coast", "played cards with friends"]
_FEELINGS = ["and it felt good", "which was calming", "and I was a bit annoyed",
             "and I laughed a lot", "though I was tired", "and I felt proud of it",
             "which made me nervous", "and it was fine", "and the light was lovely",
             "but the rain spoiled it a little", "and I felt at ease"]
_LOW = ["I feel so tired of everything lately.", "Some days nothing seems to matter much.",
        "I felt empty and alone in the evening.", "I could not sleep and my chest felt tight.",
        "Work keeps piling up and I do not know how to cope with it."]


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.08:
        return rng.choice(_LOW)
    return (f"{rng.choice(_OPENERS)} {rng.choice(_SUBJECTS)} {rng.choice(_ACTIONS)} "
            f"{rng.choice(_FEELINGS)}.")


def make_entry(rng: random.Random, words: int) -> str:
    """A made-up entry of exactly ``words`` words, in whole sentences (the last one cut)."""
    out: list[str] = []
    while len(out) < words:
        out.extend(_sentence(rng).split())
    text = " ".join(out[:words])
    return text if text.endswith(".") else text.rstrip(",") + "."


def make_entries(n: int, words: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [make_entry(rng, words) for _ in range(n)]


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


def _stats(values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"{statistics.median(ms):7.2f} / {p95:7.2f}"


def components(analyzer: TextAnalyzer, text: str) -> dict[str, Callable[[], object]]:
    """Each part of ``TextAnalyzer.analyze`` as its own call, on the same inputs."""
    detector = analyzer._crisis  # noqa: SLF001 - a benchmark looks inside on purpose
    sentiment = analyzer._sentiment  # noqa: SLF001
    model = analyzer.emotion_model()
    layer = detector.model
    result, ctx = detector.screen(text)
    parts: dict[str, Callable[[], object]] = {
        "language id": lambda: identify(text),
        "pattern screen": lambda: detector.screen(text),
        "sentiment + tokens": lambda: (sentiment.analyze(text), sentiment.tokenize(text)),
    }
    if layer is not None:
        parts["learned crisis layer"] = lambda: layer.apply(result, ctx, detector)
    if model is not None:
        parts["emotion model"] = lambda: model.predict([model_excerpt(text)[0]])
    return parts


def bench_in_process(analyzer: TextAnalyzer, entries: list[str], label: str) -> None:
    for text in entries[:3]:  # warm-up: models loaded, caches filled
        analyzer.analyze(text)
    wall, cpu = [], []
    for text in entries:
        w, c = _timed(lambda t=text: analyzer.analyze(t))
        wall.append(w)
        cpu.append(c)
    print(f"{label:34s} wall {_stats(wall)}   CPU {_stats(cpu)}")
    split: dict[str, tuple[list[float], list[float]]] = {}
    for text in entries:
        for name, fn in components(analyzer, text).items():
            w, c = _timed(fn)
            ws, cs = split.setdefault(name, ([], []))
            ws.append(w)
            cs.append(c)
    for name, (ws, cs) in split.items():
        print(f"  {name:32s} wall {_stats(ws)}   CPU {_stats(cs)}")


def bench_workers(entries: list[str]) -> None:
    """The same entries, alternately through one thread and through two (``workers``), in
    one process: a fair side-by-side on a machine whose load changes from minute to minute."""
    from mindspace.ml.crisis import CrisisDetector
    from mindspace.ml.crisis_model import CrisisModel, ModelLayer
    from mindspace.ml.emotion_model import EmotionModel
    from mindspace.ml.registry import ModelRegistry

    registry = ModelRegistry()
    encoder, emotion = CrisisModel.load(registry), EmotionModel.load(registry)
    built = {w: TextAnalyzer(lambda: emotion, crisis=CrisisDetector(
        model=ModelLayer(lambda: encoder, workers=w)), workers=w) for w in (1, 2)}
    for a in built.values():
        a.analyze(entries[0])
    one: dict[int, tuple[list[float], list[float]]] = {1: ([], []), 2: ([], [])}
    batch: dict[int, tuple[float, float]] = {}
    for text in entries:
        for w, a in built.items():
            wt, ct = _timed(lambda a=a, t=text: a.analyze(t))
            one[w][0].append(wt)
            one[w][1].append(ct)
    for w, a in built.items():
        batch[w] = _timed(lambda a=a: a.analyze_many(entries))
    for w in (1, 2):
        bw, bc = batch[w]
        print(f"  workers={w}: one entry wall {_stats(one[w][0])}  CPU {_stats(one[w][1])} | "
              f"analyze_many {len(entries) / bw:5.1f} entries/s, {1000 * bc / len(entries):.1f}"
              " ms CPU per entry")


def bench_cli(entries: list[str]) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)

    def run(lines: list[str]) -> tuple[float, float, int]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "mindspace", "analyze-text", "--lines",
                              "--json"], input="\n".join(lines) + "\n", capture_output=True,
                             text=True, env=env, check=False)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if out.returncode != 0:
            raise SystemExit(f"analyze-text failed ({out.returncode}): {out.stderr.strip()}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return wall, cpu, len(out.stdout.splitlines())

    run(entries[:1])  # page cache warm
    w1, c1, _ = run(entries[:1])
    wn, cn, n = run(entries)
    if n != len(entries):
        raise SystemExit(f"analyze-text printed {n} results for {len(entries)} entries")
    print(f"analyze-text --lines --json, {n} long entries (subprocess):")
    print(f"  raw: {wn:.2f} s wall, {cn:.2f} s CPU -> {n / wn:.1f} entries/s")
    print(f"  one entry (start-up + model load): {w1:.2f} s wall, {c1:.2f} s CPU")
    net_w, net_c = max(1e-6, wn - w1), max(1e-6, cn - c1)
    print(f"  net of start-up: {n / net_w:.1f} entries/s wall, "
          f"{1000 * net_c / n:.2f} ms CPU per entry")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=200, help="entries per size in process")
    ap.add_argument("--lines-entries", type=int, default=300, help="long entries for the CLI run")
    ap.add_argument("--no-cli", action="store_true", help="skip the subprocess run")
    args = ap.parse_args()
    print(f"CPU: {cpu_line()}; MINDSPACE_ML_THREADS="
          f"{os.environ.get('MINDSPACE_ML_THREADS', '(default)')}")
    print(f"load average at start: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    analyzer = AppServices().text_analyzer()
    t0 = time.perf_counter()
    analyzer.analyze("Loading the models once before timing.")
    print(f"first analysis (models load): {time.perf_counter() - t0:.2f} s")
    print("per entry, milliseconds: median / p95")
    bench_in_process(analyzer, make_entries(args.entries, 20, seed=20), "20-word entries")
    bench_in_process(analyzer, make_entries(args.entries, 120, seed=120), "120-word entries")
    print("120-word entries, one thread vs two, interleaved (median / p95 ms):")
    bench_workers(make_entries(min(args.entries, 60), 120, seed=121))
    if not args.no_cli:
        bench_cli(make_entries(args.lines_entries, 120, seed=300))
    print(f"load average at end: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
