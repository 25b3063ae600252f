"""`mindspace research` through the real command line: consent, export, aggregate; refusals."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from tests.cli.helpers import run_cli
from tests.conftest import PASSPHRASE

PW = PASSPHRASE + "\n"


def _cli(data: Path, *args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    out = run_cli(*args, "--passphrase-stdin", "--json", stdin=PW, data_dir=data)
    return out.returncode, (json.loads(out.stdout) if out.stdout.strip() else {}), out.stderr


def test_consent_export_and_aggregate(tmp_path: Path) -> None:
    pat, study = tmp_path / "pat", tmp_path / "study"
    for folder, name, role in ((pat, "Pat", "patient"), (study, "Mood Study", "study")):
        assert run_cli("vault", "init", "--passphrase-stdin", stdin=PW, data_dir=folder)\
            .returncode == 0
        code, _, err = _cli(folder, "share", "identity", "--name", name, "--role", role,
                            "--card-out", str(tmp_path / f"{role}.mscard"))
        assert code == 0, err
    code, _, err = _cli(pat, "share", "add-contact", str(tmp_path / "study.mscard"), "--verified")
    assert code == 0, err
    code, _, err = _cli(pat, "mood", "add", "4")
    exports = tmp_path / "exports"
    exports.mkdir()

    code, _, err = _cli(pat, "research", "export", "--to", "Mood Study",
                        "--out", str(exports / "a.msresearch"))
    assert code == 2 and "not consented" in err and not (exports / "a.msresearch").exists()
    code, shown, _ = _cli(pat, "research", "consent", "--study", "Mood Study")
    assert code == 0 and shown["consented"] is False and "How to withdraw" in shown["text"]
    code, _, err = _cli(pat, "research", "consent", "--study", "Mood Study", "--epsilon", "9",
                        "--yes")
    assert code == 2 and "epsilon" in err
    code, given, _ = _cli(pat, "research", "consent", "--study", "Mood Study", "--yes")
    assert code == 0 and given["consent"]["epsilon"] == 1.0
    code, done, err = _cli(pat, "research", "export", "--to", "Mood Study",
                           "--out", str(exports / "a.msresearch"), "--weeks", "4")
    assert code == 0, err
    assert done["epsilon"] == 1.0 and len(done["weeks"]) == 4
    code, _, err = _cli(pat, "research", "export", "--to", "Mood Study",
                        "--out", str(exports / "a.msresearch"))
    assert code == 2 and "already exists" in err
    code, _, err = _cli(pat, "research", "export", "--to", "Nobody", "--out",
                        str(exports / "b.msresearch"))
    assert code == 4 and "Nobody" in err
    code, log, _ = _cli(pat, "audit", "--kind", "research.export")
    assert [r["kind"] for r in log["rows"]] == ["research.export"]

    db = tmp_path / "study.duckdb"
    code, result, err = _cli(study, "research", "aggregate", str(exports), "--out", str(db))
    assert code == 0, err
    assert result["loaded"] == 1 and result["rows"]["mood_weekly"] == 4
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM activity_weekly").fetchone() == (4,)
    (exports / "bad.msresearch").write_bytes(b"age-encryption.org/v1\n-> nonsense\n")
    code, result, _ = _cli(study, "research", "aggregate", str(exports), "--out", str(db))
    assert code == 1 and [r["file"] for r in result["refused"]] == ["bad.msresearch"]
    assert result["skipped"] == 1 and result["loaded"] == 0
