"""`mindspace measure`: the JSON contract, refusals before the passphrase, list, schedule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.conftest import PASSPHRASE

PW = PASSPHRASE + "\n"


@pytest.fixture(scope="module")
def vault_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("measure") / "data"
    assert run_cli("vault", "init", "--passphrase-stdin", stdin=PW, data_dir=d).returncode == 0
    return d


def _add(vault_dir: Path, *args: str):  # type: ignore[no-untyped-def]
    return run_cli("measure", "add", *args, "--passphrase-stdin", "--json", stdin=PW,
                   data_dir=vault_dir)


def test_add_prints_the_contract_and_list_shows_it(vault_dir: Path) -> None:
    first = _add(vault_dir, "phq9", "--answers", "2,2,2,2,2,2,2,1,0", "--date", "2026-01-01")
    assert first.returncode == 0, first.stderr
    row = json.loads(first.stdout)
    assert list(row)[:6] == ["instrument", "score", "band", "item9", "safety_followup",
                             "reliable_change"]
    assert (row["instrument"], row["score"], row["band"]) == (
        "phq9", 15, "moderately severe")
    assert row["item9"] == 0 and row["safety_followup"] is False
    assert row["reliable_change"] is None
    second = _add(vault_dir, "phq9", "--answers", "0,0,0,0,0,0,0,0,1", "--date", "2026-01-15")
    row2 = json.loads(second.stdout)
    assert (row2["score"], row2["band"], row2["item9"]) == (1, "minimal", 1)
    assert row2["safety_followup"] is True and row2["reliable_change"] == "improved"
    listed = run_cli("measure", "list", "--passphrase-stdin", "--json", stdin=PW,
                     data_dir=vault_dir)
    rows = json.loads(listed.stdout)["measures"]
    assert [r["score"] for r in rows if r["instrument"] == "phq9"] == [15, 1]


def test_who5_band_and_human_output(vault_dir: Path) -> None:
    out = run_cli("measure", "add", "who5", "--answers", "2,2,2,2,2", "--passphrase-stdin",
                  stdin=PW, data_dir=vault_dir)
    assert out.returncode == 0
    assert out.stdout.startswith("WHO-5 40 (raw 10), poor well-being range")
    assert "not a diagnosis" in out.stdout


def test_item9_human_output_points_to_support(vault_dir: Path) -> None:
    out = run_cli("measure", "add", "phq9", "--answers", "0,0,0,0,0,0,0,0,2",
                  "--passphrase-stdin", stdin=PW, data_dir=vault_dir)
    assert "crisis line" in out.stdout


@pytest.mark.parametrize("instrument, answers, message", [
    ("gad7", "1,1", "GAD-7 needs 7 answers, got 2"),
    ("phq9", "1,1,1,1,1,1,1,1,4", "PHQ-9 item 9: 4 is not one of 0, 1, 2, 3"),
    ("who5", "1,2,3,4,6", "WHO-5 item 5: 6 is not one of 0, 1, 2, 3, 4, 5"),
    ("who5", "1,2,,4,5", "WHO-5 item 3: '' is not a number"),
])
def test_bad_answers_refused_before_the_passphrase(tmp_path: Path, instrument: str,
                                                   answers: str, message: str) -> None:
    # no vault and no passphrase on stdin: the answers are checked first
    out = run_cli("measure", "add", instrument, "--answers", answers, "--passphrase-stdin",
                  "--json", data_dir=tmp_path / "none")
    assert out.returncode == 2
    assert out.stderr.strip() == f"mindspace: error: {message}"
    assert "Traceback" not in out.stderr and out.stdout == ""


def test_bad_answers_store_nothing(vault_dir: Path) -> None:
    before = run_cli("measure", "list", "--passphrase-stdin", "--json", stdin=PW,
                     data_dir=vault_dir)
    assert _add(vault_dir, "gad7", "--answers", "1,1,1").returncode == 2
    after = run_cli("measure", "list", "--passphrase-stdin", "--json", stdin=PW,
                    data_dir=vault_dir)
    assert before.stdout == after.stdout


def test_unknown_instrument_is_a_usage_error(vault_dir: Path) -> None:
    out = _add(vault_dir, "pss10", "--answers", "1")
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_schedule(vault_dir: Path) -> None:
    out = run_cli("measure", "schedule", "gad7", "--days", "28", "--passphrase-stdin", "--json",
                  stdin=PW, data_dir=vault_dir)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["schedule_days"]["gad7"] == 28
    bad = run_cli("measure", "schedule", "gad7", "--days", "2", "--passphrase-stdin",
                  stdin=PW, data_dir=vault_dir)
    assert bad.returncode == 2 and "0 (off) or 7-90" in bad.stderr
