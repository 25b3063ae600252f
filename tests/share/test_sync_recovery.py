"""Relay sync recovering from bad reads and restored vaults, against a real folder and a real
WebDAV server (wsgidav on 127.0.0.1): nothing here mocks the transport."""

from __future__ import annotations

from pathlib import Path

from mindspace.share.sync_state import RETRY_AT_ONCE
from tests.share.helpers import Person, files, mood_values, send


def outbox(person: Person) -> list[tuple[int, str]]:
    rows = person.services.vault.db.run(
        lambda c: c.execute("SELECT seq, name FROM share_sync_outbox ORDER BY seq").fetchall()
    )
    return [(int(s), str(n)) for s, n in rows]


def test_emptied_relay_file_is_read_again_and_delivery_resumes(
    paired: tuple[Person, Person], relay: Path
) -> None:
    """The file is emptied on the server (a 0-byte 200 answer over WebDAV), then restored."""
    patient, therapist = paired
    send(patient, 2)
    patient.sharing.sync()
    (name,) = files(relay)
    original = (relay / name).read_bytes()
    (relay / name).write_bytes(b"")
    report = therapist.sharing.sync()
    assert report.received == [] and report.rejected and "corrupted" in report.rejected[0]
    assert report.stuck and report.incomplete
    (relay / name).write_bytes(original)  # the sender's copy is whole again
    report = therapist.sharing.sync()
    assert [r["seq"] for r in report.received] == [1] and report.stuck == []
    send(patient, 3)  # and later envelopes flow as before
    patient.sharing.sync()
    assert [r["seq"] for r in therapist.sharing.sync().received] == [2]
    assert mood_values(therapist) == [2, 3]
    assert therapist.sharing.sync_service.status()["retrying"] == []


def test_repeated_bad_reads_raise_an_alarm_back_off_and_still_recover(
    paired: tuple[Person, Person], tmp_path: Path
) -> None:
    patient, therapist = paired
    store = tmp_path / "folder"
    for person in paired:
        person.sharing.set_relay(folder=str(store))
    send(patient, 4)
    patient.sharing.sync()
    (name,) = files(store)
    original = (store / name).read_bytes()
    (store / name).write_bytes(original[: len(original) // 2])  # cut short
    for attempt in range(1, RETRY_AT_ONCE + 1):
        report = therapist.sharing.sync()
        assert report.rejected and f"attempt {attempt}" in report.stuck[0]
    alarms = therapist.sharing.sync_service.alarms()
    assert [a["kind"] for a in alarms] == ["unreadable"] and alarms[0]["meaning"]
    assert report.needs_attention
    # backing off: the next sync does not read it, but still says what is stuck
    report = therapist.sharing.sync()
    assert report.rejected == [] and report.open_alarms
    (store / name).write_bytes(original)
    therapist.services.vault.db.transaction(  # the back-off time passes
        lambda c: c.execute("UPDATE share_sync_retry SET next_try_at = '2000-01-01T00:00:00'")
    )
    report = therapist.sharing.sync()
    assert [r["seq"] for r in report.received] == [1]
    assert therapist.sharing.sync_service.alarms() == []  # resolved: read whole later
    assert mood_values(therapist) == [4]


def test_restored_vault_forks_then_rejoins_with_an_accepted_restart(
    paired: tuple[Person, Person], tmp_path: Path
) -> None:
    patient, therapist = paired
    store = tmp_path / "folder"
    for person in paired:
        person.sharing.set_relay(folder=str(store))
    db = patient.services.vault.db
    send(patient, 1)
    for person in (patient, therapist, patient):
        person.sharing.sync()
    backup = db.run(lambda c: c.execute("SELECT * FROM share_sync_outbox").fetchall())
    send(patient, 2)
    for person in (patient, therapist, patient):
        person.sharing.sync()
    assert mood_values(therapist) == [1, 2]

    def restore(conn):  # type: ignore[no-untyped-def]
        conn.execute("DELETE FROM share_sync_outbox")
        conn.executemany(f"INSERT INTO share_sync_outbox VALUES ({','.join('?' * 9)})", backup)

    db.transaction(restore)  # the patient's vault is restored from the backup
    send(patient, 3)  # signed as envelope 2 again, with other content
    patient.sharing.sync()
    report = therapist.sharing.sync()
    assert report.received == [] and report.alarms and report.alarms[0].startswith("fork")
    # later syncs keep saying so until the therapist acts
    report = therapist.sharing.sync()
    assert report.alarms == [] and [a["kind"] for a in report.open_alarms] == ["fork"]
    # the patient learns it from the therapist's acknowledgement
    report = patient.sharing.sync()
    assert [a["kind"] for a in report.open_alarms] == ["mismatch"]
    rejoined = patient.sharing.sync_service.rejoin()
    assert rejoined["device_id"] != rejoined["old_device_id"]
    assert rejoined["restarts"] == [{"contact": "Dr Tess Therapist", "seq": 3}]
    assert patient.sharing.sync_service.alarms() == []
    send(patient, 4)
    patient.sharing.sync()
    report = therapist.sharing.sync()
    assert report.received == [] and report.waiting == 2  # nothing continues silently
    restart = [a for a in report.open_alarms if a["kind"] == "restart"]
    assert len(restart) == 1 and "Pat Patient" in restart[0]["detail"]
    assert therapist.sharing.sync().alarms == []  # shown once as new, kept open
    therapist.sharing.sync_service.accept_restart(int(restart[0]["id"]))
    assert therapist.sharing.sync_service.alarms() == []  # the fork is resolved by the restart
    report = therapist.sharing.sync()
    assert [r["seq"] for r in report.received] == [4]
    assert mood_values(therapist) == [1, 2, 3, 4]  # envelope 4 re-shares every mood
    cleanup = patient.sharing.sync()
    assert cleanup.acked == 1 and cleanup.open_alarms == []
    assert patient.sharing.sync().open_alarms == []
    assert files(store) == set() or all(n not in files(store) for _, n in outbox(patient))
