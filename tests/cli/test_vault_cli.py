from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.conftest import PASSPHRASE

PW = PASSPHRASE + "\n"


@pytest.fixture(scope="module")
def vault_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("cli") / "data"
    out = run_cli("vault", "init", "--passphrase-stdin", "--json", stdin=PW, data_dir=d)
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)["recovery_code"].split("-")) == 6
    return d


def test_unlock_check_right_and_wrong(vault_dir: Path) -> None:
    assert (
        run_cli(
            "vault", "unlock-check", "--passphrase-stdin", stdin=PW, data_dir=vault_dir
        ).returncode
        == 0
    )
    wrong = run_cli(
        "vault", "unlock-check", "--passphrase-stdin", stdin="nope\n", data_dir=vault_dir
    )
    assert wrong.returncode == 3
    assert "wrong passphrase" in wrong.stderr and "Traceback" not in wrong.stderr


def test_journal_add_search_list_delete(vault_dir: Path) -> None:
    add = run_cli(
        "journal",
        "add",
        "--passphrase-stdin",
        "--title",
        "Beach day",
        "--tag",
        "trip",
        "--date",
        "2026-02-03",
        "--json",
        stdin=PW + "Sand castles and sunshine\n",
        data_dir=vault_dir,
    )
    assert add.returncode == 0, add.stderr
    entry_id = json.loads(add.stdout)["id"]
    found = run_cli(
        "journal", "search", "castles", "--passphrase-stdin", "--json", stdin=PW, data_dir=vault_dir
    )
    result = json.loads(found.stdout)["results"]
    assert result[0]["id"] == entry_id and "[castles]" in result[0]["snippet"]
    assert result[0]["date"].startswith("2026-02-03")
    listed = json.loads(
        run_cli(
            "journal", "list", "--passphrase-stdin", "--json", stdin=PW, data_dir=vault_dir
        ).stdout
    )
    assert entry_id in [e["id"] for e in listed["entries"]]
    gone = run_cli(
        "journal", "delete", entry_id, "--passphrase-stdin", stdin=PW, data_dir=vault_dir
    )
    assert gone.returncode == 0
    again = run_cli(
        "journal", "delete", entry_id, "--passphrase-stdin", stdin=PW, data_dir=vault_dir
    )
    assert again.returncode == 4 and "no journal entry" in again.stderr


def test_mood_add_and_list(vault_dir: Path) -> None:
    add = run_cli(
        "mood",
        "add",
        "--passphrase-stdin",
        "--mood",
        "4",
        "--energy",
        "2",
        "--emotion",
        "calm",
        "--activity",
        "walk",
        "--sleep",
        "7.5",
        "--note",
        "fine",
        "--json",
        stdin=PW,
        data_dir=vault_dir,
    )
    assert add.returncode == 0, add.stderr
    rows = json.loads(
        run_cli("mood", "list", "--passphrase-stdin", "--json", stdin=PW, data_dir=vault_dir).stdout
    )["checkins"]
    assert rows[0]["mood"] == 4 and rows[0]["emotions"] == ["calm"]


@pytest.mark.parametrize(
    "args, stdin, fragment",
    [
        (["mood", "add", "--passphrase-stdin", "--mood", "9"], PW, "mood must be"),
        (["mood", "add", "--passphrase-stdin", "--mood", "3", "--sleep", "30"], PW, "sleep"),
        (["mood", "add", "--passphrase-stdin", "--mood", "x"], PW, "invalid int"),
        (["journal", "delete", "nope", "--passphrase-stdin"], PW, "no journal entry"),
        (
            ["journal", "add", "--passphrase-stdin", "--title", "t"],
            PW.encode() + b"\xff\xfe",
            "UTF-8",
        ),
        (
            ["journal", "add", "--passphrase-stdin", "--title", "t", "--date", "yesterday"],
            PW,
            "ISO",
        ),
        (["journal", "list"], PW, "--passphrase-stdin"),
        (["journal", "list", "--passphrase-stdin"], "", "passphrase on standard input"),
    ],
)
def test_bad_input_gives_one_line_error(
    vault_dir: Path, args: list[str], stdin, fragment: str
) -> None:
    before = (vault_dir / "vault.db").read_bytes()
    out = run_cli(*args, stdin=stdin, data_dir=vault_dir)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert fragment in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert (vault_dir / "vault.db").read_bytes() == before


def test_five_megabyte_entry_is_refused_cleanly(vault_dir: Path) -> None:
    body = ("word " * 1_000_000).encode()
    out = run_cli(
        "journal",
        "add",
        "--passphrase-stdin",
        "--title",
        "huge",
        stdin=PW.encode() + body,
        data_dir=vault_dir,
    )
    assert out.returncode == 2 and "too large" in out.stderr and "Traceback" not in out.stderr


def test_missing_vault(tmp_path: Path) -> None:
    out = run_cli("journal", "list", "--passphrase-stdin", stdin=PW, data_dir=tmp_path / "none")
    assert out.returncode == 4 and "no vault" in out.stderr
    assert not (tmp_path / "none").exists()


def test_change_passphrase_cli(tmp_path: Path) -> None:
    d = tmp_path / "v"
    assert run_cli("vault", "init", "--passphrase-stdin", stdin=PW, data_dir=d).returncode == 0
    new = "an entirely new passphrase 5\n"
    weak = run_cli(
        "vault", "change-passphrase", "--passphrase-stdin", stdin=PW + "abc\n", data_dir=d
    )
    assert weak.returncode == 2 and "too weak" in weak.stderr
    ok = run_cli(
        "vault", "change-passphrase", "--passphrase-stdin", "--json", stdin=PW + new, data_dir=d
    )
    assert ok.returncode == 0, ok.stderr
    code = json.loads(ok.stdout)["recovery_code"]
    assert (
        run_cli("vault", "unlock-check", "--passphrase-stdin", stdin=new, data_dir=d).returncode
        == 0
    )
    assert (
        run_cli(
            "vault",
            "unlock-check",
            "--passphrase-stdin",
            "--recovery-code",
            stdin=code + "\n",
            data_dir=d,
        ).returncode
        == 0
    )


def test_data_dir_from_environment(tmp_path: Path) -> None:
    d = tmp_path / "envdir"
    out = run_cli(
        "vault", "init", "--passphrase-stdin", stdin=PW, env={"MINDSPACE_DATA_DIR": str(d)}
    )
    assert out.returncode == 0, out.stderr
    assert (d / "keyfile.json").exists()
