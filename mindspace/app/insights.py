"""Words for the charts: summaries and per-day descriptions of emotions and moods.

Pure functions over the figures the charts draw, so a screen reader and a sighted reader get the
same facts in the same words, and the grammar can be checked without a window.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from mindspace.core.entities import MOOD_WORDS, DailyEmotions, MoodCheckin
from mindspace.core.rules import format_day

# The order emotions are stacked and listed in (the emotion model's labels).
EMOTION_ORDER: tuple[str, ...] = (
    "joy", "sadness", "fear", "anger", "surprise", "disgust", "neutral",
)
# (days, title) for the range choices of the emotion chart.
RANGES: tuple[tuple[int, str], ...] = (
    (7, "Last 7 days"), (30, "Last 30 days"), (90, "Last 90 days"), (365, "Last year"),
)
TREND_THRESHOLD = 0.10  # a change in an emotion's share worth putting into words


def plural(count: int, word: str, many: str | None = None) -> str:
    """`1 entry`, `2 entries`."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def join_words(words: Sequence[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def long_day(day: date) -> str:
    """`Tuesday 3 March 2026`."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def period(days: int) -> str:
    """`the last 30 days`, `the last week`, `the last year`."""
    if days == 7:
        return "the last week"
    if days == 365:
        return "the last year"
    return f"the last {plural(days, 'day')}" if days != 1 else "the last day"


def range_start(end: date, days: int) -> date:
    return end - timedelta(days=max(1, days) - 1)


# ---- emotions -------------------------------------------------------------------------------
def _rank(label: str) -> int:
    return EMOTION_ORDER.index(label) if label in EMOTION_ORDER else len(EMOTION_ORDER)


def ordered_labels(means: Mapping[str, float]) -> list[str]:
    """The labels of one day in stacking order: the known emotions first, then any others."""
    return sorted(means, key=lambda label: (_rank(label), label))


def shares(means: Mapping[str, float]) -> dict[str, float]:
    """Each emotion's share of the day (the values sum to 1), as the stacked bar shows it."""
    total = sum(max(0.0, v) for v in means.values())
    if total <= 0:
        return {label: 0.0 for label in means}
    return {label: max(0.0, v) / total for label, v in means.items()}


def dominant(day: DailyEmotions) -> str:
    """The emotion with the largest share that day (ties go to the earlier label)."""
    labels = ordered_labels(day.means)
    return max(labels, key=lambda label: (day.means[label], -_rank(label)))


def fill_days(
    start: date, end: date, days: Iterable[DailyEmotions]
) -> list[tuple[date, DailyEmotions | None]]:
    """One slot per day from start to end (inclusive); None on days without entries."""
    by_day = {d.day: d for d in days}
    count = (end - start).days + 1
    slots: list[tuple[date, DailyEmotions | None]] = []
    for i in range(max(0, count)):
        day = start + timedelta(days=i)
        slots.append((day, by_day.get(day)))
    return slots


def emotion_day_text(day: date, data: DailyEmotions | None) -> str:
    """The tooltip of one day: the day, the number of entries and each emotion's share."""
    if data is None or data.count == 0:
        return f"{long_day(day)}: no entries"
    parts = shares(data.means)
    listed = [
        f"{label} {round(parts[label] * 100)} %"
        for label in sorted(parts, key=lambda k: (-parts[k], _rank(k)))
        if parts[label] >= 0.005
    ]
    text = f"{long_day(day)}: {plural(data.count, 'entry', 'entries')}"
    return text + ("\n" + ", ".join(listed) if listed else "")


def _trend(days: Sequence[DailyEmotions], end: date, span: int) -> str:
    window = 7 if span <= 30 else 30
    if span <= window:
        return ""
    recent = [d for d in days if d.day > end - timedelta(days=window)]
    earlier = [d for d in days if d.day <= end - timedelta(days=window)]
    if not recent or not earlier:
        return ""

    def mean_share(group: Sequence[DailyEmotions], label: str) -> float:
        return sum(shares(d.means).get(label, 0.0) for d in group) / len(group)

    labels = ordered_labels({k: 0.0 for d in days for k in d.means})
    change = {k: mean_share(recent, k) - mean_share(earlier, k) for k in labels}
    rises = [k for k in labels if change[k] >= TREND_THRESHOLD]
    falls = [k for k in labels if change[k] <= -TREND_THRESHOLD]
    phrases = []
    if rises:
        phrases.append(f"{max(rises, key=lambda k: change[k])} rose")
    if falls:
        phrases.append(f"{min(falls, key=lambda k: change[k])} fell")
    if not phrases:
        return ""
    return f"{join_words(phrases)} in {period(window)}"


def emotion_summary(days: Sequence[DailyEmotions], end: date, span: int) -> str:
    """One or two sentences on the emotions of the `span` days ending on `end`.

    "Over the last 30 days, sadness was the most frequent emotion (12 of 21 days with
    entries); joy rose in the last week."
    """
    start = range_start(end, span)
    seen = sorted((d for d in days if start <= d.day <= end and d.count > 0 and d.means),
                  key=lambda d: d.day)
    over = period(span)
    if not seen:
        return f"No analysed entries in {over}."
    if len(seen) == 1:
        only = seen[0]
        return (f"Over {over}, only {long_day(only.day)} had entries "
                f"({plural(only.count, 'entry', 'entries')}); {dominant(only)} was the "
                "strongest emotion that day.")
    tally = Counter(dominant(d) for d in seen)
    most = max(tally.values())
    leaders = sorted((k for k, v in tally.items() if v == most), key=_rank)
    with_entries = f"{most} of {len(seen)} days with entries"
    if len(leaders) == 1:
        text = f"Over {over}, {leaders[0]} was the most frequent emotion ({with_entries})"
    else:
        text = (f"Over {over}, {join_words(leaders)} were the most frequent emotions "
                f"(each {with_entries})")
    trend = _trend(seen, end, span)
    return text + (f"; {trend}." if trend else ".")


# ---- moods ----------------------------------------------------------------------------------
def mood_level(value: float) -> int:
    """The scale step a mean mood is nearest to (halves round up: 3.5 is 4)."""
    return max(1, min(5, math.floor(value + 0.5)))


def mood_word(value: float) -> str:
    return MOOD_WORDS[mood_level(value)]


def checkin_counts(checkins: Iterable[MoodCheckin]) -> dict[str, int]:
    """Check-ins per day (`YYYY-MM-DD` -> count)."""
    return dict(Counter(format_day(c.checkin_at) for c in checkins))


def fill_mood_days(days: Sequence[tuple[str, float | None]]) -> list[tuple[str, float | None]]:
    """The same series with every missing day between the first and the last as None."""
    if not days:
        return []
    by_day = {format_day(d): v for d, v in days}
    first = date.fromisoformat(min(by_day))
    last = date.fromisoformat(max(by_day))
    out: list[tuple[str, float | None]] = []
    for i in range((last - first).days + 1):
        key = (first + timedelta(days=i)).isoformat()
        out.append((key, by_day.get(key)))
    return out


def mood_day_text(day: str, value: float | None, count: int | None = None) -> str:
    """The tooltip of one day of the mood chart."""
    when = long_day(date.fromisoformat(format_day(day)))
    if value is None:
        return f"{when}: no check-ins"
    if count is None:
        return f"{when}: average mood {value:.1f} ({mood_word(value)})"
    if count <= 1:
        return f"{when}: mood {value:.1f} ({mood_word(value)}), 1 check-in"
    return f"{when}: average mood {value:.1f} ({mood_word(value)}) over {count} check-ins"


def mood_summary(
    days: Sequence[tuple[str, float | None]], counts: Mapping[str, int] | None = None
) -> str:
    """The caption of the mood chart: how many days had check-ins, the average, best and
    lowest day. The average is over check-ins when `counts` are known, else over days."""
    if not days:
        return "No check-ins yet."
    values = [(date.fromisoformat(format_day(d)), v) for d, v in days if v is not None]
    first = date.fromisoformat(format_day(days[0][0]))
    where = f"of the last {len(days)} days" if len(days) > 1 else f"on {long_day(first)}"
    if not values:
        return (f"No check-ins in the last {len(days)} days." if len(days) > 1
                else f"No check-ins on {long_day(first)}.")
    on_days = f"on {len(values)} {where}" if len(days) > 1 else where
    total = sum(counts.get(d.isoformat(), 0) for d, _ in values) if counts else 0
    if counts and total > 0:
        mean = sum(v * counts.get(d.isoformat(), 0) for d, v in values) / total
    else:
        mean = sum(v for _, v in values) / len(values)
    who = plural(total, "check-in") if total > len(values) else "Check-ins"
    head = f"{who} {on_days}, average mood {mean:.1f} ({mood_word(mean)})"
    if len(values) == 1:
        return head + "."
    low = min(v for _, v in values)
    high = max(v for _, v in values)
    if low == high:
        return head + "; the same on every day with a check-in."
    best = max(values, key=lambda dv: (dv[1], dv[0]))
    worst = min(values, key=lambda dv: (dv[1], -dv[0].toordinal()))

    def short(d: date) -> str:
        return f"{d:%A} {d.day} {d:%B}"

    return (f"{head}; best day {short(best[0])} ({best[1]:.1f}), "
            f"lowest {short(worst[0])} ({worst[1]:.1f}).")


# ---- the mood calendar and the year in pixels ------------------------------------------------
def _days_of(moods: Mapping[date, float], first: date, last: date) -> list[tuple[date, float]]:
    return sorted((d, v) for d, v in moods.items() if first <= d <= last)


def month_mood_text(year: int, month: int, moods: Mapping[date, float]) -> str:
    """`May 2026: check-ins on 20 of 31 days, average mood 3.4 (Okay); best day Friday 8 May
    (4.5).`"""
    first = date(year, month, 1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    seen = _days_of(moods, first, last)
    head = f"{first:%B %Y}"
    if not seen:
        return f"{head}: no check-ins."
    mean = sum(v for _, v in seen) / len(seen)
    text = (f"{head}: check-ins on {len(seen)} of {last.day} days, average mood {mean:.1f} "
            f"({mood_word(mean)})")
    best = max(seen, key=lambda dv: (dv[1], dv[0]))
    if len(seen) > 1:
        text += f"; best day {best[0]:%A} {best[0].day} {best[0]:%B} ({best[1]:.1f})"
    return text + "."


def year_mood_text(year: int, moods: Mapping[date, float]) -> str:
    """The year in pixels in words: days with check-ins, the most common mood, the month with
    the highest average."""
    seen = _days_of(moods, date(year, 1, 1), date(year, 12, 31))
    if not seen:
        return f"{year}: no check-ins."
    tally = Counter(mood_word(v) for _, v in seen)
    word, count = tally.most_common(1)[0]
    months: dict[int, list[float]] = {}
    for d, v in seen:
        months.setdefault(d.month, []).append(v)
    best = max(months, key=lambda m: (sum(months[m]) / len(months[m]), -m))
    text = (f"{year}: check-ins on {plural(len(seen), 'day')}; the most common mood was {word} "
            f"({count} days)")
    if len(months) > 1:
        avg = sum(months[best]) / len(months[best])
        text += f"; the month with the highest average was {date(year, best, 1):%B} ({avg:.1f})"
    return text + "."
