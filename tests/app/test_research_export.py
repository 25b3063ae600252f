"""Anonymised research exports end to end: consent, no free text in the file, the study's
verification and DuckDB load, refusals, and the noise scale against the stated epsilon."""

from __future__ import annotations

import json
import math
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from mindspace.app.research import ResearchError, noised
from mindspace.app.research_aggregate import aggregate
from mindspace.core.research import (
    CHECKIN_EMOTIONS,
    SENSITIVITY,
    SLOTS,
    TEXT_EMOTIONS,
    week_range,
    weekly_truth,
)
from mindspace.ml.privacy import noisy_counts, noisy_sums
from mindspace.share.bundle import BundleError, open_bundle
from mindspace.share.research import META_KEY, open_research, parquet_tables, seal_export
from tests.app.research_helpers import (
    CANARIES,
    FixedScores,
    fill_with_canaries,
    study_and_participant,
)
from tests.share.helpers import Person


@pytest.fixture
def people(tmp_path: Path):  # type: ignore[no-untyped-def]
    study, participant = study_and_participant(tmp_path)
    yield study, participant
    study.services.close()
    participant.services.close()


def _parquet(data: bytes, folder: Path) -> tuple[list[dict[str, object]], dict[bytes, bytes]]:
    """Rows and key-value metadata of Parquet bytes, read by DuckDB."""
    path = folder / "table.parquet"
    path.write_bytes(data)
    with duckdb.connect() as con:
        cur = con.execute("SELECT * FROM read_parquet($1)", [str(path)])
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        kv = dict(con.execute("SELECT key, value FROM parquet_kv_metadata($1)",
                              [str(path)]).fetchall())
    path.unlink()
    return rows, kv


def _export(participant: Person, out: Path, epsilon: float = 1.0) -> dict[str, object]:
    research = participant.services.research()
    research.give_consent("Sleep Study 2026", epsilon)
    return research.export("Sleep Study 2026", out)


def test_export_holds_no_free_text_and_the_study_loads_it(people, tmp_path: Path) -> None:
    study, participant = people
    now = datetime.now().replace(microsecond=0)
    fill_with_canaries(participant, now)
    services = participant.services
    for entry in services.journal.list()[:2]:  # real analyses (the shipped emotion model)
        services.analysis_service().analyze_journal_entry(entry.id)
    services.research().questionnaires = FixedScores(now)
    folder = tmp_path / "exports"
    folder.mkdir()
    result = _export(participant, folder / "p1.msresearch", epsilon=2.0)
    data = (folder / "p1.msresearch").read_bytes()

    opened = open_bundle(data, study.sharing.require_identity(), lambda p, d: None)
    assert opened.kind == "research" and opened.sender.name == "MindSpace participant"
    me = services.sharing().require_identity()
    assert opened.sender.sign_public != me.sign_public  # not the key the therapist knows
    read = {i.id: _parquet(i.data, tmp_path) for i in opened.items}
    plain = opened.manifest_bytes.decode() + "".join(
        json.dumps(rows) + repr(kv) for rows, kv in read.values()
    )
    for canary in (*CANARIES, "Pat Participant", "I felt anxious", "spoken words"):
        assert canary not in plain
    for name, (rows, kv) in read.items():
        meta = json.loads(kv[META_KEY])
        assert meta["epsilon"] == 2.0 and meta["epsilon_per_statistic"] == 2.0 / SLOTS
        weeks = {r["iso_week"] for r in rows}
        assert weeks <= set(week_range(date.today(), 12))
        if name == "emotions_weekly":
            assert {r["emotion"] for r in rows} == {*CHECKIN_EMOTIONS, *TEXT_EMOTIONS}
    assert {r["instrument"] for r in read["questionnaires_weekly"][0]} == {"phq9"}
    assert len(read["mood_weekly"][0]) == 12

    out = tmp_path / "study.duckdb"
    loaded = aggregate(study.sharing.require_identity(), folder, out)
    assert loaded.loaded == 1 and loaded.participants == 1 and not loaded.refused
    assert loaded.rows["mood_weekly"] == 12
    with duckdb.connect(str(out), read_only=True) as con:
        row = con.execute("SELECT participant, epsilon FROM exports").fetchone()
        assert row == (result["participant"], 2.0)
        total = con.execute("SELECT sum(checkins) FROM mood_weekly").fetchone()
        assert total is not None and total[0] is not None

    kinds = [r.kind for r in services.audit().rows(newest_first=False)]
    assert kinds[-2:] == ["research.consent", "research.export"]
    stored = services.settings.get("research.consent")
    assert [c["epsilon"] for c in stored.values()] == [2.0]
    assert [c["exports"] for c in stored.values()] == [1]


def test_the_study_refuses_tampered_and_foreign_exports(people, tmp_path: Path) -> None:
    study, participant = people
    participant.services.mood.add(3)
    folder = tmp_path / "exports"
    folder.mkdir()
    _export(participant, folder / "good.msresearch")
    good = (folder / "good.msresearch").read_bytes()
    tampered = bytearray(good)
    tampered[len(tampered) // 2] ^= 0x01
    (folder / "tampered.msresearch").write_bytes(bytes(tampered))
    (folder / "cut.msresearch").write_bytes(good[: len(good) - 40])
    (folder / "copy.msresearch").write_bytes(good)  # the same export twice: loaded once
    out = tmp_path / "study.duckdb"
    result = aggregate(study.sharing.require_identity(), folder, out)
    refused = {r["file"]: r["reason"] for r in result.refused}
    assert set(refused) == {"tampered.msresearch", "cut.msresearch"}
    assert all(reason.startswith("corrupted") for reason in refused.values())
    assert result.loaded == 1 and result.skipped == 1
    # not encrypted to this study: the participant's therapist-facing identity cannot open it
    with pytest.raises(Exception, match="not for me"):
        open_research(good, participant.sharing.require_identity())


def _signed_with(participant: Person, study: Person, tables: dict[str, bytes],
                 meta: dict[str, object]) -> bytes:
    """A correctly signed export to the study holding the given table items."""
    research = participant.services.research()
    contact = research.study("Sleep Study 2026")
    identity = research.participant_identity(contact)
    return seal_export(identity, contact.party(), tables, meta, "2026-03-01T00:00:00Z").ciphertext


def _other_parquet(folder: Path, select: str, meta: str | None) -> bytes:
    path = folder / "other.parquet"
    kv = "" if meta is None else (
        f", KV_METADATA {{'{META_KEY.decode()}': '{meta.replace(chr(39), chr(39) * 2)}'}}"
    )
    with duckdb.connect() as con:
        con.execute(f"COPY ({select}) TO '{path}' (FORMAT PARQUET{kv})")
    data = path.read_bytes()
    path.unlink()
    return data


def test_the_study_refuses_signed_exports_with_bad_tables(people, tmp_path: Path) -> None:
    study, participant = people
    participant.services.mood.add(4)
    research = participant.services.research()
    weeks = week_range(date.today(), 2)
    meta: dict[str, object] = {"format_version": 1, "epsilon": 1.0, "weeks": weeks}
    tables = parquet_tables(noised(research.truth(2), 1.0), meta)
    me = study.sharing.require_identity()

    good = open_research(_signed_with(participant, study, tables, meta), me)
    assert good.meta == meta and good.tables["mood_weekly"]["iso_week"] == weeks
    assert len(good.tables["emotions_weekly"]["count"]) == 2 * (
        len(CHECKIN_EMOTIONS) + len(TEXT_EMOTIONS))

    encoded = json.dumps(meta)
    mood_select = (
        "SELECT '2026-W10' AS iso_week, 1::BIGINT AS checkins, 1.0::DOUBLE AS mood_sum,"
        " 1.0::DOUBLE AS mood_mean, 1::BIGINT AS energy_n, 1.0::DOUBLE AS energy_sum,"
        " 1.0::DOUBLE AS energy_mean, 1::BIGINT AS sleep_n, 1.0::DOUBLE AS sleep_sum,"
        " 1.0::DOUBLE AS sleep_mean"
    )
    cases = {
        "is not valid Parquet": b"PAR1 not really a Parquet file PAR1",
        "does not have the documented columns": _other_parquet(
            tmp_path, "SELECT '2026-W10' AS iso_week, 1::BIGINT AS checkins", encoded),
        "documented columns": _other_parquet(  # right names, a count stored as a double
            tmp_path, mood_select.replace("1::BIGINT AS checkins", "1.0::DOUBLE AS checkins"),
            encoded),
        "research data": _other_parquet(tmp_path, mood_select, None),
        "research data ": _other_parquet(
            tmp_path, mood_select, json.dumps({**meta, "epsilon": 0.1})),
    }
    # the well-formed replacement is accepted, so each case fails for its own reason only
    accepted = open_research(_signed_with(
        participant, study, {**tables, "mood_weekly": _other_parquet(tmp_path, mood_select,
                                                                     encoded)}, meta), me)
    assert accepted.tables["mood_weekly"]["checkins"] == [1]
    for reason, data in cases.items():
        bad = _signed_with(participant, study, {**tables, "mood_weekly": data}, meta)
        with pytest.raises(BundleError, match=reason.strip()) as refused:
            open_research(bad, me)
        assert refused.value.reason == "corrupted"
    without = {k: v for k, v in tables.items() if k != "activity_weekly"}
    with pytest.raises(BundleError, match="lacks table activity_weekly") as lacking:
        open_research(_signed_with(participant, study, without, meta), me)
    assert lacking.value.reason == "corrupted"
    # a folder holding one bad export loads the rest and names the bad one
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "good.msresearch").write_bytes(_signed_with(participant, study, tables, meta))
    (folder / "bad.msresearch").write_bytes(_signed_with(
        participant, study, {**tables, "wellbeing_weekly": cases["is not valid Parquet"]}, meta))
    result = aggregate(me, folder, tmp_path / "study.duckdb")
    assert result.loaded == 1 and [r["file"] for r in result.refused] == ["bad.msresearch"]
    assert result.rows["mood_weekly"] == 2


def test_no_export_without_consent_or_after_withdrawal(people, tmp_path: Path) -> None:
    study, participant = people
    research = participant.services.research()
    with pytest.raises(ResearchError, match="not consented"):
        research.export("Sleep Study 2026", tmp_path / "x.msresearch")
    with pytest.raises(ResearchError, match="epsilon must be between"):
        research.give_consent("Sleep Study 2026", 50.0)
    research.give_consent("Sleep Study 2026", 1.0)
    research.withdraw("Sleep Study 2026")
    with pytest.raises(ResearchError, match="not consented"):
        research.export("Sleep Study 2026", tmp_path / "x.msresearch")
    assert not (tmp_path / "x.msresearch").exists()
    kinds = [r.kind for r in participant.services.audit().rows(newest_first=False)]
    assert kinds[-2:] == ["research.consent", "research.withdraw"]
    # a therapist is not a study
    therapist_card = participant.sharing.require_identity().card()
    study.sharing.add_contact(
        type(therapist_card)("Dr Tess", bytes(range(32)), bytes(range(1, 33)), "therapist"),
        verified=True,
    )
    with pytest.raises(ResearchError, match="not a study"):
        study.services.research().give_consent("Dr Tess")


def test_noise_scale_matches_the_stated_epsilon() -> None:
    epsilon = 0.5
    for sensitivity in (1, 4):
        scale = sensitivity / epsilon
        counts = noisy_counts([5] * 20_000, sensitivity, epsilon)
        mad = sum(abs(c - 5) for c in counts) / len(counts)
        # Counts get discrete Laplace noise, P(k) ~ a^|k| with a = exp(-1/scale), whose mean
        # absolute value is 2a / (1 - a^2) (1.92 for scale 2, not 2).
        a = math.exp(-1 / scale)
        expected = 2 * a / (1 - a * a)
        assert abs(mad - expected) / expected < 0.04, (sensitivity, mad, expected)
        sums = noisy_sums([10.0] * 20_000, float(sensitivity), epsilon)
        mad = sum(abs(s - 10.0) for s in sums) / len(sums)
        assert abs(mad - scale) / scale < 0.06, (sensitivity, mad)


def test_an_export_uses_epsilon_over_slots_for_each_statistic() -> None:
    weeks = week_range(date(2026, 6, 1), 104)
    truth = weekly_truth(weeks, [], [], [], [datetime(2026, 5, 1)] * 3)
    epsilon = 1.0
    errors: dict[str, list[float]] = {"journal_entries": [], "mood_sum": [], "sleep_sum": []}
    emotion_errors: list[float] = []
    for _ in range(30):
        release = noised(truth, epsilon)
        for name in errors:
            errors[name] += [abs(a - b) for a, b in zip(release.columns[name],
                                                         truth.columns[name], strict=True)]
        emotion_errors += [abs(v) for v in release.checkin_emotions["calm"]]
    for name, errs in errors.items():
        expected = SENSITIVITY[name] / (epsilon / SLOTS)
        assert abs(sum(errs) / len(errs) - expected) / expected < 0.1, name
    expected = SENSITIVITY["checkin_emotions"] / (epsilon / SLOTS)
    assert abs(sum(emotion_errors) / len(emotion_errors) - expected) / expected < 0.1
    assert truth.columns["journal_entries"][weeks.index("2026-W18")] == 3


def test_weekly_truth_keeps_only_fixed_words_and_clamps() -> None:
    from mindspace.core.research import MoodRecord, TextRecord

    when = datetime(2026, 3, 4, 21, 30)
    weeks = week_range(when.date() + timedelta(days=3), 1)
    truth = weekly_truth(
        weeks,
        [MoodRecord(when, 5, None, 30.0, ("Calm", "my-own-word", "sad", "tired", "happy"))],
        [TextRecord(when, ("joy", "private label"), 4.0)], [], [],
    )
    assert truth.columns["sleep_sum"] == [12.0] and truth.columns["sentiment_sum"] == [2.0]
    assert [k for k, v in truth.checkin_emotions.items() if v[0]] == ["calm", "sad", "tired"]
    assert [k for k, v in truth.text_emotions.items() if v[0]] == ["joy"]
