"""Give freed heap memory back to the operating system between blocks of long work.

The speech model, the voice-activity model and NumPy allocate and free tens of megabytes per
block of audio; glibc keeps much of that in its heap afterwards, so the process's resident size
creeps up block after block. :func:`release_free_memory` asks glibc (``malloc_trim``) to return
the free pages. On other C libraries (macOS, Windows, musl) it does nothing. Safe on any thread.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache
from typing import Any


@cache
def _libc() -> Any | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return libc


def release_free_memory() -> bool:
    """Return free heap pages to the system; True when the C library could do it."""
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
