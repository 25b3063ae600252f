"""`mindspace import daylio` from the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli

PW = "correct horse battery staple 42\n"
DATA = Path(__file__).resolve().parents[1] / "data" / "daylio"


@pytest.fixture(scope="module")
def vault_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("data-cli")
    assert run_cli("vault", "init", "--passphrase-stdin", stdin=PW, data_dir=d).returncode == 0
    return d


def _import(vault_dir: Path, *extra: str) -> dict:
    out = run_cli("import", "daylio", str(DATA / "current.csv"), "--passphrase-stdin", "--json",
                  *extra, stdin=PW, data_dir=vault_dir)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_dry_run_then_import_then_nothing_new(vault_dir: Path) -> None:
    preview = _import(vault_dir, "--dry-run", "--mood-map", "ecstatic=5")
    assert preview["dry_run"] and preview["new_checkins"] == 6
    assert preview["preview"][0]["at"] == "2024-05-12T12:00"
    assert {p["line"] for p in preview["problems"]} == {7, 8, 10, 11, 12}
    assert preview["unknown_labels"] == {"fine": 1}
    done = _import(vault_dir, "--mood-map", "ecstatic=5")
    assert done["new_checkins"] == 6 and done["new_journal_entries"] == 1
    again = _import(vault_dir, "--mood-map", "ecstatic=5")
    assert again["new_checkins"] == 0 and again["already_imported"] == 6
    listed = run_cli("mood", "list", "--passphrase-stdin", "--json", stdin=PW, data_dir=vault_dir)
    assert len(json.loads(listed.stdout)["checkins"]) == 6


def test_human_report_names_lines_and_reasons(vault_dir: Path) -> None:
    out = run_cli("import", "daylio", str(DATA / "legacy.csv"), "--passphrase-stdin", "--dry-run",
                  stdin=PW, data_dir=vault_dir)
    assert out.returncode == 0
    assert "Would import 4 mood check-ins" in out.stdout
    assert "line 5: the date '31 April' 2019 does not exist" in out.stdout
    assert "so-so (1)" in out.stdout


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (["--mood-map", "fine=9"], "mood map", 2),
        (["--mood-map", "fine"], "mood map", 2),
    ],
)
def test_bad_mood_map_is_refused_before_the_passphrase(
    vault_dir: Path, args: list[str], message: str, code: int
) -> None:
    out = run_cli("import", "daylio", str(DATA / "current.csv"), "--passphrase-stdin", *args,
                  stdin="", data_dir=vault_dir)
    assert out.returncode == code and message in out.stderr
    assert out.stderr.count("\n") == 1


def test_missing_and_foreign_files(vault_dir: Path, tmp_path: Path) -> None:
    gone = run_cli("import", "daylio", str(tmp_path / "nope.csv"), "--passphrase-stdin",
                   stdin=PW, data_dir=vault_dir)
    assert gone.returncode == 4 and "no file at" in gone.stderr
    foreign = run_cli("import", "daylio", str(DATA / "not_daylio.csv"), "--passphrase-stdin",
                      stdin=PW, data_dir=vault_dir)
    assert foreign.returncode == 2 and "not a Daylio CSV export" in foreign.stderr


EXPORT_PW = "lantern orchard mosaic thimble 9\n"


def _export(vault_dir: Path, tmp_path: Path, *args: str, stdin: str = PW):
    scratch = tmp_path / "system-temp"
    scratch.mkdir(exist_ok=True)
    return run_cli("export-data", "--passphrase-stdin", "--json", *args, stdin=stdin,
                   data_dir=vault_dir, env={"TMPDIR": str(scratch)})


def test_export_warns_when_not_encrypted(vault_dir: Path, tmp_path: Path) -> None:
    _import(vault_dir, "--mood-map", "ecstatic=5")  # adds nothing when already imported
    out = _export(vault_dir, tmp_path, "--format", "json", "--out", str(tmp_path / "me.json"))
    assert out.returncode == 0, out.stderr
    assert "warning: the export is NOT encrypted" in out.stderr
    result = json.loads(out.stdout)
    assert result["encrypted"] is False and result["counts"]["mood"] >= 6
    doc = json.loads((tmp_path / "me.json").read_text("utf-8"))
    assert any("herons" in e["body"] for e in doc["journal"])


def test_encrypted_export_reads_the_second_line(vault_dir: Path, tmp_path: Path) -> None:
    from pyrage import passphrase as age_passphrase

    _import(vault_dir, "--mood-map", "ecstatic=5")
    target = tmp_path / "me.zip.age"
    out = _export(vault_dir, tmp_path, "--format", "csv", "--out", str(target), "--encrypt",
                  stdin=PW + EXPORT_PW)
    assert out.returncode == 0, out.stderr
    assert "NOT encrypted" not in out.stderr
    blob = target.read_bytes()
    assert b"herons" not in blob and b"Hill walk" not in blob
    assert age_passphrase.decrypt(blob, EXPORT_PW.strip())[:2] == b"PK"
    missing = _export(vault_dir, tmp_path, "--format", "csv", "--out", str(tmp_path / "b.age"),
                      "--encrypt", stdin=PW)
    assert missing.returncode == 2 and "export passphrase" in missing.stderr
    assert not (tmp_path / "b.age").exists()


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("missing/me.json", "does not exist"),
        ("system-temp/me.json", "temporary folder"),
        ("", "is a folder"),
    ],
)
def test_export_refuses_bad_paths(
    vault_dir: Path, tmp_path: Path, where: str, message: str
) -> None:
    (tmp_path / "system-temp").mkdir(exist_ok=True)
    out = _export(vault_dir, tmp_path, "--format", "json", "--out", str(tmp_path / where))
    assert out.returncode == 2 and message in out.stderr and out.stdout == ""
    assert out.stderr.count("\n") == 1
