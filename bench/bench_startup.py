"""Cold start: time from launching `python -m mindspace` to the first window being shown.

Usage: QT_QPA_PLATFORM=offscreen python bench/bench_startup.py [--runs 5] [--command ...]
Uses the app's MINDSPACE_EXIT_AFTER_SHOW=1 hook, which prints `window-shown` once the create or
unlock window is on screen and then quits. Prints median and max over the runs.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def one_run(command: list[str], data_dir: Path) -> float:
    env = {**os.environ, "MINDSPACE_EXIT_AFTER_SHOW": "1"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*command, "--data-dir", str(data_dir)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == "window-shown":
            elapsed = time.perf_counter() - start
            break
    else:
        raise SystemExit("the app exited without showing a window")
    proc.wait(timeout=60)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--command", default=f"{sys.executable} -m mindspace")
    args = parser.parse_args()
    command = shlex.split(args.command)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = [one_run(command, Path(tmp) / f"fresh{i}") for i in range(args.runs)]
        vault = Path(tmp) / "vault"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mindspace",
                "--data-dir",
                str(vault),
                "vault",
                "init",
                "--passphrase-stdin",
            ],
            input="correct horse battery staple 42\n",
            text=True,
            check=True,
            capture_output=True,
        )
        unlock = [one_run(command, vault) for _ in range(args.runs)]
    for name, values in (("first start (create window)", fresh), ("unlock window", unlock)):
        print(
            f"{name}: median {statistics.median(values):.2f} s, max {max(values):.2f} s "
            f"over {len(values)} runs"
        )


if __name__ == "__main__":
    main()
