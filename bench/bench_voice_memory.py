"""Peak memory of `mindspace analyze-voice` for long recordings (10, 30 and 60 minutes).

Usage: .venv/bin/python bench/bench_voice_memory.py [--minutes 10 30 60]

Each recording is quiet pink noise with a spoken sentence every minute (espeak-ng), written to a
temporary WAV (deleted afterwards); the command runs in its own process and its peak resident
set size is read from the kernel (`getrusage` of the child). Prints the CPU model and flags.
"""

from __future__ import annotations

import argparse
import resource
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


def speech(text: str, folder: Path) -> np.ndarray:
    wav = folder / "s.wav"
    subprocess.run(["espeak-ng", "-w", str(wav), text], check=True, capture_output=True)
    data, rate = sf.read(wav, dtype="float32")
    from scipy.signal import resample_poly

    return np.asarray(resample_poly(data, RATE, rate), dtype=np.float32)


def recording(minutes: int, folder: Path) -> Path:
    rng = np.random.default_rng(minutes)
    said = speech("I went for a walk today and I feel a little calmer now", folder)
    path = folder / f"long-{minutes}.wav"
    with sf.SoundFile(path, "w", RATE, 1, "PCM_16") as out:
        for _ in range(minutes):
            minute = (rng.standard_normal(RATE * 60) * 0.003).astype(np.float32)
            minute[RATE * 5 : RATE * 5 + said.size] += said * 0.5
            out.write(minute)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=int, nargs="+", default=[10, 30, 60])
    args = parser.parse_args()
    if shutil.which("espeak-ng") is None:
        sys.exit("espeak-ng is needed (Debian package espeak-ng)")
    print(f"CPU: {cpu_line()}")
    print(f"{'audio':>8} {'peak RSS':>10} {'wall':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for minutes in args.minutes:
            path = recording(minutes, folder)
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mindspace", "analyze-voice", str(path),
                            "--json"], check=True, capture_output=True, cwd=REPO)
            wall = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            note = "" if peak > before else " (peak of an earlier, larger run)"
            print(f"{minutes:>6} min {peak / 1024:>8.0f} MB {wall:>7.1f} s{note}")
            path.unlink()


if __name__ == "__main__":
    main()
