"""Relay sync against a real folder and a real WebDAV server: order, replay, gap, fork, rollback.

Nothing here mocks the transport: envelopes travel through files in a folder or over HTTP to
wsgidav on 127.0.0.1.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mindspace.share.relay_base import SUFFIX
from tests.share.helpers import Person, count_received, files, mood_values, send


def test_delivery_in_order_and_ack_cleans_up(paired: tuple[Person, Person], relay: Path) -> None:
    patient, therapist = paired
    ids = [send(patient, 2), send(patient, 3)]
    assert patient.sharing.sync().uploaded == 2
    assert len(files(relay)) == 2
    report = therapist.sharing.sync()
    assert [r["bundle_id"] for r in report.received] == ids
    assert [r["seq"] for r in report.received] == [1, 2]
    assert len(files(relay)) == 3  # two envelopes + one acknowledgement
    cleanup = patient.sharing.sync()
    assert cleanup.acked == 1 and cleanup.deleted == 2
    assert files(relay) == set()  # delivered envelopes and the ack are gone
    assert therapist.sharing.sync().received == []
    assert count_received(therapist)[0] == 2


def test_replay_is_rejected(paired: tuple[Person, Person], relay: Path) -> None:
    patient, therapist = paired
    send(patient, 4)
    patient.sharing.sync()
    (envelope,) = files(relay)
    saved = (relay / envelope).read_bytes()
    assert len(therapist.sharing.sync().received) == 1
    # an attacker (or a confused sync client) puts the same envelope back under a new name
    (relay / ("f" * 32 + SUFFIX)).write_bytes(saved)
    report = therapist.sharing.sync()
    assert report.received == [] and report.replayed == 1 and report.alarms == []
    assert count_received(therapist)[0] == 1


def test_gap_waits_then_fills(paired: tuple[Person, Person], relay: Path) -> None:
    patient, therapist = paired
    send(patient, 1)
    send(patient, 2)
    send(patient, 3)
    patient.sharing.sync()
    outbox = patient.services.vault.db.run(
        lambda c: c.execute("SELECT seq, name FROM share_sync_outbox ORDER BY seq").fetchall()
    )
    second = relay / outbox[1][1]
    held = second.read_bytes()
    second.unlink()  # envelope 2 has not arrived yet
    report = therapist.sharing.sync()
    assert [r["seq"] for r in report.received] == [1] and report.waiting == 1
    assert mood_values(therapist) == [1]
    second.write_bytes(held)  # it arrives late
    report = therapist.sharing.sync()
    assert [r["seq"] for r in report.received] == [2, 3] and report.waiting == 0
    assert mood_values(therapist) == [1, 2, 3]


def test_fork_raises_an_alarm(paired: tuple[Person, Person], relay: Path) -> None:
    patient, therapist = paired
    send(patient, 5)
    patient.sharing.sync()
    therapist.sharing.sync()
    # the patient's device is cloned / restored from a backup: it forgets envelope 1 and signs a
    # different envelope 1
    patient.services.vault.db.transaction(lambda c: c.execute("DELETE FROM share_sync_outbox"))
    send(patient, 1)
    patient.sharing.sync()
    report = therapist.sharing.sync()
    assert report.received == []
    assert report.alarms and "fork" in report.alarms[0]
    assert therapist.sharing.alarms()[0]["seq"] == 1
    assert mood_values(therapist) == [5]


def test_store_rollback_never_moves_the_receiver_backwards(
    paired: tuple[Person, Person], relay: Path, tmp_path: Path
) -> None:
    patient, therapist = paired
    send(patient, 1)
    patient.sharing.sync()
    snapshot = tmp_path / "snapshot"
    shutil.copytree(relay, snapshot)  # the store as it was after envelope 1
    therapist.sharing.sync()
    send(patient, 2)
    patient.sharing.sync()
    therapist.sharing.sync()
    assert mood_values(therapist) == [1, 2]
    # the store is rolled back to the old snapshot (a restored backup of the server)
    shutil.rmtree(relay)
    shutil.copytree(snapshot, relay)
    report = therapist.sharing.sync()
    assert report.received == [] and report.alarms == []
    chain = therapist.services.vault.db.run(
        lambda c: c.execute("SELECT last_seq FROM share_sync_chains").fetchone()[0]
    )
    assert chain == 2
    # new envelopes still continue from 2, not from the rolled-back state
    send(patient, 3)
    patient.sharing.sync()
    assert [r["seq"] for r in therapist.sharing.sync().received] == [3]
    assert mood_values(therapist) == [1, 2, 3]


def test_lost_envelope_is_uploaded_again(paired: tuple[Person, Person], relay: Path) -> None:
    patient, therapist = paired
    send(patient, 4)
    patient.sharing.sync()
    for name in files(relay):
        (relay / name).unlink()  # the store lost it before delivery
    assert patient.sharing.sync().uploaded == 1
    assert len(therapist.sharing.sync().received) == 1


def test_envelope_for_someone_else_is_left_alone(
    paired: tuple[Person, Person], relay: Path, tmp_path: Path
) -> None:
    patient, therapist = paired
    send(patient, 4)
    patient.sharing.sync()
    # the patient's own sync sees only its own files and acks
    assert patient.sharing.sync().received == []
    assert len(files(relay)) == 1
