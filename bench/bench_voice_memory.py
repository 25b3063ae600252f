"""Peak memory of `mindspace analyze-voice` for long recordings (10, 30 and 60 minutes).

Usage: .venv/bin/python bench/bench_voice_memory.py [--minutes 10 30 60]
                                                   [--kind sparse continuous]

Two kinds of recording, each written to a temporary WAV (deleted afterwards):

* ``sparse``: quiet pink noise with one spoken sentence (espeak-ng) every minute;
* ``continuous``: varied sentences (espeak-ng, two voices and speeds) read back to back with
  short pauses over quiet noise, so nearly all of every minute is speech.

The command runs in its own process and its peak resident set size is read from the kernel for
that process alone (``wait4``). Prints the CPU model and flags and the load average.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf
from cpuinfo import cpu_line  # noqa: E402 - bench/ is the script's folder

REPO = Path(__file__).resolve().parents[1]
RATE = 16_000
SENTENCES = (
    "I went for a walk today and I feel a little calmer now",
    "The meeting ran late again and I did not get time for lunch",
    "My sister called in the evening and we talked about the summer holidays",
    "I slept badly last night because the neighbours were playing music",
    "This morning the bus was crowded so I walked the last part to work",
    "I cooked a big pot of soup and froze half of it for next week",
    "Sometimes I worry that I am not doing enough at my job",
    "We planted tomatoes and beans in the garden behind the house",
    "The doctor said my blood pressure looks fine this time",
    "I finished the book about the lighthouse keeper and loved the ending",
    "After the rain stopped the children went out to ride their bikes",
    "I keep forgetting to answer emails and the pile is getting bigger",
    "On Sunday we visited my grandmother and she told old stories",
    "The new project at work is interesting but the deadline is tight",
    "I went swimming twice this week and my shoulders feel better",
    "There was a long queue at the supermarket so I came home tired",
)


def speech(text: str, folder: Path, voice: str = "en", speed: int = 175) -> np.ndarray:
    wav = folder / "s.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(wav), text],
                   check=True, capture_output=True)
    data, rate = sf.read(wav, dtype="float32")
    from scipy.signal import resample_poly

    return np.asarray(resample_poly(data, RATE, rate), dtype=np.float32)


def sparse(minutes: int, folder: Path, out: sf.SoundFile) -> None:
    rng = np.random.default_rng(minutes)
    said = speech(SENTENCES[0], folder)
    for _ in range(minutes):
        minute = (rng.standard_normal(RATE * 60) * 0.003).astype(np.float32)
        minute[RATE * 5 : RATE * 5 + said.size] += said * 0.5
        out.write(minute)


def continuous(minutes: int, folder: Path, out: sf.SoundFile) -> None:
    rng = np.random.default_rng(minutes)
    pool = [speech(text, folder, voice, speed) for text in SENTENCES
            for voice, speed in (("en", 165), ("en+f3", 185))]
    left = minutes * 60 * RATE
    last = -1
    while left > 0:
        pick = int(rng.integers(len(pool) - 2))
        pick += 2 if pick // 2 >= last // 2 and last >= 0 else 0  # never the same sentence twice
        last = pick
        said = pool[pick]
        gap = int(RATE * rng.uniform(0.3, 0.8))
        piece = (rng.standard_normal(said.size + gap) * 0.003).astype(np.float32)
        piece[: said.size] += said * 0.5
        piece = piece[:left]
        out.write(piece)
        left -= piece.size


def recording(kind: str, minutes: int, folder: Path) -> Path:
    path = folder / f"{kind}-{minutes}.wav"
    with sf.SoundFile(path, "w", RATE, 1, "PCM_16") as out:
        (continuous if kind == "continuous" else sparse)(minutes, folder, out)
    return path


def peak_mb(path: Path) -> tuple[float, float]:
    """Peak RSS (MB) and wall time of `mindspace analyze-voice PATH --json` in its own process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as sink:
        proc = subprocess.Popen([sys.executable, "-m", "mindspace", "analyze-voice", str(path),
                                 "--json"], stdout=sink, stderr=sink, cwd=REPO)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            sink.seek(0)
            sys.exit(f"analyze-voice failed: {sink.read().decode(errors='replace')[-400:]}")
    return usage.ru_maxrss / 1024, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=int, nargs="+", default=[10, 30, 60])
    parser.add_argument("--kind", nargs="+", choices=["sparse", "continuous"],
                        default=["sparse", "continuous"])
    args = parser.parse_args()
    if shutil.which("espeak-ng") is None:
        sys.exit("espeak-ng is needed (Debian package espeak-ng)")
    print(f"CPU: {cpu_line()}")
    print(f"{'kind':>10} {'audio':>8} {'peak RSS':>10} {'wall':>8} {'load avg':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for kind in args.kind:
            for minutes in args.minutes:
                path = recording(kind, minutes, folder)
                peak, wall = peak_mb(path)
                load = os.getloadavg()[0]
                print(f"{kind:>10} {minutes:>4} min {peak:>7.0f} MB {wall:>7.1f} s {load:>9.2f}",
                      flush=True)
                path.unlink()


if __name__ == "__main__":
    main()
