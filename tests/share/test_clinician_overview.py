"""The therapist's overview of all patients, from real bundles written by real patient vaults and
opened by a real therapist vault: item-9 alerts first, latest scores with range and reliable
change since the first and the previous score, and one patient's history for the charts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mindspace.app.clinician_overview import (
    PatientRow,
    Result,
    patient_history,
    patient_overview,
    trend,
)
from mindspace.core.questionnaires import catalog
from mindspace.core.reliable_change import compare
from mindspace.share.bundle import BundleError, Item, OpenedBundle, canonical_json
from mindspace.share.export import ExportSelection
from mindspace.share.inbox import stage
from tests.share.helpers import Person, make_person, pair_up

QUESTIONNAIRES = ExportSelection(journal=False, mood=False, questionnaires=True, reports=False)
JAN = datetime(2026, 1, 5, 9)
WEEKS = 60


def share(patient: Person, therapist: Person, path: Path) -> str:
    preview = patient.sharing.preview_export("Dr Tess Therapist", QUESTIONNAIRES)
    patient.sharing.write_export(preview, path)
    return therapist.sharing.open_file(path).contact_id


@pytest.fixture
def zed(tmp_path: Path, therapist: Person) -> Iterator[Person]:
    """A second patient, whose name sorts last."""
    person = make_person(tmp_path / "zed", "Zed Zimmer", "patient")
    pair_up(person, therapist)
    yield person
    person.services.close()


def test_item9_patient_first_with_scores_bands_and_reliable_change(
    paired: tuple[Person, Person], zed: Person, tmp_path: Path
) -> None:
    pat, therapist = paired
    m = pat.services.measures()
    m.record("phq9", [3, 3, 2, 2, 2, 2, 2, 2, 0], taken_at=JAN)  # 18
    m.record("phq9", [2, 2, 1, 1, 1, 1, 1, 1, 0], taken_at=JAN + timedelta(days=14))  # 10
    m.record("phq9", [1, 1, 1, 1, 1, 1, 1, 1, 0], taken_at=JAN + timedelta(days=28))  # 8
    m.record("gad7", [2] * 7, taken_at=JAN)  # 14
    m.record("gad7", [2] * 7, taken_at=JAN + timedelta(days=28))  # 14
    m.record("who5", [3, 3, 3, 3, 3], taken_at=JAN + timedelta(days=28))  # 60
    pat_id = share(pat, therapist, tmp_path / "pat.msbundle")
    zm = zed.services.measures()
    zm.record("phq9", [1] * 8 + [0], taken_at=JAN)  # 8
    zm.record("phq9", [1] * 8 + [1], taken_at=JAN + timedelta(days=7))  # 9, item 9 "Several days"
    zed_id = share(zed, therapist, tmp_path / "zed.msbundle")

    rows = patient_overview(therapist.sharing.inbox)
    assert [r.contact_id for r in rows] == [zed_id, pat_id]  # the alert first, though "Zed"
    first, second = rows
    assert first.item9_alert and not second.item9_alert
    assert first.alert_text().startswith("Item 9 alert:") and "Several days (1)" in first.text()
    assert first.text().startswith("Item 9 alert")
    assert second.alert_text() == ""
    bundles = therapist.sharing.inbox.bundles(pat_id)
    assert second.bundles == 1 and second.last_received == bundles[0]["received_at"]

    phq9 = second.trend("phq9")
    assert phq9 is not None and phq9.latest.score == 8 and phq9.latest.band == "mild"
    assert phq9.since_first is not None and phq9.since_previous is not None
    assert (phq9.since_first.previous, phq9.since_first.current) == (18, 8)
    assert phq9.since_first.verdict == "improved"  # -10 is far beyond the PHQ-9's threshold
    assert (phq9.since_previous.previous, phq9.since_previous.current) == (10, 8)
    assert phq9.since_previous.verdict == "no reliable change"
    cell = second.cell("phq9")
    assert cell.startswith("PHQ-9 8, mild") and "since first: improved (18 → 8, -10)" in cell
    gad7 = second.trend("gad7")
    assert gad7 is not None and gad7.verdict() == "no reliable change"
    assert gad7.since_previous is None  # two scores: one change, said once
    assert "WHO-5 60" in second.cell("who5") and "first result" in second.cell("who5")
    assert first.cell("gad7") == "no score" and first.trend("who5") is None
    assert "PHQ-9 9" in first.cell("phq9")


def test_a_new_bundle_with_item9_moves_the_patient_up(
    paired: tuple[Person, Person], zed: Person, tmp_path: Path
) -> None:
    pat, therapist = paired
    pat.services.measures().record("phq9", [1] * 9, taken_at=JAN)
    zed.services.measures().record("gad7", [0] * 7, taken_at=JAN)
    share(pat, therapist, tmp_path / "a.msbundle")
    zed_id = share(zed, therapist, tmp_path / "z.msbundle")
    assert [r.name for r in patient_overview(therapist.sharing.inbox)] == [
        "Pat Patient", "Zed Zimmer"]  # Pat's item 9 is 1
    pat.services.measures().record("phq9", [1] * 8 + [0], taken_at=JAN + timedelta(days=7))
    zed.services.measures().record("phq9", [2] * 8 + [3], taken_at=JAN + timedelta(days=7))
    share(pat, therapist, tmp_path / "b.msbundle")
    share(zed, therapist, tmp_path / "y.msbundle")
    rows = patient_overview(therapist.sharing.inbox)
    assert [r.contact_id for r in rows][0] == zed_id and rows[0].item9_alert
    assert not rows[1].item9_alert  # the latest PHQ-9 counts, not an older one
    assert rows[1].bundles == 2
    inbox = therapist.sharing.inbox
    assert sum(r.bundles for r in rows) == len(inbox.bundles()) == 4
    assert len(inbox.bundles(limit=3)) == 3 and len(inbox.bundles(zed_id, limit=5)) == 2


def _oracle(history_results: list[Result], instrument: str) -> tuple[int, int, int] | None:
    scored = [r for r in history_results if r.instrument == instrument]
    if not scored:
        return None
    return scored[0].score or 0, (scored[-2].score or 0) if len(scored) > 1 else -1, \
        scored[-1].score or 0


def test_picking_the_ends_matches_reading_everything(
    paired: tuple[Person, Person], tmp_path: Path
) -> None:
    """More results than one page, one questionnaire rarely filled in, and records stored
    without a date (received before questionnaires were dated): the newest/oldest walk finds the
    same first, previous and latest scores as reading every record."""
    pat, therapist = paired
    m = pat.services.measures()
    for week in range(WEEKS):
        m.record("phq9", [week % 4] * 8 + [0], taken_at=JAN + timedelta(weeks=week))
        m.record("gad7", [(week + 1) % 4] * 7, taken_at=JAN + timedelta(weeks=week, hours=1))
    m.record("who5", [1] * 5, taken_at=JAN + timedelta(weeks=3, hours=2))
    m.record("who5", [4] * 5, taken_at=JAN + timedelta(weeks=40, hours=2))
    m.record("gad7", [1] * 6 + [None], taken_at=JAN + timedelta(weeks=WEEKS))
    contact = share(pat, therapist, tmp_path / "many.msbundle")
    inbox = therapist.sharing.inbox

    def check() -> PatientRow:
        (row,) = patient_overview(inbox)
        history = patient_history(inbox, contact)
        for series in history.series:
            want = _oracle(list(series.results), series.instrument)
            got = row.trend(series.instrument)
            assert got is not None and want is not None
            assert got.latest.score == want[2] and got.latest == series.results[-1]
            first = got.first or got.latest
            assert first == series.results[0]
            previous = got.previous or got.first
            assert previous == series.results[-2]
        return row

    row = check()
    who5 = row.trend("who5")
    assert who5 is not None and who5.since_first is not None
    assert (who5.since_first.previous, who5.since_first.current) == (20, 80)
    assert who5.since_first.verdict == "improved"
    assert len(patient_history(inbox, contact).get("phq9").results) == WEEKS
    # the oldest and newest records lose their date, as stored by an earlier version
    db = therapist.services.vault.db
    undated = db.run(lambda c: c.execute(
        "UPDATE share_received_items SET item_date = NULL WHERE item_type = 'measure' AND"
        " (item_date < '2026-01-20' OR item_date > '2027-03-01')").rowcount)
    assert undated >= 6
    check()


def test_history_text_alternative_and_chart_series(
    paired: tuple[Person, Person], tmp_path: Path
) -> None:
    pat, therapist = paired
    m = pat.services.measures()
    m.record("phq9", [2] * 8 + [2], taken_at=JAN)  # 18, item 9 "More than half the days"
    m.record("phq9", [1] * 8 + [0], taken_at=JAN + timedelta(days=14))  # 8
    m.record("phq9", [1] * 8 + [None], taken_at=JAN + timedelta(days=21))  # not scored
    contact = share(pat, therapist, tmp_path / "h.msbundle")
    history = patient_history(therapist.sharing.inbox, contact)
    phq9 = history.get("phq9")
    assert [r.score for r in phq9.results] == [18, 8]  # the incomplete form is not plotted
    assert (phq9.low, phq9.high) == (0, 27) and phq9.cuts == (5, 10, 15, 20)
    lines = history.lines()
    assert lines[0].startswith("Item 9 alert") and "More than half the days (2)" in lines[0]
    assert lines[1].startswith("PHQ-9: 2 score(s) from 2026-01-05 to 2026-01-19, lower is better")
    assert "improved" in lines[1]
    assert history.get("who5").text() == "WHO-5: no scores shared."
    # the overview: the newest PHQ-9 form has item 9 unanswered, so no alert from it
    (row,) = patient_overview(therapist.sharing.inbox)
    assert not row.item9_alert and row.trend("phq9") is not None


def test_trend_of_a_single_score_and_of_two() -> None:
    def result(score: int, day: int) -> Result:
        return Result("gad7", "GAD-7", f"r{day}", f"2026-02-{day:02d}T09:00:00", score, "mild",
                      None, "", "")

    alone = trend(result(7, 1), None, result(7, 1))
    assert alone.first is None and alone.since_first is None and alone.verdict() == ""
    assert alone.cell() == "GAD-7 7, mild; first result"
    assert alone.text().endswith("No earlier score to compare with.")
    pair = trend(result(16, 1), result(16, 1), result(5, 8))
    assert pair.previous is None and pair.since_first == compare(catalog().get("gad7"), 16, 5)
    assert pair.verdict() == "improved"


def test_a_measure_without_a_valid_date_rejects_the_bundle() -> None:
    rec = {"id": "m1", "instrument": "phq9", "taken_at": "soon", "score": 3}
    item = Item("measure", "m1", "1", canonical_json(rec))
    bundle = OpenedBundle({"bundle_id": "0" * 32}, b"", None, "", [item])  # type: ignore[arg-type]
    with pytest.raises(BundleError):
        stage(bundle, "contact")
    good = Item("measure", "m1", "1", canonical_json({**rec, "taken_at": JAN.isoformat()}))
    staged = stage(OpenedBundle({}, b"", None, "", [good]), "contact")  # type: ignore[arg-type]
    assert staged.items[0].item_date == JAN.isoformat()
