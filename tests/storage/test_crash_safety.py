"""Kill a writer mid-flight many times: the vault always opens and keeps every committed entry."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from mindspace.app import AppServices
from tests.conftest import PASSPHRASE as PW

WRITER = f"""
import sys
from mindspace.app import AppServices
svc = AppServices(__import__('pathlib').Path(sys.argv[1]))
svc.unlock({PW!r})
print('ready', flush=True)
i = 0
while True:
    e = svc.journal.add('crash %d' % i, 'body %d ' % i * 50, tags=['crash'])
    if i % 3 == 0:
        svc.mood.add(1 + i % 5, note='n%d' % i)
    print(e.id, flush=True)
    i += 1
"""


def test_sigkill_mid_write_never_loses_committed_entries(tmp_path: Path) -> None:
    data = tmp_path / "vault"
    svc = AppServices(data)
    svc.create_vault(PW)
    svc.lock()
    rng = random.Random(1234)
    committed: list[str] = []
    env = {**os.environ, "MINDSPACE_KDF_CALIBRATE": "0"}
    for _round in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + rng.uniform(0.05, 0.6)
        while time.monotonic() < deadline:
            line = proc.stdout.readline().strip()
            if line:
                committed.append(line)
        os.kill(proc.pid, signal.SIGKILL)
        rest, _ = proc.communicate()
        committed.extend(x for x in rest.split() if x)
        svc.unlock(PW)
        ids = {e.id for e in svc.journal.list()}
        missing = [c for c in committed if c not in ids]
        assert missing == [], f"lost {len(missing)} committed entries"
        assert svc.vault.db.run(lambda c: c.execute("PRAGMA integrity_check").fetchone()[0]) == "ok"
        assert len(svc.journal.search("body", limit=100_000)) == len(ids)
        svc.lock()
    assert len(committed) > 12
