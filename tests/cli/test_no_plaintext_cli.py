"""Canary text written through the CLI must never appear in plaintext on disk."""

from __future__ import annotations

import secrets
from pathlib import Path

from tests.cli.helpers import run_cli
from tests.conftest import PASSPHRASE

PW = PASSPHRASE + "\n"


def scan(roots: list[Path], needles: list[bytes]) -> list[str]:
    hits = []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                hits += [f"{path}: {n!r}" for n in needles if n in data]
    return hits


def test_canary_never_on_disk(tmp_path: Path) -> None:
    canary = f"canary{secrets.token_hex(6)}"
    data, tmp = tmp_path / "data", tmp_path / "tmp"
    tmp.mkdir()
    env = {"TMPDIR": str(tmp), "TMP": str(tmp), "TEMP": str(tmp)}
    steps = [
        (["vault", "init", "--passphrase-stdin"], PW),
        (
            [
                "journal",
                "add",
                "--passphrase-stdin",
                "--title",
                f"title {canary}",
                "--tag",
                f"tag{canary}",
            ],
            PW + f"body {canary}\n",
        ),
        (
            [
                "mood",
                "add",
                "--passphrase-stdin",
                "--mood",
                "2",
                "--note",
                f"note {canary}",
                "--emotion",
                f"emo{canary}",
            ],
            PW,
        ),
        (["journal", "search", canary, "--passphrase-stdin", "--json"], PW),
        (["journal", "list", "--passphrase-stdin", "--tag", f"tag{canary}"], PW),
    ]
    for args, stdin in steps:
        out = run_cli(*args, stdin=stdin, data_dir=data, env=env)
        assert out.returncode == 0, out.stderr
    assert (
        canary
        in run_cli(
            "journal",
            "search",
            canary,
            "--passphrase-stdin",
            "--json",
            stdin=PW,
            data_dir=data,
            env=env,
        ).stdout
    )
    assert (
        scan([data, tmp], [canary.encode(), canary.encode("utf-16-le"), b"SQLite format 3"]) == []
    )
