"""`mindspace insights`: the JSON contract over a real vault, the human text and bad input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mindspace.app import AppServices
from tests.app.insights_vault import fill_vault
from tests.cli.helpers import run_cli
from tests.conftest import PASSPHRASE

TODAY = date(2026, 5, 20)


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("insights") / "data"
    services = AppServices(data_dir)
    services.create_vault(PASSPHRASE)
    fill_vault(services, TODAY)
    services.close()
    return data_dir


def _json(args: list[str], data_dir: Path) -> dict[str, Any]:
    proc = run_cli("insights", "--passphrase-stdin", "--json", *args, stdin=PASSPHRASE + "\n",
                   data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 1
    obj: dict[str, Any] = json.loads(lines[0])
    return obj


def test_json_contract(filled: Path) -> None:
    obj = _json(["--date", TODAY.isoformat()], filled)
    assert obj["today"] == "2026-05-20"
    assert obj["streaks"]["current"] == 90 and obj["streaks"]["longest"] == 90
    corr = obj["correlations"]
    assert corr["q"] == 0.10 and corr["min_days"] == 5 and corr["confidence"] == 0.95
    friends = next(a for a in corr["findings"] if a["factor"]["name"] == "friends")
    assert friends["low"] <= friends["diff"] <= friends["high"] and friends["low"] > 0
    assert friends["n_with"] >= 5 and friends["n_without"] >= 5
    assert friends["n_with"] + friends["n_without"] == 90
    assert {"g", "g_low", "g_high", "p", "q"} <= friends.keys()
    assert "went with a better mood" in friends["text"]
    mood = obj["forecast"]["mood"]
    assert mood["shown"] and mood["for_day"] == "2026-05-21"
    assert mood["backtest_days"] >= 28
    assert mood["mae_model"] <= 0.9 * min(mood["mae_yesterday"], mood["mae_personal_mean"])
    assert mood["signals"] and 1 <= mood["value"] <= 5
    energy = obj["forecast"]["energy"]
    assert not energy["shown"] and energy["value"] is None
    assert "cannot beat a simple guess" in energy["reason"]
    assert obj["weekly_review"]["start"] == "2026-05-18"
    assert len(obj["trends"]["weeks"]) == 12


def test_one_section_and_human_text(filled: Path) -> None:
    obj = _json(["--date", "2026-05-20", "--section", "forecast"], filled)
    assert set(obj) == {"today", "forecast"}
    proc = run_cli("insights", "--passphrase-stdin", "--date", "2026-05-20",
                   stdin=PASSPHRASE + "\n", data_dir=filled)
    assert proc.returncode == 0, proc.stderr
    assert "Forecast of mood for 2026-05-21" in proc.stdout
    assert "Forecast of energy: not shown." in proc.stdout
    assert "cause" not in proc.stdout


def test_an_early_date_has_too_little_data(filled: Path) -> None:
    obj = _json(["--date", "2026-03-01"], filled)
    assert not obj["forecast"]["mood"]["shown"]
    assert obj["forecast"]["mood"]["reason"].startswith("Not enough data yet")


def test_bad_input(filled: Path, tmp_path: Path) -> None:
    bad_date = run_cli("insights", "--passphrase-stdin", "--date", "20-05-2026",
                       stdin=PASSPHRASE + "\n", data_dir=filled)
    assert bad_date.returncode == 2 and "not an ISO date" in bad_date.stderr
    no_flag = run_cli("insights", "--json", data_dir=filled)
    assert no_flag.returncode == 2 and "--passphrase-stdin" in no_flag.stderr
    wrong = run_cli("insights", "--passphrase-stdin", stdin="not the passphrase\n",
                    data_dir=filled)
    assert wrong.returncode == 3
    assert "Traceback" not in wrong.stderr and len(wrong.stderr.strip().splitlines()) == 1
    missing = run_cli("insights", "--passphrase-stdin", stdin=PASSPHRASE + "\n",
                      data_dir=tmp_path / "none")
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
    section = run_cli("insights", "--section", "nope", data_dir=filled)
    assert section.returncode == 2


def test_chat_trends_and_what_helped_in_json(tmp_path: Path) -> None:
    from tests.app.test_insights_chat import TODAY as CHAT_DAY
    from tests.app.test_insights_chat import _fill_chat

    data_dir = tmp_path / "data"
    services = AppServices(data_dir)
    services.create_vault(PASSPHRASE)
    _fill_chat(services)
    services.close()
    obj = _json(["--date", CHAT_DAY.isoformat()], data_dir)
    weeks = obj["trends"]["weeks"]
    assert weeks[-1]["by_source"] == {"chat": 1} and weeks[-2]["by_source"] == {"chat": 1}
    assert weeks[-1]["shares"]["joy"] > 0.5 and weeks[-2]["negative_share"] > 0.5
    assert obj["trends"]["months"][-1]["by_source"] == {"chat": 2}
    helped = obj["what_helped"]
    assert helped["source"] == "exercises"
    record = helped["exercises"][0]
    assert record["exercise"] == "thought-record" and record["last"] == "2026-05-20"
    assert (record["rated"], record["eased"]) == (2, 2)
    assert (record["mean_before"], record["mean_after"]) == (70.0, 35.0)
    assert record["when"] == "usually in the evening"
    assert "Exercises with the companion" in helped["text"]
    only = _json(["--date", CHAT_DAY.isoformat(), "--section", "helped"], data_dir)
    assert only["what_helped"] == helped
