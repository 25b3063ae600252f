"""The emotion and mood charts: a slot per day with gaps, labels that never collide, tooltips,
summaries in words, and rendering in every theme and text size, over a real vault."""
# mypy: disable-error-code="union-attr, arg-type"

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from mindspace.app import AppServices
from mindspace.app.insights import (
    EMOTION_ORDER,
    checkin_counts,
    emotion_day_text,
    emotion_summary,
    join_words,
    mood_day_text,
    mood_summary,
    plural,
)
from mindspace.core.entities import DailyEmotions
from mindspace.ui.chart_axis import AxisLabel, day_labels
from mindspace.ui.emotion_trends import COLOURS, EmotionTrends
from mindspace.ui.mood_screen import MoodScreen
from mindspace.ui.mood_widgets import MoodChart
from mindspace.ui.themes import THEMES, apply_theme

pytestmark = pytest.mark.gui

TODAY = date(2026, 5, 30)  # a Saturday
# day of May -> the emotions of each entry written that day
ENTRIES: dict[int, list[dict[str, float]]] = {
    1: [{"sadness": 0.8, "joy": 0.2}, {"sadness": 0.6, "joy": 0.4}],
    5: [{"sadness": 0.9, "joy": 0.1}],
    10: [{"fear": 0.6, "sadness": 0.4}],
    12: [{"sadness": 0.7, "joy": 0.3}],
    26: [{"joy": 0.8, "sadness": 0.2}],
    28: [{"joy": 0.7, "sadness": 0.3}],
}


@pytest.fixture
def themed(qapp) -> Iterator[None]:
    yield
    apply_theme(qapp, "system", 1.0)


def _fill_vault(services: AppServices) -> None:
    store = services.analyses
    for day, entries in ENTRIES.items():
        for i, emotions in enumerate(entries):
            e = services.journal.add("d", f"entry {i}", entry_at=datetime(2026, 5, day, 9 + i))
            store.save("journal", e.id, "m@1", {"emotions": emotions,
                                                "sentiment": {"compound": 0.0},
                                                "crisis": {"level": "none"}},
                       e.entry_at, e.updated_at)


def _trends(qtbot, services: AppServices) -> EmotionTrends:
    view = EmotionTrends(services)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.reload(today=TODAY)
    return view


def _choose_range(qtbot, view: EmotionTrends, days: int) -> None:
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.range_box.setCurrentIndex(view.range_box.findData(days))


def _assert_apart(labels: list[AxisLabel], width: float) -> None:
    assert labels, "the axis names at least one day"
    for label in labels:
        assert label.left >= 0 and label.right <= width, label
    ordered = sorted(labels, key=lambda lab: lab.left)
    for first, second in zip(ordered, ordered[1:], strict=False):
        assert first.right < second.left, f"{first.text!r} touches {second.text!r}"


# ---- words ------------------------------------------------------------------------------------
def test_small_words() -> None:
    assert plural(1, "entry", "entries") == "1 entry"
    assert plural(2, "entry", "entries") == "2 entries"
    assert plural(0, "day") == "0 days"
    assert join_words(["joy"]) == "joy"
    assert join_words(["joy", "fear"]) == "joy and fear"
    assert join_words(["joy", "fear", "anger"]) == "joy, fear and anger"


def _day(d: int, count: int = 1, **means: float) -> DailyEmotions:
    return DailyEmotions(date(2026, 5, d), means, count, 0.0)


def test_emotion_summary_grammar() -> None:
    assert emotion_summary([], TODAY, 30) == "No analysed entries in the last 30 days."
    assert emotion_summary([], TODAY, 7) == "No analysed entries in the last week."
    assert emotion_summary([], TODAY, 365) == "No analysed entries in the last year."
    one = [_day(28, 1, joy=0.7, sadness=0.3)]
    assert emotion_summary(one, TODAY, 30) == (
        "Over the last 30 days, only Thursday 28 May 2026 had entries (1 entry); joy was the "
        "strongest emotion that day.")
    two = [_day(27, 3, fear=0.6, joy=0.4), _day(28, 2, joy=0.7, sadness=0.3)]
    assert emotion_summary(two, TODAY, 30) == (
        "Over the last 30 days, joy and fear were the most frequent emotions "
        "(each 1 of 2 days with entries).")
    rising = [_day(2, sadness=0.9, joy=0.1), _day(3, sadness=0.8, joy=0.2),
              _day(29, joy=0.6, sadness=0.4)]
    assert emotion_summary(rising, TODAY, 30) == (
        "Over the last 30 days, sadness was the most frequent emotion (2 of 3 days with "
        "entries); joy rose and sadness fell in the last week.")
    # a day outside the range does not count; a small change is not a trend
    steady = [_day(2, sadness=0.6, joy=0.4), _day(29, sadness=0.55, joy=0.45),
              DailyEmotions(date(2026, 1, 1), {"joy": 1.0}, 1, 0.0)]
    assert emotion_summary(steady, TODAY, 30) == (
        "Over the last 30 days, sadness was the most frequent emotion (2 of 2 days with "
        "entries).")


def test_emotion_day_text() -> None:
    assert emotion_day_text(date(2026, 5, 2), None) == "Saturday 2 May 2026: no entries"
    day = _day(1, 2, joy=0.3, sadness=0.9, fear=0.0)
    assert emotion_day_text(day.day, day) == "Friday 1 May 2026: 2 entries\nsadness 75 %, joy 25 %"


def test_mood_words() -> None:
    assert mood_summary([]) == "No check-ins yet."
    assert mood_summary([("2026-05-29", None), ("2026-05-30", None)]) == (
        "No check-ins in the last 2 days.")
    assert mood_summary([("2026-05-30", 4.0)]) == (
        "Check-ins on Saturday 30 May 2026, average mood 4.0 (Good).")
    days = [("2026-05-28", 2.0), ("2026-05-29", None), ("2026-05-30", 3.0)]
    assert mood_summary(days) == (
        "Check-ins on 2 of the last 3 days, average mood 2.5 (Okay); best day Saturday 30 May "
        "(3.0), lowest Thursday 28 May (2.0).")
    assert mood_summary(days, {"2026-05-28": 3, "2026-05-30": 1}) == (
        "4 check-ins on 2 of the last 3 days, average mood 2.2 (Bad); best day Saturday 30 May "
        "(3.0), lowest Thursday 28 May (2.0).")
    assert mood_summary([("2026-05-28", 3.0), ("2026-05-30", 3.0)]) == (
        "Check-ins on 2 of the last 2 days, average mood 3.0 (Okay); the same on every day "
        "with a check-in.")
    assert mood_day_text("2026-05-29", None) == "Friday 29 May 2026: no check-ins"
    assert mood_day_text("2026-05-28", 2.0, 1) == "Thursday 28 May 2026: mood 2.0 (Bad), 1 check-in"
    assert mood_day_text("2026-05-26", 3.5, 2) == (
        "Tuesday 26 May 2026: average mood 3.5 (Good) over 2 check-ins")


def test_day_labels_thin_out_and_never_touch() -> None:
    days = [date(2026, 5, 1) + timedelta(days=i) for i in range(30)]

    def width(text: str) -> float:
        return 7.0 * len(text)

    every = day_labels(days, 0, 60, width, (0, 1800), 4)
    assert [lab.index for lab in every] == list(range(30))  # room for every day
    weekly = day_labels(days, 0, 12, width, (0, 360), 4)
    assert [lab.index for lab in weekly] == [1, 8, 15, 22, 29]  # counted back from the last day
    year = [date(2025, 6, 1) + timedelta(days=i) for i in range(365)]
    months = day_labels(year, 0, 2, width, (0, 730), 4)
    assert [lab.text for lab in months][-3:] == ["Mar", "Apr", "May"]
    assert all(year[lab.index].day == 1 for lab in months)  # month names at month starts
    for labels, right in ((every, 1800), (weekly, 360), (months, 730)):
        _assert_apart(labels, right)
    assert day_labels([], 0, 10, width, (0, 100), 4) == []


# ---- the emotion chart over a real vault ------------------------------------------------------
def test_emotion_chart_slots_tooltips_and_summary(qtbot, open_services: AppServices) -> None:
    _fill_vault(open_services)
    view = _trends(qtbot, open_services)
    bars = view.bars
    assert [d for d, _ in bars.slots] == [date(2026, 5, 1) + timedelta(days=i) for i in range(30)]
    empty = [d for d, data in bars.slots if data is None]
    assert len(empty) == 30 - len(ENTRIES) and date(2026, 5, 2) in empty
    assert bars.tooltip_for(date(2026, 5, 1)) == (
        "Friday 1 May 2026: 2 entries\nsadness 70 %, joy 30 %")
    assert bars.tooltip_for(date(2026, 5, 2)) == "Saturday 2 May 2026: no entries"
    assert view.summary.text() == (
        "Over the last 30 days, sadness was the most frequent emotion (3 of 6 days with "
        "entries); joy rose and sadness fell in the last week.")
    assert bars.accessibleDescription() == view.summary.text()
    assert all(f">&nbsp;{label}" in view.legend.text() for label in EMOTION_ORDER)
    assert tuple(COLOURS) == EMOTION_ORDER

    # hovering a bar shows the same text as the tooltip function
    view.resize(1024, 640)
    view.show()
    qtbot.waitExposed(view)
    plot = bars.plot_rect()
    x = int(plot.left() + 0.5 * bars.slot_width())
    pos = QPoint(x, int(plot.center().y()))
    QApplication.sendEvent(bars, QHelpEvent(QEvent.Type.ToolTip, pos, bars.mapToGlobal(pos)))
    qtbot.waitUntil(lambda: QToolTip.text() == bars.tooltip_for(date(2026, 5, 1)))
    assert bars.index_at(plot.left() - 1) is None

    _choose_range(qtbot, view, 7)
    assert len(bars.slots) == 7 and bars.slots[-1][0] == TODAY
    assert view.summary.text() == (
        "Over the last week, joy was the most frequent emotion (2 of 2 days with entries).")
    _choose_range(qtbot, view, 90)
    assert len(bars.slots) == 90
    _choose_range(qtbot, view, 365)
    assert len(bars.slots) == 365 and bars.slots[0][0] == date(2025, 5, 31)
    assert view.summary.text() == (
        "Over the last year, sadness was the most frequent emotion (3 of 6 days with entries).")


def test_emotion_chart_when_locked_and_empty(qtbot, open_services: AppServices) -> None:
    view = _trends(qtbot, open_services)
    assert view.summary.text() == "No analysed entries in the last 30 days."
    assert len(view.bars.slots) == 30 and all(d is None for _, d in view.bars.slots)
    open_services.lock()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.reload()
    assert view.summary.text() == "No analysed entries in the last 30 days."


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_emotion_labels_never_overlap(qtbot, qapp, themed, open_services: AppServices,
                                      scale: float) -> None:
    apply_theme(qapp, "system", scale)
    _fill_vault(open_services)
    view = _trends(qtbot, open_services)
    view.resize(1024, 700)
    view.show()
    qtbot.waitExposed(view)
    counts = {}
    for days in (7, 30, 90, 365):
        _choose_range(qtbot, view, days)
        labels = view.bars.axis_labels()
        _assert_apart(labels, view.bars.width())
        counts[days] = len(labels)
        view.bars.grab()
    if scale == 1.0:
        assert counts[7] == 7  # room for every day of a week
    assert counts[30] < 30  # a month is thinned out
    # at a narrow width there are fewer labels, still apart
    view.resize(480, 700)
    qtbot.waitUntil(lambda: view.bars.width() < 480)
    _choose_range(qtbot, view, 30)
    narrow = view.bars.axis_labels()
    _assert_apart(narrow, view.bars.width())
    assert len(narrow) <= counts[30]


# ---- the mood chart ---------------------------------------------------------------------------
def _add_moods(services: AppServices, base: datetime) -> None:
    for days_ago, hour, mood in ((4, 9, 4), (4, 20, 5), (2, 12, 2), (1, 8, 3)):
        services.mood.add(mood=mood, checkin_at=(base - timedelta(days=days_ago)).replace(
            hour=hour, minute=0, second=0, microsecond=0))


def test_mood_chart_gaps_tooltips_and_caption(qtbot, open_services: AppServices) -> None:
    now = datetime(2026, 5, 30, 12)
    _add_moods(open_services, now)
    days = open_services.mood.daily_average(30, today=now)
    chart = MoodChart()
    qtbot.addWidget(chart)
    chart.set_data(days, checkin_counts(open_services.mood.list()))
    assert len(chart.data()) == 30 and chart.data()[-1] == ("2026-05-30", None)
    assert chart.tooltip_for(date(2026, 5, 26)) == (
        "Tuesday 26 May 2026: average mood 4.5 (Great) over 2 check-ins")
    assert chart.tooltip_for("2026-05-27") == "Wednesday 27 May 2026: no check-ins"
    assert chart.tooltip_for(date(2026, 5, 28)) == (
        "Thursday 28 May 2026: mood 2.0 (Bad), 1 check-in")
    caption = ("4 check-ins on 3 of the last 30 days, average mood 3.5 (Good); best day Tuesday "
               "26 May (4.5), lowest Thursday 28 May (2.0).")
    assert chart.caption.text() == caption and chart.accessibleDescription() == caption
    # sparse data (the clinician's shared days) gets its gaps back
    chart.set_data([("2026-05-20", 3.0), ("2026-05-23", 4.0)])
    assert [v for _, v in chart.data()] == [3.0, None, None, 4.0]
    chart.clear()
    assert chart.data() == [] and chart.caption.text() == ""


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("width", [1024, 420])
def test_mood_labels_never_overlap(qtbot, qapp, themed, scale: float, width: int) -> None:
    apply_theme(qapp, "system", scale)
    chart = MoodChart()
    qtbot.addWidget(chart)
    start = date(2026, 11, 6)
    chart.set_data([((start + timedelta(days=i)).isoformat(), 3.0 if i % 3 else None)
                    for i in range(30)])
    chart.resize(width, 400)
    chart.show()
    qtbot.waitExposed(chart)
    labels = chart.axis_labels()
    _assert_apart(labels, chart.plot.width())
    assert labels[-1].text == "5 Dec"  # the latest day is always named
    chart.grab()


def test_mood_screen_passes_counts(qtbot, open_services: AppServices, tasks_done) -> None:
    _add_moods(open_services, datetime.now())
    screen = MoodScreen(open_services)
    qtbot.addWidget(screen)
    tasks_done()
    day = (datetime.now() - timedelta(days=4)).date()
    assert screen.chart.tooltip_for(day).endswith("average mood 4.5 (Great) over 2 check-ins")
    assert screen.chart.caption.text().startswith("4 check-ins on 3 of the last 30 days")


# ---- every theme and text size ----------------------------------------------------------------
@pytest.mark.parametrize("theme", THEMES)
def test_charts_render_in_every_theme(qtbot, qapp, themed, open_services: AppServices,
                                      theme: str) -> None:
    _fill_vault(open_services)
    view = _trends(qtbot, open_services)
    chart = MoodChart()
    qtbot.addWidget(chart)
    chart.set_data([(f"2026-05-{d:02d}", float(1 + d % 5) if d % 4 else None)
                    for d in range(1, 31)])
    for scale in (1.0, 1.5, 2.0):
        apply_theme(qapp, theme, scale)
        for widget in (view, chart):
            widget.resize(1024, 640)
            widget.show()
            qtbot.waitExposed(widget)
            image = widget.grab().toImage()
            assert not image.isNull()
            assert len({image.pixel(x, y) for x in range(0, image.width(), 16)
                        for y in range(0, image.height(), 16)}) > 3  # something was drawn
        h = view.bars.fontMetrics().height()
        assert view.bars.height() >= 9 * h and chart.plot.height() >= 11 * h
        _assert_apart(view.bars.axis_labels(), view.bars.width())
        _assert_apart(chart.axis_labels(), chart.plot.width())


def test_arrow_keys_read_the_days(qtbot, open_services: AppServices) -> None:
    _fill_vault(open_services)
    view = _trends(qtbot, open_services)
    view.resize(1024, 640)
    view.show()
    qtbot.waitExposed(view)
    bars = view.bars
    bars.setFocus()
    qtbot.keyClick(bars, Qt.Key.Key_End)
    assert bars.current == 29
    assert bars.accessibleDescription() == "Saturday 30 May 2026: no entries"
    qtbot.keyClick(bars, Qt.Key.Key_Left)
    qtbot.keyClick(bars, Qt.Key.Key_Left)
    assert bars.accessibleDescription() == bars.tooltip_for(date(2026, 5, 28))
    assert "2026: 1 entry\njoy 70 %, sadness 30 %" in bars.accessibleDescription()
    qtbot.keyClick(bars, Qt.Key.Key_Home)
    qtbot.keyClick(bars, Qt.Key.Key_Left)  # stays on the first day
    assert bars.current == 0 and bars.accessibleDescription().startswith("Friday 1 May 2026")
    bars.grab()  # paints the chosen day's frame
    chart = MoodChart()
    qtbot.addWidget(chart)
    chart.set_data([("2026-05-29", None), ("2026-05-30", 4.0)], {"2026-05-30": 1})
    qtbot.keyClick(chart.plot, Qt.Key.Key_Right)  # the first key goes to the latest day
    assert chart.plot.accessibleDescription() == (
        "Saturday 30 May 2026: mood 4.0 (Good), 1 check-in")


# Machado, Oliveira and Fernandes (2009), full severity, on linear RGB.
CVD = {
    "protan": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
               (-0.003882, -0.048116, 1.051998)),
    "deutan": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
               (-0.011820, 0.042940, 0.968881)),
    "tritan": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
               (0.004733, 0.691367, 0.303900)),
}


def _seen(colour: str, kind: str) -> list[float]:
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    def back(c: float) -> float:
        c = min(1.0, max(0.0, c))
        return 255 * (12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055)

    rgb = [lin(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5)]
    return [back(sum(row[c] * rgb[c] for c in range(3))) for row in CVD[kind]]


def _apart(first: str, second: str, kind: str) -> float:
    return sum((a - b) ** 2 for a, b in zip(_seen(first, kind), _seen(second, kind),
                                            strict=True)) ** 0.5


@pytest.mark.parametrize("kind", sorted(CVD))
def test_colours_stay_apart_for_colour_blind_readers(kind: str) -> None:
    from itertools import combinations

    from mindspace.core.entities import MOOD_COLOURS

    least = 25 if kind == "tritan" else 40  # red and green (#d62728, #2ca02c) fail: 30 deutan
    for first, second in combinations(COLOURS.values(), 2):
        assert _apart(first, second, kind) > least, (first, second)
    for level in range(1, 5):
        assert _apart(MOOD_COLOURS[level], MOOD_COLOURS[level + 1], kind) > least, level
