"""Suite-wide settings: headless Qt, the KDF floor (no calibration) and the shared data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["ORT_DISABLE_TELEMETRY"] = "1"  # before anything imports onnxruntime
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MINDSPACE_KDF_CALIBRATE", "0")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = (REPO.parent / "shared" / "data").resolve()
# the one passphrase (and the one replacement) every test vault uses
PASSPHRASE = "correct horse battery staple 42"
NEW_PASSPHRASE = "copper kettle whistles at dawn 7"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The team's shared data sets; tests that need them skip cleanly when absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not available")
    return SHARED_DATA


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def open_services(tmp_path: Path):  # type: ignore[no-untyped-def]
    """An unlocked AppServices on a fresh vault in tmp_path (locked again afterwards)."""
    from mindspace.app import AppServices

    svc = AppServices(tmp_path / "data")
    svc.create_vault(PASSPHRASE)
    yield svc
    svc.close()
