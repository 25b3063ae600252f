"""Anonymised research exports: what is released, how it is bounded, and the consent words.

An export holds only derived weekly numbers (ISO weeks, never days), each released with
differential-privacy noise (see `mindspace.ml.privacy`, docs/research-export.md):

* the privacy unit is one record with what was derived from it (a mood check-in and the
  analysis of its note, a journal entry and its analysis, a voice check-in and its transcript's
  analysis); such a record changes at most `SLOTS` of the released statistics, each by at most
  its sensitivity, so giving each statistic `epsilon / SLOTS` bounds the whole export by
  `epsilon` (sequential composition; weeks are disjoint, so they compose in parallel);
* counts get discrete (geometric) noise, sums of clamped values get Laplace noise; means are
  post-processing (noisy sum / noisy count) and cost nothing extra;
* free text, titles, tags, notes, transcripts, audio, user-added words and exact times never
  enter an export: emotions and labels come only from the fixed lists below.

Pure functions, any thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from mindspace.core.errors import ValidationError

FORMAT_VERSION = 1
DEFAULT_EPSILON = 1.0
EPSILON_CHOICES = (0.5, 1.0, 2.0)  # offered in the consent screen
MIN_EPSILON, MAX_EPSILON = 0.1, 5.0
DEFAULT_WEEKS = 12
MAX_WEEKS = 104
# the statistics one record (with what was derived from it) can change: a mood check-in with an
# analysed note changes checkins, mood_sum, energy_n, energy_sum, sleep_n, sleep_sum, the
# check-in emotion counts, analyses, sentiment_sum and the text emotion counts
SLOTS = 10
MAX_EMOTIONS_PER_RECORD = 3
SLEEP_MAX = 12.0
# the only emotion words that can appear in an export
CHECKIN_EMOTIONS = (
    "calm", "happy", "grateful", "hopeful", "anxious", "sad", "angry", "lonely", "tired",
    "stressed", "excited", "content",
)
TEXT_EMOTIONS = ("anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral")

# sensitivity (how much one record can change the statistic, L1) per released column
SENSITIVITY: dict[str, float] = {
    "checkins": 1, "mood_sum": 4, "energy_n": 1, "energy_sum": 4, "sleep_n": 1,
    "sleep_sum": SLEEP_MAX, "checkin_emotions": MAX_EMOTIONS_PER_RECORD,
    "analyses": 1, "sentiment_sum": 2, "text_emotions": MAX_EMOTIONS_PER_RECORD,
    "journal_entries": 1, "voice_checkins": 1, "arousal_n": 1, "arousal_sum": 1,
    "questionnaires": 1, "score_sum": 1,
}
COUNT_COLUMNS = frozenset(
    {"checkins", "energy_n", "sleep_n", "analyses", "journal_entries", "voice_checkins",
     "arousal_n", "questionnaires", "checkin_emotions", "text_emotions"}
)


class ResearchError(ValidationError):
    """A research export or consent that cannot go ahead (one line for the user)."""


def check_epsilon(epsilon: float) -> float:
    value = float(epsilon)
    if not MIN_EPSILON <= value <= MAX_EPSILON:
        raise ResearchError(f"epsilon must be between {MIN_EPSILON} and {MAX_EPSILON}")
    return value


def iso_week(when: date | datetime) -> str:
    year, week, _ = when.isocalendar()
    return f"{year}-W{week:02d}"


def week_range(last_day: date, weeks: int) -> list[str]:
    """The `weeks` ISO weeks ending with the week of `last_day`, oldest first."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise ResearchError(f"an export covers 1 to {MAX_WEEKS} weeks")
    return [iso_week(last_day - timedelta(weeks=i)) for i in range(weeks - 1, -1, -1)]


@dataclass(frozen=True)
class MoodRecord:
    at: datetime
    mood: int
    energy: int | None
    sleep_hours: float | None
    emotions: tuple[str, ...]


@dataclass(frozen=True)
class TextRecord:
    """One analysis (of a journal entry, mood note or transcript): labels and sentiment."""

    at: datetime
    labels: tuple[str, ...]
    compound: float


@dataclass(frozen=True)
class VoiceRecord:
    at: datetime
    arousal: float | None


@dataclass(frozen=True)
class ScoreRecord:
    """A questionnaire result: the instrument's short name and its score scaled to [0, 1]."""

    at: datetime
    instrument: str
    score01: float


@dataclass
class WeeklyTruth:
    """The exact weekly values before noise (never leaves the app)."""

    weeks: list[str]
    columns: dict[str, list[float]] = field(default_factory=dict)
    checkin_emotions: dict[str, list[int]] = field(default_factory=dict)
    text_emotions: dict[str, list[int]] = field(default_factory=dict)
    scores: dict[str, dict[str, list[float]]] = field(default_factory=dict)


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _kept(words: Iterable[str], allowed: Sequence[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        folded = str(word).casefold()
        if folded in allowed and folded not in out:
            out.append(folded)
        if len(out) == MAX_EMOTIONS_PER_RECORD:
            break
    return out


def weekly_truth(
    weeks: list[str],
    mood: Iterable[MoodRecord],
    texts: Iterable[TextRecord],
    voice: Iterable[VoiceRecord],
    journal_times: Iterable[datetime],
    scores: Iterable[ScoreRecord] = (),
    instruments: Sequence[str] = (),
) -> WeeklyTruth:
    """Clamp every contribution and add it up per ISO week (records outside `weeks` dropped)."""
    index = {w: i for i, w in enumerate(weeks)}
    n = len(weeks)
    cols = {name: [0.0] * n for name in (
        "checkins", "mood_sum", "energy_n", "energy_sum", "sleep_n", "sleep_sum", "analyses",
        "sentiment_sum", "journal_entries", "voice_checkins", "arousal_n", "arousal_sum")}
    c_emo = {e: [0] * n for e in CHECKIN_EMOTIONS}
    t_emo = {e: [0] * n for e in TEXT_EMOTIONS}
    for m in mood:
        i = index.get(iso_week(m.at))
        if i is None:
            continue
        cols["checkins"][i] += 1
        cols["mood_sum"][i] += _clamp(m.mood, 1, 5) - 1
        if m.energy is not None:
            cols["energy_n"][i] += 1
            cols["energy_sum"][i] += _clamp(m.energy, 1, 5) - 1
        if m.sleep_hours is not None:
            cols["sleep_n"][i] += 1
            cols["sleep_sum"][i] += _clamp(m.sleep_hours, 0, SLEEP_MAX)
        for word in _kept(m.emotions, CHECKIN_EMOTIONS):
            c_emo[word][i] += 1
    for t in texts:
        i = index.get(iso_week(t.at))
        if i is None:
            continue
        cols["analyses"][i] += 1
        cols["sentiment_sum"][i] += _clamp(t.compound, -1, 1) + 1
        for word in _kept(t.labels, TEXT_EMOTIONS):
            t_emo[word][i] += 1
    for v in voice:
        i = index.get(iso_week(v.at))
        if i is None:
            continue
        cols["voice_checkins"][i] += 1
        if v.arousal is not None:
            cols["arousal_n"][i] += 1
            cols["arousal_sum"][i] += _clamp(v.arousal, 0, 1)
    for at in journal_times:
        i = index.get(iso_week(at))
        if i is not None:
            cols["journal_entries"][i] += 1
    per_instrument = {name: {"questionnaires": [0.0] * n, "score_sum": [0.0] * n}
                      for name in instruments}
    for s in scores:
        i = index.get(iso_week(s.at))
        if i is None or s.instrument not in per_instrument:
            continue
        per_instrument[s.instrument]["questionnaires"][i] += 1
        per_instrument[s.instrument]["score_sum"][i] += _clamp(s.score01, 0, 1)
    return WeeklyTruth(weeks, cols, c_emo, t_emo, per_instrument)


def consent_text(study: str, epsilon: float, participant: str) -> str:
    """What the consent screen (and `research consent`) says, in plain words."""
    return (
        f"Share anonymised numbers with the study “{study}”.\n\n"
        "What is shared: for each week (ISO calendar week, never a day or a time) — how many"
        " mood check-ins, journal entries and voice check-ins you made; your average mood,"
        " energy and sleep; how often each emotion from MindSpace's fixed lists came up; the"
        " average tone of your writing as the app read it; questionnaire scores if you filled"
        " any in. Every number has random noise added (differential privacy, epsilon"
        f" {epsilon:g} per export; a smaller epsilon means more noise and more privacy).\n\n"
        "What is never shared: your words — journal text, titles, tags, notes, transcripts,"
        " chat — recordings, exact dates and times, your name and the keys your therapist"
        " knows you by.\n\n"
        f"With whom: only “{study}”. Each export is signed and encrypted to the study's key;"
        " nobody else can read it. You choose when to export; nothing is sent on its own.\n\n"
        "How to withdraw: press Withdraw in this window (or run `mindspace research withdraw"
        " --study NAME`). No further exports can be made after that. Numbers the study already"
        " received cannot be recalled by MindSpace: ask the study to delete them, quoting your"
        f" participant code {participant}.\n\n"
        "Your consent, the epsilon and every export are recorded in your activity log."
    )
