"""Scoring, bands, the item-9 rule and missing answers for every shipped questionnaire."""

from __future__ import annotations

import itertools
import json

import pytest

from mindspace.core.errors import ValidationError
from mindspace.core.questionnaires import (
    catalog,
    check_answers,
    derived_scores,
    parse_answers,
    questionnaires_dir,
    safety_followup_needed,
    score,
)

PHQ9_BANDS = {range(0, 5): "minimal", range(5, 10): "mild", range(10, 15): "moderate",
              range(15, 20): "moderately severe", range(20, 28): "severe"}
GAD7_BANDS = {range(0, 5): "minimal", range(5, 10): "mild", range(10, 15): "moderate",
              range(15, 22): "severe"}


def _answers_for(total: int, items: int, top: int) -> list[int]:
    """Spread `total` over `items` answers, each at most `top` (item 9 kept at 0 if possible)."""
    out = [0] * items
    left = total
    for i in range(items):
        out[i] = min(top, left)
        left -= out[i]
    assert left == 0
    return out


def _band(table: dict[range, str], total: int) -> str:
    return next(label for r, label in table.items() if total in r)


def test_shipped_file_is_the_verified_data_unchanged(shared_data):
    shipped = questionnaires_dir() / "questionnaires.json"
    source = shared_data / "questionnaires" / "questionnaires.json"
    assert json.loads(shipped.read_text()) == json.loads(source.read_text())


def test_wording_is_read_verbatim():
    phq9 = catalog().get("phq9")
    assert phq9.instructions == ("Over the last 2 weeks, how often have you been bothered by "
                                 "any of the following problems?")
    assert phq9.scored_items[8].text == ("Thoughts that you would be better off dead or of "
                                         "hurting yourself in some way")
    assert [o.label for o in phq9.scored_items[0].options] == [
        "Not at all", "Several days", "More than half the days", "Nearly every day"]
    who5 = catalog().get("who5")
    assert [o.value for o in who5.scored_items[0].options] == [5, 4, 3, 2, 1, 0]


@pytest.mark.parametrize("total", range(0, 28))
def test_phq9_every_total_has_its_band(total):
    phq9 = catalog().get("phq9")
    result = score(phq9, _answers_for(total, 9, 3))
    assert result.total == total == result.raw
    assert result.band_short == _band(PHQ9_BANDS, total)
    assert result.summary() == f"PHQ-9 {total}, {result.band_short} range"


@pytest.mark.parametrize("total", range(0, 22))
def test_gad7_every_total_has_its_band(total):
    result = score(catalog().get("gad7"), _answers_for(total, 7, 3))
    assert result.total == total
    assert result.band_short == _band(GAD7_BANDS, total)
    assert result.item9 is None and not result.safety_followup
    assert result.further_assessment == (total >= 10)


@pytest.mark.parametrize("raw", range(0, 26))
def test_who5_is_reported_as_a_percentage(raw):
    result = score(catalog().get("who5"), _answers_for(raw, 5, 5))
    assert result.raw == raw and result.total == raw * 4
    expected = "poor well-being" if raw < 13 else "not below the suggested cut-off"
    assert result.band_short == expected


def test_who5_any_item_at_0_or_1_suggests_further_assessment():
    who5 = catalog().get("who5")
    assert score(who5, [5, 5, 5, 5, 1]).further_assessment
    assert not score(who5, [5, 5, 5, 5, 2]).further_assessment


def test_every_phq9_answer_pattern_scores_its_sum():
    phq9 = catalog().get("phq9")
    for pattern in itertools.islice(itertools.product(range(4), repeat=9), 0, 262144, 97):
        assert score(phq9, list(pattern)).total == sum(pattern)


@pytest.mark.parametrize("item9", [0, 1, 2, 3])
def test_item9_triggers_the_safety_followup_whatever_the_total(item9):
    phq9 = catalog().get("phq9")
    low = score(phq9, [0] * 8 + [item9])
    assert low.item9 == item9
    assert low.safety_followup == (item9 >= 1)
    assert low.band_short == "minimal"  # a low total does not cancel it
    high = score(phq9, [3] * 8 + [item9])
    assert high.safety_followup == (item9 >= 1)
    assert safety_followup_needed(phq9, {"phq9_9": item9}) == (item9 >= 1)


def test_item9_still_triggers_when_other_items_are_missing():
    phq9 = catalog().get("phq9")
    result = score(phq9, [None] * 8 + [2])
    assert result.total is None and result.band is None
    assert result.safety_followup and result.item9 == 2


@pytest.mark.parametrize("instrument", ["phq9", "gad7", "who5"])
def test_no_total_when_an_item_is_missing(instrument):
    inst = catalog().get(instrument)
    for missing in range(len(inst.scored_ids)):
        answers: list[int | None] = [1] * len(inst.scored_ids)
        answers[missing] = None
        result = score(inst, answers)
        assert result.total is None and result.raw is None and result.band is None
        assert result.missing == (inst.scored_ids[missing],)
        assert "not scored" in result.summary()


def test_short_forms_come_from_the_first_two_answers():
    phq2, = derived_scores(catalog().get("phq9"), [2, 1, 3, 3, 3, 3, 3, 3, 0])
    assert (phq2.instrument, phq2.total, phq2.next_instrument) == ("phq2", 3, "phq9")
    assert phq2.band_short == "positive screen"
    gad2, = derived_scores(catalog().get("gad7"), [1, 1, 3, 3, 3, 3, 3])
    assert (gad2.instrument, gad2.total, gad2.further_assessment) == ("gad2", 2, False)
    assert gad2.band_short == "below screening cut-off"


@pytest.mark.parametrize("text, message", [
    ("1,1", "needs 7 answers, got 2"),
    ("1,1,1,1,1,1,1,1", "needs 7 answers, got 8"),
    ("1,1,1,1,1,1,4", "item 7: 4 is not one of 0, 1, 2, 3"),
    ("1,1,1,-1,1,1,1", "item 4: -1 is not one of"),
    ("1,x,1,1,1,1,1", "item 2: 'x' is not a number"),
    ("", "needs 7 answers, got 0"),
])
def test_bad_answers_are_refused_in_one_line(text, message):
    with pytest.raises(ValidationError, match=message) as info:
        parse_answers(catalog().get("gad7"), text)
    assert "\n" not in str(info.value)


def test_booleans_are_not_answers():
    with pytest.raises(ValidationError):
        check_answers(catalog().get("who5"), [True, 1, 1, 1, 1])


def test_unknown_instrument_is_a_validation_error():
    with pytest.raises(ValidationError, match="unknown questionnaire"):
        catalog().get("pss10")


def test_questionnaire_files_are_packaged():
    import importlib.util

    from mindspace.core.paths import app_root

    spec = importlib.util.spec_from_file_location("spec_config", app_root() / "build" /
                                                  "spec_config.py")
    assert spec is not None and spec.loader is not None
    cfg = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cfg)
    pairs = cfg.folder_tree(app_root() / "resources", "resources")
    names = {(src.rsplit("/", 1)[-1], dest) for src, dest in pairs}
    for name in ("questionnaires.json", "reliable_change.json", "SOURCE.md"):
        assert (name, "resources/questionnaires") in names
