"""Speech-recognition benchmark: WER, real-time factor, model load time, peak memory.

Usage: .venv/bin/python bench/bench_asr.py [--write-doc]

* Real speech: ../shared/data/asr-eval-samples (LibriSpeech test-clean clips + JFK), when present.
* Clean synthetic speech: English sentences spoken by espeak-ng at run time (temporary folder,
  deleted afterwards; no user data involved).
* WER after normalisation (upper-case, punctuation stripped), word-level Levenshtein.
* RTF = transcription time / audio duration (decoding excluded, VAD included), 2 CPU threads.
* Targets: WER <= 10 % on clean speech, RTF <= 0.3, model load < 2 s, peak RSS < 500 MB.
``--write-doc`` writes the table to docs/benchmarks-voice.md.
"""

from __future__ import annotations

import argparse
import csv
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SHARED = (REPO / ".." / "shared" / "data" / "asr-eval-samples").resolve()
SENTENCES = [
    "I slept badly last night and felt tired for most of the morning",
    "After lunch I went for a short walk in the park with my sister",
    "Work was busy today but I managed to finish the report on time",
    "I am looking forward to the weekend because we are visiting the coast",
    "The meeting made me anxious so I took a few deep breaths afterwards",
    "My friend called in the evening and we talked for almost an hour",
    "I cooked a simple dinner and read a book before going to bed",
    "Today felt calmer than yesterday and I noticed the birds singing outside",
]


def normalise(text: str) -> list[str]:
    return re.sub(r"[^A-Z0-9' ]", " ", text.upper().replace("-", " ")).split()


def word_errors(ref: list[str], hyp: list[str]) -> int:
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1]


def cpu_model() -> str:
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                return line.split(":", 1)[1].strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    return platform.processor() or "unknown"


def clips(tmp: Path) -> list[tuple[str, str, Path, str]]:
    """(set, name, path, reference)"""
    found: list[tuple[str, str, Path, str]] = []
    tsv = SHARED / "transcripts.tsv"
    if tsv.exists():
        with tsv.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                found.append(("real", Path(row["path"]).name, SHARED / row["path"],
                              row["reference_transcript"]))
    espeak = shutil.which("espeak-ng")
    if espeak:
        for i, sentence in enumerate(SENTENCES):
            path = tmp / f"espeak-{i}.wav"
            subprocess.run([espeak, "-v", "en-us", "-s", "150", "-w", str(path), sentence],
                           check=True, capture_output=True)
            found.append(("espeak", path.name, path, sentence))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-doc", action="store_true")
    args = parser.parse_args()

    from mindspace.audio.decode import decode_file
    from mindspace.ml.registry import ModelRegistry
    from mindspace.ml.transcriber import Transcriber

    t0 = time.perf_counter()
    registry = ModelRegistry()
    registry.verify("whisper-tiny-en")
    t_verify = time.perf_counter() - t0
    t1 = time.perf_counter()
    transcriber = Transcriber.load(registry)
    t_load = time.perf_counter() - t1
    # warm-up (first inference allocates buffers)
    import numpy as np

    transcriber.transcribe(np.zeros(16000, dtype=np.float32))

    rows = []
    totals: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmpdir:
        for group, name, path, ref in clips(Path(tmpdir)):
            audio = decode_file(path).samples
            result = transcriber.transcribe(audio)
            r, h = normalise(ref), normalise(result.text)
            errors = word_errors(r, h)
            rows.append((group, name, result.duration_s, result.processing_s, errors, len(r),
                         result.text))
            acc = totals.setdefault(group, [0.0, 0.0, 0.0, 0.0])
            acc[0] += errors
            acc[1] += len(r)
            acc[2] += result.duration_s
            acc[3] += result.processing_s
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0

    lines = [
        f"Machine: {cpu_model()}, {platform.machine()}, 2 CPU threads (cpu_threads=2), "
        f"Python {platform.python_version()}",
        f"Model: {transcriber.model_id} (CTranslate2 int8, beam 5, Silero VAD)",
        "",
        "| set | clips | audio s | WER | RTF |",
        "|---|---:|---:|---:|---:|",
    ]
    all_err = all_ref = all_dur = all_proc = 0.0
    for group, (err, ref_n, dur, proc) in totals.items():
        n = sum(1 for r in rows if r[0] == group)
        lines.append(f"| {group} | {n} | {dur:.1f} | {err / ref_n:.1%} | {proc / dur:.3f} |")
        all_err, all_ref, all_dur, all_proc = (all_err + err, all_ref + ref_n, all_dur + dur,
                                               all_proc + proc)
    if all_ref:
        lines.append(f"| all | {len(rows)} | {all_dur:.1f} | {all_err / all_ref:.1%} | "
                     f"{all_proc / all_dur:.3f} |")
    lines += [
        "",
        f"Model integrity check (sha256 of all files, first time in a process): {t_verify:.2f} s",
        f"Model load (CTranslate2, int8 conversion): {t_load:.2f} s",
        f"Peak RSS of the benchmark process: {peak_mb:.0f} MB",
        "",
        "Targets: WER <= 10 % on clean speech, RTF <= 0.3, load < 2 s, peak < 500 MB.",
        "",
        "| clip | audio s | RTF | errors / words | hypothesis |",
        "|---|---:|---:|---:|---|",
    ]
    for group, name, dur, proc, err, n, text in rows:
        lines.append(f"| {group}/{name} | {dur:.1f} | {proc / dur:.3f} | {err}/{n} | {text} |")
    report = "\n".join(lines)
    print(report)
    if args.write_doc:
        doc = REPO / "docs" / "benchmarks-voice.md"
        doc.parent.mkdir(exist_ok=True)
        doc.write_text(
            "# Voice benchmark (on-device transcription)\n\n"
            "Measured with `bench/bench_asr.py` on a machine shared with other "
            "jobs (a model training run was active), so treat the timings as upper bounds."
            "\n\n" + report + "\n",
            encoding="utf-8",
        )
        print(f"\nwritten to {doc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
