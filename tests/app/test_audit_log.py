"""The audit log in a real vault: order, append-only triggers, the chain check in `vault check`,
and the events the sharing and vault use cases record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mindspace.app import AppServices
from mindspace.app.audit import AuditKind
from mindspace.app.sharing import ExportSelection
from mindspace.app.vault_check import run_check
from mindspace.share.bundle import open_bundle
from tests.conftest import NEW_PASSPHRASE, PASSPHRASE
from tests.share.helpers import make_person, pair_up


def kinds(services: AppServices) -> list[str]:
    return [r.kind for r in services.audit().rows(newest_first=False)]


def test_rows_come_back_in_order_and_chain(open_services: AppServices) -> None:
    trail = open_services.audit()
    for i in range(4):
        trail.record(AuditKind.DATA_EXPORT, f"{i} entries to a file")
    rows = trail.rows(newest_first=False)
    assert [r.seq for r in rows] == [1, 2, 3, 4]
    assert [r.detail for r in rows] == [f"{i} entries to a file" for i in range(4)]
    assert [r.seq for r in trail.rows()] == [4, 3, 2, 1]
    assert trail.verify().ok and trail.verify().rows == 4
    assert [r.seq for r in trail.rows([AuditKind.DATA_EXPORT], limit=2)] == [4, 3]


def test_update_and_delete_are_refused(open_services: AppServices) -> None:
    trail = open_services.audit()
    trail.record(AuditKind.DATA_IMPORT, "3 entries")
    db = open_services.vault.db
    with pytest.raises(Exception, match="append-only"):
        db.run(lambda c: c.execute("UPDATE audit_log SET detail = 'nothing' WHERE seq = 1"))
    with pytest.raises(Exception, match="append-only"):
        db.run(lambda c: c.execute("DELETE FROM audit_log"))
    assert [r.detail for r in trail.rows()] == ["3 entries"]


def test_an_unknown_kind_writes_nothing(open_services: AppServices) -> None:
    with pytest.raises(Exception, match="unknown audit kind"):
        open_services.audit().record("journal.read", "x")
    assert open_services.audit().rows() == []


def _tamper(services: AppServices, sql: str) -> None:
    def work(c: object) -> None:
        c.execute("DROP TRIGGER audit_log_no_update")  # type: ignore[attr-defined]
        c.execute("DROP TRIGGER audit_log_no_delete")  # type: ignore[attr-defined]
        c.execute(sql)  # type: ignore[attr-defined]

    services.vault.db.run(work)


def test_vault_check_names_the_first_edited_row(open_services: AppServices) -> None:
    trail = open_services.audit()
    for i in range(5):
        trail.record(AuditKind.SHARE_EXPORT, f"to Dr T: {i} mood check-ins")
    assert run_check(open_services).ok
    _tamper(open_services, "UPDATE audit_log SET detail = 'to Dr T: nothing' WHERE seq = 3")
    result = trail.verify()
    assert result.first_broken == 3 and result.rows == 5
    report = run_check(open_services)
    assert not report.ok
    assert any(p.startswith("audit log: row 3 was changed") for p in report.problems)


def test_vault_check_finds_a_removed_row(open_services: AppServices) -> None:
    trail = open_services.audit()
    for i in range(3):
        trail.record(AuditKind.CONTACT_ADD, f"contact {i}")
    _tamper(open_services, "DELETE FROM audit_log WHERE seq = 2")
    report = run_check(open_services)
    assert any("row 2 is missing" in p for p in report.problems)


def test_sharing_events_are_recorded_without_journal_text(tmp_path: Path) -> None:
    patient = make_person(tmp_path / "p", "Pat Patient", "patient")
    therapist = make_person(tmp_path / "t", "Dr Tess Therapist", "therapist")
    try:
        pair_up(patient, therapist)
        patient.services.journal.add("Secret title", "CANARY-JOURNAL-TEXT about my week")
        patient.services.mood.add(4, note="CANARY-MOOD-NOTE")
        sharing = patient.sharing
        preview = sharing.preview_export("Dr Tess Therapist", ExportSelection())
        sharing.write_export(preview, tmp_path / "one.msbundle")
        therapist.sharing.open_file(tmp_path / "one.msbundle")
        assert kinds(patient.services) == [
            "identity.create", "contact.add", "share.export"
        ]
        assert kinds(therapist.services) == ["identity.create", "contact.add", "share.import"]
        export_row = patient.services.audit().rows([AuditKind.SHARE_EXPORT])[0]
        assert "Dr Tess Therapist" in export_row.detail and "1 journal entries" in export_row.detail
        contact = sharing.find_contact("Dr Tess Therapist")
        sharing.unverify_contact(contact.id)
        sharing.verify_contact(contact.id)
        sharing.remove_contact(contact.id)
        assert kinds(patient.services)[-3:] == [
            "contact.unverify", "contact.verify", "contact.remove"
        ]
        for services in (patient.services, therapist.services):
            text = json.dumps([r.to_json() for r in services.audit().rows()])
            assert "CANARY" not in text and "Secret title" not in text
            assert services.audit().verify().ok
    finally:
        patient.services.close()
        therapist.services.close()


def test_a_report_can_include_what_was_shared_and_when(tmp_path: Path) -> None:
    patient = make_person(tmp_path / "p", "Pat Patient", "patient")
    therapist = make_person(tmp_path / "t", "Dr Tess Therapist", "therapist")
    try:
        pair_up(patient, therapist)
        patient.services.mood.add(3)
        sharing = patient.sharing
        first = sharing.preview_export("Dr Tess Therapist", ExportSelection(journal=False))
        sharing.write_export(first, tmp_path / "first.msbundle")
        second = sharing.preview_export(
            "Dr Tess Therapist", ExportSelection(journal=False, sharing_history=True)
        )
        sealed = sharing.write_export(second, tmp_path / "second.msbundle")
        me = therapist.sharing.require_identity()
        opened = open_bundle(sealed.ciphertext, me, lambda party, device: None)
        history = next(i for i in opened.items if i.type == "sharing_history")
        shared = json.loads(history.data)["shared"]
        assert [row["kind"] for row in shared] == ["share.export"]
        assert first.bundle_id[:8] in shared[0]["detail"]
        without = next(i for i in first.items if i.type == "report_pdf")
        with_history = next(i for i in second.items if i.type == "report_pdf")
        assert len(with_history.data) > len(without.data)
        therapist.sharing.open_file(tmp_path / "second.msbundle")  # the inbox accepts it
    finally:
        patient.services.close()
        therapist.services.close()


def test_passphrase_change_and_recovery_are_recorded(tmp_path: Path) -> None:
    services = AppServices(tmp_path / "data")
    code = services.create_vault(PASSPHRASE)
    services.lock()
    new_code = services.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)  # while locked
    assert not services.is_unlocked
    services.unlock_with_recovery(new_code)
    services.reset_passphrase(new_code, PASSPHRASE)
    try:
        assert kinds(services) == ["passphrase.change", "recovery_code.use", "passphrase.reset"]
        assert code != new_code
    finally:
        services.close()


def test_choosing_another_speech_model_is_recorded(open_services: AppServices,
                                                   tmp_path: Path) -> None:
    prefs = open_services.load_preferences()
    prefs.whisper_model_dir = str(tmp_path / "whisper-small-ct2")
    open_services.save_preferences(prefs)
    open_services.save_preferences(prefs)  # unchanged: nothing more
    prefs.whisper_model_dir = ""
    open_services.save_preferences(prefs)
    rows = open_services.audit().rows([AuditKind.MODEL_CHANGE], newest_first=False)
    assert [r.detail for r in rows] == [
        "speech model: whisper-small-ct2", "speech model: the shipped model"
    ]


def test_imports_and_exports_of_my_data_are_logged(
    open_services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    scratch = tmp_path / "system-temp"  # the export refuses the system temporary folder
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    (tmp_path / "mine").mkdir()
    data = Path(__file__).resolve().parents[1] / "data" / "daylio"
    open_services.daylio_import().run(data / "current.csv", {"ecstatic": 5, "fine": 3})
    open_services.daylio_import().run(data / "current.csv", {"ecstatic": 5, "fine": 3},
                                      dry_run=True)  # a preview writes nothing, logs nothing
    open_services.data_export().export(tmp_path / "mine" / "me.json", "json")
    rows = open_services.audit().rows(newest_first=False)
    assert [r.kind for r in rows] == [AuditKind.DATA_IMPORT, AuditKind.DATA_EXPORT]
    assert rows[0].detail.startswith("Daylio: ")
    assert "not encrypted" in rows[1].detail
    assert open_services.audit().verify().ok
