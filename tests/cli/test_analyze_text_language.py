"""`mindspace analyze-text`: language, screened and wellbeing fields; no English-model reading
of other languages, and a plain note when the crisis screen cannot read the language."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], text: str, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "MINDSPACE_DATA_DIR": str(tmp_path / "nodata"), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "mindspace", "analyze-text", *args],
                          input=text.encode(), capture_output=True, env=env, timeout=300,
                          cwd=ROOT)


def test_language_fields_and_english_only_readings(tmp_path: Path) -> None:
    text = ("Hoy fue un buen día con mis amigos.\nI went for a walk and felt calm.\n"
            "quiero morir, tengo las pastillas\nOggi sono molto stanco, non so cosa fare.\n")
    proc = run(["--lines", "--json"], text, tmp_path)
    assert proc.returncode == 0, proc.stderr
    es, en, risk, it = [json.loads(x) for x in proc.stdout.decode().splitlines() if x.strip()]
    assert (es["language"], es["screened"]) == ("es", True)
    assert es["emotions"] is None and es["sentiment"] is None and es["labels"] == []
    assert es["wellbeing"] == {"low_mood": None, "anxiety": None, "stress": None}
    assert "English only" in es["english_only"] and "emotion_error" not in es
    assert (en["language"], en["screened"]) == ("en", True) and "english_only" not in en
    assert set(en["wellbeing"]) == {"low_mood", "anxiety", "stress"}
    assert all(0.0 <= v <= 1.0 for v in en["wellbeing"].values())
    assert en["emotions"] is not None and "compound" in en["sentiment"]
    assert risk["crisis"]["level"] == "urgent" and risk["language"] == "es"
    assert it["language"] == "it" and it["screened"] is False and "reads only" in it["screen_note"]


def test_human_output_says_english_only(tmp_path: Path) -> None:
    proc = run([], "Je suis très fatigué aujourd'hui, la semaine a été longue.", tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert "language: fr" in out and "English only" in out and "emotions:" not in out
