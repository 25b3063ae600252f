"""`mindspace analyze-text` through the installed console script, as users and checks run it."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

CLI = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "mindspace"
LABELS = {"anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"}


def run(args: list[str], stdin: bytes, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    if not CLI.exists():
        pytest.skip("the .venv console script is not installed")
    env = {**os.environ, "MINDSPACE_DATA_DIR": str(tmp_path / "nodata")}
    return subprocess.run([str(CLI), "analyze-text", *args], input=stdin, capture_output=True,
                          env=env, timeout=300)


def objects(proc: subprocess.CompletedProcess[bytes]) -> list[dict]:
    return [json.loads(x) for x in proc.stdout.decode("utf-8").splitlines() if x.strip()]


def check_shape(obj: dict) -> None:
    if obj["emotions"] is None:  # a language the English-only models do not read, said so
        assert obj["language"] not in ("en", "und") and obj["english_only"]
        assert obj["sentiment"] is None and obj["model"] is None
    else:
        assert set(obj["emotions"]) == LABELS
        assert isinstance(obj["sentiment"]["compound"], float)
        assert obj["model"].startswith("text-emotion@")
    assert isinstance(obj["labels"], list)
    assert obj["crisis"]["level"] in ("none", "concern", "urgent")


def test_lines_contract_and_blank_lines_skipped(tmp_path: Path) -> None:
    text = "I am so happy today!\n\nThis traffic is killing me.\n   \nI want to end my life.\n"
    proc = run(["--lines", "--json"], text.encode(), tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = objects(proc)
    assert len(rows) == 3
    for row in rows:
        check_shape(row)
    assert [r["crisis"]["level"] for r in rows] == ["none", "none", "urgent"]
    assert not (tmp_path / "nodata").exists()  # no vault, nothing written


def test_whole_input_is_one_document(tmp_path: Path) -> None:
    proc = run(["--json"], b"I feel calm.\nThen I felt scared.\n", tmp_path)
    assert proc.returncode == 0 and len(objects(proc)) == 1


def test_empty_input(tmp_path: Path) -> None:
    lines = run(["--lines", "--json"], b"", tmp_path)
    assert lines.returncode == 0 and lines.stdout == b"" and b"Traceback" not in lines.stderr
    whole = run(["--json"], b"", tmp_path)
    assert whole.returncode == 0
    (obj,) = objects(whole)
    check_shape(obj)
    assert obj["crisis"]["level"] == "none"


def test_invalid_utf8_is_one_line_error(tmp_path: Path) -> None:
    proc = run(["--json"], b"\xff\xfe bad bytes\n", tmp_path)
    assert proc.returncode != 0 and proc.stdout == b""
    err = proc.stderr.decode()
    assert "UTF-8" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_emoji_non_english_and_1mb(tmp_path: Path) -> None:
    text = "🙂🎉😢\nJe suis très content\n今日はとても悲しい\n"
    rows = objects(run(["--lines", "--json"], text.encode(), tmp_path))
    assert len(rows) == 3
    for row in rows:
        check_shape(row)
    assert [r["language"] for r in rows[1:]] == ["fr", "ja"]
    big = ("We cooked dinner and watched a film. " * 28_000 + "I want to kill myself.").encode()
    assert len(big) > 1_000_000
    proc = run(["--json"], big, tmp_path)
    assert proc.returncode == 0, proc.stderr
    (obj,) = objects(proc)
    check_shape(obj)
    assert obj["crisis"]["level"] == "urgent"


def test_human_output(tmp_path: Path) -> None:
    proc = run([], b"I feel hopeless", tmp_path)
    assert proc.returncode == 0 and b"crisis: concern" in proc.stdout
