"""The Clinician inbox opens on the overview of all patients: two real patient vaults share
questionnaires with a real therapist vault; the patient whose latest PHQ-9 has an item-9 answer
is listed first and marked in words and with an icon, the table is repeated as text, and
choosing a patient paints their questionnaire charts with a text alternative."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MINDSPACE_KDF_CALIBRATE", "0")

import pytest  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402

from mindspace.share.export import ExportSelection  # noqa: E402
from tests.share.helpers import Person, make_person, pair_up  # noqa: E402
from tests.ui.conftest import wait_for_tasks  # noqa: E402
from tests.ui.test_share_story import click, nameless_controls  # noqa: E402

pytestmark = pytest.mark.gui
JAN = datetime(2026, 1, 5, 9)
QUESTIONNAIRES = ExportSelection(journal=False, mood=False, questionnaires=True)


def share(patient: Person, therapist: Person, path: Path) -> str:
    preview = patient.sharing.preview_export("Dr Tess Therapist", QUESTIONNAIRES)
    patient.sharing.write_export(preview, path)
    return therapist.sharing.open_file(path).contact_id


@pytest.fixture
def inbox(tmp_path: Path) -> Iterator[tuple[Person, str, str]]:
    """(therapist, Ann's contact id, Zed's contact id): Zed's latest PHQ-9 has item 9 at 2."""
    therapist = make_person(tmp_path / "therapist", "Dr Tess Therapist", "therapist")
    ann = make_person(tmp_path / "ann", "Ann Abbott", "patient")
    zed = make_person(tmp_path / "zed", "Zed Zimmer", "patient")
    try:
        pair_up(ann, therapist)
        pair_up(zed, therapist)
        m = ann.services.measures()
        for week, level in enumerate([3, 2, 2, 1, 1]):
            m.record("phq9", [level] * 8 + [0], taken_at=JAN + timedelta(weeks=week))
            m.record("gad7", [level] * 7, taken_at=JAN + timedelta(weeks=week, hours=1))
        m.record("who5", [2] * 5, taken_at=JAN)
        z = zed.services.measures()
        z.record("phq9", [1] * 8 + [0], taken_at=JAN)
        z.record("phq9", [2] * 8 + [2], taken_at=JAN + timedelta(weeks=2))
        ann_id = share(ann, therapist, tmp_path / "ann.msbundle")
        zed_id = share(zed, therapist, tmp_path / "zed.msbundle")
        yield therapist, ann_id, zed_id
    finally:
        wait_for_tasks()
        for person in (ann, zed, therapist):
            person.services.close()


def test_overview_item9_first_text_alternative_and_charts(  # type: ignore[no-untyped-def]
    qtbot, inbox, screenshot, monkeypatch
) -> None:
    from mindspace.ui import clinician_screen
    from mindspace.ui.clinician_screen import ClinicianScreen

    monkeypatch.setattr(clinician_screen, "INBOX_SHOWN", 1)

    therapist, ann_id, zed_id = inbox
    clinic = ClinicianScreen(therapist.services)
    qtbot.addWidget(clinic)
    clinic.resize(1200, 900)
    overview = clinic.overview
    qtbot.waitUntil(lambda: len(overview.rows) == 2, timeout=20_000)
    wait_for_tasks()
    assert clinic.views.currentWidget() is overview  # the first view of the page
    assert nameless_controls(clinic) == []
    qtbot.waitUntil(lambda: clinic.inbox.count() == 2, timeout=20_000)
    assert " from Zed Zimmer: " in clinic.inbox.item(0).text() or (
        " from Ann Abbott: " in clinic.inbox.item(0).text())  # one bundle (the newest)
    assert clinic.inbox.item(1).text() == "… and 1 older bundle not listed here"
    patients = sorted(clinic.patients.item(i).text() for i in range(2))
    assert patients[0].startswith("Ann Abbott") and patients[0].endswith("1 bundle")

    # Zed (item 9 answered "More than half the days") comes first, though "Z" sorts last
    table = overview.table
    assert [table.item(r, 1).text() for r in range(2)] == ["Zed Zimmer", "Ann Abbott"]
    alert = table.item(0, 0)
    assert alert.text() == "Item 9 alert: More than half the days (2), 2026-01-19"
    assert "thoughts of being better off dead" in alert.toolTip()
    assert not alert.icon().isNull() and alert.font().bold()
    assert table.item(1, 0).text() == "—" and table.item(1, 0).icon().isNull()
    phq9 = table.item(1, 3).text()
    assert phq9.startswith("PHQ-9 8, mild") and "since first: improved (24 → 8, -16)" in phq9
    assert "since previous: no reliable change (8 → 8, +0)" in phq9
    assert table.item(0, 4).text() == "no score"
    assert "1 with an item-9 alert, listed first" in overview.summary.text()
    words = overview.words.toPlainText().splitlines()
    assert words[0].startswith("Item 9 alert: PHQ-9 item 9") and "Zed Zimmer" in words[0]
    assert words[1].startswith("Ann Abbott: last bundle")
    assert "Since the first score (2026-01-05): PHQ-9 24 → 8 (-16): improved" in words[1]
    assert table.item(1, 1).toolTip() == words[1]

    # choosing Ann paints her charts and says them in words
    with qtbot.waitSignal(overview.history_shown, timeout=20_000) as shown:
        table.setCurrentCell(1, 1)
    assert shown.args[0] == {"contact_id": ann_id, "points": {"phq9": 5, "gad7": 5, "who5": 1},
                             "alerts": 0}
    plot = overview.plots["phq9"]
    assert [p[1] for p in plot.points] == [24, 16, 16, 8, 8]
    assert (plot.low, plot.high, plot.cuts) == (0, 27, [5, 10, 15, 20])
    text = overview.plot_texts["phq9"].text()
    assert text.startswith("PHQ-9: 5 score(s) from 2026-01-05 to 2026-02-02, lower is better")
    assert plot.accessibleDescription() == text
    assert overview.plot_texts["who5"].text().startswith("WHO-5: 1 score(s)")
    assert "PHQ-9: 5 score(s)" in overview.history_words.toPlainText()
    image = QImage(plot.size(), QImage.Format.Format_ARGB32)
    image.fill(0)
    plot.render(image)
    highlight = plot.palette().color(plot.palette().ColorRole.Highlight).rgb()
    assert any(image.pixel(x, y) == highlight
               for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))
    screenshot(clinic, "clinician-overview")

    # Zed's alert is repeated over the charts; then open all his shared items
    with qtbot.waitSignal(overview.history_shown, timeout=20_000) as shown:
        table.setCurrentCell(0, 1)
    assert shown.args[0]["alerts"] == 1 and shown.args[0]["points"]["gad7"] == 0
    assert "Item 9 alert" in overview.heading.text()
    assert overview.history_words.toPlainText().startswith("Item 9 alert")
    assert overview.plot_texts["gad7"].text() == "GAD-7: no scores shared."
    shown_patient = click(qtbot, overview.open_button, clinic.patient_shown)
    assert shown_patient["contact_id"] == zed_id
    assert clinic.views.currentWidget() is clinic.patients_view
    assert clinic.entries.item(0).text().startswith("Flagged by the safety screen: urgent")


def test_overview_refreshes_when_a_bundle_arrives(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path
) -> None:
    from mindspace.ui.clinician_screen import ClinicianScreen

    therapist = make_person(tmp_path / "therapist", "Dr Tess Therapist", "therapist")
    pat = make_person(tmp_path / "pat", "Pat Patient", "patient")
    try:
        pair_up(pat, therapist)
        clinic = ClinicianScreen(therapist.services)
        qtbot.addWidget(clinic)
        qtbot.waitUntil(lambda: clinic.overview.summary.text() != "", timeout=20_000)
        wait_for_tasks()
        assert clinic.overview.rows == []
        assert clinic.overview.summary.text() == "No bundles received yet."
        pat.services.measures().record("phq9", [1] * 9, taken_at=JAN)
        preview = pat.sharing.preview_export("Dr Tess Therapist", QUESTIONNAIRES)
        path = tmp_path / "p.msbundle"
        pat.sharing.write_export(preview, path)
        clinic.choose_open_path = lambda: path
        with qtbot.waitSignal(clinic.overview.overview_shown, timeout=20_000) as shown:
            click(qtbot, clinic.open_button, clinic.bundle_opened)
        assert len(shown.args[0]) == 1
        assert clinic.overview.table.item(0, 0).text().startswith("Item 9 alert")
        clinic.clear()
        assert clinic.overview.table.rowCount() == 0 and not clinic.overview.words.toPlainText()
    finally:
        wait_for_tasks()
        pat.services.close()
        therapist.services.close()
