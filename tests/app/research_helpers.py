"""A participant and a study with real vaults, and a journal full of canary text."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from mindspace.core.research import ScoreRecord
from tests.share.helpers import Person, make_person, pair_up

CANARIES = ("CANARY-JOURNAL-7731", "CANARY-TITLE-1193", "CANARY-NOTE-5580",
            "CANARY-TRANSCRIPT-4402", "CANARY-TAG-2207", "CANARY-CHAT-6618")


def study_and_participant(root: Path) -> tuple[Person, Person]:
    participant = make_person(root / "participant", "Pat Participant", "patient")
    study = make_person(root / "study", "Sleep Study 2026", "study")
    pair_up(participant, study)
    return study, participant


def fill_with_canaries(person: Person, today: datetime) -> None:
    services = person.services
    for day in range(20):
        when = today - timedelta(days=day)
        services.journal.add(f"{CANARIES[1]} day {day}", f"{CANARIES[0]} I felt anxious",
                             tags=[CANARIES[4]], entry_at=when)
        services.mood.add(1 + day % 5, energy=3, emotions=["anxious", "calm", CANARIES[2]],
                          sleep_hours=7.5, note=f"{CANARIES[2]} long day", checkin_at=when)
    services.voice.add(duration_s=3.0, transcript=f"{CANARIES[3]} spoken words", arousal=0.4,
                       recorded_at=today - timedelta(days=1))
    chat = services.companion().new_conversation()
    chat.send(f"{CANARIES[5]} work has been a lot this week")


class FixedScores:
    """A questionnaire source as the measures feature would provide it."""

    def __init__(self, today: datetime) -> None:
        self.today = today

    def instruments(self) -> list[str]:
        return ["phq9"]

    def scores(self, since: datetime) -> list[ScoreRecord]:
        return [ScoreRecord(self.today - timedelta(days=2), "phq9", 0.25)]
