"""`mindspace chat`: the JSON contract, conversations split by empty lines, storage modes."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from tests.cli.helpers import run_cli
from tests.conftest import PASSPHRASE

KEYS = {"reply", "route", "exercise", "step", "crisis", "sources"}


def rows(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def isolated_env(tmp_path: Path) -> dict[str, str]:
    """HOME, temp and data folders inside tmp_path, so a test can see every file written."""
    env = {}
    for name in ("HOME", "TMPDIR", "TMP", "TEMP", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                 "XDG_CONFIG_HOME", "MINDSPACE_DATA_DIR"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        env[name] = str(folder)
    return env


def test_contract_shape_and_conversations(tmp_path: Path) -> None:
    stdin = ("hi there\n\nmy heart is pounding and I cannot slow my breathing down\ndone\n\n"
             "I have decided to end my life tonight\n")
    out = run_cli("chat", "--ephemeral", "--json", stdin=stdin, env=isolated_env(tmp_path))
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""  # no warnings, even when the process ends while models load
    got = rows(out.stdout)
    assert len(got) == 4
    for r in got:
        assert set(r) >= KEYS and r["route"] in ("crisis", "refuse", "exercise", "support")
        assert r["crisis"]["level"] in ("none", "concern", "urgent")
        assert isinstance(r["sources"], list) and r["sources"]
    assert got[0]["route"] == "support" and got[0]["sources"][0] == "intro.first"
    assert (got[1]["route"], got[1]["exercise"], got[1]["step"]) == ("exercise", "breathing", 1)
    assert got[1]["sources"][0] == "intro.first"  # a new conversation introduces itself again
    assert (got[2]["exercise"], got[2]["step"]) == ("breathing", 2)
    assert got[3]["route"] == "crisis" and got[3]["crisis"]["level"] == "urgent"
    assert got[3]["exercise"] is None and got[3]["step"] is None


def test_ephemeral_touches_no_disk(tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    data = tmp_path / "data"
    out = run_cli("chat", "--ephemeral", "--json", data_dir=data, env=env,
                  stdin="I feel really anxious about my exams\ncan we do a thought record\n")
    assert out.returncode == 0, out.stderr
    assert len(rows(out.stdout)) == 2
    assert not data.exists()
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written == [], written


def test_passphrase_mode_stores_encrypted(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = isolated_env(tmp_path)
    assert run_cli("vault", "init", "--passphrase-stdin", data_dir=data, env=env,
                   stdin=PASSPHRASE + "\n").returncode == 0
    canary = f"canary{secrets.token_hex(6)}"
    out = run_cli("chat", "--passphrase-stdin", "--json", data_dir=data, env=env,
                  stdin=f"{PASSPHRASE}\nmy neighbour {canary} plays loud music every night\n")
    assert out.returncode == 0, out.stderr
    assert len(rows(out.stdout)) == 1
    hits = [p for p in tmp_path.rglob("*") if p.is_file() and canary.encode() in p.read_bytes()]
    assert hits == []

    from mindspace.app import AppServices

    services = AppServices(data)
    services.unlock(PASSPHRASE)
    try:
        listed = services.companion().list_conversations()
        assert len(listed) == 1 and canary in listed[0].title
    finally:
        services.close()


def test_bad_input(tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    out = run_cli("chat", "--json", stdin="hello\n", env=env)
    assert out.returncode == 2 and "--ephemeral" in out.stderr and "Traceback" not in out.stderr
    out = run_cli("chat", "--ephemeral", "--passphrase-stdin", stdin="hello\n", env=env)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    out = run_cli("chat", "--ephemeral", "--json", stdin=b"hello\n\xff\xfe\n", env=env)
    assert out.returncode == 1 and "line 2" in out.stderr and "UTF-8" in out.stderr
    assert len(rows(out.stdout)) == 1  # the reply before the bad line was printed
    out = run_cli("chat", "--ephemeral", "--json", stdin="x" * 5000 + "\n", env=env)
    assert out.returncode == 1 and "at most" in out.stderr and "Traceback" not in out.stderr
    out = run_cli("chat", "--passphrase-stdin", "--json", data_dir=tmp_path / "none",
                  stdin=PASSPHRASE + "\nhello\n", env=env)
    assert out.returncode != 0 and "Traceback" not in out.stderr
    out = run_cli("chat", "--ephemeral", "--json", stdin="", env=env)
    assert out.returncode == 0 and out.stdout == ""
