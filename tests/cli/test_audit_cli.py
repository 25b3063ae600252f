"""`mindspace audit --json` over a real vault, and its refusals of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.conftest import NEW_PASSPHRASE, PASSPHRASE

PW = PASSPHRASE + "\n"


@pytest.fixture(scope="module")
def vault_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("audit-cli") / "data"
    assert run_cli("vault", "init", "--passphrase-stdin", stdin=PW, data_dir=d).returncode == 0
    # two events: a passphrase change there and back (the vault stays locked meanwhile)
    for old, new in ((PASSPHRASE, NEW_PASSPHRASE), (NEW_PASSPHRASE, PASSPHRASE)):
        out = run_cli("vault", "change-passphrase", "--passphrase-stdin",
                      stdin=f"{old}\n{new}\n", data_dir=d)
        assert out.returncode == 0, out.stderr
    out = run_cli("share", "identity", "--name", "Pat", "--passphrase-stdin", stdin=PW,
                  data_dir=d)
    assert out.returncode == 0, out.stderr
    return d


def test_audit_json_lists_rows_newest_first_with_a_whole_chain(vault_dir: Path) -> None:
    out = run_cli("audit", "--passphrase-stdin", "--json", stdin=PW, data_dir=vault_dir)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [r["kind"] for r in data["rows"]] == [
        "identity.create", "passphrase.change", "passphrase.change"
    ]
    assert [r["seq"] for r in data["rows"]] == [3, 2, 1]
    assert data["rows"][1]["prev_hash"] == data["rows"][2]["hash"]
    assert data["chain"] == {"ok": True, "rows": 3, "first_broken": None, "reason": ""}
    assert "share.export" in data["kinds"]


def test_audit_filters_by_kind_and_limit(vault_dir: Path) -> None:
    out = run_cli("audit", "--kind", "passphrase.change", "--limit", "1", "--oldest-first",
                  "--passphrase-stdin", "--json", stdin=PW, data_dir=vault_dir)
    rows = json.loads(out.stdout)["rows"]
    assert [(r["seq"], r["kind"]) for r in rows] == [(1, "passphrase.change")]
    human = run_cli("audit", "--passphrase-stdin", stdin=PW, data_dir=vault_dir)
    assert "identity.create" in human.stdout and "is whole" in human.stdout


def test_audit_refuses_bad_input(vault_dir: Path) -> None:
    bad_kind = run_cli("audit", "--kind", "journal.read", "--passphrase-stdin", stdin=PW,
                       data_dir=vault_dir)
    assert bad_kind.returncode == 2 and "unknown kind" in bad_kind.stderr
    bad_limit = run_cli("audit", "--limit", "0", "--passphrase-stdin", stdin=PW,
                        data_dir=vault_dir)
    assert bad_limit.returncode == 2
    no_flag = run_cli("audit", stdin=PW, data_dir=vault_dir)
    assert no_flag.returncode == 2 and "--passphrase-stdin" in no_flag.stderr
    wrong = run_cli("audit", "--passphrase-stdin", stdin="wrong words\n", data_dir=vault_dir)
    assert wrong.returncode == 3 and "Traceback" not in wrong.stderr
