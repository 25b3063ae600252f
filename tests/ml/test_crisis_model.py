"""Learned crisis layer: integrity and fallback, determinism, combination rules, safe frames,
and the held-out figures on our own statements (tests/data/crisis_train_extra.jsonl)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mindspace.ml import crisis_patterns as cp
from mindspace.ml.crisis import CrisisDetector, normalise
from mindspace.ml.crisis_model import (
    CLASSIFIER_NAME,
    ENCODER_NAME,
    MAX_MODEL_UNITS,
    WHOLE_READ_AT,
    WINDOW_WORDS,
    CrisisModel,
    ModelLayer,
    model_units,
)
from mindspace.ml.registry import ModelIntegrityError, ModelRegistry, models_dir

DATA = Path(__file__).resolve().parents[1] / "data"
PATTERNS = CrisisDetector()


@pytest.fixture(scope="module")
def model() -> CrisisModel:
    return CrisisModel.load(ModelRegistry())


@pytest.fixture(scope="module")
def det(model: CrisisModel) -> CrisisDetector:
    return CrisisDetector(model=ModelLayer(lambda: model))


def _copy_models(tmp_path: Path) -> Path:
    """Manifest + our two entries in tmp_path (the 23 MB encoder is linked, not copied)."""
    src = models_dir()
    manifest = json.loads((src / "manifest.json").read_text(encoding="utf-8"))
    manifest["models"] = [m for m in manifest["models"]
                          if m["name"] in (ENCODER_NAME, CLASSIFIER_NAME)]
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    for entry in manifest["models"]:
        for f in entry["files"].values():
            dst = tmp_path / f["path"]
            dst.parent.mkdir(parents=True, exist_ok=True)
            if f["size"] > 1_000_000:
                dst.symlink_to(src / f["path"])
            else:
                shutil.copyfile(src / f["path"], dst)
    return tmp_path


def test_tampered_classifier_is_refused_and_patterns_still_work(tmp_path: Path) -> None:
    root = _copy_models(tmp_path)
    weights = root / "crisis-classifier" / "weights.json"
    data = weights.read_bytes()
    weights.write_bytes(data.replace(b"0", b"1", 1))  # same size, different content
    with pytest.raises(ModelIntegrityError, match="sha256 mismatch"):
        CrisisModel.load(ModelRegistry(root))
    layer = ModelLayer(lambda: CrisisModel.load(ModelRegistry(root)))
    fallback = CrisisDetector(model=layer)
    res = fallback.detect("I want to kill myself.")
    assert res.level == "urgent" and res.model is None
    assert res.model_error is not None and "integrity" in res.model_error
    assert fallback.detect("This traffic is killing me.").level == "none"
    assert res.to_dict()["model_error"] == res.model_error


def test_missing_model_files_fall_back_to_patterns(tmp_path: Path) -> None:
    root = _copy_models(tmp_path)
    (root / "sentence-encoder" / "tokenizer.json").unlink()
    fallback = CrisisDetector(model=ModelLayer(lambda: CrisisModel.load(ModelRegistry(root))))
    res = fallback.detect("I'm a burden to everyone.")
    plain = PATTERNS.detect("I'm a burden to everyone.")
    assert (res.level, res.score, res.reasons) == (plain.level, plain.score, plain.reasons)
    assert res.level == "concern" and "missing file" in (res.model_error or "")
    (root / "manifest.json").write_text('{"models": []}', encoding="utf-8")
    empty = CrisisDetector(model=ModelLayer(lambda: CrisisModel.load(ModelRegistry(root))))
    assert empty.detect("I want to end my life").level == "urgent"
    assert "not in" in (empty.detect("hello").model_error or "")


def test_deterministic_and_independent_of_batch(model: CrisisModel, det: CrisisDetector) -> None:
    texts = ["I hope I just don't wake up.", "We had pasta for dinner.", "ok"]
    alone = [model.score_units([t])[0] for t in texts]
    assert model.score_units(texts) == alone
    a = det.detect("Don't bother looking for me. I love you all.")
    b = det.detect("Don't bother looking for me. I love you all.")
    assert a == b and a.model is not None and a.to_dict() == b.to_dict()


@pytest.mark.parametrize("text", [  # never trained on: the held split of our own statements
    "I'd welcome an accident at this point.",
    "Every night I ask God to take me.",
    "Soon nobody will have to deal with me again.",
    "I googled how long it takes to lose consciousness.",
    "I returned all the things I borrowed so nothing's left hanging.",
])
def test_new_wordings_the_patterns_miss_are_flagged(det: CrisisDetector, text: str) -> None:
    assert PATTERNS.detect(text).level == "none"
    res = det.detect(text)
    assert res.level != "none"
    assert any("resembles statements of suicidal thinking" in r for r in res.reasons)


@pytest.mark.parametrize("text", [
    "This traffic is killing me.", "I'd die for a pizza.", "I'm killing it at work",
    "I could kill for a coffee", "my phone is dead", "The deadline is Friday",
    "bored to death in that meeting", "stuck in a dead end job", "I'm dying to see that film",
    "We had pasta and watched a film.", "I gave a bag of clothes to the charity shop.",
])
def test_idioms_and_everyday_text_stay_safe(det: CrisisDetector, text: str) -> None:
    assert det.detect(text).level == "none"


@pytest.mark.parametrize("text", [
    "My friend hopes her heart just stops.",  # third person
    "She left a note saying don't bother looking for her.",
    'The song says "by the time you read this I\'ll be gone" and it\'s stuck in my head.',
    "In the novel the hero gives away everything he owns and says goodbye.",  # fiction
    "I would never kill myself, I just feel low.",  # negated (pattern frame)
    "Years ago I tried to end my life. I'm in a better place now.",  # resolved past
])
def test_safe_frames_keep_the_model_out(det: CrisisDetector, text: str) -> None:
    assert det.detect(text).level == "none"


@pytest.mark.parametrize(("text", "reads"), [
    ("Wrote letters to each of the kids tonight.", True),  # the "I" left out: the writer's own
    ("Gave the dog to my brother tonight, told him it's just for a while.", True),
    ("My brother gave the dog away.", False),  # someone else is the subject
    ("Learned to ask someone if they're thinking of killing themselves.", False),
    ("Watched a film about a man who gives everything away.", False),  # a topic
    ("Need to pick the kids up at three.", False),  # only a past verb marks the diary form
])
def test_a_diary_sentence_without_its_i_is_the_writers_own(text: str, reads: bool) -> None:
    """The learned layer reads a sentence that starts with a verb and left out its "I"; a
    named person there is an object, not the subject."""
    detector = CrisisDetector()
    _, ctx = detector.screen(text)
    assert (detector.safe_frame(ctx, 0) is None) == reads


@pytest.mark.parametrize(("text", "reads"), [
    ("Handed in my notice today. Last shift is on the 9th.", False),
    ("New job starts in May, so I'm done with this office for good.", False),
    ("Handed in my notice. Last shift Friday, then I'll be gone.", True),  # a risk stem
    ("Last shift is on the 9th.", True),  # nothing says the writer is leaving a job
])
def test_a_last_shift_in_an_entry_about_leaving_a_job_is_not_a_goodbye(
        text: str, reads: bool) -> None:
    detector = CrisisDetector()
    _, ctx = detector.screen(text)
    k = max(i for i, (a, b) in enumerate(zip(ctx.starts, ctx.ends, strict=True)) if b > a)
    assert (detector.safe_frame(ctx, k) is None) == reads
    assert (detector.whole_frame(ctx, k) is None) == reads


@pytest.mark.parametrize("text", [
    "My wife would get the house and wouldn't have to nurse me through another winter. On paper "
    "everyone comes out ahead.",
    "The kids would be better looked after by their aunt than by me. She's already got the spare "
    "room ready, and I've written down their routines.",
])
def test_the_whole_entry_read_raises_what_the_units_left_out(
        det: CrisisDetector, model: CrisisModel, text: str) -> None:
    """Sentences left out for the layer's own reasons (here: another person as the subject)
    are read again in place, and a high score raises."""
    _, ctx = det.screen(text)
    units = model_units(ctx, det)
    assert max(model.score_units([u for _, u in units]), default=0.0) < model.threshold
    whole = [u for u in model_units(ctx, det, whole=True) if u not in units]
    assert max(model.score_units([u for _, u in whole])) >= WHOLE_READ_AT
    result = det.detect(text)
    assert result.level == "concern", result.reasons


@pytest.mark.parametrize("text", [
    # the sentence after a negated one elaborates it
    "I won't hurt myself. I promised my sister and I meant it.",
    "I don't want to die. I want things to change.",
    # resolved-past entries: neither the past sentence nor the resolution raises the model
    "Years ago I stood on a bridge ready to jump. I'm thankful every day that I came back.",
    "I spent my teens wanting to disappear forever. Things are so much better now.",
    "Last decade I attempted suicide. The worst is over.",
])
def test_negated_and_resolved_frames_keep_the_model_out(det: CrisisDetector, text: str) -> None:
    result = det.detect(text)
    assert result.level == "none", result.reasons


@pytest.mark.parametrize("text", [
    "I'm not going to make it to Friday.",
    "I attempted two years ago and lately the thoughts are back.",
    "I'm not sure I want to be alive anymore.",
])
def test_current_statements_that_look_negated_or_past_stay_flagged(
        det: CrisisDetector, text: str) -> None:
    assert det.detect(text).level != "none"


def test_frames_dev_set_figures(det: CrisisDetector) -> None:
    """tests/data/crisis_frames_dev.jsonl: negated / resolved-past safe statements and current
    look-alikes (218 rows, tuned on). Measured: combined recall 0.892, FPR 0.026 (0.863 / 0.371
    before the entry-level frames)."""
    rows = _rows(DATA / "crisis_frames_dev.jsonl")
    risk = [r for r in rows if r["risk"]]
    safe = [r for r in rows if not r["risk"]]
    assert len(risk) >= 100 and len(safe) >= 110
    recall = sum(det.detect(r["text"]).level != "none" for r in risk) / len(risk)
    fpr = sum(det.detect(r["text"]).level != "none" for r in safe) / len(safe)
    assert recall >= 0.88 and fpr <= 0.05


def test_model_alone_gives_concern_and_urgent_needs_pattern_evidence(
        det: CrisisDetector) -> None:
    alone = det.detect("I hope my heart just stops.")
    assert PATTERNS.detect("I hope my heart just stops.").level == "none"
    assert alone.level == "concern" and 0.3 <= alone.score < 0.7
    assert det.detect("I hope my heart just stops tonight.").level == "concern"  # model alone
    burden = "I'm a burden to everyone. I hope my heart just stops tonight."
    assert PATTERNS.detect(burden).level == "concern"
    timed = det.detect(burden)
    assert timed.level == "urgent" and any("a time (tonight)" in r for r in timed.reasons)
    # never lowers: an urgent pattern result stays urgent
    assert det.detect("I want to kill myself.").level == "urgent"


def test_model_lowers_only_a_concern_from_past_events_it_reads_as_over(
        det: CrisisDetector) -> None:
    over = ("In March I tried to kill myself. Since then I moved in with my sister and "
            "started a new job I love.")
    assert PATTERNS.detect(over).level == "concern"  # a past event the patterns cannot place
    lowered = det.detect(over)
    assert lowered.level == "none" and lowered.reasons == []
    assert any(i.startswith("past event read in context as over") for i in lowered.ignored)
    # the same event alone stays a concern; current signals are never lowered
    assert det.detect("Last month I tried to kill myself.").level == "concern"
    assert det.detect("I want to kill myself. Since then I moved in with my sister.").level \
        == "urgent"


@pytest.mark.parametrize("text", [
    "Last month I tried to kill myself. Since then I moved in with my sister and started a new "
    "job I love.",
    "Three weeks ago I attempted suicide.",
    "I overdosed a couple of weeks ago.",
    "Tried to end it the other night. Work was fine today.",
])
def test_a_recent_past_event_is_never_lowered(det: CrisisDetector, text: str) -> None:
    """The weeks after an attempt are a time of raised risk: a recent event stays a concern
    however the learned layer reads the rest of the entry."""
    assert det.detect(text).level in ("concern", "urgent")


@pytest.mark.parametrize("text", [
    "Last spring I thought about ending things and I don't know if it's really gone.",
    "Two years ago I tried to end my life. Not sure the thoughts have gone away.",
    "I self-harmed a lot at uni. Honestly it never really went away.",
])
def test_a_past_event_the_writer_doubts_is_over_is_never_lowered(
        det: CrisisDetector, text: str) -> None:
    """A past time of risk that the writer is not sure has passed is not resolved: it stays a
    concern however the learned layer reads the rest of the entry."""
    assert det.detect(text).level in ("concern", "urgent")


@pytest.mark.parametrize("text", [
    "It's gone now and I'm happy with how things are.",
    "I don't know if the shop is open on Sunday.",
    "Not sure the parcel has gone out yet.",
])
def test_doubt_about_ordinary_things_is_no_doubt_that_risk_is_over(text: str) -> None:
    assert cp.NOT_OVER.search(normalise(text)) is None


def test_model_reads_a_capped_number_of_units_and_patterns_read_everything(
        det: CrisisDetector) -> None:
    filler = "Today I walked to the park and made soup for dinner. " * 2000
    _, ctx = PATTERNS.screen(filler + "I want to kill myself.")
    units = model_units(ctx, PATTERNS)
    assert len(units) == MAX_MODEL_UNITS
    res = det.detect(filler + "I want to kill myself.")
    assert res.level == "urgent"
    long_line = "word " * 500 + "end"
    _, ctx = PATTERNS.screen(long_line)
    assert all(len(u.split()) <= WINDOW_WORDS for _, u in model_units(ctx, PATTERNS))


def test_model_reads_short_texts_whole_and_long_texts_in_windows() -> None:
    short = "I have been so tired lately! Work is a lot and I miss my sister."
    _, ctx = PATTERNS.screen(short)
    assert model_units(ctx, PATTERNS) == [
        (0, "i have been so tired lately. work is a lot and i miss my sister")]
    long = " ".join(f"Sentence number {n} is about an ordinary day at work." for n in range(12))
    _, ctx = PATTERNS.screen(long)
    units = model_units(ctx, PATTERNS)
    assert [k for k, _ in units] == list(range(12))  # one unit per sentence, in order
    assert "number 4" in units[5][1] and "number 5" in units[5][1] and "number 6" in units[5][1]
    assert all(len(u.split()) <= WINDOW_WORDS for _, u in units)
    # a negated sentence in a safe frame is left out of every unit
    _, ctx = PATTERNS.screen("I am not going to kill myself. " + long)
    assert not any("kill" in u for _, u in model_units(ctx, PATTERNS))


def _rows(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _rates(det: CrisisDetector, rows: list[dict]) -> tuple[float, float]:
    risk = [r for r in rows if r["label"] == "risk"]
    safe = [r for r in rows if r["label"] == "safe"]
    recall = sum(det.detect(r["text"]).level != "none" for r in risk) / len(risk)
    fpr = sum(det.detect(r["text"]).level != "none" for r in safe) / len(safe)
    return recall, fpr


def test_held_out_figures_match_the_model_card(det: CrisisDetector) -> None:
    """The recorded figures hold to within one statement of the set.

    They were measured on one machine; the int8 encoder gives the same integer results on
    every CPU (U8U8 weights), but the float ops around it (softmax, erf) use different SIMD
    code per CPU and can differ in the last bit, which very rarely moves an activation across
    a rounding step (|dp| up to about 0.01). One held statement sits 0.006 above the 0.18
    threshold ("I'm leaving and I'm not coming back, and I don't mean moving.": 0.186), so a
    figure may move by one statement: 1/61 in recall, 1/71 in FPR. More than that means the
    model or the screen changed and the card must be re-measured. The absolute floors below
    do not depend on the card.
    """
    held = [r for r in _rows(DATA / "crisis_train_extra.jsonl") if r["split"] == "held"]
    assert len(held) >= 100
    n_risk = sum(r["label"] == "risk" for r in held)
    n_safe = sum(r["label"] == "safe" for r in held)
    recall, fpr = _rates(det, held)
    p_recall, _ = _rates(PATTERNS, held)
    metrics = ModelRegistry().get(CLASSIFIER_NAME).raw["metrics"]
    # the card rounds to 3 decimals (hence the 1e-3)
    assert abs(recall - metrics["held_recall_combined"]) <= 1 / n_risk + 1e-3
    assert abs(fpr - metrics["held_fpr_combined"]) <= 1 / n_safe + 1e-3
    assert recall >= 0.85 and recall > p_recall + 0.4


def test_held_out_writers_figures_match_the_model_card(det: CrisisDetector) -> None:
    """Other writers' English lines held out of the fit (they chose the threshold): the recorded
    figures hold to within one statement, and the layer adds most of the recall."""
    held = [r for r in _rows(DATA / "crisis_train_more_e.jsonl") if r["split"] == "held"]
    n_risk = sum(r["label"] == "risk" for r in held)
    n_safe = sum(r["label"] == "safe" for r in held)
    assert n_risk >= 50 and n_safe >= 100
    recall, fpr = _rates(det, held)
    metrics = ModelRegistry().get(CLASSIFIER_NAME).raw["metrics"]
    assert abs(recall - metrics["held_writers_recall_combined"]) <= 1 / n_risk + 1e-3
    assert abs(fpr - metrics["held_writers_fpr_combined"]) <= 1 / n_safe + 1e-3
    assert recall >= 0.85 and fpr <= 0.10 and recall > _rates(PATTERNS, held)[0] + 0.4


def test_eval_set_heldout_split_with_the_model(det: CrisisDetector) -> None:
    rows = [r for r in _rows(DATA / "crisis_eval.jsonl") if r["split"] == "heldout"]
    recall, fpr = _rates(det, rows)
    p_recall, p_fpr = _rates(PATTERNS, rows)
    assert recall >= p_recall and recall >= 0.95 and fpr <= 0.25


# Written by people who never saw the screen, its patterns or its training data; no training
# step reads them and nothing is tuned on them (bench/bench_crisis.py --file F --blind).
FRESH_BLIND = ("crisis_blind9.jsonl", "crisis_blind10.jsonl")


def test_fresh_blind_sets_meet_the_targets(det: CrisisDetector) -> None:
    rows = [r for name in FRESH_BLIND for r in _rows(DATA / name)]
    for r in rows:
        r["label"] = "risk" if r["risk"] else "safe"
    assert len(rows) >= 750
    recall, fpr = _rates(det, rows)
    assert recall >= 0.95 and fpr <= 0.10
    p_recall, p_fpr = _rates(PATTERNS, rows)
    assert p_recall >= 0.45 and p_fpr <= 0.10  # the floor without the model
