"""Questionnaires travel to the therapist only when chosen: scores, bands, reliable change and
the item-9 answer, in the bundle, the CSV, the PDF and the clinician's view (item 9 first)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from mindspace.app.inbox import patient_view
from mindspace.share.export import ExportSelection, SelectionError
from tests.share.helpers import Person


def _fill(patient: Person) -> None:
    measures = patient.services.measures()
    measures.record("phq9", [2, 2, 2, 2, 2, 2, 1, 2, 0], taken_at=datetime(2026, 1, 1, 9))
    measures.record("phq9", [1, 1, 1, 1, 1, 1, 1, 0, 1], taken_at=datetime(2026, 1, 15, 9))
    measures.record("gad7", [1] * 7, taken_at=datetime(2026, 1, 15, 10))
    measures.record("who5", [3, 3, 3, 3, 3], taken_at=datetime(2026, 1, 16, 10))


def test_questionnaires_are_shared_only_when_chosen(
    paired: tuple[Person, Person], tmp_path: Path
) -> None:
    patient, therapist = paired
    _fill(patient)
    patient.services.mood.add(3, checkin_at=datetime(2026, 1, 15, 12))
    without = patient.sharing.preview_export("Dr Tess Therapist", ExportSelection())
    assert not [line for line in without.lines() if line["type"] == "measure"]
    with pytest.raises(SelectionError, match="nothing is selected"):
        patient.sharing.preview_export(
            "Dr Tess Therapist", ExportSelection(journal=False, mood=False))

    chosen = ExportSelection(journal=False, mood=False, questionnaires=True)
    preview = patient.sharing.preview_export("Dr Tess Therapist", chosen)
    kinds = [line["type"] for line in preview.lines()]
    assert kinds.count("measure") == 4 and "mood_checkin" not in kinds
    path = tmp_path / "q.msbundle"
    patient.sharing.write_export(preview, path)
    opened, _ = therapist.sharing.verify(path.read_bytes())
    records = [json.loads(i.data) for i in opened.items if i.type == "measure"]
    second = next(r for r in records if r["instrument"] == "phq9" and r["score"] == 8)
    assert second["item9"] == 1 and second["item9_answer"] == "Several days"
    assert second["safety_followup"] is True and second["reliable_change"] == "improved"
    assert second["band"] == "mild"
    csv_text = next(i.data for i in opened.items if i.type == "report_csv").decode("utf-8-sig")
    assert "questionnaire" in csv_text and "Item 9" in csv_text and "Several days" in csv_text
    pdf = next(i.data for i in opened.items if i.type == "report_pdf")
    assert pdf.startswith(b"%PDF")

    result = therapist.sharing.open_file(path)
    view = patient_view(therapist.sharing, result.contact_id)
    first = view.items[0]
    assert first.kind == "measure" and first.flag is not None and first.flag.urgent
    assert "Several days" in first.flag.reasons[0]
    assert [q["instrument"] for q in view.measures] == ["phq9", "phq9", "gad7", "who5"]
    lines = view.measure_lines()
    assert lines[0].startswith("Item 9 alert")
    assert any(line.startswith("PHQ-9 8, mild range") and "improved" in line for line in lines)
    assert any(line.startswith("WHO-5 60 (raw 15)") for line in lines)


@pytest.mark.gui
def test_clinician_screen_shows_questionnaires_item9_first(  # type: ignore[no-untyped-def]
    qtbot, paired: tuple[Person, Person], tmp_path: Path
) -> None:
    from mindspace.ui.clinician_screen import ClinicianScreen
    from tests.ui.conftest import wait_for_tasks

    patient, therapist = paired
    _fill(patient)
    preview = patient.sharing.preview_export(
        "Dr Tess Therapist", ExportSelection(journal=False, mood=False, questionnaires=True))
    path = tmp_path / "q.msbundle"
    patient.sharing.write_export(preview, path)
    result = therapist.sharing.open_file(path)
    clinic = ClinicianScreen(therapist.services)
    qtbot.addWidget(clinic)
    with qtbot.waitSignal(clinic.patient_shown, timeout=20_000):
        clinic.select_patient(result.contact_id)
    wait_for_tasks()
    text = clinic.measures.toPlainText()
    assert text.splitlines()[0].startswith("Item 9 alert") and "Several days" in text
    assert "GAD-7 7, mild range" in text
    assert "Questionnaire" in clinic.entries.item(0).text()
