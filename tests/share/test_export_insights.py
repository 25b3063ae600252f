"""The insights a person chooses travel to the therapist: streaks, what goes with mood (with
intervals and days) and questionnaire trends (with reliable change), in the bundle, the PDF and
the clinician's view; nothing of them travels unless chosen."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from mindspace.app.inbox import patient_view
from mindspace.share.bundle import BundleError, Item, OpenedBundle, Party
from mindspace.share.export import INSIGHT_KINDS, ExportSelection, SelectionError
from mindspace.share.inbox import stage
from tests.app.insights_vault import fill_vault
from tests.share.helpers import Person

TODAY = date(2026, 5, 20)
ALL = list(INSIGHT_KINDS)


def _fill(patient: Person) -> None:
    fill_vault(patient.services, TODAY, voice_feedback=False)
    measures = patient.services.measures()
    measures.record("phq9", [2, 2, 2, 2, 2, 2, 1, 2, 0], taken_at=datetime(2026, 3, 1, 9))
    measures.record("phq9", [1, 1, 1, 1, 1, 0, 1, 0, 0], taken_at=datetime(2026, 5, 15, 9))
    measures.record("gad7", [1] * 7, taken_at=datetime(2026, 5, 15, 10))


def _pdf_text(data: bytes) -> str:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    return "\n".join(doc.getAllText(i).text() for i in range(doc.pageCount()))


def _records(opened: OpenedBundle) -> dict[str, dict[str, Any]]:
    return {i.id: json.loads(i.data) for i in opened.items if i.type == "insight"}


def test_chosen_insights_travel_with_their_figures(
    qapp, paired: tuple[Person, Person], tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    patient, therapist = paired
    _fill(patient)
    plain = patient.sharing.preview_export("Dr Tess Therapist", ExportSelection())
    assert not [line for line in plain.lines() if line["type"] == "insight"]

    chosen = ExportSelection(start=TODAY - timedelta(days=89), end=TODAY, journal=False,
                             mood=False, insights=ALL)
    preview = patient.sharing.preview_export("Dr Tess Therapist", chosen)
    kinds = [line["type"] for line in preview.lines()]
    assert kinds.count("insight") == 3 and "mood_checkin" not in kinds
    assert any(line["label"].startswith("Insight: What goes with mood")
               for line in preview.lines())
    path = tmp_path / "insights.msbundle"
    patient.sharing.write_export(preview, path)
    opened, _ = therapist.sharing.verify(path.read_bytes())
    records = _records(opened)
    assert list(records) == ALL
    streak = records["streaks"]
    assert streak["data"]["current"] == 90 and streak["data"]["days_noted"] == 90
    assert streak["as_of"] == TODAY.isoformat() and streak["start"] == "2026-02-20"
    links = records["mood_links"]["data"]
    friends = next(f for f in links["findings"] if f["factor"]["name"] == "friends")
    assert friends["low"] <= friends["diff"] <= friends["high"] and friends["low"] > 0
    assert friends["n_with"] + friends["n_without"] == 90 and friends["n_with"] >= 5
    assert links["q"] == 0.10 and links["tested"] >= len(links["findings"])
    assert any("went with a better mood" in line for line in records["mood_links"]["lines"])
    trends = records["questionnaire_trends"]["data"]["instruments"]
    phq9 = next(t for t in trends if t["instrument"] == "phq9")
    assert [s["score"] for s in phq9["scores"]] == [15, 6]
    assert phq9["verdict"] == "improved" and phq9["change"]["rci"] < 0
    assert phq9["change"]["mcid_met"] is True
    gad7 = next(t for t in trends if t["instrument"] == "gad7")
    assert gad7["change"] is None  # one form: nothing to compare
    assert any("RCI" in line for line in records["questionnaire_trends"]["lines"])

    pdf = next(i.data for i in opened.items if i.type == "report_pdf")
    text = _pdf_text(pdf)
    assert "Insights the person chose to share" in text
    assert "What goes with mood" in text and "friends" in text
    assert "Questionnaire trends" in text and "RCI" in text

    result = therapist.sharing.open_file(path)
    view = patient_view(therapist.sharing, result.contact_id)
    assert [r["kind"] for r in view.insights] == ALL
    lines = view.insight_lines()
    assert lines[0] == "Streaks" and any("RCI" in line for line in lines)
    assert view.count("insight") == 3


def test_a_newer_bundle_replaces_the_insights(
    paired: tuple[Person, Person], tmp_path: Path
) -> None:
    patient, therapist = paired
    _fill(patient)
    for n, end in enumerate((TODAY - timedelta(days=30), TODAY)):
        sel = ExportSelection(end=end, journal=False, mood=False, insights=["streaks"])
        preview = patient.sharing.preview_export("Dr Tess Therapist", sel)
        path = tmp_path / f"{n}.msbundle"
        patient.sharing.write_export(preview, path)
        result = therapist.sharing.open_file(path)
    view = patient_view(therapist.sharing, result.contact_id)
    assert len(view.insights) == 1 and view.insights[0]["as_of"] == TODAY.isoformat()


def test_bad_choices_are_refused(paired: tuple[Person, Person]) -> None:
    patient, _ = paired
    _fill(patient)
    with pytest.raises(SelectionError, match="unknown insight 'forecast'"):
        patient.sharing.preview_export("Dr Tess Therapist", ExportSelection(
            journal=False, mood=False, insights=["forecast"]))
    with pytest.raises(SelectionError, match="nothing is selected"):
        patient.sharing.preview_export("Dr Tess Therapist", ExportSelection(
            journal=False, mood=False, insights=[]))


def test_a_malformed_insight_rejects_the_bundle() -> None:
    def bundle(rec: dict[str, Any]) -> OpenedBundle:
        item = Item("insight", "streaks", "2026-05-20T10:00:00",
                    json.dumps(rec).encode(), date="2026-05-20")
        sender = Party("Pat", b"a" * 32, b"b" * 32)
        return OpenedBundle({"bundle_id": "0" * 32}, b"{}", sender, "c" * 32, [item])

    good = {"id": "streaks", "kind": "streaks", "title": "Streaks", "as_of": "2026-05-20",
            "summary": "5 days in a row.", "lines": ["Days noted: 5"], "data": {}}
    assert stage(bundle(good), "c").items[0].item_date == "2026-05-20"
    for broken in ({**good, "lines": "not a list"}, {**good, "as_of": "yesterday"},
                   {**good, "summary": 3}, {**good, "data": [1]}):
        with pytest.raises(BundleError) as err:
            stage(bundle(broken), "c")
        assert err.value.reason == "corrupted"


@pytest.mark.gui
def test_share_page_choice_and_clinician_tab(  # type: ignore[no-untyped-def]
    qtbot, paired: tuple[Person, Person], tmp_path: Path
) -> None:
    from mindspace.ui.clinician_screen import ClinicianScreen
    from mindspace.ui.share_screen import ShareScreen
    from tests.ui.conftest import wait_for_tasks
    from tests.ui.test_accessibility import assert_all_named

    patient, therapist = paired
    _fill(patient)
    page = ShareScreen(patient.services)
    qtbot.addWidget(page)
    assert page.selection().insights == []
    assert all(not box.isChecked() for box in page.insight_checks.values())
    page.insight_checks["mood_links"].setChecked(True)
    page.insight_checks["questionnaire_trends"].setChecked(True)
    assert page.selection().insights == ["mood_links", "questionnaire_trends"]
    assert_all_named(page, "share")
    sel = page.selection()
    sel.journal = sel.mood = False
    preview = patient.sharing.preview_export("Dr Tess Therapist", sel)
    path = tmp_path / "gui.msbundle"
    patient.sharing.write_export(preview, path)
    result = therapist.sharing.open_file(path)
    clinic = ClinicianScreen(therapist.services)
    qtbot.addWidget(clinic)
    with qtbot.waitSignal(clinic.patient_shown, timeout=20_000):
        clinic.select_patient(result.contact_id)
    wait_for_tasks()
    text = clinic.insights.toPlainText()
    assert text.startswith("What goes with mood") and "RCI" in text
    assert "Streaks" not in text
    tabs = [clinic.details.tabText(i) for i in range(clinic.details.count())]
    assert "Insights" in tabs


def test_cli_insights_flag(paired: tuple[Person, Person], tmp_path: Path) -> None:
    from tests.cli.helpers import run_cli
    from tests.conftest import PASSPHRASE

    patient, _ = paired
    _fill(patient)
    data_dir = patient.services.data_dir
    patient.services.close()
    bad = run_cli("share", "export", "--to", "Dr Tess Therapist", "--insights", "forecast",
                  "--preview", "--passphrase-stdin", stdin=PASSPHRASE + "\n", data_dir=data_dir)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "--insights accepts streaks, mood-links, questionnaire-trends or all" in bad.stderr
    out = tmp_path / "cli.msbundle"
    ok = run_cli("share", "export", "--to", "Dr Tess Therapist", "--include", "",
                 "--insights", "streaks,questionnaire-trends", "--to-date", "2026-05-20",
                 "--out", str(out), "--passphrase-stdin", "--json",
                 stdin=PASSPHRASE + "\n", data_dir=data_dir)
    assert ok.returncode == 0, ok.stderr
    items = json.loads(ok.stdout.splitlines()[-1])
    text = json.dumps(items)
    assert text.count('"type": "insight"') == 2 and '"mood_links"' not in text
    assert out.exists()
