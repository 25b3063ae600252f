"""The whole sharing story through the real widgets and real vaults:
patient creates identity -> therapist creates identity -> they exchange cards and verify ->
patient exports -> clinician opens the bundle and sees the data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MINDSPACE_KDF_CALIBRATE", "0")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from mindspace.app import AppServices  # noqa: E402
from tests.share.helpers import PASSPHRASE  # noqa: E402  (also installs the sharing schema)
from tests.ui.conftest import wait_for_tasks  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def two_vaults(tmp_path: Path) -> Iterator[tuple[AppServices, AppServices]]:
    patient, therapist = AppServices(tmp_path / "patient"), AppServices(tmp_path / "therapist")
    patient.create_vault(PASSPHRASE)
    therapist.create_vault(PASSPHRASE)
    yield patient, therapist
    wait_for_tasks()
    patient.close()
    therapist.close()


def click(qtbot, button: QAbstractButton, signal=None):  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.accessibleName()
    if signal is None:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        wait_for_tasks()
        return None
    with qtbot.waitSignal(signal, timeout=20_000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_for_tasks()
    return blocker.args[0] if blocker.args else None


def nameless_controls(root: QWidget) -> list[str]:
    kinds = (
        QAbstractButton,
        QLineEdit,
        QComboBox,
        QAbstractItemView,
        QPlainTextEdit,
        QAbstractSpinBox,
    )
    bad = []
    for w in root.findChildren(QWidget):
        if isinstance(w, kinds) and not w.objectName().startswith("qt_") and not w.accessibleName():
            parent, internal = w.parentWidget(), False
            while parent is not None and parent is not root:
                internal = internal or isinstance(parent, kinds)
                parent = parent.parentWidget()
            if internal or w.window() is not root.window():
                continue  # internal parts of a control (combo popups, spin-box editors)
            bad.append(f"{type(w).__name__} {getattr(w, 'text', lambda: '')()}")
    return bad


def test_patient_and_therapist_share_end_to_end(qtbot, two_vaults, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from mindspace.ui.clinician_screen import ClinicianScreen
    from mindspace.ui.share_screen import ShareScreen

    patient_svc, therapist_svc = two_vaults
    pat = ShareScreen(patient_svc)
    tess = ShareScreen(therapist_svc)
    clinic = ClinicianScreen(therapist_svc)
    for w in (pat, tess, clinic):
        qtbot.addWidget(w)
        assert nameless_controls(w) == []

    # 1-2: both create their identities
    pat.name_edit.setText("Pat Patient")
    me = click(qtbot, pat.create_button, pat.identity_ready)
    assert me["code"].startswith("MS1-") and me["role"] == "patient"
    tess.name_edit.setText("Dr Tess")
    tess.role_combo.setCurrentText("therapist")
    click(qtbot, tess.create_button, tess.identity_ready)
    assert not pat.qr_label.pixmap().isNull()

    # 3: exchange cards (the codes) and compare the safety numbers
    tess.contact_code_edit.setPlainText(pat.code_edit.text())
    added = click(qtbot, tess.add_button, tess.contact_added)
    assert added["name"] == "Pat Patient" and not added["verified"]
    pat.contact_code_edit.setPlainText(tess.code_edit.text())
    click(qtbot, pat.add_button, pat.contact_added)
    wait_for_tasks()
    pat.contacts_list.setCurrentRow(0)
    tess.contacts_list.setCurrentRow(0)
    number = pat.safety_label.text()
    assert len(number.replace(" ", "")) == 60 and number == tess.safety_label.text()
    assert "not verified" in pat.warning_label.text()
    click(qtbot, pat.verify_button, pat.contact_verified)
    click(qtbot, tess.verify_button, tess.contact_verified)

    # 4: the patient writes, previews exactly, and exports
    patient_svc.journal.add(
        "Sunday walk", "Felt lighter after the walk by the river.", tags=["therapy"]
    )
    patient_svc.journal.add("Private", "Not for sharing.", tags=["private"])
    patient_svc.mood.add(2, 2, ["anxious"], ["work"], 6.0)
    patient_svc.mood.add(4, 3, ["calm", "hopeful"], ["walk"], 8.0)
    pat.tabs.setCurrentIndex(2)
    pat.tags_edit.setText("therapy")
    preview = click(qtbot, pat.preview_button, pat.preview_ready)
    labels = [pat.preview_list.item(i).text() for i in range(pat.preview_list.count())]
    assert any("Sunday walk" in t for t in labels) and not any("Private" in t for t in labels)
    assert len(labels) == len(preview["items"]) == 5  # 1 entry, 2 check-ins, CSV, PDF
    out = tmp_path / "for-tess.msbundle"
    pat.choose_save_path = lambda: out
    written = click(qtbot, pat.export_button, pat.export_written)
    assert Path(written).stat().st_size == preview["file_size"]
    assert b"Sunday walk" not in out.read_bytes()

    # 5: the clinician opens it and sees the data
    clinic.refresh()
    clinic.choose_open_path = lambda: out
    with qtbot.waitSignal(clinic.patient_shown, timeout=20_000) as shown:
        click(qtbot, clinic.open_button, clinic.bundle_opened)
    wait_for_tasks()
    view = shown.args[0]
    assert view["mood"] == 2 and view["entries"] == 1
    assert [v for _, v in view["days"]] and dict(view["emotions"])["calm"] == 1
    rows = [clinic.entries.item(i).text() for i in range(clinic.entries.count())]
    walk = next(i for i, text in enumerate(rows) if "Sunday walk" in text)
    assert "arrived" in rows[walk] and len(rows) == 3  # the entry and both check-ins
    clinic.entries.setCurrentRow(walk)
    assert "river" in clinic.entry_text.toPlainText()
    assert clinic.inbox.count() == 1 and "Pat Patient" in clinic.inbox.item(0).text()
    assert "Verified and imported" in clinic.status.text()
    # counts read as words, in the form that fits them; the therapist's list is of patients
    assert "1 journal entry" in clinic.status.text() and "2 mood check-ins" in clinic.status.text()
    assert clinic.patients.item(0).text().endswith(", 1 bundle")
    assert ": 2 mood check-ins, 1 entry, 0 voice check-ins" in clinic.heading.text()
    assert clinic.people_label.text() == "Patients"
    # the patient's own inbox does not call their therapist a patient
    own = ClinicianScreen(patient_svc)
    qtbot.addWidget(own)
    wait_for_tasks()
    assert own.people_label.text() == "Contacts who shared with you"
    assert own.patients.accessibleName() == own.people_label.text()
    assert own.heading.text() == "Select a contact"
    assert "Tess" in own.patients.item(0).text()

    # opening it again is refused as a replay, and nothing changes
    with qtbot.waitSignal(clinic.failed, timeout=20_000) as failed:
        clinic.open_file(out)
    assert failed.args[0].startswith("Replayed")

    for w in (pat, tess, clinic):
        w.clear()
    assert pat.code_edit.text() == "" and clinic.entries.count() == 0


def test_unverified_contact_needs_confirmation(qtbot, two_vaults, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from mindspace.ui.share_screen import ShareScreen

    patient_svc, therapist_svc = two_vaults
    therapist_card = therapist_svc.sharing().ensure_identity("Dr Tess", "therapist").card()
    patient_svc.sharing().ensure_identity("Pat", "patient")
    patient_svc.sharing().add_contact(therapist_card)
    patient_svc.mood.add(3)
    pat = ShareScreen(patient_svc)
    qtbot.addWidget(pat)
    wait_for_tasks()
    pat.contacts_list.setCurrentRow(0)
    assert "not verified" in pat.warning_label.text()
    click(qtbot, pat.preview_button, pat.preview_ready)
    asked: list[str] = []
    pat.confirm = lambda text: asked.append(text) or False
    pat.choose_save_path = lambda: tmp_path / "x.msbundle"
    click(qtbot, pat.export_button)
    assert asked and "not verified" in asked[0]
    assert pat.status.text() == "Not sent." and not (tmp_path / "x.msbundle").exists()


def test_sync_status_shows_stuck_delivery_and_alarms_on_both_screens(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path
) -> None:
    from mindspace.ui.clinician_screen import ClinicianScreen
    from mindspace.ui.share_screen import ShareScreen
    from tests.share.helpers import files, make_person, pair_up, send

    patient = make_person(tmp_path / "p", "Pat Patient", "patient")
    therapist = make_person(tmp_path / "t", "Dr Tess Therapist", "therapist")
    try:
        pair_up(patient, therapist)
        store = tmp_path / "relay"
        for person in (patient, therapist):
            person.sharing.set_relay(folder=str(store))
        pat, clinic = ShareScreen(patient.services), ClinicianScreen(therapist.services)
        qtbot.addWidget(pat)
        qtbot.addWidget(clinic)
        send(patient, 3)
        click(qtbot, pat.sync_button, pat.synced)
        (name,) = files(store)
        whole = (store / name).read_bytes()
        (store / name).write_bytes(b"")
        report = click(qtbot, clinic.sync_button, clinic.synced)
        assert report["stuck"] and "Not delivered yet" in clinic.status.text()
        (store / name).write_bytes(whole)
        click(qtbot, clinic.sync_button, clinic.synced)
        assert "received 1" in clinic.status.text() and "Not delivered" not in clinic.status.text()
        # a restored patient vault forks its chain: both screens say so, on every sync
        patient.services.vault.db.transaction(
            lambda c: c.execute("DELETE FROM share_sync_outbox")
        )
        send(patient, 1)
        click(qtbot, pat.sync_button, pat.synced)
        click(qtbot, clinic.sync_button, clinic.synced)
        click(qtbot, clinic.sync_button, clinic.synced)
        assert "ALARM" in clinic.status.text() and "fork" in clinic.status.text()
        click(qtbot, pat.sync_button, pat.synced)
        assert "ALARM" in pat.sync_status.text() and "rejoin" in pat.sync_status.text()
    finally:
        wait_for_tasks()
        patient.services.close()
        therapist.services.close()


def test_preview_shows_it_is_busy_from_the_click(qtbot, two_vaults) -> None:  # type: ignore[no-untyped-def]
    from mindspace.ui.share_screen import ShareScreen

    patient_svc, therapist_svc = two_vaults
    card = therapist_svc.sharing().ensure_identity("Dr Tess", "therapist").card()
    patient_svc.sharing().ensure_identity("Pat", "patient")
    patient_svc.sharing().add_contact(card)
    pat = ShareScreen(patient_svc)
    qtbot.addWidget(pat)
    pat.show()
    pat.tabs.setCurrentIndex(2)
    wait_for_tasks()
    assert pat.preview_button.isVisible() and not pat.preview_busy.isVisible()
    # nothing to share yet: the indicator goes away with the message
    with qtbot.waitSignal(pat.failed, timeout=20_000):
        qtbot.mouseClick(pat.preview_button, Qt.MouseButton.LeftButton)
        assert pat.preview_busy.isVisible()
    assert "Nothing matches" in pat.status.text()
    assert not pat.preview_busy.isVisible() and pat.preview_button.isEnabled()
    patient_svc.mood.add(3)
    with qtbot.waitSignal(pat.preview_ready, timeout=20_000):
        qtbot.mouseClick(pat.preview_button, Qt.MouseButton.LeftButton)
        # before any event is processed: the indicator moves and says what is happening
        assert pat.preview_busy.isVisible() and pat.preview_busy.maximum() == 0
        assert pat.preview_total.text() == "Preparing the preview..."
        assert not pat.preview_button.isEnabled()  # no second preview while one is made
    assert not pat.preview_busy.isVisible() and pat.preview_button.isEnabled()
    assert "encrypted file" in pat.preview_total.text()
    wait_for_tasks()
