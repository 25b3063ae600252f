"""Frozen entry point of the MindSpace bundle (`MindSpace` executable).

With a command (`MindSpace journal ...`, `MindSpace --version`) it is the headless CLI; with none
(or only `--data-dir D`) it starts the desktop app. Exit status is the app's return code.
"""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    # Libraries that spawn worker processes (joblib/loky via librosa) re-enter here in frozen mode.
    multiprocessing.freeze_support()
    from mindspace.__main__ import main

    sys.exit(main())
