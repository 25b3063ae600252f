"""The clinician side does not hide risk: a real patient vault shares a real bundle with a real
therapist vault; the therapist's screen lists the flagged entry first and marks it, shows the
analyses, the voice check-in in full, items of unknown types, and reads the PDF and CSV reports
inside the app from memory (no new file in the data folder or the temporary folder)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MINDSPACE_KDF_CALIBRATE", "0")

import pytest  # noqa: E402
from PySide6.QtCore import QSize, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402

from mindspace.app.inbox import patient_view  # noqa: E402
from mindspace.app.sharing import ExportSelection  # noqa: E402
from tests.share.helpers import Person, make_person, pair_up  # noqa: E402
from tests.ui.conftest import wait_for_tasks  # noqa: E402
from tests.ui.test_share_story import click, nameless_controls  # noqa: E402

pytestmark = pytest.mark.gui

FLAGGED = "I have the pills ready and I plan to end my life tonight."
ORDINARY = "Planted tomatoes with my sister this afternoon and felt calm afterwards."
EXPLANATION = (
    "Moderate: the voice was slower and quieter than in your usual check-ins. "
    "The words described a long, tiring week at work with little sleep. "
    "This is an indication for your own reflection, never a diagnosis; "
    "it ends with this sentence so that a shortened summary would lose it: END-OF-EXPLANATION."
)


@pytest.fixture
def shared_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[
    tuple[Person, Path, Path]
]:
    """(therapist, bundle file, the temporary folder in force) after the patient shared."""
    tmp = tmp_path / "tmpdir"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    patient = make_person(tmp_path / "patient", "Pat Patient", "patient")
    therapist = make_person(tmp_path / "therapist", "Dr Tess Therapist", "therapist")
    try:
        pair_up(patient, therapist)
        svc = patient.services
        earlier = datetime.now() - timedelta(days=2)
        tonight = svc.journal.add("Tonight", FLAGGED, entry_at=earlier)  # the oldest item
        garden = svc.journal.add("Garden", ORDINARY, entry_at=earlier + timedelta(hours=5))
        analysis = svc.analysis_service()
        assert analysis.analyze_journal_entry(tonight.id).show_crisis_panel
        assert not analysis.analyze_journal_entry(garden.id).show_crisis_panel
        svc.mood.add(3, 2, ["tired"], ["work"], 6.5)
        svc.voice.add(
            duration_s=42.4,
            transcript="A long week at work.",
            fusion={"level": "moderate", "explanation": EXPLANATION, "crisis_level": "none"},
        )
        preview = patient.sharing.preview_export(
            "Dr Tess Therapist", ExportSelection(voice=True, analysis=True)
        )
        out = tmp_path / "for-tess.msbundle"
        patient.sharing.write_export(preview, out)
        yield therapist, out, tmp
    finally:
        wait_for_tasks()
        patient.services.close()
        therapist.services.close()


def listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_flagged_first_analyses_voice_and_reports_in_the_app(  # type: ignore[no-untyped-def]
    qtbot, shared_bundle, screenshot
) -> None:
    from mindspace.ui.clinician_screen import ClinicianScreen

    therapist, bundle, tmp = shared_bundle
    data_dir = therapist.services.data_dir
    clinic = ClinicianScreen(therapist.services)
    qtbot.addWidget(clinic)
    clinic.resize(1100, 750)
    wait_for_tasks()
    assert nameless_controls(clinic) == []
    data_before, tmp_before = listing(data_dir), listing(tmp)

    clinic.choose_open_path = lambda: bundle
    with qtbot.waitSignal(clinic.patient_shown, timeout=20_000) as shown:
        click(qtbot, clinic.open_button, clinic.bundle_opened)
    wait_for_tasks()
    view = shown.args[0]
    assert view["flagged"] == 1 and view["entries"] == 2 and view["reports"] == 2
    assert "1 flagged by the safety screen" in clinic.heading.text()

    # the flagged entry is first (though it is the oldest) and marked by an icon and words
    rows = [clinic.entries.item(i) for i in range(clinic.entries.count())]
    assert len(rows) == 4  # two entries, the mood check-in, the voice check-in
    assert rows[0].text().startswith("Flagged by the safety screen: urgent")
    assert "Tonight" in rows[0].text() and not rows[0].icon().isNull()
    assert all("Flagged" not in r.text() and r.icon().isNull() for r in rows[1:])
    assert clinic.details.currentIndex() == 0
    clinic.entries.setCurrentRow(0)
    assert clinic.flag_banner.isVisibleTo(clinic)
    banner = clinic.flag_banner.text()
    assert "Flagged by the safety screen: urgent" in banner and "What it acted on" in banner
    detail = clinic.entry_text.toPlainText()
    assert FLAGGED in detail and "Safety screen: urgent" in detail
    assert "Emotions (not reliable beside a safety flag):" in detail
    assert "Reason:" in detail
    screenshot(clinic, "flagged-first")
    # the level came with the patient's analysis record, with the reasons the screen gave
    shared = therapist.sharing.inbox.records(view["contact_id"], "analysis")
    levels = {rec["crisis_level"] for rec in shared}
    assert levels == {"urgent", "none"} and any(rec["crisis_reasons"] for rec in shared)

    # the ordinary entry shows its analysis too, unflagged
    garden = next(i for i, r in enumerate(rows) if "Garden" in r.text())
    clinic.entries.setCurrentRow(garden)
    assert not clinic.flag_banner.isVisibleTo(clinic)
    detail = clinic.entry_text.toPlainText()
    assert ORDINARY in detail and "Safety screen: none" in detail and "Emotions:" in detail

    # the voice check-in in full, with duration, indication and explanation
    voice = clinic.voice.toPlainText()
    assert "Duration: 42 s" in voice and "Indication: moderate" in voice
    assert f"Explanation: {EXPLANATION}" in voice and "END-OF-EXPLANATION" in voice

    # the PDF report opens in the in-app viewer, from memory
    titles = [clinic.reports.item(i).text() for i in range(clinic.reports.count())]
    clinic.reports.setCurrentRow(next(i for i, t in enumerate(titles) if t.startswith("PDF")))
    click(qtbot, clinic.open_report_button)
    viewer = clinic.report_viewer
    qtbot.waitUntil(lambda: viewer.document.status() == viewer.document.Status.Ready)
    assert viewer.document.pageCount() >= 1
    assert viewer.stack.currentWidget() is viewer.pdf_view
    page = viewer.document.render(0, QSize(400, 560))
    assert not page.isNull()
    gray = page.convertToFormat(QImage.Format.Format_Grayscale8)
    assert min(bytes(gray.constBits())) < 128  # something is printed on the first page
    clinic.details.setCurrentIndex(3)
    screenshot(clinic, "pdf-report")

    # the CSV report as a table
    clinic.reports.setCurrentRow(next(i for i, t in enumerate(titles) if t.startswith("CSV")))
    click(qtbot, clinic.open_report_button)
    model = viewer.table_model
    assert viewer.stack.currentWidget() is viewer.table
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header[:3] == ["kind", "id", "date"]
    kinds = {model.data(model.index(r, 0)) for r in range(model.rowCount())}
    assert {"mood", "journal"} <= kinds

    new_in_data = {p for p in listing(data_dir) - data_before if not p.endswith("-journal")}
    assert new_in_data == set() and listing(tmp) == tmp_before

    # locking clears every trace, reports included
    clinic.clear()
    assert clinic.entries.count() == 0 and clinic.reports.count() == 0
    assert clinic.voice.toPlainText() == "" and viewer.document.pageCount() == 0
    assert viewer.table_model.rowCount() == 0


def test_report_errors_are_explained(qtbot, shared_bundle) -> None:  # type: ignore[no-untyped-def]
    from mindspace.ui.clinician_screen import ClinicianScreen
    from mindspace.ui.report_viewer import ReportViewer

    therapist, bundle, _tmp = shared_bundle
    clinic = ClinicianScreen(therapist.services)
    qtbot.addWidget(clinic)
    wait_for_tasks()
    clinic.open_report()  # nothing chosen yet
    assert clinic.status.text() == "Choose a report first."

    viewer = ReportViewer()
    qtbot.addWidget(viewer)
    with qtbot.waitSignal(viewer.pdf_status, timeout=10_000) as status:
        viewer.show_pdf(b"%PDF-1.7 this is not really a PDF")
    assert status.args[0] == "error"
    assert viewer.stack.currentWidget() is viewer.placeholder
    assert "cannot be shown" in viewer.placeholder.text()


def test_unknown_item_types_are_shown_as_key_values(  # type: ignore[no-untyped-def]
    qtbot, shared_bundle
) -> None:
    from mindspace.ui.clinician_screen import ClinicianScreen

    therapist, bundle, _tmp = shared_bundle
    result = therapist.sharing.open_file(bundle)
    answers = {
        "id": "q1",
        "questionnaire": "PHQ-9",
        "answers": {"q1": 2, "q9": 3},
        "item_9_text": "Thoughts that you would be better off dead: nearly every day",
    }
    therapist.services.vault.db.transaction(
        lambda c: c.execute(
            "INSERT INTO share_received_items(contact_id, item_type, item_id, revision,"
            " bundle_id, received_at, item_date, data) VALUES (?, 'questionnaire', 'q1', '1',"
            " ?, ?, NULL, ?)",
            (result.contact_id, result.bundle_id, result.received_at,
             json.dumps(answers).encode()),
        )
    )
    view = patient_view(therapist.sharing, result.contact_id)
    (found,) = [i for i in view.items if i.kind == "questionnaire"]
    assert ("questionnaire", "PHQ-9") in found.fields
    assert ("answers", '{"q1": 2, "q9": 3}') in found.fields

    clinic = ClinicianScreen(therapist.services)
    qtbot.addWidget(clinic)
    with qtbot.waitSignal(clinic.patient_shown, timeout=20_000):
        clinic.select_patient(result.contact_id)
    wait_for_tasks()
    rows = [clinic.entries.item(i).text() for i in range(clinic.entries.count())]
    row = next(i for i, t in enumerate(rows) if "Questionnaire" in t)
    clinic.entries.setCurrentRow(row)
    detail = clinic.entry_text.toPlainText()
    assert "questionnaire: PHQ-9" in detail and "better off dead" in detail
