"""Run the real `mindspace` command line in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(
    *args: str,
    stdin: bytes | str = b"",
    data_dir: Path | None = None,
    env: dict | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "MINDSPACE_KDF_CALIBRATE": "0", **(env or {})}
    prefix = ["--data-dir", str(data_dir)] if data_dir is not None else []
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run(
        [sys.executable, "-m", "mindspace", *prefix, *args],
        input=data,
        capture_output=True,
        env=full_env,
        timeout=timeout,
    )
    return subprocess.CompletedProcess(
        proc.args,
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )
