"""Anonymised research exports end to end: consent, no free text in the file, the study's
verification and DuckDB load, refusals, and the noise scale against the stated epsilon."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
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
from mindspace.share.bundle import open_bundle
from mindspace.share.research import META_KEY, open_research
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
    plain = opened.manifest_bytes.decode() + "".join(
        json.dumps(pq.read_table(io.BytesIO(i.data)).to_pylist()) for i in opened.items
    )
    for canary in (*CANARIES, "Pat Participant", "I felt anxious", "spoken words"):
        assert canary not in plain
    for item in opened.items:
        table = pq.read_table(io.BytesIO(item.data))
        meta = json.loads(table.schema.metadata[META_KEY])
        assert meta["epsilon"] == 2.0 and meta["epsilon_per_statistic"] == 2.0 / SLOTS
        weeks = set(table.column("iso_week").to_pylist())
        assert weeks <= set(week_range(date.today(), 12))
        if item.id == "emotions_weekly":
            assert set(table.column("emotion").to_pylist()) == {*CHECKIN_EMOTIONS, *TEXT_EMOTIONS}
    q = pq.read_table(io.BytesIO(next(i.data for i in opened.items
                                      if i.id == "questionnaires_weekly")))
    assert set(q.column("instrument").to_pylist()) == {"phq9"}

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
        assert abs(mad - scale) / scale < 0.06, (sensitivity, mad)
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
