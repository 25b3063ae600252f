"""MindSpace next to jrnl on the same 10,000 entries: bulk load, adding one entry, searching one
word and the bare cost of one command (process start + unlock), each as a person runs it.

Usage: python bench/bench_jrnl.py [--entries 10000] [--runs 5]

jrnl lives in its own environment, bench/.jrnl-venv (git-ignored), made on first use with
`python3 -m venv` and `pip install jrnl keyrings.alt`; it is never a dependency of the app. Its
journal is encrypted (jrnl's own format, password from a throw-away file keyring inside the
temporary folder, so it never prompts). The MindSpace vault uses the key-derivation settings
`vault init` picks. Entries are the made-up ones of bench_vault.py (same seed). Prints the CPU
line, medians over --runs runs and each command's peak memory; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from bench_vault import make_entry
from cpuinfo import cpu_line

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(__file__).resolve().parent / ".jrnl-venv"
PASSWORD = "correct horse battery staple 42"
WORD = "garden"


def jrnl_env(tmp: Path) -> tuple[Path, dict[str, str]]:
    """The jrnl executable and an environment that keeps everything inside `tmp`."""
    if not (VENV / "bin" / "jrnl").exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", "jrnl", "keyrings.alt"],
                       check=True)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp / "home"),
        "XDG_CONFIG_HOME": str(tmp / "config"),
        "XDG_DATA_HOME": str(tmp / "data"),
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "NO_COLOR": "1",
    }
    subprocess.run(
        [str(VENV / "bin" / "python"), "-c",
         f"import keyring; keyring.set_password('jrnl', 'default', {PASSWORD!r})"],
        env=env, check=True,
    )
    return VENV / "bin" / "jrnl", env


def timed(command: list[str], runs: int, env: dict[str, str] | None = None,
          stdin: str = "") -> tuple[float, float]:
    """Median wall seconds and the largest peak memory over `runs` runs."""
    results = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(command, env=env, cwd=ROOT, stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        assert proc.stdin is not None and proc.stderr is not None
        proc.stdin.write(stdin.encode())
        proc.stdin.close()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        err = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            raise SystemExit(f"{command[:4]} failed: {err.strip()[-300:]}")
        results.append((elapsed, usage.ru_maxrss / 1024))
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


LOAD = """
import sys, time
sys.path.insert(0, "bench")
from bench_jrnl import entries
from mindspace.app import AppServices
from pathlib import Path
services = AppServices(Path(sys.argv[1]))
items = entries(int(sys.argv[2]))
start = time.perf_counter()
services.unlock(sys.stdin.readline().rstrip("\\n"))
unlocked = time.perf_counter()
for first in range(0, len(items), 5000):
    services.journal.add_many(items[first:first + 5000])
done = time.perf_counter()
kdf = services.vault.kdf_parameters()
services.close()
print(f"{unlocked - start:.3f} {done - unlocked:.3f} {kdf}")
"""


def entries(n: int) -> list[tuple[str, str, datetime, list[str]]]:
    rng = random.Random(42)
    start = datetime(2020, 1, 1, 8)
    out = []
    for i in range(n):
        title, body, tags = make_entry(rng)
        out.append((title, body, start + timedelta(hours=7 * i), tags))
    return out


def jrnl_text(items: list[tuple[str, str, datetime, list[str]]]) -> str:
    """The entries in jrnl's plain-text format (title ends at the first full stop)."""
    return "".join(
        f"[{when:%Y-%m-%d %H:%M}] {title}.\n{body}" + "".join(f" @{t}" for t in tags) + "\n\n"
        for title, body, when, tags in items
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(cpu_line())
    items = entries(args.entries)
    ms = [sys.executable, "-m", "mindspace"]
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        jrnl, env = jrnl_env(tmp)
        config = tmp / "jrnl.yaml"
        journal = tmp / "journal.txt"
        config.write_text(
            "version: v4.6\nencrypt: true\neditor: ''\ntemplate: false\ndefault_hour: 9\n"
            "default_minute: 0\ntimeformat: '%Y-%m-%d %H:%M'\ntagsymbols: '#@'\n"
            "highlight: false\nlinewrap: 79\nindent_character: '|'\n"
            "colors: {body: none, date: none, tags: none, title: none}\n"
            f"journals:\n  default:\n    journal: {journal}\n    encrypt: true\n",
            encoding="utf-8",
        )
        plain = tmp / "import.txt"
        plain.write_text(jrnl_text(items), encoding="utf-8")
        j = [str(jrnl), "--config-file", str(config)]
        jrnl_load, _ = timed([*j, "--import", "--file", str(plain)], 1, env)
        plain.unlink()
        assert journal.exists() and not journal.read_bytes().startswith(b"[20")

        data = tmp / "mindspace"
        pw = PASSWORD + "\n"
        timed([*ms, "--data-dir", str(data), "vault", "init", "--passphrase-stdin"], 1, stdin=pw)
        # loaded in a child process, so this one stays small and its children's peak memory
        # is their own
        load = subprocess.run(
            [sys.executable, "-c", LOAD, str(data), str(args.entries)], input=pw, cwd=ROOT,
            capture_output=True, text=True, check=True,
        )
        unlock_s, ms_load, kdf = load.stdout.strip().splitlines()[-1].split(" ", 2)

        m = [*ms, "--data-dir", str(data)]
        rows = [
            ("one command (jrnl -n 1 / journal list --limit 1)",
             timed([*j, "-n", "1"], args.runs, env),
             timed([*m, "journal", "list", "--limit", "1", "--passphrase-stdin"], args.runs,
                   stdin=pw)),
            (f"search one word ({WORD!r})",
             timed([*j, "-contains", WORD], args.runs, env),
             timed([*m, "journal", "search", WORD, "--passphrase-stdin"], args.runs, stdin=pw)),
            ("add one entry",
             timed([*j, "A short note. Walked to the garden after work."], args.runs, env),
             timed([*m, "journal", "add", "--title", "A short note", "--passphrase-stdin"],
                   args.runs, stdin=pw + "Walked to the garden after work.\n")),
        ]
    print(f"{args.entries} entries; MindSpace argon2id {kdf}; jrnl: its own encryption"
          " (password from a file keyring)")
    print(f"bulk load: jrnl --import (start, unlock, parse, encrypt, write) {jrnl_load:.1f} s;"
          f" MindSpace add_many in batches of 5,000 {float(ms_load):.1f} s"
          f" ({args.entries / float(ms_load):,.0f} entries/s) after an unlock of"
          f" {float(unlock_s):.1f} s")
    print(f"{'per command, median of ' + str(args.runs):52s} {'jrnl':>16s} {'MindSpace':>16s}"
          "  jrnl/MindSpace")
    for label, (jt, jm), (mt, mm) in rows:
        print(f"{label:52s} {jt:6.2f} s {jm:4.0f} MiB {mt:6.2f} s {mm:4.0f} MiB  {jt / mt:5.2f}×")


if __name__ == "__main__":
    main()
