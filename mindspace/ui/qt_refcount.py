"""Keep Python's ``None`` alive under PySide6 6.12.0 on CPython 3.11.

PySide6 6.12.0 returns ``None`` from every void C++ call (``setText``, ``update``,
``processEvents``, the painter's ``draw*``...) without taking a reference to it. From CPython
3.12 on ``None`` is immortal and nothing happens; on 3.11 each such call takes one reference
away, and after a few thousand the interpreter aborts ("Fatal Python error: none_dealloc:
deallocating None"). An animation that paints 60 times a second (the breathing pacer) gets
there in about ten seconds; the rest of the GUI only takes longer.

``keep_none_alive()`` (run when ``mindspace.ui`` is imported) adds a reserve of 2**40
references to ``None`` on CPython before 3.12, which no session can use up. It changes nothing
else and does nothing on 3.12 and later.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40
_done = False


def keep_none_alive() -> None:
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    # the reference count is the first field of every CPython object
    ctypes.c_ssize_t.from_address(id(None)).value += RESERVE
    _done = True
