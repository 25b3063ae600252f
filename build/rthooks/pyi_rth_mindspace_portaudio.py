"""Runtime hook: make sounddevice load the PortAudio library shipped inside the bundle.

On Linux ``sounddevice`` locates PortAudio with ``ctypes.util.find_library("portaudio")``, which
only searches the system. The bundle carries ``libportaudio.so.2`` so that recording works on
machines without the system package; this hook answers that one lookup with the bundled file and
leaves every other lookup unchanged. Runs before any app code, on the main thread.
"""


def _install() -> None:
    import ctypes.util
    import os
    import sys

    bundled = os.path.join(getattr(sys, "_MEIPASS", ""), "libportaudio.so.2")
    if not os.path.isfile(bundled):
        return
    system_find = ctypes.util.find_library

    def find_library(name: str) -> str | None:
        if name == "portaudio":
            return bundled
        return system_find(name)

    ctypes.util.find_library = find_library


_install()
del _install
