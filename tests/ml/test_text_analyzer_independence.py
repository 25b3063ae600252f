"""An entry's analysis does not depend on what else is analysed with it, on the number of
threads, or on repeated crisis units (real shipped models)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from mindspace.ml.crisis import CrisisDetector
from mindspace.ml.crisis_model import CrisisModel, ModelLayer
from mindspace.ml.emotion_model import EmotionModel
from mindspace.ml.registry import ModelRegistry
from mindspace.ml.text_analyzer import TextAnalyzer

TARGET = ("Work was a lot today and I barely ate. I keep thinking everyone would be better off "
          "without me. I took the dog out in the evening and the air was cold. My sister "
          "called but I did not pick up. I feel so tired of everything lately, like there is "
          "no point in going on. Tomorrow I have the dentist at nine and then the long shift. "
          "I should sleep but I keep staring at the ceiling and counting the hours.")

OTHERS = [
    "Lovely walk by the river this morning, then soup with friends.",
    "I am furious with the landlord, the heating broke again and nobody answers the phone.",
    "Hoy me siento muy triste y no quiero hablar con nadie.",
    "ok",
    "",
    "I baked bread for the first time and it came out flat but tasty. " * 6,
    "Sometimes I wish I could just disappear for a while. Not forever, just a week off.",
    "My friend said she wants to die after the exam, she was joking of course.",
    "Je suis fatigué de tout.",
    "Slept badly. Panic in the morning, my chest was tight and I could not breathe.",
    "Finished the report, called mum, watered the plants, read two chapters.",
    "I have the pills on my nightstand and I keep staring at them tonight.",
    "😢😢 long day",
    "The meeting ran late and I was annoyed, but the team pulled through in the end.",
    "Back then I had a plan. This year I have a garden and I am doing fine.",
    "Grateful for small things: tea, rain on the window, a good book.",
    "I cut my arm again last night to feel something.",
    "We planned the trip to the coast and booked the train.",
    "Nothing matters much these days, I just feel empty and numb.",
    "Ran five kilometres and felt proud of myself.",
]


def _analyzer(workers: int) -> TextAnalyzer:
    registry = ModelRegistry()
    layer = ModelLayer(lambda: CrisisModel.load(registry), workers=workers)
    return TextAnalyzer(lambda: EmotionModel.load(registry), crisis=CrisisDetector(model=layer),
                        workers=workers)


@pytest.fixture(scope="module")
def serial() -> TextAnalyzer:
    return _analyzer(1)


@pytest.fixture(scope="module")
def pooled() -> TextAnalyzer:
    return _analyzer(2)


def test_entry_alone_equals_entry_among_twenty_others(serial: TextAnalyzer,
                                                      pooled: TextAnalyzer) -> None:
    alone = serial.analyze(TARGET).to_dict()
    assert alone["crisis"]["level"] != "none" and alone["crisis"].get("model")
    assert pooled.analyze(TARGET).to_dict() == alone
    batch = [*OTHERS[:7], TARGET, *OTHERS[7:]]
    assert len(batch) == 21
    for analyzer in (serial, pooled):
        results = analyzer.analyze_many(batch, batch_size=4)
        assert results[7].to_dict() == alone
    # every entry of the pooled batch equals its one-by-one result, in input order
    pooled_batch = [r.to_dict() for r in pooled.analyze_many(batch)]
    assert pooled_batch == [serial.analyze(t).to_dict() for t in batch]


def test_repeated_and_concurrent_units_score_as_alone() -> None:
    model = CrisisModel.load(ModelRegistry())
    units = ["i want to disappear forever", "we walked to the park", "no point in going on",
             "i want to disappear forever", "we walked to the park"]
    alone = [model.score_units([u])[0] for u in units]
    assert model.score_units(units) == alone
    with ThreadPoolExecutor(2) as pool:
        assert model.score_units(units, map_fn=pool.map) == alone
    assert alone[0] != alone[1]  # the units really differ, so the comparison can fail
