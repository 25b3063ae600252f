"""One line naming the CPU, its core count and SIMD flags: printed by every benchmark."""

from __future__ import annotations

import os
from pathlib import Path


def cpu_line() -> str:
    info = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((ln.split(":", 1)[1].strip() for ln in info.splitlines()
                  if ln.startswith("model name")), "unknown CPU")
    flags = next((ln.split(":", 1)[1].split() for ln in info.splitlines()
                  if ln.startswith("flags")), [])
    simd = sorted(f for f in flags if f.startswith(("avx", "amx")) or f in ("fma", "sse4_2"))
    return f"{model}; {os.cpu_count()} cores; {' '.join(simd)}"
