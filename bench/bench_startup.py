"""Cold start: time from launching `python -m mindspace` to the first window being shown, and
the command line's own start-up (`mindspace --version`, `mindspace --help`).

Usage: QT_QPA_PLATFORM=offscreen python bench/bench_startup.py [--runs 5] [--command ...]
Uses the app's MINDSPACE_EXIT_AFTER_SHOW=1 hook, which prints `window-shown` once the create or
unlock window is on screen and then quits. Prints the CPU line, then median and max over the
runs. The package's bytecode is compiled first (an installed app ships it compiled; with
PYTHONDONTWRITEBYTECODE every run would otherwise compile the sources again).
"""

from __future__ import annotations

import argparse
import compileall
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cpuinfo import cpu_line

ROOT = Path(__file__).resolve().parents[1]


def one_run(command: list[str], data_dir: Path) -> float:
    env = {**os.environ, "MINDSPACE_EXIT_AFTER_SHOW": "1"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*command, "--data-dir", str(data_dir)], stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT,
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


def timed(command: list[str]) -> float:
    """Wall time of a command that runs to its end (output discarded)."""
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--command", default=f"{sys.executable} -m mindspace")
    args = parser.parse_args()
    command = shlex.split(args.command)
    print(cpu_line())
    compileall.compile_dir(str(ROOT / "mindspace"), quiet=1)
    python_only = [timed([sys.executable, "-c", "pass"]) for _ in range(args.runs)]
    version = [timed([*command, "--version"]) for _ in range(args.runs)]
    cli_help = [timed([*command, "--help"]) for _ in range(args.runs)]
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
            cwd=ROOT,
            text=True,
            check=True,
            capture_output=True,
        )
        unlock = [one_run(command, vault) for _ in range(args.runs)]
    for name, values in (
        ("python -c pass (interpreter alone)", python_only),
        ("mindspace --version", version),
        ("mindspace --help (whole command tree)", cli_help),
        ("first start (create window)", fresh),
        ("unlock window", unlock),
    ):
        print(
            f"{name}: median {statistics.median(values):.3f} s, max {max(values):.3f} s "
            f"over {len(values)} runs"
        )


if __name__ == "__main__":
    main()
