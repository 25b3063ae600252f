"""`analyze-text --lines --json`: one result per non-blank line, in input order, each equal to
analysing that line alone (entries run on several threads)."""

from __future__ import annotations

import json
from pathlib import Path

from mindspace.ml.crisis import CrisisDetector
from mindspace.ml.crisis_model import CrisisModel, ModelLayer
from mindspace.ml.emotion_model import EmotionModel
from mindspace.ml.registry import ModelRegistry
from mindspace.ml.text_analyzer import TextAnalyzer
from tests.cli.helpers import run_cli

LINES = [
    "Lovely walk by the river this morning, then soup with friends.",
    "I keep thinking everyone would be better off without me. I am so tired of everything.",
    "Hoy me siento muy triste y no quiero hablar con nadie.",
    "ok",
    "I am furious with the landlord, the heating broke again and nobody answers the phone.",
    "I have the pills on my nightstand and I keep staring at them tonight.",
    "Back then I had a plan. This year I have a garden and I am doing fine.",
    "😢😢 long day",
    "Ran five kilometres and felt proud of myself. Then I slept for ten hours straight.",
    "Nothing matters much these days, I just feel empty and numb.",
    "Je suis fatigué de tout.",
    "We planned the trip to the coast and booked the train for Friday morning.",
]


def test_lines_output_order_and_content_equal_one_by_one(tmp_path: Path) -> None:
    stdin = "\n".join(LINES[:6]) + "\n\n   \n" + "\n".join(LINES[6:]) + "\n"
    proc = run_cli("analyze-text", "--lines", "--json", stdin=stdin,
                   env={"MINDSPACE_DATA_DIR": str(tmp_path / "nodata"),
                        "MINDSPACE_ANALYSIS_WORKERS": "2"}, timeout=300)
    assert proc.returncode == 0, proc.stderr
    got = [json.loads(x) for x in proc.stdout.splitlines() if x.strip()]
    registry = ModelRegistry()
    serial = TextAnalyzer(lambda: EmotionModel.load(registry), crisis=CrisisDetector(
        model=ModelLayer(lambda: CrisisModel.load(registry))), workers=1)
    expected = [json.loads(json.dumps(serial.analyze(t).to_dict())) for t in LINES]
    assert len(got) == len(LINES)
    assert got == expected
    assert {o["crisis"]["level"] for o in got} >= {"none", "urgent"}


def test_lines_single_line_equals_its_place_in_a_batch(tmp_path: Path) -> None:
    env = {"MINDSPACE_DATA_DIR": str(tmp_path / "nodata")}
    alone = run_cli("analyze-text", "--json", stdin=LINES[1], env=env, timeout=300)
    batch = run_cli("analyze-text", "--lines", "--json", stdin="\n".join(LINES) + "\n", env=env,
                    timeout=300)
    assert alone.returncode == 0 and batch.returncode == 0, alone.stderr + batch.stderr
    assert json.loads(alone.stdout) == json.loads(batch.stdout.splitlines()[1])
